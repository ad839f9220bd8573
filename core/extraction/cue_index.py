"""One scan per block of paragraphs for every cue-bearing word, looked up by offset afterwards.

``CueIndex`` runs a single trie regex (built from the cue families' tables once they are all defined)
over a block of text; each sentence and clause in it then reads its word bits with two bisections
instead of being tokenised again, and phrase regexes are tried only where their key word starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from core.extraction import cues as _cues  # noqa: F401 - the families must be defined before the scan is built
from core.extraction import lexicon
from core.extraction import speakers as _speakers  # noqa: F401 - defines the family of speech verbs
from core.extraction.lexicon import Hits

_MAYBE_SHIFT = 32  # a hit's bits: the families it proves, and those it makes worth a regex shifted up
_SURE_MASK = (1 << _MAYBE_SHIFT) - 1
_PREFIX_MAYBE = {prefix: bits << _MAYBE_SHIFT for prefix, bits in lexicon.PREFIX_BITS.items()}
assert len(lexicon.FAMILIES) <= _MAYBE_SHIFT
_EXACT_BITS = {
    word: lexicon.WORD_BITS.get(word, 0)
    | (lexicon.KEY_BITS.get(word, 0) | lexicon.PREFIX_BITS.get(word[:4], 0)) << _MAYBE_SHIFT
    for word in lexicon.WORD_SET | lexicon.KEY_SET
}
# A cue-bearing word after a non-word character: a word of the tables, or a longer word starting with
# a 4-letter prefix ("sagte"). The character class in front lets the engine skip ahead fast, the
# class of first letters spares the trie most attempts.
_FIRST_LETTERS = "".join(sorted({word[0] for word in _EXACT_BITS} | {prefix[0] for prefix in lexicon.PREFIX_SET}))
# (The class in front is ``NOT_WORD_LATIN1``: a match after a word character beyond Latin-1 is skipped.)
_SCAN = re.compile(
    rf"{lexicon.NOT_WORD_LATIN1}(?=[{_FIRST_LETTERS}])({lexicon.trie(set(_EXACT_BITS), set(lexicon.PREFIX_SET))})"
)
lexicon.seal()
_PHRASES = lexicon.PHRASES  # family bit -> phrase regex (complete now: the tables are sealed)


def _inside_word(pair: str) -> bool:
    """Whether both characters of ``pair`` are word characters (the regex ``\\w`` on str: alnum or "_")."""
    return pair.isalnum() or ("_" in pair and all(char.isalnum() or char == "_" for char in pair))


class CueIndex:
    """The cue-bearing words of a stretch of text and their offsets, found by a single regex scan.

    Every sentence and clause in it then looks its word bits up with two bisections instead of
    being tokenised again. The result equals tokenising the slice (``_words``) as long as no word
    straddles either end of the slice; a slice cut inside a word is tokenised instead.
    """

    __slots__ = ("_base", "_bits", "_low", "_plain", "_starts", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._base = start - 1  # _low[i] is text[_base + i]; a space stands at either end
        low = " " + text[start:end].lower() + " "
        if len(low) != end - start + 2:
            low = ""  # a character that lowers to two ("İ") shifts every offset: tokenise slices instead
        self._low = low
        # Under IGNORECASE "ı" matches "i" and "ſ" matches "s", unlike their lower case: where they
        # occur, phrase regexes search the whole segment (see confirm).
        self._plain = bool(low) and "ı" not in low and "ſ" not in low
        starts: list[int] = []  # where each cue-bearing word starts, as an offset into _low
        bits: list[int] = []
        self._starts, self._bits = starts, bits
        add_start, add_bits, exact, prefixed = starts.append, bits.append, _EXACT_BITS.get, _PREFIX_MAYBE
        beyond = lexicon.beyond_latin1_word
        for match in _SCAN.finditer(low):
            if beyond(low[match.start()]):
                continue  # inside a word ("ł" before it)
            word = match.group(1)
            add_start(match.start(1))
            add_bits(exact(word) or prefixed[word[:4]])

    def hits(self, start: int, end: int) -> Hits:
        """The word bits of ``text[start:end]`` (a slice of the indexed text): proven and to be confirmed."""
        low = self._low
        if start >= end or not low:
            return lexicon.lookup(self._text[start:end])
        i, j = start - self._base, end - self._base
        before, after = low[i - 1:i + 1], low[j - 1:j + 1]
        if before.isalnum() or after.isalnum() or (
            ("_" in before or "_" in after) and (_inside_word(before) or _inside_word(after))
        ):
            return lexicon.lookup(self._text[start:end])  # a word straddles an end: tokenise the slice
        starts = self._starts
        first = bisect_left(starts, i)
        last = bisect_left(starts, j, first)
        bits = 0
        for word_bits in self._bits[first:last]:
            bits |= word_bits
        return bits & _SURE_MASK, bits >> _MAYBE_SHIFT, self if self._plain else None, i

    def confirm(self, segment: str, offset: int, families: int, first: bool) -> int:
        """``_confirm`` for the segment at ``offset`` in ``_low``, trying each phrase regex only where a
        key word of its family starts (a phrase cannot match elsewhere), instead of searching it."""
        starts, bits = self._starts, self._bits
        found = 0
        for k in range(bisect_left(starts, offset), bisect_left(starts, offset + len(segment))):
            todo = (bits[k] >> _MAYBE_SHIFT) & families & ~found
            while todo:
                bit = todo & -todo
                todo ^= bit
                if _PHRASES[bit].match(segment, starts[k] - offset) is not None:
                    found |= bit
                    if first:
                        return found
        return found
