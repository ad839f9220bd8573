"""PDF minutes: pypdfium2 for speed, pdfminer.six for pages whose column order pdfium scrambles.

pdfium returns characters in content-stream order. When a generator writes a two-column page
line by line across both columns, pdfium interleaves the columns ("left line 1 right line 1 …").
pdfminer's layout analysis groups text boxes per column and reads them in order, but is ~30×
slower, so it only reads the pages :func:`looks_interleaved` flags.

The heuristic works on pdfium's text rectangles (one per text run, in stream order): a visual
line whose consecutive runs are separated by a wide gap *and* whose runs left and right of that
gap are each at least a fifth of the page wide is a "split line". Three or more split lines that
make up at least a quarter of the page's lines mean interleaved columns. Label/value tables
("Gremium:  Sozialausschuss") do not trigger it because their label cells are narrow. Cost,
measured on dense A4 pages: ~0.1 ms per page against ~0.8 ms for pdfium's text page itself
(benchmarks/ingest.py, 2 cores: reader 640–680 pages/s, raw pypdfium2 1,100–1,550, pdfminer ~40).
Trade-off: a genuine two-column *table* with wide cells is also read by pdfminer (slower, and
column by column) — acceptable, as minutes rarely hold such tables.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.errors import InputError
from readers.cleanup import collapse_spaces, dehyphenate, join_pages, normalise_chars, strip_running_lines
from readers.cleanup import tidy_whitespace as tidy
from readers.document import Extracted
from readers.meta import head_context, single_date

_MIN_GAP = 0.04  # fraction of the page width between two runs of one line that reads as a gutter
_MIN_SIDE = 0.20  # fraction of the page width each side of the gutter must cover
_MIN_SPLIT_LINES = 3
_MIN_SPLIT_SHARE = 0.25
_MIN_LETTERS = 20  # a page with fewer letters has no usable text layer
_CID_GARBAGE = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class _Run:
    left: float
    bottom: float
    right: float
    top: float


def _lines(runs: list[_Run]) -> list[list[_Run]]:
    # Consecutive runs belong to one visual line when their vertical centres overlap the line.
    lines: list[list[_Run]] = []
    for run in runs:
        centre = (run.bottom + run.top) / 2
        if lines and lines[-1][0].bottom <= centre <= lines[-1][0].top:
            lines[-1].append(run)
        else:
            lines.append([run])
    return lines


def _is_split(line: list[_Run], width: float) -> bool:
    for i in range(1, len(line)):
        gap = line[i].left - line[i - 1].right
        if gap < _MIN_GAP * width:
            continue
        left_extent = line[i - 1].right - min(r.left for r in line[:i])
        right_extent = max(r.right for r in line[i:]) - line[i].left
        if left_extent >= _MIN_SIDE * width and right_extent >= _MIN_SIDE * width:
            return True
    return False


def looks_interleaved(textpage: pdfium.PdfTextPage, width: float) -> bool:
    """True when pdfium's runs show two columns read across (see the module docstring)."""
    runs = [_Run(*textpage.get_rect(i)) for i in range(textpage.count_rects())]
    lines = _lines(runs)
    split = sum(1 for line in lines if _is_split(line, width))
    return split >= _MIN_SPLIT_LINES and split >= _MIN_SPLIT_SHARE * len(lines)


def _pdfminer_page(data: bytes, index: int) -> str | None:
    """Text of one page in pdfminer's layout order; None when pdfminer cannot do better."""
    from pdfminer.high_level import extract_text  # imported lazily: only scrambled pages need it

    try:
        text = extract_text(io.BytesIO(data), page_numbers=[index])
    except Exception:  # pdfminer raises a zoo of parser errors; pdfium's text is then still usable
        return None
    if not text.strip() or len(_CID_GARBAGE.findall(text)) > 3:
        return None
    return text.replace("\f", "")


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            reason = "PDF ist verschlüsselt (Passwort) — bitte ungeschützte Fassung verwenden"
            raise InputError(f"{name}: {reason}") from exc
        raise InputError(f"{name}: PDF beschädigt oder nicht lesbar") from exc


def _raw_pages(doc: pdfium.PdfDocument, data: bytes, name: str) -> list[str]:
    pages = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if looks_interleaved(textpage, page.get_width()):
                text = _pdfminer_page(data, index) or text
            textpage.close()
            page.close()
            pages.append(text)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: PDF beschädigt oder nicht lesbar") from exc
    return pages


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def read_pdf(data: bytes, name: str) -> Extracted:
    """Text of all pages, cleaned, with page start offsets; raises InputError naming ``name``.

    Pages without a text layer contribute empty pages (their offsets are kept); a PDF where
    no page has text is refused with a hint to run OCR.
    """
    if not data.strip():
        raise InputError(f"{name}: Datei ist leer")
    doc = _open(data, name)
    try:
        if len(doc) == 0:
            raise InputError(f"{name}: PDF beschädigt oder nicht lesbar")
        raw = _raw_pages(doc, data, name)
        metadata = doc.get_metadata_dict(skip_empty=True)
    finally:
        doc.close()
    if not any(_letters(page) >= _MIN_LETTERS for page in raw):
        raise InputError(f"{name}: kein Textlayer — bitte OCR durchführen")
    pages = [tidy(collapse_spaces(normalise_chars(page))) for page in raw]
    pages = [dehyphenate(page) for page in strip_running_lines(pages)]
    text, starts = join_pages([tidy(page) for page in pages])
    title = " ".join(metadata.get("Title", "").split()) or None
    head_date, body = head_context(text)
    # A labelled "Sitzungsdatum:" beats a date in the metadata title ("Niederschrift … am 31.08.2023").
    meeting_date = head_date or single_date(" ".join(metadata.get(k, "") for k in ("Title", "Subject")))
    return Extracted(text=text, page_starts=starts, meeting_date=meeting_date, body=body, title=title)
