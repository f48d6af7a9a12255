class InputError(Exception):
    """Bad input from the user: exit 2 with this message on stderr."""
