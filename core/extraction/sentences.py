"""Paragraphs and sentences of German minutes, as character spans (lines: ``lines``; clauses: ``clauses``).

Everything here returns ``(start, end)`` offsets into the original text so that
quotes can always be cut out of it verbatim. All scanning is linear: the only
regexes used have no nested quantifiers, and over-long "sentences" (tables,
garbage without punctuation) are cut into bounded chunks so that later stages
never see more than ``MAX_SENTENCE`` characters at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from core.extraction.lines import ABBREVIATIONS, Span, logical_lines, next_char, skip_space, strip_span, word_before
from core.extraction.pattern_forms import is_word_char
from core.extraction.regex_store import compile_regex

# Later stages run a dozen regexes per sentence; bounding the length keeps the
# whole pipeline linear even for a megabyte without a single full stop.
MAX_SENTENCE: Final = 1200

# A whole run of blank lines at once (the tests hold ``_break_end``, which finds it, to this regex).
_PARA_BREAK: Final = compile_regex(r"\n(?:[ \t\f\r]*+\n)++")
# The first mark of a run only ("......" stays linear); it is tried at each mark (_end_marks) instead of
# scanning every character. A lone full stop after a one-letter word ("z. B.") or
# after a number of one to three digits ("1. Oktober", "am 13.09. wird") never ends a sentence (see
# _is_boundary): the lookbehinds drop it here, without a Python call per dot.
_END_PUNCT: Final = compile_regex(
    r"[.!?](?<![.!?][.!?])"
    r"(?:(?<=\.)(?<!(?<![\w-])[A-Za-zÄÖÜäöüß]\.)(?<!(?<![\w-])\d\.)(?<!(?<![\w-])\d\d\.)(?<!(?<![\w-])\d\d\d\.)"
    r"(?![.!?])|(?<=\.)[.!?]++|(?<=[!?])[.!?]*+"
    # … unless an article or pronoun follows, which no ordinal precedes: "entlang der L 123. Die Verwaltung"
    # (a number after a word, not an enumeration "1. Die Verwaltung prüft" at the start of a line)
    r"|(?:(?<=[^\W\d]\s\d\.)|(?<=[^\W\d]\s\d\d\.)|(?<=[^\W\d]\s\d\d\d\.))"
    r"(?=\s+(?:Der|Die|Das|Er|Sie|Es|Dies|Diese|Dieser|Herr|Frau|Man|Wir)\s))"
    r"[\"“”')\]]*+(?=\s)"
)
_MAX_DOTS: Final = 32  # _end_marks hands the rest of a line with more marks to finditer
_AFTER_MARK: Final = frozenset('.!?"“”\')]')  # what can follow an end mark in _END_PUNCT besides white space
def iter_paragraphs(text: str) -> Iterator[Span]:
    """Yield spans of blank-line separated paragraphs (stripped, never empty), lazily."""
    pos = 0
    nl = text.find("\n")
    while nl >= 0:
        brk = _break_end(text, nl)
        if brk < 0:
            nl = text.find("\n", nl + 1)
            continue
        span = strip_span(text, pos, nl)
        if span:
            yield span
        pos = brk
        nl = text.find("\n", brk)
    span = strip_span(text, pos, len(text))
    if span:
        yield span


def _break_end(text: str, nl: int) -> int:
    """Where the match of ``_PARA_BREAK`` at the line break ``nl`` ends, else -1: the regex tried only at line
    breaks, found by str.find (its search would test every character for one)."""
    end = -1
    pos = nl + 1
    while True:
        while pos < len(text) and text[pos] in " \t\f\r":
            pos += 1
        if pos >= len(text) or text[pos] != "\n":
            return end
        pos += 1
        end = pos


def iter_sentence_blocks(text: str, min_chars: int, block_chars: int) -> Iterator[tuple[int, int, list[Span]]]:
    """The sentences of at least ``min_chars`` characters, in blocks of whole paragraphs of about
    ``block_chars`` characters: ``(block start, block end, sentences)``, lazily."""
    block: list[Span] = []
    for paragraph in iter_paragraphs(text):
        if paragraph[1] - paragraph[0] < min_chars:
            continue
        block.append(paragraph)
        if paragraph[1] - block[0][0] >= block_chars:
            yield block[0][0], paragraph[1], [x for a, b in block for x in split_sentences(text, a, b, min_chars)]
            block = []
    if block:
        yield block[0][0], block[-1][1], [x for a, b in block for x in split_sentences(text, a, b, min_chars)]


def split_sentences(text: str, start: int = 0, end: int | None = None, min_chars: int = 1) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans.

    A line break ends a sentence when the line looks complete (ends in punctuation),
    is short (a heading such as "Beschluss:" or "TOP 3 Bericht"), or the next line
    starts a list item. Inside lines a full stop ends a sentence unless it follows an
    abbreviation, an initial, an ordinal number ("1. Oktober") or a date part.
    Sentences shorter than ``min_chars`` are left out (lines that short are not even split).
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    if text.find("\n", start, stop) < 0:  # one line, the common paragraph: no joining to do
        line = strip_span(text, start, stop)
        lines: Iterable[Span] = (line,) if line else ()
    else:
        lines = logical_lines(text, start, stop)
    for line_start, line_end in lines:
        if line_end - line_start >= min_chars:
            _split_line(text, line_start, line_end, spans, min_chars)
    return spans


def _split_line(text: str, start: int, end: int, out: list[Span], min_chars: int) -> None:
    sent_start = start
    for mark, after in _end_marks(text, start, end):
        if text[mark] == "." and not _is_boundary(text, mark, after, end):
            continue
        _emit(text, sent_start, after, out, min_chars)
        sent_start = after
    _emit(text, sent_start, end, out, min_chars)


def _end_marks(text: str, start: int, end: int) -> Iterator[Span]:
    """The spans of ``_END_PUNCT.finditer(text, start, end)`` without its per-character scan (a character-set
    test at each).

    Every match starts at a ".", "!" or "?": str.find jumps from mark to mark in C, and the regex (whose
    lookbehinds see the text before the mark all the same) is tried only at a mark followed by a mark, quote
    or space, unlike "13.09.2023" or "z.B.". The commonest mark is not even tried: a full stop after a word
    of two or more characters ending in a letter, before white space, is a match of that one character (no
    lookbehind of the pattern can hold there), and a regex call costs more than the whole sentence's test.
    """
    dot, bang, ask = text.find(".", start, end), text.find("!", start, end), text.find("?", start, end)
    left = _MAX_DOTS
    while dot >= 0 or bang >= 0 or ask >= 0:
        mark = _first_found(_first_found(dot, bang), ask)
        if not left:  # a table or ". . .": finditer's C loop is faster through dense marks
            for dense in _END_PUNCT.finditer(text, mark, end):
                yield dense.span()
            return
        left -= 1
        nxt = text[mark + 1:mark + 2] if mark + 1 < end else ""
        pos = mark + 1
        if nxt.isspace() and mark >= 2 and text[mark] == "." and text[mark - 1].isalpha() \
                and is_word_char(text[mark - 2]):
            yield mark, pos
        elif nxt in _AFTER_MARK or nxt.isspace():
            match = _END_PUNCT.match(text, mark, end)
            if match is not None:
                pos = match.end()
                yield mark, pos
        if 0 <= dot < pos:
            dot = text.find(".", pos, end)
        if 0 <= bang < pos:
            bang = text.find("!", pos, end)
        if 0 <= ask < pos:
            ask = text.find("?", pos, end)


def _first_found(a: int, b: int) -> int:
    """The smaller of two ``str.find`` results that are not -1 (-1 when both are)."""
    return b if a < 0 or 0 <= b < a else a


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    if after - dot > 1 and text[dot:after].startswith(".."):
        return True  # an ellipsis "..." ends the sentence as far as we care
    word = word_before(text, dot)
    if not word:
        return True
    low = word.lower()
    if low in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    # "z. B." / "d. h." / "u. a.": a one-letter token before the dot
    if dot >= 2 and text[dot - 2] in " (" and text[dot - 1].isalpha():
        return False
    nxt = next_char(text, after, end)
    if word.isdigit():
        # "1. Oktober", "am 13.09. wird", "5. Sitzung": ordinals do not end sentences,
        # but a year ("… im Jahr 2023. Danach …") does.
        # An ordinal precedes a noun or month, never an article or pronoun: "… der L 123. Die Verwaltung …" ends.
        return nxt.isupper() and (len(word) == 4 or _SENTENCE_OPENER.match(text, skip_space(text, after, end))
                                  is not None)
    return not nxt or nxt.isupper() or nxt.isdigit() or nxt in "„\"“(-–•"


_SENTENCE_OPENER: Final = compile_regex(
    r"(?:Der|Die|Das|Dem|Den|Des|Ein|Eine|Einer|Er|Sie|Es|Dies|Diese|Dieser|Dieses|Herr|Frau|Man|Wir|Hierzu"
    r"|Dazu|Außerdem|Weiter|Zudem|Ferner)\b"
)


def _emit(text: str, start: int, end: int, out: list[Span], min_chars: int) -> None:
    """Append the stripped span (if at least ``min_chars`` long), cut into pieces of ``MAX_SENTENCE``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # Bound the length: cut over-long runs at the last space before the limit.
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        piece = strip_span(text, start, cut)
        if piece and piece[1] - piece[0] >= min_chars:
            out.append(piece)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end - start >= min_chars and start < end:
        out.append((start, end))


