"""Value types shared by the core and the shells (no framework imports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What sort of follow-up a commitment is (see corpus/GUIDELINES.md)."""

    DEADLINE = "deadline"
    MEETING = "meeting"
    DELIVERABLE = "deliverable"
    REPORT_BACK = "report_back"
    FORWARD = "forward"


class Status(StrEnum):
    """Life cycle: proposed -> open -> done/cancelled (reopen goes back to open)."""

    PROPOSED = "proposed"
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


# Precedence when two kinds fit (GUIDELINES: the more specific wins).
KIND_PRECEDENCE: tuple[Kind, ...] = (
    Kind.FORWARD,
    Kind.REPORT_BACK,
    Kind.MEETING,
    Kind.DEADLINE,
    Kind.DELIVERABLE,
)

KIND_LABELS_DE: dict[Kind, str] = {
    Kind.DEADLINE: "Frist",
    Kind.MEETING: "Termin/Sitzung",
    Kind.DELIVERABLE: "Arbeitsauftrag",
    Kind.REPORT_BACK: "Bericht/Antwort",
    Kind.FORWARD: "Verweisung",
}

STATUS_LABELS_DE: dict[str, str] = {
    "proposed": "vorgeschlagen",
    "open": "offen",
    "overdue": "überfällig",
    "done": "erledigt",
    "cancelled": "entfallen",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed commitment found in a text.

    ``start``/``end`` are character offsets into the decoded document text, so
    ``text[start:end] == quote`` always holds. ``due`` is a civil date (no time,
    no zone); ``due_text`` keeps the wording the date was read from.
    """

    quote: str
    start: int
    end: int
    action: str
    owner: str | None
    due: dt.date | None
    due_text: str | None
    kind: Kind
    confidence: float

    def to_contract(self) -> dict[str, object]:
        """The extraction contract's JSON object for this candidate."""
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "action": self.action,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "due_text": self.due_text,
            "kind": self.kind.value,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class MeetingContext:
    """What extraction knows about the minutes it reads.

    ``meeting_date`` is the civil date of the meeting (None when unknown: the
    extractor then looks for one in the text). ``next_meetings`` maps a
    normalised body name (lower case) to the civil dates of that body's known
    meetings, so "in der nächsten Sitzung des X" can be resolved.
    """

    meeting_date: dt.date | None = None
    body: str | None = None
    land: str = "NW"
    next_meetings: dict[str, tuple[dt.date, ...]] = field(default_factory=dict)
