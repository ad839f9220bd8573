"""HTML element tree → text: blocks become paragraphs, <br> a line break, table rows lines."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "tfoot", "thead", "ul",
    }
)  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "-comment", "_comment"})
_SPACES = re.compile(r"\s+")
_DOUBLE_SPACES = re.compile(r" {2,}")

# Markers in the piece stream; text pieces are plain strings.
_LINE, _PARAGRAPH, _CELL = 1, 2, 3


def _pieces(node: LexborNode) -> list[str | int]:
    """Flatten the tree into text and break markers without recursion (RIS pages nest deeply)."""
    pieces: list[str | int] = []
    stack: list[tuple[LexborNode, bool]] = [(node, False)]
    preformatted = 0
    while stack:
        current, leaving = stack.pop()
        tag = current.tag or ""
        if leaving:
            if tag == "pre":
                preformatted -= 1
            pieces.append(_PARAGRAPH if tag in _BLOCKS else _LINE)
            continue
        if current.is_text_node:
            raw = current.text_content or ""
            pieces.append(raw if preformatted else _SPACES.sub(" ", raw))
            continue
        if tag in _SKIP or not current.is_element_node:
            continue
        if tag == "br":
            pieces.append(_LINE)
            continue
        if tag in ("td", "th"):
            pieces.append(_CELL)
        if tag in _BLOCKS:
            pieces.append(_PARAGRAPH)
        elif tag == "tr":
            pieces.append(_LINE)
        if tag == "pre":
            preformatted += 1
        if tag in _BLOCKS or tag == "tr" or tag == "pre":
            stack.append((current, True))
        stack.extend((child, False) for child in reversed(list(current.iter(include_text=True))))
    return pieces


def render(node: LexborNode) -> str:
    """Text of ``node``: paragraphs separated by a blank line, cells of a row by " | ".

    Whitespace inside a paragraph collapses to single spaces (except in <pre>).
    """
    out: list[str] = []
    pending = 0  # strongest break requested since the last text
    cell = False  # a cell started since the last text: separate it from the previous one
    for piece in _pieces(node):
        if piece == _CELL:
            cell = True
            continue
        if isinstance(piece, int):
            pending = max(pending, piece)
            continue
        if not piece.strip() and not (out and not pending and piece):
            continue
        if not out:
            piece = piece.lstrip()
        elif pending:
            out[-1] = out[-1].rstrip(" ")
            out.append("\n" * pending)
            piece = piece.lstrip(" ")
        elif cell:
            out[-1] = out[-1].rstrip(" ")
            out.append(" | ")
            piece = piece.lstrip(" ")
        pending, cell = 0, False
        out.append(piece)
    text = _DOUBLE_SPACES.sub(" ", "".join(out).replace("\xa0", " "))
    return "\n".join(line.strip(" ") for line in text.split("\n")).strip()
