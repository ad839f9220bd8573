"""The scorer's logic on the shared dev corpus (skipped where the corpus is not available)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from core.extraction import extract, find_meeting_date
from core.types import MeetingContext

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.exists() or not DEV.exists(), reason="shared corpus not available")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wv_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(path: Path, meeting: str | None) -> tuple[str, list[dict[str, object]]]:
    text = path.read_text(encoding="utf-8")
    day = dt.date.fromisoformat(meeting) if meeting else find_meeting_date(text)
    return text, [c.to_contract() for c in extract(text, MeetingContext(meeting_date=day))]


def test_dev_f1_and_field_accuracy_reach_the_targets() -> None:
    score = _scorer()
    tp = n_gold = n_pred = due_ok = kind_ok = own_ok = 0
    for meta_path in sorted(DEV.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text, preds = _predict(meta_path.with_suffix(".txt"), meta.get("meeting_date"))
        matches, ng, npred = score.score_doc(text, meta["commitments"], preds)
        tp, n_gold, n_pred = tp + len(matches), n_gold + ng, n_pred + npred
        for gold, pred in matches:
            due_ok += (gold.get("due") or None) == (pred.get("due") or None)
            kind_ok += gold.get("kind") == pred.get("kind")
            own_ok += score.owner_ok(gold.get("owner"), pred.get("owner"))
    precision, recall = tp / n_pred, tp / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.85
    assert due_ok / tp >= 0.95 and kind_ok / tp >= 0.85 and own_ok / tp >= 0.80


def test_the_seed_document_is_extracted_exactly() -> None:
    text, preds = _predict(DEV / "000.txt", "2023-08-31")
    by_kind = {p["kind"]: p for p in preds}
    assert by_kind["deadline"]["due"] == "2023-10-01"
    assert by_kind["meeting"]["due"] == "2023-09-13" and by_kind["meeting"]["owner"] == "Lenkungsgruppe"
    forward = by_kind["forward"]
    assert forward["due"] is None and forward["due_text"] and forward["owner"] == "Verwaltung"
    drafts = [p for p in preds if p["kind"] == "deliverable" and "Kooperationsvereinbarung" in str(p["quote"])]
    assert len(drafts) == 1 and drafts[0]["due"] is None
    gold = json.loads((DEV / "000.json").read_text(encoding="utf-8"))["commitments"]
    matches, _, _ = _scorer().score_doc(text, gold, preds)
    assert len(matches) == len(gold) == len(preds)
