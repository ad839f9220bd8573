"""Fixture documents for the reader tests, generated at test time (fictional minutes text)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from PIL import Image

LEFT_COLUMN = [
    "Der Bauausschuss nimmt den Bericht",
    "über den Zustand der Grundschule",
    "am Lindenweg zur Kenntnis. Herr",
    "Albers erläutert die Mängel an",
    "den Fenstern und am Dach der",
    "Turnhalle. Die Verwaltung sagt zu,",
    "bis zum 30.11.2023 ein Gutachten",
    "in Auftrag zu geben.",
]
RIGHT_COLUMN = [
    "Frau Petersen fragt nach dem Stand",
    "der Radwegeplanung an der Kreis-",
    "straße 12. Die Verwaltung wird",
    "beauftragt, der nächsten Sitzung",
    "einen Zeitplan vorzulegen. Der",
    "Antrag der Fraktion wird in den",
    "Finanzausschuss verwiesen. Die",
    "Abstimmung erfolgt einstimmig.",
]

PAGE_BODIES = [
    [
        "TOP 1: Bericht der Verwaltung",
        "Die Verwaltung berichtet über die Umsetzung der Verwal-",
        "tungsreform. Für die Kreis- und Landesstraßen im Amtsbereich",
        "liegt ein neuer Zeitplan vor. Frau Brandt sagt zu, die Kita-",
        "Gebühren bis zur nächsten Sitzung zu überprüfen. Die Planung",
        "der Erweiterung des Kinder-",
    ],
    [
        "gartens wird fortgesetzt.",
        "TOP 2: Haushalt 2024",
        "Der Kämmerer stellt den Entwurf vor. Die Fraktionen erhalten",
        "die Unterlagen bis zum 15.09.2023.",
    ],
    [
        "TOP 3: Verschiedenes",
        "Herr Yilmaz bittet um eine Ortsbesichtigung am Sportplatz.",
        "Die Verwaltung organisiert den Termin im Oktober.",
    ],
]
RUNNING_HEADER = "Niederschrift Sozialausschuss - öffentliche Sitzung"


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=10)
    return pdf


def make_two_column_pdf() -> bytes:
    """One page with two text columns written line by line across both columns.

    That content-stream order is what makes pypdfium2 interleave the columns.
    """
    pdf = _pdf()
    pdf.add_page()
    pdf.text(15, 20, "Niederschrift der Sitzung des Bauausschusses")
    for i, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)):
        y = 32 + i * 4.6
        pdf.text(15, y, left)
        pdf.text(110, y, right)
    return bytes(pdf.output())


def make_paged_pdf(footer: str = "Seite {n} von {total}", title: str | None = None) -> bytes:
    """Three pages with a running header, numbered footers and hyphenated line ends."""
    pdf = _pdf()
    if title:
        pdf.set_title(title)
    for n, lines in enumerate(PAGE_BODIES, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(60, 12, RUNNING_HEADER)
        pdf.set_font("Helvetica", size=10)
        for i, line in enumerate(lines):
            pdf.text(20, 30 + i * 5, line)
        pdf.set_font("Helvetica", size=8)
        pdf.text(95, 287, footer.format(n=n, total=len(PAGE_BODIES)))
    return bytes(pdf.output())


def make_scanned_pdf() -> bytes:
    """A page that is only an image: no text layer at all."""
    image = Image.new("L", (200, 280), color=255)
    for x in range(20, 180):
        for y in range(40, 44):
            image.putpixel((x, y), 0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = _pdf()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=210)
    return bytes(pdf.output())


def make_encrypted_pdf() -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.text(20, 30, "Nichtöffentliche Sitzung des Personalausschusses")
    pdf.set_encryption(owner_password="eigentuemer", user_password="geheim")
    return bytes(pdf.output())


def make_docx(title: str | None = None) -> bytes:
    """Heading, paragraphs and tables (Grunddaten and resolutions, one merged cell)."""
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Niederschrift über die Sitzung des Kulturausschusses", level=1)
    grunddaten = document.add_table(rows=2, cols=2)
    grunddaten.cell(0, 0).text = "Gremium"
    grunddaten.cell(0, 1).text = "Kulturausschuss"
    grunddaten.cell(1, 0).text = "Sitzungsdatum"
    grunddaten.cell(1, 1).text = "Dienstag, 12.09.2023"
    document.add_paragraph("Die Vorsitzende eröffnet die Sitzung und stellt die Beschlussfähigkeit fest.")
    document.add_heading("TOP 4: Stadtbibliothek", level=2)
    document.add_paragraph("Herr Okafor berichtet über die Öffnungszeiten der Stadtbibliothek.")
    resolutions = document.add_table(rows=3, cols=3)
    resolutions.cell(0, 0).text = "Nr."
    resolutions.cell(0, 1).text = "Beschluss"
    resolutions.cell(0, 2).text = "Ergebnis"
    resolutions.cell(1, 0).text = "1"
    resolutions.cell(1, 1).text = "Die Verwaltung prüft längere Öffnungszeiten am Samstag."
    resolutions.cell(1, 2).text = "einstimmig"
    merged = resolutions.cell(2, 0).merge(resolutions.cell(2, 2))
    merged.text = "Wiedervorlage in der Sitzung im Dezember"
    document.add_paragraph("Ende der Sitzung: 19:45 Uhr")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


ALLRIS_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>ALLRIS net - Auszug</title>
<script>var tracking = "Gremium: Falsch";</script><style>.docPart { margin: 0 }</style></head>
<body>
<div id="header"><a href="/">Startseite</a> | <a href="/si">Sitzungskalender</a></div>
<ul class="navigation"><li>Gremien</li><li>Recherche</li><li>Mandatsträger</li></ul>
<div id="allriscontainer">
<h1>Auszug - Sachstand Bürgerhaus Nordviertel</h1>
<table class="risdeco"><tr><td>Gremium:</td><td>Ausschuss für Soziales und Gesundheit</td>
<td>Beschlussart:</td><td>ungeändert beschlossen</td></tr>
<tr><td>Datum:</td><td>Do, 31.08.2023</td><td>Status:</td><td>öffentlich</td></tr>
<tr><td>Zeit:</td><td>17:00 - 19:30</td><td>Anlass:</td><td>Sitzung</td></tr></table>
<div class="docPart"><h2>Wortprotokoll</h2>
<p>Frau Müller-Lüdenscheidt erläutert die Planung für das Bürgerhaus.   Die Sanierung
der Küche ist für das Frühjahr vorgesehen.</p>
<p>Herr Größmann fragt nach den Kosten.<br>Die Verwaltung sagt zu, die Kostenschätzung
bis zum 15.10.2023 nachzureichen.</p></div>
<div class="docPart"><h2>Beschluss</h2>
<p>Der Ausschuss nimmt den Bericht zur Kenntnis. Ergebnis: einstimmig</p></div>
</div>
<div id="footer">Impressum · Datenschutz · Barrierefreiheit</div>
</body></html>"""

