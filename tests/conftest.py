"""Shared fixtures: real SQLite and PostgreSQL databases, an app context, a fixed clock.

PostgreSQL tests get a throwaway database on 127.0.0.1:5432 (user postgres, trust auth).
Outside CI they are skipped when the server is unreachable; in CI (``CI`` set) that is an
error, because a silently skipped persistence suite would hide real failures.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Unit tests must never boot Prefect's ephemeral server by accident (it costs ~10 s).
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_ENABLED", "false")
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("WIEDERVORLAGE_CONFIG", None)
os.environ.pop("WIEDERVORLAGE_DATABASE_URL", None)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PG_ADMIN_URL = os.environ.get("WIEDERVORLAGE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_server() -> str:
    """Admin URL of the PostgreSQL server (skip or fail when it is down)."""
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is not reachable in CI")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"wv_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite file database for one test."""
    return f"sqlite:///{tmp_path / 'wv.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each persistence test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wv.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def outbox_dir(tmp_path: Path) -> Path:
    """Folder the ``outbox://`` Apprise schema writes .eml files into."""
    path = tmp_path / "outbox"
    path.mkdir()
    return path


def write_config(tmp_path: Path, outbox: Path, extra: str = "") -> Path:
    """A config with recipients writing to ``outbox`` subfolders (no network)."""
    text = f"""
[calendar]
timezone = "Europe/Berlin"
land = "NW"
send_at = "07:30"

[recipients.roemer]
name = "Herr Römer"
aliases = ["Römer", "Integrationszentrum"]
notify = ["outbox://{outbox}/roemer"]
manager = "amtsleitung"

[recipients.verwaltung]
name = "Verwaltung"
notify = ["outbox://{outbox}/verwaltung"]
manager = "amtsleitung"

[recipients.amtsleitung]
name = "Amtsleitung"
notify = ["outbox://{outbox}/amtsleitung"]
digest = true

[triage]
recipient = "amtsleitung"
{extra}
"""
    path = tmp_path / "wiedervorlage.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def app_ctx(db_url: str, tmp_path: Path, outbox_dir: Path):  # type: ignore[no-untyped-def]
    """A bootstrapped AppContext on the parametrised database with an outbox config."""
    from app.bootstrap import build

    ctx = build(str(write_config(tmp_path, outbox_dir)), db_url)
    yield ctx
    ctx.engine.dispose()
