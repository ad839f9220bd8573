"""The meeting date stated in a document's head."""

from __future__ import annotations

import datetime as dt

import pytest

from core.extraction import find_body, find_meeting_date


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



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Niederschrift über die Sitzung des Bauausschusses\nam 12.02.2024 im Rathaus", "Bauausschuss"),
        ("Beratungsergebnis\n\nSozialausschuss am 31.08.2023\n\nZu Punkt 3: Radwege", "Sozialausschuss"),
        ("Protokoll der Sitzung des Ausschusses für Umwelt und Mobilität vom 3. Mai 2024",
         "Ausschuss für Umwelt und Mobilität"),
        ("Grunddaten\n- TOP: Ö 2\n- Gremium: Kulturausschuss\n- Datum: Mi., 17.04.2024\n", "Kulturausschuss"),
        ("Protokoll: Verwaltungsausschuss des Gemeinderats der Stadt Musterstadt\nSitzungstermin: 21.03.2024",
         "Verwaltungsausschuss"),
        ("Protokoll: Gemeinderat der Stadt Musterstadt\nSitzungsart: öffentlich", "Gemeinderat"),
        ("Niederschrift über die Sitzung der Gemeindevertretung am 03.05.23", "Gemeindevertretung"),
        ("Niederschrift über die öffentliche Sitzung des Kreistages am 4. März 2024", "Kreistag"),
        ("Sitzung des Rates der Stadt Musterstadt am 10.12.2024", "Rat"),
        ("Stadtratssitzung vom 22.02.2024\n\nAus dem Stadtrat", "Stadtrat"),
        ("Termine der Gemeinde Musterdorf\n\nGemeinde Musterdorf - Gemeinderat\n\nMontag, 4. März 2024", "Gemeinderat"),
        ("Sitzungstermine\n\nFeuerschutzausschuss\n\nMontag, 4. März 2024, 19:00 Uhr", "Feuerschutzausschuss"),
        ("Ortsbeirat 4 (Bornheim/Ostend) – Protokoll der Sitzung am 22.01.2024", "Ortsbeirat"),
        ("Niederschrift über die öffentliche Sitzung des Bau- und Umweltausschusses am 11.09.2024",
         "Bau- und Umweltausschuss"),
        ("Kreistag des Landkreises Nordheide – Niederschrift der Sitzung vom 05.12.2023", "Kreistag"),
    ],
)
def test_it_reads_the_body_from_the_head_in_the_nominative(text: str, expected: str) -> None:
    assert find_body(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Herr Lenz berichtet über den Stand der Planung.\n\nDie Verwaltung erstellt einen Zeitplan.",
        "Antrag\n\nDer Antrag wird zurückgestellt.",
        "Am Dienstag vom 3. Mai an gilt die neue Regelung.",
        "",
    ],
)
def test_it_finds_no_body_where_the_head_names_none(text: str) -> None:
    assert find_body(text) is None


def test_a_body_named_only_deep_in_the_text_is_not_the_documents_body() -> None:
    text = "Herr Lenz berichtet.\n\n" + "Der Bericht wird zur Kenntnis genommen. " * 60 + "Sitzung des Bauausschusses"
    assert find_body(text) is None


def test_it_reads_the_date_of_a_numbered_session_heading() -> None:
    text = "Niederschrift über die 12. Sitzung des Ausschusses für Umwelt und Verkehr am 14.03.2024\n\nTOP 1"
    assert find_meeting_date(text) == dt.date(2024, 3, 14)


def test_a_wrapped_prose_line_mentioning_a_session_is_not_the_heading() -> None:
    text = ("Beratungsergebnis: Kenntnis genommen\n\n"
            "Sie teilt mit, dass zur Sitzung des BUA am 14.03.2019 vorgesehen sei,\neinen Gutachter einzuladen.")
    assert find_meeting_date(text) is None
