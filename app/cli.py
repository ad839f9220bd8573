"""``wiedervorlage``: the command line (Typer + Rich). Thin: parse, call a service, render.

Heavy packages (SQLModel, Apprise, Prefect) are imported inside the commands that need
them, so ``extract`` and ``--help`` start fast.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from app import output
from app.guard import CONFIG, handled

app = typer.Typer(
    name="wiedervorlage",
    help="Wiedervorlage: Zusagen aus Niederschriften erkennen, bestätigen, erinnern, nachhalten.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

NOW_HELP = "Zeitpunkt (ISO 8601, Europe/Berlin wenn ohne Zone) für Tests und Wiederholungen."
NowOpt = Annotated[str | None, typer.Option("--now", help=NOW_HELP)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Ausgabe als JSON für Programme.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Wer die Änderung vornimmt (Standard: Benutzername).")]
PREFECT_HELP = "Über Prefect ausführen (Standard: nur wenn PREFECT_API_URL gesetzt ist)."
PrefectOpt = Annotated[bool, typer.Option("--prefect/--direct", help=PREFECT_HELP)]


@app.callback()
def main_options(
    config: Annotated[
        str | None, typer.Option("--config", help="Konfigurationsdatei (TOML); sonst WIEDERVORLAGE_CONFIG.")
    ] = None,
) -> None:
    """Wiedervorlage – Beschlusskontrolle aus Niederschriften."""
    CONFIG["path"] = config
    if config:
        os.environ["WIEDERVORLAGE_CONFIG"] = config  # flows run in this process read it from here


def _ctx():  # type: ignore[no-untyped-def]
    from app.bootstrap import build

    return build(CONFIG["path"])


def _now(value: str | None) -> dt.datetime:
    from core.dates import parse_now

    return parse_now(value)


def _today(ctx: Any, now: dt.datetime) -> dt.date:
    from core.dates import local_date

    return local_date(now, ctx.config.timezone)


def _date_opt(value: str | None) -> dt.date | None:
    from core.dates import parse_civil_date

    return parse_civil_date(value) if value and value.strip() else None


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return getpass.getuser()
    except Exception:
        return "unbekannt"


def _use_prefect(flag: bool | None) -> bool:
    return bool(flag) if flag is not None else bool(os.environ.get("PREFECT_API_URL"))


@app.command()
@handled
def extract(
    file: Annotated[Path, typer.Argument(help="Niederschrift (.txt, .pdf, .docx, .html)")],
    meeting_date: Annotated[
        str | None, typer.Option("--meeting-date", help="Sitzungsdatum JJJJ-MM-TT (leer: aus dem Text)")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Zusagen aus einer Datei erkennen und anzeigen (ohne Datenbank)."""
    from app.extract import extract_file

    result = extract_file(file, _date_opt(meeting_date), CONFIG["path"])
    if json_out:
        output.print_json(result)
        return
    doc = result["document"]
    title = f"{len(result['commitments'])} Zusagen in {file.name} (Sitzung {doc['meeting_date'] or 'unbekannt'})"
    output.console.print(output.extraction_table(result["commitments"], title))


