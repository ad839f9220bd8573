"""Ingest throughput: PDF pages/s (pypdfium2, pdfminer.six, our reader) and OParl objects/s.

Run from the repository root: ``python benchmarks/ingest.py [--pdfs 20 --pages 10]``.
Prints one figure per line and ends with ONE line of key=value pairs.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_SENTENCES = [
    "Die Verwaltung berichtet über den Stand der Sanierung der Grundschule am Lindenweg.",
    "Herr Albers fragt nach den Kosten für die neue Heizungsanlage im Rathaus.",
    "Frau Petersen sagt zu, bis zur nächsten Sitzung eine schriftliche Stellungnahme vorzulegen.",
    "Der Ausschuss beauftragt die Verwaltung, ein Konzept für die Radwege zu erarbeiten.",
    "Der Antrag wird zur weiteren Beratung in die Fraktionen verwiesen.",
    "Die Abstimmung ergibt eine Mehrheit für den Beschlussvorschlag der Verwaltung.",
]


def make_pdfs(count: int, pages: int) -> list[bytes]:
    """``count`` minutes-like PDFs of ``pages`` pages each (header, footer, wrapped text)."""
    from fpdf import FPDF

    pdfs = []
    for n in range(count):
        pdf = FPDF(format="A4")
        pdf.set_font("Helvetica", size=10)
        for p in range(pages):
            pdf.add_page()
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 6, f"Niederschrift Hauptausschuss Nr. {n}", align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=10)
            text = " ".join(_SENTENCES[(p + i) % len(_SENTENCES)] for i in range(40))
            pdf.multi_cell(0, 5, f"TOP {p + 1}: Bericht\n{text}")
            pdf.set_y(-15)
            pdf.cell(0, 6, f"Seite {p + 1} von {pages}", align="C")
        pdfs.append(bytes(pdf.output()))
    return pdfs


def _rate(pages: int, seconds: float) -> float:
    return pages / seconds if seconds > 0 else float("inf")


def _pypdfium2_pages(pdfs: list[bytes]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for data in pdfs:
        doc = pdfium.PdfDocument(data)
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            total += 1
        doc.close()
    return total


def _pdfminer_pages(pdfs: list[bytes]) -> int:
    from pdfminer.high_level import extract_text

    total = 0
    for data in pdfs:
        total += extract_text(io.BytesIO(data)).count("\f")
    return total


def _reader_pages(pdfs: list[bytes]) -> int:
    from readers import read_bytes

    return sum(len(read_bytes(data, f"bench{i}.pdf", "pdf").page_starts) for i, data in enumerate(pdfs))


def bench_pdf(count: int = 20, pages: int = 10) -> dict[str, float]:
    """Pages/s of raw pypdfium2, raw pdfminer.six and readers.read_bytes on the same PDFs."""
    pdfs = make_pdfs(count, pages)
    figures: dict[str, float] = {}
    for key, run in (
        ("pypdfium2_pages_per_s", _pypdfium2_pages),
        ("pdfminer_pages_per_s", _pdfminer_pages),
        ("reader_pages_per_s", _reader_pages),
    ):
        start = time.perf_counter()
        done = run(pdfs)
        figures[key] = _rate(done, time.perf_counter() - start)
    figures["pages"] = float(count * pages)
    return figures


def bench_oparl() -> dict[str, float]:
    """OParl objects/s — to be filled in by the OParl sync work; returns {} until then.

    Expected key: ``oparl_objects_per_s``.
    """
    return {}


def main(argv: list[str] | None = None) -> None:
    """Print all figures, then one line ``pdf_pages_per_s=<x> oparl_objects_per_s=<y>``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args(argv)

    pdf = bench_pdf(args.pdfs, args.pages)
    oparl = bench_oparl()
    for key, value in {**pdf, **oparl}.items():
        print(f"{key}: {value:.1f}")
    oparl_rate = oparl.get("oparl_objects_per_s")
    shown = f"{oparl_rate:.1f}" if oparl_rate is not None else "n/a"
    print(f"pdf_pages_per_s={pdf['reader_pages_per_s']:.1f} oparl_objects_per_s={shown}")


if __name__ == "__main__":
    main()
