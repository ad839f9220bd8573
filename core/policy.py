"""Reminder policy: which reminder steps of a commitment are due on a given day.

Pure and deterministic. Time is a parameter (``today``, a civil date); nothing here reads
the clock, a database or the network.

Steps of an OPEN commitment with a Frist (stated ``due`` date):

* The stated Frist is kept; the *effective* due date is the Frist moved off Saturdays,
  Sundays and public holidays of the Land to the next business day (§ 193 BGB,
  ``BusinessCalendar.shift``). Everything counts from the effective due date.
* ``before-N`` (N business days before the effective due date) for every N > 0 in the kind's
  ``before`` list, and ``due`` on the effective due date when 0 is in the list. Both carry the
  shift ``reason`` ("Frist fällt auf Samstag, 3. Oktober — erinnert wird am …").
* ``overdue-n`` to the owner, n = 1, 2, …, ``n * overdue_every`` business days after the
  effective due date, as long as that is strictly less than ``escalate_after``.
* ``escalation`` once, to the manager, ``escalate_after`` business days after the effective
  due date. From that day on the owner's overdue reminders pause for good and there are no
  repeated escalations: the item then shows up in the nightly digest until someone closes it.
  So a dated item has a bounded, fixed set of steps.

Undated DELIVERABLE/REPORT_BACK items get a default Frist: ``meeting_date`` (else
``confirmed_on``) + ``default_frist_months``. When ``interim_report`` is on, they get
``interim-report`` at that default Frist (moved to a business day) and then
``interim-report-2``, ``-3``, … every further ``default_frist_months`` (counted from the base
date, so month-end clamping never drifts). No overdue/escalation: there is no real Frist.
Undated MEETING/DEADLINE/FORWARD items get no steps.

``due_steps(today)`` returns every *relevant* step with ``effective_date <= today``:

* Steps dated before ``confirmed_on`` are skipped (the commitment was not in the tracker
  yet: no retroactive "in 10 Tagen" reminders) — except ``escalation``, which is a state
  ("this is escalated") and is sent even when its date passed before confirmation.
* Of the interim-report series only the latest instance due by ``today`` is returned; an
  older request is superseded by the newer, identical one.
* Otherwise every missed step is returned (catch-up after an outage); each key exactly once.
  The delivery log dedupes across nights.

Keys (``step`` names) depend only on (item, policy, calendar), never on ``today``.
"""

from __future__ import annotations

import datetime as dt
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from core.config import ReminderPolicy
from core.dates import BusinessCalendar, Shift, add_months
from core.types import Kind, Status

__all__ = [
    "DueStep",
    "ReminderItem",
    "add_business_days",
    "business_days_between",
    "due_steps",
    "effective_due",
    "is_overdue",
    "next_step_date",
    "scheduled_steps",
]

UNDATED_WITH_DEFAULT: frozenset[Kind] = frozenset({Kind.DELIVERABLE, Kind.REPORT_BACK})


@dataclass(frozen=True, slots=True)
class ReminderItem:
    """What the policy needs to know about one commitment."""

    commitment_id: int
    kind: Kind
    status: Status
    due: dt.date | None
    meeting_date: dt.date | None
    confirmed_on: dt.date | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class DueStep:
    """One reminder to send.

    ``step`` is a stable key ("before-10", "due", "overdue-2", "escalation", "interim-report",
    "interim-report-2", …); with the commitment, the recipient and ``effective_date`` it forms
    the delivery's unique key. ``stated_date`` is the stated Frist (None for interim-report
    requests of undated items); ``effective_date`` is always a business day.
    """

    commitment_id: int
    step: str
    audience: Literal["owner", "manager"]
    stated_date: dt.date | None
    effective_date: dt.date
    reason: str | None


# --------------------------------------------------------------------------- fast business days


