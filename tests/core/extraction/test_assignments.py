"""Resolutions that commission someone, and promises with a separable "zu" far from the verb."""

from __future__ import annotations

import datetime as dt

import pytest

from core.extraction import extract
from core.types import Kind, MeetingContext

CONTEXT = MeetingContext(meeting_date=dt.date(2026, 11, 5))


def _only(text: str) -> list[tuple[str, str | None, str, dt.date | None]]:
    return [(c.kind.value, c.owner, c.action, c.due) for c in extract(text, CONTEXT)]


@pytest.mark.parametrize(
    ("sentence", "owner", "action"),
    [
        ("Der Ausschuss beauftragt die Verwaltung, ein Parkraumkonzept für die Innenstadt zu erarbeiten.",
         "Verwaltung", "Parkraumkonzept für die Innenstadt erarbeiten"),
        ("Der Rat beauftragt den Bürgermeister, mit dem Land über die Förderung zu verhandeln.",
         "Bürgermeister", "Mit dem Land über die Förderung verhandeln"),
        ("Die Verwaltung wird beauftragt, ein Konzept zur Schulwegsicherung zu erstellen.",
         "Verwaltung", "Konzept zur Schulwegsicherung erstellen"),
    ],
)
def test_the_commissioned_party_owns_the_task_not_the_commissioning_body(sentence: str, owner: str,
                                                                         action: str) -> None:
    ((kind, got_owner, got_action, _due),) = _only(sentence)
    assert (got_owner, got_action) == (owner, action)
    assert kind == Kind.DELIVERABLE.value


def test_every_task_of_an_assignment_keeps_the_assignee() -> None:
    found = _only("Der Ausschuss beauftragt die Verwaltung, einen Satzungsentwurf zu erarbeiten und dem "
                  "Ausschuss bis zum 30.01.2027 vorzulegen.")
    assert [owner for _, owner, _, _ in found] == ["Verwaltung", "Verwaltung"]
    assert found[-1][3] == dt.date(2027, 1, 30)


def test_a_promise_with_a_long_object_before_zu_is_a_dated_report_back() -> None:
    ((kind, owner, action, due),) = _only("Frau Dr. Lange sagt eine schriftliche Beantwortung der Anfrage "
                                          "bis Ende des Jahres zu.")
    assert (kind, owner, due) == ("report_back", "Frau Dr. Lange", dt.date(2026, 12, 31))
    assert action == "Schriftliche Beantwortung der Anfrage bis Ende des Jahres"


def test_tasks_in_a_motion_that_is_only_introduced_are_not_commitments() -> None:
    text = ("Beratungsunterlage ist die Vorlage des Referats vom 02.11.2026 mit folgendem\n\nBeschlussantrag:\n\n"
            "1. Die Verwaltung wird beauftragt, ein Vergabeverfahren für das Hallenbad vorzubereiten.\n\n"
            "2. Die Verwaltung wird ermächtigt, die Stellplätze zu verlagern.\n")
    assert _only(text) == []
