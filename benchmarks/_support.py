"""Shared benchmark helpers: throwaway databases, bulk data, a loopback SMTP child process.

Times are wall-clock seconds. Civil dates are Europe/Berlin; instants UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BERLIN = ZoneInfo("Europe/Berlin")
PG_ADMIN = os.environ.get("WIEDERVORLAGE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
DAY = dt.date(2026, 12, 1)  # a Tuesday, the benchmark's "today"


def berlin(day: dt.date, hour: int, minute: int = 0, second: float = 0.0) -> dt.datetime:
    """UTC instant of a Berlin wall-clock time on ``day``."""
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)
    return (local + dt.timedelta(seconds=second)).astimezone(dt.UTC)


@contextmanager
def database(kind: str, workdir: Path) -> Iterator[str]:
    """A fresh database URL: a SQLite file in ``workdir`` or a throwaway PostgreSQL database."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    import psycopg

    name = f"wv_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def write_config(path: Path, port: int, *, lease: float = 300, max_send: float = 60) -> Path:
    """Config with one owner (roemer) and a digest manager, both mailing the loopback server."""
    url = f"mailto://127.0.0.1:{port}?from=wv@example.org&to={{to}}&mode=insecure"
    path.write_text(f"""
[calendar]
timezone = "Europe/Berlin"
land = "NW"
send_at = "07:30"

[recipients.roemer]
name = "Herr Römer"
aliases = ["Römer"]
notify = ["{url.format(to='roemer@example.org')}"]
manager = "amtsleitung"

[recipients.amtsleitung]
name = "Amtsleitung"
notify = ["{url.format(to='amt@example.org')}"]
digest = true

[delivery]
max_send_seconds = {max_send}
lease_seconds = {lease}
""", encoding="utf-8")
    return path


def bulk_commitments(url: str, config: Path, total: int, due_today: int) -> None:
    """Migrate, then insert ``total`` open commitments; ``due_today`` of them are due on DAY.

    All are confirmed on DAY at 06:00 Berlin, so the only due step is "due" of those due
    today; the others are due 30–400 days later (no step yet).
    """
    from app.bootstrap import build
    from models.tables import Commitment, Document

    ctx = build(str(config), url)
    confirmed = berlin(DAY, 6)
    with ctx.engine.begin() as conn:
        doc_id = conn.execute(insert(Document.__table__).returning(Document.__table__.c.id), [{  # type: ignore[attr-defined]
            "source": "bench.txt", "sha256": uuid.uuid4().hex, "format": "txt", "title": "Benchmark",
            "text": "Benchmark", "page_starts": "[]", "created_at": confirmed}]).scalar_one()
        rows = []
        for i in range(total):
            due = DAY if i < due_today else DAY + dt.timedelta(days=30 + i % 370)
            action = f"Aufgabe {i}: Bericht zur Haushaltsplanung vorlegen"
            rows.append({"document_id": doc_id, "action": action, "owner": "Herr Römer", "due": due,
                         "kind": "deadline", "status": "open", "quote": action, "quote_start": 0,
                         "quote_end": len(action), "confidence": 0.9, "created_at": confirmed,
                         "updated_at": confirmed, "confirmed_at": confirmed})
            if len(rows) == 5000:
                conn.execute(insert(Commitment.__table__), rows)  # type: ignore[attr-defined]
                rows = []
        if rows:
            conn.execute(insert(Commitment.__table__), rows)  # type: ignore[attr-defined]
        if conn.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))
    ctx.engine.dispose()


class SMTPChild:
    """``tests.support.smtp`` in its own process (its own core); mails land as JSON lines."""

    def __init__(self) -> None:
        self.out = Path(tempfile.mkstemp(prefix="wv-smtp-", suffix=".jsonl")[1])
        self.proc = subprocess.Popen([PYTHON, "-m", "tests.support.smtp", "--out", str(self.out)],
                                     cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def received(self) -> list[dict[str, object]]:
        with self.out.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.endswith("\n")]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        self.out.unlink(missing_ok=True)


RUNNER = """
import sys, datetime as dt
from app.bootstrap import build
from app.reminders import run_reminders
ctx = build(sys.argv[1], sys.argv[2])
report = run_reminders(ctx, dt.datetime.fromisoformat(sys.argv[3]))
print(report.sent, report.lost_claims, flush=True)
"""


def runner_cmd(config: Path, url: str, now: dt.datetime) -> list[str]:
    """A reminder process (``app.reminders.run_reminders``) for ``now``."""
    return [PYTHON, "-c", RUNNER, str(config), url, now.isoformat()]


def delivery_rows(url: str) -> list[tuple[int, str, bool]]:
    """(commitment_id, state, resend) of every reminder delivery."""
    from models.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT commitment_id, state, resend FROM delivery "
                                 "WHERE commitment_id IS NOT NULL")).all()
    engine.dispose()
    return [(int(r[0]), str(r[1]), bool(r[2])) for r in rows]
