"""The paragraph scan answers exactly as tokenising each slice on its own would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction import cue_index, lexicon, native
from core.extraction.cue_index import CueIndex
from core.extraction.lexicon import family_hits, lookup
from core.extraction.speakers import SPEECH

_WORDS = st.sampled_from([
    "wird", "werden", "beauftragt", "sagt", "sagte", "zu", "nicht", "muss", "sollte", "bittet", "darum",
    "Verwaltung", "Kenntnis", "zur", "vorgelegt", "heute", "künftig", "findet", "statt", "wir", "werden",
    "Wiedervorlage", "empfiehlt", "dem", "Rat", "ß", "İstanbul", "Straße", "_x", "wie", "üblich", "Frist", "endet",
    "Michał", "ğsagt", "teilte", "erklärt", "so", "der", "Herr", "Lenz",
    # keys shared by phrases of several families, and the words that complete them
    "in", "Aussicht", "der", "Regel", "zur", "Entscheidung", "Abstimmung", "sich", "sichert", "sicherte", "bereit",
    "nimmt", "an", "beraten", "nicht", "nur", "kein", "Sitzung", "eröffnet", "Beantwortung", "erfolgt",
])
_ROOT = Path(__file__).resolve().parents[3]
_DEV = _ROOT.parent / "shared" / "corpus" / "dev"
_GAPS = st.sampled_from([" ", ", ", ". ", "\n", " (", ") ", "-", "„", "“ ", "\t", "\xa0", "/", "_", "2"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=25), st.data())
def test_slices_look_up_the_same_bits_as_tokenising_them(pairs: list[tuple[str, str]], data: st.DataObject) -> None:
    text = "".join(word + gap for word, gap in pairs)
    index = CueIndex(text, 0, len(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    segment = text[start:end]
    hits = index.hits(start, end)
    alone = lookup(segment)
    assert hits[0] == alone[0]
    assert family_hits(segment, hits) == family_hits(segment, alone)
    assert hits[1] == alone[1]  # the families to confirm, the speech verbs (index only) among them
    assert (hits[0] | hits[1]) & SPEECH.bit == (alone[0] | alone[1]) & SPEECH.bit


def test_a_cue_word_glued_to_a_letter_beyond_latin1_is_no_word_of_its_own() -> None:
    # The scan's class in front admits "ğ", "ł" (beyond Latin-1): a match starting there is inside a word.
    for text in ("Er ğsagt zu.", "Michałsoll", "xğsollen wir", "Ωwird beauftragt"):
        index = CueIndex(text, 0, len(text))
        assert index.hits(0, len(text))[:2] == lookup(text)[:2], text


_C_BUILT = pytest.mark.skipif(cue_index._C_SCAN_WORDS is None, reason="no build in use: run `make compile`")


@_C_BUILT
@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=25))
def test_the_c_scan_finds_what_the_scan_regex_finds_in_minutes_like_text(pairs: list[tuple[str, str]]) -> None:
    low = " " + "".join(word + gap for word, gap in pairs).lower() + " "
    assert cue_index.c_scan(low) == cue_index.regex_scan(low)


@_C_BUILT
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), st.text(max_size=20))
def test_the_c_scan_finds_what_the_scan_regex_finds_in_any_text(noise: str, glue: str) -> None:
    # Cue words amid arbitrary Unicode: glued to letters beyond Latin-1, digits, "_", at either end.
    low = (glue + "wird" + noise + "sagte" + glue + " beauftragt" + noise + "zu").lower()
    assert cue_index.c_scan(low) == cue_index.regex_scan(low)


@_C_BUILT
def test_the_c_scan_finds_what_the_scan_regex_finds_in_the_dev_corpus() -> None:
    files = sorted(_DEV.glob("*.txt")) if _DEV.is_dir() else []
    files += sorted(Path(__file__).parent.joinpath("styles").glob("*.txt"))
    words = 0
    for path in files:
        low = " " + path.read_text(encoding="utf-8").lower() + " "
        found = cue_index.c_scan(low)
        assert found == cue_index.regex_scan(low), path.name
        words += len(found[0])
    assert words > 300  # (a scan that finds nothing would agree as well)


@_C_BUILT
def test_the_c_scan_rejects_a_filter_of_the_wrong_size() -> None:
    with pytest.raises(ValueError, match="65536 bits"):
        cue_index._C_SCAN_WORDS(" wird ", cue_index._C_TABLES, b"\0" * 10)


def test_the_word_filter_holds_every_cue_word_and_prefix() -> None:
    bitmap = cue_index._FILTER
    for head in [word[:4] for word in cue_index._EXACT_BITS] + sorted(lexicon.PREFIX_SET):
        key = cue_index.filter_key(head)
        assert bitmap[key >> 3] & (1 << (key & 7)), head
    assert sum(bin(byte).count("1") for byte in bitmap) < 65536 // 20  # it still tells most words apart


def test_without_the_build_the_index_scans_with_the_regex() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import core.extraction.cue_index as c; print(c._C_SCAN_WORDS is None)"],
        cwd=_ROOT, env={**os.environ, native.PURE_ENV: "1"}, capture_output=True, text=True, check=True, timeout=60,
    )
    assert done.stdout.strip() == "True"
