"""All date and time arithmetic: the only module of the project that imports pendulum.

Conventions: a *civil date* (``datetime.date``) is a day in the configured zone
(Europe/Berlin by default) with no time; a Frist is a civil date. An *instant* is a
timezone-aware ``datetime`` in UTC; that is what is stored and passed around as ``now``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import pendulum

from core.errors import InputError

DEFAULT_TZ = "Europe/Berlin"
DEFAULT_LAND = "NW"
LAENDER: tuple[str, ...] = (
    "BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV",
    "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH",
)
# Dates outside this window are refused as absurd (typos like 0202 or 20233).
MIN_YEAR, MAX_YEAR = 1990, 2100

WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)


def utc_now() -> dt.datetime:
    """The current instant, timezone-aware, in UTC. Shells call this; the core never does."""
    return pendulum.now("UTC")


def parse_now(value: str | None, tz: str = DEFAULT_TZ) -> dt.datetime:
    """Parse a ``--now`` value into an aware UTC instant.

    Accepts ISO 8601 with an offset, a naive date-time (read as local time in ``tz``) or
    a bare date (read as 12:00 local time, the middle of the civil day). ``None`` means
    the real current instant.
    """
    if value is None or not value.strip():
        return utc_now()
    text = value.strip()
    parsed: object
    try:
        if len(text) == 10:
            day = parse_civil_date(text)
            parsed = pendulum.datetime(day.year, day.month, day.day, 12, tz=tz)
        else:
            parsed = pendulum.parse(text, tz=tz)
    except InputError:
        raise
    except Exception as exc:  # pendulum raises several types for garbage
        raise InputError(f"Ungültiger Zeitpunkt: {value!r} (erwartet z. B. 2026-03-02T07:30)") from exc
    if not isinstance(parsed, pendulum.DateTime):
        raise InputError(f"Ungültiger Zeitpunkt: {value!r}")
    _check_year(parsed.year, value)
    return parsed.in_timezone("UTC")


def parse_civil_date(value: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` strictly into a civil date; raise InputError with a German message."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as exc:
        raise InputError(f"Ungültiges Datum: {value!r} (erwartet JJJJ-MM-TT)") from exc
    _check_year(day.year, value)
    return day


def _check_year(year: int, raw: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(f"Unplausibles Datum: {raw!r} (Jahr außerhalb {MIN_YEAR}–{MAX_YEAR})")


def ensure_utc(instant: dt.datetime) -> dt.datetime:
    """Return ``instant`` as aware UTC; a naive value is taken to be UTC already (as stored)."""
    if instant.tzinfo is None:
        return instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(dt.UTC)


@lru_cache(maxsize=32)
def _zone(name: str) -> pendulum.Timezone:
    # pendulum reads the zone file on every lookup by name; planning calls this per row.
    zone = pendulum.timezone(name)
    assert isinstance(zone, pendulum.Timezone)
    return zone


def local_date(instant: dt.datetime, tz: str = DEFAULT_TZ) -> dt.date:
    """The civil date in ``tz`` at the given instant (UTC or aware)."""
    local = ensure_utc(instant).astimezone(_zone(tz))
    return dt.date(local.year, local.month, local.day)


def local_instant(day: dt.date, hhmm: str, tz: str = DEFAULT_TZ) -> dt.datetime:
    """The UTC instant of wall-clock ``hhmm`` on civil ``day`` in ``tz``.

    A wall time inside a DST gap (02:30 on the spring-forward day) is moved forward,
    as pendulum does; an ambiguous one (autumn) takes the first occurrence.
    """
    hour, minute = parse_hhmm(hhmm)
    local = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz)
    return local.in_timezone("UTC")


def parse_hhmm(value: str) -> tuple[int, int]:
    """Parse ``HH:MM`` (24 h) into (hour, minute); raise InputError otherwise."""
    try:
        hour_s, minute_s = value.strip().split(":")
        hour, minute = int(hour_s), int(minute_s)
    except (ValueError, AttributeError) as exc:
        raise InputError(f"Ungültige Uhrzeit: {value!r} (erwartet HH:MM)") from exc
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise InputError(f"Ungültige Uhrzeit: {value!r} (erwartet HH:MM)")
    return hour, minute


def is_valid_timezone(name: str) -> bool:
    """True when ``name`` is a known IANA zone."""
    try:
        pendulum.timezone(name)
    except Exception:  # pendulum raises its own InvalidTimezone
        return False
    return True


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later, clamped to the month's end (31.1. + 1 month = 28./29.2.)."""
    return _to_date(pendulum.date(day.year, day.month, day.day).add(months=months))


def add_days(day: dt.date, days: int) -> dt.date:
    """``days`` calendar days later (negative: earlier)."""
    return day + dt.timedelta(days=days)


def end_of_month(year: int, month: int) -> dt.date:
    """The last day of the month."""
    return _to_date(pendulum.date(year, month, 1).end_of("month"))


