"""Nightly status service: overdue marks, a daily snapshot, one digest per recipient and day.

Idempotent per civil day: marks are set once, the snapshot of a day is replaced, and the
digest has one outbox row per (recipient target, day). After an outage only today's
digest goes out (its content covers everything since the last one).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from sqlalchemy import delete, func, select
from sqlmodel import col
from sqlmodel import select as sm_select

from app.bootstrap import AppContext
from app.reminders import SendReport, _record
from core.dates import local_date
from core.messages import DigestData, FailedDelivery, render_digest
from core.recipients import digest_recipients
from models import outbox, store
from models.tables import Commitment, Delivery, Snapshot, StatusChange

DUE_SOON_DAYS = 7


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
    """Record newly overdue open items (overdue_since + audit entry); returns how many."""
    with ctx.session() as session:
        rows = session.exec(
            sm_select(Commitment).where(
                Commitment.status == "open", col(Commitment.due) < today, col(Commitment.overdue_since).is_(None))
        ).all()
        for row in rows:
            row.overdue_since = today
            session.add(row)
            store.audit(session, row, now=now, actor=store.SYSTEM_ACTOR, event="overdue", from_status="open",
                        to_status="open", note=f"überfällig seit {row.due.isoformat() if row.due else '?'}")
        session.commit()
        return len(rows)


def take_snapshot(ctx: AppContext, today: dt.date) -> int:
    """Replace the day's counts per body, owner and (derived) status; returns rows written."""
    with ctx.session() as session:
        views = store.list_views(session, today=today)
        counts = Counter((v.body or "", v.owner or "", v.derived_status(today)) for v in views)
        session.execute(delete(Snapshot).where(col(Snapshot.day) == today))
        for (body, owner, status), n in counts.items():
            session.add(Snapshot(day=today, body=body[:300], owner=owner[:300], status=status, count=n))
        session.commit()
    return len(counts)


def last_digest_at(ctx: AppContext, recipient_key: str, today: dt.date) -> dt.datetime | None:
    """When this recipient last got a digest before ``today`` (UTC), if ever."""
    with ctx.session() as session:
        return session.execute(
            select(func.max(Delivery.sent_at)).where(
                col(Delivery.commitment_id).is_(None), Delivery.recipient_key == recipient_key,
                Delivery.state == outbox.SENT, col(Delivery.effective_date) < today)
        ).scalar()


def digest_data(ctx: AppContext, today: dt.date, recipient_key: str | None, now: dt.datetime) -> DigestData:
    """Everything a digest for ``today`` reports."""
    since = (last_digest_at(ctx, recipient_key, today) if recipient_key else None) or now - dt.timedelta(days=1)
    rcp = ctx.config.recipients.get(recipient_key or "")
    with ctx.session() as session:
        views = store.list_views(session, today=today)
        done_ids = set(session.execute(
            select(StatusChange.commitment_id).where(StatusChange.to_status == "done",
                                                     col(StatusChange.at) > since)).scalars())
        failed_rows = session.exec(
            sm_select(Delivery).where(Delivery.state == outbox.FAILED)
            .order_by(col(Delivery.id).desc()).limit(50)).all()
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return DigestData(
        day=today,
        recipient_name=rcp.name if rcp else None,
        proposed=[v for v in views if v.status == "proposed"],
        due_soon=[v for v in views if v.status == "open" and v.due and today <= v.due <= horizon],
        overdue=sorted((v for v in views if v.derived_status(today) == "overdue"),
                       key=lambda v: -v.days_overdue(today)),
        done=[v for v in views if v.status == "done" and v.id in done_ids],
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


def send_digests(ctx: AppContext, now: dt.datetime, sender=None) -> SendReport:  # type: ignore[no-untyped-def]
    """Claim and send due digests (also retries of earlier days that failed transiently)."""
    report = SendReport()
    while True:
        claims = outbox.claim_batch(ctx.engine, now, ctx.config.delivery.lease_seconds, 20, only="digest")
        if not claims:
            return report
        sender = sender or ctx.sender()
        for claim in claims:
            rcp = ctx.config.recipients.get(claim.recipient_key)
            if rcp is None or claim.target_index >= len(rcp.notify):
                outbox.finish(ctx.engine, claim, now=now, state=outbox.FAILED, error="Empfänger nicht mehr vorhanden")
                report.failed += 1
                continue
            data = digest_data(ctx, claim.effective_date, rcp.key, now)
            data = replace(data, resend=claim.resend)
            message = render_digest(data)
            outcome = sender.send(rcp.notify[claim.target_index], message)
            _record(ctx, claim, outcome, now, message.subject, report)
            report.messages.append({"id": None, "to": rcp.key, "step": "digest", "subject": message.subject,
                                    "ok": outcome.ok})


def run_nightly(ctx: AppContext, now: dt.datetime, sender=None) -> NightlyReport:  # type: ignore[no-untyped-def]
    """The whole nightly run for the civil day of ``now`` (the direct, Prefect-free path)."""
    today = local_date(now, ctx.config.timezone)
    report = NightlyReport(day=today)
    report.newly_overdue = mark_overdue(ctx, today, now)
    report.snapshot_rows = take_snapshot(ctx, today)
    report.digests_planned = plan_digests(ctx, today, now)
    report.digests = send_digests(ctx, now, sender=sender)
    report.preview = digest_data(ctx, today, None, now)
    return report
