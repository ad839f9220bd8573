"""Reminder service: plan due steps into the outbox, then work the outbox.

A reconciliation loop, not one scheduled job per reminder: every run asks "what is due
by now that has not been delivered?". Edits of due dates, outages and crashes are
therefore handled by the next run. Both Prefect tasks and the direct CLI path call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bootstrap import AppContext
from core.dates import local_date, local_instant
from core.messages import ReminderNote, render_reminder
from core.policy import DueStep, ReminderItem, due_steps
from core.recipients import route
from core.types import Kind, Status
from models import outbox, store
from models.tables import Commitment, Document, Meeting

SEND_BATCH = 50


@dataclass
class SendReport:
    """What one pass over the outbox did."""

    planned: int = 0
    sent: int = 0
    retry: int = 0
    failed: int = 0
    lost_claims: int = 0
    messages: list[dict[str, object]] = field(default_factory=list)

    def merge(self, other: SendReport) -> None:
        """Add another batch's counts to this report."""
        self.sent += other.sent
        self.retry += other.retry
        self.failed += other.failed
        self.lost_claims += other.lost_claims
        self.messages.extend(other.messages)

    def as_dict(self) -> dict[str, object]:
        """Plain counts (flow return value, ``--json``)."""
        return {"planned": self.planned, "sent": self.sent, "retry": self.retry, "failed": self.failed,
                "lost_claims": self.lost_claims}


def reminder_items(session: Session) -> list[tuple[ReminderItem, str | None]]:
    """Open commitments as policy input, with their owner (one query, no ORM objects)."""
    query = (
        select(Commitment.id, Commitment.kind, Commitment.status, Commitment.due, Meeting.date,
               Commitment.confirmed_at, Commitment.owner)
        .join(Document, Document.id == Commitment.document_id)
        .join(Meeting, Meeting.id == Document.meeting_id, isouter=True)
        .where(Commitment.status == Status.OPEN.value)
    )
    items = []
    for cid, kind, status, due, meeting_date, confirmed_at, owner in session.execute(query).all():
        confirmed_on = local_date(confirmed_at) if confirmed_at else None
        items.append((ReminderItem(commitment_id=cid, kind=Kind(kind), status=Status(status), due=due,
                                   meeting_date=meeting_date, confirmed_on=confirmed_on, owner=owner), owner))
    return items


def relevant_steps(steps: Sequence[DueStep], confirmed_on: dt.date | None) -> list[DueStep]:
    """Steps worth sending: none from before the item was confirmed, except the latest one.

    A commitment confirmed long after its Frist would otherwise receive its whole
    reminder history at once; it gets the most recent reminder instead.
    """
    if confirmed_on is None:
        return list(steps)
    kept = [s for s in steps if s.effective_date >= confirmed_on]
    if not kept and steps:
        kept = [max(steps, key=lambda s: (s.effective_date, s.step))]
    return kept


def plan_reminders(ctx: AppContext, now: dt.datetime) -> int:
    """Insert outbox rows for every due step of every open commitment; returns new rows."""
    cfg = ctx.config
    today = local_date(now, cfg.timezone)
    cal = cfg.calendar()
    planned: list[outbox.PlannedDelivery] = []
    with ctx.session() as session:
        for item, owner in reminder_items(session):
            steps = relevant_steps(due_steps(item, cfg.reminders, cal, today), item.confirmed_on)
            for step in steps:
                not_before = local_instant(step.effective_date, cfg.send_at, cfg.timezone)
                for rcp in route(step, owner, cfg):
                    for index, _url in enumerate(rcp.notify):
                        planned.append(outbox.PlannedDelivery(
                            dedupe_key=outbox.delivery_key(item.commitment_id, rcp.key, index, step.step,
                                                           step.effective_date),
                            commitment_id=item.commitment_id, recipient_key=rcp.key, target_index=index,
                            step=step.step, effective_date=step.effective_date, stated_date=step.stated_date,
                            shift_reason=step.reason, audience=step.audience, not_before=not_before))
        created = outbox.plan(session, planned, now)
        session.commit()
    return created


