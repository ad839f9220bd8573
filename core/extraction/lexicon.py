"""The machinery of cue families: words looked up in sets, phrases confirmed by a regex.

Every family (``word_cue``) owns one bit. A segment is tokenised once (``lookup``) or looked up in a
paragraph's ``cue_index.CueIndex``, and answers for all families at once: the bits its words prove
and the bits whose phrase regex must confirm (tried only where a key word of the family starts).
The families themselves are defined in ``cues``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Protocol

from core.extraction.regex_store import compile_regex

_WORD: Final = compile_regex(r"\w+")
_PLAIN: Final = compile_regex(r"^[\wäöüß]+$")
_KEY: Final = compile_regex(r"[\wäöüß]{2,}")


# Every cue family owns one bit; a segment is looked up once and answers for all families.
WORD_BITS: dict[str, int] = {}  # plain word -> families it proves
KEY_BITS: dict[str, int] = {}  # key word of a phrase -> families whose regex must confirm
PREFIX_BITS: dict[str, int] = {}  # 4-letter prefix of a key word -> families whose regex must confirm


WORD_SET: frozenset[str] = frozenset()  # the keys of the three tables, as sets: intersections stay in C
KEY_SET: frozenset[str] = frozenset()
PREFIX_SET: frozenset[str] = frozenset()


@lru_cache(maxsize=512)
def lookup(segment: str) -> Hits:
    """The word bits of a segment tokenised on its own (cached; ``cue_index.CueIndex.hits`` spares most calls)."""
    words = frozenset(_WORD.findall(segment.lower()))
    sure = maybe = 0
    for word in words & WORD_SET:
        sure |= WORD_BITS[word]
    for word in words & KEY_SET:
        maybe |= KEY_BITS[word]
    for prefix in PREFIX_SET.intersection([word[:4] for word in words]):
        maybe |= PREFIX_BITS[prefix]
    return sure, maybe, None, 0


class WordCue:
    """A cue family: single words are looked up in a set, phrases run a regex only when their key word occurs.

    Looking words up is what keeps extraction fast: a dozen alternation regexes per
    clause cost more than the rest of the pipeline together.
    """

    def __init__(self, alternatives: tuple[str, ...], index_only: bool = False) -> None:
        if _sealed:
            raise RuntimeError("cue families are defined at import, before the paragraph scan is built")
        self.bit = 1 << len(FAMILIES)
        FAMILIES.append(self)
        self.words = frozenset(a.lower() for a in alternatives if _PLAIN.match(a))
        phrases = [a for a in alternatives if not _PLAIN.match(a)]
        self.keys = frozenset(_key(a) for a in phrases)
        if phrases:  # compiled when first asked for (``_phrase_regex``): the index tries its own per-key regexes
            PHRASES[self.bit] = phrase_pattern(phrases)
        # The phrases by the first four letters of their key: at a word, only those can match (see _key).
        self.phrase_groups: dict[str, list[str]] = {}
        for phrase in phrases:
            self.phrase_groups.setdefault(_key(phrase)[:4], []).append(phrase)
        self.prefixes = frozenset(k[:4] for k in self.keys if len(k) >= 4)  # "sagt\w*" also matches "sagte"
        for table, entries in ((WORD_BITS, self.words), (KEY_BITS, self.keys), (PREFIX_BITS, self.prefixes)):
            for entry in entries:
                table[entry] = table.get(entry, 0) | self.bit
        global WORD_SET, KEY_SET, PREFIX_SET, INDEX_ONLY  # filled once, at import
        WORD_SET, KEY_SET, PREFIX_SET = frozenset(WORD_BITS), frozenset(KEY_BITS), frozenset(PREFIX_BITS)
        if index_only:
            INDEX_ONLY |= self.bit
        lookup.cache_clear()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """True when the family occurs in ``text[pos:endpos]``."""
        segment = text[pos:endpos] if pos or endpos is not None else text
        return self.found(segment, lookup(segment))

    def found(self, segment: str, hits: Hits) -> bool:
        """True when the family occurs in ``segment``, whose word bits ``hits`` were looked up already."""
        if hits[0] & self.bit:
            return True
        return hits[1] & self.bit != 0 and confirm_families(segment, hits, self.bit, True) != 0


def _key(phrase: str) -> str:
    """The lower-cased first word of a phrase: the phrase can only match where it starts a word.

    A key shorter than 4 letters must end the word (``\\s+`` or ``\\b`` follows): longer words are found by
    their 4-letter prefix only (``PREFIX_BITS``), and ``cue_index.CueIndex.confirm`` tries phrases only there.
    """
    key = _KEY.match(phrase)
    rest = phrase[key.end():] if key else ""
    if key is None or (len(key.group()) < 4 and rest and not rest.startswith(("\\s+", "\\b"))):
        raise ValueError(f"a phrase must start with a whole key word: {phrase!r}")
    return key.group().lower()


FAMILIES: Final[list[WordCue]] = []
# Families whose words only say where another regex may match (``word_cue(..., index_only=True)``):
# ``family_hits`` neither confirms nor reports them, so they cost nothing where they are not asked for.
INDEX_ONLY = 0
PHRASES: Final[dict[int, str]] = {}  # family bit -> the regex of its phrases (case-insensitive), as written
_PHRASE_REGEXES: Final[dict[int, re.Pattern[str]]] = {}


def phrase_pattern(phrases: list[str]) -> str:
    """The regex (to compile case-insensitively) for any of the regex ``phrases`` as whole words."""
    return r"\b(?:" + "|".join(phrases) + r")\b"


def phrase_regexes() -> list[re.Pattern[str]]:
    """Every family's phrase regex, compiled now rather than on first use (so that the build stores them)."""
    return [_phrase_regex(bit) for bit in PHRASES]