SESSIONNET_PAGE = """<html><head><title>SessionNet | Tagesordnungspunkt</title></head>
<body><div class="smc-navbar"><a>Sitzungen</a> <a>Gremien</a> <a>Recherche</a></div>
<div id="smc_page_to0050_contenttabs"><div class="smc-content">
<h1>TOP Ö 5 Umbau des Jugendzentrums</h1>
<div class="smc-table"><div class="smc-table-row"><span class="label">Gremium:</span>
<span> Jugendhilfeausschuss </span></div></div>
<table><tr><td>Sitzung:</td><td>6. Sitzung des Jugendhilfeausschusses</td></tr>
<tr><td>Sitzungsdatum:</td><td>05.10.2023</td></tr></table>
<div class="smc-documentpart"><p>Der Jugendhilfeausschuss berät über den Umbau. Frau Çelik
schlägt vor, die Jugendlichen früh zu beteiligen.</p>
<p>Die Verwaltung wird gebeten, im März 2024 über den Stand zu berichten.</p></div>
</div></div>
<div class="smc-footer">© Somacos</div></body></html>"""

GENERIC_PAGE = """<html><head><meta charset="utf-8"><title>Ratsinformation</title></head><body>
<div class="top"><a>Start</a> <a>Kontakt</a></div>
<div class="wrap"><div class="left"><p>Links</p></div>
<div class="right">
<p>Der Ortschaftsrat berät über die Beleuchtung der Hauptstraße. Der Ortsvorsteher berichtet.</p>
<p>Die Verwaltung sagt zu, bis Jahresende ein Angebot für neue Leuchten einzuholen.</p>
<p>Herr Novak regt an, die Anwohner schriftlich zu informieren. Dies wird zugesagt.</p>
</div></div></body></html>"""


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """Write bytes under tmp_path (sub-folders allowed) and return the path."""

    def write(relative: str, data: bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def two_column_pdf() -> bytes:
    return make_two_column_pdf()


@pytest.fixture
def paged_pdf_factory() -> Callable[..., bytes]:
    return make_paged_pdf


@pytest.fixture
def scanned_pdf() -> bytes:
    return make_scanned_pdf()


@pytest.fixture
def encrypted_pdf() -> bytes:
    return make_encrypted_pdf()


@pytest.fixture
def docx_factory() -> Callable[..., bytes]:
    return make_docx


@pytest.fixture
def allris_page_cp1252() -> bytes:
    """ALLRIS-like page, declared ISO-8859-1 and saved as Windows-1252 (as ALLRIS does)."""
    return ALLRIS_PAGE.encode("cp1252")


@pytest.fixture
def sessionnet_page_cp1252() -> bytes:
    """SessionNet-like page in Windows-1252 without any charset declaration."""
    return SESSIONNET_PAGE.encode("cp1252")


@pytest.fixture
def generic_page() -> bytes:
    return GENERIC_PAGE.encode("utf-8")
