"""Alembic environment: runs on the engine handed over by ``models.db.migrate``."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import models.oparl_tables  # registers the OParl sync and document lineage tables
import models.tables  # noqa: F401  (registers the tables on the metadata)
from models.db import make_engine

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes.get("connection_engine") or make_engine()
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
