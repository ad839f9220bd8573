"""Flow ``ingest-minutes``: read files/folders and store proposed commitments."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from app.ingest import ingest_paths
from core.dates import parse_civil_date
from flows.common import context, resolve_now


@task(name="ingest-files", cache_policy=NO_CACHE)
def ingest_task(paths: list[str], meeting_date: str | None, body: str | None, now_iso: str) -> dict[str, object]:
    """Ingest a batch of paths; returns per-outcome counts and failures (reasons, no secrets)."""
    report = ingest_paths(context(), [Path(p) for p in paths], now=resolve_now(now_iso),
                          meeting_date=parse_civil_date(meeting_date) if meeting_date else None, body=body)
    return {"new": report.count("new"), "unchanged": report.count("unchanged"), "failed": report.count("failed"),
            "commitments": sum(f.commitments for f in report.files),
            "failures": [f"{f.path}: {f.reason}" for f in report.files if f.outcome == "failed"]}


@flow(name="ingest-minutes")
def ingest_minutes(paths: list[str], meeting_date: str | None = None, body: str | None = None,
                   now: str | None = None) -> dict[str, object]:
    """Ingest minutes files or folders (``paths``) as proposed commitments."""
    result = ingest_task(paths, meeting_date, body, resolve_now(now).isoformat())
    get_run_logger().info("Eingelesen: %s", {k: v for k, v in result.items() if k != "failures"})
    return result
