import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from core.decoding import decode_text
from core.errors import InputError
from readers import SUPPORTED_SUFFIXES, ReadDocument, iter_input_files, read_bytes, read_path

MINUTES = "Gremium: Umweltausschuss\nSitzungsdatum: 07.11.2023\n\nDie Verwaltung prüft die Baumfällungen.\r\n"


def test_it_reads_text_exactly_as_core_decoding_does(write_file: Callable[[str, bytes], Path]) -> None:
    data = MINUTES.encode("cp1252")
    path = write_file("umwelt.txt", data)
    doc = read_path(path)
    assert doc.text == decode_text(data, "umwelt.txt")
    assert doc.source == str(path)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.format == "txt" and doc.page_starts == () and doc.page_of(3) is None


def test_it_reads_labelled_gremium_and_sitzungsdatum_at_the_top_of_a_text() -> None:
    doc = read_bytes(MINUTES.encode(), "umwelt.txt", ".txt")
    assert doc.body == "Umweltausschuss"
    assert str(doc.meeting_date) == "2023-11-07"


def test_a_bare_datum_line_without_gremium_is_not_taken_as_meeting_date() -> None:
    doc = read_bytes(b"Datum: 14.11.2023\n\nDie Niederschrift wurde versandt.", "brief.txt", "txt")
    assert doc.meeting_date is None


def test_an_empty_text_file_is_an_input_error_naming_the_file(
    write_file: Callable[[str, bytes], Path],
) -> None:
    with pytest.raises(InputError, match=r"^leer\.txt: Datei ist leer$"):
        read_path(write_file("leer.txt", b"  \n"))


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_an_empty_file_of_any_format_is_an_input_error(
    write_file: Callable[[str, bytes], Path], suffix: str
) -> None:
    with pytest.raises(InputError, match=rf"^leer{suffix}: Datei ist leer$"):
        read_path(write_file(f"leer{suffix}", b""))


def test_an_unsupported_suffix_names_the_supported_ones(write_file: Callable[[str, bytes], Path]) -> None:
    with pytest.raises(InputError, match=r"^alt\.odt: Format \.odt wird nicht unterstützt") as info:
        read_path(write_file("alt.odt", b"x"))
    assert all(suffix in str(info.value) for suffix in SUPPORTED_SUFFIXES)
    assert "\n" not in str(info.value)


def test_read_bytes_accepts_suffixes_with_or_without_dot_in_any_case() -> None:
    for suffix in ("txt", ".TXT", "Txt"):
        assert read_bytes(b"Hallo Welt", "a.txt", suffix).format == "txt"


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^fehlt\.pdf: Datei nicht gefunden$"):
        read_path(tmp_path / "fehlt.pdf")


def test_a_folder_named_like_a_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "ordner.txt").mkdir()
    with pytest.raises(InputError, match=r"^ordner\.txt: ist ein Ordner"):
        read_path(tmp_path / "ordner.txt")


def test_it_lists_folders_recursively_sorted_skipping_hidden_and_unsupported_files(
    tmp_path: Path, write_file: Callable[[str, bytes], Path]
) -> None:
    for name in ["b.pdf", "a.TXT", "sub/c.docx", "sub/d.htm", "notiz.odt", ".versteckt.txt",
                 ".git/e.txt", "~$sperre.docx"]:  # fmt: skip
        write_file(f"in/{name}", b"x")
    given = write_file("einzeln.odt", b"x")
    found = list(iter_input_files([tmp_path / "in", given]))
    relative = [p.relative_to(tmp_path).as_posix() for p in found]
    assert relative == ["in/a.TXT", "in/b.pdf", "in/sub/c.docx", "in/sub/d.htm", "einzeln.odt"]


def test_iter_input_files_reports_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^nirgends: Datei oder Ordner nicht gefunden$"):
        list(iter_input_files([tmp_path / "nirgends"]))


def test_read_document_is_frozen() -> None:
    doc = read_bytes(b"Hallo Welt", "a.txt", "txt")
    assert isinstance(doc, ReadDocument)
    with pytest.raises(AttributeError):
        doc.text = "anders"  # type: ignore[misc]


def test_a_file_without_suffix_is_reported_as_unsupported(write_file: Callable[[str, bytes], Path]) -> None:
    with pytest.raises(InputError, match=r"^README: Datei ohne Endung wird nicht unterstützt"):
        read_path(write_file("README", b"x"))
