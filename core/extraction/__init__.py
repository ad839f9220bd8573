"""Commitment extraction from German minutes (pure; see corpus GUIDELINES for the definition).

Public interface (the shells depend on exactly this):

- ``extract(text, context) -> list[Candidate]``: candidates in text order, with
  ``text[c.start:c.end] == c.quote``.
- ``Extractor``: the pluggable protocol; ``RULES`` is the default rule-based one.
- ``find_meeting_date(text)``: the meeting date stated in the text, or None.
- ``find_body(text)``: the Gremium stated in the document head, in the nominative, or None.
"""

from __future__ import annotations

from typing import Protocol

from core.extraction import native

native.guard()  # before any rule module loads: a compiled build is used only while it matches the source

from core.extraction.header import find_body, find_meeting_date  # noqa: E402
from core.extraction.pipeline import RULES, RulesExtractor, iter_candidates  # noqa: E402
from core.types import Candidate, MeetingContext  # noqa: E402


class Extractor(Protocol):
    """Anything that turns minutes text into candidate commitments."""

    name: str

    def extract(self, text: str, context: MeetingContext) -> list[Candidate]:
        """Candidates in text order; ``text[c.start:c.end] == c.quote``."""
        ...


def extract(text: str, context: MeetingContext) -> list[Candidate]:
    """Run the default rule-based extractor (see ``RULES``)."""
    return RULES.extract(text, context)


__all__ = ["RULES", "Extractor", "RulesExtractor", "extract", "find_body", "find_meeting_date", "iter_candidates"]
