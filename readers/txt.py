"""Plain-text minutes: decoded exactly like core.decoding does, so offsets agree with the core."""

from __future__ import annotations

from core.decoding import decode_text
from readers.document import Extracted
from readers.meta import head_context


def read_txt(data: bytes, name: str) -> Extracted:
    """Decode UTF-8 (BOM), UTF-16 (BOM) or Windows-1252 text; raises InputError naming ``name``.

    The text is not cleaned further: quotes found by the core in ``decode_text`` output must
    have the same offsets here.
    """
    text = decode_text(data, name)
    meeting_date, body = head_context(text)
    return Extracted(text=text, meeting_date=meeting_date, body=body)
