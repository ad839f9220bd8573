"""One scan per block of paragraphs for every cue-bearing word, looked up by offset afterwards.

``CueIndex`` runs a single trie regex (built from the cue families' tables once they are all defined)
over a block of text; each sentence and clause in it then reads its word bits with two bisections
instead of being tokenised again, and phrase regexes are tried only where their key word starts.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from typing import Any, Final

from core.extraction import cues as _cues  # noqa: F401 - the families must be defined before the scan is built
from core.extraction import kinds as _kinds  # noqa: F401 - defines the families of the kinds' words
from core.extraction import lexicon, native, pattern_forms
from core.extraction import speakers as _speakers  # noqa: F401 - defines the family of speech verbs
from core.extraction import timex as _timex  # noqa: F401 - defines the families of time words
from core.extraction.lexicon import Hits
from core.extraction.regex_store import compile_regex

# A hit's bits: the families it proves, and those it makes worth a regex shifted up by one bit per family.
# Both halves must fit a machine integer of compiled code (62 bits): at most 31 families.
_MAYBE_SHIFT: Final = len(lexicon.FAMILIES)
assert 2 * _MAYBE_SHIFT <= 62, "more than 31 cue families: their bits no longer fit a machine integer"
_SURE_MASK: Final = (1 << _MAYBE_SHIFT) - 1
_PREFIX_MAYBE: Final = {prefix: bits << _MAYBE_SHIFT for prefix, bits in lexicon.PREFIX_BITS.items()}
_EXACT_BITS: Final = {
    word: lexicon.WORD_BITS.get(word, 0)
    | (lexicon.KEY_BITS.get(word, 0) | lexicon.PREFIX_BITS.get(word[:4], 0)) << _MAYBE_SHIFT
    for word in lexicon.WORD_SET | lexicon.KEY_SET
}
# A cue-bearing word after a non-word character: a word of the tables, or a longer word starting with
# a 4-letter prefix ("sagte"). The character class in front lets the engine skip ahead fast; the trie's
# branches start with literal letters, which it skips cheaply. Both are captured: ``re.split`` then returns
# the text between the matches with them, so offsets add up from lengths without a match object each.
# (Measured and left out: a look-ahead for the first letters, and two scans, one starting with a literal
# space; the attempts at each space, not the search for them, are the work.)
# (The class in front is ``NOT_WORD_LATIN1``: a match after a word character beyond Latin-1 is skipped.)
# With the build, ``_word_scan.c`` finds the same words without it (``c_scan``); the regex stays the fallback and
# the reference the tests hold the C scan to.
_SCAN: Final = compile_regex(
    rf"({pattern_forms.NOT_WORD_LATIN1})({pattern_forms.trie(set(_EXACT_BITS), set(lexicon.PREFIX_SET))})"
)


# The scan's result for a lower-cased text: where each cue-bearing word starts, its bits, and the length of its
# head, its first four letters or fewer (the phrases that can start at the word: _GROUP_PHRASES).
Scan = tuple[list[int], list[int], list[int]]


def regex_scan(low: str) -> Scan:
    """The cue-bearing words of ``low`` (lower-cased, a non-word character at either end) found by ``_SCAN``."""
    starts: list[int] = []
    bits: list[int] = []
    heads: list[int] = []
    pieces = _SCAN.split(low)
    pos = 0
    # pieces: the text before a match, its non-word character, its word, the text up to the next one, …
    for n in range(0, len(pieces) - 1, 3):
        pos += len(pieces[n]) + 1
        word: str = pieces[n + 2]
        if not pattern_forms.beyond_latin1_word(pieces[n + 1]):  # (else inside a word: "ł" before it)
            starts.append(pos)
            bits.append(_EXACT_BITS.get(word, 0) or _PREFIX_MAYBE[word[:4]])
            heads.append(min(len(word), 4))
        pos += len(word)
    return starts, bits, heads


def filter_key(word: str) -> int:
    """A 16-bit hash of the first four characters of ``word``: ``_word_scan.c`` computes the same."""
    head = word[:4]
    key = len(head)
    for char in head:
        key = (key * 131 + ord(char)) & 0xFFFFFFFF
    return key & 0xFFFF


def _filter_bitmap() -> bytes:
    """The filter keys of every cue-bearing word's first four letters, as a bitmap of 65536 bits: a word whose
    key is not set cannot be one (``_word_scan.c`` looks words up only where it is)."""
    bitmap = bytearray(65536 // 8)
    for head in {word[:4] for word in _EXACT_BITS} | set(lexicon.PREFIX_SET):
        key = filter_key(head)
        bitmap[key >> 3] |= 1 << (key & 7)
    return bytes(bitmap)


_FILTER: Final = _filter_bitmap()


# (bound once: a module attribute read per call costs as much as a short scan)
_C_HELPERS: Final[Any] = native.c_helpers()
_C_SCAN_WORDS: Final[Any] = getattr(_C_HELPERS, "scan_words", None)
# The tables as the C scan reads them (made once: hash tables of code points).
_C_TABLES: Final[Any] = _C_HELPERS.word_tables(_EXACT_BITS, _PREFIX_MAYBE) if _C_SCAN_WORDS is not None else None


def c_scan(low: str) -> Scan:
    """``regex_scan`` in C, about three times as fast (``_word_scan.c``); only with the build (``_C_SCAN_WORDS``)."""
    found: Scan = _C_SCAN_WORDS(low, _C_TABLES, _FILTER)
    return found


def scan(low: str) -> Scan:
    """The cue-bearing words of ``low``: by the C scan with the build, else by the regex."""
    return c_scan(low) if _C_SCAN_WORDS is not None else regex_scan(low)

lexicon.seal()
# For the first four letters of a word: the families whose phrases can start there, each with the regex of
# just those phrases (in their order), so that confirming a family tries only what can match at the word.
def _required_words(phrase: str) -> tuple[str, ...] | None:
    """Words (lower case) one of which every match of ``phrase`` contains after its key word: the longest run of
    literal letters it always goes on with ("verteilen" of "zu\\s+verteilen"), or the first runs of the branches
    it always goes on with ("beraten", "diskutiert", "erörtert"); None where it has none (it is tried anyway).

    Read from the parsed pattern; only parts that every match passes through count (optional ones do not).
    """
    try:
        items = list(sre_parse.parse(phrase, re.IGNORECASE))
    except (re.error, TypeError, ValueError):
        return None
    runs: list[tuple[str, ...]] = []
    run = ""
    for n, (op, av) in enumerate([*items, (None, None)]):
        if op is sre_constants.LITERAL and isinstance(av, int):
            run += chr(av).lower()
            continue
        if len(run) >= 2:
            runs.append((run,))
        run = ""
        if op is sre_constants.BRANCH and n > 0:
            firsts = []
            for branch in av[1]:
                word = ""
                for sub_op, sub_av in branch:
                    if sub_op is not sre_constants.LITERAL:
                        break
                    word += chr(sub_av).lower()
                firsts.append(word)
            if all(len(word) >= 2 for word in firsts):
                runs.append(tuple(firsts))
    runs = runs[1:]  # the first is the key, which the index found at the word
    return max(runs, key=lambda words: min(len(word) for word in words)) if runs else None


# The words a family's phrases in a group need besides their key ("zu" is the key of "zu verteilen" and of
# "zu schicken"; most "zu" are neither): tested on the segment before the regex (None: no such test).
def _group_required(phrases: list[str]) -> tuple[str, ...] | None:
    words: list[str] = []
    for phrase in phrases:
        required = _required_words(phrase)
        if required is None:
            return None
        words.extend(required)
    return tuple(sorted(set(words)))


_GROUP_PHRASES: Final[dict[str, tuple[tuple[int, tuple[str, ...] | None, re.Pattern[str]], ...]]] = {}
for _family in lexicon.FAMILIES:
    if _family.bit & lexicon.INDEX_ONLY:
        continue  # (never confirmed: its words only gate other regexes)
    for _group, _phrases in _family.phrase_groups.items():
        _GROUP_PHRASES[_group] = (
            *_GROUP_PHRASES.get(_group, ()),
            (_family.bit, _group_required(_phrases),
             compile_regex(lexicon.phrase_pattern(_phrases), re.IGNORECASE)),
        )



def _bisect(values: list[int], x: int, lo: int) -> int:
    """``bisect.bisect_left(values, x, lo)``, as a loop that compiles to native integer comparisons."""
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) >> 1
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


class CueIndex:
    """The cue-bearing words of a stretch of text and their offsets, found by a single regex scan.

    Every sentence and clause in it then looks its word bits up with two bisections instead of
    being tokenised again. The result equals tokenising the slice (``lexicon.lookup``) as long as no word
    straddles either end of the slice; a slice cut inside a word is tokenised instead.
    """

    __slots__ = ("_base", "_bits", "_heads", "_low", "_plain", "_starts", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._base = start - 1  # _low[i] is text[_base + i]; a space stands at either end
        # ("" where a character lowers to two, "İ": it would shift every offset; slices are tokenised instead)
        low = pattern_forms.padded_lower(text, start, end)
        self._low = low
        # Under IGNORECASE "ı" matches "i" and "ſ" matches "s", unlike their lower case: where they
        # occur, phrase regexes search the whole segment (see confirm).
        self._plain = bool(low) and "ı" not in low and "ſ" not in low
        # where each cue-bearing word starts (an offset into _low), its bits, and the length of its head (Scan)
        self._starts, self._bits, self._heads = scan(low) if low else ([], [], [])

    def hits(self, start: int, end: int) -> Hits:
        """The word bits of ``text[start:end]`` (a slice of the indexed text): proven and to be confirmed."""
        low = self._low
        if start >= end or not low:
            return lexicon.lookup(self._text[start:end])
        i, j = start - self._base, end - self._base
        if (pattern_forms.is_word_char(low[i]) and pattern_forms.is_word_char(low[i - 1])) or (
            pattern_forms.is_word_char(low[j - 1]) and pattern_forms.is_word_char(low[j])
        ):
            return lexicon.lookup(self._text[start:end])  # a word straddles an end: tokenise the slice
        starts, bits = self._starts, self._bits
        first = _bisect(starts, i, 0)
        found = 0
        for k in range(first, _bisect(starts, j, first)):
            found |= bits[k]
        return found & _SURE_MASK, found >> _MAYBE_SHIFT, self if self._plain else None, i

    def confirm(self, segment: str, offset: int, families: int, first: bool) -> int:
        """Those of ``families`` whose phrase regex matches the segment at ``offset`` in ``_low``, trying at each
        key word only the phrases of each family that can start there, instead of searching the segment."""
        starts, bits, heads, low = self._starts, self._bits, self._heads, self._low
        found = 0
        end = offset + len(segment)
        lo = _bisect(starts, offset, 0)
        for k in range(lo, _bisect(starts, end, lo)):
            todo = (bits[k] >> _MAYBE_SHIFT) & families & ~found
            if not todo:
                continue
            at = starts[k]
            for bit, required, phrases in _GROUP_PHRASES.get(low[at:at + heads[k]], ()):
                if bit & todo and (required is None or self._contains_any(required, at, end)) \
                        and phrases.match(segment, at - offset) is not None:
                    found |= bit
                    if first:
                        return found
        return found

    def _contains_any(self, words: tuple[str, ...], start: int, end: int) -> bool:
        """Whether one of ``words`` occurs in ``_low[start:end]``."""
        return pattern_forms.contains_any_in(self._low, words, start, end)

    def starts_of(self, offset: int, length: int, family: int) -> list[int]:
        """Where the words with a bit of ``family`` (proven or to be confirmed) start in the segment of
        ``length`` characters at ``offset`` in ``_low``, relative to the segment."""
        starts, bits = self._starts, self._bits
        both = family | family << _MAYBE_SHIFT
        lo = _bisect(starts, offset, 0)
        return [starts[k] - offset for k in range(lo, _bisect(starts, offset + length, lo)) if bits[k] & both]
