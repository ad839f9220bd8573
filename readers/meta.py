"""Meeting date and committee (Gremium) from labelled fields: RIS "Grunddaten", document heads.

Only explicit statements count ("Gremium: Sozialausschuss", "Sitzungsdatum: 31.08.2023");
anything vaguer is left to the extraction, which sees the whole text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
_NAMED_DATE = re.compile(r"(?<!\d)(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "Gremium: Sozialausschuss", and table rows rendered as "Gremium | Sozialausschuss" or "Gremium: | …".
_LABEL_LINE = re.compile(r"^\s*([A-Za-zÄÖÜäöüß][\w .-]{1,30}?)\s*(?::\s*\|?|\|)\s*([^|\s].*)$")

# Labels whose value is the meeting date, strongest first. A bare "Datum" is the meeting date in
# RIS Grunddaten, but in a document head it may be the date the minutes were written.
_DATE_LABELS = ("sitzungsdatum", "datum der sitzung", "tag der sitzung", "sitzungstermin", "sitzung am")
_WEAK_DATE_LABELS = ("datum", "termin", "sitzung")
_BODY_LABELS = ("gremium", "ausschuss", "organ")
_MAX_BODY_LENGTH = 120


def _valid(year: int, month: int, day: int) -> datetime.date | None:
    if year < 100:
        year += 2000
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def dates_in(text: str) -> list[datetime.date]:
    """All valid dates written as 31.08.2023, 31.8.23, 31. August 2023 or 2023-08-31, in text order."""
    found: list[tuple[int, datetime.date]] = []
    for m in _NUMERIC_DATE.finditer(text):
        if (d := _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))) is not None:
            found.append((m.start(), d))
    for m in _NAMED_DATE.finditer(text):
        if (d := _valid(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))) is not None:
            found.append((m.start(), d))
    for m in _ISO_DATE.finditer(text):
        if (d := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))) is not None:
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda item: item[0])]


def single_date(text: str | None) -> datetime.date | None:
    """The date ``text`` states when it states exactly one (repetitions allowed), else None."""
    dates = set(dates_in(text or ""))
    return dates.pop() if len(dates) == 1 else None


def label_pairs(lines: Iterable[str]) -> list[tuple[str, str]]:
    """("Gremium", "Sozialausschuss") for every "Label: value" or "Label | value" line."""
    pairs = []
    for line in lines:
        if m := _LABEL_LINE.match(line):
            pairs.append((m.group(1), m.group(2)))
    return pairs


def _key(label: str) -> str:
    return " ".join(label.lower().replace(":", " ").split())


def meeting_context(
    pairs: Iterable[tuple[str, str]], weak_labels: bool
) -> tuple[datetime.date | None, str | None]:
    """Meeting date and Gremium from labelled (label, value) pairs.

    ``weak_labels`` also accepts "Datum", "Termin" and a date inside "Sitzung: …" — right for RIS
    Grunddaten blocks, too loose for the head of an arbitrary document.
    """
    pairs = [(_key(label), " ".join(value.split())) for label, value in pairs]
    body = next(
        (value for key, value in pairs if key in _BODY_LABELS and 0 < len(value) <= _MAX_BODY_LENGTH),
        None,
    )
    labels = _DATE_LABELS + (_WEAK_DATE_LABELS if weak_labels else ())
    for wanted in labels:
        for key, value in pairs:
            if key == wanted and (dates := dates_in(value)):
                return dates[0], body
    return None, body


def head_context(text: str, lines: int = 40) -> tuple[datetime.date | None, str | None]:
    """Meeting date and Gremium from "Label: value" lines at the start of a document.

    A bare "Datum:" counts only next to a "Gremium:" line, i.e. in a Grunddaten-like block.
    """
    pairs = label_pairs(text.split("\n", lines)[:lines])
    has_body_label = any(_key(label) in _BODY_LABELS for label, _ in pairs)
    return meeting_context(pairs, weak_labels=has_body_label)
