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

from core.extraction.lexicon import Hits, word_cue
from core.extraction.pattern_forms import has_digit, present_mask, substrings, word_masks, word_start
from core.extraction.regex_store import compile_regex
from core.extraction.timex_resolve import MONTHS, TimeExpr, resolve

# The month names as the patterns read them (the abbreviations of ``MONTHS`` only in dates the header reads).
_MONTH_NAMES_DE: Final = (
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
)
_MONTH: Final = "(?P<month>" + "|".join(_MONTH_NAMES_DE) + ")"
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
_ORD: Final = r"(?P<ord>ersten|zweiten|dritten|vierten|[1-4]\.|I{1,3}\.|IV\.)"
# The words that open an expression, written as word starts that re skips ahead to (``word_start``; a "\b"
# in front would make it try every character): prepositions in any case ("Im Oktober"), the rest as written.
_PART: Final = word_start(("Anfang", "Mitte", "Ende"))
_SHORT_OPENER: Final = word_start(
    ("a[mb]", "bis", "zum", "vom", "den", "spätestens", "bis zum"), True, exact=("Frist",)
)
_END_OF_YEAR: Final = word_start((
    r"Ende\s+(?:des\s+|dieses\s+|diesen\s+)?(?:Jahres|Kalenderjahres)",
    r"Ablauf\s+(?:des\s+|dieses\s+|diesen\s+)?(?:Jahres|Kalenderjahres)",
    "Jahresende", "Jahreswechsel", r"noch\s+in\s+diesem\s+Jahr", r"noch\s+dieses\s+Jahr",
))
_IM: Final = word_start(("im",), True)
_WITHIN: Final = word_start(("in", r"innerhalb\s+von", "binnen"), True)
_HOLIDAY_OPENER: Final = word_start(("nach", "vor", r"bis\s+zur", r"bis\s+zu", "bis", "zur", "in"), True)
_SEASON_OPENER: Final = word_start(("im", "ab", r"bis\s+zum", r"für\s+den", r"für\s+das", "zum"), True)
_MONTH_OPENER: Final = word_start(("im", "ab", "bis", "zum", "seit", "für"), True)
_WEEKDAY_OPENER: Final = word_start(("bis", "am", "zum", r"bis\s+zum", r"bis\s+spätestens", r"spätestens\s+am"), True)
# "in der / bis zur / zum / im nächsten Sitzung|Ausschuss …" ("zur", "zum", "im" are contracted articles)
_MEETING_OPENER: Final = word_start((
    *(rf"{word}\s+(?:der|die|den|dem|einer\s+der|eine\s+der)" for word in ("in", "auf", "zu", "für", r"bis\s+zu")),
    r"bis\s+zur", r"bis\s+zum", "zur", "zum", "im",
), True)
_SOON: Final = word_start(("demnächst", "zeitnah", r"in\s+Kürze", "kurzfristig", r"zu\s+gegebener\s+Zeit",
                           r"im\s+Anschluss", "anschließend"))

