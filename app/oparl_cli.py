"""``wiedervorlage oparl …``: the OParl sub-commands (Typer). Thin: parse, call ``oparl.sync``, render.

Expected errors (unreachable server, not OParl, malformed JSON, bad options) end with one
German line on stderr and exit code 1; the sync writes in one transaction, so the
database is unchanged then.
"""

from __future__ import annotations

from typing import Annotated

import typer

from app import output
from app.guard import handled
from core.errors import InputError

oparl_app = typer.Typer(
    name="oparl",
    help="Sitzungskalender, Tagesordnungen, Drucksachen und Niederschriften aus einem OParl-RIS übernehmen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@oparl_app.command("sync")
@handled
def sync_command(
    url: Annotated[str, typer.Argument(help="OParl-Einstieg: System- oder Body-URL")],
    body: Annotated[str | None, typer.Option("--body", help="Nur diese Körperschaft (ID, Kurzname oder Name)")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Änderungen seit (ISO 8601) statt seit dem Lauf")] = None,
    now: Annotated[str | None, typer.Option("--now", help="Zeitpunkt (ISO 8601, Europe/Berlin wenn ohne Zone)")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Ausgabe als JSON für Programme.")] = False,
) -> None:
    """Ein OParl-System oder eine Körperschaft abgleichen (inkrementell seit dem letzten Lauf)."""
    from app.bootstrap import build
    from core.dates import parse_now
    from oparl.sync import sync

    if not url.startswith(("http://", "https://")):
        raise InputError(f"{url}: keine http(s)-Adresse")
    since_at = parse_now(since) if since and since.strip() else None
    report = sync(build(), url, now=parse_now(now), body=body, since=since_at)
    if json_out:
        output.print_json(report.as_dict())
        return
    out = output.console
    out.print(f"OParl-Abgleich {', '.join(report.bodies) or '—'}: {report.objects} Objekte in {report.seconds:.1f} s "
              f"({report.requests} Anfragen)")
    out.print(f"  Gremien {report.organizations}, Sitzungen {report.meetings} (davon abgesagt/gelöscht "
              f"{report.cancelled}), Tagesordnungspunkte {report.agenda_items}, Drucksachen {report.papers}")
    out.print(f"  Niederschriften: {report.protocols_new} neu, {report.protocols_unchanged} unverändert, "
              f"{report.protocols_failed} fehlgeschlagen")
    out.print(f"  Vorschläge: {report.commitments_new} neu, {report.commitments_kept} wiedererkannt, "
              f"{report.commitments_vanished} nicht mehr enthalten; Fristen aus dem Kalender: {report.due_resolved}")
    for message in report.warnings:
        output.err_console.print(f"[yellow]Hinweis:[/] {output.escape(message)}")
    for failure in report.failures:
        output.error(failure)
