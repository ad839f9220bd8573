"""The value every reader returns: normalised text plus what the file says about its meeting."""

from __future__ import annotations

import datetime
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """What a format reader found in the bytes; the API adds source, digest and format."""

    text: str
    page_starts: tuple[int, ...] = ()
    meeting_date: datetime.date | None = None
    body: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class ReadDocument:
    """A read input file. All offsets (quotes, ``page_starts``) refer to ``text``."""

    source: str
    sha256: str
    text: str
    page_starts: tuple[int, ...]
    meeting_date: datetime.date | None
    body: str | None
    title: str | None
    format: str

    def page_of(self, offset: int) -> int | None:
        """1-based page containing the char ``offset``; None for unpaged formats or offsets outside text."""
        if not self.page_starts or offset < 0 or offset > len(self.text):
            return None
        # bisect_right: an offset exactly at a page start belongs to that (later) page.
        return max(1, bisect_right(self.page_starts, offset))
