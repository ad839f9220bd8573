"""Reminder delivery under SIGKILL (and under concurrency) to a real loopback SMTP server.

Crash mode (default): N due reminders; a reminder process (``app.reminders.run_reminders``
in a child) is SIGKILLed at random moments until ``--kills`` kills happened, then runs to
completion. The injected ``now`` advances by more than the lease between restarts, so
expired claims are taken over. Every received mail is mapped to its commitment via
"Eintrag Nr. <id>" in the body.

Concurrency mode (``--processes 4 --kills 0``): that many reminder processes start at
once over N due reminders; no faults.

lost = delivery rows without any received mail; duplicates = extra copies; unexplained =
extra copies of rows not flagged ``resend`` or copies beyond the first without
"(erneut gesendet)". Ends with one ``key=value`` line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._support import (
    DAY,
    ROOT,
    SMTPChild,
    berlin,
    bulk_commitments,
    database,
    delivery_rows,
    runner_cmd,
    write_config,
)

ENTRY = re.compile(r"Eintrag Nr\. (\d+)")
LEASE, MAX_SEND = 5.0, 2.0  # lease > 2 x max send time (the config refuses anything else)


def _analyse(url: str, mails: list[dict[str, object]]) -> dict[str, int]:
    rows = delivery_rows(url)
    copies: Counter[int] = Counter()
    unmarked: Counter[int] = Counter()
    for mail in mails:
        found = ENTRY.search(str(mail["text"]))
        if found is None:
            continue
        cid = int(found.group(1))
        copies[cid] += 1
        unmarked[cid] += not str(mail["subject"]).endswith("(erneut gesendet)")
    resend = {cid for cid, _state, flag in rows if flag}
    duplicates = sum(n - 1 for n in copies.values() if n > 1)
    unexplained = sum(n - 1 for cid, n in copies.items() if n > 1 and cid not in resend)
    unexplained += sum(n - 1 for n in unmarked.values() if n > 1)
    return {"rows": len(rows), "lost": sum(1 for cid, _s, _f in rows if copies[cid] == 0),
            "duplicates": duplicates, "unexplained": unexplained, "resend_marked": len(resend),
            "not_final": sum(1 for _c, state, _f in rows if state not in ("sent", "failed", "skipped"))}


def _crash(config: Path, url: str, kills: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    now, done_kills, restarts = berlin(DAY, 7, 30), 0, 0
    while True:
        proc = subprocess.Popen(runner_cmd(config, url, now), cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        restarts += 1
        if done_kills < kills:
            try:
                proc.wait(timeout=rng.uniform(0.0, 2.5))  # startup ~0.9 s, then sending
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                done_kills += 1
                now += dt.timedelta(seconds=LEASE + 1)
                continue
        _out, err = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"reminder process failed: {err[-2000:]}")
        if done_kills >= kills:
            return done_kills, restarts
        now += dt.timedelta(seconds=LEASE + 1)  # finished before the kill: just go on


def _concurrent(config: Path, url: str, processes: int) -> None:
    now = berlin(DAY, 7, 30)
    procs = [subprocess.Popen(runner_cmd(config, url, now), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(processes)]
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"reminder process failed: {err[-2000:]}")
        print(f"  process: sent, lost claims = {out.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--reminders", type=int, default=None)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    count = args.reminders or (1000 if args.processes == 1 else 2000)
    smtp = SMTPChild()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as tmp, database(args.db, Path(tmp)) as url:
            config = write_config(Path(tmp) / "wv.toml", smtp.port, lease=LEASE, max_send=MAX_SEND)
            bulk_commitments(url, config, count, count)
            t0 = time.perf_counter()
            if args.processes > 1:
                _concurrent(config, url, args.processes)
                kills, restarts = 0, args.processes
            else:
                kills, restarts = _crash(config, url, args.kills, args.seed)
            wall = time.perf_counter() - t0
            time.sleep(0.5)  # let the server flush the last acknowledged mail
            figures = _analyse(url, smtp.received())
    finally:
        smtp.stop()
    print(f"db={args.db} reminders={count} delivery rows={figures['rows']} restarts={restarts} "
          f"rows flagged resend={figures['resend_marked']} rows not final={figures['not_final']} "
          f"total {time.perf_counter() - started:.1f}s")
    head = f"db={args.db} processes={args.processes}" if args.processes > 1 else f"db={args.db}"
    print(f"{head} reminders={count} kills={kills} lost={figures['lost']} duplicates={figures['duplicates']} "
          f"unexplained={figures['unexplained']} wall_s={wall:.1f}")


if __name__ == "__main__":
    main()
