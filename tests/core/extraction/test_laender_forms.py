"""Forms of the Länder and of everyday minutes: heads of administration by their local titles, the
future with a dependent question, promises refused, deliberation in the meeting, replies and deadlines
set by a meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from core.extraction import extract
from core.extraction.actions import make_action
from core.extraction.owners import find_assignee, find_party
from core.extraction.timex import find_times
from core.types import Candidate, Kind, MeetingContext

MEETING = dt.date(2026, 11, 10)


def _run(text: str) -> list[Candidate]:
    return extract(text, MeetingContext(meeting_date=MEETING))


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Die Ortsbürgermeisterin wird beim Landkreis nachfragen.", "Ortsbürgermeisterin"),
        ("Der Bezirksbürgermeister wird die Anwohner anschreiben.", "Bezirksbürgermeister"),
        ("Der Amtsvorsteher wird den Vertrag unterzeichnen.", "Amtsvorsteher"),
        ("Der Verbandsbürgermeister wird die Angebote einholen.", "Verbandsbürgermeister"),
    ],
)
def test_a_head_of_administration_by_a_local_title_owns_a_future_step(sentence: str, owner: str) -> None:
    assert [c.owner for c in _run(sentence)] == [owner]


def test_a_berlin_bezirksamt_is_asked_and_owns_the_task() -> None:
    text = ("Die Bezirksverordnetenversammlung beschließt:\n"
            "Das Bezirksamt wird ersucht, bis zum 31.03.2027 ein Konzept für sichere Schulwege vorzulegen.\n"
            "Abstimmungsergebnis: einstimmig angenommen.")
    [cand] = _run(text)
    assert (cand.owner, cand.due, cand.kind) == ("Bezirksamt", dt.date(2027, 3, 31), Kind.DEADLINE)
    assert find_assignee("Das Amt wird gebeten, drei Angebote einzuholen.") == "Amt"
    assert find_party("Das Bezirksamt wird die Senatsverwaltung anschreiben.") == "Bezirksamt"


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Die Verwaltung wird prüfen, ob eine Querungshilfe möglich ist.", "Prüfen, ob eine Querungshilfe möglich ist"),
        ("Die Verwaltung wird klären, wer die Kosten trägt.", "Klären, wer die Kosten trägt"),
        ("Der Bürgermeister wird nachfragen, wann die Buswartehalle ersetzt wird.",
         "Nachfragen, wann die Buswartehalle ersetzt wird"),
    ],
)
def test_the_administrations_future_with_a_dependent_question_is_a_task(sentence: str, action: str) -> None:
    [cand] = _run(sentence)
    assert cand.action == action
    assert cand.kind is Kind.DELIVERABLE


def test_a_dependent_question_keeps_its_own_verb_in_the_action() -> None:
    assert make_action("Im Ausschuss soll geklärt werden, ob die Satzung überarbeitet werden soll.") == \
        "Im Ausschuss klären, ob die Satzung überarbeitet werden soll"


def test_commissioning_a_firm_keeps_its_verb_in_the_action() -> None:
    action = make_action("Mit der Planung wird das Büro Krämer beauftragt.")
    assert action == "Mit der Planung das Büro Krämer beauftragen"


def test_a_promise_refused_is_no_promise() -> None:
    text = ("Frau Jacobsen regt eine Bank am Wanderweg an. "
            "Die Bürgermeisterin hält das für eine gute Idee, sagt aber nichts zu.")
    assert _run(text) == []


def test_deliberation_in_the_meeting_is_not_a_plan_but_a_later_one_is() -> None:
    assert _run("Der Antrag der Wählergemeinschaft wird beraten.") == []
    [later] = _run("Der Antrag der Wählergemeinschaft wird in der nächsten Sitzung beraten.")
    assert later.kind is Kind.MEETING


def test_a_reply_to_a_members_question_with_its_object_is_the_administrations() -> None:
    text = ("Frau Brandt (CDU) fragt nach den Wartezeiten im Bürgeramt.\n"
            "Die Beantwortung der Nachfrage zu den Wartezeiten erfolgt schriftlich.")
    [cand] = _run(text)
    assert (cand.kind, cand.owner) == (Kind.REPORT_BACK, "Verwaltung")


def test_presenting_a_draft_without_a_recipient_is_not_a_referral() -> None:
    text = ("Die Verwaltung wird beauftragt, bis zum 31.03.2027 ein Konzept vorzulegen\n"
            "und dem Ausschuss darüber zu berichten.")
    assert [c.kind for c in _run(text)] == [Kind.DEADLINE, Kind.REPORT_BACK]
    text = "Die Verwaltung wird beauftragt, die Satzung dem Rat zur Entscheidung vorzulegen."
    assert [c.kind for c in _run(text)] == [Kind.FORWARD]


def test_a_meeting_named_as_the_end_of_a_task_sets_a_deadline() -> None:
    text = "Das Amt wird gebeten, bis zur Sitzung des Finanzausschusses im Januar drei Angebote einzuholen."
    [cand] = _run(text)
    assert (cand.kind, cand.owner) == (Kind.DEADLINE, "Amt")


def test_it_reads_a_season_after_fuer_das() -> None:
    text = "Eine erneute Prüfung ist für das Frühjahr 2027 vorgesehen."
    assert [t.text for t in find_times(text, 0, len(text), MEETING)] == ["für das Frühjahr 2027"]
    assert len(_run(text)) == 1


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Die Verbandsgemeindeverwaltung wird die Ortsgemeinden bis zum 30.11.2026 informieren.",
         "Verbandsgemeindeverwaltung"),
        ("Die Schulverwaltung wird bis zum 15.12.2026 eine Prognose der Schülerzahlen erstellen.", "Schulverwaltung"),
        ("Die Amtsverwaltung wird bis zum 15.12.2026 drei Angebote einholen.", "Amtsverwaltung"),
    ],
)
def test_an_administration_named_by_its_kind_of_authority_owns_its_step(sentence: str, owner: str) -> None:
    assert [c.owner for c in _run(sentence)] == [owner]


def test_a_report_to_a_council_named_by_its_compound_is_a_referral() -> None:
    text = "Die Verwaltung wird das Ergebnis dem Verbandsgemeinderat in seiner Sitzung im März 2027 vorlegen."
    assert [c.kind for c in _run(text)] == [Kind.FORWARD]


def test_closing_a_facility_on_a_future_date_is_a_milestone_but_closing_the_meeting_is_not() -> None:
    [cand] = _run("Zum 01.01.2027 wird die Gemeinschaftsunterkunft in Barth geschlossen.")
    assert cand.due == dt.date(2027, 1, 1)
    assert cand.action == "Zum 01.01.2027 die Gemeinschaftsunterkunft in Barth schließen"
    assert _run("Die Sitzung wird um 20:35 Uhr geschlossen.") == []
    assert _run("Die Vorsitzende eröffnet die Aussprache.") == []


def test_a_stated_next_step_with_folgen_and_a_future_date_is_a_milestone() -> None:
    [cand] = _run("Alle weiterführenden Schulen haben WLAN. Die Grundschulen folgen bis zum 31.03.2027.")
    assert cand.due == dt.date(2027, 3, 31)
    assert _run("Der Ausschuss folgt dem Vorschlag der Verwaltung.") == []


def test_a_pronoun_sentence_that_gives_the_time_joins_the_commitment_before_it() -> None:
    text = ("Anfrage der FDP-Fraktion zu Leerständen in der Innenstadt\n"
            "Die Beantwortung wird zurückgestellt. Sie erfolgt in der nächsten Sitzung des Rates.")
    [cand] = _run(text)
    assert cand.quote == "Die Beantwortung wird zurückgestellt. Sie erfolgt in der nächsten Sitzung des Rates."
    assert text[cand.start:cand.end] == cand.quote
    assert (cand.kind, cand.owner) == (Kind.REPORT_BACK, "Verwaltung")
    assert cand.due_text == "in der nächsten Sitzung des Rates"


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Beratung erfolgt in der nächsten Sitzung.",
        "Die Baumaßnahme beginnt im April 2027.",
        "Die Auftragsvergabe erfolgt im Dezember 2026.",
    ],
)
def test_a_milestone_at_a_named_month_or_meeting_is_a_commitment(sentence: str) -> None:
    assert len(_run(sentence)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Beratung erfolgt anschließend.",
        "Die Sommerferien beginnen im Juli 2027.",
        "Die Landtagswahl findet im Mai 2027 statt.",
        "Das Land wird die Förderrichtlinie im Frühjahr überarbeiten.",
        "Die Verwaltung wird durch Herrn Meier vertreten.",
        "Herr Braun wird als Vertreter in den Beirat gewählt.",
    ],
)
def test_events_of_others_passives_and_steps_that_may_be_today_are_not_commitments(sentence: str) -> None:
    assert _run(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Frau Müller wird die Unterlagen den Fraktionen zur Verfügung stellen.", "Frau Müller"),
        ("Herr Meier erklärt sich bereit, die Einladung zu verschicken.", "Herr Meier"),
        ("Frau Schulz übernimmt die Organisation des Neujahrsempfangs.", "Frau Schulz"),
        ("Die Verwaltung nimmt die Anregung auf und prüft eine Umsetzung.", "Verwaltung"),
        ("Die Verwaltung wird bis zur nächsten Sitzung einen Vorschlag erarbeiten.", "Verwaltung"),
    ],
)
def test_a_persons_own_future_step_an_offer_and_a_second_step_are_commitments(sentence: str, owner: str) -> None:
    assert [c.owner for c in _run(sentence)] == [owner]
