"""Helpers shared by the flows."""

from __future__ import annotations

import datetime as dt

from app.bootstrap import AppContext, from_environment
from core.dates import parse_now


def context() -> AppContext:
    """A fresh context from the environment (WIEDERVORLAGE_DATABASE_URL, WIEDERVORLAGE_CONFIG)."""
    return from_environment()


def resolve_now(now: str | None) -> dt.datetime:
    """The flow's ``now`` parameter (ISO string or None for the real time) as a UTC instant."""
    return parse_now(now)
