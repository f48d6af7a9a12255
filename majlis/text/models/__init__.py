"""Model files shipped with Majlis (see docs/models/): data, not code."""
