"""The meeting date stated in a document's head."""

from __future__ import annotations

import datetime as dt

import pytest

from core.extraction import find_meeting_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beratungsergebnis\n\nBauausschuss am 12.02.2024\n\nZu Punkt 3: Radwege", dt.date(2024, 2, 12)),
        ("07.05.2024 - 4.2 Sanierung der Turnhalle\n\nBeschluss:", dt.date(2024, 5, 7)),
        ("Grunddaten\n- TOP: Ö 2\n- Gremium: Kulturausschuss\n- Datum: Mi., 17.04.2024\n", dt.date(2024, 4, 17)),
        ("Sitzungstermin: 03/21/2019\nSitzungsart: öffentlich", dt.date(2019, 3, 21)),
        ("Datum: Dienstag, 9. Juli 2024\nOrt: Rathaus", dt.date(2024, 7, 9)),
        ("Niederschrift über die Sitzung des Ortsrates am 04.10.23\n", dt.date(2023, 10, 4)),
    ],
)
def test_it_reads_the_meeting_date_from_headers(text: str, expected: dt.date) -> None:
    assert find_meeting_date(text) == expected


def test_a_future_meeting_in_the_body_is_not_the_meeting_date() -> None:
    text = "Der Vorsitzende erklärt, dass das Thema in der Sitzung des Rates am 10.12.2024 behandelt wird."
    assert find_meeting_date(text) is None
