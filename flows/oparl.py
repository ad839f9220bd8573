"""Flow ``oparl-sync``: nightly OParl import (calendar, agenda, papers, protocols → proposals).

The URL comes from the ``url`` parameter or ``WIEDERVORLAGE_OPARL_URL`` (not a secret, but
kept out of ``prefect.yaml`` so one checkout serves any municipality); without either the
run is skipped with a log line. One task per OParl Body, each one transaction.
"""

from __future__ import annotations

import os

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.common import context, resolve_now


@task(name="oparl-discover-bodies", cache_policy=NO_CACHE)
def discover_task(url: str, body: str | None) -> list[str]:
    """The Body URLs behind ``url`` (System or Body endpoint)."""
    from oparl.client import OParlClient
    from oparl.sync import discover

    with OParlClient() as client:
        return [str(b["id"]) for b in discover(client, url, body)]


@task(name="oparl-sync-body", cache_policy=NO_CACHE)
def sync_body_task(body_url: str, since_iso: str | None, now_iso: str) -> dict[str, object]:
    """Sync one Body; returns the report's counts, warnings and failures (no secrets)."""
    from oparl.sync import sync

    since = resolve_now(since_iso) if since_iso else None
    return sync(context(), body_url, now=resolve_now(now_iso), since=since).as_dict()


@flow(name="oparl-sync")
def oparl_sync(url: str | None = None, body: str | None = None, since: str | None = None,
               now: str | None = None) -> dict[str, object]:
    """Sync every Body of ``url`` (default ``WIEDERVORLAGE_OPARL_URL``) at ``now`` (ISO; default: real time)."""
    logger = get_run_logger()
    url = url or os.environ.get("WIEDERVORLAGE_OPARL_URL")
    if not url:
        logger.info("OParl-Abgleich übersprungen: weder Parameter url noch WIEDERVORLAGE_OPARL_URL gesetzt")
        return {"skipped": True}
    now_iso = resolve_now(now).isoformat()
    results = [sync_body_task(body_url, since, now_iso) for body_url in discover_task(url, body)]
    totals: dict[str, object] = {"skipped": False, "bodies": len(results)}
    for key in ("meetings", "cancelled", "protocols_new", "commitments_new", "due_resolved", "protocols_failed"):
        totals[key] = sum(int(r[key]) for r in results)  # type: ignore[call-overload]
    totals["warnings"] = sorted({w for r in results for w in r["warnings"]})  # type: ignore[attr-defined]
    logger.info("OParl-Abgleich: %s", totals)
    return totals
