"""Flow ``send-reminders``: plan due steps into the outbox, then send it in batches."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from app import reminders
from flows.common import context, resolve_now


@task(name="plan-reminders", cache_policy=NO_CACHE)
def plan_task(now_iso: str) -> int:
    """Insert missing outbox rows for everything due by ``now``; returns how many are new."""
    return reminders.plan_reminders(context(), resolve_now(now_iso))


@task(name="send-reminder-batch", cache_policy=NO_CACHE)
def send_batch_task(now_iso: str, limit: int) -> dict[str, object]:
    """Claim and send one batch; returns its counts (``claimed`` 0 means the outbox is drained)."""
    ctx, now = context(), resolve_now(now_iso)
    total, report = 0, reminders.SendReport()
    while total < limit:
        claimed, batch = reminders.send_batch(ctx, now, min(reminders.SEND_BATCH, limit - total))
        report.merge(batch)
        total += claimed
        if claimed == 0:
            break
    return {"claimed": total, **report.as_dict()}


@flow(name="send-reminders", log_prints=False)
def send_reminders(now: str | None = None, batch_size: int = 200) -> dict[str, object]:
    """Plan and send every reminder due at ``now`` (ISO instant; default: the real time)."""
    now_iso = resolve_now(now).isoformat()
    totals: dict[str, object] = {"planned": plan_task(now_iso), "sent": 0, "retry": 0, "failed": 0}
    while True:
        batch = send_batch_task(now_iso, batch_size)
        for key in ("sent", "retry", "failed"):
            totals[key] = int(totals[key]) + int(batch[key])  # type: ignore[call-overload]
        if batch["claimed"] == 0:
            break
    get_run_logger().info("Erinnerungen: %s", totals)
    return totals
