"""Persistence: SQLModel tables, engine factory, Alembic migrations and store queries.

Nothing here connects at import time; ``models.db.make_engine`` is called by the one
bootstrap in ``app.bootstrap``.
"""
