"""One commitment stated in two sentences: "Die Beantwortung wird zurückgestellt. Sie erfolgt in der
nächsten Sitzung des Rates." The second refers back with a pronoun and adds the time; a clerk wants one
item, so the two candidates become one whose quote spans both sentences."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Final

from core.extraction.regex_store import compile_regex
from core.types import KIND_PRECEDENCE, Candidate

# A sentence that continues the one before: its subject is a pronoun for the matter just named.
_REFERS_BACK: Final = compile_regex(
    r"(?:Sie|Er|Dies|Diese|Dieser|Dieses)\s+(?:wird|werden|soll|sollen|erfolgt|findet|ist)\b"
)
_RANK: Final = {kind: i for i, kind in enumerate(KIND_PRECEDENCE)}


def merge_continuations(text: str, candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """Candidates in text order, with a timeless candidate and the pronoun sentence right after it that
    gives its time merged into one (quote = both sentences, ``text[start:end] == quote`` still holds).

    Streams: at most one candidate is held back.
    """
    pending: Candidate | None = None
    for cand in candidates:
        if pending is not None and _continues(text, pending, cand):
            yield _merged(text, pending, cand)
            pending = None
            continue
        if pending is not None:
            yield pending
        pending = cand
    if pending is not None:
        yield pending


def _continues(text: str, first: Candidate, second: Candidate) -> bool:
    between = text[first.end:second.start]
    return (
        first.due_text is None
        and second.due_text is not None
        and len(between) <= 3
        and between.isspace()
        and "\n\n" not in between
        and _REFERS_BACK.match(second.quote) is not None
    )


def _merged(text: str, first: Candidate, second: Candidate) -> Candidate:
    # The more specific kind names the item and its owner ("report_back" of the answer over the "meeting"
    # it is given in); the time comes from the second sentence.
    lead = first if _RANK[first.kind] <= _RANK[second.kind] else second
    return replace(
        first,
        quote=text[first.start:second.end],
        end=second.end,
        owner=lead.owner or first.owner or second.owner,
        due=second.due,
        due_text=second.due_text,
        kind=lead.kind,
        confidence=max(first.confidence, second.confidence),
    )
