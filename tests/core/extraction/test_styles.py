"""Own example minutes in the styles of many councils and Länder (not from the dev corpus).

Every line marked "+ " states a commitment and must yield one; no other line may. The files cover
Bavarian Bekanntgaben and Anfragen, Hessian Ortsbeiräte and the Magistrat, a Baden-Württemberg
Gemeinderat, an NRW Bezirksvertretung, a Berlin Bezirksverordnetenversammlung, a Lower Saxon Ortsrat, a
Schleswig-Holstein Gemeindevertretung with its Amt, a Rhineland-Palatinate Verbandsgemeinderat, a
Mecklenburg-Vorpommern Kreistag, a Schulausschuss, a Haupt- und Finanzausschuss, a Jugendhilfeausschuss,
enumerated resolutions, verbatim records, result minutes of working and steering groups (with labels
such as "Vereinbart:" and task lines), minutes in the past tense, reported speech, answers of the
administration, rejected motions and items that only report.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import pytest

from core.extraction import extract
from core.types import MeetingContext

STYLES = Path(__file__).parent / "styles"


def _marked(path: Path) -> tuple[str, list[int], set[int]]:
    """The text without markers, the offset where each line starts, and the marked line numbers."""
    lines, marked = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        if line.startswith("+ "):
            marked.add(number)
            line = line[2:]
        lines.append(line)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return "\n".join(lines), starts, marked


@pytest.mark.parametrize("path", sorted(STYLES.glob("*.txt")), ids=lambda path: path.stem)
def test_it_finds_the_marked_commitments_and_nothing_else(path: Path) -> None:
    text, starts, marked = _marked(path)
    found = {bisect_right(starts, cand.start) - 1 for cand in extract(text, MeetingContext())}
    lines = text.split("\n")
    assert {lines[n] for n in marked - found} == set(), "missed"
    assert {lines[n] for n in found - marked} == set(), "found in a line without a commitment"


def test_every_style_file_marks_a_commitment() -> None:
    paths = sorted(STYLES.glob("*.txt"))
    assert len(paths) >= 24
    assert all(_marked(path)[2] for path in paths)
