"""Properties of core.dates.BusinessCalendar (§ 193 BGB shifting, business-day arithmetic).

Also checks that the policy's O(log n) business-day index agrees with the calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.dates import LAENDER, WEEKDAYS_DE, BusinessCalendar, format_date_de
from core.policy import add_business_days as fast_add
from core.policy import business_days_between as fast_between

CALENDARS = {land: BusinessCalendar(land=land) for land in LAENDER}
laender = st.sampled_from(LAENDER)
days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))
counts = st.integers(min_value=-40, max_value=40)
fast = settings(max_examples=150, deadline=None)


@fast
@given(land=laender, stated=days)
def test_shift_lands_on_the_first_business_day_on_or_after_the_stated_date(
    land: str, stated: dt.date
) -> None:
    cal = CALENDARS[land]
    shift = cal.shift(stated)
    assert shift.stated == stated
    assert cal.is_business_day(shift.effective)
    assert shift.effective >= stated
    day = stated
    while day < shift.effective:
        assert not cal.is_business_day(day), "a business day was skipped"
        day += dt.timedelta(days=1)
    assert (shift.effective - stated).days <= 6  # never more than a long holiday weekend


@fast
@given(land=laender, stated=days)
def test_shift_gives_a_reason_exactly_when_the_date_moves(land: str, stated: dt.date) -> None:
    shift = CALENDARS[land].shift(stated)
    if shift.effective == stated:
        assert shift.reason is None
    else:
        assert shift.reason is not None
        assert WEEKDAYS_DE[stated.weekday()] in shift.reason
        assert format_date_de(shift.effective) in shift.reason
        assert "\n" not in shift.reason


@fast
@given(land=laender, start=days, count=counts)
def test_adding_business_days_lands_on_a_business_day_and_counts_back(
    land: str, start: dt.date, count: int
) -> None:
    cal = CALENDARS[land]
    moved = cal.add_business_days(start, count)
    if count == 0:
        assert moved == start
        return
    assert cal.is_business_day(moved)
    assert (moved > start) == (count > 0)
    earlier, later = sorted((start, moved))
    if count > 0:
        assert cal.business_days_between(earlier, later) == count
    else:
        # (moved, start] holds the |count| - 1 business days passed on the way, plus start itself
        expected = -count - 1 + (1 if cal.is_business_day(start) else 0)
        assert cal.business_days_between(earlier, later) == expected


@fast
@given(land=laender, start=days, count=counts)
def test_adding_and_subtracting_business_days_round_trips_from_a_business_day(
    land: str, start: dt.date, count: int
) -> None:
    cal = CALENDARS[land]
    business_day = cal.next_business_day(start)
    assert cal.add_business_days(cal.add_business_days(business_day, count), -count) == business_day


@fast
@given(land=laender, start=days, first=st.integers(0, 30), second=st.integers(0, 30))
def test_adding_business_days_is_additive(land: str, start: dt.date, first: int, second: int) -> None:
    cal = CALENDARS[land]
    assert cal.add_business_days(cal.add_business_days(start, first), second) == cal.add_business_days(
        start, first + second
    )


@fast
@given(land=laender, start=days, count=st.integers(-300, 300))
def test_the_policy_index_agrees_with_the_calendar(land: str, start: dt.date, count: int) -> None:
    cal = CALENDARS[land]
    assert fast_add(cal, start, count) == cal.add_business_days(start, count)
    other = start + dt.timedelta(days=count)
    assert fast_between(cal, start, other) == cal.business_days_between(start, other)
    assert fast_between(cal, other, start) == cal.business_days_between(other, start)


def test_it_moves_a_sunday_deadline_to_monday() -> None:
    shift = BusinessCalendar("NW").shift(dt.date(2026, 10, 4))
    assert shift.effective == dt.date(2026, 10, 5)
    assert shift.reason == "Frist fällt auf Sonntag, 4. Oktober — erinnert wird am Montag, 5. Oktober 2026"


def test_it_moves_a_saturday_deadline_to_monday_because_193_bgb_covers_saturdays() -> None:
    assert BusinessCalendar("BY").shift(dt.date(2026, 11, 14)).effective == dt.date(2026, 11, 16)


@pytest.mark.parametrize(
    ("land", "day", "holiday"),
    [
        ("NW", dt.date(2026, 6, 4), True),  # Fronleichnam
        ("BE", dt.date(2026, 6, 4), False),
        ("SN", dt.date(2026, 10, 31), True),  # Reformationstag (a Saturday anyway) …
        ("SN", dt.date(2025, 10, 31), True),  # … and on a Friday
        ("NW", dt.date(2025, 10, 31), False),
        ("NW", dt.date(2026, 12, 24), False),  # Heiligabend is a business day
        ("NW", dt.date(2026, 2, 16), False),  # Rosenmontag too
    ],
)
def test_it_knows_which_holidays_belong_to_which_land(land: str, day: dt.date, holiday: bool) -> None:
    assert (BusinessCalendar(land).holiday_name(day) is not None) is holiday
