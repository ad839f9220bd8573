"""Time handling: --now parsing, Berlin civil days across DST, strict civil dates."""

from __future__ import annotations

import datetime as dt

import pytest

from core.dates import (
    BusinessCalendar,
    add_months,
    end_of_quarter,
    format_date_de,
    iso_week_start,
    local_date,
    local_instant,
    parse_civil_date,
    parse_now,
)
from core.errors import InputError

UTC = dt.UTC


def test_it_reads_a_naive_now_as_berlin_wall_time() -> None:
    assert parse_now("2026-07-01T07:30") == dt.datetime(2026, 7, 1, 5, 30, tzinfo=UTC)
    assert parse_now("2026-01-05T07:30") == dt.datetime(2026, 1, 5, 6, 30, tzinfo=UTC)


def test_it_keeps_an_explicit_offset() -> None:
    assert parse_now("2026-07-01T07:30:00+00:00") == dt.datetime(2026, 7, 1, 7, 30, tzinfo=UTC)


def test_a_bare_date_means_noon_of_that_berlin_day() -> None:
    assert local_date(parse_now("2026-03-29")) == dt.date(2026, 3, 29)


@pytest.mark.parametrize("raw", ["morgen", "2026-13-01", "31.12.2026", "0202-01-01", "2026-02-30T07:00"])
def test_it_refuses_garbage_and_absurd_instants(raw: str) -> None:
    with pytest.raises(InputError):
        parse_now(raw)


@pytest.mark.parametrize("raw", ["2026-02-30", "20233-01-01", "1899-12-31", "heute", ""])
def test_it_refuses_invalid_civil_dates(raw: str) -> None:
    with pytest.raises(InputError):
        parse_civil_date(raw)


def test_the_civil_day_flips_at_berlin_midnight_not_utc_midnight() -> None:
    assert local_date(dt.datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == dt.date(2026, 7, 1)
    assert local_date(dt.datetime(2026, 12, 31, 22, 59, tzinfo=UTC)) == dt.date(2026, 12, 31)


def test_send_time_follows_the_wall_clock_across_dst() -> None:
    assert local_instant(dt.date(2026, 3, 27), "07:30") == dt.datetime(2026, 3, 27, 6, 30, tzinfo=UTC)
    assert local_instant(dt.date(2026, 3, 30), "07:30") == dt.datetime(2026, 3, 30, 5, 30, tzinfo=UTC)


def test_a_wall_time_in_the_spring_gap_moves_forward() -> None:
    assert local_instant(dt.date(2026, 3, 29), "02:30") == dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_it_moves_a_sunday_deadline_to_monday_with_a_german_reason() -> None:
    shift = BusinessCalendar("NW").shift(dt.date(2026, 11, 29))
    assert shift.effective == dt.date(2026, 11, 30)
    assert shift.reason == "Frist fällt auf Sonntag, 29. November — erinnert wird am Montag, 30. November 2026"


def test_corpus_christi_is_a_holiday_in_nrw_but_not_in_berlin() -> None:
    day = dt.date(2026, 6, 4)
    assert not BusinessCalendar("NW").is_business_day(day)
    assert BusinessCalendar("BE").is_business_day(day)


def test_it_refuses_an_unknown_land() -> None:
    with pytest.raises(InputError, match="Bundesland"):
        BusinessCalendar("XX")


def test_calendar_helpers() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert end_of_quarter(2027, 2) == dt.date(2027, 6, 30)
    assert iso_week_start(2026, 42) == dt.date(2026, 10, 12)
    assert format_date_de(dt.date(2026, 10, 3), weekday=True) == "Samstag, 3. Oktober 2026"
