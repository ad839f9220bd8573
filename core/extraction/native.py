"""The rule modules compiled to C with mypyc, used only while they match their Python source.

``scripts/compile_rules.py`` (run by ``make``) compiles the modules named by ``compiled_modules``
into extension modules beside their sources and writes a manifest with the SHA-256 of those
sources. Python's import system prefers an extension module over a ``.py`` file of the same
name, so a stale build would silently run old rules after an edit. ``guard`` therefore runs
before any rule module is imported (from the package's ``__init__``): when the manifest is
missing or no longer matches the sources, or ``WIEDERVORLAGE_PURE_PYTHON=1`` is set, it puts
a finder in front of the import system that loads the rule modules from their ``.py`` files.

The compiled code is the same source, so its output is identical (a test compares both).
This module itself is never compiled: it has to decide before the compiled modules load.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Final

PACKAGE: Final = "core.extraction"
HERE: Final = Path(__file__).resolve().parent
MANIFEST: Final = HERE / "native-build.json"
GROUP: Final = f"{PACKAGE}._rules"  # mypyc's shared library becomes core/extraction/_rules__mypyc.*.so
PURE_ENV: Final = "WIEDERVORLAGE_PURE_PYTHON"
# Not compiled: the package entry (runs this guard), the command-line entry and this module.
_NOT_COMPILED: Final = {"__init__", "__main__", "native"}
# Hand-written C built with the rules: the header and the files of the one module ``_text_scan`` (built from the
# .c files; the rules use it only while the build is in use, and tests hold it to the Python it stands for).
C_SOURCES: Final = ("_text_scan.h", "_text_scan.c", "_needles.c", "_word_scan.c", "_words.c", "_case.c")
C_MODULE: Final = f"{PACKAGE}._text_scan"


def compiled_modules(directory: Path = HERE) -> list[str]:
    """The names (without package) of the rule modules that are compiled, sorted."""
    return sorted(p.stem for p in directory.glob("*.py") if p.stem not in _NOT_COMPILED)


def fingerprint(directory: Path = HERE, modules: Sequence[str] | None = None) -> str:
    """SHA-256 (hex) over the names and contents of the compiled modules' sources and of the C sources."""
    digest = hashlib.sha256()
    for name in modules if modules is not None else compiled_modules(directory):
        digest.update(name.encode() + b"\0" + (directory / f"{name}.py").read_bytes() + b"\0")
    for c_source in C_SOURCES:
        path = directory / c_source
        if path.exists():
            digest.update(c_source.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def is_fresh(manifest: Path = MANIFEST, directory: Path = HERE) -> bool:
    """Whether the manifest of the last build matches the sources as they are now."""
    try:
        built = json.loads(manifest.read_text(encoding="utf-8"))
        return bool(built["sources_sha256"] == fingerprint(directory, built["modules"])
                    and built["modules"] == compiled_modules(directory))
    except (OSError, ValueError, KeyError, TypeError):
        return False


class _SourceFinder:
    """Finds the rule modules as ``.py`` files, ahead of the extension modules beside them."""

    def __init__(self, modules: Sequence[str], directory: Path) -> None:
        self._paths = {f"{PACKAGE}.{name}": directory / f"{name}.py" for name in modules}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self._paths.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source is not None else None


def build_in_use() -> bool:
    """Whether this process uses the build (compiled rules and C helpers): ``guard`` found it fresh and allowed.

    Decided by ``guard``, which the package runs before any rule module is imported."""
    return not any(isinstance(finder, _SourceFinder) for finder in sys.meta_path)


def c_helpers() -> ModuleType | None:
    """The C helpers built with the rules (``_text_scan.c``), or None when the build is not in use or lacks them."""
    if not build_in_use():
        return None
    try:
        return importlib.import_module(C_MODULE)
    except ImportError:
        return None


def native_in_use() -> bool:
    """Whether the rule modules run compiled (false before the first import of one of them)."""
    module = sys.modules.get(f"{PACKAGE}.pipeline")
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")


def guard() -> None:
    """Make the rule modules load from source unless a build matching them exists (see module doc)."""
    if not build_in_use():
        return  # decided already
    if os.environ.get(PURE_ENV) == "1" or not is_fresh():
        sys.meta_path.insert(0, _SourceFinder(compiled_modules(), HERE))
