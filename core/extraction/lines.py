"""Logical lines of a paragraph: hard-wrapped lines joined, headings, list items and complete lines kept apart.

PDF text arrives wrapped at some width; a sentence must not end where only the line did, and a heading
must not run into the sentence after it. Also the small character helpers that ``sentences`` shares.
All offsets index the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from core.extraction.patterns import NEW_ITEM
from core.extraction.regex_store import compile_regex

Span = tuple[int, int]

_BULLET_START: Final = compile_regex(r"\s*(?:[-•*–]\s|\(?\d{1,2}[.)]\s|[a-z]\)\s|TOP\b|Ö\s\d|N\s\d)")
_HEADING_CHARS: Final = frozenset('.:!?;"“”')

# Tokens that end with a full stop without ending the sentence (lower-cased, without the dot).
ABBREVIATIONS: Final = frozenset([
    "nr", "abs", "art", "bzw", "ca", "dr", "prof", "gem", "ggf", "vgl", "evtl", "inkl", "einschl", "zzgl", "lfd",
    "str", "st", "bgm", "bspw", "hr", "fr", "mio", "mrd", "tsd", "std", "min", "jh", "jhd", "ff", "sog", "geb",
    "ehem", "max", "rd", "tel", "kap", "fa", "pkt", "az", "drs", "ds", "top", "ziff", "anl", "vors", "stv", "usw",
    "etc", "mind", "sb", "ka", "str", "kta", "ob", "obm", "bm", "ebm", "bmin", "eur", "tlw", "ggü", "u.a", "z.b",
    "d.h", "o.g", "o.a", "i.v", "i.a", "s.o", "s.u", "v.a", "u.u", "z.t", "betr", "bzgl", "allg", "bes", "urspr",
    "ehem", "zz", "zzt", "ausschl", "insb", "insbes", "vs", "od", "ff", "jan", "feb", "febr", "mär", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mo", "di", "mi", "do", "sa", "so", "abschn", "lit", "anh",
    "dipl", "ing", "bauass", "verw", "techn", "tech",
])


def logical_lines(text: str, start: int, stop: int) -> Iterator[Span]:
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
            or _long_heading(text, pos, nl, stop)
        ):
            span = strip_span(text, seg_start, nl)
            if span:
                yield span
            seg_start = nl + 1
        pos = nl + 1
    span = strip_span(text, seg_start, stop)
    if span:
        yield span


def _long_heading(text: str, pos: int, nl: int, stop: int) -> bool:
    """Whether a long line is a numbered agenda heading, followed by a line that starts in upper case.

    Long lines are otherwise taken as wrapped, but "10.2 Anfrage der FDP-Fraktion zu Leerständen in der
    Innenstadt⏎Die Beantwortung …" is a heading. (A heading wrapped before a noun breaks too: headings
    state no commitment, while a heading joined to the sentence after it would spoil that sentence's quote.
    One wrapped inside brackets or quotes goes on.)
    """
    if NEW_ITEM.match(text, pos, nl) is None:  # "10.2 Anfrage …", "TOP 5 …", "Zu Punkt 3 …", "Ö 4 …"
        return False
    line = text[pos:nl]
    if line.count("(") > line.count(")") or line.count("„") > line.count("“") + line.count('"'):
        return False
    nxt = skip_space(text, nl + 1, stop)
    return nxt < stop and text[nxt].isupper()


_WRAPPED_MIN: Final = 24  # a wrapped line is longer than this; shorter ones (table cells, list words) are not judged
# Words a heading or a complete line never ends with: the line was wrapped inside its sentence.
_OPEN_ENDINGS: Final = frozenset([
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
    nxt = skip_space(text, nl + 1, stop)
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
    nxt = skip_space(text, nl + 1, stop)
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
    nxt = next_char(text, nl + 1, stop)
    if nxt.islower():
        return True
    word = word_before(text, pos + len(line) - 1)
    return (word.isdigit() and len(word) <= 3) or word.lower() in ABBREVIATIONS


def skip_space(text: str, pos: int, end: int) -> int:
    """The first offset at or after ``pos`` (before ``end``) that is not white space, else ``end``."""
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def word_before(text: str, dot: int) -> str:
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


def next_char(text: str, pos: int, end: int) -> str:
    """The first character at or after ``pos`` that is not white space ("" if none before ``end``)."""
    pos = skip_space(text, pos, end)
    return text[pos] if pos < end else ""


def strip_span(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without white space at either end, as a span; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
