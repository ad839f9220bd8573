"""``wiedervorlage demo``: the whole loop on the bundled fictional minutes at simulated dates.

Everything happens in a work folder: a SQLite database, a config whose recipients are
``outbox://`` directories (so no mail server is needed) and the ``.eml`` files written.
Flows run through Prefect in this one process, so Prefect's start-up cost is paid once.
"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
from pathlib import Path

from rich.markup import escape
from rich.rule import Rule
from rich.table import Table

from app import output

EXAMPLES = Path(__file__).resolve().parent / "examples"
# (simulated instant in Berlin local time, what a clerk would see happen)
TIMELINE = (
    ("2026-12-01T07:30", "Dienstag, 1. Dezember: erste Vorab-Erinnerungen"),
    ("2026-12-15T07:30", "Dienstag, 15. Dezember: Fristtag der Ausschreibung"),
    ("2027-01-04T07:30", "Montag, 4. Januar: Überfälliges nach den Feiertagen"),
    ("2027-02-01T07:30", "Montag, 1. Februar: Eskalation an die Vorgesetzten"),
)
INGEST_AT = "2026-11-20T09:00"
DONE_AT = "2026-12-16T10:00"


def demo_config(workdir: Path) -> str:
    """A config whose every recipient writes to its own outbox folder in ``workdir``."""
    box = (workdir / "outbox").resolve()
    return f"""# Demo-Konfiguration: alle Nachrichten landen als .eml-Dateien in {box}
[calendar]
timezone = "Europe/Berlin"
land = "NW"
send_at = "07:30"

[recipients.bergmann]
name = "Herr Bergmann"
aliases = ["Bergmann", "Fachbereich 60"]
notify = ["outbox://{box}/bergmann"]
manager = "dezernat"

[recipients.lange]
name = "Frau Dr. Lange"
aliases = ["Lange"]
notify = ["outbox://{box}/lange"]
manager = "dezernat"

[recipients.verwaltung]
name = "Verwaltung"
aliases = ["Steuerungsgruppe", "Ausschuss für Umwelt und Mobilität"]
notify = ["outbox://{box}/verwaltung"]
manager = "dezernat"

[recipients.dezernat]
name = "Dezernat II"
notify = ["outbox://{box}/dezernat"]
digest = true

[triage]
recipient = "dezernat"
"""


def run_demo(workdir: Path, use_prefect: bool = True) -> None:
    """Run the demo end to end and print what was extracted and sent where."""
    workdir = workdir.resolve()
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / "wiedervorlage.toml").write_text(demo_config(workdir), encoding="utf-8")
    os.environ["WIEDERVORLAGE_DATABASE_URL"] = f"sqlite:///{workdir / 'demo.db'}"
    os.environ["WIEDERVORLAGE_CONFIG"] = str(workdir / "wiedervorlage.toml")
    os.environ.setdefault("PREFECT_HOME", str(workdir / ".prefect"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

    from app.bootstrap import build
    from app.commands import run_list, run_transition
    from app.extract import extract_file
    from core.dates import local_date, parse_now
    from models import store

    out = output.console
    ctx = build()
    out.print(Rule("1. Niederschriften lesen (extract)"))
    files = sorted(EXAMPLES.glob("*.txt"))
    for path in files:
        result = extract_file(path, None)
        title = f"{path.name} – Sitzung {result['document']['meeting_date']}"
        out.print(output.extraction_table(result["commitments"], title))

    out.print(Rule("2. Einlesen und bestätigen (ingest, confirm)"))
    ingest_now = parse_now(INGEST_AT)
    if use_prefect:
        from flows.ingest import ingest_minutes

        out.print("Prefect startet lokal (einmalig einige Sekunden) …")
        summary = ingest_minutes([str(p) for p in files], now=ingest_now.isoformat())
        out.print(f"Eingelesen über den Prefect-Flow 'ingest-minutes': {summary['new']} neu, "
                  f"{summary['commitments']} Vorschläge")
    else:
        from app.ingest import ingest_paths

        ingest_paths(ctx, files, now=ingest_now)
    with ctx.session() as session:
        ids = [v.id for v in store.list_views(session, today=local_date(ingest_now), status="proposed")]
    run_transition(ctx, ids, "confirm", ingest_now, "demo", None)
    run_list(ctx, "open", None, None, None, ingest_now, False)

    for when, label in TIMELINE:
        now = parse_now(when)
        out.print(Rule(f"3. {label} ({when})"))
        _run_day(ctx, now, use_prefect)
        if when.startswith("2026-12-15"):
            done_now = parse_now(DONE_AT)
            with ctx.session() as session:
                tender = [v.id for v in store.list_views(session, today=local_date(done_now), status="open")
                          if "Ausschreibung" in v.quote]
            if tender:
                run_transition(ctx, tender[:1], "done", done_now, "demo", "Ausschreibung veröffentlicht am 16.12.2026")

    out.print(Rule("4. Stand der Beschlusskontrolle"))
    run_list(ctx, "all", None, None, None, parse_now(TIMELINE[-1][0]), False)
    out.print(Rule("5. Gesendete Nachrichten (Outbox)"))
    show_outbox(workdir / "outbox")
    out.print(f"\nDatenbank: {workdir / 'demo.db'}   Outbox: {workdir / 'outbox'}")
    out.print(f"Selbst ausprobieren: WIEDERVORLAGE_DATABASE_URL=sqlite:///{workdir / 'demo.db'} "
              f"WIEDERVORLAGE_CONFIG={workdir / 'wiedervorlage.toml'} .venv/bin/wiedervorlage list")


def _run_day(ctx, now, use_prefect: bool) -> None:  # type: ignore[no-untyped-def]
    """One simulated morning: the nightly run (05:00) and the reminder run (07:30)."""
    from app import nightly, reminders

    nightly_at = now.replace(hour=4)  # 05:00 Berlin in winter is 04:00 UTC
    if use_prefect:
        from flows.nightly import nightly_status
        from flows.reminders import send_reminders

        night = nightly_status(now=nightly_at.isoformat())
        rem = send_reminders(now=now.isoformat())
        output.console.print(f"Nachtlauf (Prefect): {night['newly_overdue']} neu überfällig; "
                             f"Erinnerungen (Prefect): {rem['sent']} gesendet")
    else:
        night_report = nightly.run_nightly(ctx, nightly_at)
        rem_report = reminders.run_reminders(ctx, now)
        output.console.print(f"Nachtlauf: {night_report.newly_overdue} neu überfällig; "
                             f"Erinnerungen: {rem_report.sent} gesendet")


def show_outbox(box: Path) -> None:
    """Table of every .eml written: folder (recipient), subject."""
    table = Table(title="Outbox")
    table.add_column("An")
    table.add_column("Betreff", overflow="fold")
    count = 0
    for path in sorted(box.rglob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        table.add_row(path.parent.name, escape(str(msg["Subject"]).strip()))
        count += 1
    output.console.print(table)
    output.console.print(f"{count} Nachrichten in {box}")
