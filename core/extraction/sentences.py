"""Paragraphs and sentences of German minutes, as character spans (clauses: ``clauses``).

Everything here returns ``(start, end)`` offsets into the original text so that
quotes can always be cut out of it verbatim. All scanning is linear: the only
regexes used have no nested quantifiers, and over-long "sentences" (tables,
garbage without punctuation) are cut into bounded chunks so that later stages
never see more than ``MAX_SENTENCE`` characters at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

Span = tuple[int, int]

# Later stages run a dozen regexes per sentence; bounding the length keeps the
# whole pipeline linear even for a megabyte without a single full stop.
MAX_SENTENCE = 1200

_PARA_BREAK = re.compile(r"\n(?:[ \t\f\r]*+\n)++")  # a whole run of blank lines at once
# The first mark of a run only ("......" stays linear); where only full stops occur, it is tried at each
# (_dot_marks) instead of scanning every character. A lone full stop after a one-letter word ("z. B.") or
# after a number of one to three digits ("1. Oktober", "am 13.09. wird") never ends a sentence (see
# _is_boundary): the lookbehinds drop it here, without a Python call per dot.
_END_PUNCT = re.compile(
    r"[.!?](?<![.!?][.!?])"
    r"(?:(?<=\.)(?<!(?<![\w-])[A-Za-zÄÖÜäöüß]\.)(?<!(?<![\w-])\d\.)(?<!(?<![\w-])\d\d\.)(?<!(?<![\w-])\d\d\d\.)"
    r"(?![.!?])|(?<=\.)[.!?]++|(?<=[!?])[.!?]*+"
    # … unless an article or pronoun follows, which no ordinal precedes: "entlang der L 123. Die Verwaltung"
    # (a number after a word, not an enumeration "1. Die Verwaltung prüft" at the start of a line)
    r"|(?:(?<=[^\W\d]\s\d\.)|(?<=[^\W\d]\s\d\d\.)|(?<=[^\W\d]\s\d\d\d\.))"
    r"(?=\s+(?:Der|Die|Das|Er|Sie|Es|Dies|Diese|Dieser|Herr|Frau|Man|Wir)\s))"
    r"[\"“”')\]]*+(?=\s)"
)
_MAX_DOTS = 32  # _dot_marks hands the rest of a line with more full stops to finditer
_AFTER_MARK = frozenset('.!?"“”\')]')  # what can follow an end mark in _END_PUNCT besides white space
_BULLET_START = re.compile(r"\s*(?:[-•*–]\s|\(?\d{1,2}[.)]\s|[a-z]\)\s|TOP\b|Ö\s\d|N\s\d)")
_HEADING_CHARS = frozenset('.:!?;"“”')

# Tokens that end with a full stop without ending the sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset([
    "nr", "abs", "art", "bzw", "ca", "dr", "prof", "gem", "ggf", "vgl", "evtl", "inkl", "einschl", "zzgl", "lfd",
    "str", "st", "bgm", "bspw", "hr", "fr", "mio", "mrd", "tsd", "std", "min", "jh", "jhd", "ff", "sog", "geb",
    "ehem", "max", "rd", "tel", "kap", "fa", "pkt", "az", "drs", "ds", "top", "ziff", "anl", "vors", "stv", "usw",
    "etc", "mind", "sb", "ka", "str", "kta", "ob", "obm", "bm", "ebm", "bmin", "eur", "tlw", "ggü", "u.a", "z.b",
    "d.h", "o.g", "o.a", "i.v", "i.a", "s.o", "s.u", "v.a", "u.u", "z.t", "betr", "bzgl", "allg", "bes", "urspr",
    "ehem", "zz", "zzt", "ausschl", "insb", "insbes", "vs", "od", "ff", "jan", "feb", "febr", "mär", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mo", "di", "mi", "do", "sa", "so", "abschn", "lit", "anh",
    "dipl", "ing", "bauass", "verw", "techn", "tech",
])


def iter_paragraphs(text: str) -> Iterator[Span]:
    """Yield spans of blank-line separated paragraphs (stripped, never empty), lazily."""
    pos = 0
    for match in _PARA_BREAK.finditer(text):
        span = _strip(text, pos, match.start())
        if span:
            yield span
        pos = match.end()
    span = _strip(text, pos, len(text))
    if span:
        yield span


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
        line = _strip(text, start, stop)
        lines: Iterable[Span] = (line,) if line else ()
    else:
        lines = _logical_lines(text, start, stop)
    for line_start, line_end in lines:
        if line_end - line_start >= min_chars:
            _split_line(text, line_start, line_end, spans, min_chars)
    return spans


def _logical_lines(text: str, start: int, stop: int) -> Iterator[Span]:
    """Join wrapped lines; break where a line is a heading, a list item or complete."""
    seg_start = pos = start
    find = text.find
    width = -1  # the longest line of the paragraph, measured when a short line needs it
    while True:
        nl = find("\n", pos, stop)
        if nl < 0:
            break
        short = nl - pos < 60 or len(text[pos:nl].strip()) < 60
        if short and width < 0:
            width = _longest_line(text, start, stop)
        if nl - pos >= _WRAPPED_MIN and _continues(text, pos, nl, stop):
            pass  # "… für die⏎28. Kalenderwoche", "… 23/SVV/0494“⏎und 7.2 …": the sentence goes on
        # Short lines (the common case in tables and headings) break without any regex work, unless
        # the paragraph is hard-wrapped and the next word would not have fitted on the line.
        elif (
            (short and not _wrapped_short_line(text, pos, nl, stop, width))
            or (text[pos:nl].rstrip()[-1:] in _HEADING_CHARS and not _wrapped_after_dot(text, pos, nl, stop))
            or _BULLET_START.match(text, nl + 1, min(stop, nl + 9))
        ):
            span = _strip(text, seg_start, nl)
            if span:
                yield span
            seg_start = nl + 1
        pos = nl + 1
    span = _strip(text, seg_start, stop)
    if span:
        yield span


_WRAPPED_MIN = 24  # a wrapped line is longer than this; shorter ones (table cells, list words) are not judged
# Words a heading or a complete line never ends with: the line was wrapped inside its sentence.
_OPEN_ENDINGS = frozenset([
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
    "sowie", "für", "mit", "von", "vom", "zu", "zur", "zum", "im", "in", "an", "am", "auf", "aus", "bei", "nach",
    "über", "unter", "vor", "durch", "als", "dass", "daß", "ob", "wie", "sei", "ist", "sind", "wird", "werden",
    "werde", "hat", "haben", "kann", "soll", "muss", "nicht", "noch", "auch", "bis", "seit", "gegen", "ohne",
])


def _continues(text: str, pos: int, nl: int, stop: int) -> bool:
    """Whether a line certainly goes on in the next one: it ends in an article, preposition, conjunction,
    auxiliary or ordinal, or the next line starts in lower case (no sentence does; "a) …" is a list item)."""
    line = text[pos:nl].rstrip()
    last = line[line.rfind(" ") + 1:]
    if last in _OPEN_ENDINGS or (2 <= len(last) <= 4 and last[-1] == "." and last[:-1].isdigit()):
        return True  # (an ordinal, "für die 28.⏎Kalenderwoche", never ends a long line's sentence)
    nxt = _skip_space(text, nl + 1, stop)
    return nxt < stop and text[nxt].islower() and not _BULLET_START.match(text, nl + 1, min(stop, nl + 9))


def _longest_line(text: str, start: int, stop: int) -> int:
    """The length of the longest line in ``text[start:stop]`` (characters)."""
    longest, pos = 0, start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        end = stop if nl < 0 else nl
        longest = max(longest, end - pos)
        pos = end + 1
    return longest


def _wrapped_short_line(text: str, pos: int, nl: int, stop: int, width: int) -> bool:
    """Whether a short line of a hard-wrapped paragraph only ended because its next word was too long.

    PDF text wrapped at about 78 columns ends a line early before "Kooperationsvereinbarung": the line
    plus that word would exceed the paragraph's longest line. A heading ("TOP 3 Bericht") or a table
    row leaves room for the next word and still breaks; a line ending in a full stop continues only
    where the stop does not end the sentence ("… Tagesordnungspunkte 7.1 „3.⏎Obergeschoss").
    """
    if width < 60:
        return False  # no line of the paragraph is long: headings, tables, one sentence per line
    line = text[pos:nl].rstrip()
    if not line or (line[-1] in _HEADING_CHARS and not _wrapped_after_dot(text, pos, nl, stop)):
        return False
    nxt = _skip_space(text, nl + 1, stop)
    space = text.find(" ", nxt, min(stop, nxt + 60))
    word_end = text.find("\n", nxt, space if space >= 0 else min(stop, nxt + 60))
    end = word_end if word_end >= 0 else (space if space >= 0 else min(stop, nxt + 60))
    return len(line) + 1 + (end - nxt) > width


def _wrapped_after_dot(text: str, pos: int, nl: int, stop: int) -> bool:
    """Whether a long line ending in a full stop was only wrapped there (hard-wrapped PDF text).

    "… für die 28.⏎Kalenderwoche" (an ordinal or abbreviation before the dot) and "… des Amtes.⏎und"
    (a lower-case continuation, which no sentence starts with) continue the sentence.
    """
    line = text[pos:nl].rstrip()
    if not line.endswith(".") or line.endswith(".."):
        return False
    nxt = _next_char(text, nl + 1, stop)
    if nxt.islower():
        return True
    word = _word_before(text, pos + len(line) - 1)
    return (word.isdigit() and len(word) <= 3) or word.lower() in ABBREVIATIONS


def _split_line(text: str, start: int, end: int, out: list[Span], min_chars: int) -> None:
    sent_start = start
    dots_only = text.find("!", start, end) < 0 and text.find("?", start, end) < 0  # the common line
    for match in _dot_marks(text, start, end) if dots_only else _END_PUNCT.finditer(text, start, end):
        mark, after = match.span()
        if text[mark] == "." and not _is_boundary(text, mark, after, end):
            continue
        _emit(text, sent_start, after, out, min_chars)
        sent_start = after
    _emit(text, sent_start, end, out, min_chars)


def _dot_marks(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_END_PUNCT.finditer`` on a line whose only marks are full stops, without its per-character scan.

    str.find jumps from dot to dot in C; the regex (whose lookbehinds see the text before ``dot`` all
    the same) is tried only at a dot followed by a mark, quote or space, unlike "13.09.2023" or "z.B.".
    """
    dot = text.find(".", start, end)
    left = _MAX_DOTS
    while dot >= 0:
        if not left:  # a table or ". . .": finditer's C loop is faster through dense marks
            yield from _END_PUNCT.finditer(text, dot, end)
            return
        left -= 1
        nxt = text[dot + 1:dot + 2] if dot + 1 < end else ""
        match = _END_PUNCT.match(text, dot, end) if nxt in _AFTER_MARK or nxt.isspace() else None
        if match is not None:
            yield match
        dot = text.find(".", dot + 1 if match is None else match.end(), end)


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    if after - dot > 1 and text[dot:after].startswith(".."):
        return True  # an ellipsis "..." ends the sentence as far as we care
    word = _word_before(text, dot)
    if not word:
        return True
    low = word.lower()
    if low in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    # "z. B." / "d. h." / "u. a.": a one-letter token before the dot
    if dot >= 2 and text[dot - 2] in " (" and text[dot - 1].isalpha():
        return False
    nxt = _next_char(text, after, end)
    if word.isdigit():
        # "1. Oktober", "am 13.09. wird", "5. Sitzung": ordinals do not end sentences,
        # but a year ("… im Jahr 2023. Danach …") does.
        # An ordinal precedes a noun or month, never an article or pronoun: "… der L 123. Die Verwaltung …" ends.
        return nxt.isupper() and (len(word) == 4 or _SENTENCE_OPENER.match(text, _skip_space(text, after, end))
                                  is not None)
    return not nxt or nxt.isupper() or nxt.isdigit() or nxt in "„\"“(-–•"


_SENTENCE_OPENER = re.compile(
    r"(?:Der|Die|Das|Dem|Den|Des|Ein|Eine|Einer|Er|Sie|Es|Dies|Diese|Dieser|Dieses|Herr|Frau|Man|Wir|Hierzu"
    r"|Dazu|Außerdem|Weiter|Zudem|Ferner)\b"
)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _word_before(text: str, dot: int) -> str:
    """The run of word characters and hyphens (at most 24) that ends at ``dot``."""
    lo = max(0, dot - 24)
    # Most words follow a space and have no hyphen: str methods check that in C, not per character.
    space = text.rfind(" ", lo, dot)
    word = text[space + 1 if space >= 0 else lo:dot]
    if word.isalnum() or not word:  # (empty: a space or the start of the text right before the dot)
        return word
    i = dot
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_-"):
        i -= 1
    return text[i:dot]


def _next_char(text: str, pos: int, end: int) -> str:
    pos = _skip_space(text, pos, end)
    return text[pos] if pos < end else ""


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
        piece = _strip(text, start, cut)
        if piece and piece[1] - piece[0] >= min_chars:
            out.append(piece)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end - start >= min_chars and start < end:
        out.append((start, end))


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
