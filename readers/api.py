"""Entry points for the ingest shell: find input files, read one file or downloaded bytes."""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from core.errors import InputError
from readers.document import Extracted, ReadDocument

SUPPORTED_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")

# suffix -> (format, module, function). Modules load on first use: python-docx, pypdfium2
# and selectolax cost ~0.1 s each to import, and `extract` on a .txt file needs none of them.
_READERS: dict[str, tuple[str, str, str]] = {
    ".txt": ("txt", "readers.txt", "read_txt"),
    ".pdf": ("pdf", "readers.pdf", "read_pdf"),
    ".docx": ("docx", "readers.docx", "read_docx"),
    ".html": ("html", "readers.html", "read_html"),
    ".htm": ("html", "readers.html", "read_html"),
}


def _reader(suffix: str) -> tuple[str, Callable[[bytes, str], Extracted]]:
    fmt, module, function = _READERS[suffix]
    return fmt, getattr(importlib.import_module(module), function)


def _is_hidden(name: str) -> bool:
    # "~$…" are Word's lock files next to an open document; they are not minutes.
    return name.startswith((".", "~$"))


def iter_input_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Files as given; folders recursively, sorted, supported suffixes only, hidden entries skipped.

    Raises InputError for a path that does not exist.
    """
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not _is_hidden(d)]
                found.extend(
                    Path(folder) / f
                    for f in files
                    if not _is_hidden(f) and Path(f).suffix.lower() in SUPPORTED_SUFFIXES
                )
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path.name or path}: Datei oder Ordner nicht gefunden")


def _unsupported(name: str, suffix: str) -> str:
    shown = f"Format {suffix}" if suffix.strip(".") else "Datei ohne Endung"
    return f"{name}: {shown} wird nicht unterstützt (unterstützt: {', '.join(SUPPORTED_SUFFIXES)})"


def read_bytes(data: bytes, name: str, suffix: str) -> ReadDocument:
    """Read a document from bytes (e.g. downloaded by the OParl sync); ``name`` is used as source.

    ``suffix`` selects the reader (".pdf" or "pdf", any case). Raises InputError
    "<name>: <Grund>" for unsupported formats and unreadable or empty content.
    """
    display = Path(name).name or name
    key = "." + suffix.lower().lstrip(".")
    if key not in _READERS:
        raise InputError(_unsupported(display, key))
    fmt, reader = _reader(key)
    extracted = reader(data, display)
    return ReadDocument(
        source=name,
        sha256=hashlib.sha256(data).hexdigest(),
        text=extracted.text,
        page_starts=extracted.page_starts,
        meeting_date=extracted.meeting_date,
        body=extracted.body,
        title=extracted.title,
        format=fmt,
    )


def read_path(path: Path) -> ReadDocument:
    """Read one input file; ``source`` is the path as given. Raises InputError naming the file."""
    name = path.name or str(path)
    if path.suffix.lower() not in _READERS:
        raise InputError(_unsupported(name, path.suffix.lower()))
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{name}: ist ein Ordner, keine Datei") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{name}: Datei nicht gefunden") from exc
    except OSError as exc:
        raise InputError(f"{name}: Datei nicht lesbar ({exc.strerror or exc})") from exc
    return read_bytes(data, str(path), path.suffix)
