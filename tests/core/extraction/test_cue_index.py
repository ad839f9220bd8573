"""The paragraph scan answers exactly as tokenising each slice on its own would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