class _BusinessIndex:
    """Sorted ordinals of a calendar's business days, for O(log n) business-day arithmetic.

    Built from ``BusinessCalendar.is_business_day`` one whole year at a time, on demand,
    so results are identical to the calendar's own (day-by-day) methods.
    """

    def __init__(self, cal: BusinessCalendar) -> None:
        self._cal = cal
        self._lock = threading.Lock()
        # (first year, last year, business-day ordinals): replaced as a whole when extended
        self._state: tuple[int, int, list[int]] = (0, -1, [])

    def _year(self, year: int) -> list[int]:
        day = dt.date(year, 1, 1)
        end = dt.date(year, 12, 31).toordinal()
        start = day.toordinal()
        is_bd = self._cal.is_business_day
        return [o for o in range(start, end + 1) if is_bd(dt.date.fromordinal(o))]

    def _cover(self, lo: int, hi: int) -> tuple[int, int, list[int]]:
        state = self._state
        if state[0] <= lo and hi <= state[1]:
            return state
        with self._lock:
            first, last, days = self._state
            if first > last:  # empty
                first, last, days = lo, lo - 1, []
            before: list[int] = []
            for year in range(min(lo, first), first):
                before.extend(self._year(year))
            after: list[int] = []
            for year in range(last + 1, max(hi, last) + 1):
                after.extend(self._year(year))
            self._state = (min(lo, first), max(hi, last), before + days + after)
            return self._state

    def add(self, day: dt.date, count: int) -> dt.date:
        """Same as ``BusinessCalendar.add_business_days``."""
        if count == 0:
            return day
        ordinal = day.toordinal()
        span = abs(count) // 200 + 1
        while True:
            if count > 0:
                _first, _last, days = self._cover(day.year, day.year + span)
                index = bisect_right(days, ordinal) + count - 1
                if index < len(days):
                    return dt.date.fromordinal(days[index])
            else:
                _first, _last, days = self._cover(day.year - span, day.year)
                index = bisect_left(days, ordinal) + count
                if index >= 0:
                    return dt.date.fromordinal(days[index])
            span *= 2

    def around(self, day: dt.date, back: int, ahead: int) -> tuple[list[int], int]:
        """Business-day ordinals and the index of the first business day >= ``day``.

        The list is guaranteed to hold ``back`` entries before and ``ahead`` entries after it.
        """
        ordinal = day.toordinal()
        span_back, span_ahead = back // 200 + 1, ahead // 200 + 1
        while True:
            _first, _last, days = self._cover(day.year - span_back, day.year + span_ahead)
            index = bisect_left(days, ordinal)
            if index - back < 0:
                span_back *= 2
            elif index + ahead >= len(days):
                span_ahead *= 2
            else:
                return days, index

    def between(self, earlier: dt.date, later: dt.date) -> int:
        """Same as ``BusinessCalendar.business_days_between``: business days in (earlier, later]."""
        if later <= earlier:
            return 0
        _first, _last, days = self._cover(earlier.year, later.year)
        return bisect_right(days, later.toordinal()) - bisect_right(days, earlier.toordinal())


_INDEXES: dict[BusinessCalendar, _BusinessIndex] = {}
_INDEXES_LOCK = threading.Lock()


def _index(cal: BusinessCalendar) -> _BusinessIndex:
    found = _INDEXES.get(cal)
    if found is None:
        with _INDEXES_LOCK:
            found = _INDEXES.setdefault(cal, _BusinessIndex(cal))
    return found


def add_business_days(cal: BusinessCalendar, day: dt.date, count: int) -> dt.date:
    """``cal.add_business_days`` in O(log n) (cached per calendar)."""
    return _index(cal).add(day, count)


def business_days_between(cal: BusinessCalendar, earlier: dt.date, later: dt.date) -> int:
    """``cal.business_days_between`` in O(log n) (cached per calendar)."""
    return _index(cal).between(earlier, later)


# --------------------------------------------------------------------------- policy


def is_overdue(status: Status, due: dt.date | None, today: dt.date) -> bool:
    """Open and the *stated* Frist is before ``today`` (for display; reminders use effective dates)."""
    return status is Status.OPEN and due is not None and due < today


def _default_base(item: ReminderItem) -> dt.date | None:
    return item.meeting_date or item.confirmed_on


def effective_due(item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar) -> Shift | None:
    """The stated (or default) Frist and the business day reminders count from.

    A stated ``due`` is shifted per § 193 BGB. An undated DELIVERABLE/REPORT_BACK gets the
    default Frist (meeting date, else confirmation date, + ``default_frist_months``). Anything
    else undated: None.
    """
    if item.due is not None:
        return cal.shift(item.due)
    if item.kind in UNDATED_WITH_DEFAULT:
        base = _default_base(item)
        if base is not None:
            return cal.shift(add_months(base, policy.default_frist_months))
    return None