@app.command()
@handled
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Dateien oder Ordner")],
    meeting_date: Annotated[str | None, typer.Option("--meeting-date", help="Sitzungsdatum JJJJ-MM-TT")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Gremium, z. B. 'Sozialausschuss'")] = None,
    now: NowOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Niederschriften einlesen und Zusagen als Vorschläge speichern (doppelt Eingelesenes ändert nichts)."""
    from app.commands import run_ingest

    code = run_ingest(_ctx(), files, _now(now), _date_opt(meeting_date), body, json_out)
    if code:
        raise typer.Exit(code)


@app.command("list")
@handled
def list_(
    status: Annotated[str, typer.Option("--status", help="proposed|open|overdue|done|cancelled|all")] = "all",
    owner: Annotated[str | None, typer.Option("--owner", help="Zuständig enthält …")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Gremium enthält …")] = None,
    due_before: Annotated[str | None, typer.Option("--due-before", help="Frist vor JJJJ-MM-TT")] = None,
    now: NowOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Einträge auflisten (Beschlusskontrolle)."""
    from app.commands import run_list

    run_list(_ctx(), status, owner, body, _date_opt(due_before), _now(now), json_out)


@app.command()
@handled
def show(commitment_id: Annotated[int, typer.Argument(help="Nr. des Eintrags")], now: NowOpt = None,
         json_out: JsonOpt = False) -> None:
    """Einen Eintrag mit Zitat im Kontext, Verlauf und Zustellungen zeigen."""
    from app.commands import run_show

    run_show(_ctx(), commitment_id, _now(now), json_out)


@app.command()
@handled
def confirm(ids: Annotated[list[int], typer.Argument(help="Nr. der Einträge")], actor: ActorOpt = None,
            now: NowOpt = None) -> None:
    """Vorschläge bestätigen (danach wird erinnert). Alle oder keiner."""
    from app.commands import run_transition

    run_transition(_ctx(), ids, "confirm", _now(now), _actor(actor), None)


@app.command()
@handled
def done(commitment_id: Annotated[int, typer.Argument()],
         note: Annotated[str, typer.Option("--note", help="Erledigungsvermerk")] = "",
         actor: ActorOpt = None, now: NowOpt = None) -> None:
    """Als erledigt markieren (mit Erledigungsvermerk)."""
    from app.commands import run_transition

    run_transition(_ctx(), [commitment_id], "done", _now(now), _actor(actor), note)


@app.command()
@handled
def cancel(commitment_id: Annotated[int, typer.Argument()],
           note: Annotated[str, typer.Option("--note", help="Begründung")] = "",
           actor: ActorOpt = None, now: NowOpt = None) -> None:
    """Als entfallen markieren (mit Begründung)."""
    from app.commands import run_transition

    run_transition(_ctx(), [commitment_id], "cancel", _now(now), _actor(actor), note)


@app.command()
@handled
def reopen(commitment_id: Annotated[int, typer.Argument()],
           note: Annotated[str | None, typer.Option("--note")] = None,
           actor: ActorOpt = None, now: NowOpt = None) -> None:
    """Erledigten oder entfallenen Eintrag wieder öffnen."""
    from app.commands import run_transition

    run_transition(_ctx(), [commitment_id], "reopen", _now(now), _actor(actor), note)


@app.command()
@handled
def edit(
    commitment_id: Annotated[int, typer.Argument()],
    due: Annotated[str | None, typer.Option("--due", help="Neue Frist JJJJ-MM-TT ('' entfernt sie)")] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    action: Annotated[str | None, typer.Option("--action")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="deadline|meeting|deliverable|report_back|forward")] = None,
    actor: ActorOpt = None,
    now: NowOpt = None,
) -> None:
    """Frist, Zuständigkeit, Aufgabe oder Art ändern (wird protokolliert)."""
    from app.commands import run_edit

    run_edit(_ctx(), commitment_id, due, owner, action, kind, _now(now), _actor(actor))


@app.command()
@handled
def remind(now: NowOpt = None,
           dry_run: Annotated[bool, typer.Option("--dry-run", help="Nur anzeigen, nichts senden.")] = False,
           prefect: PrefectOpt = None,  # type: ignore[assignment]
           json_out: JsonOpt = False) -> None:
    """Fällige Erinnerungen einmal senden (derselbe Ablauf wie der geplante Flow)."""
    from app.commands import run_remind

    run_remind(_ctx(), _now(now), dry_run, _use_prefect(prefect), json_out)


@app.command()
@handled
def nightly(now: NowOpt = None, prefect: PrefectOpt = None,  # type: ignore[assignment]
            json_out: JsonOpt = False) -> None:
    """Nachtlauf einmal ausführen: Überfällige markieren, Statistik, Übersicht an Vorgesetzte."""
    from app.commands import run_nightly

    run_nightly(_ctx(), _now(now), _use_prefect(prefect), json_out)


@app.command()
@handled
def deliveries(failed: Annotated[bool, typer.Option("--failed", help="Nur dauerhaft fehlgeschlagene")] = False,
               json_out: JsonOpt = False) -> None:
    """Zustellprotokoll anzeigen (ohne Adressen/Passwörter)."""
    from app.commands import run_deliveries

    run_deliveries(_ctx(), failed, json_out)


@app.command()
@handled
def serve(port: Annotated[int, typer.Option("--port", help="Port der lokalen Prefect-Oberfläche")] = 4200) -> None:
    """Zeitpläne auf diesem Rechner ausführen (startet bei Bedarf einen lokalen Prefect-Server)."""
    from app.serve import run_serve

    run_serve(port)


@app.command()
@handled
def demo(
    workdir: Annotated[Path, typer.Option("--workdir", help="Arbeitsordner der Demo")] = Path("demo-work"),
    prefect: PrefectOpt = True,
) -> None:
    """Beispiel-Niederschriften einlesen, bestätigen und Erinnerungen an simulierten Tagen senden."""
    from app.demo import run_demo

    run_demo(workdir, use_prefect=prefect)


app.add_typer(__import__("app.oparl_cli").oparl_cli.oparl_app, name="oparl")  # wiedervorlage oparl sync …


def main() -> None:
    """Console entry point."""
    app(prog_name="wiedervorlage")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