def _phrase_regex(bit: int) -> re.Pattern[str]:
    """The compiled regex of a family's phrases (``PHRASES``), compiled on first use: only segments without a
    paragraph index search a family's phrases as a whole, and an import should not pay for them."""
    regex = _PHRASE_REGEXES.get(bit)
    if regex is None:
        regex = _PHRASE_REGEXES[bit] = compile_regex(PHRASES[bit], re.IGNORECASE)
    return regex


_sealed = False  # set once the paragraph scan is built from the tables (``seal``)


class Confirmer(Protocol):
    """What knows where the key words of a stretch of text are (``cue_index.CueIndex``)."""

    def confirm(self, segment: str, offset: int, families: int, first: bool) -> int: ...

    def starts_of(self, offset: int, length: int, family: int) -> list[int]: ...


# A segment's word bits: the families a word proves, those whose phrase regex must confirm, and the
# index that knows where their key words are (with the segment's offset in it), if any.
Hits = tuple[int, int, "Confirmer | None", int]


def seal() -> None:
    """Forbid new cue families: the paragraph scan was built from the tables as they are now."""
    global _sealed
    _sealed = True


def confirm_families(segment: str, hits: Hits, families: int, first: bool = False) -> int:
    """Those of ``families`` (whose key words occur) that their phrase regex confirms in ``segment``."""
    index = hits[2]
    if index is not None:
        return index.confirm(segment, hits[3], families, first)
    found = 0
    while families:
        bit = families & -families
        families ^= bit
        if _phrase_regex(bit).search(segment) is not None:
            found |= bit
            if first:
                break
    return found


def word_cue(*alternatives: str, index_only: bool = False) -> WordCue:
    """A cue family of single words (looked up) and phrases (a regex, tried where their key word starts)."""
    return WordCue(alternatives, index_only)


def family_hits(segment: str, hits: Hits | None = None) -> int:
    """The bits of every cue family that occurs in ``segment`` (one word lookup, regexes only to confirm)."""
    if hits is None:
        hits = lookup(segment)
    return (hits[0] | confirm_families(segment, hits, hits[1] & ~hits[0] & ~INDEX_ONLY)) & ~INDEX_ONLY
