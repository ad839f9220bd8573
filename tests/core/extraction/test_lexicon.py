"""The regex builders of the word machinery, and the speech-verb family that gates the speaker search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.extraction.cue_index import CueIndex
from core.extraction.lexicon import lookup
from core.extraction.pattern_forms import first_letter_groups, substrings, trie
from core.extraction.sentences import split_sentences
from core.extraction.speakers import find_speaker

STYLES = Path(__file__).resolve().parent / "styles"


@pytest.mark.parametrize(("text", "found"), [
    ("Die Ausschusssitzung am Montag", True),  # inside a compound
    ("in der nächsten Sitzung", False),  # case as written: "Sitzung" holds no "sitzung"
    ("Die Satzung wird geändert", False),
    ("", False),
])
def test_substrings_find_a_word_anywhere_in_the_text(text: str, found: bool) -> None:
    pattern = substrings("sitzung", "ausschuss")
    assert (pattern.search(text) is not None) == found


def test_substrings_stop_at_the_shortest_entry_and_agree_with_plain_substring_tests() -> None:
    words = ("sachstand", "sachstandsbericht", "bericht", "itzung", "termin")
    pattern = substrings(*words)
    for text in ("Sachstandsbericht", "ein sachstandsbericht folgt", "die sitzung", "terminiert", "nichts davon"):
        assert (pattern.search(text) is not None) == any(word in text for word in words)


def test_a_trie_matches_whole_words_and_the_rest_of_a_prefixed_word() -> None:
    pattern = re.compile(r"\b(?:" + trie({"bis", "bald"}, {"sagt"}) + ")")
    assert pattern.match("bis").group() == "bis"  # type: ignore[union-attr]
    assert pattern.match("bisher") is None  # a word of the list must end there
    assert pattern.match("sagten").group() == "sagten"  # type: ignore[union-attr]


def test_first_letter_groups_match_what_the_plain_alternation_matches() -> None:
    alternatives = ("teilt", "führt", "fügt", r"bittet\b", r"bat\b", r"so\s+(?:der|die)\b")
    grouped = re.compile(first_letter_groups(alternatives))
    plain = re.compile("(?:" + "|".join(alternatives) + ")")
    for text in ("Er teilte mit", "sie fügt hinzu", "batterie", "bat um", "so die Verwaltung", "so dass", "bittet"):
        assert bool(grouped.search(text)) == bool(plain.search(text)), text


def test_first_letter_groups_refuse_an_alternative_that_starts_with_a_class() -> None:
    with pytest.raises(ValueError, match="start with a letter"):
        first_letter_groups((r"\w+",))


def test_the_speech_family_gates_the_speaker_search_without_changing_a_single_speaker() -> None:
    sentences = [
        "Herr Römer teilt mit, dass die Vorlage im März kommt.",
        "Die Verwaltung erläuterte den Sachstand.",
        "Frau Lenz (CDU) fragt, ob die Straße saniert wird.",
        "Die Ampel wird im April erneuert, so der Bürgermeister.",
        "Herr Michał Nowak bat um Auskunft.",
        "Der Antrag wird einstimmig angenommen.",
    ]
    for path in sorted(STYLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[start:end] for start, end in split_sentences(text)]
    speakers = 0
    for sentence in sentences:
        gated = find_speaker(sentence, lookup(sentence))
        assert gated == find_speaker(sentence), sentence
        # with the paragraph's index, only its words of the speech family are tried
        assert find_speaker(sentence, CueIndex(sentence, 0, len(sentence)).hits(0, len(sentence))) == gated, sentence
        speakers += gated is not None
    assert speakers > 50  # the corpus of style files has plenty of them: the comparison is not vacuous
