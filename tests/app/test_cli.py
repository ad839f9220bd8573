"""The CLI as a clerk uses it: ingest, review, confirm, edit, done, remind — and bad input."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.app.conftest import CliFn, snapshot_db

MINUTES = """Niederschrift über die Sitzung des Bauausschusses

Sitzung am 05.11.2026

Zu Punkt 2: Sanierung der Grundschule

Frau Krüger teilt mit, dass die Ausschreibung der Dacharbeiten bis zum 15.01.2027 veröffentlicht wird.
Herr Römer sagt zu, den Kostenplan für die Turnhalle bis zum 30.11.2026 vorzulegen.
"""


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "bau.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def _ids(cli: CliFn, status: str = "all") -> list[int]:
    result = cli("list", "--status", status, "--json", "--now", "2026-11-20T09:00")
    assert result.exit_code == 0, result.output
    return [item["id"] for item in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "command",
    ["extract", "ingest", "list", "show", "confirm", "edit", "done", "cancel", "reopen", "remind", "nightly",
     "deliveries", "serve", "demo"],
)
def test_every_command_has_german_help(cli: CliFn, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_ingest_then_list_json_has_ids_status_and_contract_fields(cli: CliFn, minutes: Path) -> None:
    assert cli("ingest", str(minutes), "--body", "Bauausschuss", "--now", "2026-11-20T09:00").exit_code == 0
    items = json.loads(cli("list", "--json", "--now", "2026-11-20T09:00").stdout)
    assert items
    for item in items:
        assert {"id", "status", "quote", "start", "end", "action", "owner", "due", "due_text", "kind",
                "confidence"} <= set(item)
        assert item["status"] == "proposed"
        assert item["body"] == "Bauausschuss"


def test_ingesting_again_changes_nothing(cli: CliFn, minutes: Path, db_url: str) -> None:
    cli("ingest", str(minutes), "--now", "2026-11-20T09:00")
    before = snapshot_db(db_url)
    result = cli("ingest", str(minutes), "--now", "2026-11-21T09:00")
    assert result.exit_code == 0
    assert "unverändert" in result.stdout
    assert snapshot_db(db_url) == before


def test_confirm_edit_done_and_reopen_are_audited(cli: CliFn, minutes: Path) -> None:
    cli("ingest", str(minutes), "--now", "2026-11-20T09:00")
    first = _ids(cli)[0]
    assert cli("confirm", str(first), "--actor", "clerk").exit_code == 0
    assert cli("edit", str(first), "--due", "2027-02-01", "--owner", "Fachbereich 65").exit_code == 0
    assert cli("done", str(first), "--note", "Ausschreibung veröffentlicht").exit_code == 0
    assert cli("reopen", str(first)).exit_code == 0
    shown = json.loads(cli("show", str(first), "--json").stdout)
    events = [(h["event"], h["from"], h["to"]) for h in shown["history"]]
    assert events == [("status", "proposed", "open"), ("edit", None, None), ("status", "open", "done"),
                      ("status", "done", "open")]
    assert shown["history"][2]["note"] == "Ausschreibung veröffentlicht"
    assert shown["owner"] == "Fachbereich 65" and shown["due"] == "2027-02-01"


def test_remind_twice_on_the_same_day_sends_nothing_the_second_time(
    cli: CliFn, minutes: Path, outbox_dir: Path
) -> None:
    cli("ingest", str(minutes), "--now", "2026-11-20T09:00")
    cli("confirm", *map(str, _ids(cli)), "--now", "2026-11-20T09:00")
    res = cli("remind", "--now", "2026-11-30T07:30", "--json")
    assert res.exit_code == 0, res.stderr
    first = json.loads(res.stdout)
    files = sorted(outbox_dir.rglob("*.eml"))
    second = json.loads(cli("remind", "--now", "2026-11-30T08:15", "--json").stdout)
    assert first["sent"] >= 1
    assert (second["planned"], second["sent"], second["retry"], second["failed"]) == (0, 0, 0, 0)
    assert sorted(outbox_dir.rglob("*.eml")) == files


def test_dry_run_shows_what_would_be_sent_and_sends_nothing(cli: CliFn, minutes: Path, outbox_dir: Path,
                                                            db_url: str) -> None:
    cli("ingest", str(minutes), "--now", "2026-11-20T09:00")
    cli("confirm", *map(str, _ids(cli)), "--now", "2026-11-20T09:00")
    before = snapshot_db(db_url)
    rows = json.loads(cli("remind", "--dry-run", "--now", "2026-11-30T07:30", "--json").stdout)
    assert rows and all(r["to"] for r in rows)
    assert list(outbox_dir.rglob("*.eml")) == []
    assert snapshot_db(db_url) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "999"), "Eintrag 999 gibt es nicht"),
        (("done", "999", "--note", "x"), "Eintrag 999 gibt es nicht"),
        (("list", "--due-before", "2026-02-30"), "Ungültiges Datum"),
        (("list", "--status", "vielleicht"), "Unbekannter Status"),
        (("remind", "--now", "gestern"), "Ungültiger Zeitpunkt"),
        (("ingest", "/nonexistent/protokoll.txt"), "nicht gefunden"),
    ],
)
def test_bad_input_gets_one_line_and_a_nonzero_exit_and_changes_nothing(
    cli: CliFn, minutes: Path, db_url: str, args: tuple[str, ...], message: str
) -> None:
    cli("ingest", str(minutes), "--now", "2026-11-20T09:00")
    before = snapshot_db(db_url)
    result = cli(*args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output + result.stderr
    assert snapshot_db(db_url) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("leer.txt", b"", "leer"),
        ("bild.txt", bytes(range(256)) * 16, "Binärdaten"),
        ("kaputt.pdf", b"%PDF-1.7\n garbage", "PDF"),
    ],
)
def test_bad_files_fail_clearly_and_store_nothing(cli: CliFn, tmp_path: Path, db_url: str, name: str, data: bytes,
                                                  message: str) -> None:
    cli("list")  # creates the schema
    before = snapshot_db(db_url)
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("ingest", str(path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert snapshot_db(db_url) == before


def test_an_unreadable_config_is_one_line_and_names_the_problem(cli: CliFn, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[calendar\nland = 'NW'", encoding="utf-8")
    monkeypatch.setenv("WIEDERVORLAGE_CONFIG", str(bad))
    result = cli("list")
    assert result.exit_code == 1
    assert "bad.toml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_note_on_done_is_refused(cli: CliFn, minutes: Path) -> None:
    cli("ingest", str(minutes), "--now", "2026-11-20T09:00")
    result = cli("done", str(_ids(cli)[0]))
    assert result.exit_code == 1
    assert "Vermerk" in result.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_extract_reads_windows_1252_and_bom_files_with_exact_offsets(cli: CliFn, tmp_path: Path,
                                                                     encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(MINUTES.replace("\n", "\r\n").encode(encoding))
    result = cli("extract", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    text = MINUTES
    assert data["commitments"]
    for c in data["commitments"]:
        assert text[c["start"]:c["end"]] == c["quote"]
    assert any("Römer" in (c["owner"] or "") or "Krüger" in (c["owner"] or "") for c in data["commitments"])
    assert codecs.lookup(encoding)
