"""Bytes of a minutes file -> text, with clear errors for input that is not text.

Offsets of extracted quotes refer to the string returned here, so the same bytes
must always decode to the same string.
"""

from __future__ import annotations

import codecs

from core.errors import InputError

# Control characters other than tab, LF, CR and form feed that real minutes never contain;
# more than a trace of them means a binary file.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
_MAX_CONTROL_RATIO = 0.01


def decode_text(data: bytes, name: str = "Eingabe") -> str:
    """Decode minutes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Line ends are normalised to ``\\n``. Raises InputError (one German line naming
    ``name``) for empty input, binary content or text that no encoding explains.
    """
    if not data or not data.strip():
        raise InputError(f"{name}: Datei ist leer")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8):], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    elif b"\x00" in data:
        raise InputError(f"{name}: keine Textdatei (Binärdaten)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _strict(data, "cp1252", name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: Datei ist leer")
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > max(2, len(text) * _MAX_CONTROL_RATIO):
        raise InputError(f"{name}: keine Textdatei (Binärdaten)")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: Zeichenkodierung nicht lesbar ({encoding})") from exc