def send_batch(ctx: AppContext, now: dt.datetime, limit: int = SEND_BATCH, sender=None) -> tuple[int, SendReport]:  # type: ignore[no-untyped-def]
    """Claim and send up to ``limit`` due reminders; returns (claimed, report)."""
    cfg = ctx.config
    claims = outbox.claim_batch(ctx.engine, now, cfg.delivery.lease_seconds, limit, only="reminder")
    report = SendReport()
    if not claims:
        return 0, report
    sender = sender or ctx.sender()
    today = local_date(now, cfg.timezone)
    with ctx.session() as session:
        views = {v.id: v for v in store.list_views(session, today=today,
                                                   ids=[c.commitment_id for c in claims if c.commitment_id])}
    for claim in claims:
        view = views.get(claim.commitment_id or -1)
        rcp = cfg.recipients.get(claim.recipient_key)
        if view is None or rcp is None or claim.target_index >= len(rcp.notify):
            outbox.finish(ctx.engine, claim, now=now, state=outbox.FAILED,
                          error="Eintrag oder Empfänger nicht mehr vorhanden")
            report.failed += 1
            continue
        if view.status != Status.OPEN.value:
            # Done or cancelled since planning: nothing to remind of any more.
            outbox.finish(ctx.engine, claim, now=now, state=outbox.SENT, error="übersprungen: nicht mehr offen")
            continue
        note = ReminderNote(step=claim.step, audience=claim.audience, effective_date=claim.effective_date,
                            stated_date=claim.stated_date, shift_reason=claim.shift_reason, resend=claim.resend,
                            recipient_name=rcp.name)
        message = render_reminder(view, note, today)
        outcome = sender.send(rcp.notify[claim.target_index], message)
        _record(ctx, claim, outcome, now, message.subject, report)
        report.messages.append({"id": claim.commitment_id, "to": rcp.key, "step": claim.step,
                                "subject": message.subject, "ok": outcome.ok})
    return len(claims), report


def _record(ctx: AppContext, claim: outbox.Claim, outcome, now: dt.datetime, subject: str,  # type: ignore[no-untyped-def]
            report: SendReport) -> None:
    delivery = ctx.config.delivery
    if outcome.ok:
        state, retry_at = outbox.SENT, None
        report.sent += 1
    elif outcome.permanent or claim.attempts >= delivery.max_attempts:
        state, retry_at = outbox.FAILED, None
        report.failed += 1
    else:
        backoff = delivery.backoff_seconds or (60.0,)
        delay = backoff[min(claim.attempts - 1, len(backoff) - 1)]
        state, retry_at = outbox.PENDING, now + dt.timedelta(seconds=delay)
        report.retry += 1
    if not outbox.finish(ctx.engine, claim, now=now, state=state, error=outcome.error, retry_at=retry_at,
                         subject=subject, maybe_delivered=outcome.maybe_delivered):
        report.lost_claims += 1


def run_reminders(ctx: AppContext, now: dt.datetime, sender=None) -> SendReport:  # type: ignore[no-untyped-def]
    """Plan, then send batches until nothing due is left (the direct, Prefect-free path)."""
    report = SendReport(planned=plan_reminders(ctx, now))
    while True:
        claimed, batch = send_batch(ctx, now, sender=sender)
        report.merge(batch)
        if claimed == 0:
            return report


def preview(ctx: AppContext, now: dt.datetime) -> list[dict[str, object]]:
    """What a run at ``now`` would send (``--dry-run``): plans in a rolled-back transaction."""
    cfg = ctx.config
    today = local_date(now, cfg.timezone)
    cal = cfg.calendar()
    rows: list[dict[str, object]] = []
    with ctx.session() as session:
        for item, owner in reminder_items(session):
            for step in relevant_steps(due_steps(item, cfg.reminders, cal, today), item.confirmed_on):
                for rcp in route(step, owner, cfg):
                    key = outbox.delivery_key(item.commitment_id, rcp.key, 0, step.step, step.effective_date)
                    done = session.execute(select(outbox._TABLE.c.state).where(
                        outbox._TABLE.c.dedupe_key == key)).scalar()
                    if done in (outbox.SENT, outbox.FAILED):
                        continue
                    rows.append({"id": item.commitment_id, "to": rcp.key, "step": step.step,
                                 "date": step.effective_date.isoformat(), "reason": step.reason})
    return rows
