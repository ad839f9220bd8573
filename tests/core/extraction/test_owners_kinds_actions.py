"""Owners, kinds and action phrases."""

from __future__ import annotations

import pytest

from core.extraction.actions import make_action, to_infinitive
from core.extraction.kinds import classify
from core.extraction.owners import find_body, find_party
from core.extraction.speakers import find_speaker
from core.types import Kind


@pytest.mark.parametrize(
    ("clause", "party"),
    [
        ("Die Verwaltung wird beauftragt, einen Entwurf vorzulegen.", "Verwaltung"),
        ("Der Landrat wird ermächtigt, den Auftrag zu vergeben.", "Landrat"),
        ("Fachbereich 50 legt die Zahlen vor.", "Fachbereich 50"),
        ("Amt 32 prüft die Beschilderung.", "Amt 32"),
        ("Die Lenkungsgruppe tagt erneut im Mai.", "Lenkungsgruppe"),
        ("Der Bauhof wird die Bank im Frühjahr aufstellen.", "Bauhof"),
    ],
)
def test_it_normalises_the_acting_party(clause: str, party: str) -> None:
    assert find_party(clause) == party


@pytest.mark.parametrize(
    ("sentence", "name", "admin"),
    [
        ("Herr Lenz teilt mit, dass der Zaun erneuert wird.", "Herr Lenz", True),
        ("Bürgermeisterin Kraus erklärt, man werde das prüfen.", "Bürgermeisterin Kraus", True),
        ("StR Weber fordert, die Halle zu öffnen.", "StR Weber", False),
        ("Auf Nachfrage von Herrn Roth berichtet Frau Sommer über den Stand.", "Frau Sommer", True),
        ("Herr Yilmaz (Fachbereich Jugend): Wir haben derzeit 120 unversorgte Kinder.", "Herr Yilmaz", True),
        ("Herr Petersen von der Breitband GmbH berichtet über den Ausbaustand.", "Herr Petersen", False),
    ],
)
def test_it_finds_the_speaker_and_whether_they_speak_for_the_administration(
    sentence: str, name: str, admin: bool
) -> None:
    speaker = find_speaker(sentence)
    assert speaker is not None and speaker.name == name and speaker.admin is admin


def test_groups_and_assemblies_that_do_not_decide_are_no_bodies() -> None:
    assert find_body("Gespräche über eine weitere Krippengruppe aufnehmen") is None
    assert find_body("Die nächste Bürgerversammlung findet am 18.04.2024 statt.") is None


def test_it_names_bodies_in_the_nominative() -> None:
    assert find_body("in der Sitzung des Ausschusses für Sport und Kultur") == "Ausschuss für Sport und Kultur"
    assert find_body("wird an den HFA verwiesen") == "HFA"
    assert find_body("im nächsten Kreistag") == "Kreistag"
    assert find_body("in der Sitzung des Rates am 12.12.2024") == "Rat"


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("Die Vorlage wird an den Hauptausschuss verwiesen.", Kind.FORWARD),
        ("Die Verwaltung wird in der nächsten Sitzung berichten.", Kind.REPORT_BACK),
        ("Das Thema wird auf die nächste Sitzung vertagt.", Kind.MEETING),
        ("Ein Ortstermin mit den Anwohnern wird vereinbart.", Kind.MEETING),
        ("Die nächste Sitzung findet am 19.02.2024 im Saalbau statt.", Kind.MEETING),
        ("Die Einwohnerversammlung wird im Herbst einberufen.", Kind.MEETING),
        ("Über das Ergebnis wird der Ausschuss informiert.", Kind.REPORT_BACK),
        ("Über den Zeitplan wird der Ausschuss in seiner Sitzung im Januar unterrichtet.", Kind.REPORT_BACK),
        ("Landrat Richter sagt einen Sachstandsbericht für die Sitzung im März zu.", Kind.REPORT_BACK),
        ("Dies wird von der Verwaltung geprüft und im nächsten Ausschuss beantwortet.", Kind.REPORT_BACK),
        ("Die Ampel wird ausgetauscht.", Kind.DELIVERABLE),
    ],
)
def test_it_classifies_by_the_guideline_precedence(clause: str, kind: Kind) -> None:
    assert classify(clause, has_due=False, has_period=False) is kind


