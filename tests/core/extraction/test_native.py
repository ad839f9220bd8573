"""The mypyc build of the rules: used only while it matches the source, and identical in output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.extraction import native

ROOT = Path(__file__).resolve().parents[3]

# Extracts every example and style file and prints the candidates as JSON, plus whether the build ran.
_DUMP = """
import dataclasses, datetime as dt, json, sys
from pathlib import Path
from core.extraction import iter_candidates, native
from core.types import MeetingContext
files = sorted(Path("app/examples").glob("*.txt")) + sorted(Path("tests/core/extraction/styles").glob("*.txt"))
out = {}
for path in files:
    context = MeetingContext(meeting_date=dt.date(2026, 11, 10))
    out[path.name] = [dataclasses.asdict(c) for c in iter_candidates(path.read_text(encoding="utf-8"), context)]
print(json.dumps({"native": native.native_in_use(), "candidates": out}, default=str))
"""


def _dump(pure: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    done = subprocess.run([sys.executable, "-c", _DUMP], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True, timeout=120)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _write_sources(directory: Path, **sources: str) -> None:
    for name, text in sources.items():
        (directory / f"{name}.py").write_text(text, encoding="utf-8")


def _write_manifest(directory: Path) -> Path:
    manifest = directory / "native-build.json"
    modules = native.compiled_modules(directory)
    manifest.write_text(json.dumps({"modules": modules, "sources_sha256": native.fingerprint(directory, modules)}))
    return manifest


def test_it_trusts_a_build_whose_manifest_matches_the_sources(tmp_path: Path) -> None:
    _write_sources(tmp_path, __init__="", timex="X = 1\n", units="Y = 2\n")
    assert native.is_fresh(_write_manifest(tmp_path), tmp_path)


def test_it_distrusts_the_build_after_a_rule_module_changed(tmp_path: Path) -> None:
    _write_sources(tmp_path, timex="X = 1\n", units="Y = 2\n")
    manifest = _write_manifest(tmp_path)
    _write_sources(tmp_path, units="Y = 3\n")
    assert not native.is_fresh(manifest, tmp_path)


def test_it_distrusts_the_build_when_a_rule_module_was_added_since(tmp_path: Path) -> None:
    _write_sources(tmp_path, timex="X = 1\n")
    manifest = _write_manifest(tmp_path)
    _write_sources(tmp_path, owners="Z = 1\n")
    assert not native.is_fresh(manifest, tmp_path)


@pytest.mark.parametrize("content", [None, "", "{not json", '{"modules": ["timex"]}', "[]"])
def test_it_distrusts_a_missing_or_broken_manifest(tmp_path: Path, content: str | None) -> None:
    _write_sources(tmp_path, timex="X = 1\n")
    manifest = tmp_path / "native-build.json"
    if content is not None:
        manifest.write_text(content)
    assert not native.is_fresh(manifest, tmp_path)


def test_the_package_entry_and_the_guard_itself_are_never_compiled() -> None:
    modules = native.compiled_modules()
    assert "pipeline" in modules and "timex" in modules
    assert not {"__init__", "__main__", "native"} & set(modules)


def test_the_pure_python_switch_runs_the_sources() -> None:
    assert _dump(pure=True)["native"] is False


@pytest.mark.skipif(not native.is_fresh(), reason="no compiled rules matching the source: run `make compile`")
def test_the_compiled_rules_find_exactly_what_the_source_rules_find() -> None:
    compiled, source = _dump(pure=False), _dump(pure=True)
    assert compiled["native"] is True
    assert compiled["candidates"] == source["candidates"]
    assert sum(len(found) for found in source["candidates"].values()) > 100  # type: ignore[attr-defined]
