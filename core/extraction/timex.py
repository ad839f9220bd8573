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

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan": 1, "feb": 2, "febr": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6}
ORDINALS = {
    "ersten": 1, "erste": 1, "1.": 1, "i.": 1, "zweiten": 2, "zweite": 2, "2.": 2, "ii.": 2,
    "dritten": 3, "dritte": 3, "3.": 3, "iii.": 3, "vierten": 4, "vierte": 4, "4.": 4, "iv.": 4,
}
NUMBERS = {
    "ein": 1, "einem": 1, "einer": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "zwölf": 12, "vierzehn": 14,
}

_MONTH = r"(?P<month>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ORD = r"(?P<ord>ersten|zweiten|dritten|vierten|[1-4]\.|I{1,3}\.|IV\.)"

_PATTERNS: list[tuple[str, str]] = [
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
                 r"(?P<hol>Sommerferien|Sommerpause|Herbstferien|Osterferien|Weihnachtsferien)\b"),
    ("season", rf"\b(?i:im|ab|bis\s+zum|für\s+den|zum)\s+(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)"
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


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression: span in the text, wording, absolute due (or None) and vagueness."""

    start: int
    end: int
    text: str
    kind: str
    due: dt.date | None
    vague: bool
    body: str | None = None  # for "nächste Sitzung des X": the body named


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(rx)) for name, rx in _PATTERNS]


_COMPILED = _compile()
_HAS_DIGIT = re.compile(r"\d")
# "full" and "short" cannot match without a digit, a dot and a digit: most digits in minutes
# (agenda items, amounts, paragraph numbers) fail this one cheap test.
_NUMERIC_DATE = re.compile(r"\d\.\s?\d")
# One cheap pre-check per sentence (most contain no time expression at all): a digit or one of these.
# Substring tests are far cheaper than an alternation regex over the sentence.
_TRIGGER_WORDS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember", "Jahr", "Quartal", "Halbjahr", "KW", "Kalenderwoche", "Woche", "Monat", "Tagen", "ferien",
    "pause", "Frühjahr", "Frühling", "Sommer", "Herbst", "Winter", "nächsten", "kommenden", "folgenden",
    "demnächst", "zeitnah", "Kürze", "kurzfristig", "gegebener", "Anschluss", "anschließend",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
)
_MONTH_NAMES = (
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
)
# What a pattern cannot match without: a digit, a month name, a numeric "d.m" (see _NUMERIC_DATE) or
# one of these substrings. Testing that first spares most of the sixteen regex passes (a single
# alternation of all sixteen was slower).
_NEEDS: dict[str, str | tuple[str, ...]] = {
    "full": "d.m", "day_month": "digit+month", "short": "d.m", "end_year": ("ahres", "Jahr"),
    "part_year": ("Anfang", "Mitte", "Ende"), "in_year": ("Jahres",),
    "part_month": "month", "quarter": ("Quartal", "Q"), "half": ("Halbjahr", "Jahreshälfte"),
    "week": ("KW", "Kalenderwoche"), "rel_week": ("Woche",),
    "in_units": ("Tagen", "Woche", "Monat"), "holidays": ("ferien", "Sommerpause"),
    "season": ("Frühjahr", "Frühling", "Sommer", "Herbst", "Winter"), "month": "month", "month_meeting": "month",
    "weekday": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "next_meeting": ("nächsten", "kommenden", "folgenden"), "next_year": ("Jahr",),
    "soon": ("demnächst", "zeitnah", "Kürze", "kurzfristig", "gegebener", "Anschluss", "anschließend"),
}
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}  # among matches of the same span
_PLAN = [(name, rx, _NEEDS[name], _PRIORITY[name]) for name, rx in _COMPILED]


def _has_any(segment: str, words: tuple[str, ...]) -> bool:
    # A plain loop: a third cheaper than any() over a generator, and this runs on every clause.
    for word in words:  # noqa: SIM110
        if word in segment:
            return True
    return False


def find_times_possible(segment: str) -> bool:
    """Cheap pre-check: can ``segment`` contain a time expression at all?"""
    return _HAS_DIGIT.search(segment) is not None or _has_any(segment, _TRIGGER_WORDS)


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
    has_digit = _HAS_DIGIT.search(segment) is not None
    if not has_digit and not _has_any(segment, _TRIGGER_WORDS):  # find_times_possible, digit test kept
        return []
    has_month = _has_any(segment, _MONTH_NAMES)
    present = {
        "digit": has_digit,
        "month": has_month,
        "digit+month": has_digit and has_month,
        "d.m": has_digit and _NUMERIC_DATE.search(segment) is not None,
    }
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for name, rx, needs, priority in _PLAN:
        # Inlined (no _has_any call): this loop runs for all nineteen patterns of every timed clause.
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
        expr = _resolve(name, m, meeting, land, next_meetings or {}, own_body)
        if expr is not None:
            result.append(expr)
            last_end = m.end()
    return result


def _year(raw: str | None, meeting: dt.date | None) -> int | None:
    if raw:
        return int(raw)
    return meeting.year if meeting else None


def _future(day: int, month: int, meeting: dt.date | None, year: str | None) -> dt.date | None:
    """Day and month with the year given, else the first such day not before the meeting."""
    if year:
        return _safe_date(int(year), month, day)
    if meeting is None:
        return None
    candidate = _safe_date(meeting.year, month, day)
    if candidate is not None and candidate < meeting:
        candidate = _safe_date(meeting.year + 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _roll(day: dt.date, meeting: dt.date | None, explicit_year: str | None) -> dt.date:
    """Future preference: a period end without a year that lies before the meeting means next year's."""
    if explicit_year or meeting is None or day >= meeting:
        return day
    return _month_end(day.year + 1, day.month)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(
    name: str,
    m: re.Match[str],
    meeting: dt.date | None,
    land: str,
    next_meetings: dict[str, tuple[dt.date, ...]],
    own_body: str | None,
) -> TimeExpr | None:
    g = m.groupdict()
    due: dt.date | None = None
    vague = False
    body: str | None = None
    if name == "full":
        full_year = int(g["y"])
        full_year = full_year + 2000 if full_year < 100 else full_year
        due = _safe_date(full_year, int(g["m"]), int(g["d"]))
        if due is None:
            return None
    elif name in ("day_month", "short"):
        month = MONTHS[g["month"].lower()] if g.get("month") else int(g["m"])
        if not 1 <= month <= 12:
            return None
        due = _future(int(g["d"]), month, meeting, g.get("year"))
    elif name == "end_year":
        y = _year(g.get("year"), meeting)
        due = dt.date(y, 12, 31) if y else None
    elif name == "part_year":
        y = int(g["year"]) if g.get("year") else (meeting.year + 1 if meeting else None)
        if g["ypart"] == "Ende" and y:
            due = dt.date(y, 12, 31)
        else:
            vague = True
    elif name == "part_month":
        month = MONTHS[g["month"].lower()]
        y = _year(g.get("year"), meeting)
        if y and not g.get("year") and meeting and month < meeting.month:
            y += 1
        if g["part"] == "Ende" and y:
            due = _month_end(y, month)
        else:
            vague = True
    elif name == "quarter":
        quarter = int(g["qn"]) if g.get("qn") else ORDINALS[g["ord"].lower()]
        y = _year(g.get("year"), meeting)
        if g.get("qend") and y:
            due = _roll(_month_end(y, quarter * 3), meeting, g.get("year"))
        else:
            vague = True
    elif name == "half":
        half = ORDINALS[g["h"].lower()]
        y = _year(g.get("year"), meeting)
        if g.get("hend") and y:
            due = _roll(_month_end(y, half * 6), meeting, g.get("year"))
        else:
            vague = True
    elif name == "in_units":
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        if meeting is not None:
            unit = g["unit"].lower()
            if unit.startswith("tag"):
                due = meeting + dt.timedelta(days=n)
            elif unit.startswith("woche"):
                due = meeting + dt.timedelta(weeks=n)
            else:
                due = _add_months(meeting, n)
    elif name == "holidays":
        rel = g["rel"].split()[0].lower()
        if rel in ("bis", "vor") and meeting is not None:
            period = summer_holidays(land, meeting) if g["hol"] in ("Sommerferien", "Sommerpause") else None
            due = period[0] - dt.timedelta(days=1) if period else None
        vague = due is None
    elif name == "next_meeting":
        body = _body_name(g.get("body") or "", g["what"], own_body)
        dates = next_meetings.get(body.lower(), ()) if body else ()
        if meeting is not None and g["which"] in ("nächsten", "kommenden", "folgenden"):
            due = next((d for d in dates if d > meeting), None)
        vague = due is None
    elif name == "rel_week":
        due = _week_end(g, meeting)
        vague = due is None
    elif name == "weekday":
        if meeting is not None:  # the first such day after the meeting
            ahead = (WEEKDAYS[g["wd"].lower()] - meeting.weekday()) % 7 or 7
            due = meeting + dt.timedelta(days=ahead)
        vague = due is None
    else:  # week, season, month, month_meeting, next_year, soon
        vague = True
    return TimeExpr(m.start(), m.end(), m.group(), name, due, vague, body)


def _week_end(g: dict[str, str | None], meeting: dt.date | None) -> dt.date | None:
    """The Friday that "Ende der (nächsten) Woche" means, counted from the meeting's week; None for the
    vaguer "Anfang/Mitte …", "in der kommenden Woche", or when that Friday is not after the meeting."""
    if g["wpart"] != "Ende" or meeting is None:
        return None
    rel = g["wrel"] or ""
    weeks = 2 if rel.startswith("über") else 1 if rel else 0
    friday = meeting + dt.timedelta(days=4 - meeting.weekday() + 7 * weeks)
    return friday if friday > meeting else None


def summer_holidays(land: str, after: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first summer school holidays of ``land`` ending after ``after`` (first, last day)."""
    # Imported here: core.dates pulls in pendulum and holidays (~0.2 s), which only this
    # rare expression needs; the CLI must start fast.
    from core.dates import school_holiday_periods

    for year in (after.year, after.year + 1):
        try:
            periods = school_holiday_periods(land, year)
        except Exception:  # unknown Land or no data: the expression stays vague
            return None
        for name, first, last in periods:
            if "sommer" in name.lower() and last >= after:
                return first, last
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_GENITIVE = re.compile(r"(?<=[a-zäöüß])(?:es|s)$")


def _body_name(body_phrase: str, what: str, own_body: str | None) -> str | None:
    """The body a "nächste Sitzung …" phrase refers to, in the nominative (lower-case lookups)."""
    phrase = body_phrase.strip()
    if phrase.startswith(("des ", "der ")):
        phrase = phrase[4:]
    if phrase.startswith("für "):
        phrase = f"{what} {phrase}"
    if not phrase:
        if "itzung" in what:
            return own_body
        phrase = what
    head, _, rest = phrase.partition(" ")
    if head.endswith(("usses", "rates", "tages")):
        head = _GENITIVE.sub("", head)
    return f"{head} {rest}".strip() if rest else head
