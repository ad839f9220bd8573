"""Errors the core raises for bad input; shells turn them into one-line messages."""

from __future__ import annotations


class InputError(ValueError):
    """Bad user input (file, date, id, config). ``str(err)`` is a one-line German message."""


class ConfigError(InputError):
    """An invalid configuration value; the message names the offending key."""
