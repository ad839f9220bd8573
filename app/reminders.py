"""Reminder service: plan due steps into the outbox, then work the outbox.

A reconciliation loop, not one scheduled job per reminder: every run asks "what is due
by now that has not been delivered?". Edits of due dates, outages and crashes are
therefore handled by the next run. Both Prefect tasks and the direct CLI path call these.

``now`` is a UTC instant (injected, so any day can be replayed); civil days are taken in
the configured zone (default Europe/Berlin). Durations (lease, send time) are seconds.

At send time every claimed row is checked against the current state: a commitment done
or cancelled since planning, a step that left the schedule (Frist edited) or a recipient
no longer routed to is ``skipped`` with a reason, not sent. A sender only sends a row
while the rest of its lease still covers a worst-case send (``max_send_seconds``); rows
it cannot reach in time are handed back, so a lease never expires under a live sender.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from app.bootstrap import AppContext
from core.config import Config, Recipient
from core.dates import BusinessCalendar, local_date, local_instant
from core.messages import ReminderNote, render_reminder
from core.policy import DueStep, ReminderItem, due_steps, scheduled_steps
from core.recipients import route
from core.types import Kind, Status
from models import outbox, store
from models.tables import Commitment, Document, Meeting
from notifications.apprise_sender import Sender, SendOutcome, default_sender

# Rows claimed at once. Small on purpose: when a sender is killed, every row of its claim
# is re-sent later marked "(erneut gesendet)", although at most one was in flight.
SEND_BATCH = 10


@dataclass
class SendReport:
    """What one pass over the outbox did (counts of rows)."""

    planned: int = 0
    sent: int = 0
    retry: int = 0
    failed: int = 0
    skipped: int = 0
    released: int = 0
    lost_claims: int = 0
    unroutable: int = 0
    messages: list[dict[str, object]] = field(default_factory=list)

    def merge(self, other: SendReport) -> None:
        """Add another batch's counts to this report."""
        for name in ("sent", "retry", "failed", "skipped", "released", "lost_claims", "unroutable"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.messages.extend(other.messages)

    def as_dict(self) -> dict[str, object]:
        """Plain counts (flow return value, ``--json``)."""
        return {"planned": self.planned, "sent": self.sent, "retry": self.retry, "failed": self.failed,
                "skipped": self.skipped, "lost_claims": self.lost_claims}


def reminder_items(session: Session, tz: str = "Europe/Berlin",
                   ids: Sequence[int] | None = None) -> list[tuple[ReminderItem, str | None]]:
    """Commitments as policy input with their owner: all open ones, or exactly ``ids`` (any status)."""
    query = (
        select(col(Commitment.id), col(Commitment.kind), col(Commitment.status), col(Commitment.due),
               col(Meeting.date), col(Commitment.confirmed_at), col(Commitment.owner))
        .join(Document, col(Document.id) == col(Commitment.document_id))
        .join(Meeting, col(Meeting.id) == col(Document.meeting_id), isouter=True)
    )
    if ids is None:
        query = query.where(col(Commitment.status) == Status.OPEN.value)
    else:
        query = query.where(col(Commitment.id).in_(list(ids)))
    zone = ZoneInfo(tz)  # cached by zoneinfo; core.dates.local_date re-reads the tz file per call
    items = []
    for cid, kind, status, due, meeting_date, confirmed_at, owner in session.execute(query).all():
        confirmed_on = confirmed_at.astimezone(zone).date() if confirmed_at else None
        items.append((ReminderItem(commitment_id=cid or 0, kind=Kind(kind), status=Status(status), due=due,
                                   meeting_date=meeting_date, confirmed_on=confirmed_on, owner=owner), owner))
    return items


class _Router:
    """``route`` memoised per (owner, audience): owner matching is the costly part of planning."""

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.cache: dict[tuple[str | None, str], list[Recipient]] = {}

    def __call__(self, step: DueStep, owner: str | None) -> list[Recipient]:
        key = (owner, step.audience)
        if key not in self.cache:
            self.cache[key] = route(step, owner, self.cfg)
        return self.cache[key]


def wanted_deliveries(ctx: AppContext, now: dt.datetime) -> tuple[list[outbox.PlannedDelivery], int]:
    """Every delivery due by ``now`` (one per target URL), and how many due steps had no recipient."""
    cfg = ctx.config
    today, cal, router = local_date(now, cfg.timezone), cfg.calendar(), _Router(cfg)
    with ctx.session() as session:
        items = reminder_items(session, cfg.timezone)
    planned: list[outbox.PlannedDelivery] = []
    send_times: dict[dt.date, dt.datetime] = {}  # UTC instant of send_at per civil day
    unroutable = 0
    for item, owner in items:
        for step in due_steps(item, cfg.reminders, cal, today):
            not_before = send_times.get(step.effective_date)
            if not_before is None:
                not_before = send_times[step.effective_date] = local_instant(step.effective_date, cfg.send_at,
                                                                             cfg.timezone)
            recipients = router(step, owner)
            unroutable += not recipients
            for rcp in recipients:
                for index in range(len(rcp.notify)):
                    planned.append(outbox.PlannedDelivery(
                        dedupe_key=outbox.delivery_key(item.commitment_id, rcp.key, index, step.step,
                                                       step.effective_date),
                        commitment_id=item.commitment_id, recipient_key=rcp.key, target_index=index,
                        step=step.step, effective_date=step.effective_date, stated_date=step.stated_date,
                        shift_reason=step.reason, audience=step.audience, not_before=not_before))
    return planned, unroutable


def plan_reminders(ctx: AppContext, now: dt.datetime) -> int:
    """Insert outbox rows for every due step of every open commitment; returns new rows.

    Reading and writing are separate transactions: on SQLite a read transaction that
    later writes fails at once ("database is locked") when another process wrote meanwhile.
    """
    planned, _unroutable = wanted_deliveries(ctx, now)
    with ctx.session() as session:
        created = outbox.plan(session, planned, now)
        session.commit()
    return created


def _skip_reason(claim: outbox.Claim, entry: tuple[ReminderItem, str | None] | None, cfg: Config,
                 cal: BusinessCalendar) -> tuple[str, str] | None:
    """(state, reason) when the claimed reminder must not be sent any more, else None."""
    if entry is None:
        return outbox.SKIPPED, "übersprungen: Eintrag nicht mehr vorhanden"
    item, owner = entry
    if item.status is not Status.OPEN:
        return outbox.SKIPPED, f"übersprungen: Eintrag nicht mehr offen ({item.status.value})"
    step = next((s for s in scheduled_steps(item, cfg.reminders, cal, claim.effective_date)
                 if s.step == claim.step and s.effective_date == claim.effective_date), None)
    if step is None:
        return outbox.SKIPPED, "übersprungen: Frist oder Art geändert, Schritt entfällt"
    recipients = route(step, owner, cfg)
    if not recipients:
        return outbox.FAILED, "kein Empfänger konfiguriert (weder Zuständige noch triage)"
    rcp = next((r for r in recipients if r.key == claim.recipient_key), None)
    if rcp is None:
        now_to = ", ".join(r.key for r in recipients)
        return outbox.SKIPPED, f"übersprungen: Empfänger geändert (jetzt an {now_to})"
    if claim.target_index >= len(rcp.notify):
        return outbox.SKIPPED, "übersprungen: Zieladresse nicht mehr konfiguriert"
    return None


def send_batch(ctx: AppContext, now: dt.datetime, limit: int = SEND_BATCH, sender: Sender | None = None,
               clock: Callable[[], float] = time.monotonic) -> tuple[int, SendReport]:
    """Claim and send up to ``limit`` due reminders; returns (claimed, report).

    ``clock`` (seconds, monotonic) measures how much of the lease is used up; a row is
    only sent while ``elapsed + max_send_seconds < lease_seconds``, the rest is released.
    """
    cfg = ctx.config
    lease, max_send = cfg.delivery.lease_seconds, cfg.delivery.max_send_seconds
    claims = outbox.claim_batch(ctx.engine, now, lease, limit, only="reminder")
    started = clock()
    report = SendReport()
    if not claims:
        return 0, report
    sender = sender or default_sender(ctx.config.delivery.max_send_seconds)
    today, cal = local_date(now, cfg.timezone), cfg.calendar()
    ids = sorted({c.commitment_id for c in claims if c.commitment_id is not None})
    with ctx.session() as session:
        entries = {item.commitment_id: (item, owner) for item, owner in reminder_items(session, cfg.timezone, ids)}
        views = {v.id: v for v in store.list_views(session, today=today, ids=ids)}
    for position, claim in enumerate(claims):
        if clock() - started + max_send >= lease:
            report.released += outbox.release(ctx.engine, claims[position:])
            break
        entry = entries.get(claim.commitment_id or -1)
        verdict = _skip_reason(claim, entry, cfg, cal)
        if verdict is not None:
            state, reason = verdict
            if outbox.finish(ctx.engine, claim, now=now, state=state, error=reason):
                report.skipped += state == outbox.SKIPPED
                report.failed += state == outbox.FAILED
            else:
                report.lost_claims += 1
            continue
        rcp = cfg.recipients[claim.recipient_key]
        note = ReminderNote(step=claim.step, audience=claim.audience, effective_date=claim.effective_date,
                            stated_date=claim.stated_date, shift_reason=claim.shift_reason, resend=claim.resend,
                            recipient_name=rcp.name)
        message = render_reminder(views[claim.commitment_id or -1], note, today)
        outcome = sender.send(rcp.notify[claim.target_index], message)
        _record(ctx, claim, outcome, now, message.subject, report)
        report.messages.append({"id": claim.commitment_id, "to": rcp.key, "step": claim.step,
                                "subject": message.subject, "ok": outcome.ok})
    return len(claims), report


def _record(ctx: AppContext, claim: outbox.Claim, outcome: SendOutcome, now: dt.datetime, subject: str,
            report: SendReport) -> None:
    """Store the outcome of one send: sent, retry later (backoff), or failed for good."""
    delivery = ctx.config.delivery
    if outcome.ok:
        state, retry_at = outbox.SENT, None
    elif outcome.permanent or claim.attempts >= delivery.max_attempts:
        state, retry_at = outbox.FAILED, None
    else:
        backoff = delivery.backoff_seconds or (60.0,)
        delay = backoff[min(claim.attempts - 1, len(backoff) - 1)]
        state, retry_at = outbox.PENDING, now + dt.timedelta(seconds=delay)
    if not outbox.finish(ctx.engine, claim, now=now, state=state, error=outcome.error, retry_at=retry_at,
                         subject=subject, maybe_delivered=outcome.maybe_delivered):
        report.lost_claims += 1  # another sender holds the row now; it decides
        return
    report.sent += state == outbox.SENT
    report.failed += state == outbox.FAILED
    report.retry += state == outbox.PENDING


def run_reminders(ctx: AppContext, now: dt.datetime, sender: Sender | None = None) -> SendReport:
    """Plan, then send batches until nothing due is left (the direct, Prefect-free path)."""
    report = SendReport(planned=plan_reminders(ctx, now))
    sender = sender or default_sender(ctx.config.delivery.max_send_seconds)
    while True:
        claimed, batch = send_batch(ctx, now, sender=sender)
        report.merge(batch)
        if claimed == 0:
            return report


def preview(ctx: AppContext, now: dt.datetime) -> list[dict[str, object]]:
    """What a run at ``now`` would send (``--dry-run``); writes nothing."""
    planned, _ = wanted_deliveries(ctx, now)
    table = outbox._TABLE
    done: set[str] = set()
    keys = [p.dedupe_key for p in planned]
    with ctx.session() as session:
        for start in range(0, len(keys), 500):
            done.update(session.execute(select(table.c.dedupe_key).where(
                table.c.dedupe_key.in_(keys[start:start + 500]),
                table.c.state.in_(outbox.FINAL_STATES))).scalars())
    return [{"id": p.commitment_id, "to": p.recipient_key, "step": p.step, "date": p.effective_date.isoformat(),
             "reason": p.shift_reason} for p in planned if p.dedupe_key not in done]
