"""``python -m core.extraction FILE [--meeting-date YYYY-MM-DD|""] [--json]``: extract one file.

Imports only the pure core (no prefect, sqlmodel or apprise) so that it starts fast
enough to be run once per document by the scorer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from core.decoding import decode_text
from core.errors import InputError
from core.extraction import extract, find_meeting_date
from core.types import MeetingContext


def _parse_date(value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"Ungültiges Sitzungsdatum: {value!r} (erwartet JJJJ-MM-TT)") from exc


def main(argv: list[str] | None = None) -> int:
    """Read, decode, extract, print; InputError -> one German line on stderr and exit 1."""
    parser = argparse.ArgumentParser(prog="python -m core.extraction", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--meeting-date", default="", help="JJJJ-MM-TT; leer = aus dem Text")
    parser.add_argument("--land", default="NW")
    parser.add_argument("--json", action="store_true", help="JSON ausgeben (Extraktionsvertrag)")
    args = parser.parse_args(argv)
    try:
        meeting = _parse_date(args.meeting_date)
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise InputError(f"{args.file}: Datei nicht lesbar ({exc.strerror or exc})") from exc
        text = decode_text(data, str(args.file))
        meeting = meeting or find_meeting_date(text)
        candidates = extract(text, MeetingContext(meeting_date=meeting, land=args.land))
    except InputError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    document = {"source": str(args.file), "meeting_date": meeting.isoformat() if meeting else None,
                "chars": len(text)}
    if args.json:
        payload = {"document": document, "commitments": [c.to_contract() for c in candidates]}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        for c in candidates:
            due = c.due.isoformat() if c.due else (c.due_text or "-")
            print(f"[{c.kind.value}] {due} | {c.owner or '-'} | {c.action}  ({c.confidence:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
