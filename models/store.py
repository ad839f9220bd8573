"""Queries and writes for documents, commitments and their audit trail.

Every public function takes an open ``Session``; the caller owns the transaction, so a
failing ingest or edit rolls back as a whole and leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.errors import InputError
from core.lifecycle import check_editable, require_note, transition
from core.types import Candidate, Kind, Status
from core.views import CommitmentView
from models.tables import Body, Commitment, Document, Meeting, StatusChange

SYSTEM_ACTOR = "system"


def get_or_create_body(session: Session, name: str) -> Body:
    """The body called ``name`` (case-insensitive), created when new."""
    clean = " ".join(name.split())
    body = session.exec(select(Body).where(func.lower(Body.name) == clean.lower())).first()
    if body is None:
        body = Body(name=clean)
        session.add(body)
        session.flush()
    return body


def get_or_create_meeting(session: Session, body: Body, day: dt.date) -> Meeting:
    """The (first) meeting of ``body`` on civil ``day``, created when new."""
    meeting = session.exec(
        select(Meeting).where(Meeting.body_id == body.id, Meeting.date == day).order_by(col(Meeting.id))
    ).first()
    if meeting is None:
        meeting = Meeting(body_id=body.id or 0, date=day)
        session.add(meeting)
        session.flush()
    return meeting


def meeting_calendar(session: Session) -> dict[str, tuple[dt.date, ...]]:
    """Known meeting dates per lower-cased body name (cancelled meetings left out)."""
    rows = session.exec(
        select(Body.name, Meeting.date)
        .join(Meeting, col(Meeting.body_id) == col(Body.id))
        .where(col(Meeting.cancelled).is_(False))
        .order_by(col(Meeting.date))
    ).all()
    calendar: dict[str, list[dt.date]] = {}
    for name, day in rows:
        calendar.setdefault(name.lower(), []).append(day)
    return {name: tuple(days) for name, days in calendar.items()}


def find_document(session: Session, sha256: str) -> Document | None:
    """The stored document with these bytes, if any (ingest is idempotent by content)."""
    return session.exec(select(Document).where(Document.sha256 == sha256)).first()


def add_document(
    session: Session,
    *,
    source: str,
    sha256: str,
    text: str,
    fmt: str,
    title: str | None,
    page_starts: Sequence[int],
    meeting: Meeting | None,
    candidates: Iterable[Candidate],
    pages: Sequence[int | None],
    now: dt.datetime,
) -> tuple[Document, int]:
    """Store a document and its candidates as proposed commitments; returns (document, count)."""
    document = Document(
        source=source,
        sha256=sha256,
        text=text,
        format=fmt,
        title=title,
        page_starts=json.dumps(list(page_starts)),
        meeting_id=meeting.id if meeting else None,
        created_at=now,
    )
    session.add(document)
    session.flush()
    count = 0
    for cand, page in zip(candidates, pages, strict=True):
        session.add(commitment_from_candidate(document.id or 0, cand, page, now))
        count += 1
    session.flush()
    return document, count


def commitment_from_candidate(
    document_id: int, cand: Candidate, page: int | None, now: dt.datetime
) -> Commitment:
    """A proposed commitment row for one extraction candidate."""
    return Commitment(
        document_id=document_id,
        action=cand.action,
        owner=cand.owner,
        due=cand.due,
        due_text=cand.due_text,
        kind=cand.kind.value,
        status=Status.PROPOSED.value,
        quote=cand.quote,
        quote_start=cand.start,
        quote_end=cand.end,
        page=page,
        confidence=cand.confidence,
        created_at=now,
        updated_at=now,
    )


def _view_query():  # type: ignore[no-untyped-def]
    return (
        select(Commitment, Document.source, Meeting.date, Body.name)
        .join(Document, col(Document.id) == col(Commitment.document_id))
        .join(Meeting, col(Meeting.id) == col(Document.meeting_id), isouter=True)
        .join(Body, col(Body.id) == col(Meeting.body_id), isouter=True)
    )


def to_view(row: Commitment, source: str | None, meeting_date: dt.date | None, body: str | None) -> CommitmentView:
    """Plain read model for the core (wording, reports) and the CLI."""
    return CommitmentView(
        id=row.id or 0,
        action=row.action,
        owner=row.owner,
        due=row.due,
        due_text=row.due_text,
        kind=row.kind,
        status=row.status,
        quote=row.quote,
        confidence=row.confidence,
        body=body,
        meeting_date=meeting_date,
        source=source,
        page=row.page,
        quote_start=row.quote_start,
        quote_end=row.quote_end,
        document_id=row.document_id,
    )


def list_views(
    session: Session,
    *,
    today: dt.date,
    status: str = "all",
    owner: str | None = None,
    body: str | None = None,
    due_before: dt.date | None = None,
    ids: Sequence[int] | None = None,
) -> list[CommitmentView]:
    """Commitments as views, filtered; ``status='overdue'`` is derived from ``today``."""
    query = _view_query()
    if status == "overdue":
        query = query.where(Commitment.status == "open", col(Commitment.due) < today)
    elif status != "all":
        query = query.where(Commitment.status == status)
    if owner:
        query = query.where(func.lower(col(Commitment.owner)).contains(owner.lower()))
    if body:
        query = query.where(func.lower(col(Body.name)).contains(body.lower()))
    if due_before:
        query = query.where(col(Commitment.due) < due_before)
    if ids is not None:
        query = query.where(col(Commitment.id).in_(list(ids)))
    query = query.order_by(col(Commitment.due).is_(None), col(Commitment.due), col(Commitment.id))
    return [to_view(*row) for row in session.exec(query).all()]


def get_commitment(session: Session, commitment_id: int) -> Commitment:
    """The commitment with this id; InputError (German, one line) when unknown."""
    row = session.get(Commitment, commitment_id)
    if row is None:
        raise InputError(f"Eintrag {commitment_id} gibt es nicht")
    return row


def audit(
    session: Session,
    row: Commitment,
    *,
    now: dt.datetime,
    actor: str,
    event: str,
    from_status: str | None = None,
    to_status: str | None = None,
    note: str | None = None,
) -> None:
    """Append one audit entry for ``row``."""
    session.add(
        StatusChange(
            commitment_id=row.id or 0,
            at=now,
            actor=actor,
            event=event,
            from_status=from_status,
            to_status=to_status,
            note=note,
        )
    )


def change_status(
    session: Session, commitment_id: int, action: str, *, now: dt.datetime, actor: str, note: str | None = None
) -> Commitment:
    """Apply confirm/done/cancel/reopen with an audit entry; InputError when not allowed."""
    row = get_commitment(session, commitment_id)
    if action in ("done", "cancel"):
        note = require_note(note, action)
    current = Status(row.status)
    target = transition(action, current, commitment_id)
    row.status = target.value
    row.updated_at = now
    if action == "confirm":
        row.confirmed_at = now
    if target is not Status.OPEN:
        row.overdue_since = None
    session.add(row)
    audit(session, row, now=now, actor=actor, event="status", from_status=current.value,
          to_status=target.value, note=note)
    return row


def edit_commitment(
    session: Session,
    commitment_id: int,
    *,
    now: dt.datetime,
    actor: str,
    due: dt.date | None = None,
    owner: str | None = None,
    action: str | None = None,
    kind: str | None = None,
    clear_due: bool = False,
) -> Commitment:
    """Change fields of a proposed/open commitment; the audit note lists old -> new."""
    row = get_commitment(session, commitment_id)
    check_editable(Status(row.status), commitment_id)
    changes: list[str] = []
    if kind is not None:
        try:
            kind = Kind(kind).value
        except ValueError as exc:
            raise InputError(f"Unbekannte Art {kind!r} (erlaubt: {', '.join(k.value for k in Kind)})") from exc
    new_due = None if clear_due else due
    updates = {"due": new_due if (due is not None or clear_due) else row.due,
               "owner": owner.strip() if owner else row.owner,
               "action": action.strip() if action else row.action,
               "kind": kind or row.kind}
    for field_name, value in updates.items():
        old = getattr(row, field_name)
        if value != old:
            changes.append(f"{field_name}: {old} → {value}")
            setattr(row, field_name, value)
    if not changes:
        raise InputError(f"Eintrag {commitment_id}: nichts zu ändern")
    if row.due is None or (row.overdue_since and row.due and row.due >= row.overdue_since):
        row.overdue_since = None
    row.updated_at = now
    session.add(row)
    audit(session, row, now=now, actor=actor, event="edit", note="; ".join(changes))
    return row


def history(session: Session, commitment_id: int) -> list[StatusChange]:
    """The audit trail of one commitment, oldest first."""
    get_commitment(session, commitment_id)
    return list(
        session.exec(
            select(StatusChange)
            .where(StatusChange.commitment_id == commitment_id)
            .order_by(col(StatusChange.at), col(StatusChange.id))
        ).all()
    )
