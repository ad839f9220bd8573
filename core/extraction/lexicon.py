"""The machinery of cue families: words looked up in sets, phrases confirmed by a regex.

Every family (``word_cue``) owns one bit. A segment is tokenised once (``lookup``) or looked up in a
paragraph's ``cue_index.CueIndex``, and answers for all families at once: the bits its words prove
and the bits whose phrase regex must confirm (tried only where a key word of the family starts).
The families themselves are defined in ``cues``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final, Protocol

_WORD: Final = re.compile(r"\w+")
# The Latin-1 word characters negated: a word start searched as "<this class><word>" lets re skip the
# positions inside words with a bitmap test in its C loop, twice as fast as "\W" (a Unicode category
# lookup per character) or a leading "\b" (a match attempt per character). It also admits the word
# characters beyond Latin-1 ("ğ", "Ω"): a match that starts at one of those is skipped
# (``beyond_latin1_word``).
NOT_WORD_LATIN1: Final = "[^" + "".join(chr(c) for c in range(256) if chr(c).isalnum() or chr(c) == "_") + "]"


def beyond_latin1_word(char: str) -> bool:
    """Whether ``char`` is a word character (``\\w``) that ``NOT_WORD_LATIN1`` lets through."""
    return char > "\xff" and (char.isalnum() or char == "_")


_PLAIN: Final = re.compile(r"^[\wäöüß]+$")
_KEY: Final = re.compile(r"[\wäöüß]{2,}")


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
        self.regex = re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE) if phrases else None
        if self.regex is not None:
            PHRASES[self.bit] = self.regex
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
PHRASES: Final[dict[int, re.Pattern[str]]] = {}  # family bit -> the regex of its phrases
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
        if PHRASES[bit].search(segment) is not None:
            found |= bit
            if first:
                break
    return found


def trie(words: Iterable[str], prefixes: Iterable[str] = (), rest: str = r"\w*") -> str:
    """A regex for one of ``words`` (ending a word there) or one of ``prefixes`` followed by ``rest``.

    The alternation is factored by common prefixes, so the engine tries one branch per letter
    instead of every entry in turn. With ``rest=""`` a prefix ends the match where it ends.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for entries, mark in ((words, "$"), (prefixes, "*")):
        for entry in entries:
            node = tree
            for char in entry:
                node = node.setdefault(char, {})
            node[mark] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        if "*" in node and not rest:
            return ""  # an entry ends here: longer ones need not be tried
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char not in "$*"]
        if "*" in node:
            branches.append(rest)  # the rest of a longer word (also ends a word of the list here)
        elif "$" in node:
            branches.append(r"(?!\w)")  # the word ends here
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


def substrings(*words: str) -> re.Pattern[str]:
    """A regex that matches where one of ``words`` occurs anywhere, inside words too (case as written).

    One search of a trie: for forty-odd words with few first letters it beats ``contains_any``.
    """
    return re.compile(trie((), words, rest=""))


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``text``, inside words too (case as written).

    Compiled, a dozen ``in`` tests (CPython's substring search, a few instructions per character) cost
    half of one trie search (``substrings``), whose engine starts a match attempt at every character that
    begins one of the words: most letters of German text, for a few dozen words.
    """
    return any(word in text for word in words)


def has_digit(text: str) -> bool:
    """Whether ``text`` contains a digit 0-9.

    Ten single-character ``in`` tests (memchr in C) cost a fifth of a ``\\d`` search, which asks the Unicode
    database about every character. Minutes write their numbers in ASCII digits; a digit of another script
    ("٣") alone never makes a time expression worth reading.
    """
    return any(digit in text for digit in "0123456789")


# Where the case forms of Latin letters lie: Latin and its extensions, Greek (µ), the letterlike symbols
# (K Kelvin, Å Ångström). A test holds this to the whole Basic Multilingual Plane for German letters.
_CASE_RANGES: Final = ((0x0000, 0x0250), (0x0370, 0x0400), (0x1E00, 0x1F00), (0x2100, 0x2150))
_CASE_CANDIDATES: Final = "".join(chr(code) for low, high in _CASE_RANGES for code in range(low, high))


def case_forms(letter: str, candidates: str = _CASE_CANDIDATES) -> str:
    """The characters that ``letter`` matches under ``re.IGNORECASE`` ("s": "Ssſ", "k": "KkK"), sorted."""
    return "".join(sorted(set(re.findall(re.escape(letter), candidates, re.IGNORECASE))))


def word_start(alternatives: Iterable[str], ignorecase: bool = False, exact: Iterable[str] = ()) -> str:
    """``\\b(?:a|b|…)`` for regex ``alternatives`` that each start with a literal letter, written so that ``re``
    searches it fast: every alternative starts with its first letter and checks the word boundary behind it
    ("w(?<!\\ww)ird…" for "\\bwird…", a plain word behind its whole literal: "wird(?<!\\wwird)"). A leading
    "\\b" makes ``re`` try the whole alternation at every character; this form lets it skip ahead.
    ``ignorecase``: the alternatives match in any case (the rest scoped ``(?i:…)``, the first letter as each of
    its case forms), in a case-sensitive pattern; ``exact`` alternatives follow them, matched as written.

    Alternatives keep their order; those with different first letters cannot match at the same place.
    """
    # Grouped by first letter (in the order of first appearance, the alternatives' order kept within a group):
    # at a letter re then tries one group, not every alternative that starts with it.
    groups: dict[str, list[str]] = {}
    for alternative, any_case in [*((a, ignorecase) for a in alternatives), *((a, False) for a in exact)]:
        first, rest = alternative[0], alternative[1:]
        if not first.isalpha():
            raise ValueError(f"an alternative must start with a letter: {alternative!r}")
        for form in case_forms(first) if any_case else first:
            groups.setdefault(form, []).append(f"(?i:{rest})" if any_case and rest else rest)
    branches = []
    for first, rests in groups.items():
        letter = re.escape(first)
        if len(rests) == 1 and (first + rests[0]).isalpha():  # a plain word: its whole literal, then the boundary
            branches.append(f"{first}{rests[0]}(?<!\\w{first}{rests[0]})")
        else:
            branches.append(f"{letter}(?<!\\w{letter})" + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})"))
    return "(?:" + "|".join(branches) + ")"


def first_letter_groups(alternatives: tuple[str, ...]) -> str:
    """One non-capturing alternation of regex ``alternatives``, grouped by their first letter.

    Every alternative must start with a literal letter. ``re`` then tries one group per letter at
    each position instead of every alternative in turn; the order within a group is kept.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not alternative[:1].isalpha():
            raise ValueError(f"an alternative must start with a letter: {alternative!r}")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(
        letter + ("(?:" + "|".join(rests) + ")" if len(rests) > 1 else rests[0]) for letter, rests in groups.items()
    ) + ")"


def word_cue(*alternatives: str, index_only: bool = False) -> WordCue:
    """A cue family of single words (looked up) and phrases (a regex, tried where their key word starts)."""
    return WordCue(alternatives, index_only)


def family_hits(segment: str, hits: Hits | None = None) -> int:
    """The bits of every cue family that occurs in ``segment`` (one word lookup, regexes only to confirm)."""
    if hits is None:
        hits = lookup(segment)
    return (hits[0] | confirm_families(segment, hits, hits[1] & ~hits[0] & ~INDEX_ONLY)) & ~INDEX_ONLY
