"""Tables of the OParl sync and of document lineage (migration 0002).

Instants (``modified``, ``start``, sync times) are UTC (``UTCDateTime``); ``OParlPaper.date``
is a civil date. OParl ids are the objects' URLs. Gremien among the organisations get a
``Body`` row (``OParlOrganization.body_id``); meetings live in ``Meeting`` (keyed by
``Meeting.oparl_id``) with their OParl-only fields in ``OParlMeetingInfo``.

``DocumentLineage`` groups the versions of one protocol (``key``: ``oparl:<meeting id>#<role>``
for OParl files, ``meeting:<Meeting.id>`` for files ingested from disk), so a corrected
protocol is reconciled against the commitments of its earlier versions (``app.reconcile``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from models.types import UTCDateTime


def _utc() -> Column[dt.datetime]:
    return Column(UTCDateTime(), nullable=True)


class OParlOrganization(SQLModel, table=True):
    """An OParl Organization; Gremien are mirrored as ``Body`` rows (``body_id``)."""

    __tablename__ = "oparl_organization"

    id: int | None = Field(default=None, primary_key=True)
    oparl_id: str = Field(unique=True, max_length=500)
    name: str = Field(max_length=500)
    short_name: str | None = Field(default=None, max_length=200)
    organization_type: str | None = Field(default=None, max_length=200)
    body_id: int | None = Field(default=None, foreign_key="body.id")
    deleted: bool = False
    modified: dt.datetime | None = Field(default=None, sa_column=_utc())


class OParlMeetingInfo(SQLModel, table=True):
    """OParl fields of a ``Meeting`` that the calendar itself does not need."""

    __tablename__ = "oparl_meeting"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    state: str | None = Field(default=None, max_length=200)
    start: dt.datetime | None = Field(default=None, sa_column=_utc())
    deleted: bool = False
    modified: dt.datetime | None = Field(default=None, sa_column=_utc())


class OParlAgendaItem(SQLModel, table=True):
    """A Tagesordnungspunkt of a meeting, in agenda order (``position``)."""

    __tablename__ = "oparl_agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    oparl_id: str = Field(unique=True, max_length=500)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    position: int = 0
    number: str | None = Field(default=None, max_length=50)
    name: str | None = Field(default=None, sa_column=Column(Text))
    public: bool | None = None
    result: str | None = Field(default=None, max_length=500)
    resolution_text: str | None = Field(default=None, sa_column=Column(Text))
    paper_oparl_id: str | None = Field(default=None, max_length=500)
    modified: dt.datetime | None = Field(default=None, sa_column=_utc())


class OParlPaper(SQLModel, table=True):
    """A Drucksache; ``owner_candidate`` is the name of its first ``underDirectionOf`` organisation."""

    __tablename__ = "oparl_paper"

    id: int | None = Field(default=None, primary_key=True)
    oparl_id: str = Field(unique=True, max_length=500)
    reference: str | None = Field(default=None, max_length=200, index=True)
    name: str | None = Field(default=None, sa_column=Column(Text))
    paper_type: str | None = Field(default=None, max_length=200)
    date: dt.date | None = None
    under_direction_of: str | None = Field(default=None, max_length=500)
    owner_candidate: str | None = Field(default=None, max_length=500)
    deleted: bool = False
    modified: dt.datetime | None = Field(default=None, sa_column=_utc())


class OParlFile(SQLModel, table=True):
    """A protocol file of a meeting and the HTTP validators of its last download.

    ``etag``/``last_modified`` are sent back as If-None-Match/If-Modified-Since; a 304
    means unchanged. ``document_id`` is the newest stored version (None: not read yet,
    retried on the next sync; ``error`` says why).
    """

    __tablename__ = "oparl_file"

    id: int | None = Field(default=None, primary_key=True)
    oparl_id: str = Field(unique=True, max_length=500)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    role: str = Field(default="resultsProtocol", max_length=30)
    name: str | None = Field(default=None, max_length=500)
    file_name: str | None = Field(default=None, max_length=500)
    mime_type: str | None = Field(default=None, max_length=200)
    access_url: str | None = Field(default=None, max_length=2000)
    download_url: str | None = Field(default=None, max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    document_id: int | None = Field(default=None, foreign_key="document.id")
    deleted: bool = False
    error: str | None = Field(default=None, sa_column=Column(Text))
    modified: dt.datetime | None = Field(default=None, sa_column=_utc())


class DocumentLineage(SQLModel, table=True):
    """Which protocol a stored document is a version of (see the module docstring)."""

    __tablename__ = "document_lineage"

    document_id: int = Field(foreign_key="document.id", primary_key=True)
    key: str = Field(max_length=600, index=True)


class OParlSyncState(SQLModel, table=True):
    """Per list endpoint: start instant of the last successful sync (UTC), for ``modified_since``."""

    __tablename__ = "oparl_sync_state"

    id: int | None = Field(default=None, primary_key=True)
    endpoint: str = Field(unique=True, max_length=1000)
    last_success_at: dt.datetime | None = Field(default=None, sa_column=_utc())
    objects: int = 0
