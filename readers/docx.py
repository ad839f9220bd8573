"""Word minutes (.docx) via python-docx, body paragraphs *and* tables in document order.

``Document.paragraphs`` silently drops tables, and RIS templates put resolutions and
Grunddaten in tables, so the body is walked with ``iter_inner_content()``.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from core.errors import InputError
from readers.cleanup import collapse_spaces, normalise_chars, tidy_whitespace
from readers.document import Extracted
from readers.meta import head_context, single_date

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc and other Office 97 files
_CELL_SEPARATOR = " | "
_TITLE_STYLES = ("title", "titel")
_HEADING_STYLES = ("heading", "überschrift")


def _style(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name or "").lower() if style is not None else ""


def _cell_text(cell_items: list[Paragraph | Table]) -> str:
    # A row must stay on one line, so paragraphs and nested tables inside a cell are flattened.
    parts = []
    for item in cell_items:
        text = item.text if isinstance(item, Paragraph) else " / ".join(_table_lines(item))
        if text.strip():
            parts.append(" ".join(text.split()))
    return " ".join(parts)


def _table_lines(table: Table) -> list[str]:
    """One line per row, cells joined by " | "; merged cells appear once."""
    lines = []
    for row in table.rows:
        texts: list[str] = []
        previous = None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell (same object) once per grid column,
            # and returns the root cell again for vertically merged continuations.
            if cell is previous:
                continue
            previous = cell
            continuation = cell._tc.getparent() is not row._tr
            texts.append("" if continuation else _cell_text(list(cell.iter_inner_content())))
        if any(texts):
            lines.append(_CELL_SEPARATOR.join(texts).strip())
    return lines


def _blocks(document: Document) -> tuple[list[str], str | None]:
    blocks: list[str] = []
    title = None
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            lines = _table_lines(item)
            if lines:
                blocks.append("\n".join(lines))
            continue
        text = item.text.strip()
        if not text:
            continue
        style = _style(item)
        if title is None and style.startswith(_TITLE_STYLES + _HEADING_STYLES):
            title = " ".join(text.split())
        blocks.append(text)
    return blocks, title


def _open(data: bytes, name: str) -> Document:
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{name}: altes Word-Format (.doc) — bitte als .docx speichern")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, lxml and python-docx each raise their own error types
        raise InputError(f"{name}: DOCX beschädigt oder nicht lesbar") from exc


def read_docx(data: bytes, name: str) -> Extracted:
    """Paragraphs (headings included) and table rows as text; raises InputError naming ``name``.

    Paragraphs are separated by a blank line, table rows by a line break. Headers and footers
    of the Word file are left out: they repeat on every page and carry no minutes text.
    """
    if not data.strip():
        raise InputError(f"{name}: Datei ist leer")
    document = _open(data, name)
    try:
        blocks, heading = _blocks(document)
    except Exception as exc:  # malformed XML inside a valid package surfaces only while walking
        raise InputError(f"{name}: DOCX beschädigt oder nicht lesbar") from exc
    text = tidy_whitespace(collapse_spaces(normalise_chars("\n\n".join(blocks))))
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{name}: enthält keinen Text")
    props = document.core_properties
    title = " ".join((props.title or "").split()) or heading
    head_date, body = head_context(text)
    meeting_date = head_date or single_date(f"{props.title or ''} {props.subject or ''}")
    return Extracted(text=text, meeting_date=meeting_date, body=body, title=title)
