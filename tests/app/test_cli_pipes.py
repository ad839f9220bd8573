"""The CLI as a Unix filter: a reader that stops early ("… | head") ends it quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_reader_that_goes_away_ends_extract_quietly(tmp_path: Path) -> None:
    example = (ROOT / "app" / "examples" / "sozialausschuss-2026-11-19.txt").read_text(encoding="utf-8")
    minutes = tmp_path / "lang.txt"
    minutes.write_text("\n\n".join([example] * 150), encoding="utf-8")  # far more JSON than a pipe holds
    proc = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "extract", str(minutes), "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before the command writes a byte (it takes a good 0.2 s to start)
    with proc.stderr:
        stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141
    assert stderr == ""
