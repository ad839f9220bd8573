"""Helpers for the delivery tests (no tests here): commitments, configs, a recording sender.

All instants are UTC; ``berlin(...)`` builds one from a Europe/Berlin wall-clock time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from app.bootstrap import AppContext, build
from core.messages import Message
from models.tables import Commitment, Document
from notifications.apprise_sender import SendOutcome

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(year: int, month: int, day: int, hour: int = 7, minute: int = 30) -> dt.datetime:
    """The UTC instant of a Berlin wall-clock time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(dt.UTC)


def add_commitment(ctx: AppContext, *, due: dt.date | None, confirmed: dt.datetime, owner: str = "Herr Römer",
                   kind: str = "deadline", action: str = "Bericht zur Integrationsplanung vorlegen",
                   status: str = "open") -> int:
    """Insert one confirmed commitment (with its own document); returns its id."""
    with ctx.session() as session:
        doc = Document(source="niederschrift.txt", sha256=uuid.uuid4().hex, text=action, created_at=confirmed)
        session.add(doc)
        session.flush()
        row = Commitment(document_id=doc.id or 0, action=action, owner=owner, due=due, kind=kind, status=status,
                         quote=action, quote_start=0, quote_end=len(action), created_at=confirmed,
                         updated_at=confirmed, confirmed_at=confirmed)
        session.add(row)
        session.commit()
        return row.id or 0


def config_text(urls: dict[str, str], extra: str = "", triage: str | None = "amtsleitung") -> str:
    """A TOML config: ``roemer`` (owner), ``amtsleitung`` (manager, digest, triage), given URLs."""
    parts = ['[calendar]\ntimezone = "Europe/Berlin"\nland = "NW"\nsend_at = "07:30"\n']
    if "roemer" in urls:
        parts.append(f'[recipients.roemer]\nname = "Herr Römer"\naliases = ["Römer"]\n'
                     f'notify = ["{urls["roemer"]}"]\nmanager = "amtsleitung"\n')
    parts.append(f'[recipients.amtsleitung]\nname = "Amtsleitung"\nnotify = ["{urls["amtsleitung"]}"]\n'
                 'digest = true\n')
    if triage:
        parts.append(f'[triage]\nrecipient = "{triage}"\n')
    return "\n".join(parts) + extra


def make_ctx(tmp_path: Path, db_url: str, urls: dict[str, str], extra: str = "", name: str = "wv.toml",
             triage: str | None = "amtsleitung") -> AppContext:
    """Write the config and build a context on ``db_url``."""
    path = tmp_path / name
    path.write_text(config_text(urls, extra, triage), encoding="utf-8")
    ctx = build(str(path), db_url)
    _OPEN.append(ctx)
    return ctx


_OPEN: list[AppContext] = []


def dispose_all() -> None:
    """Close every engine ``make_ctx`` opened (PostgreSQL connections warn when garbage-collected)."""
    import gc

    while _OPEN:
        _OPEN.pop().engine.dispose()
    gc.collect()  # engines built inside CLI calls: close them while the test that made them runs


@dataclass
class Recorder:
    """A sender that records (url, message) and answers with scripted outcomes (default: ok)."""

    outcomes: list[SendOutcome] = field(default_factory=list)
    sent: list[tuple[str, Message]] = field(default_factory=list)

    def send(self, url: str, message: Message) -> SendOutcome:
        self.sent.append((url, message))
        return self.outcomes.pop(0) if self.outcomes else SendOutcome(ok=True)

    def subjects(self) -> list[str]:
        return [m.subject for _, m in self.sent]
