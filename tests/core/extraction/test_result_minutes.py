"""Result minutes of working groups and steering groups: labels, named persons' tasks, relative weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from core.extraction import extract
from core.types import Kind, MeetingContext

MEETING = dt.date(2026, 11, 10)  # a Tuesday


def _extract(text: str) -> list[tuple[str, str | None, dt.date | None, Kind]]:
    return [(c.quote, c.owner, c.due, c.kind) for c in extract(text, MeetingContext(meeting_date=MEETING))]


def test_a_result_label_is_left_out_of_the_quote_and_the_office_still_acts() -> None:
    found = _extract("Ergebnis: Das Amt 40 legt bis zum 15.12.2026 einen Zeitplan für die Schulen vor.")
    assert found == [("Das Amt 40 legt bis zum 15.12.2026 einen Zeitplan für die Schulen vor.", "Amt 40",
                      dt.date(2026, 12, 15), Kind.DEADLINE)]


def test_an_agreement_label_gives_its_line_the_force_of_an_agreed_head() -> None:
    text = "Vereinbart: Der IT-Service bereitet die Neuausschreibung vor und stellt sie in der nächsten Sitzung vor."
    assert [quote for quote, *_ in _extract(text)] == [text.removeprefix("Vereinbart: ")]


def test_a_task_line_without_a_full_stop_is_not_a_title_when_labelled() -> None:
    found = _extract("Aufgabe: Medienzentrum – Fortbildungsplan 2027 erstellen – Termin: 31.01.2027")
    assert [(quote, due, kind) for quote, _owner, due, kind in found] == [
        ("Medienzentrum – Fortbildungsplan 2027 erstellen – Termin: 31.01.2027", dt.date(2027, 1, 31), Kind.DEADLINE)
    ]


def test_a_result_label_alone_gives_no_force() -> None:
    assert _extract("Ergebnis: Die Mitglieder tauschen sich über die Erfahrungen aus.") == []


def test_a_named_person_with_a_step_and_a_time_after_the_meeting_owns_it() -> None:
    found = _extract("Frau Seidel versendet das Protokoll bis Ende der Woche an alle Teilnehmenden.")
    assert found == [("Frau Seidel versendet das Protokoll bis Ende der Woche an alle Teilnehmenden.",
                      "Frau Seidel", dt.date(2026, 11, 13), Kind.DEADLINE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Frau Seidel prüft die Unterlagen.",  # no time: may well be said in the meeting
        "Herr Kowalski stellt den Stand bis zum Sommer 2027 vor.",  # a report in the meeting
        "Frau Brandt erläutert, dass der Wartungsvertrag Ende Juli 2027 ausläuft.",  # a lapse, nobody's task
        "Frau Wendt teilt mit, dass die Vollsperrung bis zum 15.12.2026 andauert.",
    ],
)
def test_reports_and_lapses_are_not_tasks(sentence: str) -> None:
    assert _extract(sentence) == []


def test_members_agreeing_in_the_plural_agree_a_task() -> None:
    found = _extract("Die Mitglieder vereinbaren, die Beratung im Januar fortzusetzen.")
    assert [(quote, kind) for quote, _owner, _due, kind in found] == [
        ("Die Mitglieder vereinbaren, die Beratung im Januar fortzusetzen.", Kind.MEETING)
    ]


def test_a_body_agreeing_a_retreat_on_a_date_schedules_a_meeting() -> None:
    cands = extract("Der Gemeinderat vereinbart eine Klausurtagung zur Haushaltsplanung am Samstag, 23.01.2027.",
                    MeetingContext(meeting_date=MEETING))
    assert [(c.kind, c.due, c.owner) for c in cands] == [(Kind.MEETING, dt.date(2027, 1, 23), "Gemeinderat")]
    assert cands[0].action.startswith("Gemeinderat vereinbart eine Klausurtagung")  # not just the date after the comma
