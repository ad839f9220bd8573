import io
import zipfile
from collections.abc import Callable

import pytest

from core.errors import InputError
from readers import read_bytes


def test_it_reads_paragraphs_headings_and_tables_in_document_order(
    docx_factory: Callable[..., bytes],
) -> None:
    doc = read_bytes(docx_factory(), "kultur.docx", "docx")
    order = [
        "Niederschrift über die Sitzung des Kulturausschusses",
        "Gremium | Kulturausschuss",
        "Die Vorsitzende eröffnet die Sitzung",
        "TOP 4: Stadtbibliothek",
        "1 | Die Verwaltung prüft längere Öffnungszeiten am Samstag. | einstimmig",
        "Ende der Sitzung: 19:45 Uhr",
    ]
    positions = [doc.text.index(part) for part in order]
    assert positions == sorted(positions)
    assert doc.format == "docx" and doc.page_starts == () and doc.page_of(0) is None


def test_it_writes_a_merged_table_cell_once(docx_factory: Callable[..., bytes]) -> None:
    doc = read_bytes(docx_factory(), "kultur.docx", "docx")
    assert doc.text.count("Wiedervorlage in der Sitzung im Dezember") == 1
    assert "\nWiedervorlage in der Sitzung im Dezember\n" in doc.text


def test_it_reads_gremium_and_sitzungsdatum_from_a_grunddaten_table(
    docx_factory: Callable[..., bytes],
) -> None:
    doc = read_bytes(docx_factory(), "kultur.docx", "docx")
    assert doc.body == "Kulturausschuss"
    assert str(doc.meeting_date) == "2023-09-12"
    assert doc.title == "Niederschrift über die Sitzung des Kulturausschusses"


def test_it_prefers_the_title_from_the_document_properties(docx_factory: Callable[..., bytes]) -> None:
    doc = read_bytes(docx_factory(title="Protokoll KuA 12.09.2023"), "kultur.docx", "docx")
    assert doc.title == "Protokoll KuA 12.09.2023"


def test_it_explains_that_an_old_doc_file_must_be_saved_as_docx() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    with pytest.raises(InputError, match=r"^alt\.docx: altes Word-Format \(\.doc\)"):
        read_bytes(ole, "alt.docx", "docx")


def test_it_reports_a_damaged_docx(docx_factory: Callable[..., bytes]) -> None:
    data = docx_factory()
    with pytest.raises(InputError, match=r"^kaputt\.docx: DOCX beschädigt oder nicht lesbar$"):
        read_bytes(data[: len(data) // 2], "kaputt.docx", "docx")


def test_it_reports_a_zip_that_is_no_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hallo.txt", "kein Word")
    with pytest.raises(InputError, match="DOCX beschädigt"):
        read_bytes(buffer.getvalue(), "zip.docx", "docx")


def test_it_refuses_a_docx_without_text() -> None:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(InputError, match=r"^leer\.docx: enthält keinen Text$"):
        read_bytes(buffer.getvalue(), "leer.docx", "docx")
