"""Document readers: .txt, .pdf, .docx and RIS .html files → normalised text with page offsets.

The ingest shell uses only what is exported here; every failure is a one-line German
``core.errors.InputError`` that names the file.
"""

from readers.api import SUPPORTED_SUFFIXES, iter_input_files, read_bytes, read_path
from readers.document import ReadDocument

__all__ = ["SUPPORTED_SUFFIXES", "ReadDocument", "iter_input_files", "read_bytes", "read_path"]
