"""Ingest service: read a file, extract candidates, store document + proposals (one transaction per file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.bootstrap import AppContext
from core.errors import InputError
from core.extraction import extract, find_meeting_date
from core.types import MeetingContext
from models import store

UNKNOWN_BODY = "Gremium unbekannt"


@dataclass
class FileResult:
    """Outcome for one input file: ``new``, ``unchanged`` or ``failed``."""

    path: str
    outcome: str
    document_id: int | None = None
    commitments: int = 0
    meeting_date: dt.date | None = None
    body: str | None = None
    reason: str | None = None


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
    ctx: AppContext, doc, *, now: dt.datetime, meeting_date: dt.date | None = None,  # type: ignore[no-untyped-def]
    body: str | None = None,
) -> FileResult:
    """Store an already-read document (files and OParl downloads share this path)."""
    with ctx.session() as session:
        existing = store.find_document(session, doc.sha256)
        if existing is not None:
            return FileResult(path=doc.source, outcome="unchanged", document_id=existing.id)
        day = meeting_date or doc.meeting_date or find_meeting_date(doc.text)
        body_name = body or doc.body
        context = MeetingContext(
            meeting_date=day,
            body=body_name,
            land=ctx.config.land,
            next_meetings=store.meeting_calendar(session),
        )
        candidates = extract(doc.text, context)
        meeting = None
        if day is not None:
            body_row = store.get_or_create_body(session, body_name or UNKNOWN_BODY)
            meeting = store.get_or_create_meeting(session, body_row, day)
        elif body_name:
            store.get_or_create_body(session, body_name)
        document, count = store.add_document(
            session,
            source=doc.source,
            sha256=doc.sha256,
            text=doc.text,
            fmt=doc.format,
            title=doc.title,
            page_starts=doc.page_starts,
            meeting=meeting,
            candidates=candidates,
            pages=[doc.page_of(c.start) for c in candidates],
            now=now,
        )
        session.commit()
        return FileResult(path=doc.source, outcome="new", document_id=document.id, commitments=count,
                          meeting_date=day, body=body_name)
