import codecs

import pytest

from core.errors import InputError
from readers import read_bytes
from readers.html import decode_html


def test_it_reads_a_windows_1252_ris_page_with_umlauts(allris_page_cp1252: bytes) -> None:
    doc = read_bytes(allris_page_cp1252, "auszug.htm", ".htm")
    assert "Frau Müller-Lüdenscheidt erläutert die Planung für das Bürgerhaus." in doc.text
    assert "Herr Größmann" in doc.text
    assert "\ufffd" not in doc.text
    assert doc.format == "html"


def test_it_reads_gremium_and_datum_from_allris_grunddaten(allris_page_cp1252: bytes) -> None:
    doc = read_bytes(allris_page_cp1252, "auszug.htm", "htm")
    assert doc.body == "Ausschuss für Soziales und Gesundheit"
    assert str(doc.meeting_date) == "2023-08-31"
    assert doc.title == "Auszug - Sachstand Bürgerhaus Nordviertel"


def test_it_strips_navigation_scripts_and_footer(allris_page_cp1252: bytes) -> None:
    text = read_bytes(allris_page_cp1252, "auszug.htm", "htm").text
    for furniture in ("Startseite", "Sitzungskalender", "Mandatsträger", "Impressum", "tracking", "margin"):
        assert furniture not in text


def test_it_turns_blocks_into_paragraphs_and_br_into_line_breaks(allris_page_cp1252: bytes) -> None:
    text = read_bytes(allris_page_cp1252, "auszug.htm", "htm").text
    assert text.startswith("Wortprotokoll\n\nFrau Müller-Lüdenscheidt")
    # Source line breaks and runs of spaces inside a paragraph collapse to one space.
    assert "Bürgerhaus. Die Sanierung der Küche ist" in text
    assert "nach den Kosten.\nDie Verwaltung sagt zu" in text
    assert "\n\nBeschluss\n\nDer Ausschuss nimmt den Bericht zur Kenntnis." in text


def test_it_decodes_an_undeclared_windows_1252_sessionnet_page(sessionnet_page_cp1252: bytes) -> None:
    doc = read_bytes(sessionnet_page_cp1252, "to0050.html", "html")
    assert "Frau Çelik schlägt vor" in doc.text
    assert "Die Verwaltung wird gebeten, im März 2024" in doc.text
    assert "Recherche" not in doc.text and "Somacos" not in doc.text
    assert doc.body == "Jugendhilfeausschuss"
    assert str(doc.meeting_date) == "2023-10-05"


def test_it_falls_back_to_the_largest_text_block(generic_page: bytes) -> None:
    doc = read_bytes(generic_page, "seite.html", "html")
    assert doc.text.startswith("Der Ortschaftsrat berät über die Beleuchtung der Hauptstraße.")
    assert "Links" not in doc.text and "Kontakt" not in doc.text
    assert doc.meeting_date is None and doc.body is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "<p>Straßenbeleuchtung</p>".encode(), "<p>Straßenbeleuchtung</p>"),
        ("<p>Straßenbeleuchtung</p>".encode("utf-16"), "<p>Straßenbeleuchtung</p>"),
        ('<meta charset="windows-1252"><p>„Bürger“ €</p>'.encode("cp1252"), "<p>„Bürger“ €</p>"),
        ('<meta charset="utf-8"><p>Größe</p>'.encode("cp1252"), '<meta charset="utf-8"><p>Größe</p>'),
        ("<p>Größe</p>".encode(), "<p>Größe</p>"),
    ],
    ids=["utf8-bom", "utf16-bom", "declared-1252", "utf8-declared-but-1252", "undeclared-utf8"],
)
def test_it_decodes_html_by_bom_declaration_utf8_then_windows_1252(data: bytes, expected: str) -> None:
    assert decode_html(data, "x.html").endswith(expected)


def test_it_refuses_a_page_without_text() -> None:
    page = b"<html><body><nav>Start</nav><script>var x = 1;</script></body></html>"
    with pytest.raises(InputError, match=r"^leer\.html: enthält keinen Text$"):
        read_bytes(page, "leer.html", "html")


def test_it_refuses_binary_data_in_an_html_file() -> None:
    with pytest.raises(InputError, match=r"^bild\.html: keine HTML-Datei"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "bild.html", "html")
