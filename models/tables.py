"""SQLModel tables. Civil dates are ``DATE``; instants are UTC (``UTCDateTime``).

Overdue is not stored as a status: it is derived (open and due before today in the
configured zone). ``Commitment.overdue_since`` only records when the nightly run first
noticed it, for the audit trail and "newly overdue" reporting.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import UTCDateTime


def _utc_column(nullable: bool = True) -> Column[dt.datetime]:
    return Column(UTCDateTime(), nullable=nullable)


class Body(SQLModel, table=True):
    """A Gremium (council, committee, steering group)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=300)
    short_name: str | None = Field(default=None, max_length=100)
    oparl_id: str | None = Field(default=None, unique=True, max_length=500)


class Meeting(SQLModel, table=True):
    """One session of a body on a civil date (the meeting calendar)."""

    __table_args__ = (Index("ix_meeting_body_date", "body_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    body_id: int = Field(foreign_key="body.id")
    date: dt.date
    name: str | None = Field(default=None, max_length=500)
    cancelled: bool = False
    oparl_id: str | None = Field(default=None, unique=True, max_length=500)


class Document(SQLModel, table=True):
    """A minutes document as read; commitment offsets index into ``text``."""

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=2000)
    sha256: str = Field(index=True, unique=True, max_length=64)
    format: str = Field(default="txt", max_length=10)
    title: str | None = Field(default=None, max_length=1000)
    text: str = Field(sa_column=Column(Text, nullable=False))
    page_starts: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    created_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))


class Commitment(SQLModel, table=True):
    """A follow-up found in minutes: proposed until a person confirms it."""

    __table_args__ = (
        Index("ix_commitment_status_due", "status", "due"),
        Index("ix_commitment_document", "document_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id")
    action: str = Field(sa_column=Column(Text, nullable=False))
    owner: str | None = Field(default=None, max_length=300, index=True)
    due: dt.date | None = None
    due_text: str | None = Field(default=None, max_length=500)
    kind: str = Field(max_length=20)
    status: str = Field(default="proposed", max_length=20)
    quote: str = Field(sa_column=Column(Text, nullable=False))
    quote_start: int
    quote_end: int
    page: int | None = None
    confidence: float = 0.0
    created_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    updated_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    confirmed_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    overdue_since: dt.date | None = None


class StatusChange(SQLModel, table=True):
    """Audit trail: every status change, edit and system mark, with who, when and a note.

    ``event`` is ``status`` (from -> to, the Erledigungsvermerk is the note of a
    change to done), ``edit`` (note lists the changed fields), ``overdue`` (nightly
    mark) or ``due_resolved`` (a due date learned later, e.g. from the meeting calendar).
    """

    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(foreign_key="commitment.id", index=True)
    at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    actor: str = Field(max_length=200)
    event: str = Field(default="status", max_length=20)
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str | None = Field(default=None, max_length=20)
    note: str | None = Field(default=None, sa_column=Column(Text))


class Recipient(SQLModel, table=True):
    """Directory entry: who an owner name reaches, through which Apprise URLs, and the manager.

    Synchronised from the configuration file on every run; the file stays the source
    of truth. ``notify`` holds Apprise URLs (secrets) as a JSON list and is never printed.
    """

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=100)
    name: str | None = Field(default=None, max_length=300)
    aliases: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    notify: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    manager_key: str | None = Field(default=None, max_length=100)
    digest: bool = False


class Delivery(SQLModel, table=True):
    """The outbox and send log: one row per commitment x recipient target x step x date.

    The row exists *before* anything is sent. ``dedupe_key`` makes planning idempotent
    (digests use it too, with no commitment). A claim sets ``state='sending'`` and a
    lease; a claim taken over after the lease expired sets ``resend`` so the message
    says "(erneut gesendet)".
    """

    __table_args__ = (
        UniqueConstraint("dedupe_key", name="uq_delivery_dedupe_key"),
        Index("ix_delivery_state_next", "state", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=400)
    commitment_id: int | None = Field(default=None, foreign_key="commitment.id", index=True)
    recipient_key: str = Field(max_length=100)
    target_index: int = 0
    step: str = Field(max_length=40)
    effective_date: dt.date
    stated_date: dt.date | None = None
    shift_reason: str | None = Field(default=None, max_length=500)
    audience: str = Field(default="owner", max_length=20)
    state: str = Field(default="pending", max_length=20)
    attempts: int = 0
    resend: bool = False
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    claim_token: str | None = Field(default=None, max_length=64)
    claimed_until: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    next_attempt_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    created_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    sent_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    subject: str | None = Field(default=None, max_length=500)


class Snapshot(SQLModel, table=True):
    """Nightly counts per body, owner and status, for trends (one set per civil day)."""

    __table_args__ = (UniqueConstraint("day", "body", "owner", "status", name="uq_snapshot"),)

    id: int | None = Field(default=None, primary_key=True)
    day: dt.date = Field(index=True)
    body: str = Field(default="", max_length=300)
    owner: str = Field(default="", max_length=300)
    status: str = Field(max_length=20)
    count: int = 0

from models import oparl_tables as _oparl_tables  # noqa: E402,F401  (registers the OParl tables)
