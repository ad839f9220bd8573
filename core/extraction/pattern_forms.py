"""Regex and substring forms that ``re`` runs fast, for the rules' patterns and pre-checks.

Most of extraction's time goes into the regex engine, which starts a match attempt at every character a
pattern could start with. These builders write patterns so that it can skip ahead (``word_start``: literal
first letters with the word boundary checked behind them; ``trie``: shared prefixes tried once;
``first_letter_groups``), and the tests here answer in C whether a pattern is worth trying at all
(``contains_any``, ``has_digit``). ``NOT_WORD_LATIN1`` is the character class the word scans start with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from core.extraction import native
from core.extraction.regex_store import compile_regex


def _ranges(codes: list[int]) -> str:
    """A character class body for the sorted code points: runs written as ranges ("0-9A-Z_a-z…"), which
    ``re`` compiles much faster than the characters one by one."""
    parts, start = [], 0
    while start < len(codes):
        end = start
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        first, last = re.escape(chr(codes[start])), re.escape(chr(codes[end]))
        parts.append(first if start == end else f"{first}-{last}")
        start = end + 1
    return "".join(parts)


# The Latin-1 word characters negated: a word start searched as "<this class><word>" lets re skip the
# positions inside words with a bitmap test in its C loop, twice as fast as "\W" (a Unicode category
# lookup per character) or a leading "\b" (a match attempt per character). It also admits the word
# characters beyond Latin-1 ("ğ", "Ω"): a match that starts at one of those is skipped
# (``beyond_latin1_word``).
NOT_WORD_LATIN1: Final = "[^" + _ranges([c for c in range(256) if chr(c).isalnum() or chr(c) == "_"]) + "]"


# "\b" before a word whose first character is an ASCII letter, and after one whose last character is, in a form
# that ``re`` checks fast: the ASCII boundary ``(?a:\b)`` is a table lookup, where the Unicode "\b" asks the
# Unicode database about both neighbours at every position tried. The look-around adds the Unicode condition
# only where the ASCII boundary holds; together they are exactly "\b" there (a test holds them to it).
BOUNDARY_BEFORE_ASCII: Final = r"(?a:\b)(?<!\w)"
BOUNDARY_AFTER_ASCII: Final = r"(?a:\b)(?!\w)"


# The class [a-zäöüß] of the rules' patterns, as a set of characters.
LOWER_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")


def is_word_char(char: str) -> bool:
    """``\\w`` for one character of a str pattern: alphanumeric or "_"."""
    return char.isalnum() or char == "_"


def beyond_latin1_word(char: str) -> bool:
    """Whether ``char`` is a word character (``\\w``) that ``NOT_WORD_LATIN1`` lets through."""
    return char > "\xff" and (char.isalnum() or char == "_")


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
    return compile_regex(trie((), words, rest=""))


# The C helpers (``_needles.c``, ``_words.c``) with the build, bound once. They scan a text once for all the words,
# where ``in`` scans it once per word (and copies each word first when the text holds characters beyond Latin-1).
_C_CONTAINS_ANY: Final[Any] = getattr(native.c_helpers(), "contains_any", None)
_C_PRESENT_MASK: Final[Any] = getattr(native.c_helpers(), "present_mask", None)
_C_REMOVE_WORDS: Final[Any] = getattr(native.c_helpers(), "remove_words", None)
_C_SPACED_WORDS: Final[Any] = getattr(native.c_helpers(), "spaced_words", None)
_C_PADDED_LOWER: Final[Any] = getattr(native.c_helpers(), "padded_lower", None)
_C_STARTS_WITH_ANY: Final[Any] = getattr(native.c_helpers(), "starts_with_any", None)
_C_ENDS_WITH_ANY: Final[Any] = getattr(native.c_helpers(), "ends_with_any", None)


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``text``, inside words too (case as written); at most 64 words.

    Without the build, one ``in`` test per word: a dozen of them (CPython's substring search) cost half of
    one trie search (``substrings``), whose engine starts a match attempt at every character that begins
    one of the words: most letters of German text, for a few dozen words.
    """
    if _C_CONTAINS_ANY is not None:
        found: bool = _C_CONTAINS_ANY(text, words)
        return found
    return any(word in text for word in words)


