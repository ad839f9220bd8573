"""Reminder throughput vs a plain smtplib loop, and the nightly run, at 10k/50k/100k commitments.

Per size: bulk-insert N open commitments of which N/10 are due today (SQLite file), then
time ``app.reminders.run_reminders`` end to end (plan + claim + render + Apprise mailto://
to a loopback aiosmtpd server in its own process + finish), the same number of messages
through a plain ``smtplib`` loop (one connection per message, as Apprise does; and one
reused connection for reference), and ``app.nightly.run_nightly``.

``--prefect`` also runs the Prefect flow ``flows.reminders.send_reminders`` (ephemeral
server in this process) at the largest size on a fresh copy of the data.

Ends with ``overhead_ratio=<run_reminders / smtplib per connection> nightly_s=<100k>``.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._support import DAY, SMTPChild, berlin, bulk_commitments, database, write_config


def _plain(port: int, count: int, subject: str, body: str, reuse: bool) -> float:
    started = time.perf_counter()
    conn = smtplib.SMTP("127.0.0.1", port) if reuse else None
    for i in range(count):
        msg = EmailMessage()
        msg["Subject"], msg["From"], msg["To"] = f"{subject} {i}", "wv@example.org", "roemer@example.org"
        msg.set_content(body)
        msg.add_alternative(f"<pre>{body}</pre>", subtype="html")
        if reuse:
            assert conn is not None
            conn.send_message(msg)
        else:
            with smtplib.SMTP("127.0.0.1", port) as one:
                one.send_message(msg)
    if conn is not None:
        conn.quit()
    return time.perf_counter() - started


def _one_size(db: str, total: int, smtp: SMTPChild, prefect: bool) -> dict[str, float]:
    from app.bootstrap import build
    from app.nightly import run_nightly
    from app.reminders import plan_reminders, run_reminders, wanted_deliveries

    due = total // 10
    with tempfile.TemporaryDirectory() as tmp, database(db, Path(tmp)) as url:
        config = write_config(Path(tmp) / "wv.toml", smtp.port)
        t0 = time.perf_counter()
        bulk_commitments(url, config, total, due)
        setup = time.perf_counter() - t0
        ctx = build(str(config), url)
        now = berlin(DAY, 7, 30)
        t0 = time.perf_counter()
        planned, _ = wanted_deliveries(ctx, now)
        plan_only = time.perf_counter() - t0
        before = len(smtp.received())
        t0 = time.perf_counter()
        report = run_reminders(ctx, now)
        flow = time.perf_counter() - t0
        assert report.sent == due and len(planned) == due, (report.as_dict(), len(planned))
        t0 = time.perf_counter()
        again = plan_reminders(ctx, now)
        replan = time.perf_counter() - t0
        t0 = time.perf_counter()
        night = run_nightly(ctx, berlin(DAY, 23, 0))
        nightly_s = time.perf_counter() - t0
        received = len(smtp.received()) - before
        ctx.engine.dispose()
        figures = {"total": total, "due": due, "setup_s": setup, "plan_s": plan_only, "replan_s": replan,
                   "remind_s": flow, "nightly_s": nightly_s, "received": received,
                   "digests": night.digests.sent, "replanned_new": again}
        if prefect:
            figures["prefect_s"] = _prefect(db, total, due, smtp)
    body = "Guten Tag Herr Römer,\n\nErinnerung am Fristtag: Bericht zur Haushaltsplanung vorlegen\n" * 8
    figures["plain_s"] = _plain(smtp.port, due, "Erinnerung (Frist 01.12.2026): Aufgabe", body, reuse=False)
    figures["plain_reuse_s"] = _plain(smtp.port, due, "Erinnerung (Frist 01.12.2026): Aufgabe", body, reuse=True)
    return figures


def _prefect(db: str, total: int, due: int, smtp: SMTPChild) -> float:
    os.environ["PREFECT_SERVER_EPHEMERAL_ENABLED"] = "true"
    from prefect import flow

    from flows.reminders import send_reminders

    @flow(name="benchmark-warm-up")
    def warm_up() -> int:
        return 1

    # Start the ephemeral API server before timing: in production the server is already
    # running, so its start-up (5-10 s) is not part of a reminder run.
    warm_up()

    with tempfile.TemporaryDirectory() as tmp, database(db, Path(tmp)) as url:
        config = write_config(Path(tmp) / "wv.toml", smtp.port)
        bulk_commitments(url, config, total, due)
        os.environ["WIEDERVORLAGE_DATABASE_URL"], os.environ["WIEDERVORLAGE_CONFIG"] = url, str(config)
        t0 = time.perf_counter()
        result = send_reminders(now=berlin(DAY, 7, 30).isoformat())
        elapsed = time.perf_counter() - t0
        assert result["sent"] == due, result
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--prefect", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    smtp = SMTPChild()
    try:
        results = [_one_size(args.db, n, smtp, args.prefect and n == sizes[-1]) for n in sizes]
    finally:
        smtp.stop()
    for r in results:
        rate = r["due"] / r["remind_s"]
        print(f"{int(r['total']):>7} commitments, {int(r['due']):>6} due: setup {r['setup_s']:.1f}s, "
              f"plan only {r['plan_s']:.2f}s, run_reminders {r['remind_s']:.1f}s ({rate:.0f} msg/s, "
              f"received {int(r['received'])}), re-plan {r['replan_s']:.2f}s (new {int(r['replanned_new'])}), "
              f"smtplib/connection {r['plain_s']:.1f}s ({r['due'] / r['plain_s']:.0f} msg/s), "
              f"smtplib reused {r['plain_reuse_s']:.1f}s ({r['due'] / r['plain_reuse_s']:.0f} msg/s), "
              f"nightly {r['nightly_s']:.2f}s ({int(r['digests'])} digest)"
              + (f", Prefect flow {r['prefect_s']:.1f}s" if "prefect_s" in r else ""))
    last = results[-1]
    print(f"ratio vs reused connection: {last['remind_s'] / last['plain_reuse_s']:.2f}"
          + (f"; Prefect flow ratio {last['prefect_s'] / last['plain_s']:.2f}" if "prefect_s" in last else ""))
    print(f"db={args.db} commitments={int(last['total'])} messages={int(last['due'])} "
          f"overhead_ratio={last['remind_s'] / last['plain_s']:.2f} nightly_s={last['nightly_s']:.1f}")


if __name__ == "__main__":
    main()
