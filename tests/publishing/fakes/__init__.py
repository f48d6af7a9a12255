"""Loopback servers that answer as the networks' APIs do, for the connector tests."""
