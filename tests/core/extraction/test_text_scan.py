"""The C text scans (``_text_scan.c``) answer exactly as the Python they stand for: ``in``, ``str.find``, a word
regex, splitting and joining."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction import actions, pattern_forms

_C = pattern_forms._C_CONTAINS_ANY
_C_BUILT = pytest.mark.skipif(_C is None, reason="no build in use: run `make compile`")
# Letters that repeat, so that needles often start where the text has their first letter; beyond Latin-1 too.
_ALPHABET = st.sampled_from([*"abzäßS „“–ğΩ\n", "\U0001f600"])
_TEXT = st.text(alphabet=_ALPHABET, max_size=60)
_NEEDLES = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), max_size=12).map(tuple)


def _python(text: str, needles: tuple[str, ...], start: int, end: int) -> bool:
    return any(text.find(needle, start, end) >= 0 for needle in needles)


@_C_BUILT
@settings(max_examples=1500, deadline=None)
@given(_TEXT, _NEEDLES, st.integers(-70, 70), st.integers(-70, 70))
def test_it_finds_a_needle_in_a_slice_as_str_find_does(
    text: str, needles: tuple[str, ...], start: int, end: int
) -> None:
    assert _C(text, needles, start, end) is _python(text, needles, start, end)


@_C_BUILT
@settings(max_examples=800, deadline=None)
@given(_TEXT, _NEEDLES)
def test_it_finds_a_needle_in_the_whole_text_as_in_does(text: str, needles: tuple[str, ...]) -> None:
    assert pattern_forms.contains_any(text, needles) is any(needle in text for needle in needles)
    assert pattern_forms.contains_any_in(text, needles, 0, len(text)) is any(needle in text for needle in needles)


@_C_BUILT
@pytest.mark.parametrize(("text", "needles", "found"), [
    ("Die Sitzung findet statt", ("Termin", "Sitzung"), True),
    ("Die Sitzung findet statt", ("Termin", "sitzung"), False),  # case as written
    ("Ausschusssitzung", ("sitzung",), True),  # inside words too
    ("„Dies wird geprüft“", ("geprüft“",), True),  # beyond Latin-1, in text and needle
    ("abc", ("",), True),
    ("ab", ("abc",), False),  # a needle longer than what is left
    ("", ("a",), False),
    ("xyz", (), False),
])
def test_it_answers_the_examples(text: str, needles: tuple[str, ...], found: bool) -> None:
    assert _C(text, needles) is found
    assert any(needle in text for needle in needles) is found


@_C_BUILT
def test_it_refuses_more_than_64_needles_and_what_is_not_str() -> None:
    with pytest.raises(ValueError, match="64"):
        _C("text", tuple(f"n{k}" for k in range(65)))
    with pytest.raises(TypeError):
        _C("text", ("t", 1))
    with pytest.raises(TypeError):
        _C("text", ["t"])


@_C_BUILT
@settings(max_examples=1000, deadline=None)
@given(_TEXT, _NEEDLES, st.integers(-70, 70), st.integers(-70, 70))
def test_it_tells_which_needles_occur_in_a_slice_as_str_find_does(
    text: str, needles: tuple[str, ...], start: int, end: int
) -> None:
    expected = sum(1 << k for k, needle in enumerate(needles) if text.find(needle, start, end) >= 0)
    assert pattern_forms._C_PRESENT_MASK(text, needles, start, end) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT, _NEEDLES)
def test_the_mask_of_the_words_present_is_what_in_says(text: str, needles: tuple[str, ...]) -> None:
    assert pattern_forms.present_mask(text, needles) == sum(1 << k for k, n in enumerate(needles) if n in text)


def test_word_masks_give_each_group_the_bits_of_its_words() -> None:
    words, masks = pattern_forms.word_masks([("Jahr", "ahres"), ("Woche",), ("Jahr", "Monat", "Woche")])
    assert words == ("Jahr", "ahres", "Woche", "Monat")
    assert masks == [0b0011, 0b0100, 0b1101]
    with pytest.raises(ValueError, match="62"):
        pattern_forms.word_masks([tuple(f"w{k}" for k in range(63))])


_WORD_PIECES = st.sampled_from([
    "wird", "Wird", "werden", "ist", "istx", "xist", "müssen", "noch", "ł", "ğist", "_", "2", "ist2", " ", "  ", "\n",
    "\xa0", "\u2009", ".", ",", "„", "-", "x", "ä",
])


@_C_BUILT
@settings(max_examples=1000, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=16))
def test_removing_words_gives_what_the_regex_of_them_removes(pieces: list[str]) -> None:
    text = "".join(pieces)
    words = ("wird", "werden", "ist", "müssen", "noch", "x")
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b\s*")
    assert pattern_forms._C_REMOVE_WORDS(text, words) == plain.sub("", text)


@_C_BUILT
def test_removing_words_refuses_what_is_not_a_word() -> None:
    with pytest.raises(ValueError, match="word characters"):
        pattern_forms._C_REMOVE_WORDS("ggf. x", ("ggf.",))
    text = "nichts davon"
    assert pattern_forms._C_REMOVE_WORDS(text, ("wird",)) is text  # (nothing removed: the same object)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=16))
def test_the_auxiliaries_are_removed_as_their_regex_removes_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert pattern_forms.remove_words(text, actions._AUX_WORDS, actions._AUX) == actions._AUX.sub("", text)


@_C_BUILT
@settings(max_examples=1000, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=16))
def test_a_single_spaced_text_is_what_splitting_and_joining_it_gives(pieces: list[str]) -> None:
    text = "".join(pieces)
    count = pattern_forms.spaced_words(text)
    words = text.split()
    if count >= 0:
        assert " ".join(words) == text and count == len(words)
    else:
        assert " ".join(words) != text or not text


@_C_BUILT
@pytest.mark.parametrize(("text", "count"), [
    ("Bericht vorlegen", 2), ("a", 1), ("", 0), (" a", -1), ("a ", -1), ("a  b", -1), ("a\nb", -1), ("a\xa0b", -1),
])
def test_it_counts_the_words_of_single_spaced_text(text: str, count: int) -> None:
    assert pattern_forms.spaced_words(text) == count


def _python_padded_lower(text: str, start: int, end: int) -> str:
    low = " " + text[start:end].lower() + " "
    return low if len(low) == len(text[start:end]) + 2 else ""


# Every kind of str (ASCII, Latin-1, two and four bytes), letters whose lower case leaves their width ("Ÿ" -> "ÿ",
# "K" Kelvin -> "k"), one that lowers to two ("İ") and the capital sigma, whose lower case depends on its neighbours.
_CASE_ALPHABET = st.sampled_from([*"aZÄößÀÞ×µ „–ŸKİΣσΩ.\n", "\U00010400", "\U0001f600"])


@_C_BUILT
@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_CASE_ALPHABET, max_size=40), st.integers(-45, 45), st.integers(-45, 45))
def test_it_lowers_a_padded_slice_as_str_lower_does(text: str, start: int, end: int) -> None:
    lowered = pattern_forms._C_PADDED_LOWER(text, start, end)
    expected = _python_padded_lower(text, start, end)
    assert lowered == expected
    assert lowered.isascii() is expected.isascii()  # the same width and flags, not only the same characters
    assert pattern_forms.padded_lower(text, start, end) == expected


@_C_BUILT
@pytest.mark.parametrize(("text", "lowered"), [
    ("Die Verwaltung prüft", " die verwaltung prüft "),
    ("ÄRGER über „Straße“", " ärger über „straße“ "),
    ("ΟΔΟΣ", " οδος "),  # final sigma: str.lower's context rule
    ("İstanbul", ""),  # "İ" lowers to two characters: the offsets would shift
    ("", "  "),
])
def test_it_lowers_the_examples(text: str, lowered: str) -> None:
    assert pattern_forms._C_PADDED_LOWER(text, 0, len(text)) == lowered == _python_padded_lower(text, 0, len(text))


@_C_BUILT
@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.lists(st.text(alphabet=_ALPHABET, max_size=4), max_size=8).map(tuple))
def test_it_tests_prefixes_and_suffixes_as_startswith_and_endswith_do(text: str, affixes: tuple[str, ...]) -> None:
    assert pattern_forms._C_STARTS_WITH_ANY(text, affixes) is text.startswith(affixes)
    assert pattern_forms._C_ENDS_WITH_ANY(text, affixes) is text.endswith(affixes)
    assert pattern_forms.starts_with_any(text, affixes) is text.startswith(affixes)
    assert pattern_forms.ends_with_any(text, affixes) is text.endswith(affixes)


@_C_BUILT
def test_it_refuses_affixes_that_are_not_str() -> None:
    with pytest.raises(TypeError):
        pattern_forms._C_STARTS_WITH_ANY("text", ("t", 1))
    with pytest.raises(TypeError):
        pattern_forms._C_ENDS_WITH_ANY("text", ["t"])
