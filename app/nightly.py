"""Nightly status service: overdue marks, a daily snapshot, one digest per recipient and day.

Idempotent per civil day (in the configured zone, default Europe/Berlin): marks are set
once (one conditional UPDATE), the snapshot of a day is replaced, and the digest has one
outbox row per (recipient target, day). After an outage only today's digest goes out (its
content covers everything since the last one). ``now`` is a UTC instant.

A digest lists permanently failed deliveries since the recipient's previous digest (the
first digest: the last 24 hours). Aggregates run in SQL, so 100,000 commitments cost
seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field, replace

from sqlalchemy import case, delete, func, insert, select, update
from sqlmodel import col

from app.bootstrap import AppContext
from app.reminders import SendReport, _record
from core.dates import local_date
from core.messages import DigestData, FailedDelivery, render_digest
from core.recipients import digest_recipients
from models import outbox, store
from models.tables import Body, Commitment, Delivery, Document, Meeting, Snapshot, StatusChange
from notifications.apprise_sender import Sender, default_sender

DUE_SOON_DAYS = 7
DIGEST_BATCH = 20


@dataclass
class NightlyReport:
    """What one nightly run did (flow return value and CLI output)."""

    day: dt.date
    newly_overdue: int = 0
    snapshot_rows: int = 0
    digests_planned: int = 0
    digests: SendReport = field(default_factory=SendReport)
    preview: DigestData | None = None

    def as_dict(self) -> dict[str, object]:
        """Plain values for ``--json`` and the flow result."""
        return {"day": self.day.isoformat(), "newly_overdue": self.newly_overdue,
                "snapshot_rows": self.snapshot_rows, "digests_planned": self.digests_planned,
                **{f"digests_{k}": v for k, v in self.digests.as_dict().items() if k != "planned"}}


def mark_overdue(ctx: AppContext, today: dt.date, now: dt.datetime) -> int:
    """Record newly overdue open items (overdue_since + one audit entry each); returns how many.

    The UPDATE comes first so the transaction starts as a writer (no SQLite lock upgrade)
    and a second run on the same day finds nothing left to mark.
    """
    table, audit = Commitment.__table__, StatusChange.__table__  # type: ignore[attr-defined]
    stmt = (update(table)
            .where(table.c.status == "open", table.c.due < today, table.c.overdue_since.is_(None))
            .values(overdue_since=today)
            .returning(table.c.id, table.c.due))
    with ctx.engine.begin() as conn:
        marked = conn.execute(stmt).all()
        if marked:
            conn.execute(insert(audit), [
                {"commitment_id": cid, "at": now, "actor": store.SYSTEM_ACTOR, "event": "overdue",
                 "from_status": "open", "to_status": "open", "note": f"überfällig seit {due.isoformat()}"}
                for cid, due in marked])
    return len(marked)


def take_snapshot(ctx: AppContext, today: dt.date) -> int:
    """Replace the day's counts per body, owner and (derived) status; returns rows written."""
    c = Commitment.__table__.c  # type: ignore[attr-defined]
    inner = (select(func.coalesce(Body.name, "").label("body"), func.coalesce(c.owner, "").label("owner"),
                    case((and_open_overdue(c, today), "overdue"), else_=c.status).label("status"))
             .select_from(Commitment.__table__)  # type: ignore[attr-defined]
             .join(Document, col(Document.id) == c.document_id)
             .join(Meeting, col(Meeting.id) == col(Document.meeting_id), isouter=True)
             .join(Body, col(Body.id) == col(Meeting.body_id), isouter=True)
             .subquery())
    query = (select(inner.c.body, inner.c.owner, inner.c.status, func.count())
             .group_by(inner.c.body, inner.c.owner, inner.c.status))
    with ctx.engine.begin() as conn:
        conn.execute(delete(Snapshot).where(col(Snapshot.day) == today))
        rows = [{"day": today, "body": b[:300], "owner": o[:300], "status": s, "count": n}
                for b, o, s, n in conn.execute(query).all()]
        merged: dict[tuple[str, str, str], dict[str, object]] = {}
        for row in rows:  # truncation to 300 characters may merge groups
            key = (str(row["body"]), str(row["owner"]), str(row["status"]))
            if key in merged:
                merged[key]["count"] = int(merged[key]["count"]) + int(row["count"])  # type: ignore[call-overload]
            else:
                merged[key] = row
        if merged:
            conn.execute(insert(Snapshot.__table__), list(merged.values()))  # type: ignore[attr-defined]
    return len(merged)


def and_open_overdue(c, today: dt.date):  # type: ignore[no-untyped-def]
    """SQL condition: open and the stated due date before ``today`` (the derived 'overdue')."""
    return (c.status == "open") & (c.due < today)