def end_of_quarter(year: int, quarter: int) -> dt.date:
    """The last day of quarter 1–4."""
    return end_of_month(year, quarter * 3)


def iso_week_start(year: int, week: int) -> dt.date:
    """Monday of ISO calendar week ``week`` of ``year`` (KW 1 contains the 4th of January)."""
    return dt.date.fromisocalendar(year, week, 1)


def iso_weeks_in_year(year: int) -> int:
    """52 or 53."""
    return dt.date(year, 12, 28).isocalendar().week


def days_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar days from ``earlier`` to ``later`` (negative if reversed)."""
    return (later - earlier).days


def _to_date(value: pendulum.Date) -> dt.date:
    return dt.date(value.year, value.month, value.day)


def format_date_de(day: dt.date, weekday: bool = False) -> str:
    """German long form: ``3. Oktober 2026`` or ``Samstag, 3. Oktober 2026``."""
    text = f"{day.day}. {MONTHS_DE[day.month - 1]} {day.year}"
    return f"{WEEKDAYS_DE[day.weekday()]}, {text}" if weekday else text


def format_short_de(day: dt.date) -> str:
    """German numeric form ``03.10.2026``."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


@lru_cache(maxsize=256)
def _public_holidays(land: str, year: int) -> dict[dt.date, str]:
    import holidays  # imported when first needed: ~60 ms that `wiedervorlage extract` never uses

    table = holidays.country_holidays("DE", subdiv=land, years=year, language="de")
    return {day: str(name) for day, name in table.items()}


@lru_cache(maxsize=256)
def _school_holidays(land: str, year: int) -> dict[dt.date, str]:
    import holidays

    try:
        table = holidays.country_holidays(
            "DE", subdiv=land, years=year, categories=("school",), language="de"
        )
    except NotImplementedError:  # pragma: no cover - depends on the holidays release
        return {}
    return {day: str(name) for day, name in table.items()}


def school_holiday_periods(land: str, year: int) -> list[tuple[str, dt.date, dt.date]]:
    """School holiday periods of a Land in ``year`` as (name, first day, last day), by date.

    Consecutive days with the same name form one period. Empty when the ``holidays``
    release has no data for that year (it covers school holidays only a few years ahead).
    """
    days = sorted(_school_holidays(land, year).items())
    periods: list[tuple[str, dt.date, dt.date]] = []
    for day, name in days:
        if periods and periods[-1][0] == name and (day - periods[-1][2]).days <= 3:
            periods[-1] = (name, periods[-1][1], day)
        else:
            periods.append((name, day, day))
    return periods


@dataclass(frozen=True, slots=True)
class Shift:
    """Why an effective reminder date differs from the stated date."""

    stated: dt.date
    effective: dt.date
    reason: str | None  # German, e.g. "Frist fällt auf Samstag, 3. Oktober — erinnert wird am …"


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    """Working days of one Land: Monday–Friday minus its public holidays."""

    land: str = DEFAULT_LAND
    tz: str = DEFAULT_TZ

    def __post_init__(self) -> None:
        if self.land not in LAENDER:
            raise InputError(f"Unbekanntes Bundesland {self.land!r} (erlaubt: {', '.join(LAENDER)})")

    def holiday_name(self, day: dt.date) -> str | None:
        """The public holiday's German name on ``day``, or None."""
        return _public_holidays(self.land, day.year).get(day)

    def is_business_day(self, day: dt.date) -> bool:
        """True on Monday–Friday that is not a public holiday of the Land."""
        return day.weekday() < 5 and self.holiday_name(day) is None

    def next_business_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a business day, else the next one (§ 193 BGB)."""
        while not self.is_business_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_business_days(self, day: dt.date, count: int) -> dt.date:
        """Move ``count`` business days forward (negative: backward) from ``day``.

        ``day`` itself is not counted; with count 0 the result is ``day``.
        """
        step = 1 if count >= 0 else -1
        remaining = abs(count)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def business_days_between(self, earlier: dt.date, later: dt.date) -> int:
        """Business days in (earlier, later]; 0 when later <= earlier."""
        count, day = 0, earlier
        while day < later:
            day += dt.timedelta(days=1)
            if self.is_business_day(day):
                count += 1
        return count

    def shift(self, stated: dt.date) -> Shift:
        """Effective date for a Frist: moved off weekends and holidays, with the reason."""
        effective = self.next_business_day(stated)
        if effective == stated:
            return Shift(stated, effective, None)
        holiday = self.holiday_name(stated)
        what = f"{holiday}, " if holiday else ""
        reason = (
            f"Frist fällt auf {what}{WEEKDAYS_DE[stated.weekday()]}, {stated.day}. "
            f"{MONTHS_DE[stated.month - 1]} — erinnert wird am {format_date_de(effective, True)}"
        )
        return Shift(stated, effective, reason)
