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


def bench_oparl(meetings: int = 300, papers: int = 300, page_size: int = 50) -> dict[str, float]:
    """OParl objects/s: full sync, then an incremental one, of the local fixture server.

    Starts ``tests/oparl/server.py`` in-process (127.0.0.1, free port), adds ``meetings``
    synthetic meetings (each with two agenda items) and ``papers`` papers to the fixture
    municipality, and syncs into a temporary SQLite database. Objects are list entries read
    (organisations, meetings, papers, agenda items, files); protocols are included.
    Key: ``oparl_objects_per_s`` (full sync).
    """
    import tempfile

    from app.bootstrap import build
    from core.dates import parse_now
    from oparl.sync import sync
    from tests.oparl.server import FixtureServer

    server = FixtureServer().start()
    state, base = server.state, server.state.base
    state.page_size = page_size
    for n in range(meetings):
        day = 1 + n % 28
        meeting = {"id": f"{base}/oparl/meeting/b{n}", "type": "https://schema.oparl.org/1.1/Meeting",
                   "name": f"Sitzung {n}", "start": f"2025-{1 + n % 12:02d}-{day:02d}T17:00:00+01:00",
                   "organization": [f"{base}/oparl/organization/{2 + n % 3}"], "modified": "2026-01-01T00:00:00+01:00",
                   "agendaItem": [{"id": f"{base}/oparl/agendaItem/b{n}-{k}", "number": str(k), "name": f"TOP {k}",
                                   "meeting": f"{base}/oparl/meeting/b{n}", "public": True,
                                   "type": "https://schema.oparl.org/1.1/AgendaItem",
                                   "modified": "2026-01-01T00:00:00+01:00"} for k in (1, 2)]}
        state.objects["meeting"][meeting["id"]] = meeting
        state.index_embedded(meeting)
    for n in range(papers):
        paper = {"id": f"{base}/oparl/paper/b{n}", "type": "https://schema.oparl.org/1.1/Paper",
                 "name": f"Vorlage {n}", "reference": f"V/2025/{n:04d}", "date": "2025-05-05",
                 "underDirectionOf": [f"{base}/oparl/organization/6"], "modified": "2026-01-01T00:00:00+01:00"}
        state.objects["paper"][paper["id"]] = paper
    figures: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ctx = build(None, f"sqlite:///{tmp}/bench.db")
            full = sync(ctx, server.system_url, now=parse_now("2026-11-30T04:30"))
            again = sync(ctx, server.system_url, now=parse_now("2026-12-01T04:30"))
            ctx.engine.dispose()
        figures["oparl_objects"] = float(full.objects)
        figures["oparl_full_sync_s"] = full.seconds
        figures["oparl_objects_per_s"] = _rate(full.objects, full.seconds)
        figures["oparl_requests"] = float(full.requests)
        figures["oparl_incremental_sync_s"] = again.seconds
    finally:
        server.stop()
    return figures


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