def last_digest_at(ctx: AppContext, recipient_key: str, today: dt.date) -> dt.datetime | None:
    """When this recipient last got a digest before ``today`` (UTC), if ever."""
    with ctx.session() as session:
        return session.execute(
            select(func.max(Delivery.sent_at)).where(
                col(Delivery.commitment_id).is_(None), col(Delivery.recipient_key) == recipient_key,
                col(Delivery.state) == outbox.SENT, col(Delivery.effective_date) < today)
        ).scalar()


def digest_data(ctx: AppContext, today: dt.date, recipient_key: str | None, now: dt.datetime) -> DigestData:
    """Everything a digest for ``today`` reports (since the recipient's previous digest)."""
    since = (last_digest_at(ctx, recipient_key, today) if recipient_key else None) or now - dt.timedelta(days=1)
    rcp = ctx.config.recipients.get(recipient_key or "")
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    with ctx.session() as session:
        proposed = store.list_views(session, today=today, status="proposed")
        overdue = store.list_views(session, today=today, status="overdue")
        due_soon = [v for v in store.list_views(session, today=today, status="open",
                                                due_before=horizon + dt.timedelta(days=1))
                    if v.due is not None and v.due >= today]
        done_ids = sorted(set(session.execute(
            select(col(StatusChange.commitment_id)).where(col(StatusChange.to_status) == "done",
                                                     col(StatusChange.at) > since)).scalars()))
        done = [v for v in store.list_views(session, today=today, status="done", ids=done_ids)] if done_ids else []
        failed_rows = outbox.failed_since(session, since)
    return DigestData(
        day=today,
        recipient_name=rcp.name if rcp else None,
        proposed=proposed,
        due_soon=due_soon,
        overdue=sorted(overdue, key=lambda v: (-v.days_overdue(today), v.id)),
        done=done,
        failed=[FailedDelivery(commitment_id=r.commitment_id, recipient_key=r.recipient_key, step=r.step,
                               error=r.last_error or "unbekannter Fehler") for r in failed_rows],
    )


def plan_digests(ctx: AppContext, today: dt.date, now: dt.datetime) -> int:
    """One outbox row per digest recipient target for ``today``."""
    planned = [
        outbox.PlannedDelivery(
            dedupe_key=outbox.delivery_key(None, rcp.key, index, "digest", today), commitment_id=None,
            recipient_key=rcp.key, target_index=index, step="digest", effective_date=today, stated_date=None,
            shift_reason=None, audience="manager", not_before=now)
        for rcp in digest_recipients(ctx.config) for index, _ in enumerate(rcp.notify)
    ]
    with ctx.session() as session:
        created = outbox.plan(session, planned, now)
        session.commit()
    return created


def send_digests(ctx: AppContext, now: dt.datetime, sender: Sender | None = None) -> SendReport:
    """Claim and send due digests (also retries of earlier days that failed transiently)."""
    report = SendReport()
    lease, max_send = ctx.config.delivery.lease_seconds, ctx.config.delivery.max_send_seconds
    while True:
        claims = outbox.claim_batch(ctx.engine, now, lease, DIGEST_BATCH, only="digest")
        started = time.monotonic()
        if not claims:
            return report
        sender = sender or default_sender(ctx.config.delivery.max_send_seconds)
        for position, claim in enumerate(claims):
            if time.monotonic() - started + max_send >= lease:
                report.released += outbox.release(ctx.engine, claims[position:])
                break
            rcp = ctx.config.recipients.get(claim.recipient_key)
            if rcp is None or not rcp.digest or claim.target_index >= len(rcp.notify):
                outbox.finish(ctx.engine, claim, now=now, state=outbox.SKIPPED,
                              error="übersprungen: Empfänger erhält keine Übersicht mehr")
                report.skipped += 1
                continue
            data = replace(digest_data(ctx, claim.effective_date, rcp.key, now), resend=claim.resend)
            message = render_digest(data)
            outcome = sender.send(rcp.notify[claim.target_index], message)
            _record(ctx, claim, outcome, now, message.subject, report)
            report.messages.append({"id": None, "to": rcp.key, "step": "digest", "subject": message.subject,
                                    "ok": outcome.ok})


def run_nightly(ctx: AppContext, now: dt.datetime, sender: Sender | None = None) -> NightlyReport:
    """The whole nightly run for the civil day of ``now`` (the direct, Prefect-free path)."""
    today = local_date(now, ctx.config.timezone)
    report = NightlyReport(day=today)
    report.newly_overdue = mark_overdue(ctx, today, now)
    report.snapshot_rows = take_snapshot(ctx, today)
    report.digests_planned = plan_digests(ctx, today, now)
    report.digests = send_digests(ctx, now, sender=sender)
    report.preview = digest_data(ctx, today, None, now)
    return report
