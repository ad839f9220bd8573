"""Reading a matched time expression: its absolute due date (where the GUIDELINES allow one) or vagueness.

``timex`` finds the expressions; ``resolve`` turns one match into a ``TimeExpr`` against the meeting
date (future-preferring), the school holidays of the configured Land and the known meeting calendar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

from core.extraction.regex_store import compile_regex

MONTHS: Final = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan": 1, "feb": 2, "febr": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}
WEEKDAYS: Final = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6}
ORDINALS: Final = {
    "ersten": 1, "erste": 1, "1.": 1, "i.": 1, "zweiten": 2, "zweite": 2, "2.": 2, "ii.": 2,
    "dritten": 3, "dritte": 3, "3.": 3, "iii.": 3, "vierten": 4, "vierte": 4, "4.": 4, "iv.": 4,
}
NUMBERS: Final = {
    "ein": 1, "einem": 1, "einer": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "zwölf": 12, "vierzehn": 14,
}

class TimeExpr:
    """One time expression: span in the text, wording, absolute due (or None) and vagueness.

    Not changed once made. A plain class rather than a dataclass: compiled, its ``__init__`` is native.
    """

    __slots__ = ("body", "due", "end", "kind", "start", "text", "vague")

    def __init__(
        self, start: int, end: int, text: str, kind: str, due: dt.date | None, vague: bool, body: str | None = None
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.due = due
        self.vague = vague
        self.body = body  # for "nächste Sitzung des X": the body named

    def _key(self) -> tuple[int, int, str, str, dt.date | None, bool, str | None]:
        return self.start, self.end, self.text, self.kind, self.due, self.vague, self.body

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeExpr) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"TimeExpr(start={self.start}, end={self.end}, text={self.text!r}, kind={self.kind!r}, "
                f"due={self.due!r}, vague={self.vague}, body={self.body!r})")


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


def resolve(
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
    elif name in ("quarter", "half"):
        # "Ende Q3" / "Ende des 1. Halbjahres": the last day of its last month; "im zweiten Quartal": vague
        if name == "quarter":
            number, months, at_end = int(g["qn"]) if g.get("qn") else ORDINALS[g["ord"].lower()], 3, g.get("qend")
        else:
            number, months, at_end = ORDINALS[g["h"].lower()], 6, g.get("hend")
        y = _year(g.get("year"), meeting)
        if at_end and y:
            due = _roll(_month_end(y, number * months), meeting, g.get("year"))
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
            year = int(g["hyear"]) if g.get("hyear") else None
            period = holiday_period(land, meeting, _HOLIDAY_STEMS[g["hol"]], year)
            due = period[0] - dt.timedelta(days=1) if period else None
        vague = due is None
    elif name == "next_meeting":
        body = _body_name(g.get("body") or "", g["what"], own_body)
        dates = next_meetings.get(body.lower(), ()) if body else ()
        if meeting is not None and g["which"] in ("nächsten", "kommenden", "folgenden"):
            due = next((d for d in dates if d > meeting), None)
        vague = due is None
    elif name == "school_year":
        due = _school_year_end(g, meeting)
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


def _school_year_end(g: dict[str, str | None], meeting: dt.date | None) -> dt.date | None:
    """31 July that ends the school year named ("2026/2027") or the one running at the meeting; None for
    its beginning (the first school day differs by Land) or without a year and a meeting date."""
    if g["sypart"] != "Ende" and g["syword"] != "ende":
        return None
    if g["sy1"]:
        return dt.date(int(g["sy1"]) + 1, 7, 31)
    if meeting is None:
        return None
    return dt.date(meeting.year if meeting.month < 8 else meeting.year + 1, 7, 31)


def _week_end(g: dict[str, str | None], meeting: dt.date | None) -> dt.date | None:
    """The Friday that "Ende der (nächsten) Woche" means, counted from the meeting's week; None for the
    vaguer "Anfang/Mitte …", "in der kommenden Woche", or when that Friday is not after the meeting."""
    if g["wpart"] != "Ende" or meeting is None:
        return None
    rel = g["wrel"] or ""
    weeks = 2 if rel.startswith("über") else 1 if rel else 0
    friday = meeting + dt.timedelta(days=4 - meeting.weekday() + 7 * weeks)
    return friday if friday > meeting else None


# The word of each holiday as the ``holidays`` package names the periods ("Oster-/Frühjahrsferien").
_HOLIDAY_STEMS: Final = {
    "Sommerferien": "sommer", "Sommerpause": "sommer", "Herbstferien": "herbst", "Osterferien": "oster",
    "Weihnachtsferien": "weihnacht", "Winterferien": "winter", "Pfingstferien": "pfingst",
}


def holiday_period(land: str, after: dt.date, stem: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The first school holidays of ``land`` whose name contains ``stem`` ("sommer", "oster") and that end
    after ``after``, in ``year`` when one is named ("Osterferien 2027"): (first day, last day), civil dates."""
    # Imported here: core.dates pulls in pendulum and holidays (~0.2 s), which only this
    # rare expression needs; the CLI must start fast.
    from core.dates import school_holiday_periods

    for y in (year,) if year else (after.year, after.year + 1):
        try:
            periods = school_holiday_periods(land, y)
        except Exception:  # unknown Land or no data: the expression stays vague
            return None
        for name, first, last in periods:
            if stem in name.lower() and last >= after and (year is None or first.year == year):
                return first, last
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_GENITIVE: Final = compile_regex(r"(?<=[a-zäöüß])(?:es|s)$")


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
