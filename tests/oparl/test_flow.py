"""Flow ``oparl-sync`` tasks and its nightly deployment (no Prefect server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flows import deployments
from flows.oparl import discover_task, sync_body_task
from tests.oparl.server import FixtureServer

ROOT = Path(__file__).resolve().parents[2]


def test_flow_tasks_discover_bodies_and_sync_each(sqlite_url: str, oparl_server: FixtureServer,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIEDERVORLAGE_DATABASE_URL", sqlite_url)
    bodies = discover_task.fn(oparl_server.system_url, None)
    assert bodies == [oparl_server.body_url]
    result = sync_body_task.fn(bodies[0], None, "2026-11-30T03:30:00+00:00")
    assert result["meetings"] == 6 and result["protocols_new"] == 2


def test_nightly_oparl_deployment_runs_at_0430_berlin_outside_the_dst_gap() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    entry = next(d for d in spec["deployments"] if d["name"] == "oparl-sync")
    assert entry["entrypoint"] == "flows/oparl.py:oparl_sync"
    assert entry["schedules"][0] == {"cron": deployments.OPARL_CRON, "timezone": "Europe/Berlin", "active": True}
    minute, hour = deployments.OPARL_CRON.split()[:2]
    assert (int(hour), int(minute)) == (4, 30) and not 2 <= int(hour) < 3
