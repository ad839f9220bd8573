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


def test_a_long_numbered_heading_does_not_run_into_the_sentence_after_it() -> None:
    text = ("10.2 Anfrage der FDP-Fraktion zu Leerständen in der Innenstadt und am Bahnhof\n"
            "Die Beantwortung wird in die nächste Sitzung vertagt.")
    assert [quote for quote, *_ in _extract(text)] == ["Die Beantwortung wird in die nächste Sitzung vertagt."]


def test_a_reply_to_a_member_is_the_administrations_answer_not_the_members_opinion() -> None:
    text = "Stadtrat Vogel (AfD) fragt, warum die Bushaltestelle verlegt wurde.\nDie Beantwortung erfolgt schriftlich."
    assert [(quote, kind) for quote, _owner, _due, kind in _extract(text)] == [
        ("Die Beantwortung erfolgt schriftlich.", Kind.REPORT_BACK)
    ]


def test_an_answer_introduced_as_the_administrations_speaks_for_it() -> None:
    text = ("Die Anfrage wird durch die Verwaltung wie folgt beantwortet:\n"
            "Zu Frage 2: Für die übrigen Schulen werden die Pläne bis zum Ende des Schuljahres 2026/2027 erarbeitet.")
    assert _extract(text) == [("Für die übrigen Schulen werden die Pläne bis zum Ende des Schuljahres 2026/2027 "
                               "erarbeitet.", "Verwaltung", dt.date(2027, 7, 31), Kind.DEADLINE)]


def test_the_amtsdirektor_commissioned_by_a_brandenburg_council_owns_the_task() -> None:
    text = "Beschluss:\nDer Amtsdirektor wird beauftragt, die Satzung öffentlich bekannt zu machen."
    assert [owner for _quote, owner, _due, _kind in _extract(text)] == ["Amtsdirektor"]