def test_a_date_turns_a_task_into_a_deadline() -> None:
    assert classify("Die Ampel wird ausgetauscht.", has_due=True, has_period=False) is Kind.DEADLINE


@pytest.mark.parametrize(
    ("participle", "infinitive"),
    [("geprüft", "prüfen"), ("besprochen", "besprechen"), ("vorgelegt", "vorlegen"),
     ("eingearbeitet", "einarbeiten"), ("behandelt", "behandeln"), ("erstellt", "erstellen")],
)
def test_it_turns_participles_into_infinitives(participle: str, infinitive: str) -> None:
    assert to_infinitive(participle) == infinitive


def test_action_is_a_short_infinitive_phrase() -> None:
    assert make_action("diese auch in den nächsten Sportausschuss einzubringen") == \
        "In den nächsten Sportausschuss einbringen"
    assert make_action("Der Zaun muss noch repariert werden.") == "Zaun reparieren"
    assert make_action("Die Satzung wird geändert.") == "Satzung ändern"


@pytest.mark.parametrize(
    ("quote", "action"),
    [
        ("Die Verwaltung erstellt bis zum 30.09.2025 einen Bericht.", "Bis zum 30.09.2025 einen Bericht erstellen"),
        ("Die Kämmerei legt den Haushaltsentwurf im Oktober vor.", "Haushaltsentwurf im Oktober vorlegen"),
        ("Die Verwaltung setzt sich mit dem Jobcenter in Verbindung.", "Sich mit dem Jobcenter in Verbindung setzen"),
        ("Herr Schneider wird die fehlenden Unterlagen nachreichen.", "Fehlenden Unterlagen nachreichen"),
        ("Frau Yilmaz wird zu dem Thema in der nächsten Sitzung berichten.",
         "Zu dem Thema in der nächsten Sitzung berichten"),
        ("Die Verwaltung lädt die Anwohner zu einer Versammlung ein.", "Anwohner zu einer Versammlung einladen"),
        ("Die Ortsbegehung findet am 18.06.2024 statt.", "Ortsbegehung findet am 18.06.2024 statt"),
        ("Der Fachdienst 61 prüft, ob ein Umbau möglich ist.", "Prüfen, ob ein Umbau möglich ist"),
        ("Der Bauhof stellt die Bank im Frühjahr auf.", "Bank im Frühjahr aufstellen"),
        ("Bis zu den Sommerferien sollen alle Schulen WLAN haben.", "Bis zu den Sommerferien alle Schulen WLAN haben"),
        ("Auftrag an die Verwaltung: Die defekte Beleuchtung ist zu reparieren.", "Defekte Beleuchtung reparieren"),
        ("Wir werden bis zum Herbst zwei Gruppen einrichten.", "Bis zum Herbst zwei Gruppen einrichten"),
        ("Es wird vereinbart, die Bürger im Juni zu beteiligen.", "Bürger im Juni beteiligen"),
        ("Die Anfrage wird schriftlich beantwortet und dem Protokoll beigefügt.",
         "Anfrage schriftlich beantworten und dem Protokoll beifügen"),
        ("Die Gebühren und Beiträge werden erhoben.", "Gebühren und Beiträge erheben"),
    ],
)
def test_the_action_leaves_out_the_owner_and_uses_the_infinitive(quote: str, action: str) -> None:
    assert make_action(quote) == action


def test_a_dative_object_keeps_its_article() -> None:
    assert make_action("dem Ausschuss bis zum 30.01.2027 vorzulegen.") == "Dem Ausschuss bis zum 30.01.2027 vorlegen"
