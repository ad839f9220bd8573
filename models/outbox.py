"""The delivery outbox: idempotent planning, compare-and-set claims with a lease, results.

At-least-once with explainable duplicates: a row exists before its message is sent; a
sender claims it with a conditional UPDATE (only one claimant can win); a claim whose
lease ran out (the sender crashed mid-send) can be taken again and is then flagged
``resend`` so the message says "(erneut gesendet)".

States: ``pending`` (waits for ``next_attempt_at``), ``sending`` (claimed until
``claimed_until``), ``sent``, ``failed`` (permanent, or out of attempts; ``next_attempt_at``
then records when it failed, for the digest) and ``skipped`` (not sent on purpose: the
commitment was done/cancelled, its Frist changed, or its recipient is no longer
configured; ``last_error`` says why). All instants are UTC.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, and_, bindparam, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col
from sqlmodel import select as sqlmodel_select

from models.tables import Delivery

PENDING, SENDING, SENT, FAILED, SKIPPED = "pending", "sending", "sent", "failed", "skipped"
FINAL_STATES = (SENT, FAILED, SKIPPED)
_TABLE = Delivery.__table__  # type: ignore[attr-defined]
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class PlannedDelivery:
    """One message that should exist in the outbox (before it is sent)."""

    dedupe_key: str
    commitment_id: int | None
    recipient_key: str
    target_index: int
    step: str
    effective_date: dt.date
    stated_date: dt.date | None
    shift_reason: str | None
    audience: str
    not_before: dt.datetime  # UTC instant from which it may be sent


@dataclass(frozen=True, slots=True)
class Claim:
    """A claimed delivery: the sender owns it until ``lease_until`` (UTC)."""

    id: int
    token: str
    commitment_id: int | None
    recipient_key: str
    target_index: int
    step: str
    effective_date: dt.date
    stated_date: dt.date | None
    shift_reason: str | None
    audience: str
    attempts: int
    resend: bool


def delivery_key(commitment_id: int | None, recipient_key: str, target_index: int, step: str,
                 day: dt.date) -> str:
    """The unique key: commitment x recipient target x step x effective date."""
    owner = f"c{commitment_id}" if commitment_id is not None else "digest"
    return f"{owner}:{recipient_key}#{target_index}:{step}:{day.isoformat()}"


def plan(session: Session, items: Sequence[PlannedDelivery], now: dt.datetime) -> int:
    """Insert the rows that do not exist yet (by ``dedupe_key``); returns how many were new."""
    if not items:
        return 0
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    created = 0
    for start in range(0, len(items), _CHUNK):
        chunk = items[start:start + _CHUNK]
        values = [
            {
                "dedupe_key": p.dedupe_key, "commitment_id": p.commitment_id,
                "recipient_key": p.recipient_key, "target_index": p.target_index, "step": p.step,
                "effective_date": p.effective_date, "stated_date": p.stated_date,
                "shift_reason": p.shift_reason, "audience": p.audience, "state": PENDING,
                "attempts": 0, "resend": False, "next_attempt_at": p.not_before, "created_at": now,
            }
            for p in chunk
        ]
        # rowcount is -1 for this statement under psycopg 3: count the RETURNING rows instead
        stmt = (insert(_TABLE).values(values).on_conflict_do_nothing(index_elements=["dedupe_key"])
                .returning(_TABLE.c.id))
        created += len(session.connection().execute(stmt).all())
    return created


def _claimable(now: dt.datetime):  # type: ignore[no-untyped-def]
    c = _TABLE.c
    return or_(
        and_(c.state == PENDING, c.next_attempt_at <= now),
        and_(c.state == SENDING, c.claimed_until < now),
    )


def claim_batch(engine: Engine, now: dt.datetime, lease_seconds: float, limit: int,
                only: str | None = None) -> list[Claim]:
    """Claim up to ``limit`` due deliveries in one short committed transaction.

    The UPDATE repeats the claimable condition, so under concurrency a row already taken
    by another process is not taken twice; on PostgreSQL the batch is first locked with
    SKIP LOCKED so concurrent senders share the work instead of queueing.
    ``only`` restricts to digests (``"digest"``) or reminders (``"reminder"``).
    """
    c = _TABLE.c
    token = uuid.uuid4().hex
    condition = _claimable(now)
    if only == "digest":
        condition = and_(condition, c.commitment_id.is_(None))
    elif only == "reminder":
        condition = and_(condition, c.commitment_id.is_not(None))
    sub = select(c.id).where(condition).order_by(c.next_attempt_at, c.id).limit(limit)
    postgres = engine.dialect.name == "postgresql"
    stmt = (
        update(_TABLE)
        .where(c.id.in_(bindparam("ids", expanding=True) if postgres else sub.scalar_subquery()), condition)
        .values(
            state=SENDING,
            claim_token=token,
            claimed_until=now + dt.timedelta(seconds=lease_seconds),
            attempts=c.attempts + 1,
            # A claim taken over from an expired lease may already have been delivered.
            resend=case((c.state == SENDING, True), else_=c.resend),
        )
        .returning(c.id, c.commitment_id, c.recipient_key, c.target_index, c.step, c.effective_date,
                   c.stated_date, c.shift_reason, c.audience, c.attempts, c.resend, c.next_attempt_at)
    )
    with engine.begin() as conn:
        if postgres:
            # Lock the batch first, then update exactly those rows. Inside "IN (subquery)"
            # PostgreSQL may re-run a LIMIT … FOR UPDATE SKIP LOCKED subquery per row and
            # claimed *every* due row (measured: limit 50 took 300 of 300).
            ids = list(conn.execute(sub.with_for_update(skip_locked=True)).scalars())
            rows = list(conn.execute(stmt, {"ids": ids}).all()) if ids else []
        else:
            # SQLite: one statement, so the transaction starts as a writer (a read that later
            # writes fails at once with "database is locked" under concurrent writers).
            rows = list(conn.execute(stmt).all())
    # RETURNING has no defined order: send the oldest due first, as the claim chose them.
    rows.sort(key=lambda r: (r[11], r[0]))
    return [Claim(id=r[0], token=token, commitment_id=r[1], recipient_key=r[2], target_index=r[3], step=r[4],
                  effective_date=r[5], stated_date=r[6], shift_reason=r[7], audience=r[8], attempts=r[9],
                  resend=bool(r[10])) for r in rows]


def finish(engine: Engine, claim: Claim, *, now: dt.datetime, state: str, error: str | None = None,
           retry_at: dt.datetime | None = None, subject: str | None = None,
           maybe_delivered: bool = False) -> bool:
    """Record the outcome of a claimed send; False when the claim was lost meanwhile.

    ``state``: SENT, FAILED (permanent; ``next_attempt_at`` := ``now``, the failure time),
    SKIPPED (not sent on purpose, ``error`` says why) or PENDING (transient; retried at
    ``retry_at``). Only the holder of the claim token may finish a row still ``sending``:
    a sender whose lease was taken over gets False and must not count the row as its own.
    ``maybe_delivered`` (a timeout) makes any later copy say "(erneut gesendet)".
    """
    c = _TABLE.c
    values: dict[str, object] = {"state": state, "last_error": error, "claimed_until": None}
    if state == SENT:
        values["sent_at"] = now
    if subject is not None:
        values["subject"] = subject[:500]
    if state == PENDING:
        values["next_attempt_at"] = retry_at or now
    elif state in (FAILED, SKIPPED):
        values["next_attempt_at"] = now
    if maybe_delivered:
        values["resend"] = True
    stmt = update(_TABLE).where(c.id == claim.id, c.claim_token == claim.token, c.state == SENDING).values(**values)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # No WAL flush wait per message (~8 ms each here). Only a crash of the database
            # server itself can lose such a commit: the row then stays "sending", its lease
            # expires and the copy says "(erneut gesendet)" - explained, never lost.
            conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
        return (conn.execute(stmt).rowcount or 0) == 1


def release(engine: Engine, claims: Sequence[Claim]) -> int:
    """Hand unsent claims back (``pending``, attempt not counted); returns rows released.

    Used when a sender runs out of lease time before it reaches the rest of its batch.
    A row taken over from an expired lease keeps ``resend``: the crashed holder may have
    sent it.
    """
    if not claims:
        return 0
    c = _TABLE.c
    released = 0
    with engine.begin() as conn:
        for token in {cl.token for cl in claims}:
            ids = [cl.id for cl in claims if cl.token == token]
            stmt = (update(_TABLE)
                    .where(c.id.in_(ids), c.claim_token == token, c.state == SENDING)
                    .values(state=PENDING, claimed_until=None, attempts=c.attempts - 1))
            released += conn.execute(stmt).rowcount or 0
    return released


def failed_since(session: Session, since: dt.datetime | None, limit: int = 200) -> list[Delivery]:
    """Deliveries that failed permanently after ``since`` (UTC; None: all), newest first."""
    query = sqlmodel_select(Delivery).where(Delivery.state == FAILED)
    if since is not None:
        query = query.where(col(Delivery.next_attempt_at) > since)
    return list(session.exec(query.order_by(col(Delivery.id).desc()).limit(limit)).all())


def rows(session: Session, *, state: str | None = None, limit: int = 1000) -> list[Delivery]:
    """Deliveries, newest first, optionally by state."""
    query = sqlmodel_select(Delivery).order_by(col(Delivery.id).desc()).limit(limit)
    if state:
        query = query.where(Delivery.state == state)
    return list(session.exec(query).all())


def counts(session: Session) -> dict[str, int]:
    """Number of deliveries per state."""
    state = _TABLE.c.state
    result = session.connection().execute(select(state, func.count()).group_by(state))
    return {name: n for name, n in result.all()}
