"""The flows under Prefect's test harness: same services, real orchestration, real artifacts."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
from pathlib import Path

import pytest

from tests.conftest import write_config

pytestmark = pytest.mark.prefect

MINUTES = """Niederschrift über die Sitzung des Kulturausschusses

Sitzung am 03.11.2026

Herr Römer teilt mit, dass der Förderantrag für das Stadtmuseum bis zum 20.11.2026 eingereicht wird.
Die Verwaltung sagt zu, das Ergebnis der Besucherbefragung schriftlich nachzureichen.
"""


@pytest.fixture
def flow_env(prefect_harness: None, tmp_path: Path, outbox_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WIEDERVORLAGE_DATABASE_URL", f"sqlite:///{tmp_path / 'flows.db'}")
    monkeypatch.setenv("WIEDERVORLAGE_CONFIG", str(write_config(tmp_path, outbox_dir)))
    minutes = tmp_path / "kultur.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    return minutes


def test_ingest_remind_and_nightly_run_as_prefect_flows(flow_env: Path, outbox_dir: Path) -> None:
    from app.bootstrap import from_environment
    from flows.ingest import ingest_minutes
    from flows.nightly import nightly_status
    from flows.reminders import send_reminders
    from models import store

    result = ingest_minutes([str(flow_env)], now="2026-11-05T09:00:00+01:00")
    assert result["new"] == 1 and result["commitments"] >= 1

    ctx = from_environment()
    confirmed_at = dt.datetime(2026, 11, 5, 9, 0, tzinfo=dt.UTC)
    with ctx.session() as session:
        for view in store.list_views(session, today=confirmed_at.date()):
            store.change_status(session, view.id, "confirm", now=confirmed_at, actor="test")
        session.commit()

    sent = send_reminders(now="2026-11-20T07:30:00+01:00")
    assert sent["sent"] >= 1
    again = send_reminders(now="2026-11-20T09:00:00+01:00")
    assert again["sent"] == 0 and again["planned"] == 0

    night = nightly_status(now="2026-11-23T05:00:00+01:00")
    assert night["newly_overdue"] >= 1
    assert night["digests"]["sent"] == 1  # type: ignore[index]

    subjects = [
        email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Subject"]
        for p in sorted(outbox_dir.rglob("*.eml"))
    ]
    assert any("Förderantrag" in s or "Erinnerung" in s for s in subjects)
    assert any(s.startswith("Wiedervorlage 23.11.2026") for s in subjects)


def test_the_nightly_flow_publishes_a_markdown_and_a_table_artifact(flow_env: Path) -> None:
    from prefect.client.orchestration import get_client

    from flows.ingest import ingest_minutes
    from flows.nightly import nightly_status

    ingest_minutes([str(flow_env)], now="2026-11-05T09:00:00+01:00")
    nightly_status(now="2026-11-06T05:00:00+01:00")

    async def keys() -> set[str]:
        async with get_client() as client:
            artifacts = await client.read_artifacts()
        return {a.key for a in artifacts if a.key}

    assert {"wiedervorlage-digest", "wiedervorlage-offen"} <= asyncio.run(keys())
