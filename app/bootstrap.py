"""The one place that wires configuration, database engine, notifier and clock."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from core.config import Config, default_config, load_config_file
from core.errors import InputError
from models.db import make_engine, migrate
from models.tables import Recipient as RecipientRow


@dataclass
class AppContext:
    """Everything a command or flow needs; built once per process."""

    config: Config
    engine: Engine
    config_source: str | None = None

    def session(self) -> Session:
        """A new session; callers use it as a context manager and commit explicitly."""
        return Session(self.engine, expire_on_commit=False)

    def sender(self):  # type: ignore[no-untyped-def]
        """The Apprise sender, imported lazily (Apprise costs ~0.4 s to import)."""
        from notifications.apprise_sender import AppriseSender

        return AppriseSender(timeout_seconds=self.config.delivery.max_send_seconds)


def config_path(explicit: str | None) -> Path | None:
    """``--config`` beats ``WIEDERVORLAGE_CONFIG``; neither means built-in defaults."""
    raw = explicit or os.environ.get("WIEDERVORLAGE_CONFIG")
    return Path(raw) if raw else None


def load_config(explicit: str | None = None) -> tuple[Config, str | None]:
    """The validated configuration and where it came from."""
    path = config_path(explicit)
    if path is None:
        return default_config(), None
    return load_config_file(path), str(path)


def build(config: str | None = None, database_url: str | None = None, *, migrate_schema: bool = True) -> AppContext:
    """Load config, open the database (migrating it), and sync the recipient directory."""
    cfg, source = load_config(config)
    engine = make_engine(database_url)
    if migrate_schema:
        migrate(engine)
    ctx = AppContext(config=cfg, engine=engine, config_source=source)
    _OPEN.append(ctx)
    sync_recipients(ctx)
    return ctx


_OPEN: list[AppContext] = []


def close_all() -> None:
    """Dispose every engine built in this process (end of a CLI command)."""
    while _OPEN:
        _OPEN.pop().engine.dispose()


@lru_cache(maxsize=8)
def _cached(config: str | None, database_url: str | None) -> AppContext:
    ctx = build(config, database_url)
    _OPEN.remove(ctx)  # long-lived: owned by the cache, not by a command
    return ctx


def from_environment() -> AppContext:
    """Context for flows: from environment variables, one per (config, database) per process.

    Tasks call this many times; building an engine each time would open a pool each time.
    """
    return _cached(os.environ.get("WIEDERVORLAGE_CONFIG"), os.environ.get("WIEDERVORLAGE_DATABASE_URL"))


def sync_recipients(ctx: AppContext) -> None:
    """Mirror the configured recipients into the directory table (the file is the truth)."""
    wanted = ctx.config.recipients
    with ctx.session() as session:
        existing = {row.key: row for row in session.exec(select(RecipientRow)).all()}
        changed = False
        for key, rcp in wanted.items():
            values = {
                "name": rcp.name,
                "aliases": json.dumps(list(rcp.aliases), ensure_ascii=False),
                "notify": json.dumps(list(rcp.notify)),
                "manager_key": rcp.manager,
                "digest": rcp.digest,
            }
            row = existing.pop(key, None)
            if row is None:
                session.add(RecipientRow(key=key, **values))
                changed = True
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                session.add(row)
                changed = True
        for row in existing.values():
            session.delete(row)
            changed = True
        if changed:
            session.commit()


def require_file(path: Path) -> bytes:
    """Read a whole input file or raise a one-line InputError naming it."""
    if not path.exists():
        raise InputError(f"{path}: Datei nicht gefunden")
    if path.is_dir():
        raise InputError(f"{path}: ist ein Ordner")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: nicht lesbar ({exc.strerror})") from exc
