"""Reconciliation: re-read protocols and due dates learned later from the meeting calendar.

A corrected or late protocol is a new version in the same *lineage* (``DocumentLineage``).
Its candidates are matched to the lineage's commitments by normalised quote text (exact
first, then similarity ≥ ``FUZZY``, one to one) — so nothing is proposed twice:

- matched and still ``proposed`` and never edited by a person: refreshed from the new text
  (document, quote offsets, fields); changed fields get an audit note (event ``reconciled``);
- matched and confirmed, edited, done or cancelled: left exactly as they are;
- unmatched candidates: stored as new proposals;
- commitments (proposed/open) missing from the new version: kept, with one audit note
  (event ``vanished``) asking for a check — a correction may legitimately drop a sentence,
  but deleting a follow-up silently would be worse than asking.

``resolve_due_dates`` fills in due dates phrased as "in der nächsten Sitzung (des X)"
once X's next meeting is in the calendar (event ``due_resolved``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlmodel import Session, col, select

from core.types import Candidate, MeetingContext, Status
from models import store
from models.oparl_tables import DocumentLineage
from models.tables import Body, Commitment, Document, Meeting, StatusChange

FUZZY = 0.85
ACTIVE = (Status.PROPOSED.value, Status.OPEN.value)
_MEETING_WORDING = re.compile(r"Sitzung|[Aa]usschuss|Rat\b|Rates\b|Kreistag", re.UNICODE)


def normalise_quote(quote: str) -> str:
    """Quote text for comparison: NFKC, case-folded, hyphenation and punctuation-insensitive."""
    text = unicodedata.normalize("NFKC", quote).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"[„“”\"'‚‘’«»]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:–-").casefold()
    return text


@dataclass
class ReconcileResult:
    """Counts of one reconciliation."""

    new: int = 0
    kept: int = 0
    refreshed: int = 0
    vanished: int = 0


def lineage_commitments(session: Session, key: str, exclude_document: int | None = None) -> list[Commitment]:
    """Commitments stored from earlier versions of the protocol ``key``."""
    docs = select(DocumentLineage.document_id).where(DocumentLineage.key == key)
    query = select(Commitment).where(col(Commitment.document_id).in_(docs)).order_by(col(Commitment.id))
    if exclude_document is not None:
        query = query.where(Commitment.document_id != exclude_document)
    return list(session.exec(query).all())


def _events(session: Session, ids: Sequence[int], event: str, human_only: bool) -> set[int]:
    if not ids:
        return set()
    query = select(StatusChange.commitment_id).where(col(StatusChange.commitment_id).in_(list(ids)),
                                                     StatusChange.event == event)
    if human_only:
        query = query.where(StatusChange.actor != store.SYSTEM_ACTOR)
    return set(session.exec(query).all())


def _match(candidates: Sequence[Candidate], previous: Sequence[Commitment]) -> dict[int, Commitment]:
    """Candidate index → matched previous commitment (exact normalised quote, then fuzzy)."""
    free = list(previous)
    keys = {id(p): normalise_quote(p.quote) for p in previous}
    matched: dict[int, Commitment] = {}
    for i, cand in enumerate(candidates):
        norm = normalise_quote(cand.quote)
        hit = next((p for p in free if keys[id(p)] == norm), None)
        if hit is not None:
            matched[i] = hit
            free.remove(hit)
    for i, cand in enumerate(candidates):
        if i in matched:
            continue
        norm = normalise_quote(cand.quote)
        scored = [(SequenceMatcher(None, norm, keys[id(p)]).ratio(), p) for p in free]
        best = max(scored, key=lambda s: s[0], default=None)
        if best is not None and best[0] >= FUZZY:
            matched[i] = best[1]
            free.remove(best[1])
    return matched


_FIELDS = ("action", "owner", "due", "due_text", "kind")


def reconcile(session: Session, document: Document, candidates: Sequence[Candidate], pages: Sequence[int | None],
              previous: Sequence[Commitment], now: dt.datetime) -> ReconcileResult:
    """Store ``candidates`` of the new version ``document`` against ``previous`` (see module doc)."""
    result = ReconcileResult()
    matched = _match(candidates, previous)
    ids = [p.id or 0 for p in previous]
    edited = _events(session, ids, "edit", human_only=True)
    noted = _events(session, ids, "vanished", human_only=False)
    for i, (cand, page) in enumerate(zip(candidates, pages, strict=True)):
        row = matched.get(i)
        if row is None:
            session.add(store.commitment_from_candidate(document.id or 0, cand, page, now))
            result.new += 1
        elif row.status == Status.PROPOSED.value and row.id not in edited:
            fresh = store.commitment_from_candidate(document.id or 0, cand, page, now)
            changes = [f"{f}: {getattr(row, f)} → {getattr(fresh, f)}" for f in _FIELDS
                       if getattr(row, f) != getattr(fresh, f)]
            for name in (*_FIELDS, "document_id", "quote", "quote_start", "quote_end", "page", "confidence"):
                setattr(row, name, getattr(fresh, name))
            row.updated_at = now
            session.add(row)
            if changes:
                store.audit(session, row, now=now, actor=store.SYSTEM_ACTOR, event="reconciled",
                            note=f"aus neuer Fassung (Dokument {document.id}): " + "; ".join(changes))
            result.refreshed += 1
        else:
            result.kept += 1
    seen = {id(p) for p in matched.values()}
    for row in previous:
        if id(row) in seen or row.status not in ACTIVE or row.id in noted:
            continue
        store.audit(session, row, now=now, actor=store.SYSTEM_ACTOR, event="vanished",
                    note=f"In der neuen Fassung (Dokument {document.id}) nicht mehr gefunden – bitte prüfen.")
        result.vanished += 1
    session.flush()
    return result


def resolve_due_dates(session: Session, *, land: str, now: dt.datetime) -> int:
    """Set due dates of proposed/open items whose "nächste Sitzung" is now in the calendar."""
    from core.extraction import extract

    rows = session.exec(
        select(Commitment, Document, Meeting, Body)
        .join(Document, col(Document.id) == col(Commitment.document_id))
        .join(Meeting, col(Meeting.id) == col(Document.meeting_id))
        .join(Body, col(Body.id) == col(Meeting.body_id))
        .where(col(Commitment.status).in_(ACTIVE), col(Commitment.due).is_(None),
               col(Commitment.due_text).is_not(None))
        .order_by(col(Commitment.id))
    ).all()
    pending = [r for r in rows if _MEETING_WORDING.search(r[0].due_text or "")]
    if not pending:
        return 0
    edited = _events(session, [r[0].id or 0 for r in pending], "edit", human_only=True)
    calendar = store.meeting_calendar(session)
    by_doc: dict[int, list[Candidate]] = {}
    resolved = 0
    for row, doc, meeting, body in pending:
        if row.id in edited:
            continue
        if doc.id not in by_doc:
            context = MeetingContext(meeting_date=meeting.date, body=body.name, land=land, next_meetings=calendar)
            by_doc[doc.id or 0] = extract(doc.text, context)
        found = by_doc[doc.id or 0]
        cand = next((c for c in found if (c.start, c.end) == (row.quote_start, row.quote_end)), None) or next(
            (c for c in found if normalise_quote(c.quote) == normalise_quote(row.quote)), None)
        if cand is None or cand.due is None:
            continue
        row.due, row.updated_at = cand.due, now
        session.add(row)
        store.audit(session, row, now=now, actor=store.SYSTEM_ACTOR, event="due_resolved",
                    note=f"„{row.due_text}“ → {cand.due.isoformat()} (Sitzungskalender)")
        resolved += 1
    session.flush()
    return resolved
