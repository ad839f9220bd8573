"""Robustness: never crash, quotes always slice the text, linear time on adversarial input."""

from __future__ import annotations

import datetime as dt
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.extraction import extract
from core.types import MeetingContext

_FRAGMENTS = st.sampled_from([
    "Die Verwaltung wird beauftragt, ", "bis zum 13.09.", " und ", ", dass ", "Herr Lenz teilt mit",
    " muss noch geprüft werden.", "\n\n", "\n", "TOP 5.1 ", "Beschluss:", "(", ")", "„", "“", "z. B. ",
    "in der nächsten Sitzung des Ausschusses für Sport", "...", "Ende des Jahres", "KW 42", "§ 62 ",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=40),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))))
def test_it_never_crashes_and_quotes_slice_the_text(parts: list[str], meeting: dt.date | None) -> None:
    text = "".join(parts)
    cands = extract(text, MeetingContext(meeting_date=meeting))
    for cand in cands:
        assert text[cand.start:cand.end] == cand.quote
        assert 0.0 <= cand.confidence <= 1.0
    assert [c.start for c in cands] == sorted(c.start for c in cands)


def _seconds(text: str) -> float:
    """CPU seconds of one extraction (time spent waiting for a busy CPU does not count)."""
    start = time.process_time()
    extract(text, MeetingContext())
    return time.process_time() - start


# CPU seconds of _reference_work() on an idle core of the development machine.
_REFERENCE_SECONDS = 0.05
_WORD = re.compile(r"\w+")


def _reference_work() -> float:
    text = "Die Verwaltung wird beauftragt, bis zum 13.09. zu prüfen und " * 16_000
    start = time.process_time()
    _WORD.findall(text)
    return time.process_time() - start


def _slowdown() -> float:
    """How much slower than idle this machine runs now (1.0 when idle; shared CI cores run slower)."""
    return max(1.0, min(_reference_work() for _ in range(3)) / _REFERENCE_SECONDS)


def test_adversarial_megabyte_inputs_take_under_a_second_each() -> None:
    cases = [
        "." * 1_000_000,
        "(" * 500_000 + ")" * 500_000,
        "Die Verwaltung wird beauftragt zu prüfen und " * 22_000,
        "zu prüfen und " * 72_000,
        "13.09. " * 140_000,
        "a. " * 333_000,
        "„" * 1_000_000,
        "dass, " * 170_000,
        "a\n" * 500_000,
        "x\n\n" * 333_000,
        "\n" * 1_000_000,
    ]
    for text in cases:
        budget = 1.0 * _slowdown()  # the target on an idle core is < 1 s per megabyte
        assert _seconds(text) < budget, text[:30]


def test_time_grows_linearly_with_input_size() -> None:
    unit = "Herr Lenz teilt mit, dass die Halle bis zum 13.09. saniert werden muss. " * 200
    small, large = _seconds(unit * 5), _seconds(unit * 20)
    assert large < small * 4 * 2.5 + 0.05