_PATTERNS: Final[list[tuple[str, str]]] = [
    # 13.09.2023 / 1.10.23 (two dots; not part of "50/012/2023" or a version number). The day is
    # "[0-3]?\d" not preceded by [\d./], written to start with \d so that re skips ahead to digits.
    ("full", r"(?P<d>\d(?<![\d./]\d)(?:(?<=[0-3])\d)?)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d|\d\d)(?![\d.]\d)"),
    # 1. Oktober (2023); the day is "[0-3]?\d" not preceded by [\d.], written to start with \d as above
    ("day_month", rf"(?P<d>\d(?<![\d.]\d)(?:(?<=[0-3])\d)?)\.\s?{_MONTH}(?:\s+{_YEAR})?\b"),
    # bis 30.6. / am 13.09. — only after a preposition, else "TOP 5.1." would be a date
    ("short", rf"{_SHORT_OPENER}\s+(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?!\d)"),
    ("end_year", rf"{_END_OF_YEAR}(?:\s+{_YEAR})?\b"),
    # "Ende 2025" (31.12.), "Anfang/Mitte 2026" (a vague part of the year), "Ende nächsten Jahres"
    ("part_year", rf"(?P<ypart>{_PART})\s+(?:{_YEAR}\b|(?:des\s+)?(?P<rel>nächsten|kommenden)\s+Jahres\b)"),
    # "bis zum Ende des Schuljahres 2026/2027", "zum Schuljahresende" (31 July); "Beginn des Schuljahres" (vague)
    ("school_year", r"\b(?:(?P<sypart>Ende|Beginn|Anfang)\s+(?:des\s+|dieses\s+)?Schuljahr(?:es|s)?"
                    r"|Schuljahres(?P<syword>ende|beginn))(?:\s+(?P<sy1>20\d\d)/(?:20)?\d\d)?\b"),
    ("in_year", rf"{_IM}\s+(?:Laufe|Verlauf)\s+(?:des|dieses)\s+Jahres\b"),
    ("part_month", rf"(?P<part>{_PART})\s+(?:des\s+Monats\s+)?{_MONTH}(?:\s+{_YEAR})?\b"),
    ("quarter", rf"\b(?:(?P<qend>Ende)\s+(?:des\s+)?)?(?:{_ORD}\s+Quartals?|Q(?P<qn>[1-4]))(?:\s+{_YEAR})?"),
    ("half", rf"\b(?:(?P<hend>Ende)\s+(?:des\s+|der\s+)?)?(?P<h>ersten|zweiten|1\.|2\.)\s+"
             rf"(?:Halbjahr(?:es|s)?|Jahreshälfte)(?:\s+{_YEAR})?"),
    ("week", r"\b(?:KW|Kalenderwoche)\s?(?P<w>[1-5]?\d)\b|\b(?P<w2>[1-5]?\d)\.\s+(?:KW|Kalenderwoche)\b"),
    # "bis Ende der Woche", "Ende nächster Woche" (that week's Friday); "in der kommenden Woche" (vague)
    ("rel_week", r"\b(?:(?P<wpart>Anfang|Mitte|Ende)\s+(?:der\s+|dieser\s+)?"
                 r"(?:(?P<wrel>nächste[nr]?|kommende[nr]?|übernächste[nr]?)\s+)?Woche"
                 r"|(?i:in\s+der|bis\s+zur|im\s+Laufe\s+der)\s+(?P<wrel2>nächsten|kommenden|folgenden|übernächsten)\s+Woche"
                 r"|(?P<wrel3>nächste|kommende|übernächste)\s+Woche)\b"),
    ("in_units", rf"{_WITHIN}\s+(?P<n>\d{{1,2}}|ein|einem|einer|zwei|drei|vier|fünf|sechs|"
                 r"sieben|acht|neun|zehn|zwölf|vierzehn)\s+(?P<unit>Tagen|Wochen|Woche|Monaten|Monat)\b"),
    ("holidays", rf"(?P<rel>{_HOLIDAY_OPENER})\s+(?:(?:den|der|die|dem)\s+)?"
                 r"(?P<hol>Sommerferien|Sommerpause|Herbstferien|Osterferien|Weihnachtsferien|Winterferien"
                 r"|Pfingstferien)(?:\s+(?P<hyear>20\d\d))?\b"),
    ("season", rf"{_SEASON_OPENER}\s+(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)(?:\s+{_YEAR})?\b"),
    ("month", rf"{_MONTH_OPENER}\s+{_MONTH}(?:\s+{_YEAR})?\b"),
    # "bis Freitag", "am kommenden Montag" (not "am Montag, 14. November": the date follows and counts)
    ("weekday", rf"{_WEEKDAY_OPENER}\s+(?:(?:kommenden|nächsten)\s+)?"
                r"(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b(?!,?\s*(?:den\s+)?\d)"),
    ("month_meeting", rf"\b{_MONTH}-?[Ss]itzung\b|\b(?P<mname>{'|'.join(_MONTH_NAMES_DE)})sitzung\b"),
    ("next_meeting", rf"{_MEETING_OPENER}\s+"
                     r"(?P<which>nächsten|kommenden|folgenden|übernächsten)\s+"
                     r"(?P<what>[\wÄÖÜäöüß-]*(?:[Ss]itzung(?:en)?|Ausschuss|Ausschusses|Rat|Rates|Kreistag"
                     r"|[\wÄÖÜäöüß]+ausschuss))"
                     r"(?P<body>(?:\s+(?:des|der)\s+[\wÄÖÜäöüß+-]+(?:\s+für\s+[\wÄÖÜäöüß,-]+"
                     r"(?:\s+(?:und|sowie)\s+[\wÄÖÜäöüß-]+)?)?)|(?:\s+für\s+[\wÄÖÜäöüß,-]+"
                     r"(?:\s+(?:und|sowie)\s+[\wÄÖÜäöüß-]+)?))?"),
    ("next_year", r"\b(?:im\s+)?(?P<ny>nächsten|kommenden)\s+Jahr\b"),
    ("soon", rf"{_SOON}\b"),
]


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, compile_regex(rx)) for name, rx in _PATTERNS]