def contains_any_in(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of ``words`` occurs in ``text[start:end]`` (without slicing it); at most 64 words."""
    if _C_CONTAINS_ANY is not None:
        found: bool = _C_CONTAINS_ANY(text, words, start, end)
        return found
    return any(text.find(word, start, end) >= 0 for word in words)


def present_mask(text: str, words: tuple[str, ...]) -> int:
    """Which of ``words`` occur in ``text`` (inside words too, case as written): bit k for ``words[k]``; at most
    62 words (a machine integer of compiled code). One scan of the text for all of them, with the build."""
    if _C_PRESENT_MASK is not None:
        found: int = _C_PRESENT_MASK(text, words)
        return found
    mask = 0
    for k, word in enumerate(words):
        if word in text:
            mask |= 1 << k
    return mask


def word_masks(groups: list[tuple[str, ...]]) -> tuple[tuple[str, ...], list[int]]:
    """The distinct words of ``groups`` (for ``present_mask``) and, for each group, the mask of its words."""
    words = tuple(dict.fromkeys(word for group in groups for word in group))
    if len(words) > 62:
        raise ValueError(f"{len(words)} words: present_mask takes at most 62")
    index = {word: k for k, word in enumerate(words)}
    return words, [sum(1 << index[word] for word in set(group)) for group in groups]


def remove_words(text: str, words: tuple[str, ...], plain: re.Pattern[str]) -> str:
    """``plain.sub("", text)``, where ``plain`` removes ``words`` (word characters only, at most 64) as whole words
    with the white space after each (``\\b(?:w1|w2|…)\\b\\s*``): with the build, one C scan that compares each
    word of the text with those of the same first character, where the regex is tried at every word boundary."""
    if _C_REMOVE_WORDS is not None:
        result: str = _C_REMOVE_WORDS(text, words)
        return result
    return plain.sub("", text)


def spaced_words(text: str) -> int:
    """How many words ``text`` has when single spaces alone separate them (then ``" ".join(text.split())`` is
    ``text``), else -1 (always -1 without the build: the caller then splits)."""
    if _C_SPACED_WORDS is not None:
        count: int = _C_SPACED_WORDS(text)
        return count
    return -1


def starts_with_any(text: str, prefixes: tuple[str, ...]) -> bool:
    """``text.startswith(prefixes)``. With the build, most prefixes are turned away at their first character;
    str.startswith calls a bounds-checking comparison for each (a tenth of the time of the discourse state)."""
    if _C_STARTS_WITH_ANY is not None:
        found: bool = _C_STARTS_WITH_ANY(text, prefixes)
        return found
    return text.startswith(prefixes)


def ends_with_any(text: str, suffixes: tuple[str, ...]) -> bool:
    """``text.endswith(suffixes)``; with the build, most suffixes are turned away at their last character."""
    if _C_ENDS_WITH_ANY is not None:
        found: bool = _C_ENDS_WITH_ANY(text, suffixes)
        return found
    return text.endswith(suffixes)


def padded_lower(text: str, start: int, end: int) -> str:
    """``" " + text[start:end].lower() + " "``, or "" where a character lowers to more than one ("İ"): the offsets
    of the lower case then no longer match the text's. With the build, a table for Latin-1 instead of the
    Unicode case tables that ``str.lower`` consults for every character beyond ASCII (over half of the index's time).
    """
    if _C_PADDED_LOWER is not None:
        lowered: str = _C_PADDED_LOWER(text, start, end)
        return lowered
    low = " " + text[start:end].lower() + " "
    return low if len(low) == len(text[start:end]) + 2 else ""


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
