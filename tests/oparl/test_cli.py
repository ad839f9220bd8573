"""``wiedervorlage oparl sync`` through Typer's CliRunner (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlmodel import func, select
from typer.testing import CliRunner

from app.bootstrap import build
from app.cli import app
from models.tables import Commitment, Meeting
from tests.oparl.server import FixtureServer


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WIEDERVORLAGE_DATABASE_URL", db_url)
    monkeypatch.setenv("WIEDERVORLAGE_OPARL_BACKOFF", "0.001")
    monkeypatch.setenv("WIEDERVORLAGE_OPARL_RETRIES", "1")
    return db_url


def counts(db_url: str) -> tuple[int, int]:
    ctx = build(None, db_url)
    with ctx.session() as session:
        result = (session.exec(select(func.count()).select_from(Meeting)).one(),
                  session.exec(select(func.count()).select_from(Commitment)).one())
    ctx.engine.dispose()
    return result


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["oparl", "sync", *args])


def test_cli_sync_imports_the_body_and_prints_a_json_report(cli_env: str, oparl_server: FixtureServer) -> None:
    result = invoke(oparl_server.body_url, "--now", "2026-11-30T04:30", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["bodies"] == ["Stadt Birkenfelde"] and report["meetings"] == 6
    assert counts(cli_env)[0] == 6
    again = invoke(oparl_server.system_url, "--body", "Birkenfelde", "--since", "2026-12-01", "--now", "2026-12-02")
    assert again.exit_code == 0, again.output
    assert "Sitzungen 0" in again.stdout


BAD_INPUT = [(None, "nicht erreichbar"), ("/broken/other", "keine OParl-Schnittstelle"),
             ("/broken/truncated", "keine gültige JSON-Antwort")]


def test_cli_bad_input_exits_nonzero_with_one_german_line_and_database_unchanged(
        cli_env: str, oparl_server: FixtureServer) -> None:
    invoke(oparl_server.body_url, "--now", "2026-11-30T04:30")
    before = counts(cli_env)
    for path, message in BAD_INPUT:  # unreachable, JSON but not OParl, malformed JSON
        url = oparl_server.state.url(path) if path else "http://127.0.0.1:9/oparl/system"
        result = invoke(url)
        assert result.exit_code == 1, path
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert counts(cli_env) == before


def test_cli_unknown_body_is_refused(cli_env: str, oparl_server: FixtureServer) -> None:
    result = invoke(oparl_server.system_url, "--body", "Lindenau")
    assert result.exit_code == 1 and "nicht gefunden" in result.stderr