_COMPILED: Final = _compile()
# "full" and "short" cannot match without a digit, a dot and a digit: most digits in minutes
# (agenda items, amounts, paragraph numbers) fail this one cheap test.
_NUMERIC_DATE: Final = compile_regex(r"\d\.\s?\d")
# One cheap pre-check per sentence (most contain no time expression at all): a digit or one of these.
# One search of their trie (``substrings``), not an alternation regex tried word by word.
_TRIGGER_WORDS: Final = substrings(
    *_MONTH_NAMES_DE, "Jahr", "Quartal", "Halbjahr", "KW", "Kalenderwoche", "Woche", "Monat", "Tagen", "ferien",
    "pause", "Frühjahr", "Frühling", "Sommer", "Herbst", "Winter", "nächsten", "kommenden", "folgenden",
    "demnächst", "zeitnah", "Kürze", "kurzfristig", "gegebener", "Anschluss", "anschließend",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Schuljahr",
)
_MONTH_NAMES: Final = substrings(*_MONTH_NAMES_DE)
# The same as words of the paragraph's index (index-only cue families, whose bits a clause's hits carry for
# free): every word that a time expression without a digit needs starts a word of the text and is one of
# these (lower-cased, as the index reads them); a word outside the list ("Ferienprogramm") never completes one.
_MONTHS_AS_WORDS: Final = tuple(name.lower() + suffix for name in _MONTH_NAMES_DE for suffix in ("", "sitzung"))
MONTH_WORDS: Final = word_cue(*_MONTHS_AS_WORDS, index_only=True)
TIME_WORDS: Final = word_cue(
    *_MONTHS_AS_WORDS, "jahr", "jahres", "kalenderjahres", "jahresende", "jahreswechsel", "jahreshälfte",
    "halbjahr", "halbjahres", "halbjahrs", "schuljahr", "schuljahres", "schuljahrs", "schuljahresende",
    "schuljahresbeginn", "quartal", "quartals", "kw", "kalenderwoche", "woche", "wochen", "tagen", "monat", "monaten",
    "sommerferien", "sommerpause", "herbstferien", "osterferien", "weihnachtsferien", "winterferien",
    "pfingstferien", "frühjahr", "frühling", "sommer", "herbst", "winter", "nächsten", "kommenden", "folgenden",
    "übernächsten", "demnächst", "zeitnah", "kürze", "kurzfristig", "gegebener", "anschluss", "anschließend",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    index_only=True,
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
# The patterns that need a word of TIME_WORDS (a digit alone never completes them: "Ende 2025", "KW42" and "Q3"
# do, so part_year, week and quarter are not among them): with the clause's hits they are skipped without one.
_NEEDS_TIME_WORD: Final = frozenset({
    "end_year", "in_year", "school_year", "half", "rel_week", "in_units", "holidays", "season", "weekday",
    "next_meeting", "next_year", "soon",
})
_PRIORITY: Final = {name: i for i, (name, _) in enumerate(_PATTERNS)}  # among matches of the same span
# The words of the patterns that need words, looked for in one scan (``present_mask``); each pattern's mask of them.
_WORD_NEEDS: Final = [(name, needs) for name, needs in _NEEDS.items() if not isinstance(needs, str)]
_NEED_GROUPS: Final = word_masks([needs for _, needs in _WORD_NEEDS])
_NEED_WORDS: Final = _NEED_GROUPS[0]
_NEED_MASK: Final = {name: mask for (name, _), mask in zip(_WORD_NEEDS, _NEED_GROUPS[1], strict=True)}
# What a segment offers the patterns, as bits: a digit, a month name, both, a numeric "d.m".
_HAS_DIGIT: Final = 1
_HAS_MONTH: Final = 2
_HAS_DIGIT_MONTH: Final = 4
_HAS_DM: Final = 8
_CONDITION_BITS: Final = {"digit": _HAS_DIGIT, "month": _HAS_MONTH, "digit+month": _HAS_DIGIT_MONTH, "d.m": _HAS_DM}


class _Step:
    """One pattern of the plan and what it cannot match without: a condition (bits of ``_CONDITION_BITS``) or one of
    its words (a mask of ``_NEED_WORDS``), and perhaps a word of TIME_WORDS. A plain class: compiled, its fields
    are read natively in the loop that runs for every timed clause."""

    __slots__ = ("condition", "name", "need_mask", "needs_time_word", "priority", "regex")

    def __init__(self, name: str, regex: re.Pattern[str]) -> None:
        needs = _NEEDS[name]
        self.name = name
        self.regex = regex
        self.condition = _CONDITION_BITS[needs] if isinstance(needs, str) else 0
        self.need_mask = _NEED_MASK.get(name, 0)
        self.priority = _PRIORITY[name]
        self.needs_time_word = name in _NEEDS_TIME_WORD


_PLAN: Final = [_Step(name, rx) for name, rx in _COMPILED]


def find_times_possible(segment: str, hits: Hits | None = None) -> bool:
    """Cheap pre-check: can ``segment`` contain a time expression at all?

    ``hits``: the segment's word bits, when known (``CueIndex.hits``): a word of ``TIME_WORDS`` then stands for
    the substring search (it says yes to a few more segments, on which ``find_times`` finds nothing).
    """
    if has_digit(segment):
        return True
    if hits is not None:
        return bool((hits[0] | hits[1]) & TIME_WORDS.bit)
    return _TRIGGER_WORDS.search(segment) is not None


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    meeting: dt.date | None = None,
    land: str = "NW",
    next_meetings: dict[str, tuple[dt.date, ...]] | None = None,
    own_body: str | None = None,
    hits: Hits | None = None,
) -> list[TimeExpr]:
    """All non-overlapping time expressions in ``text[start:end]``, in text order.

    ``hits``: the segment's word bits, when the caller has them (``CueIndex.hits``); they say whether a month
    is named. Without them ``find_times_possible`` is checked first.
    """
    stop = len(text) if end is None else end
    segment = text[start:stop]
    digits = has_digit(segment)
    if hits is None and not digits and _TRIGGER_WORDS.search(segment) is None:  # (find_times_possible)
        return []
    has_month = (
        _MONTH_NAMES.search(segment) is not None if hits is None else bool((hits[0] | hits[1]) & MONTH_WORDS.bit)
    )
    present = (_HAS_DIGIT if digits else 0) | (_HAS_MONTH if has_month else 0)
    if digits and has_month:
        present |= _HAS_DIGIT_MONTH
    if digits and _NUMERIC_DATE.search(segment) is not None:
        present |= _HAS_DM
    time_word = hits is None or bool((hits[0] | hits[1]) & TIME_WORDS.bit)
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    words = -1  # which of _NEED_WORDS occur: looked for once, when the first pattern that needs words is reached
    for step in _PLAN:
        if step.needs_time_word and not time_word:
            continue
        # A condition, or words one of which must occur (this loop runs for every timed clause).
        if step.condition:
            if not present & step.condition:
                continue
        else:
            if words < 0:
                words = present_mask(segment, _NEED_WORDS)
            if not words & step.need_mask:
                continue
        for m in step.regex.finditer(text, start, stop):
            found.append((m.start(), -(m.end() - m.start()), step.priority, step.name, m))
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
