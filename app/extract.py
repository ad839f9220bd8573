"""``extract``: file -> extraction contract, without touching the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.dates import DEFAULT_LAND
from core.extraction import extract, find_body, find_meeting_date
from core.types import MeetingContext
from core.views import contract


def extract_file(path: Path, meeting_date: dt.date | None, config: str | None = None) -> dict[str, Any]:
    """Read ``path`` (any supported format) and return the contract dict.

    The meeting date is the given one, else the one in the document's metadata, else
    the one stated in the text; relative dates need it, absolute ones do not.
    """
    from readers import read_path

    land = DEFAULT_LAND
    if config:
        from app.bootstrap import load_config

        land = load_config(config)[0].land
    doc = read_path(path)
    day = meeting_date or doc.meeting_date or find_meeting_date(doc.text)
    found = extract(doc.text, MeetingContext(meeting_date=day, body=doc.body or find_body(doc.text), land=land))
    result = contract(str(path), day, doc.text, found)
    if doc.page_starts:
        for item, cand in zip(result["commitments"], found, strict=True):  # type: ignore[call-overload]
            item["page"] = doc.page_of(cand.start)
    return result
