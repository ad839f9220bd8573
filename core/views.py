"""Read models the shells hand to the core for wording and reports (plain data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.types import Candidate


@dataclass(frozen=True, slots=True)
class CommitmentView:
    """A commitment with its context, as shown to people. Dates are civil dates."""

    id: int
    action: str
    owner: str | None
    due: dt.date | None
    due_text: str | None
    kind: str
    status: str
    quote: str
    confidence: float
    body: str | None = None
    meeting_date: dt.date | None = None
    source: str | None = None
    page: int | None = None
    quote_start: int = 0
    quote_end: int = 0
    document_id: int | None = None

    def derived_status(self, today: dt.date) -> str:
        """``overdue`` for an open item whose stated due date is before ``today``."""
        if self.status == "open" and self.due is not None and self.due < today:
            return "overdue"
        return self.status

    def days_overdue(self, today: dt.date) -> int:
        """Calendar days past the stated due date (0 when not overdue)."""
        if self.derived_status(today) != "overdue" or self.due is None:
            return 0
        return (today - self.due).days

    def to_json(self, today: dt.date) -> dict[str, object]:
        """The ``list --json`` object: id, status and the extraction contract's fields."""
        return {
            "id": self.id,
            "status": self.derived_status(today),
            "quote": self.quote,
            "start": self.quote_start,
            "end": self.quote_end,
            "action": self.action,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "due_text": self.due_text,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "body": self.body,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "source": self.source,
            "page": self.page,
        }


def contract(source: str, meeting_date: dt.date | None, text: str, found: list[Candidate]) -> dict[str, object]:
    """The extraction contract printed by ``extract --json``."""
    return {
        "document": {
            "source": source,
            "meeting_date": meeting_date.isoformat() if meeting_date else None,
            "chars": len(text),
        },
        "commitments": [c.to_contract() for c in found],
    }
