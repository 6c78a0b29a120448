"""Errors that reach the user as one line and exit code 2."""


class ReadoutError(Exception):
    """Base class: the message is shown as is, on one line."""

    exit_code = 2


class InputError(ReadoutError):
    """Input that cannot be read, decoded or accepted."""


class SchemaError(ReadoutError):
    """A canonical document that does not validate."""


class ConfigError(ReadoutError):
    """Invalid configuration."""
