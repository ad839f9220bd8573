"""What the reminder service sends, skips and repeats (real databases, a recording sender)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import nightly, reminders
from core.messages import RESENT_MARK
from models import outbox
from notifications.apprise_sender import SendOutcome
from tests.adapters.test_delivery_fixtures import Recorder, add_commitment, berlin, dispose_all, make_ctx

URLS = {"roemer": "outbox:///tmp/wv-test/roemer", "amtsleitung": "outbox:///tmp/wv-test/amtsleitung"}
DUE = dt.date(2026, 12, 1)  # a Tuesday


@pytest.fixture(autouse=True)
def _dispose_engines():  # type: ignore[no-untyped-def]
    yield
    dispose_all()


def _rows(ctx):  # type: ignore[no-untyped-def]
    with ctx.session() as session:
        return outbox.rows(session)


def test_a_reminder_for_an_item_done_before_sending_is_skipped(db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS)
    now = berlin(2026, 12, 1)
    cid = add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
    assert reminders.plan_reminders(ctx, now) == 1
    with ctx.session() as session:
        from models import store
        store.change_status(session, cid, "done", now=now, actor="test", note="erledigt im Ausschuss")
        session.commit()
    recorder = Recorder()
    _claimed, report = reminders.send_batch(ctx, now, sender=recorder)
    assert recorder.sent == [] and report.skipped == 1 and report.sent == 0
    (row,) = _rows(ctx)
    assert row.state == outbox.SKIPPED and "nicht mehr offen" in (row.last_error or "")


def test_a_reminder_whose_recipient_was_removed_goes_to_triage_instead(db_url: str, tmp_path: Path) -> None:
    now = berlin(2026, 12, 1)
    ctx = make_ctx(tmp_path, db_url, URLS)
    add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
    reminders.plan_reminders(ctx, now)
    ctx.engine.dispose()
    without = make_ctx(tmp_path, db_url, {"amtsleitung": URLS["amtsleitung"]}, name="ohne-roemer.toml")
    recorder = Recorder()
    report = reminders.run_reminders(without, now, sender=recorder)
    assert [url for url, _ in recorder.sent] == [URLS["amtsleitung"]]
    states = {r.recipient_key: (r.state, r.last_error) for r in _rows(without)}
    assert states["roemer"][0] == outbox.SKIPPED and "Empfänger geändert" in (states["roemer"][1] or "")
    assert states["amtsleitung"][0] == outbox.SENT and report.skipped == 1


def test_a_reminder_nobody_can_receive_any_more_fails_visibly(db_url: str, tmp_path: Path) -> None:
    now = berlin(2026, 12, 1)
    ctx = make_ctx(tmp_path, db_url, URLS)
    add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
    reminders.plan_reminders(ctx, now)
    ctx.engine.dispose()
    orphan = make_ctx(tmp_path, db_url, {"amtsleitung": URLS["amtsleitung"]}, name="ohne.toml", triage=None)
    report = reminders.run_reminders(orphan, now, sender=Recorder())
    (row,) = _rows(orphan)
    assert row.state == outbox.FAILED and report.failed == 1


def test_a_step_that_left_the_schedule_after_a_frist_edit_is_skipped(db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS)
    now = berlin(2026, 12, 1)
    cid = add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
    reminders.plan_reminders(ctx, now)
    with ctx.session() as session:
        from models import store
        store.edit_commitment(session, cid, now=now, actor="test", due=dt.date(2027, 2, 1))
        session.commit()
    recorder = Recorder()
    reminders.send_batch(ctx, now, sender=recorder)
    assert recorder.sent == [] and _rows(ctx)[0].state == outbox.SKIPPED


def test_catch_up_after_a_ten_day_outage_sends_every_missed_reminder_once_and_one_digest(
        db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS)
    # due 01.12.: before-10 on 17.11., before-3 on 26.11., due on 01.12.; outage 20.11.–01.12.
    add_commitment(ctx, due=DUE, confirmed=berlin(2026, 11, 2, 9))
    add_commitment(ctx, due=dt.date(2026, 11, 27), confirmed=berlin(2026, 11, 2, 9), action="Zweiter Eintrag")
    recorder = Recorder()
    reminders.run_reminders(ctx, berlin(2026, 11, 19), sender=recorder)
    before_outage = len(recorder.sent)
    back = berlin(2026, 12, 1, 7, 45)
    night = nightly.run_nightly(ctx, berlin(2026, 12, 1, 5), sender=recorder)
    report = reminders.run_reminders(ctx, back, sender=recorder)
    again = reminders.run_reminders(ctx, back + dt.timedelta(hours=2), sender=recorder)
    missed = [m.subject for _, m in recorder.sent[before_outage:] if not m.subject.startswith("Wiedervorlage")]
    digests = [m.subject for _, m in recorder.sent if m.subject.startswith("Wiedervorlage")]
    # item 1: before-3 (26.11.), due (01.12.); item 2: before-3 (24.11.), due (27.11.)
    assert report.sent == 4 and len(missed) == 4
    assert again.sent == 0 and again.planned == 0
    assert len(digests) == 1 and night.digests.sent == 1
    keys = [(r.commitment_id, r.step, r.effective_date) for r in _rows(ctx) if r.commitment_id]
    assert len(keys) == len(set(keys)) == before_outage + 4


def test_a_sender_hands_back_rows_it_cannot_send_within_its_lease(db_url: str, tmp_path: Path) -> None:
    extra = "\n[delivery]\nmax_send_seconds = 10\nlease_seconds = 25\n"
    ctx = make_ctx(tmp_path, db_url, URLS, extra=extra)
    now = berlin(2026, 12, 1)
    for n in range(3):
        add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6), action=f"Aufgabe {n}")
    reminders.plan_reminders(ctx, now)
    ticks = iter([0.0, 0.0, 9.0, 16.0])  # third row would end after 16 + 10 > 25 s
    claimed, report = reminders.send_batch(ctx, now, sender=Recorder(), clock=lambda: next(ticks))
    assert claimed == 3 and report.sent == 2 and report.released == 1
    assert sorted(r.state for r in _rows(ctx)) == ["pending", "sent", "sent"]


def test_a_timeout_is_retried_later_and_the_copy_says_erneut_gesendet(db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS)
    now = berlin(2026, 12, 1)
    add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
    recorder = Recorder(outcomes=[SendOutcome(ok=False, maybe_delivered=True, error="Zeitüberschreitung")])
    first = reminders.run_reminders(ctx, now, sender=recorder)
    second = reminders.run_reminders(ctx, now + dt.timedelta(minutes=2), sender=recorder)
    assert first.retry == 1 and second.sent == 1
    assert RESENT_MARK not in recorder.subjects()[0] and recorder.subjects()[1].endswith(RESENT_MARK)


def test_transient_failures_stop_after_max_attempts_and_fail(db_url: str, tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path, db_url, URLS, extra="\n[delivery]\nmax_attempts = 2\nbackoff_seconds = [60]\n")
    now = berlin(2026, 12, 1)
    add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
    recorder = Recorder(outcomes=[SendOutcome(ok=False, error="451")] * 3)
    reminders.run_reminders(ctx, now, sender=recorder)
    reminders.run_reminders(ctx, now + dt.timedelta(seconds=61), sender=recorder)
    reminders.run_reminders(ctx, now + dt.timedelta(seconds=200), sender=recorder)
    assert len(recorder.sent) == 2 and _rows(ctx)[0].state == outbox.FAILED
