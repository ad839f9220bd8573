"""The meeting date stated in the minutes themselves (header lines, RIS "Grunddaten" blocks)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from core.extraction.owners import normalise_body
from core.extraction.regex_store import compile_regex
from core.extraction.timex import MONTHS

# Only the head of a document states its own date; later dates are deadlines or history.
HEAD_CHARS: Final = 2500

_NUM: Final = r"(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d|\d\d)(?![\d])"
_LONG: Final = (
    r"(?P<d>[0-3]?\d)\.\s?(?P<month>Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember)\s+(?P<y>(?:19|20)\d\d)"
)
_US: Final = r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)"
_WEEKDAY: Final = r"(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+"

# Ordered by how reliably the pattern names the meeting's own date.
_HEADER_PATTERNS: Final = [
    compile_regex(rf"(?:Sitzungstermin|Sitzungsdatum|Datum|Tag der Sitzung)\s*:\s*(?:{_WEEKDAY})?(?:{_NUM})"),
    compile_regex(rf"(?:Sitzungstermin|Sitzungsdatum|Datum|Tag der Sitzung)\s*:\s*(?:{_WEEKDAY})?(?:{_LONG})"),
    compile_regex(rf"(?:Sitzungstermin|Sitzungsdatum)\s*:\s*{_US}"),
    compile_regex(rf"(?m)^[ \t]*{_NUM}\s+[-–]\s+\S"),  # RIS item title "15.11.2023 - 9.3 Auswertung …"
    # a short heading line of its own: "Sozialausschuss am 31.08.2023", "Niederschrift über die 12. Sitzung … am …"
    compile_regex(
        # (no comma before the body and none at the end: a wrapped prose line "…, dass in der Sitzung am … sei,")
        rf"(?m)^(?:[^\n.,]|\d\.\s){{0,80}}?(?:[Ss]itzung\w*|ausschuss\w*|[Rr]at\w*|[Kk]reistag\w*|[Vv]ertretung"
        rf"|[Vv]ersammlung|gruppe)"
        rf"\s+(?:[\wÄÖÜäöüß-]+\s+){{0,6}}?(?:am|vom)\s+(?:{_WEEKDAY})?(?:{_NUM})[^\n.]{{0,40}}(?<!,)$"
    ),
    compile_regex(rf"(?m)^[ \t]*{_WEEKDAY}{_LONG}"),  # "Montag, 14. November 2011 , 19:00 Uhr"
]


def find_meeting_date(text: str) -> dt.date | None:
    """The meeting date stated in the head of ``text``, or None.

    Recognises "Sitzungstermin: 09.05.2023" (also the US form "07/24/2002" that some
    exports produce), "Datum: Mittwoch, 14. Mai 2025", RIS headers
    ("15.11.2023 - 9.3 …", "Datum: Di., 30.06.2015") and prose headers
    ("Sozialausschuss am 31.08.2023", "Sitzung der Gemeindevertretung am 03.05.23").
    """
    head = text[:HEAD_CHARS]
    for pattern in _HEADER_PATTERNS:
        for match in pattern.finditer(head):
            day = _date_of(match)
            if day is not None:
                return day
    return None


def _date_of(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    year = int(g["y"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    month = MONTHS[g["month"].lower()] if g.get("month") else int(g["m"])
    try:
        return dt.date(year, month, int(g["d"]))
    except ValueError:
        return None


# --- the body (Gremium) whose minutes these are ---------------------------------------------------

BODY_HEAD_CHARS: Final = 1500

_BODY_NOUN: Final = (
    r"[A-ZÄÖÜ][\wäöüß+-]*?(?:ausschuss|ausschusses|rat|rates|rats|tag|tages|tags|vertretung|versammlung"
    r"|gruppe|beirat|kommission|konferenz)"
)
_FOR: Final = r"\s+für\s+[A-ZÄÖÜ][\wäöüß-]+(?:(?:,\s*|\s+und\s+|\s+sowie\s+)(?:für\s+)?[A-ZÄÖÜ][\wäöüß-]+){0,4}"
# ("Bau- und Umweltausschuss": a shared head noun after a hyphen)
_BODY_NAME: Final = (rf"(?P<b>(?:[A-ZÄÖÜ][\wäöüß]*-\s+und\s+)?(?:(?:[A-ZÄÖÜ][\wäöüß+-]*-)?Ausschuss(?:es)?(?:{_FOR})?"
              rf"|{_BODY_NOUN}|Rat(?:es)?))")
# Ordered by how reliably the pattern names the document's own body.
_BODY_PATTERNS: Final = [
    (compile_regex(rf"(?:Gremium|Protokoll)\s*:\s*{_BODY_NAME}(?![\wäöüß])"), BODY_HEAD_CHARS),
    # "Sozialausschuss am 31.08.2023", "Gemeinderatssitzung vom 22.02.2018"
    (compile_regex(rf"(?m)^[ \t]*{_BODY_NAME}(?:-?[Ss]itzung)?\s+(?:am|vom)\s+(?:{_WEEKDAY})?\d"), BODY_HEAD_CHARS),
    # "Niederschrift über die Sitzung des Bauausschusses", "Sitzung der Gemeindevertretung"
    (compile_regex(rf"\b[Ss]itzung\s+(?:des|der)\s+{_BODY_NAME}(?![\wäöüß])"), BODY_HEAD_CHARS),
    # "Gemeinderat Musterstadt - Sitzung vom 14.05.2025", "Ortsbeirat 4 (Bornheim) – Protokoll der Sitzung am …"
    (compile_regex(rf"(?m)^[ \t]*{_BODY_NAME}(?:\s+[\wÄÖÜäöüß()/.-]+){{0,4}}\s+[-–]\s+"
                r"(?:(?:Protokoll|Niederschrift|Ergebnisprotokoll)\s+(?:der|über\s+die)\s+(?:\d+\.\s+)?)?"
                r"(?:öffentlichen?\s+)?Sitzung\b"), 600),
    # a title line of its own: "Feuerschutzausschuss", "Gemeinde Grasleben - Gemeinderat"
    (compile_regex(rf"(?m)^(?:[^\n.:]{{0,50}}\s[-–]\s)?[ \t]*{_BODY_NAME}[ \t]*$"), 600),
]
_NOT_BODY_HEADS: Final = frozenset({
    "Vortrag", "Beitrag", "Antrag", "Vertrag", "Betrag", "Auftrag", "Ertrag", "Nachtrag", "Eintrag",
    "Dienstag", "Montag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Feiertag", "Werktag",
    "Vorrat", "Unrat", "Heirat", "Hausrat", "Zierrat", "Apparat", "Referat", "Bundestag", "Landtag",
    "Stichtag", "Gedenktag", "Geburtstag", "Jahrestag", "Zuschlag", "Vorschlag",
})


def find_body(text: str) -> str | None:
    """The Gremium whose minutes ``text`` are, as stated in its head, in the nominative; else None.

    Recognises "Gremium: Bauausschuss" / "Protokoll: Gemeinderat der Stadt …", title lines
    ("Sozialausschuss am 31.08.2023", "Gemeinderatssitzung vom 22.02.2018", a line
    "Feuerschutzausschuss") and "Sitzung des
    Bauausschusses" / "Sitzung des Ausschusses für Umwelt und Mobilität" (-> "Bauausschuss",
    "Ausschuss für Umwelt und Mobilität").
    """
    for pattern, limit in _BODY_PATTERNS:
        for match in pattern.finditer(text, 0, min(len(text), limit)):
            body = normalise_body(" ".join(match.group("b").split()))
            if body.split()[0] not in _NOT_BODY_HEADS:
                return body
    return None
