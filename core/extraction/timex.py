"""German time expressions in minutes, resolved against the meeting date (future-preferring).

``find_times`` returns every time expression of a sentence with its span, its wording and
two readings: ``due`` (an absolute date, only where the GUIDELINES allow one: a full
date, a day/month that the meeting year completes, "Ende des Jahres", "Ende November",
"Ende Q3", "in vier Wochen", "bis zur Sommerpause", a known next meeting) and
``vague`` (True for periods such as "Anfang Juli", "im zweiten Quartal", "KW 42",
"im Herbst", "nach den Sommerferien", whose due stays null with the wording kept).

Not dates: "Vorlage Nr. 50/012/2023", "§ 62 Absatz 2", "15 Tage", "Punkt 10",
"TOP 5.1", "Frau Mai", "16:35 Uhr" — the grammar requires month names in date
position, two dots in numeric dates and a preposition before bare "13.09.".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from core.extraction.lexicon import has_digit, substrings
from core.extraction.timex_resolve import MONTHS, TimeExpr, resolve

_MONTH: Final = r"(?P<month>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
_ORD: Final = r"(?P<ord>ersten|zweiten|dritten|vierten|[1-4]\.|I{1,3}\.|IV\.)"

_PATTERNS: Final[list[tuple[str, str]]] = [
    # 13.09.2023 / 1.10.23 (two dots; not part of "50/012/2023" or a version number). The day is
    # "[0-3]?\d" not preceded by [\d./], written to start with \d so that re skips ahead to digits.
    ("full", r"(?P<d>\d(?<![\d./]\d)(?:(?<=[0-3])\d)?)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d|\d\d)(?![\d.]\d)"),
    # 1. Oktober (2023)
    ("day_month", rf"(?<![\d.])(?P<d>[0-3]?\d)\.\s?{_MONTH}(?:\s+{_YEAR})?\b"),
    # bis 30.6. / am 13.09. — only after a preposition, else "TOP 5.1." would be a date
    ("short", r"\b(?:(?i:a[mb]|bis|zum|vom|den|spätestens|bis zum)|Frist)\s+(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?!\d)"),
    ("end_year", r"\b(?:(?:Ende|Ablauf)\s+(?:des\s+|dieses\s+|diesen\s+)?(?:Jahres|Kalenderjahres)"
                 rf"|Jahresende|Jahreswechsel|noch\s+in\s+diesem\s+Jahr|noch\s+dieses\s+Jahr)(?:\s+{_YEAR})?\b"),
    # "Ende 2025" (31.12.), "Anfang/Mitte 2026" (a vague part of the year), "Ende nächsten Jahres"
    ("part_year", rf"\b(?P<ypart>Anfang|Mitte|Ende)\s+(?:{_YEAR}\b|(?:des\s+)?(?P<rel>nächsten|kommenden)\s+Jahres\b)"),
    # "bis zum Ende des Schuljahres 2026/2027", "zum Schuljahresende" (31 July); "Beginn des Schuljahres" (vague)
    ("school_year", r"\b(?:(?P<sypart>Ende|Beginn|Anfang)\s+(?:des\s+|dieses\s+)?Schuljahr(?:es|s)?"
                    r"|Schuljahres(?P<syword>ende|beginn))(?:\s+(?P<sy1>20\d\d)/(?:20)?\d\d)?\b"),
    ("in_year", r"\b(?i:im)\s+(?:Laufe|Verlauf)\s+(?:des|dieses)\s+Jahres\b"),
    ("part_month", rf"\b(?P<part>Anfang|Mitte|Ende)\s+(?:des\s+Monats\s+)?{_MONTH}(?:\s+{_YEAR})?\b"),
    ("quarter", rf"\b(?:(?P<qend>Ende)\s+(?:des\s+)?)?(?:{_ORD}\s+Quartals?|Q(?P<qn>[1-4]))(?:\s+{_YEAR})?"),
    ("half", rf"\b(?:(?P<hend>Ende)\s+(?:des\s+|der\s+)?)?(?P<h>ersten|zweiten|1\.|2\.)\s+"
             rf"(?:Halbjahr(?:es|s)?|Jahreshälfte)(?:\s+{_YEAR})?"),
    ("week", r"\b(?:KW|Kalenderwoche)\s?(?P<w>[1-5]?\d)\b|\b(?P<w2>[1-5]?\d)\.\s+(?:KW|Kalenderwoche)\b"),
    # "bis Ende der Woche", "Ende nächster Woche" (that week's Friday); "in der kommenden Woche" (vague)
    ("rel_week", r"\b(?:(?P<wpart>Anfang|Mitte|Ende)\s+(?:der\s+|dieser\s+)?"
                 r"(?:(?P<wrel>nächste[nr]?|kommende[nr]?|übernächste[nr]?)\s+)?Woche"
                 r"|(?i:in\s+der|bis\s+zur|im\s+Laufe\s+der)\s+(?P<wrel2>nächsten|kommenden|folgenden|übernächsten)\s+Woche"
                 r"|(?P<wrel3>nächste|kommende|übernächste)\s+Woche)\b"),
    ("in_units", r"\b(?i:in|innerhalb\s+von|binnen)\s+(?P<n>\d{1,2}|ein|einem|einer|zwei|drei|vier|fünf|sechs|"
                 r"sieben|acht|neun|zehn|zwölf|vierzehn)\s+(?P<unit>Tagen|Wochen|Woche|Monaten|Monat)\b"),
    ("holidays", r"\b(?P<rel>(?i:nach|vor|bis\s+zur|bis\s+zu|bis|zur|in))\s+(?:(?:den|der|die|dem)\s+)?"
                 r"(?P<hol>Sommerferien|Sommerpause|Herbstferien|Osterferien|Weihnachtsferien|Winterferien"
                 r"|Pfingstferien)(?:\s+(?P<hyear>20\d\d))?\b"),
    ("season", rf"\b(?i:im|ab|bis\s+zum|für\s+den|für\s+das|zum)\s+(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)"
               rf"(?:\s+{_YEAR})?\b"),
    ("month", rf"\b(?i:im|ab|bis|zum|seit|für)\s+{_MONTH}(?:\s+{_YEAR})?\b"),
    # "bis Freitag", "am kommenden Montag" (not "am Montag, 14. November": the date follows and counts)
    ("weekday", r"\b(?i:bis|am|zum|bis\s+zum|bis\s+spätestens|spätestens\s+am)\s+(?:(?:kommenden|nächsten)\s+)?"
                r"(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b(?!,?\s*(?:den\s+)?\d)"),
    ("month_meeting", rf"\b{_MONTH}-?[Ss]itzung\b|\b(?P<mname>Januar|Februar|März|April|Mai|Juni|Juli|August|"
                      r"September|Oktober|November|Dezember)sitzung\b"),
    # "in der / bis zur / zum / im nächsten Sitzung|Ausschuss …" ("zur", "zum", "im" are contracted articles)
    ("next_meeting", r"\b(?i:(?:in|auf|zu|für|bis\s+zu)\s+(?:der|die|den|dem|einer\s+der|eine\s+der)"
                     r"|(?:bis\s+)?(?:zur|zum)|im)\s+"
                     r"(?P<which>nächsten|kommenden|folgenden|übernächsten)\s+"
                     r"(?P<what>[\wÄÖÜäöüß-]*(?:[Ss]itzung(?:en)?|Ausschuss|Ausschusses|Rat|Rates|Kreistag"
                     r"|[\wÄÖÜäöüß]+ausschuss))"
                     r"(?P<body>(?:\s+(?:des|der)\s+[\wÄÖÜäöüß+-]+(?:\s+für\s+[\wÄÖÜäöüß,-]+"
                     r"(?:\s+(?:und|sowie)\s+[\wÄÖÜäöüß-]+)?)?)|(?:\s+für\s+[\wÄÖÜäöüß,-]+"
                     r"(?:\s+(?:und|sowie)\s+[\wÄÖÜäöüß-]+)?))?"),
    ("next_year", r"\b(?:im\s+)?(?P<ny>nächsten|kommenden)\s+Jahr\b"),
    ("soon", r"\b(?:demnächst|zeitnah|in\s+Kürze|kurzfristig|zu\s+gegebener\s+Zeit|im\s+Anschluss|anschließend)\b"),
]


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(rx)) for name, rx in _PATTERNS]


_COMPILED: Final = _compile()
# "full" and "short" cannot match without a digit, a dot and a digit: most digits in minutes
# (agenda items, amounts, paragraph numbers) fail this one cheap test.
_NUMERIC_DATE: Final = re.compile(r"\d\.\s?\d")
# One cheap pre-check per sentence (most contain no time expression at all): a digit or one of these.
# One search of their trie (``substrings``), not an alternation regex tried word by word.
_TRIGGER_WORDS: Final = substrings(
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember", "Jahr", "Quartal", "Halbjahr", "KW", "Kalenderwoche", "Woche", "Monat", "Tagen", "ferien",
    "pause", "Frühjahr", "Frühling", "Sommer", "Herbst", "Winter", "nächsten", "kommenden", "folgenden",
    "demnächst", "zeitnah", "Kürze", "kurzfristig", "gegebener", "Anschluss", "anschließend",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Schuljahr",
)
_MONTH_NAMES: Final = substrings(
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
)
# What a pattern cannot match without: a digit, a month name, a numeric "d.m" (see _NUMERIC_DATE) or
# one of these substrings. Testing that first spares most of the sixteen regex passes (a single
# alternation of all sixteen was slower).
_NEEDS: Final[dict[str, str | tuple[str, ...]]] = {
    "full": "d.m", "day_month": "digit+month", "short": "d.m", "end_year": ("ahres", "Jahr"),
    "part_year": ("Anfang", "Mitte", "Ende"), "in_year": ("Jahres",), "school_year": ("Schuljahr",),
    "part_month": "month", "quarter": ("Quartal", "Q"), "half": ("Halbjahr", "Jahreshälfte"),
    "week": ("KW", "Kalenderwoche"), "rel_week": ("Woche",),
    "in_units": ("Tagen", "Woche", "Monat"), "holidays": ("ferien", "Sommerpause"),
    "season": ("Frühjahr", "Frühling", "Sommer", "Herbst", "Winter"), "month": "month", "month_meeting": "month",
    "weekday": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "next_meeting": ("nächsten", "kommenden", "folgenden"), "next_year": ("Jahr",),
    "soon": ("demnächst", "zeitnah", "Kürze", "kurzfristig", "gegebener", "Anschluss", "anschließend"),
}
_PRIORITY: Final = {name: i for i, (name, _) in enumerate(_PATTERNS)}  # among matches of the same span
_PLAN: Final = [(name, rx, _NEEDS[name], _PRIORITY[name]) for name, rx in _COMPILED]


def find_times_possible(segment: str) -> bool:
    """Cheap pre-check: can ``segment`` contain a time expression at all?"""
    return has_digit(segment) or _TRIGGER_WORDS.search(segment) is not None


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    meeting: dt.date | None = None,
    land: str = "NW",
    next_meetings: dict[str, tuple[dt.date, ...]] | None = None,
    own_body: str | None = None,
) -> list[TimeExpr]:
    """All non-overlapping time expressions in ``text[start:end]``, in text order."""
    stop = len(text) if end is None else end
    segment = text[start:stop]
    digits = has_digit(segment)
    if not digits and not _TRIGGER_WORDS.search(segment) is not None:  # find_times_possible, digit test kept
        return []
    has_month = _MONTH_NAMES.search(segment) is not None
    present = {
        "digit": digits,
        "month": has_month,
        "digit+month": digits and has_month,
        "d.m": digits and _NUMERIC_DATE.search(segment) is not None,
    }
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for name, rx, needs, priority in _PLAN:
        # A few words each: plain substring tests, inlined (this loop runs for every timed clause).
        if needs.__class__ is str:
            if not present[needs]:
                continue
        else:
            for word in needs:
                if word in segment:
                    break
            else:
                continue
        for m in rx.finditer(text, start, stop):
            found.append((m.start(), -(m.end() - m.start()), priority, name, m))
    found.sort()
    result: list[TimeExpr] = []
    last_end = -1
    for s, _neg, _p, name, m in found:
        if s < last_end:
            continue
        expr = resolve(name, m, meeting, land, next_meetings or {}, own_body)
        if expr is not None:
            result.append(expr)
            last_end = m.end()
    return result


__all__ = ["MONTHS", "TimeExpr", "find_times", "find_times_possible"]
