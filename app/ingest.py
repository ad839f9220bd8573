"""Ingest service: read a file, extract candidates, store document + proposals (one transaction per file).

A new version of a protocol already stored (corrected file, OParl re-publication) is
reconciled against the earlier version's commitments by quote; see ``app.reconcile``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from app import reconcile
from app.bootstrap import AppContext
from core.errors import InputError
from core.extraction import extract, find_body, find_meeting_date
from core.types import MeetingContext
from models import store
from models.oparl_tables import DocumentLineage
from models.tables import Body, Meeting

if TYPE_CHECKING:
    from readers import ReadDocument

UNKNOWN_BODY = "Gremium unbekannt"


@dataclass
class FileResult:
    """Outcome for one input file: ``new``, ``unchanged`` or ``failed``.

    ``commitments`` counts new proposals; ``kept`` those matched to an earlier version of the
    same protocol, ``vanished`` earlier ones missing from this version (audit note only).
    """

    path: str
    outcome: str
    document_id: int | None = None
    commitments: int = 0
    meeting_date: dt.date | None = None
    body: str | None = None
    reason: str | None = None
    kept: int = 0
    vanished: int = 0


@dataclass
class IngestReport:
    """Summary of an ingest run."""

    files: list[FileResult] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """How many files had this outcome."""
        return sum(1 for f in self.files if f.outcome == outcome)


def ingest_paths(
    ctx: AppContext,
    paths: Sequence[Path],
    *,
    now: dt.datetime,
    meeting_date: dt.date | None = None,
    body: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest files and folders; each file is all-or-nothing, failures are reported, not raised."""
    from readers import iter_input_files

    report = IngestReport()
    for path in iter_input_files(list(paths)):
        try:
            report.files.append(ingest_file(ctx, path, now=now, meeting_date=meeting_date, body=body))
        except InputError as exc:
            report.files.append(FileResult(path=str(path), outcome="failed", reason=str(exc)))
        if progress:
            progress(path)
    return report


def ingest_file(
    ctx: AppContext, path: Path, *, now: dt.datetime, meeting_date: dt.date | None = None, body: str | None = None
) -> FileResult:
    """Read, extract and store one file; a second ingest of the same bytes changes nothing."""
    from readers import read_path

    doc = read_path(path)
    return ingest_read_document(ctx, doc, now=now, meeting_date=meeting_date, body=body)


def ingest_read_document(
    ctx: AppContext, doc: ReadDocument, *, now: dt.datetime, meeting_date: dt.date | None = None,
    body: str | None = None,
) -> FileResult:
    """Store an already-read document in its own transaction (see ``store_read_document``)."""
    with ctx.session() as session:
        result = store_read_document(session, ctx, doc, now=now, meeting_date=meeting_date, body=body)
        session.commit()
        return result


def store_read_document(
    session: Session,
    ctx: AppContext,
    doc: ReadDocument,
    *,
    now: dt.datetime,
    meeting_date: dt.date | None = None,
    body: str | None = None,
    meeting: Meeting | None = None,
    lineage: str | None = None,
    owner_for: Callable[[int], str | None] | None = None,
) -> FileResult:
    """Extract and store a read document in the caller's transaction (files and OParl share this).

    ``meeting`` (OParl) fixes meeting date and body. ``lineage`` names the protocol this is a
    version of; without it, a document of a known body's meeting belongs to ``meeting:<id>``.
    Earlier versions' commitments are reconciled by quote (``app.reconcile``), so a corrected
    protocol adds no duplicates. ``owner_for(offset)`` may name an owner for candidates
    without one (e.g. the department in charge of the paper discussed under that TOP).
    """
    existing = store.find_document(session, doc.sha256)
    if existing is not None:
        return FileResult(path=doc.source, outcome="unchanged", document_id=existing.id)
    day: dt.date | None
    if meeting is not None:
        day, body_row = meeting.date, session.get(Body, meeting.body_id)
        body_name = body_row.name if body_row else body
    else:
        day = meeting_date or doc.meeting_date or find_meeting_date(doc.text)
        body_name = body or doc.body or find_body(doc.text)
    context = MeetingContext(meeting_date=day, body=body_name, land=ctx.config.land,
                             next_meetings=store.meeting_calendar(session))
    candidates = extract(doc.text, context)
    if owner_for is not None:
        candidates = [c if c.owner else replace(c, owner=owner_for(c.start) or None) for c in candidates]
    if meeting is None and day is not None:
        body_row = store.get_or_create_body(session, body_name or UNKNOWN_BODY)
        meeting = store.get_or_create_meeting(session, body_row, day)
        if lineage is None and body_name:
            lineage = f"meeting:{meeting.id}"
    elif meeting is None and body_name:
        store.get_or_create_body(session, body_name)
    previous = reconcile.lineage_commitments(session, lineage) if lineage else []
    document, _ = store.add_document(
        session, source=doc.source, sha256=doc.sha256, text=doc.text, fmt=doc.format, title=doc.title,
        page_starts=doc.page_starts, meeting=meeting, candidates=[], pages=[], now=now,
    )
    if lineage:
        session.add(DocumentLineage(document_id=document.id or 0, key=lineage))
    outcome = reconcile.reconcile(session, document, candidates, [doc.page_of(c.start) for c in candidates],
                                  previous, now)
    return FileResult(path=doc.source, outcome="new", document_id=document.id, commitments=outcome.new,
                      meeting_date=day, body=body_name, kept=outcome.kept + outcome.refreshed,
                      vanished=outcome.vanished)
