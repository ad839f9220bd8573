"""End to end through Apprise ``mailto://`` to a real aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import nightly, reminders
from app.cli import app
from models import outbox
from tests.adapters.test_delivery_fixtures import add_commitment, berlin, dispose_all, make_ctx
from tests.support.smtp import loopback_smtp

pytestmark = pytest.mark.smtp
DUE = dt.date(2026, 12, 1)
NOW = berlin(2026, 12, 1)
FAST = "\n[delivery]\nmax_send_seconds = 10\nlease_seconds = 30\nbackoff_seconds = [60]\n"


@pytest.fixture(autouse=True)
def _dispose_engines():  # type: ignore[no-untyped-def]
    yield
    dispose_all()


def test_it_sends_a_reminder_through_apprise_mailto_to_a_real_smtp_server(db_url: str, tmp_path: Path) -> None:
    with loopback_smtp() as smtp:
        ctx = make_ctx(tmp_path, db_url, {"roemer": smtp.url("roemer@example.org"), "amtsleitung": smtp.url()})
        cid = add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
        report = reminders.run_reminders(ctx, NOW)
    assert report.sent == 1
    (mail,) = smtp.received
    assert mail.recipients == ("roemer@example.org",)
    assert mail.subject.endswith("(Frist 01.12.2026): Bericht zur Integrationsplanung vorlegen")
    assert "Guten Tag Herr Römer" in mail.text and "Aus der Niederschrift:" in mail.text
    assert "Bericht zur Integrationsplanung vorlegen" in mail.text and "Dienstag" in mail.text
    assert f"Eintrag Nr. {cid}" in mail.text and "(erneut gesendet)" not in mail.text


def test_remind_twice_for_the_same_day_sends_nothing_the_second_time(db_url: str, tmp_path: Path) -> None:
    with loopback_smtp() as smtp:
        ctx = make_ctx(tmp_path, db_url, {"roemer": smtp.url(), "amtsleitung": smtp.url()})
        add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
        first = reminders.run_reminders(ctx, NOW)
        second = reminders.run_reminders(ctx, NOW + dt.timedelta(hours=3))
    assert (first.sent, second.sent, second.planned) == (1, 0, 0) and len(smtp.received) == 1


def test_a_4xx_answer_is_retried_after_backoff_and_delivered_exactly_once(db_url: str, tmp_path: Path) -> None:
    with loopback_smtp(transient=1) as smtp:
        ctx = make_ctx(tmp_path, db_url, {"roemer": smtp.url(), "amtsleitung": smtp.url()}, extra=FAST)
        add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
        first = reminders.run_reminders(ctx, NOW)
        early = reminders.run_reminders(ctx, NOW + dt.timedelta(seconds=59))
        later = reminders.run_reminders(ctx, NOW + dt.timedelta(seconds=61))
        again = reminders.run_reminders(ctx, NOW + dt.timedelta(hours=1))
    assert (first.retry, early.sent, later.sent, again.sent) == (1, 0, 1, 0), (first, smtp.attempts)
    assert smtp.attempts == 2 and len(smtp.received) == 1
    assert "(erneut gesendet)" not in smtp.received[0].subject  # a 4xx proves non-delivery


def test_a_5xx_answer_fails_for_good_and_shows_in_deliveries_failed_and_the_next_digest(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with loopback_smtp(permanent=True) as refusing, loopback_smtp() as manager:
        ctx = make_ctx(tmp_path, db_url, {"roemer": refusing.url(), "amtsleitung": manager.url()})
        cid = add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
        report = reminders.run_reminders(ctx, NOW)
        retry = reminders.run_reminders(ctx, NOW + dt.timedelta(days=1))
        monkeypatch.setenv("WIEDERVORLAGE_DATABASE_URL", db_url)
        result = CliRunner().invoke(app, ["--config", str(tmp_path / "wv.toml"), "deliveries", "--failed",
                                          "--json"])
        night = nightly.run_nightly(ctx, berlin(2026, 12, 2, 5))
    assert report.failed == 1 and retry.sent == 0 and refusing.attempts == 1
    assert result.exit_code == 0, result.output
    assert f'"commitment_id": {cid}' in result.output and "550" in result.output
    assert night.digests.sent == 1
    (digest,) = manager.received
    assert "Fehlgeschlagene Zustellungen (1)" in digest.text
    assert f"Eintrag {cid} an roemer (due): dauerhaft abgelehnt (550)" in digest.text


def test_an_expired_lease_is_sent_again_marked_erneut_gesendet(db_url: str, tmp_path: Path) -> None:
    with loopback_smtp() as smtp:
        ctx = make_ctx(tmp_path, db_url, {"roemer": smtp.url(), "amtsleitung": smtp.url()}, extra=FAST)
        add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
        reminders.plan_reminders(ctx, NOW)
        (crashed,) = outbox.claim_batch(ctx.engine, NOW, 30, 10)  # the process died after this claim
        early = reminders.run_reminders(ctx, NOW + dt.timedelta(seconds=29))
        late = reminders.run_reminders(ctx, NOW + dt.timedelta(seconds=31))
        assert not outbox.finish(ctx.engine, crashed, now=NOW, state=outbox.SENT)
    assert (early.sent, late.sent) == (0, 1)
    (mail,) = smtp.received
    assert mail.subject.endswith("(erneut gesendet)")
    assert mail.text.startswith("(erneut gesendet) Diese Nachricht wurde nach einer Unterbrechung erneut gesendet")


def test_apprise_urls_never_appear_in_logs_errors_or_cli_output(
        db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "Geheim-Passwort-4711"
    with loopback_smtp() as smtp:  # offers no AUTH: the login fails, the send fails
        url = smtp.url(user=f"wv:{secret}")
        ctx = make_ctx(tmp_path, db_url, {"roemer": url, "amtsleitung": url}, extra=FAST)
        add_commitment(ctx, due=DUE, confirmed=berlin(2026, 12, 1, 6))
        caplog.set_level(logging.DEBUG)
        report = reminders.run_reminders(ctx, NOW)
        monkeypatch.setenv("WIEDERVORLAGE_DATABASE_URL", db_url)
        runner = CliRunner()
        config = ["--config", str(tmp_path / "wv.toml")]
        remind = runner.invoke(app, [*config, "remind", "--direct", "--now", "2026-12-01T09:00"])
        listing = runner.invoke(app, [*config, "deliveries", "--json"])
        night = runner.invoke(app, [*config, "nightly", "--direct", "--now", "2026-12-02T05:00"])
    assert report.retry == 1 and smtp.received == []
    with ctx.session() as session:
        errors = " ".join(r.last_error or "" for r in outbox.rows(session))
    assert errors
    captured = capsys.readouterr()
    everything = "\n".join([caplog.text, captured.out, captured.err, errors, remind.output, listing.output,
                            night.output, repr(ctx.config)])
    assert secret not in everything and "wv:" not in everything
    assert str(smtp.port) not in errors
