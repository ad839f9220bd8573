"""The outbox on real SQLite and PostgreSQL: idempotent planning, compare-and-set claims, leases."""

from __future__ import annotations

import datetime as dt

import pytest

from core.config import parse_config
from core.errors import ConfigError
from models import outbox
from tests.adapters.test_delivery_fixtures import add_commitment, berlin

NOW = berlin(2026, 12, 1)


def _planned(cid: int, step: str, day: dt.date, not_before: dt.datetime = NOW) -> outbox.PlannedDelivery:
    return outbox.PlannedDelivery(
        dedupe_key=outbox.delivery_key(cid, "roemer", 0, step, day), commitment_id=cid, recipient_key="roemer",
        target_index=0, step=step, effective_date=day, stated_date=day, shift_reason=None, audience="owner",
        not_before=not_before)


def _plan(app_ctx, items) -> int:  # type: ignore[no-untyped-def]
    with app_ctx.session() as session:
        created = outbox.plan(session, items, NOW)
        session.commit()
    return created


def _state(app_ctx, row_id: int) -> str:  # type: ignore[no-untyped-def]
    with app_ctx.session() as session:
        return next(r.state for r in outbox.rows(session) if r.id == row_id)


def test_planning_the_same_deliveries_twice_creates_each_row_once(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    items = [_planned(cid, "due", dt.date(2026, 12, 1)), _planned(cid, "before-3", dt.date(2026, 11, 26))]
    assert _plan(app_ctx, items) == 2
    assert _plan(app_ctx, items + items) == 0
    with app_ctx.session() as session:
        assert outbox.counts(session) == {"pending": 2}


def test_a_row_is_claimed_by_one_sender_only(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, "due", dt.date(2026, 12, 1))])
    first = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    second = outbox.claim_batch(app_ctx.engine, NOW + dt.timedelta(seconds=299), 300, 10)
    assert len(first) == 1 and second == []
    assert first[0].attempts == 1 and not first[0].resend


def test_rows_not_yet_due_are_not_claimed(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, "due", dt.date(2026, 12, 1), not_before=NOW + dt.timedelta(hours=1))])
    assert outbox.claim_batch(app_ctx.engine, NOW, 300, 10) == []


def test_claims_come_oldest_due_first(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    days = [dt.date(2026, 11, d) for d in (20, 10, 30, 15)]
    _plan(app_ctx, [_planned(cid, f"s{d.day}", d, not_before=berlin(d.year, d.month, d.day)) for d in days])
    claims = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    assert [c.effective_date for c in claims] == sorted(days)


def test_an_expired_claim_is_taken_again_and_marked_resend(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, "due", dt.date(2026, 12, 1))])
    (crashed,) = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    (retaken,) = outbox.claim_batch(app_ctx.engine, NOW + dt.timedelta(seconds=301), 300, 10)
    assert retaken.id == crashed.id and retaken.resend and retaken.attempts == 2


def test_a_lost_claim_is_not_marked_sent(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, "due", dt.date(2026, 12, 1))])
    (slow,) = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    (other,) = outbox.claim_batch(app_ctx.engine, NOW + dt.timedelta(seconds=301), 300, 10)
    assert not outbox.finish(app_ctx.engine, slow, now=NOW, state=outbox.SENT)
    assert _state(app_ctx, slow.id) == outbox.SENDING
    assert outbox.finish(app_ctx.engine, other, now=NOW, state=outbox.SENT)
    assert not outbox.finish(app_ctx.engine, slow, now=NOW, state=outbox.FAILED, error="zu spät")
    assert _state(app_ctx, slow.id) == outbox.SENT


def test_released_claims_are_pending_again_without_counting_an_attempt(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, "due", dt.date(2026, 12, 1)), _planned(cid, "x", dt.date(2026, 12, 1))])
    claims = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    assert outbox.release(app_ctx.engine, claims) == 2
    again = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    assert [c.attempts for c in again] == [1, 1] and not any(c.resend for c in again)


def test_a_transient_failure_waits_for_its_retry_time(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, "due", dt.date(2026, 12, 1))])
    (claim,) = outbox.claim_batch(app_ctx.engine, NOW, 300, 10)
    retry_at = NOW + dt.timedelta(seconds=60)
    assert outbox.finish(app_ctx.engine, claim, now=NOW, state=outbox.PENDING, error="451", retry_at=retry_at)
    assert outbox.claim_batch(app_ctx.engine, NOW + dt.timedelta(seconds=59), 300, 10) == []
    (again,) = outbox.claim_batch(app_ctx.engine, retry_at, 300, 10)
    assert again.attempts == 2 and not again.resend


@pytest.mark.parametrize(("max_send", "lease"), [(60, 120), (60, 100), (10, 5)])
def test_config_refuses_a_lease_not_longer_than_twice_the_max_send_time(max_send: int, lease: int) -> None:
    with pytest.raises(ConfigError, match="lease_seconds"):
        parse_config(f"[delivery]\nmax_send_seconds = {max_send}\nlease_seconds = {lease}\n")
    assert parse_config(f"[delivery]\nmax_send_seconds = {max_send}\nlease_seconds = {2 * max_send + 1}\n")


def test_a_claim_takes_at_most_its_limit(app_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = add_commitment(app_ctx, due=dt.date(2026, 12, 1), confirmed=NOW)
    _plan(app_ctx, [_planned(cid, f"s{n}", dt.date(2026, 12, 1)) for n in range(30)])
    sizes = [len(outbox.claim_batch(app_ctx.engine, NOW, 300, 7)) for _ in range(5)]
    assert sizes == [7, 7, 7, 7, 2]
