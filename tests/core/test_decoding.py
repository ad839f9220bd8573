"""Minutes files decode to the same text whatever their encoding; non-text is refused."""

from __future__ import annotations

import codecs

import pytest

from core.decoding import decode_text
from core.errors import InputError

SAMPLE = "Die Verwaltung sagt zu, die Vorlage bis zum 30.06.2027 zu überarbeiten. Größe: 5 m²."


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("cp1252"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "utf16-bom"],
)
def test_it_reads_every_common_encoding_to_the_same_text(data: bytes) -> None:
    assert decode_text(data) == SAMPLE


def test_it_normalises_windows_line_ends_so_offsets_match_the_utf8_version() -> None:
    assert decode_text("a\r\nb\rc".encode("cp1252")) == "a\nb\nc"


@pytest.mark.parametrize("data", [b"", b"   \n\t ", codecs.BOM_UTF8])
def test_it_refuses_empty_input_with_one_line(data: bytes) -> None:
    with pytest.raises(InputError, match="leer") as err:
        decode_text(data, "x.txt")
    assert "\n" not in str(err.value)


def test_it_refuses_binary_input() -> None:
    with pytest.raises(InputError, match="Binärdaten"):
        decode_text(bytes(range(256)) * 8, "bild.png")


def test_it_refuses_control_character_soup_without_nul_bytes() -> None:
    with pytest.raises(InputError, match="Binärdaten"):
        decode_text(bytes([1, 2, 3, 4, 5, 6, 7, 8, 65]) * 100)
