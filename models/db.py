"""Engine factory and schema migration. Nothing connects at import time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from core.errors import InputError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///wiedervorlage.db"


def database_url() -> str:
    """``WIEDERVORLAGE_DATABASE_URL`` or a SQLite file in the working directory."""
    return os.environ.get("WIEDERVORLAGE_DATABASE_URL") or DEFAULT_URL


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs (psycopg2 is not installed)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str | None = None) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout and enforced foreign keys.

    The busy timeout matters because reminder processes may run concurrently and
    SQLite allows one writer at a time: waiting is correct, failing is not.
    """
    url = normalise_url(url or database_url())
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 60}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


def head_revision() -> str:
    """The newest migration's id, read from the versions folder without importing Alembic."""
    heads = []
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("revision"):
                heads.append(line.split("=", 1)[1].strip().strip("\"'"))
                break
    downs = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("down_revision"):
                downs.add(line.split("=", 1)[1].strip().strip("\"'"))
    tips = [h for h in heads if h not in downs]
    return tips[0] if len(tips) == 1 else ""


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; cheap when it is already there.

    Alembic is imported only when an upgrade is needed, so ordinary CLI calls stay fast.
    """
    try:
        if current_revision(engine) == head_revision():
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection_engine"] = engine
        command.upgrade(cfg, "head")
    except SQLAlchemyError as exc:
        raise InputError(f"Datenbank nicht erreichbar oder fehlerhaft: {type(exc).__name__}") from exc
