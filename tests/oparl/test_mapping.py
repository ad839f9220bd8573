"""Pure OParl mapping: civil dates in Europe/Berlin, quirks, agenda numbering."""

from __future__ import annotations

import datetime as dt

import pytest

from oparl.mapping import as_list, civil_date, map_meeting, normalise_number, top_sections, type_name


@pytest.mark.parametrize(("start", "day"), [
    ("2026-11-12T17:00:00+01:00", dt.date(2026, 11, 12)),
    ("2026-11-11T23:30:00+00:00", dt.date(2026, 11, 12)),  # 00:30 in Berlin
    ("2026-07-01T22:30:00Z", dt.date(2026, 7, 2)),  # summer time: 00:30 CEST
    ("2026-11-12", dt.date(2026, 11, 12)),  # date-only start (vendor quirk)
    ("2026-11-12T17:00:00", dt.date(2026, 11, 12)),  # naive: Berlin wall time
    ("unbekannt", None),
    (None, None),
])
def test_meeting_start_becomes_civil_date_in_berlin(start: str | None, day: dt.date | None) -> None:
    assert civil_date(start, "Europe/Berlin") == day


def test_missing_type_and_single_value_for_array_are_tolerated_with_warnings() -> None:
    warnings: list[str] = []
    meeting = map_meeting({"id": "m/1", "start": "2026-11-12", "organization": "org/2",
                           "resultsProtocol": [{"id": "f/1", "text": "TOP 1"}]}, warnings.append)
    assert meeting.organizations == ["org/2"]
    assert meeting.files[0][0] == "resultsProtocol"
    assert len(warnings) == 4  # meeting type, organization not an array, protocol is an array, file type


def test_type_name_strips_schema_prefix_and_accepts_lower_case() -> None:
    assert type_name({"type": "https://schema.oparl.org/1.0/meeting"}, "X", print) == "Meeting"
    assert as_list({"a": None}, "a", print) == []


def test_agenda_numbers_and_top_headings_normalise_alike() -> None:
    text = "Kopf\nTOP 2: Radweg\nText\nZu Punkt 3.1 Bäume\nÖ 4 nicht\n"
    assert top_sections(text) == [(5, "2"), (24, "3.1")]
    assert [normalise_number(n) for n in ("Ö 3.", "TOP 3", "3", "")] == ["3", "3", "3", None]
