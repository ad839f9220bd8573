"""Text clean-up shared by the readers: characters, hyphenation, running headers, page joining.

Every function is pure (str in, str out) so each step can be tested on its own and the
readers stay a simple pipeline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# pdfium reports a hyphen it saw at a line end as U+FFFE (get_text_range) or \x02 (get_text_bounded)
# and then drops the line break, so the marker stands for "hyphen + line break".
_LINE_END_HYPHEN = re.compile("[\ufffe\x02][ \t]*\n?")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("[" + "".join(_LIGATURES) + "]")  # a regex: str.translate is slow on long pages
_ODD_SPACES = re.compile("[\xa0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")
# Control characters other than tab, LF and FF carry no text (pdfium and Word leave some behind).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")

_WORD_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-\n(?=([^\W\d_]+))")
# After "Kreis-" at a line end these words show an elided compound ("Kreis- und Landesstraßen"):
# the hyphen is real and the words stay apart.
_CONJUNCTIONS = frozenset(
    {"und", "oder", "bzw", "sowie", "bis", "als", "wie", "noch", "respektive", "beziehungsweise"}
)

_PAGE_NUMBER = re.compile(
    r"(?:(?:seite|s\.|page)\s*\d{1,4}|\d{1,3})(?:\s*(?:von|/|of)\s*\d{1,4})?"  # "Seite 2 von 5", "2/5", "3"
    r"|[-–—]\s*\d{1,4}\s*[-–—]",  # "- 3 -"
    re.IGNORECASE,
)
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_TRAILING_HYPHEN = re.compile(r"[^\W\d_]-\Z")
_EDGE_LINES = 3  # how many lines at the top and bottom of a page may be running header/footer


def normalise_chars(text: str) -> str:
    """Unify line ends, spaces and ligatures, resolve hyphen markers and drop invisible characters.

    Soft hyphens (U+00AD) vanish; pdfium's line-end hyphen markers become ``-\\n`` so that
    :func:`dehyphenate` decides about them like about any other hyphen at a line end.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_END_HYPHEN.sub("-\n", text)
    text = text.replace("\xad\n", "").replace("\xad", "")
    text = _LIGATURE.sub(lambda m: _LIGATURES[m.group(0)], text)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROLS.sub("", text)


def _hyphen_join(following: str) -> str | None:
    """How a line-end hyphen before ``following`` joins: None keeps the break, else the joiner."""
    if following.lower() in _CONJUNCTIONS:
        return None
    return "-" if following[0].isupper() else ""


def dehyphenate(text: str) -> str:
    """Join words split at a line end: "Verwal-\\ntung" → "Verwaltung".

    Kept as they are: "Kreis-\\nund Landesstraßen" (elided compound before a conjunction).
    A capitalised continuation ("Kita-\\nGebühren") is a hyphenated compound, so the hyphen
    stays and only the line break goes.
    """

    def join(match: re.Match[str]) -> str:
        joiner = _hyphen_join(match.group(1))
        return match.group(0) if joiner is None else joiner

    return _WORD_HYPHEN_BREAK.sub(join, text)


def tidy_whitespace(text: str) -> str:
    """Strip trailing spaces on lines, at most one blank line in a row, no blank ends."""
    text = _TRAILING_SPACE.sub("\n", text.replace("\t", " "))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces inside lines (PDF layout spacing, HTML source indentation)."""
    return re.sub(r" {2,}", " ", text)


def is_page_number(line: str) -> bool:
    """True for lines that only number the page: "Seite 2 von 5", "- 3 -", "3", "2/5"."""
    return _PAGE_NUMBER.fullmatch(line.strip()) is not None


def _shape(line: str) -> str:
    # Running headers differ only in their numbers ("Seite 2", "TOP 3 – Blatt 4").
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def strip_running_lines(pages: Sequence[str]) -> list[str]:
    """Drop page numbers and headers/footers that repeat at the top or bottom of the pages.

    A line counts as running header/footer when its shape (digits ignored) appears among the
    first or last three lines of at least half of the pages, and of at least two pages.
    Lines inside the page body are never touched.
    """
    page_lines = [page.split("\n") for page in pages]
    edge_shapes: list[set[str]] = []
    for lines in page_lines:
        content = [i for i, line in enumerate(lines) if line.strip()]
        edges = content[:_EDGE_LINES] + content[-_EDGE_LINES:]
        edge_shapes.append({_shape(lines[i]) for i in edges})
    counts = Counter(shape for shapes in edge_shapes for shape in shapes)
    needed = max(2, (len(pages) + 1) // 2)
    running = {shape for shape, n in counts.items() if n >= needed}

    cleaned = []
    for lines in page_lines:
        content = [i for i, line in enumerate(lines) if line.strip()]
        edge_set = set(content[:_EDGE_LINES] + content[-_EDGE_LINES:])
        kept = [
            line
            for i, line in enumerate(lines)
            if i not in edge_set or not (is_page_number(line) or _shape(line) in running)
        ]
        cleaned.append("\n".join(kept))
    return cleaned


def join_pages(pages: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """Join cleaned pages with a blank line and return the text with each page's start offset.

    A word hyphenated across the page break ("Verwal-" | "tung") is joined the same way as
    within a page; the next page then starts in the middle of that word.
    """
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for page in pages:
        if page and length:
            word = _LEADING_WORD.match(page)
            joiner = _hyphen_join(word.group(0)) if word and _TRAILING_HYPHEN.search(parts[-1]) else None
            if joiner is None:
                parts.append("\n\n")
                length += 2
            elif joiner == "":
                parts[-1] = parts[-1][:-1]
                length -= 1
                # Empty pages since the hyphen started after it: they start where the joined word goes on.
                i = len(starts) - 1
                while i >= 0 and starts[i] > length:
                    starts[i] = length
                    i -= 1
        starts.append(length)
        if page:
            parts.append(page)
            length += len(page)
    return "".join(parts), tuple(starts)
