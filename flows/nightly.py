"""Flow ``nightly-status``: overdue marks, snapshot, digests, and a Prefect artifact."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from app import nightly
from core.dates import local_date
from core.messages import render_digest_markdown
from flows.common import context, resolve_now


@task(name="mark-overdue", cache_policy=NO_CACHE)
def mark_overdue_task(now_iso: str) -> int:
    """Mark items that became overdue (audit entries)."""
    ctx, now = context(), resolve_now(now_iso)
    return nightly.mark_overdue(ctx, local_date(now, ctx.config.timezone), now)


@task(name="snapshot", cache_policy=NO_CACHE)
def snapshot_task(now_iso: str) -> int:
    """Store the day's counts per body, owner and status."""
    ctx, now = context(), resolve_now(now_iso)
    return nightly.take_snapshot(ctx, local_date(now, ctx.config.timezone))


@task(name="send-digests", cache_policy=NO_CACHE)
def digests_task(now_iso: str) -> dict[str, object]:
    """Plan today's digests and send every due one."""
    ctx, now = context(), resolve_now(now_iso)
    planned = nightly.plan_digests(ctx, local_date(now, ctx.config.timezone), now)
    return {"planned": planned, **nightly.send_digests(ctx, now).as_dict()}


@task(name="publish-artifacts", cache_policy=NO_CACHE)
def artifacts_task(now_iso: str) -> None:
    """The digest content as a Prefect markdown and table artifact."""
    ctx, now = context(), resolve_now(now_iso)
    today = local_date(now, ctx.config.timezone)
    data = nightly.digest_data(ctx, today, None, now)
    create_markdown_artifact(key="wiedervorlage-digest", markdown=render_digest_markdown(data),
                             description=f"Wiedervorlage-Übersicht {today.isoformat()}")
    rows = [{"Nr.": v.id, "Aufgabe": v.action, "Zuständig": v.owner or "—",
             "Frist": v.due.isoformat() if v.due else "—", "Status": v.derived_status(today),
             "Tage überfällig": v.days_overdue(today)} for v in data.overdue + data.due_soon]
    create_table_artifact(key="wiedervorlage-offen", table=rows or [{"Hinweis": "nichts offen"}],
                          description=f"Überfällige und bald fällige Einträge {today.isoformat()}")


@flow(name="nightly-status")
def nightly_status(now: str | None = None) -> dict[str, object]:
    """The nightly run for the Berlin civil day of ``now`` (ISO instant; default the real time)."""
    now_iso = resolve_now(now).isoformat()
    result = {
        "newly_overdue": mark_overdue_task(now_iso),
        "snapshot_rows": snapshot_task(now_iso),
        "digests": digests_task(now_iso),
    }
    artifacts_task(now_iso)
    get_run_logger().info("Nachtlauf: %s", result)
    return result
