from collections.abc import Callable

import pypdfium2 as pdfium
import pytest

from core.errors import InputError
from readers import read_bytes
from readers.pdf import looks_interleaved


def _pdfium_text(data: bytes) -> tuple[str, bool]:
    doc = pdfium.PdfDocument(data)
    page = doc[0]
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range(), looks_interleaved(textpage, page.get_width())
    finally:
        textpage.close()
        page.close()
        doc.close()


def test_the_two_column_fixture_really_scrambles_pypdfium2(two_column_pdf: bytes) -> None:
    raw, interleaved = _pdfium_text(two_column_pdf)
    assert "Der Bauausschuss nimmt den Bericht Frau Petersen fragt nach dem Stand" in raw
    assert interleaved


def test_it_reads_two_columns_in_reading_order(two_column_pdf: bytes) -> None:
    doc = read_bytes(two_column_pdf, "spalten.pdf", ".pdf")
    left = doc.text.index("Der Bauausschuss nimmt den Bericht\nüber den Zustand der Grundschule")
    left_end = doc.text.index("in Auftrag zu geben.")
    right = doc.text.index("Frau Petersen fragt nach dem Stand\nder Radwegeplanung an der Kreisstraße 12.")
    assert left < left_end < right
    assert doc.format == "pdf"
    assert doc.page_starts == (0,)


def test_a_single_column_page_is_not_taken_for_two_columns(
    paged_pdf_factory: Callable[..., bytes],
) -> None:
    _, interleaved = _pdfium_text(paged_pdf_factory())
    assert not interleaved


@pytest.mark.parametrize("footer", ["Seite {n} von {total}", "- {n} -", "{n}"])
def test_it_drops_running_headers_and_page_numbers(
    paged_pdf_factory: Callable[..., bytes], footer: str
) -> None:
    doc = read_bytes(paged_pdf_factory(footer=footer), "niederschrift.pdf", "pdf")
    assert "Niederschrift Sozialausschuss" not in doc.text
    assert "Seite" not in doc.text
    assert not any(line.strip() in {"1", "2", "3", "- 2 -"} for line in doc.text.splitlines())
    assert doc.text.startswith("TOP 1: Bericht der Verwaltung")


def test_it_dehyphenates_line_ends_but_keeps_elided_compounds(
    paged_pdf_factory: Callable[..., bytes],
) -> None:
    doc = read_bytes(paged_pdf_factory(), "niederschrift.pdf", "pdf")
    assert "Umsetzung der Verwaltungsreform." in doc.text
    assert "Kreis- und Landesstraßen" in doc.text
    assert "die Kita-Gebühren bis" in doc.text
    assert "\ufffe" not in doc.text and "\x02" not in doc.text and "\r" not in doc.text


def test_it_keeps_page_boundaries_even_for_a_word_split_across_pages(
    paged_pdf_factory: Callable[..., bytes],
) -> None:
    doc = read_bytes(paged_pdf_factory(), "niederschrift.pdf", "pdf")
    assert len(doc.page_starts) == 3 and doc.page_starts[0] == 0
    word = doc.text.index("Kindergartens")
    assert doc.page_of(word) == 1
    assert doc.page_of(doc.text.index("gartens wird fortgesetzt")) == 2
    assert doc.page_of(doc.text.index("TOP 2: Haushalt")) == 2
    assert doc.page_of(doc.text.index("TOP 3: Verschiedenes")) == 3
    assert doc.page_of(len(doc.text)) == 3
    assert doc.page_of(-1) is None


def test_it_takes_title_and_meeting_date_from_the_pdf_metadata(
    paged_pdf_factory: Callable[..., bytes],
) -> None:
    title = "Niederschrift über die Sitzung des Sozialausschusses am 31.08.2023"
    doc = read_bytes(paged_pdf_factory(title=title), "niederschrift.pdf", "pdf")
    assert doc.title == title
    assert str(doc.meeting_date) == "2023-08-31"


def test_it_leaves_the_meeting_date_open_when_the_pdf_does_not_state_it(
    paged_pdf_factory: Callable[..., bytes],
) -> None:
    doc = read_bytes(paged_pdf_factory(), "niederschrift.pdf", "pdf")
    assert doc.meeting_date is None and doc.title is None and doc.body is None


def test_it_asks_for_ocr_when_a_pdf_has_no_text_layer(scanned_pdf: bytes) -> None:
    with pytest.raises(InputError, match=r"^scan\.pdf: kein Textlayer — bitte OCR durchführen$"):
        read_bytes(scanned_pdf, "scan.pdf", "pdf")


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_it_reports_a_truncated_pdf_as_damaged(paged_pdf_factory: Callable[..., bytes], cut: float) -> None:
    data = paged_pdf_factory()
    with pytest.raises(InputError, match=r"^kaputt\.pdf: PDF beschädigt oder nicht lesbar$"):
        read_bytes(data[: int(len(data) * cut)], "kaputt.pdf", "pdf")


def test_it_reports_a_file_that_is_not_a_pdf_at_all_as_damaged() -> None:
    with pytest.raises(InputError, match="PDF beschädigt"):
        read_bytes(b"<html>kein pdf</html>", "falsch.pdf", "pdf")


def test_it_names_the_password_when_a_pdf_is_encrypted(encrypted_pdf: bytes) -> None:
    with pytest.raises(InputError, match=r"^geheim\.pdf: PDF ist verschlüsselt"):
        read_bytes(encrypted_pdf, "geheim.pdf", "pdf")