def _interim_key(n: int) -> str:
    return "interim-report" if n == 1 else f"interim-report-{n}"


def _interim(item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar, n: int) -> DueStep:
    base = _default_base(item)
    assert base is not None
    shifted = cal.shift(add_months(base, n * policy.default_frist_months))
    return DueStep(item.commitment_id, _interim_key(n), "owner", None, shifted.effective, None)


def _dated_steps(item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar) -> list[DueStep]:
    """The fixed, complete schedule of a dated item, in date order."""
    assert item.due is not None
    shift = cal.shift(item.due)
    eff = shift.effective
    cid, stated = item.commitment_id, item.due
    kind_policy = policy.per_kind.get(item.kind)
    before = sorted(set(kind_policy.before), reverse=True) if kind_policy is not None else []
    every, escalate_after = policy.overdue_every, policy.escalate_after
    # eff is a business day: it sits at days[pos]; n business days away is days[pos ± n]
    days, pos = _index(cal).around(eff, before[0] if before else 0, escalate_after)
    day = dt.date.fromordinal
    steps: list[DueStep] = []
    for n in before:
        if n > 0:
            steps.append(DueStep(cid, f"before-{n}", "owner", stated, day(days[pos - n]), shift.reason))
        elif n == 0:
            steps.append(DueStep(cid, "due", "owner", stated, eff, shift.reason))
    n = 1
    while n * every < escalate_after:
        steps.append(DueStep(cid, f"overdue-{n}", "owner", stated, day(days[pos + n * every]), None))
        n += 1
    steps.append(DueStep(cid, "escalation", "manager", stated, day(days[pos + escalate_after]), None))
    return steps


def _latest_interim_n(
    item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar, today: dt.date
) -> int:
    """The largest n >= 1 whose interim-report date is <= today (0 if none), without scanning."""
    base = _default_base(item)
    assert base is not None
    months = policy.default_frist_months
    elapsed = (today.year - base.year) * 12 + (today.month - base.month)
    n = max(elapsed // months + 1, 1)  # an upper estimate; shifting moves dates by days only
    while n >= 1 and _interim(item, policy, cal, n).effective_date > today:
        n -= 1
    return n


def due_steps(
    item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar, today: dt.date
) -> list[DueStep]:
    """Every relevant step with ``effective_date <= today``, in date order (see module doc)."""
    if item.status is not Status.OPEN:
        return []
    if item.due is not None:
        floor = item.confirmed_on
        return [
            s
            for s in _dated_steps(item, policy, cal)
            if s.effective_date <= today
            and (floor is None or s.step == "escalation" or s.effective_date >= floor)
        ]
    if item.kind in UNDATED_WITH_DEFAULT and policy.interim_report and _default_base(item) is not None:
        n = _latest_interim_n(item, policy, cal, today)
        return [_interim(item, policy, cal, n)] if n >= 1 else []
    return []


def scheduled_steps(
    item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar, until: dt.date
) -> list[DueStep]:
    """All steps of the item's schedule with ``effective_date <= until`` regardless of relevance.

    For display and tests ("what will this item get?"); the interim-report series is listed
    in full. Non-open items have no schedule.
    """
    if item.status is not Status.OPEN:
        return []
    if item.due is not None:
        return [s for s in _dated_steps(item, policy, cal) if s.effective_date <= until]
    if item.kind in UNDATED_WITH_DEFAULT and policy.interim_report and _default_base(item) is not None:
        last = _latest_interim_n(item, policy, cal, until)
        return [_interim(item, policy, cal, n) for n in range(1, last + 1)]
    return []


def next_step_date(
    item: ReminderItem, policy: ReminderPolicy, cal: BusinessCalendar, after: dt.date
) -> dt.date | None:
    """The effective date of the next step that will be sent strictly after ``after``, or None."""
    if item.status is not Status.OPEN:
        return None
    if item.due is not None:
        floor = item.confirmed_on
        for step in _dated_steps(item, policy, cal):
            if step.effective_date > after and (
                floor is None or step.step == "escalation" or step.effective_date >= floor
            ):
                return step.effective_date
        return None
    if item.kind in UNDATED_WITH_DEFAULT and policy.interim_report and _default_base(item) is not None:
        n = _latest_interim_n(item, policy, cal, after) + 1
        return _interim(item, policy, cal, n).effective_date
    return None
