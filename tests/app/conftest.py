"""CLI test helpers: run ``wiedervorlage`` in-process with CliRunner against a temp database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from app.cli import app
from tests.conftest import write_config

CliFn = Callable[..., Result]


@pytest.fixture
def cli(db_url: str, tmp_path: Path, outbox_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliFn:
    """Invoke the CLI with WIEDERVORLAGE_DATABASE_URL/CONFIG pointing at temp resources."""
    monkeypatch.setenv("WIEDERVORLAGE_DATABASE_URL", db_url)
    monkeypatch.setenv("WIEDERVORLAGE_CONFIG", str(write_config(tmp_path, outbox_dir)))
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run


def snapshot_db(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for 'the database is unchanged' assertions."""
    from models.db import normalise_url

    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            return {t: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1')).all()]
                    for t in tables}
    finally:
        engine.dispose()
