"""The fast forms of the rules' patterns match exactly what their plain forms match.

``pattern_forms.word_start`` rewrites ``\\b(?:a|b|…)``, ``zu_infinitives.ZuInfinitive`` the zu-infinitive regexes,
and the paragraph index's word families stand in for substring tests (time words, the words of the kinds,
speech verbs). Each is held here to the plain form on generated text and on every sentence of the style
files.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction import actions, pipeline, sentences, speakers
from core.extraction import patterns as rx
from core.extraction.cue_index import CueIndex
from core.extraction.kinds import classify
from core.extraction.pattern_forms import (
    BOUNDARY_AFTER_ASCII,
    BOUNDARY_BEFORE_ASCII,
    NOT_WORD_LATIN1,
    case_forms,
    contains_any,
    has_digit,
    word_start,
)
from core.extraction.sentences import split_sentences
from core.extraction.timex import find_times, find_times_possible
from core.extraction.zu_infinitives import ZU_INF, ZU_INF_ANY, ZU_INF_END, ZU_INF_GROUP_END, ZuInfinitive

STYLES = Path(__file__).resolve().parent / "styles"
_FULL_BMP = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)

# Alternatives that share first letters and prefixes ("bis" / "bis zum", "wird" / "werden"), and text made of
# their pieces, other words, word characters beyond Latin-1 and the case forms IGNORECASE adds ("ſ", "K").
_ALTERNATIVES = ("bis", r"bis\s+zum", "bitte", "wird", "werden", "werde", r"ggf\.", "am", "ab", "spätestens", "sie")
_PIECES = st.sampled_from([
    "bis", "Bis", "BIS", "zum", "bitte", "wird", "Wird", "werden", "werde", "werdegang", "ggf.", "am", "Am", "ab",
    "spätestens", "ſpäteſtens", "sie", "Sie", "ſie", "x", "ł", "_", "2", " ", "  ", "\n", "-", ",", ".", "(", "„",
])


def _text(pieces: list[str]) -> str:
    return "".join(pieces)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.booleans())
def test_a_word_start_form_finds_what_the_boundary_first_alternation_finds(pieces: list[str], ignorecase: bool) -> None:
    text = _text(pieces)
    plain = re.compile(r"\b(?:" + "|".join(_ALTERNATIVES) + ")", re.IGNORECASE if ignorecase else 0)
    fast = re.compile(word_start(_ALTERNATIVES, ignorecase))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.sub("", text) == plain.sub("", text)


def test_exact_alternatives_keep_their_case_after_the_case_free_ones() -> None:
    fast = re.compile(word_start(("am",), ignorecase=True, exact=("Frist",)))
    assert [m.group() for m in fast.finditer("AM Montag, Frist und frist, am")] == ["AM", "Frist", "am"]


def test_word_start_refuses_an_alternative_that_starts_with_a_class() -> None:
    with pytest.raises(ValueError, match="start with a letter"):
        word_start((r"\w+",))


@pytest.mark.parametrize("letter", list("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"))
def test_the_case_forms_of_a_german_letter_lie_in_the_ranges_searched(letter: str) -> None:
    assert case_forms(letter) == case_forms(letter, _FULL_BMP)


def test_the_case_forms_include_what_ignorecase_adds() -> None:
    assert case_forms("s") == "Ss\u017f"  # long s
    assert case_forms("k") == "Kk\u212a"  # Kelvin sign
    assert case_forms("i") == "Ii\u0130\u0131"  # dotted capital I, dotless i


def test_the_word_start_class_refuses_exactly_the_latin1_word_characters() -> None:
    refused = {chr(code) for code in range(256) if re.fullmatch(NOT_WORD_LATIN1, chr(code)) is None}
    assert refused == {chr(code) for code in range(256) if re.fullmatch(r"\w", chr(code))}
    assert re.fullmatch(NOT_WORD_LATIN1, "ğ") and re.fullmatch(NOT_WORD_LATIN1, "-")


def test_digits_and_substrings_are_found_as_written() -> None:
    assert has_digit("bis zum 13.") and not has_digit("bis Ende Mai") and not has_digit("٣ Wochen")
    assert contains_any("Ausschusssitzung", ("sitzung", "termin")) and not contains_any("Sitzung", ("sitzung",))


_ZU_PIECES = st.sampled_from([
    "zu", "vor", "legen", "prüfen", "en", "ern", "eln", "n", "an", "ein", "Vor", "x", "ß", "2", "_", "ł", " ", "  ",
    "\n", ",", ".", ";", "“", "lassen", "werden", " zu ", "zuzu",
])
_ZU_PLAIN = {
    "ZU_INF": r"\bzu\s+[a-zäöüß]{3,40}(?:en|ern|eln)\b|\b[a-zäöüß]{2,40}zu[a-zäöüß]{2,40}(?:en|ern|eln)\b",
    "ZU_INF_ANY": r"(?:\bzu\s+[a-zäöüß]{1,40}|\b[a-zäöüß]{2,40}zu[a-zäöüß]{2,40}(?:en|ern|eln))(?=\s*(?:[,.;:“”\"]|$))",
    "ZU_INF_GROUP_END": r"(?:\bzu\s+[a-zäöüß]{1,40}(?:en|ern|eln|n)|\b[a-zäöüß]{2,40}zu[a-zäöüß]{2,40}(?:en|ern|eln))"
                        r"(?:\s+(?:zu\s+)?(?:lassen|können|werden|sein|haben))?[.!;:“”\"]*$",
    "ZU_INF_END": r"(?:\bzu\s+[a-zäöüß]{1,40}|\b[a-zäöüß]{2,40}zu[a-zäöüß]{2,40})[.!;:“”\"]*\s*$",
}
_ZU_FAST: dict[str, ZuInfinitive] = {
    "ZU_INF": ZU_INF, "ZU_INF_ANY": ZU_INF_ANY, "ZU_INF_GROUP_END": ZU_INF_GROUP_END, "ZU_INF_END": ZU_INF_END,
}


@settings(max_examples=400, deadline=None)
@given(st.lists(_ZU_PIECES, max_size=16), st.data())
def test_the_zu_infinitive_tests_answer_as_their_regexes(pieces: list[str], data: st.DataObject) -> None:
    text = _text(pieces)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for name, plain in _ZU_PLAIN.items():
        assert _ZU_FAST[name].search(text, pos, end) == (re.compile(plain).search(text, pos, end) is not None), name


def test_an_infinitive_whose_head_does_not_start_the_word_is_none() -> None:
    assert ZU_INF.search("vorzulegen") and not ZU_INF.search("Vorzulegen") and not ZU_INF.search("x2vorzulegen")
    assert not ZU_INF.search("zulegen")  # (two letters before an infixed "zu")


def _style_sentences() -> list[str]:
    sentences = []
    for path in sorted(STYLES.glob("*.txt")):
        text = "\n".join(line.removeprefix("+ ") for line in path.read_text(encoding="utf-8").split("\n"))
        sentences += [text[start:end] for start, end in split_sentences(text)]
    return sentences


def test_the_index_s_word_families_answer_as_the_substring_tests_on_every_style_sentence() -> None:
    meeting = dt.date(2026, 11, 12)
    timed = 0
    for sentence in _style_sentences():
        hits = CueIndex(sentence, 0, len(sentence)).hits(0, len(sentence))
        expected = find_times(sentence, meeting=meeting)
        if expected:
            assert find_times_possible(sentence, hits), sentence
            timed += 1
        gated = find_times(sentence, meeting=meeting, hits=hits) if find_times_possible(sentence, hits) else []
        assert gated == expected, sentence
        assert classify(sentence, False, False, hits) == classify(sentence, False, False), sentence
    assert timed > 50  # the comparison is not vacuous


_BOUNDARY_PIECES = st.sampled_from([
    "wird", "Wird", "ist", "ggf.", "ggf", "muss", "müssen", "beauftragt", "x", "ä", "Ä", "ß", "ł", "Ω", "_", "2", "٣",
    " ", "\n", "\xa0", ".", ",", "„", "-",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(_BOUNDARY_PIECES, max_size=16))
def test_the_fast_boundaries_are_the_word_boundary_next_to_an_ascii_letter(pieces: list[str]) -> None:
    text = _text(pieces)
    for fast, plain in (
        (BOUNDARY_BEFORE_ASCII + "[A-Za-z]", r"\b[A-Za-z]"),
        ("[A-Za-z]" + BOUNDARY_AFTER_ASCII, r"[A-Za-z]\b"),
    ):
        assert [m.span() for m in re.finditer(fast, text)] == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=800, deadline=None)
@given(st.lists(_BOUNDARY_PIECES, max_size=16))
def test_the_auxiliaries_go_as_the_plain_pattern_removes_them(pieces: list[str]) -> None:
    text = _text(pieces)
    assert actions._AUX.sub("", text) == re.sub(actions.AUX_PLAIN, "", text)


_INFORM_PIECES = st.sampled_from([
    "teilt", "teilte", "mit", "informiert", "berichtet", "erläuterte", "ergänzt", "führt", "aus", "an", "fügt",
    "hinzu", "verkündet", "antwortet", "sagt", "zu", "sichert", "kündigt", "ankündigt", "Herr", "X", " ", ", ", "ł",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_INFORM_PIECES, max_size=12))
def test_the_inform_verbs_are_only_searched_for_where_a_stem_occurs(pieces: list[str]) -> None:
    sentence = " ".join(pieces)
    if speakers._first_word(speakers._INFORM, " " + sentence) is not None:
        assert contains_any(sentence, speakers._INFORM_STEMS)


_ZU_WORDS = st.sampled_from([
    "vorzulegen", "zuzuordnen", "vorzulegenx", "Vorzulegen", "zu", "zuvor", "abzustimmen", "bezuschussen", "dazu",
    "hinzuzuziehen", "aazubbern", "aazu", "zuzu", "x", "2", "_", " ", "ł", "ä", "ß", "-", ".",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(_ZU_WORDS, max_size=10))
def test_an_infixed_zu_goes_as_the_plain_regex_drops_it(pieces: list[str]) -> None:
    text = _text(pieces)
    plain = re.sub(r"\b([a-zäöüß]{2,40}?)zu([a-zäöüß]{2,40}(?:en|ern|eln))\b", r"\1\2", text)
    assert actions._without_infixed_zu(text) == plain


_PARTICIPLE_PIECES = st.sampled_from([
    "geprüft", "vorgelegt", "beraten", "besprochen", "xxxen", "xxxxen", "abcdt", "abct", "Geprüft", "é", "ł", "2", "_",
    " ", "  ", "\n", "\xa0", ".", ",", "statt", "a" * 38, "en", "t",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PARTICIPLE_PIECES, max_size=8))
def test_the_final_participle_is_the_one_the_plain_regex_finds(pieces: list[str]) -> None:
    text = _text(pieces)
    plain = re.compile(actions.PARTICIPLE_PLAIN).search(text, max(0, len(text.rstrip()) - 42))
    assert actions._final_participle(text) == ((plain.start(1), plain.end(1)) if plain else (-1, -1))


# Marks, quotes, digits, one-letter words and the articles that end a sentence after "L 123.", in any order.
_MARK_PIECES = st.sampled_from([
    ".", "!", "?", "...", "!?", "“", '"', ")", " ", "\n", "\xa0", "z", "1", "12", "123", "2023", "Die", "Der",
    "ab", "ł", "—", "a.", "Nr.", "-", "é", "_", "Ä",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_MARK_PIECES, max_size=24), st.integers(0, 6), st.integers(0, 6))
def test_the_end_marks_are_the_ones_finditer_finds(pieces: list[str], cut_start: int, cut_end: int) -> None:
    text = "".join(pieces)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    plain = [m.span() for m in sentences._END_PUNCT.finditer(text, start, end)]
    assert list(sentences._end_marks(text, start, end)) == plain


def test_the_end_marks_hand_a_line_dense_with_marks_to_finditer() -> None:
    text = "Ja! " * 40 + "Nein? Gut. Fertig."
    plain = [m.span() for m in sentences._END_PUNCT.finditer(text, 0, len(text))]
    assert list(sentences._end_marks(text, 0, len(text))) == plain


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"\n \t\r\f\v\xa0a."]), max_size=30))
def test_a_paragraph_break_ends_where_the_regex_match_ends(text: str) -> None:
    for match in re.finditer("\n", text):
        plain = sentences._PARA_BREAK.match(text, match.start())
        assert sentences._break_end(text, match.start()) == (plain.end() if plain else -1)
    plain_paragraphs, pos = [], 0
    for match in sentences._PARA_BREAK.finditer(text):
        plain_paragraphs.append(text[pos:match.start()].strip())
        pos = match.end()
    plain_paragraphs.append(text[pos:].strip())
    assert [text[a:b] for a, b in sentences.iter_paragraphs(text)] == [p for p in plain_paragraphs if p]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"abzäößAÄ ._1ł\n"]), max_size=20))
def test_a_run_of_three_lower_case_letters_is_found_as_the_regex_finds_it(text: str) -> None:
    assert pipeline._has_lower_run(text) is (rx.LOWER3.search(text) is not None)
