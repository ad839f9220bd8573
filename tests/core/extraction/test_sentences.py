"""Golden examples for paragraphs, sentences and clauses."""

from __future__ import annotations

import pytest

from core.extraction.clauses import split_clauses
from core.extraction.sentences import iter_paragraphs, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Antrag Nr. 12 wird beraten. Danach folgt die Pause.",
         ["Der Antrag Nr. 12 wird beraten.", "Danach folgt die Pause."]),
        ("Es gibt z. B. Förderungen, d. h. Zuschüsse u. a. vom Land. Das ist neu.",
         ["Es gibt z. B. Förderungen, d. h. Zuschüsse u. a. vom Land.", "Das ist neu."]),
        ("Bgm. Kern und Dr. Vogt berichten gem. Satzung. StR. Lenz fragt nach.",
         ["Bgm. Kern und Dr. Vogt berichten gem. Satzung.", "StR. Lenz fragt nach."]),
        ("Die Frist endet am 1. Oktober. Die Sitzung am 13.09. beginnt früh.",
         ["Die Frist endet am 1. Oktober.", "Die Sitzung am 13.09. beginnt früh."]),
        ("TOP 5.1 Bericht\nDie Verwaltung berichtet.", ["TOP 5.1 Bericht", "Die Verwaltung berichtet."]),
        ("Beschluss:\n1. Die Verwaltung prüft den Standort.\n2. Sie berichtet im Mai.",
         ["Beschluss:", "1. Die Verwaltung prüft den Standort.", "2. Sie berichtet im Mai."]),
    ],
)
def test_it_splits_sentences_around_abbreviations_dates_and_headings(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_it_yields_paragraph_spans_lazily() -> None:
    text = "Erster Absatz.\n\n\nZweiter Absatz.\n  \nDritter."
    assert [text[s:e] for s, e in iter_paragraphs(text)] == ["Erster Absatz.", "Zweiter Absatz.", "Dritter."]


def test_it_bounds_the_length_of_run_on_sentences() -> None:
    text = "wort " * 5000
    assert all(e - s <= 1200 for s, e in split_sentences(text))


def test_it_separates_dass_and_infinitive_clauses_but_keeps_relative_clauses() -> None:
    text = "Herr Lenz teilt mit, dass die Halle saniert wird, die im Norden liegt, um Platz zu schaffen."
    clauses = [text[s:e] for s, e in split_clauses(text, 0, len(text))]
    assert clauses == [
        "Herr Lenz teilt mit",
        "dass die Halle saniert wird, die im Norden liegt",
        "um Platz zu schaffen.",
    ]


def test_it_keeps_an_enumeration_before_an_infinitive_together() -> None:
    text = "Sie schlägt vor, den Bericht an die Ausschüsse für Sport, Kultur und Umwelt zu senden."
    clauses = [text[s:e] for s, e in split_clauses(text, 0, len(text))]
    assert clauses[-1].endswith("den Bericht an die Ausschüsse für Sport, Kultur und Umwelt zu senden.")
    assert not any(c.startswith(("Kultur", "und Umwelt")) for c in clauses)


def test_a_number_after_a_word_ends_the_sentence_before_an_article() -> None:
    text = "Herr Jung bittet um Prüfung eines Radwegs entlang der L 123. Die Verwaltung sagt eine Prüfung zu."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Herr Jung bittet um Prüfung eines Radwegs entlang der L 123.",
        "Die Verwaltung sagt eine Prüfung zu.",
    ]
    enumeration = "Beschluss:\n1. Die Verwaltung prüft den Standort."
    assert [enumeration[a:b] for a, b in split_sentences(enumeration)][-1] == "1. Die Verwaltung prüft den Standort."


def test_hard_wrapped_lines_after_an_ordinal_or_before_lower_case_continue_the_sentence() -> None:
    text = ("Herr Lenz teilt mit, dass der Tausch der Pumpe für die 28.\n"
            "Kalenderwoche vorgesehen sei und die Arbeiten nach Ende des Bauabschnitts.\n"
            "abgeschlossen werden. Danach folgt der Rückbau.")
    first_start, first_end = split_sentences(text)[0]
    assert text[first_start:first_end].endswith("abgeschlossen werden.")


def test_a_short_line_of_a_hard_wrapped_paragraph_continues_before_a_long_word() -> None:
    # wrapped at 78 columns: "Hallennutzungsvereinbarung" did not fit on the second line
    text = ("Frau Berger berichtet, dass gestern ein Treffen mit dem Verein stattfand. Nun\n"
            "soll bis zum Herbst ein Vorschlag für eine gemeinsame\n"
            "Hallennutzungsvereinbarung mit dem Sportverein erarbeitet werden.")
    lines = text.split("\n")
    assert len(lines[1]) + 1 + len("Hallennutzungsvereinbarung") > max(map(len, lines))
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[-1].startswith("Nun\nsoll bis zum Herbst") and sentences[-1].endswith("erarbeitet werden.")


def test_a_heading_inside_a_wrapped_paragraph_still_breaks() -> None:
    text = ("TOP 3 Bericht der Verwaltung\n"
            "Der Bürgermeister berichtet über den Stand der Arbeiten an der Grundschule und die Kosten\n"
            "der Sanierung.")
    first_start, first_end = split_sentences(text)[0]
    assert text[first_start:first_end] == "TOP 3 Bericht der Verwaltung"


@pytest.mark.parametrize(
    "text",
    [
        "Für die Erweiterung des Friedhofs am Nordhang sei ein\nBodengutachten bestellt.",
        "Die Ortsvorsteherin teilt mit, dass der Abbau der Bühne für die\n31. Kalenderwoche vorgesehen sei.",
        "Außerdem sollen die Punkte 4.2 „Brandschutz im Rathaus, 17/GR/0112“\n"
        "und 4.3 vorgezogen werden.",
    ],
)
def test_a_line_ending_in_a_function_word_or_followed_by_lower_case_goes_on(text: str) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == [text]
