"""The deployment crons fire once per Berlin civil day through every DST change 2025–2035.

Uses Prefect's server-side ``CronSchedule`` (the code the scheduler service runs to create
flow runs), fed with the cron strings and zone of ``flows.deployments``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from prefect.server.schemas.schedules import CronSchedule

from flows.deployments import NIGHTLY_CRON, REMINDERS_CRON, TZ, deployments

BERLIN = ZoneInfo("Europe/Berlin")
FIRST, LAST = dt.date(2025, 1, 1), dt.date(2035, 12, 31)


def _fire_times(cron: str) -> list[dt.datetime]:
    """Every run the scheduler would create from FIRST to LAST (Berlin), as Berlin wall times."""
    schedule = CronSchedule(cron=cron, timezone=TZ)
    start = dt.datetime(FIRST.year, 1, 1, tzinfo=BERLIN)
    end = dt.datetime(LAST.year, 12, 31, 23, 59, tzinfo=BERLIN)
    found: list[dt.datetime] = []
    while True:  # the generator checks at most 1,000 candidates per call, like the scheduler
        chunk = list(schedule._get_dates_generator(n=500, start=start, end=end))
        found.extend(d.astimezone(BERLIN) for d in chunk)
        if len(chunk) < 500:
            return found
        start = chunk[-1] + dt.timedelta(seconds=1)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def test_the_deployments_use_these_crons_in_berlin_time() -> None:
    schedules = [d.schedules[0].schedule for d in deployments()]
    assert {(REMINDERS_CRON, TZ), (NIGHTLY_CRON, TZ)} <= {(s.cron, s.timezone) for s in schedules}


@pytest.mark.parametrize(("cron", "weekdays", "wall"), [
    (NIGHTLY_CRON, range(7), (5, 0)),
    (REMINDERS_CRON, range(5), (7, 30)),
])
def test_the_cron_fires_exactly_once_per_berlin_day_through_every_dst_change(
        cron: str, weekdays: range, wall: tuple[int, int]) -> None:
    fired = _fire_times(cron)
    per_day = Counter(t.date() for t in fired)
    expected = [d for d in _days(FIRST, LAST) if d.weekday() in weekdays]
    assert [d for d in expected if per_day[d] != 1] == []
    assert set(per_day) == set(expected)
    assert {(t.hour, t.minute) for t in fired} == {wall}
    utc_offsets = {t.utcoffset() for t in fired}
    assert utc_offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}  # both CET and CEST covered
