"""Persistence on SQLite and PostgreSQL: schema, ingest idempotency, lifecycle, audit, UTC."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from app.ingest import ingest_file
from core.errors import InputError
from models import store
from models.db import current_revision, head_revision, make_engine, migrate
from models.tables import Commitment, Document, Recipient

NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
MINUTES = """Niederschrift über die Sitzung des Bauausschusses

Sitzung am 05.11.2026

Zu Punkt 2: Sanierung der Grundschule

Frau Krüger teilt mit, dass die Ausschreibung der Dacharbeiten bis zum 15.01.2027 veröffentlicht wird.
Der Ausschuss beauftragt die Verwaltung, einen Kostenplan für die Turnhalle zu erstellen.
"""


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "bau.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_migrations_create_every_table_and_record_the_head(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"body", "meeting", "document", "commitment", "status_change", "recipient", "delivery",
            "snapshot", "alembic_version"} <= tables
    assert current_revision(engine) == head_revision()
    migrate(engine)  # a second run is a no-op
    engine.dispose()


def test_ingesting_the_same_document_twice_changes_nothing(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    first = ingest_file(app_ctx, minutes, now=NOW, body="Bauausschuss")
    second = ingest_file(app_ctx, minutes, now=NOW, body="Bauausschuss")
    assert first.outcome == "new" and first.commitments >= 1
    assert second.outcome == "unchanged" and second.document_id == first.document_id
    with app_ctx.session() as session:
        assert len(session.exec(select(Commitment)).all()) == first.commitments


def test_quotes_point_into_the_stored_text(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_file(app_ctx, minutes, now=NOW)
    with app_ctx.session() as session:
        views = store.list_views(session, today=NOW.date())
        docs = {v.document_id: session.get(Document, v.document_id) for v in views}
    for v in views:
        assert docs[v.document_id].text[v.quote_start:v.quote_end] == v.quote
        assert v.meeting_date == dt.date(2026, 11, 5)


def test_the_lifecycle_is_audited_with_who_when_and_the_erledigungsvermerk(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_file(app_ctx, minutes, now=NOW)
    with app_ctx.session() as session:
        cid = store.list_views(session, today=NOW.date())[0].id
        store.change_status(session, cid, "confirm", now=NOW, actor="sachbearbeitung")
        store.change_status(session, cid, "done", now=NOW + dt.timedelta(days=3), actor="sachbearbeitung",
                            note="Ausschreibung veröffentlicht")
        session.commit()
        trail = store.history(session, cid)
    assert [(h.from_status, h.to_status) for h in trail] == [("proposed", "open"), ("open", "done")]
    assert trail[1].note == "Ausschreibung veröffentlicht"
    assert trail[1].actor == "sachbearbeitung"
    assert trail[1].at == NOW + dt.timedelta(days=3)
    assert trail[1].at.tzinfo is not None and trail[1].at.utcoffset() == dt.timedelta(0)


def test_a_refused_transition_leaves_no_trace(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_file(app_ctx, minutes, now=NOW)
    with app_ctx.session() as session:
        cid = store.list_views(session, today=NOW.date())[0].id
        with pytest.raises(InputError):
            store.change_status(session, cid, "done", now=NOW, actor="x", note="")
        session.rollback()
        assert store.history(session, cid) == []


def test_overdue_is_derived_from_today(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_file(app_ctx, minutes, now=NOW)
    with app_ctx.session() as session:
        dated = [v for v in store.list_views(session, today=NOW.date()) if v.due]
        assert dated, "the extractor should find the dated commitment"
        store.change_status(session, dated[0].id, "confirm", now=NOW, actor="x")
        session.commit()
        due = dated[0].due
        assert due is not None
        assert store.list_views(session, today=due, status="overdue") == []
        late = store.list_views(session, today=due + dt.timedelta(days=1), status="overdue")
    assert [v.id for v in late] == [dated[0].id]
    assert late[0].days_overdue(due + dt.timedelta(days=1)) == 1


def test_an_edit_records_old_and_new_values(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_file(app_ctx, minutes, now=NOW)
    with app_ctx.session() as session:
        cid = store.list_views(session, today=NOW.date())[0].id
        store.edit_commitment(session, cid, now=NOW, actor="x", due=dt.date(2027, 2, 1), owner="Fachbereich 40")
        session.commit()
        (entry,) = store.history(session, cid)
        row = store.get_commitment(session, cid)
    assert entry.event == "edit" and "Fachbereich 40" in (entry.note or "")
    assert row.due == dt.date(2027, 2, 1)


def test_unknown_ids_get_a_german_one_line_error(app_ctx) -> None:  # type: ignore[no-untyped-def]
    with app_ctx.session() as session, pytest.raises(InputError, match="Eintrag 999 gibt es nicht"):
        store.get_commitment(session, 999)


def test_timestamps_are_stored_as_utc(app_ctx, minutes: Path) -> None:  # type: ignore[no-untyped-def]
    berlin_noon = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    ingest_file(app_ctx, minutes, now=berlin_noon)
    with app_ctx.engine.connect() as conn:
        raw = conn.execute(text("SELECT created_at FROM document")).scalar()
    if isinstance(raw, str):  # SQLite keeps the naive UTC wall time
        assert raw.startswith("2026-07-01 10:00:00")
    else:
        assert raw.astimezone(dt.UTC) == dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)


def test_the_recipient_directory_mirrors_the_config(app_ctx) -> None:  # type: ignore[no-untyped-def]
    with app_ctx.session() as session:
        keys = sorted(r.key for r in session.exec(select(Recipient)).all())
    assert keys == ["amtsleitung", "roemer", "verwaltung"]
