"""Command bodies behind the CLI: call a service, render the result. One transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from app import output
from app.bootstrap import AppContext
from core.errors import InputError
from core.types import STATUS_LABELS_DE
from models import outbox, store
from models.tables import Delivery, Document

VALID_STATUS = ("proposed", "open", "overdue", "done", "cancelled", "all")


def run_ingest(ctx: AppContext, files: Sequence[Path], now: dt.datetime, meeting_date: dt.date | None,
               body: str | None, json_out: bool) -> int:
    """Ingest files/folders with a progress bar; exit code 1 when any file failed."""
    from app.ingest import ingest_paths
    from readers import iter_input_files

    for path in files:
        if not path.exists():
            raise InputError(f"{path}: Datei oder Ordner nicht gefunden")
    total = sum(1 for _ in iter_input_files(list(files)))
    if total == 0:
        raise InputError("keine lesbaren Dateien gefunden (.txt, .pdf, .docx, .html)")
    with Progress(TextColumn("Einlesen"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  console=output.err_console, transient=True, disable=json_out or total < 2) as bar:
        task = bar.add_task("", total=total)
        report = ingest_paths(ctx, files, now=now, meeting_date=meeting_date, body=body,
                              progress=lambda p: bar.update(task, advance=1, description=p.name))
    if json_out:
        output.print_json([f.__dict__ for f in report.files])
    else:
        table = Table(title="Einlesen")
        for col in ("Datei", "Ergebnis", "Sitzung", "Gremium", "Vorschläge", "Grund"):
            table.add_column(col, overflow="fold")
        labels = {"new": "neu", "unchanged": "unverändert", "failed": "fehlgeschlagen"}
        for f in report.files:
            table.add_row(escape(f.path), labels[f.outcome], output.short(f.meeting_date), escape(f.body or "—"),
                          str(f.commitments) if f.outcome == "new" else "—", escape(f.reason or ""))
        output.console.print(table)
        output.console.print(f"{report.count('new')} neu, {report.count('unchanged')} unverändert, "
                             f"{report.count('failed')} fehlgeschlagen.")
    if report.count("failed"):
        for f in report.files:
            if f.outcome == "failed":
                output.error(f.reason or f.path)
        return 1
    return 0


def run_list(ctx: AppContext, status: str, owner: str | None, body: str | None, due_before: dt.date | None,
             now: dt.datetime, json_out: bool) -> None:
    """List commitments with filters."""
    if status not in VALID_STATUS:
        raise InputError(f"Unbekannter Status {status!r} (erlaubt: {', '.join(VALID_STATUS)})")
    today = _today(ctx, now)
    with ctx.session() as session:
        views = store.list_views(session, today=today, status=status, owner=owner, body=body, due_before=due_before)
    if json_out:
        output.print_json([v.to_json(today) for v in views])
        return
    label = STATUS_LABELS_DE.get(status, "alle")
    title = f"Wiedervorlage – {len(views)} Einträge ({label}), Stand {output.short(today)}"
    output.console.print(output.commitments_table(views, today, title))


def run_show(ctx: AppContext, commitment_id: int, now: dt.datetime, json_out: bool) -> None:
    """One commitment in full: fields, quote in context, audit trail, deliveries."""
    from sqlmodel import col, select

    today = _today(ctx, now)
    with ctx.session() as session:
        store.get_commitment(session, commitment_id)
        view = store.list_views(session, today=today, ids=[commitment_id])[0]
        doc = session.get(Document, view.document_id)
        trail = store.history(session, commitment_id)
        sends = session.exec(select(Delivery).where(Delivery.commitment_id == commitment_id)
                             .order_by(col(Delivery.id))).all()
    if json_out:
        data: dict[str, Any] = view.to_json(today)
        data["history"] = [{"at": h.at.isoformat(), "actor": h.actor, "event": h.event, "from": h.from_status,
                            "to": h.to_status, "note": h.note} for h in trail]
        data["deliveries"] = [_delivery_json(d) for d in sends]
        output.print_json(data)
        return
    status = view.derived_status(today)
    out = output.console
    out.print(f"[bold]Eintrag {view.id}[/] – {STATUS_LABELS_DE.get(status, status)}")
    for label, value in (("Aufgabe", view.action), ("Zuständig", view.owner or "—"),
                         ("Art", output.kind_label(view.kind)),
                         ("Frist", f"{output.short(view.due)} {('(' + view.due_text + ')') if view.due_text else ''}"),
                         ("Gremium", f"{view.body or '—'}, Sitzung {output.short(view.meeting_date)}"),
                         ("Quelle", f"{view.source}{', Seite ' + str(view.page) if view.page else ''}"),
                         ("Konfidenz", f"{view.confidence:.2f}")):
        out.print(f"  [bold]{label}:[/] {escape(value)}")
    if doc is not None:
        out.print("\n[bold]Zitat im Zusammenhang:[/]")
        out.print(output.quote_in_context(doc.text, view.quote_start, view.quote_end))
    out.print("\n[bold]Verlauf:[/]")
    for h in trail:
        change = f"{h.from_status} → {h.to_status}" if h.event == "status" else h.event
        out.print(f"  {h.at:%d.%m.%Y %H:%M} UTC  {escape(h.actor)}  {change}  {escape(h.note or '')}")
    if sends:
        out.print("\n[bold]Zustellungen:[/]")
        for d in sends:
            resent = " (erneut gesendet)" if d.resend else ""
            problem = f" – {escape(d.last_error)}" if d.last_error else ""
            out.print(f"  {d.effective_date:%d.%m.%Y} {d.step} an {d.recipient_key}: {d.state}{resent}{problem}")


def run_transition(ctx: AppContext, ids: Sequence[int], action: str, now: dt.datetime, actor: str,
                   note: str | None) -> None:
    """Apply one status action to all ``ids`` in one transaction (all or none)."""
    with ctx.session() as session:
        rows = [store.change_status(session, i, action, now=now, actor=actor, note=note) for i in ids]
        session.commit()
    for row in rows:
        output.console.print(f"Eintrag {row.id}: {STATUS_LABELS_DE.get(row.status, row.status)}")


def run_edit(ctx: AppContext, commitment_id: int, due: str | None, owner: str | None, action: str | None,
             kind: str | None, now: dt.datetime, actor: str) -> None:
    """Edit fields with an audit entry."""
    from core.dates import parse_civil_date

    clear_due = due is not None and not due.strip()
    new_due = parse_civil_date(due) if due and due.strip() else None
    if due is None and owner is None and action is None and kind is None:
        raise InputError("nichts zu ändern: --due, --owner, --action oder --kind angeben")
    with ctx.session() as session:
        row = store.edit_commitment(session, commitment_id, now=now, actor=actor, due=new_due, owner=owner,
                                    action=action, kind=kind, clear_due=clear_due)
        session.commit()
    output.console.print(f"Eintrag {row.id} geändert.")


def run_remind(ctx: AppContext, now: dt.datetime, dry_run: bool, use_prefect: bool, json_out: bool) -> None:
    """Run the reminder pass once (directly, or as the Prefect flow)."""
    from app import reminders

    if dry_run:
        rows = reminders.preview(ctx, now)
        if json_out:
            output.print_json(rows)
            return
        table = Table(title=f"Würde senden ({len(rows)})")
        for col in ("Nr.", "An", "Schritt", "Datum", "Hinweis"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(str(r["id"]), str(r["to"]), str(r["step"]), str(r["date"]), escape(str(r["reason"] or "")))
        output.console.print(table)
        return
    if use_prefect:
        from flows.reminders import send_reminders

        result: dict[str, Any] = send_reminders(now=now.isoformat())
    else:
        report = reminders.run_reminders(ctx, now)
        result = report.as_dict()
        if not json_out:
            for m in report.messages:
                mark = "✓" if m["ok"] else "✗"
                output.console.print(f"  {mark} an {m['to']}: {escape(str(m['subject']))}")
    if json_out:
        output.print_json(result)
    else:
        output.console.print(f"Erinnerungen: {result.get('sent', 0)} gesendet, {result.get('retry', 0)} später erneut, "
                             f"{result.get('failed', 0)} fehlgeschlagen (neu geplant: {result.get('planned', 0)}).")


def run_nightly(ctx: AppContext, now: dt.datetime, use_prefect: bool, json_out: bool) -> None:
    """Run the nightly status pass once."""
    if use_prefect:
        from flows.nightly import nightly_status

        result: dict[str, Any] = nightly_status(now=now.isoformat())
    else:
        from app import nightly

        report = nightly.run_nightly(ctx, now)
        result = report.as_dict()
        if not json_out:
            for m in report.digests.messages:
                output.console.print(f"  {'✓' if m['ok'] else '✗'} Übersicht an {m['to']}: {escape(str(m['subject']))}")
    if json_out:
        output.print_json(result)
    else:
        output.console.print("Nachtlauf: " + ", ".join(f"{k}={v}" for k, v in result.items()))


def run_deliveries(ctx: AppContext, failed: bool, json_out: bool) -> None:
    """The delivery log (recipient keys, never URLs)."""
    with ctx.session() as session:
        rows = outbox.rows(session, state=outbox.FAILED if failed else None)
        totals = outbox.counts(session)
    if json_out:
        output.print_json([_delivery_json(d) for d in rows])
        return
    table = Table(title=f"Zustellungen ({'fehlgeschlagen' if failed else 'alle'}) – " +
                  ", ".join(f"{k}: {v}" for k, v in sorted(totals.items())))
    for col in ("Nr.", "Eintrag", "An", "Schritt", "Datum", "Status", "Versuche", "Fehler"):
        table.add_column(col, overflow="fold")
    for d in rows:
        table.add_row(str(d.id), str(d.commitment_id or "Übersicht"), d.recipient_key, d.step,
                      output.short(d.effective_date), d.state + (" (erneut)" if d.resend else ""), str(d.attempts),
                      escape(d.last_error or ""))
    output.console.print(table)


def _delivery_json(d: Delivery) -> dict[str, Any]:
    return {"id": d.id, "commitment_id": d.commitment_id, "recipient": d.recipient_key, "target": d.target_index,
            "step": d.step, "date": d.effective_date.isoformat(), "state": d.state, "attempts": d.attempts,
            "resend": d.resend, "error": d.last_error, "subject": d.subject,
            "sent_at": d.sent_at.isoformat() if d.sent_at else None}


def _today(ctx: AppContext, now: dt.datetime) -> dt.date:
    from core.dates import local_date

    return local_date(now, ctx.config.timezone)
