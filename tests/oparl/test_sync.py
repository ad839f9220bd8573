"""OParl sync end to end against the local server, on SQLite and PostgreSQL (``app_ctx``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlmodel import func, select

from core.dates import parse_now
from models import store
from models.oparl_tables import OParlAgendaItem, OParlMeetingInfo, OParlPaper, OParlSyncState
from models.tables import Body, Commitment, Document, Meeting, StatusChange
from oparl.client import OParlClient, OParlError
from oparl.sync import SyncReport, sync
from tests.oparl.server import FixtureServer

FIRST = "2026-11-30T04:30"  # Berlin wall time of the first nightly run
SECOND = "2026-12-15T04:30"
AUV = "ausschuss für umwelt und verkehr"


def run(ctx: Any, server: FixtureServer, now: str, **kwargs: Any) -> SyncReport:
    with OParlClient(retries=3, backoff=0.001, timeout=5) as client:
        return sync(ctx, kwargs.pop("url", server.system_url), now=parse_now(now), client=client, **kwargs)


def commitments(ctx: Any) -> list[Commitment]:
    with ctx.session() as session:
        return list(session.exec(select(Commitment).order_by(Commitment.id)).all())


def by_quote(ctx: Any, fragment: str) -> Commitment:
    return next(c for c in commitments(ctx) if fragment in c.quote)


def events(ctx: Any, commitment_id: int) -> list[str]:
    with ctx.session() as session:
        return [s.event for s in session.exec(select(StatusChange).where(StatusChange.commitment_id == commitment_id))]


def table_counts(ctx: Any) -> dict[str, int]:
    with ctx.session() as session:
        return {t.__name__: session.exec(select(func.count()).select_from(t)).one()
                for t in (Body, Meeting, Document, Commitment, OParlAgendaItem, OParlPaper, OParlSyncState)}


def test_first_sync_builds_calendar_agenda_papers_and_proposals(app_ctx: Any, oparl_server: FixtureServer) -> None:
    report = run(app_ctx, oparl_server, FIRST)
    assert (report.organizations, report.meetings, report.papers, report.protocols_new) == (6, 6, 3, 2)
    assert [r.items for r in oparl_server.state.requests_to("/oparl/body/1/meeting")] == [2, 2, 2]
    with app_ctx.session() as session:
        calendar = store.meeting_calendar(session)
        papers = {p.reference: p.owner_candidate for p in session.exec(select(OParlPaper))}
        tops = session.exec(select(OParlAgendaItem).where(OParlAgendaItem.number == "3")).one()
    assert calendar[AUV] == (dt.date(2026, 9, 17), dt.date(2026, 11, 12), dt.date(2027, 1, 21))
    assert calendar["bauausschuss"] == (dt.date(2026, 11, 19),)
    assert "fraktion bürgerliste" not in calendar  # no meetings, not a Gremium
    assert papers["V/2026/117"] == "Fachbereich 66 – Tiefbau"
    assert (tops.result, tops.public) == ("ungeändert beschlossen", True)
    assert tops.resolution_text is not None and tops.resolution_text.startswith("Die Verwaltung")
    with app_ctx.session() as session:
        views = store.list_views(session, today=dt.date(2026, 11, 30))
    assert views and all(v.status == "proposed" for v in views)
    assert {(v.body, v.meeting_date) for v in views} == {("Ausschuss für Umwelt und Verkehr", dt.date(2026, 11, 12)),
                                                         ("Bauausschuss", dt.date(2026, 11, 19))}


def test_next_meeting_commitment_gets_date_of_that_committees_next_meeting(app_ctx: Any,
                                                                           oparl_server: FixtureServer) -> None:
    run(app_ctx, oparl_server, FIRST)
    radweg = by_quote(app_ctx, "nächsten Sitzung des Ausschusses für Umwelt und Verkehr")
    assert radweg.due == dt.date(2027, 1, 21)
    bau = by_quote(app_ctx, "nächsten Sitzung des Bauausschusses")
    assert bau.due is None  # no later Bauausschuss meeting published yet


def test_second_sync_asks_modified_since_and_applies_only_the_changes(app_ctx: Any,
                                                                      oparl_server: FixtureServer) -> None:
    run(app_ctx, oparl_server, FIRST)
    documents = table_counts(app_ctx)["Document"]
    state, base = oparl_server.state, oparl_server.state.base
    changed = "2026-12-10T09:00:00+01:00"
    state.objects["meeting"][f"{base}/oparl/meeting/5"] = {
        "id": f"{base}/oparl/meeting/5", "type": "https://schema.oparl.org/1.1/Meeting",
        "deleted": True, "modified": changed}
    state.objects["meeting"][f"{base}/oparl/meeting/7"] = {
        "id": f"{base}/oparl/meeting/7", "type": "https://schema.oparl.org/1.1/Meeting",
        "name": "5. Sitzung des Bauausschusses", "meetingState": "terminiert", "start": "2027-02-04T16:00:00+01:00",
        "organization": [f"{base}/oparl/organization/3"], "agendaItem": [], "modified": changed}
    state.objects["file"][f"{base}/oparl/file/1"]["name"] = "Niederschrift AUV 12.11.2026 (öffentlich)"
    state.objects["file"][f"{base}/oparl/file/1"]["modified"] = changed
    state.log.clear()

    report = run(app_ctx, oparl_server, SECOND)

    pages = state.requests_to("/oparl/body/1/meeting")
    assert {p.query["modified_since"] for p in pages} == {"2026-11-30T03:20:00+00:00"}  # last run − 10 min overlap
    assert all(p.query["omit_internal"] == "true" for p in pages)
    assert sum(p.items or 0 for p in pages) == 2
    assert sum(p.items or 0 for p in state.requests_to("/oparl/body/1/organization")) == 0
    assert [r.status for r in state.requests_to("/files/auv-2026-11-12.txt")] == [304]
    assert (report.meetings, report.cancelled, report.protocols_unchanged, report.due_resolved) == (2, 1, 1, 1)
    assert table_counts(app_ctx)["Document"] == documents
    with app_ctx.session() as session:
        calendar = store.meeting_calendar(session)
        rat = session.exec(select(Meeting).where(Meeting.oparl_id == f"{base}/oparl/meeting/5")).one()
        info = session.get(OParlMeetingInfo, rat.id)
    assert "rat der stadt birkenfelde" not in calendar and rat.cancelled and info is not None and info.deleted
    bau = by_quote(app_ctx, "nächsten Sitzung des Bauausschusses")
    assert bau.due == dt.date(2027, 2, 4)
    assert "due_resolved" in events(app_ctx, bau.id or 0)


def test_corrected_protocol_is_reconciled_by_quote_without_duplicates(app_ctx: Any,
                                                                      oparl_server: FixtureServer) -> None:
    run(app_ctx, oparl_server, FIRST)
    now = parse_now("2026-12-01T10:00")
    radweg = by_quote(app_ctx, "Zeitplan für den Bau des Radwegs")
    satzung = by_quote(app_ctx, "Baumschutzsatzung vorzulegen")
    with app_ctx.session() as session:
        store.change_status(session, radweg.id or 0, "confirm", now=now, actor="frau.kraft")
        store.edit_commitment(session, satzung.id or 0, now=now, actor="frau.kraft", owner="Fachbereich 66")
        session.commit()
    before = len(commitments(app_ctx))
    state = oparl_server.state
    from tests.oparl.server import FIXTURES

    state.files["auv-2026-11-12.txt"] = (FIXTURES / "auv-2026-11-12-korrigiert.txt").read_bytes()
    state.objects["file"][f"{state.base}/oparl/file/1"]["modified"] = "2026-12-12T08:00:00+01:00"

    report = run(app_ctx, oparl_server, SECOND)

    assert report.protocols_new == 1 and report.commitments_new == 1 and report.commitments_vanished == 1
    rows = commitments(app_ctx)
    assert len(rows) == before + 1
    assert by_quote(app_ctx, "Bürgerverein").status == "proposed"
    kept = by_quote(app_ctx, "Zeitplan für den Bau des Radwegs")
    assert (kept.status, kept.document_id, kept.confirmed_at is not None) == ("open", radweg.document_id, True)
    edited = by_quote(app_ctx, "Baumschutzsatzung vorzulegen")
    assert (edited.owner, edited.due, edited.document_id) == ("Fachbereich 66", satzung.due, satzung.document_id)
    informed = by_quote(app_ctx, "Anwohner der Mühlenstraße")
    assert informed.due == dt.date(2026, 12, 18) and informed.document_id != satzung.document_id
    assert "reconciled" in events(app_ctx, informed.id or 0)
    vanished = by_quote(app_ctx, "Baumkontrolle am Friedhof")
    assert vanished.status == "proposed" and "vanished" in events(app_ctx, vanished.id or 0)
    assert len({c.quote for c in rows}) == len(rows)


def test_503_during_sync_is_retried_and_the_sync_completes(app_ctx: Any, oparl_server: FixtureServer) -> None:
    oparl_server.state.fail["/oparl/body/1/meeting"] = 1
    report = run(app_ctx, oparl_server, FIRST)
    assert report.meetings == 6
    assert [r.status for r in oparl_server.state.requests_to("/oparl/body/1/meeting")][:2] == [503, 200]


def test_failing_server_midway_leaves_database_unchanged(app_ctx: Any, oparl_server: FixtureServer) -> None:
    run(app_ctx, oparl_server, FIRST)
    before = table_counts(app_ctx)
    with app_ctx.session() as session:
        marks = sorted((s.endpoint, s.last_success_at) for s in session.exec(select(OParlSyncState)))
    oparl_server.state.objects["meeting"][f"{oparl_server.state.base}/oparl/meeting/6"]["modified"] = \
        "2026-12-10T09:00:00+01:00"
    oparl_server.state.fail["/oparl/body/1/paper"] = 100
    with pytest.raises(OParlError):
        run(app_ctx, oparl_server, SECOND)
    assert table_counts(app_ctx) == before
    with app_ctx.session() as session:
        assert sorted((s.endpoint, s.last_success_at) for s in session.exec(select(OParlSyncState))) == marks


@pytest.mark.parametrize(("vendor", "warning"), [
    ("allris", "Steuerzeichen"),
    ("sessionnet", "'organization' ist kein Array"),
    ("sdnet", "ohne 'type'"),
])
def test_vendor_quirks_are_tolerated_with_a_warning(app_ctx: Any, oparl_server: FixtureServer, vendor: str,
                                                    warning: str) -> None:
    oparl_server.state.reset(vendor=vendor)
    report = run(app_ctx, oparl_server, FIRST)
    assert any(warning in w for w in report.warnings)
    assert report.meetings == 6 and report.protocols_new == 2
    assert by_quote(app_ctx, "nächsten Sitzung des Ausschusses für Umwelt").due == dt.date(2027, 1, 21)
    again = run(app_ctx, oparl_server, SECOND)  # nothing changed: empty lists (SD.NET: error objects)
    assert again.meetings == 0 and again.protocols_new == 0
    if vendor == "sdnet":
        assert any("Fehlerobjekt" in w for w in again.warnings)
