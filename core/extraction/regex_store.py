"""The rules' regexes, compiled once per build instead of at every start.

``re`` parses and compiles a pattern in Python code: the rules' ~240 patterns take 0.1-0.2 s at
every import, most of what ``wiedervorlage extract`` on one page costs. ``scripts/compile_rules.py``
therefore stores what ``re``'s compiler makes of each pattern (``regex-store.marshal``, beside the
compiled rules), and ``compile_regex`` hands it to ``_sre``, the C half of ``re.compile``, which
takes microseconds. An entry is keyed by the pattern's text and flags, and the whole store by the
Python build that wrote it, so an edited pattern or another Python compiles the ordinary way: the
store can be stale or missing without changing a result. The writer keeps only entries whose
pattern compares equal to ``re.compile``'s (compiled patterns compare by text, flags and code).
"""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any, Final

from core.extraction.native import HERE

# (Beside the sources: a compiled module's ``__file__`` does not say where they are.)
STORE: Final = HERE / "regex-store.marshal"
# The C engine behind ``re`` (no stub: it is CPython's private module, used through its one entry point).
_SRE: Final[Any] = importlib.import_module("_sre")

# (pattern, flags) -> the rest of ``_sre.compile``'s arguments: flags, code, groups - 1, groupindex, indexgroup.
Stored = dict[tuple[str, int], tuple[Any, ...]]


def build_tag() -> str:
    """The Python build a store is valid for: implementation, full version and the engine's magic number."""
    return f"{sys.implementation.cache_tag} {sys.version} sre {_SRE.MAGIC} {_SRE.CODESIZE}"


def load(path: Path = STORE) -> Stored:
    """The entries of the store at ``path``; empty when it is missing, unreadable or from another build."""
    try:
        tag, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if tag == build_tag() and isinstance(entries, dict) else {}


_STORED: Final = load()
# The patterns compiled the ordinary way in this process: what a store written now would add.
MISSED: Final[set[tuple[str, int]]] = set()


def compile_regex(pattern: str, flags: int = 0, stored: Stored | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, taken from ``stored`` (by default the build's store) when it holds it."""
    key = (pattern, int(flags))
    entry = (_STORED if stored is None else stored).get(key)
    if entry is not None:
        try:
            regex: re.Pattern[str] = _SRE.compile(pattern, *entry)
            return regex
        except (TypeError, ValueError, RuntimeError):  # (a store the tag did not catch: compile as usual)
            pass
    MISSED.add(key)
    return re.compile(pattern, flags)
