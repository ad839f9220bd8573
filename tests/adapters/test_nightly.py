"""The nightly run on real databases: idempotent per Berlin civil day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from app import nightly
from models.tables import Commitment, Snapshot, StatusChange
from tests.adapters.test_delivery_fixtures import Recorder, add_commitment, berlin, dispose_all, make_ctx

URLS = {"roemer": "outbox:///tmp/wv-test/roemer", "amtsleitung": "outbox:///tmp/wv-test/amtsleitung"}


@pytest.fixture(autouse=True)
def _dispose_engines():  # type: ignore[no-untyped-def]
    yield
    dispose_all()


def test_nightly_twice_on_one_day_sends_one_digest_and_audits_overdue_once(db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS)
    late = add_commitment(ctx, due=dt.date(2026, 11, 20), confirmed=berlin(2026, 11, 2, 9))
    add_commitment(ctx, due=dt.date(2026, 12, 4), confirmed=berlin(2026, 11, 2, 9), action="Bald fällig")
    recorder = Recorder()
    first = nightly.run_nightly(ctx, berlin(2026, 12, 1, 5), sender=recorder)
    second = nightly.run_nightly(ctx, berlin(2026, 12, 1, 5, 40), sender=recorder)
    assert (first.newly_overdue, second.newly_overdue) == (1, 0)
    assert first.digests.sent == 1 and second.digests.sent == 0 and second.digests_planned == 0
    (subject,) = recorder.subjects()
    assert subject == "Wiedervorlage 01.12.2026: 1 überfällig, 1 fällig in 7 Tagen, 0 zu prüfen"
    with ctx.session() as session:
        audits = session.exec(select(StatusChange).where(StatusChange.event == "overdue")).all()
        assert [(a.commitment_id, a.note) for a in audits] == [(late, "überfällig seit 2026-11-20")]
        assert session.get(Commitment, late).overdue_since == dt.date(2026, 12, 1)  # type: ignore[union-attr]
        snapshot = session.exec(select(Snapshot).where(Snapshot.day == dt.date(2026, 12, 1))).all()
        assert sorted((s.status, s.count) for s in snapshot) == [("open", 1), ("overdue", 1)]


def test_the_next_day_gets_its_own_digest(db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS)
    add_commitment(ctx, due=dt.date(2026, 11, 20), confirmed=berlin(2026, 11, 2, 9))
    recorder = Recorder()
    nightly.run_nightly(ctx, berlin(2026, 12, 1, 5), sender=recorder)
    nightly.run_nightly(ctx, berlin(2026, 12, 2, 5), sender=recorder)
    assert [s[:27] for s in recorder.subjects()] == ["Wiedervorlage 01.12.2026: 1", "Wiedervorlage 02.12.2026: 1"]


def test_a_digest_sent_again_after_a_crash_says_erneut_gesendet(db_url: str, tmp_path: Path) -> None:
    from models import outbox

    ctx = make_ctx(tmp_path, db_url, URLS)
    now = berlin(2026, 12, 1, 5)
    nightly.plan_digests(ctx, dt.date(2026, 12, 1), now)
    assert outbox.claim_batch(ctx.engine, now, 300, 10, only="digest")  # the crashed run
    recorder = Recorder()
    report = nightly.send_digests(ctx, now + dt.timedelta(seconds=301), sender=recorder)
    assert report.sent == 1 and recorder.subjects()[0].endswith("(erneut gesendet)")
    assert recorder.sent[0][1].text.startswith("(erneut gesendet)")
