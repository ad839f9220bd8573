"""End-to-end behaviour of the rule-based extractor on own example minutes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from core.extraction import RULES, Extractor, extract
from core.types import Kind, MeetingContext

ROOT = Path(__file__).resolve().parents[3]

MINUTES = """Bauausschuss am 12.02.2024

Zu Punkt 4: Sanierung der Grundschule Nord

Herr Lenz berichtet über den Stand der Planung. Er teilt mit, dass zum 01.05.2024 die Bauleitung vergeben ist.
Im Anschluss kann nun ein Zeitplan für die Schulleitung erstellt werden.

Frau Roth weist darauf hin, dass die Ergebnisse in der Sitzung der Projektgruppe am 26.02.2024
besprochen werden müssen.

StR Weber bittet darum, den Bericht auch in den nächsten Ausschuss für Bildung und Sport einzubringen.

Dies wird von Seiten der Verwaltung zugesichert.

Der Bericht wurde bereits im Januar vorgestellt. Die Ausführungen werden zur Kenntnis genommen.
"""


def _run(text: str = MINUTES, meeting: dt.date | None = dt.date(2024, 2, 12)) -> list[object]:
    return list(extract(text, MeetingContext(meeting_date=meeting)))


def test_quotes_are_exact_slices_of_the_text() -> None:
    for cand in extract(MINUTES, MeetingContext()):
        assert MINUTES[cand.start:cand.end] == cand.quote


def test_it_finds_the_promises_of_a_typical_item_in_text_order() -> None:
    cands = extract(MINUTES, MeetingContext(meeting_date=dt.date(2024, 2, 12)))
    kinds = [c.kind for c in cands]
    assert kinds == [Kind.DEADLINE, Kind.DELIVERABLE, Kind.MEETING, Kind.FORWARD]
    deadline, draft, meeting, forward = cands
    assert deadline.due == dt.date(2024, 5, 1) and deadline.owner == "Herr Lenz"
    assert draft.due is None and "Zeitplan" in draft.quote
    assert meeting.due == dt.date(2024, 2, 26) and meeting.owner == "Projektgruppe"
    assert forward.owner == "Verwaltung" and forward.due is None
    assert forward.due_text == "in den nächsten Ausschuss für Bildung und Sport"


def test_it_takes_the_meeting_date_from_the_text_when_unknown() -> None:
    cands = extract(MINUTES, MeetingContext())
    assert cands[0].due == dt.date(2024, 5, 1)


def test_the_next_meeting_resolves_through_the_known_calendar() -> None:
    calendar = {"ausschuss für bildung und sport": (dt.date(2024, 1, 10), dt.date(2024, 3, 6))}
    cands = extract(MINUTES, MeetingContext(meeting_date=dt.date(2024, 2, 12), next_meetings=calendar))
    assert cands[-1].due == dt.date(2024, 3, 6)


def test_it_skips_past_facts_opinions_and_unaccepted_requests() -> None:
    text = (
        "Die Beleuchtung wurde im Herbst erneuert. Herr Kurz findet, man könnte den Platz begrünen.\n\n"
        "StR Weber bittet um Mitteilung, ob die Halle im Sommer geöffnet ist.\n\n"
        "Herr Weber stellt folgenden Antrag:\n\n"
        "Die Verwaltung wird beauftragt, ein Parkkonzept zu erstellen.\n\n"
        "Der Antrag wird abgelehnt.\n\n"
        "Die Mitteilung wird zur Kenntnis genommen."
    )
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12))) == []


def test_each_task_of_an_adopted_resolution_is_found() -> None:
    text = (
        "Beschluss: einstimmig beschlossen\n\n"
        "1. Der Bericht wird zur Kenntnis genommen.\n"
        "2. Die Verwaltung wird beauftragt, die Querungshilfe zu planen.\n"
        "3. Die Verwaltung prüft die Aufstellung einer Tempo-30-Anzeige.\n"
    )
    cands = extract(text, MeetingContext())
    assert len(cands) == 2 and all(c.owner == "Verwaltung" for c in cands)


def test_confidence_ranks_an_assignment_above_a_weak_statement() -> None:
    strong = extract("Beschluss:\n\nDie Verwaltung wird beauftragt, bis Ende des Jahres ein Konzept vorzulegen.",
                     MeetingContext(meeting_date=dt.date(2024, 2, 12)))
    weak = extract("Der Container wird wohl noch aufgestellt.", MeetingContext())
    assert strong and strong[0].due == dt.date(2024, 12, 31)
    assert all(0.0 <= c.confidence <= 1.0 for c in strong + weak)
    assert all(strong[0].confidence > c.confidence for c in weak)


def test_the_default_extractor_satisfies_the_protocol() -> None:
    extractor: Extractor = RULES
    assert extractor.name == "rules"
    assert extractor.extract("", MeetingContext()) == []


def test_the_module_cli_prints_the_contract_and_fails_in_german(tmp_path: Path) -> None:
    minutes = tmp_path / "protokoll.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "core.extraction", str(minutes), "--meeting-date", "", "--json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert '"meeting_date": "2024-02-12"' in ok.stdout
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    bad = subprocess.run(
        [sys.executable, "-m", "core.extraction", str(empty), "--json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "leer" in bad.stderr


def test_an_undecided_question_is_negated_despite_the_lower_case_word_after_nicht() -> None:
    text = "Herr Lenz erklärt, noch nicht entschieden sei, wann die Sanierung der Turnhalle erfolgen werde."
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12))) == []


def test_a_negated_same_day_clause_keeps_its_penalties_under_an_agreeing_head() -> None:
    text = ("Der Landrat erklärt, dass vorab vereinbart worden sei, heute noch keinen Beschluss herbeizuführen "
            "und beide Fassungen im Kreistag zu verteilen.")
    quotes = [c.quote for c in extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12)))]
    assert quotes == ["beide Fassungen im Kreistag zu verteilen."]


def test_a_long_proposal_head_of_the_administration_passes_its_force_on() -> None:
    text = ("Der Bürgermeister schlägt für das weitere Vorgehen mit den Fachgruppen aus der letzten gemeinsamen "
            "Beratung des Bauausschusses mit dem Ortsbeirat Süd vor, das Protokoll an die Fraktionen zu schicken.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12)))
    assert [c.quote for c in cands] == ["das Protokoll an die Fraktionen zu schicken."]


def test_only_what_follows_sondern_is_owed() -> None:
    text = ("Beschluss: einstimmig beschlossen\n\n"
            "Es wird beschlossen, das Gutachten nicht extern zu vergeben, sondern eine Arbeitsgruppe einzurichten.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12)))
    assert [c.quote for c in cands] == ["eine Arbeitsgruppe einzurichten."]


def test_a_meeting_called_for_the_task_before_it_stays_one_commitment() -> None:
    text = ("Beschluss: einstimmig beschlossen\n\n"
            "Die Verwaltung wird beauftragt, die Entscheidung an den Hauptausschuss zu delegieren "
            "und dazu eine Sondersitzung des Hauptausschusses einzuberufen.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12)))
    assert len(cands) == 1 and cands[0].quote.endswith("einzuberufen.")


def test_commas_inside_quoted_agenda_titles_do_not_split_the_clause() -> None:
    text = ("Sie schlägt vor, die Tagesordnungspunkte 7.5 „Depot wird dringend gebraucht, 24/0182“ und "
            "7.6 „Lernstube, 24/0233“ vorzuziehen.")
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12))) == []


def test_a_speaker_after_a_fronted_question_owns_the_answer() -> None:
    text = ("Auf Nachfrage von Herrn Kurz, ob im Baugebiet eine Zisterne geplant wird, antwortet Bürgermeister "
            "Peter Lang, dass der Wasserverband die Zisterne im nächsten Bauabschnitt einplanen werde.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12)))
    assert [c.owner for c in cands] == ["Bürgermeister Peter Lang"]


def test_a_promise_head_passes_its_force_and_its_owner_to_the_clause_it_governs() -> None:
    meeting = MeetingContext(meeting_date=dt.date(2024, 2, 12))
    cands = extract("Frau Dr. Berger sagt zu, die Kostenschätzung dem Protokoll beizufügen.", meeting)
    assert [(c.quote, c.owner) for c in cands] == [("die Kostenschätzung dem Protokoll beizufügen.", "Frau Dr. Berger")]
    cands = extract("Die Verwaltung sagt zu, die Unterlagen zu versenden.", meeting)
    assert [(c.quote, c.owner) for c in cands] == [("die Unterlagen zu versenden.", "Verwaltung")]


def test_a_recalled_promise_is_not_a_new_one() -> None:
    text = "Herr Stein erinnert an dessen Zusage in der letzten Sitzung, den Mitgliedern die Daten zukommen zu lassen."
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 2, 12))) == []


def test_an_office_stating_a_future_step_in_the_present_tense_commits_to_it() -> None:
    meeting = MeetingContext(meeting_date=dt.date(2024, 3, 14))
    cands = extract("Die Kämmerei legt den Haushaltsentwurf im Oktober vor.", meeting)
    assert [(c.owner, c.kind) for c in cands] == [("Kämmerei", Kind.DEADLINE)]
    cands = extract("Das Bauamt legt den Plan bis Ende Mai vor.", meeting)
    assert [(c.owner, c.due) for c in cands] == [("Bauamt", dt.date(2024, 5, 31))]
    assert extract("Das Bauamt berichtet über den Antrag.", meeting) == []


def test_a_resolution_commissioning_the_magistrat_makes_it_the_owner() -> None:
    text = ("Die Stadtverordnetenversammlung beauftragt den Magistrat, bis zum 30.09.2024 ein Konzept für die "
            "Kita-Bedarfsplanung vorzulegen.\n\nDer Magistrat wird gebeten, die Verkehrszählung vorzustellen.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 6, 5)))
    assert [(c.owner, c.due) for c in cands] == [("Magistrat", dt.date(2024, 9, 30)), ("Magistrat", None)]


def test_an_announcement_head_and_the_administrations_future_are_commitments() -> None:
    meeting = MeetingContext(meeting_date=dt.date(2024, 6, 5))
    cands = extract("Frau Schmidt kündigt an, das Ergebnis der Befragung nach den Sommerferien vorzustellen.", meeting)
    assert [c.owner for c in cands] == ["Frau Schmidt"]
    cands = extract("Auf Anregung von Stadtrat Huber wird die Verwaltung die Beschilderung überprüfen.", meeting)
    assert [c.owner for c in cands] == ["Verwaltung"]


def test_a_site_visit_on_a_future_date_is_a_meeting_and_um_17_uhr_opens_no_clause() -> None:
    cands = extract("Die Ortsbegehung findet am Dienstag, 18.06.2024, um 17 Uhr statt.",
                    MeetingContext(meeting_date=dt.date(2024, 6, 5)))
    assert [(c.kind, c.due, c.quote[-6:]) for c in cands] == [(Kind.MEETING, dt.date(2024, 6, 18), "statt.")]


def test_a_stated_milestone_with_a_future_date_is_a_commitment() -> None:
    cands = extract("Die Beantwortung der Anfrage erfolgt schriftlich bis zum 15.07.2024.",
                    MeetingContext(meeting_date=dt.date(2024, 6, 5)))
    assert [(c.kind, c.due) for c in cands] == [(Kind.REPORT_BACK, dt.date(2024, 7, 15))]


def test_a_third_partys_own_plan_is_not_a_commitment() -> None:
    text = "Die Schule beabsichtigt, im Herbst einen Projekttag durchzuführen."
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 6, 5))) == []


def test_each_task_of_a_passive_assignment_is_the_assignees_and_a_meeting_deadline_is_a_deadline() -> None:
    text = ("Beschluss: einstimmig angenommen\n\n2. Die Verwaltung wird beauftragt, die Planung fortzuführen und "
            "die Kostenberechnung bis zur Februarsitzung vorzulegen.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 10, 22)))
    assert [(c.quote[:28], c.owner, c.kind) for c in cands] == [
        ("Die Verwaltung wird beauftra", "Verwaltung", Kind.DELIVERABLE),
        ("die Kostenberechnung bis zur", "Verwaltung", Kind.DEADLINE),
    ]


def test_an_administrative_step_in_the_present_is_a_task_but_a_report_in_the_meeting_is_not() -> None:
    text = ("Herr Kaiser weist auf defekte Leuchten im Lindenweg hin. Die Verwaltung leitet dies an die Stadtwerke "
            "weiter.\n\nDie Verwaltung berichtet über den Stand der Arbeiten.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 10, 22)))
    expected = [("Die Verwaltung leitet dies an die Stadtwerke weiter.", "Verwaltung")]
    assert [(c.quote, c.owner) for c in cands] == expected


def test_a_verbatim_record_names_its_speaker_and_the_quote_leaves_the_name_out() -> None:
    text = "Frau Brandt fragt nach dem Stand der Sanierung.\n\nBürgermeister Vogt: Die Arbeiten beginnen im April 2025."
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 10, 22)))
    assert [(c.quote, c.owner) for c in cands] == [("Die Arbeiten beginnen im April 2025.", "Bürgermeister Vogt")]


def test_closing_the_session_is_not_a_commitment_and_a_session_belongs_to_the_body() -> None:
    text = ("Niederschrift über die Sitzung des Gemeinderates am 12.09.2024\n\n"
            "Der Bürgermeister weist darauf hin, dass die nächste Sitzung am 10.10.2024 stattfindet.\n"
            "Die Sitzung wird um 21:15 Uhr geschlossen.")
    cands = extract(text, MeetingContext())
    assert [(c.owner, c.due) for c in cands] == [("Gemeinderat", dt.date(2024, 10, 10))]


@pytest.mark.parametrize(
    ("sentence", "owner", "kind"),
    [
        ("Herr Schneider wird die fehlenden Unterlagen nachreichen.", "Herr Schneider", Kind.REPORT_BACK),
        ("Es wird vereinbart, dass die Arbeitsgruppe im März erneut tagt.", "Arbeitsgruppe", Kind.MEETING),
        ("Eine Antwort erfolgt schriftlich.", "Verwaltung", Kind.REPORT_BACK),
        ("Der Ausschuss empfiehlt dem Rat, die Satzung zu beschließen.", "Rat", Kind.FORWARD),
        ("Die Angelegenheit wird an den Kreis weitergegeben.", None, Kind.FORWARD),
        ("Die Übersicht wird dem Protokoll beigefügt.", None, Kind.DELIVERABLE),
    ],
)
def test_common_phrasings_of_a_follow_up_are_found(sentence: str, owner: str | None, kind: Kind) -> None:
    cands = extract(sentence, MeetingContext(meeting_date=dt.date(2025, 2, 3)))
    assert [(c.owner, c.kind) for c in cands] == [(owner, kind)]


def test_an_office_holders_advice_is_not_a_referral() -> None:
    text = "OB Brandt empfiehlt an dieser Stelle, vorerst die Beratung im Ältestenrat abzuwarten."
    assert extract(text, MeetingContext(meeting_date=dt.date(2025, 2, 3))) == []


def test_third_parties_and_reported_plans_are_not_followed_up_but_the_administration_is() -> None:
    text = ("Der Förderverein wird im Juni ein Sommerfest veranstalten. Nach Auskunft des Landesbetriebs wird die "
            "Ampel im Herbst erneuert.\n\nFrau Neumann (CDU) regt an, eine Photovoltaikanlage vorzusehen. Die "
            "Verwaltung wird dies in der weiteren Planung berücksichtigen.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 3, 20)))
    assert [(c.quote, c.owner) for c in cands] == [
        ("Die Verwaltung wird dies in der weiteren Planung berücksichtigen.", "Verwaltung")
    ]


def test_labelled_assignments_requests_and_perfect_promises_are_found() -> None:
    text = ("Gemeinderat Musterstadt - Sitzung vom 14.05.2025\n\n"
            "Auftrag an die Verwaltung: Prüfung eines Halteverbots in der Gartenstraße.\n"
            "Die Verwaltung wird ersucht, bis zur nächsten Sitzung einen Vorschlag zur Parkraumbewirtschaftung zu "
            "erarbeiten.\nDie Verwaltung hat zugesagt, die Ergebnisse im Herbst vorzulegen.\n"
            "Über die weitere Vorgehensweise wird in der nächsten Sitzung entschieden.")
    cands = extract(text, MeetingContext())
    assert [c.owner for c in cands] == ["Verwaltung", "Verwaltung", "Verwaltung", "Gemeinderat"]
    assert cands[1].quote.endswith("zu erarbeiten.") and cands[2].quote == "die Ergebnisse im Herbst vorzulegen."


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Verwaltung setzt sich mit dem Jobcenter in Verbindung.",
        "Die Anregung wird von der Verwaltung aufgenommen und geprüft.",
        "Die Zahlen werden nachgeliefert.",
        "Die Vorlage wird zur Beratung in die Fraktionen gegeben.",
    ],
)
def test_administrative_follow_ups_without_a_date_are_found(sentence: str) -> None:
    assert len(extract(sentence, MeetingContext(meeting_date=dt.date(2025, 6, 4)))) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Maßnahme wird von der Verwaltung als dringend eingestuft.",
        "Das Gebäude wird von der Verwaltung genutzt.",
        "Die Kosten werden von der Verwaltung auf 2 Mio. Euro geschätzt.",
        "Die Verwaltung hält die Maßnahme für sinnvoll.",
        "Die Verwaltung beantragt, den Beschluss zu fassen.",
        "Die Verwaltung wird durch Herrn Meier vertreten.",
        "Die Verwaltung wird in dieser Frage vom Kreis unterstützt.",
    ],
)
def test_the_administrations_judgements_and_motions_are_not_tasks(sentence: str) -> None:
    assert extract(sentence, MeetingContext(meeting_date=dt.date(2025, 3, 20))) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Einwohnerzahl wird bis Ende 2030 auf 50.000 steigen.",
        "Anträge können bis zum 15.07.2025 gestellt werden.",
    ],
)
def test_forecasts_and_deadlines_of_the_public_are_not_commitments(sentence: str) -> None:
    assert extract(sentence, MeetingContext(meeting_date=dt.date(2025, 3, 20))) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Herr Kurz fragt, ob die Straße im Sommer saniert werde.",
        "Frau Lenz erkundigt sich, ob die Verwaltung die Beleuchtung prüfen werde.",
        "Es wird gefragt, ob die Sitzung im Juni stattfinden wird.",
    ],
)
def test_indirect_questions_promise_nothing(sentence: str) -> None:
    assert extract(sentence, MeetingContext(meeting_date=dt.date(2025, 3, 20))) == []


def test_a_promise_after_a_question_is_still_found() -> None:
    text = "Auf Nachfrage von Herrn Kurz sagt die Verwaltung zu, die Liste zu schicken."
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 3, 20)))
    assert [(c.quote, c.owner) for c in cands] == [("die Liste zu schicken.", "Verwaltung")]


def test_a_recommendation_in_konjunktiv_ii_is_a_wish_not_a_task() -> None:
    text = "Das Anliegen der Bürger sollte so schnell wie möglich durch den Rat behandelt werden."
    assert extract(text, MeetingContext(meeting_date=dt.date(2025, 3, 20))) == []


def test_an_enumerated_future_passive_in_a_resolution_and_a_season_for_a_site_visit_are_found() -> None:
    text = ("Der Bauausschuss beschließt:\n1. Die Kosten in Höhe von 80.000 Euro werden in den Haushalt 2026 "
            "eingestellt.\n\nEine Ortsbesichtigung wird für den Herbst vereinbart.\n\n"
            "Die Vorlage wird zur Beratung in die Fraktionen gegeben.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 4, 10)))
    assert [(c.kind, c.due_text) for c in cands] == [
        (Kind.DELIVERABLE, None), (Kind.MEETING, "für den Herbst"), (Kind.FORWARD, None)
    ]


def test_an_announced_next_meeting_is_a_meeting_of_the_body() -> None:
    text = "Gemeinderat Musterdorf - Sitzung vom 14.03.2024\n\nDie nächste Sitzung findet am 18.04.2024 statt."
    cands = extract(text, MeetingContext())
    assert [(c.kind, c.owner, c.due) for c in cands] == [(Kind.MEETING, "Gemeinderat", dt.date(2024, 4, 18))]


def test_an_opinion_and_a_routine_are_told_apart_from_an_event() -> None:
    context = MeetingContext(meeting_date=dt.date(2024, 1, 22))
    assert extract("Herr Kurz findet, dass die Sitzung im März stattfinden muss.", context) == []
    assert extract("Die Bürgerfragestunde wird wie üblich zu Beginn der Sitzung abgehalten.", context) == []


def test_a_reply_to_a_members_question_is_the_administrations_task() -> None:
    text = ("KTA Müller fragt, ob die Umleitung über Neudorf geführt werde.\n\nDies wird schriftlich beantwortet.\n\n"
            "KTA Peters weist darauf hin, dass die Haltestelle nicht barrierefrei ist. "
            "Der Fachdienst 61 prüft, ob ein Umbau möglich ist.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2023, 12, 5)))
    assert [(c.quote, c.kind, c.owner) for c in cands] == [
        ("Dies wird schriftlich beantwortet.", Kind.REPORT_BACK, "Verwaltung"),
        ("Der Fachdienst 61 prüft, ob ein Umbau möglich ist.", Kind.DELIVERABLE, "Fachdienst 61"),
    ]


def test_accepting_a_request_with_a_pronoun_is_no_task_of_its_own() -> None:
    text = ("KTA Lindner bittet darum, die Liste der Baustellen vorzulegen.\n\nLandrat Dr. Weber sagt dies zu.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2023, 12, 5)))
    assert [(c.quote, c.owner) for c in cands] == [("die Liste der Baustellen vorzulegen.", "Landrat Dr. Weber")]


def test_a_named_person_who_invites_owns_the_invitation() -> None:
    cands = extract("Herr Klein wird die Vereine zur nächsten Sitzung einladen.",
                    MeetingContext(meeting_date=dt.date(2024, 1, 22)))
    assert [(c.kind, c.owner) for c in cands] == [(Kind.MEETING, "Herr Klein")]


@pytest.mark.parametrize(
    ("sentence", "due_text"),
    [
        ("Bis zu den Sommerferien sollen alle Grundschulen mit WLAN ausgestattet sein.", "Bis zu den Sommerferien"),
        ("Im Oktober wird die Verwaltung den Entwurf vorlegen.", "Im Oktober"),
        ("Zur nächsten Sitzung wird die Verwaltung berichten.", "Zur nächsten Sitzung"),
        ("In vier Wochen wird die Verwaltung die Zahlen vorlegen.", "In vier Wochen"),
    ],
)
def test_a_time_expression_opening_the_sentence_is_read(sentence: str, due_text: str) -> None:
    cands = extract(sentence, MeetingContext(meeting_date=dt.date(2025, 5, 7)))
    assert [c.due_text for c in cands] == [due_text]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Bürgermeisterin weist darauf hin, dass die Bewerbungsfrist für das Jugendparlament am 31.05.2025 endet.",
        "Der Tagesordnungspunkt 8 wird abgesetzt.",
        "Die Stadtwerke werden im Herbst ihre Tarife anpassen.",
        "Herr Kurz meint, dass die Sitzung im Juni stattfinden muss.",
    ],
)
def test_public_deadlines_items_dropped_in_the_meeting_third_parties_and_views_are_not_tasks(sentence: str) -> None:
    assert extract(sentence, MeetingContext(meeting_date=dt.date(2025, 5, 7))) == []


def test_an_earlier_promise_recalled_as_fulfilled_is_no_task_and_accepts_nothing() -> None:
    text = ("Herr Braun regt an, die Grünpflege häufiger durchzuführen. Die Verwaltung verweist auf ihre Kapazitäten. "
            "Die Verwaltung hatte zugesagt, die Beleuchtung am Rathausplatz zu erneuern; dies ist inzwischen erfolgt.")
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 9, 11))) == []


def test_an_agreement_that_states_the_task_is_its_quote_not_the_request_before() -> None:
    text = ("Herr Schulte (SPD) schlägt vor, eine Bürgerbeteiligung durchzuführen. Einvernehmlich sprechen sich die "
            "Mitglieder dafür aus, vor der Beschlussfassung eine Bürgerbeteiligung durchzuführen.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 9, 11)))
    assert [c.quote[:30] for c in cands] == ["Einvernehmlich sprechen sich d"]


def test_the_body_told_of_a_result_is_not_the_one_who_reports() -> None:
    text = ("Herr Lange (Tiefbauamt) antwortet, die Brücke werde im Oktober begutachtet. "
            "Über das Ergebnis wird der Ausschuss informiert.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 9, 11)))
    assert [(c.kind, c.owner) for c in cands][-1] == (Kind.REPORT_BACK, "Herr Lange")


def test_an_outside_speakers_plans_are_their_own() -> None:
    text = ("Herr Petersen von der Breitband GmbH berichtet über den Ausbaustand. Bis Ende 2025 sollen 95 Prozent der "
            "Haushalte angeschlossen sein. Die Breitband GmbH wird im Frühjahr mit dem dritten Bauabschnitt beginnen.")
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 10, 16))) == []


def test_we_will_in_a_verbatim_record_is_the_speakers_promise() -> None:
    text = ("Herr Yilmaz (Fachbereich Jugend): Wir haben derzeit 120 unversorgte Kinder. "
            "Wir werden bis zum Herbst zwei Interimsgruppen einrichten.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 6, 3)))
    assert [(c.quote, c.owner) for c in cands] == [
        ("Wir werden bis zum Herbst zwei Interimsgruppen einrichten.", "Herr Yilmaz")
    ]


def test_the_administration_taking_up_a_suggestion_owes_the_check() -> None:
    text = ("Herr Weber regt an, die Öffnungszeiten zu verlängern. "
            "Die Verwaltung nimmt die Anregung auf und wird sie prüfen.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 6, 3)))
    assert [(c.quote, c.owner) for c in cands] == [
        ("Die Verwaltung nimmt die Anregung auf und wird sie prüfen.", "Verwaltung")
    ]


def test_a_dative_assignment_commissions_the_mayor() -> None:
    text = "Der Bürgermeisterin wird aufgetragen, beim Landratsamt eine Geschwindigkeitsmessung zu beantragen."
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 4, 9)))
    assert [(c.owner, c.action) for c in cands] == [
        ("Bürgermeisterin", "Beim Landratsamt eine Geschwindigkeitsmessung beantragen")
    ]


def test_an_office_as_agent_owns_the_step_and_a_member_owns_their_own() -> None:
    context = MeetingContext(meeting_date=dt.date(2025, 4, 9))
    cands = extract("Nach Abschluss der Arbeiten wird eine Abnahme durch das Bauamt erfolgen.", context)
    assert [c.owner for c in cands] == ["Bauamt"]
    cands = extract("GR Fischer wird die Vereine über die neue Hallenordnung informieren.", context)
    assert [(c.owner, c.action) for c in cands] == [("GR Fischer", "Vereine über die neue Hallenordnung informieren")]


def test_a_reply_to_a_member_by_an_office_is_a_task() -> None:
    text = "GRin Schulz regt an, eine Bank aufzustellen. Der Bauhof wird die Bank im Frühjahr aufstellen."
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 3, 14)))
    assert [(c.owner, c.due_text) for c in cands] == [("Bauhof", "im Frühjahr")]


def test_dropping_an_item_from_the_agenda_happens_in_the_meeting() -> None:
    context = MeetingContext(meeting_date=dt.date(2024, 3, 14))
    assert extract("Der Punkt wird von der Tagesordnung genommen.", context) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Pläne sollten den Ortsräten frühzeitig zugeleitet werden.",
        "Erklärt werde dies damit, dass die Preise für Stahl gestiegen seien.",
        "Dem Tausch der Grundstücke wird unter der Bedingung zugestimmt, dass ein Gutachten vorgelegt wird.",
    ],
)
def test_wishes_reasons_and_conditions_are_not_tasks(text: str) -> None:
    assert extract(text, MeetingContext(meeting_date=dt.date(2024, 3, 14))) == []


def test_a_promise_to_consider_a_proposal_is_a_task() -> None:
    text = "Frau Dr. Berg sagt zu, diesen Vorschlag bei den Haushaltsberatungen 2026 zu berücksichtigen."
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 3, 12)))
    assert [c.owner for c in cands] == ["Frau Dr. Berg"]


def test_minutes_in_the_past_tense_keep_promises_and_adjournments() -> None:
    text = ("Kreistagsabgeordnete Winter regte an, die Schülerbeförderung im ländlichen Raum zu verbessern. "
            "Der Fachdienstleiter Herr Brandt sicherte zu, die Fahrpläne mit dem Verkehrsverbund zu überprüfen.\n\n"
            "Die Beratung wurde auf die Sitzung am 14.05.2024 vertagt.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 3, 5)))
    assert [(c.quote[:20], c.owner, c.kind) for c in cands] == [
        ("die Fahrpläne mit de", "Herr Brandt", Kind.DELIVERABLE),
        ("Die Beratung wurde a", "Ausschuss", Kind.MEETING),
    ]


def test_an_acceptance_that_only_points_back_keeps_the_request() -> None:
    text = "Frau Wolf bittet, die Kostenaufstellung nachzureichen. Die Verwaltung sagt zu, dies zu tun."
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 3, 5)))
    assert [c.quote for c in cands][:1] == ["die Kostenaufstellung nachzureichen."]


def test_result_minutes_name_people_of_offices_and_units_as_owners() -> None:
    text = ("Frau Koch (Kämmerei) klärt bis zum 15.03.2025, ob Eigenmittel für den Förderantrag bereitstehen. "
            "Das Klimaschutzmanagement bereitet den Antrag vor.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 2, 21)))
    assert [(c.kind, c.due) for c in cands] == [
        (Kind.DEADLINE, dt.date(2025, 3, 15)), (Kind.DELIVERABLE, None)
    ]


def test_reported_speech_requests_are_read_and_vote_announcements_are_not_tasks() -> None:
    text = ("StRin Ahrens (GRÜNE) begrüßt die Vorlage. Ihre Fraktion werde zustimmen. Sie bitte die Verwaltung, bis "
            "zum Frühjahr einen Bericht über die Wirkung der Maßnahmen vorzulegen.\n\nBM Pätzold sagt dies zu.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 10, 14)))
    assert [(c.quote[:25], c.owner) for c in cands] == [("bis zum Frühjahr einen Be", "Verwaltung")]


def test_below_an_answer_heading_the_administration_owns_the_passive_steps() -> None:
    text = ("Antwort der Verwaltung:\nDie Verwaltung hat die Schulwege im Oktober begangen. Alle Wege wurden geprüft. "
            "Die Ergebnisse werden bis Ende Januar in einem Bericht zusammengefasst.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2024, 11, 28)))
    assert [(c.owner, c.due) for c in cands] == [("Verwaltung", dt.date(2025, 1, 31))]


def test_a_resolution_text_voted_down_a_sentence_later_owes_nothing() -> None:
    text = ("Beschlussvorschlag:\nDie Verwaltung wird beauftragt, mit den Netzbetreibern zu sprechen.\n\n"
            "Herr Roth (Freie Wähler) begründet den Antrag.\nDer Antrag wird mit 5 zu 12 Stimmen abgelehnt.\n\n"
            "TOP 8 Sanierung des Bolzplatzes\n\nBeschlussvorschlag:\nDie Verwaltung wird beauftragt, die Kosten zu "
            "ermitteln.\n\nAbstimmungsergebnis: einstimmig beschlossen")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 5, 7)))
    assert [c.quote for c in cands] == ["Die Verwaltung wird beauftragt, die Kosten zu ermitteln."]


def test_a_vote_on_the_next_item_does_not_reach_back() -> None:
    text = ("Beschluss:\nDie Verwaltung wird beauftragt, die Kosten zu ermitteln.\n\n"
            "TOP 9 Antrag der CDU\n\nDer Antrag wird abgelehnt.")
    cands = extract(text, MeetingContext(meeting_date=dt.date(2025, 5, 7)))
    assert [c.quote for c in cands] == ["Die Verwaltung wird beauftragt, die Kosten zu ermitteln."]


def test_the_administration_as_agent_owns_the_step() -> None:
    cands = extract("Die Anregung wird von der Verwaltung aufgenommen und geprüft.",
                    MeetingContext(meeting_date=dt.date(2025, 3, 20)))
    assert [c.owner for c in cands] == ["Verwaltung"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gemäß § 3 BauGB ist die Öffentlichkeit zu beteiligen.",
        "Die Satzung tritt am Tag nach ihrer Bekanntmachung in Kraft.",
        "Die Gebühren sind jeweils zum 15.02. eines Jahres fällig.",
        "Es wird darauf hingewiesen, dass die Frist für Einwendungen am 30.10.2025 endet.",
    ],
)
def test_legal_norms_and_standing_rules_are_not_commitments(sentence: str) -> None:
    assert extract(sentence, MeetingContext(meeting_date=dt.date(2025, 9, 15))) == []
