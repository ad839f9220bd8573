"""The store of compiled regexes: a hit is exactly what ``re.compile`` makes, anything else compiles as usual."""

from __future__ import annotations

import importlib.util
import marshal
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from core.extraction import regex_store

ROOT = Path(__file__).resolve().parents[3]

# Named groups, inline and given flags, look-behinds, classes beyond ASCII, repeats and alternations.
_PATTERNS = [
    (r"(?P<tag>\d{1,2})\.(?P<monat>\d{1,2})\.(?:(?P<jahr>\d{4}))?", 0),
    (r"\b(?:Ende|Mitte|Anfang)\s+(?:des\s+)?Jahres\b", re.IGNORECASE),
    (r"(?m)^[ \t]*TOP\s+\d+(?:\.\d+)*", 0),
    (r"zu(?<!\wzu)\s+([a-zäöüß]{1,40})\b", 0),
    (r"[^0-9A-Z_a-zªµºÀ-ÖØ-öø-ÿ](?:bis|spätestens)\b", re.IGNORECASE | re.MULTILINE),
]


def _compile_rules() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compile_rules", ROOT / "scripts" / "compile_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("pattern", "flags"), _PATTERNS)
def test_a_stored_regex_equals_the_one_re_compiles_and_finds_the_same(pattern: str, flags: int) -> None:
    stored = {(pattern, int(flags)): _compile_rules()._sre_arguments(pattern, int(flags))}
    regex = regex_store.compile_regex(pattern, flags, stored)
    plain = re.compile(pattern, flags)
    assert regex == plain and regex is not plain  # (equal: same text, flags and code; not re's cached object)
    assert (regex.groups, regex.groupindex, regex.flags) == (plain.groups, plain.groupindex, plain.flags)
    text = "Bis 13.09.2023 zu prüfen; Ende des Jahres\nTOP 5.1 spätestens 1.10. zu erledigen"
    assert [m.span() for m in regex.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert (pattern, int(flags)) not in regex_store.MISSED


def test_a_broken_entry_compiles_the_ordinary_way_and_is_noted_as_missed() -> None:
    pattern = r"\bFrist\s+(?P<tage>\d+)\s+Tage\b"
    regex = regex_store.compile_regex(pattern, 0, {(pattern, 0): (0, [1, 2, 3], 0, {}, ())})
    assert regex == re.compile(pattern)
    assert (pattern, 0) in regex_store.MISSED


def test_a_store_written_by_another_python_build_is_ignored(tmp_path: Path) -> None:
    pattern = _PATTERNS[0][0]
    entries = {(pattern, 0): _compile_rules()._sre_arguments(pattern, 0)}
    store = tmp_path / "regex-store.marshal"
    store.write_bytes(marshal.dumps(("cpython-310 3.10.12 sre 20171005 4", entries)))
    assert regex_store.load(store) == {}
    store.write_bytes(marshal.dumps((regex_store.build_tag(), entries)))
    assert regex_store.load(store) == entries


@pytest.mark.parametrize("content", [None, b"", b"\x00garbage", marshal.dumps([1, 2]), marshal.dumps(("tag",))])
def test_a_missing_or_unreadable_store_is_empty(tmp_path: Path, content: bytes | None) -> None:
    store = tmp_path / "regex-store.marshal"
    if content is not None:
        store.write_bytes(content)
    assert regex_store.load(store) == {}


def test_the_build_s_store_gives_every_rule_regex_as_re_compiles_it() -> None:
    if not regex_store.STORE.exists():
        pytest.skip("no build here (make compile writes the store)")
    entries = regex_store.load()
    assert len(entries) > 200, "the store is from another Python build: run make compile"
    for (pattern, flags), arguments in entries.items():
        assert regex_store.compile_regex(pattern, flags, {(pattern, flags): arguments}) == re.compile(pattern, flags)
    # In a fresh interpreter every rule pattern, the ones compiled on first use included, comes from the store.
    probe = ("from core.extraction import lexicon, regex_store\n"
             "lexicon.phrase_regexes()\n"
             "print(len(regex_store.MISSED))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
