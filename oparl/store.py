"""Database side of the OParl sync: upserts keyed by OParl id, sync state per list endpoint.

Every function takes the caller's ``Session`` and never commits (the sync is one
transaction). Instants are UTC; ``Meeting.date`` is the civil date in the configured zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.oparl_tables import (
    OParlAgendaItem,
    OParlFile,
    OParlMeetingInfo,
    OParlOrganization,
    OParlPaper,
    OParlSyncState,
)
from models.tables import Body, Meeting
from oparl.crawl import KnownFile, Protocol
from oparl.mapping import AgendaData, MeetingData, Warn, as_list, civil_date, instant, is_gremium, text


def sync_since(session: Session, endpoints: list[str]) -> dict[str, dt.datetime | None]:
    """Start instant (UTC) of the last successful sync per endpoint; None: never synced."""
    rows = session.exec(select(OParlSyncState).where(col(OParlSyncState.endpoint).in_(endpoints))).all()
    found = {row.endpoint: row.last_success_at for row in rows}
    return {url: found.get(url) for url in endpoints}


def mark_synced(session: Session, endpoint: str, started: dt.datetime, objects: int) -> None:
    """Remember a successful sync of ``endpoint`` that started at ``started`` (UTC)."""
    row = session.exec(select(OParlSyncState).where(OParlSyncState.endpoint == endpoint)).first()
    row = row or OParlSyncState(endpoint=endpoint)
    row.last_success_at, row.objects = started, objects
    session.add(row)


def known_files(session: Session) -> dict[str, KnownFile]:
    """Protocol files already seen, with the validators of their last download."""
    rows = session.exec(select(OParlFile, Meeting.oparl_id)
                        .join(Meeting, col(Meeting.id) == col(OParlFile.meeting_id), isouter=True)
                        .where(col(OParlFile.deleted).is_(False))).all()
    return {f.oparl_id: KnownFile(meeting=m, role=f.role, etag=f.etag, last_modified=f.last_modified,
                                  has_document=f.document_id is not None) for f, m in rows}


def _free_name(session: Session, name: str, qualifier: str, body_id: int | None) -> str:
    """``name``, or ``name (qualifier)`` when another body already uses it (names are unique)."""
    for candidate in (name, f"{name} ({qualifier})"):
        other = session.exec(select(Body).where(func.lower(Body.name) == candidate.lower())).first()
        if other is None or other.id == body_id:
            return candidate
    return f"{name} ({qualifier}, {body_id or 'neu'})"


def body_row(session: Session, oparl_id: str | None, name: str, short_name: str | None, qualifier: str) -> Body:
    """The Body row for a Gremium (by OParl id; an unlinked body of the same name is adopted)."""
    body = session.exec(select(Body).where(Body.oparl_id == oparl_id)).first() if oparl_id else None
    if body is None:
        same = session.exec(select(Body).where(func.lower(Body.name) == name.lower())).first()
        if same is not None and same.oparl_id is None:
            body = same
    if body is None:
        body = Body(name=_free_name(session, name, qualifier, None))
    elif body.name.lower() != name.lower():
        body.name = _free_name(session, name, qualifier, body.id)
    body.oparl_id, body.short_name = oparl_id, short_name or body.short_name
    session.add(body)
    session.flush()
    return body


def upsert_organization(session: Session, obj: dict[str, Any], tz: str, qualifier: str) -> OParlOrganization:
    """Store an Organization; Gremien get (or keep) a Body row."""
    oparl_id = str(obj.get("id"))
    row = session.exec(select(OParlOrganization).where(OParlOrganization.oparl_id == oparl_id)).first()
    row = row or OParlOrganization(oparl_id=oparl_id, name=oparl_id)
    row.deleted = obj.get("deleted") is True
    row.modified = instant(obj.get("modified"), tz)
    if not row.deleted:
        row.name = text(obj.get("name"), 500) or text(obj.get("shortName"), 500) or row.name
        row.short_name = text(obj.get("shortName"), 200)
        row.organization_type = text(obj.get("organizationType"), 200)
        if is_gremium(obj) or row.body_id is not None:
            row.body_id = body_row(session, oparl_id, row.name, row.short_name, qualifier).id
    session.add(row)
    session.flush()
    return row


def meeting_body(session: Session, data: MeetingData, qualifier: str) -> Body | None:
    """The leading organisation's Body row (created for non-Gremien that hold meetings)."""
    for org_id in data.organizations[:1]:
        org = session.exec(select(OParlOrganization).where(OParlOrganization.oparl_id == org_id)).first()
        if org is not None:
            if org.body_id is None:
                org.body_id = body_row(session, org_id, org.name, org.short_name, qualifier).id
                session.add(org)
            body = session.get(Body, org.body_id)
            if body is not None:
                return body
    return None


def upsert_meeting(session: Session, data: MeetingData, body: Body | None, warn: Warn) -> Meeting | None:
    """Store a meeting in the calendar; deleted → cancelled. None when it cannot be placed."""
    meeting = session.exec(select(Meeting).where(Meeting.oparl_id == data.oparl_id)).first()
    if data.deleted:
        if meeting is not None:
            meeting.cancelled = True
            _info(session, meeting, data, deleted=True)
        return meeting
    if data.date is None and meeting is None:
        warn(f"Sitzung {data.oparl_id} ohne verwendbares 'start' übersprungen")
        return None
    if meeting is None:
        assert body is not None
        meeting = Meeting(body_id=body.id or 0, date=data.date, oparl_id=data.oparl_id)  # type: ignore[arg-type]
    if body is not None:
        meeting.body_id = body.id or meeting.body_id
    meeting.date = data.date or meeting.date
    meeting.name = data.name
    meeting.cancelled = data.cancelled
    session.add(meeting)
    session.flush()
    _info(session, meeting, data, deleted=False)
    return meeting


def _info(session: Session, meeting: Meeting, data: MeetingData, *, deleted: bool) -> None:
    info = session.get(OParlMeetingInfo, meeting.id) or OParlMeetingInfo(meeting_id=meeting.id or 0)
    info.deleted, info.modified = deleted, data.modified
    if not deleted:
        info.state, info.start = data.state, data.start
    session.add(info)


def upsert_agenda_item(session: Session, data: AgendaData, meeting_id: int | None, position: int | None) -> None:
    """Store a Tagesordnungspunkt (its paper link is set by ``upsert_paper``)."""
    row = session.exec(select(OParlAgendaItem).where(OParlAgendaItem.oparl_id == data.oparl_id)).first()
    row = row or OParlAgendaItem(oparl_id=data.oparl_id)
    row.meeting_id = meeting_id or row.meeting_id
    row.position = row.position if position is None else position
    row.number, row.name, row.public = data.number, data.name, data.public
    row.result, row.resolution_text, row.modified = data.result, data.resolution_text, data.modified
    session.add(row)


def upsert_paper(session: Session, obj: dict[str, Any], agenda_links: list[str], warn: Warn, tz: str) -> None:
    """Store a Drucksache; its first ``underDirectionOf`` organisation is the owner candidate."""
    oparl_id = str(obj.get("id"))
    row = session.exec(select(OParlPaper).where(OParlPaper.oparl_id == oparl_id)).first()
    row = row or OParlPaper(oparl_id=oparl_id)
    row.deleted, row.modified = obj.get("deleted") is True, instant(obj.get("modified"), tz)
    if not row.deleted:
        row.reference, row.name = text(obj.get("reference"), 200), text(obj.get("name"))
        row.paper_type, row.date = text(obj.get("paperType"), 200), civil_date(obj.get("date"), tz)
        directing = [o for o in as_list(obj, "underDirectionOf", warn) if isinstance(o, str)]
        row.under_direction_of = directing[0] if directing else None
        org = session.exec(select(OParlOrganization)
                           .where(OParlOrganization.oparl_id == row.under_direction_of)).first()
        row.owner_candidate = org.name if org else None
        for item in session.exec(select(OParlAgendaItem).where(col(OParlAgendaItem.oparl_id).in_(agenda_links))):
            item.paper_oparl_id = oparl_id
            session.add(item)
    session.add(row)


def owner_hints(session: Session, meeting_id: int) -> dict[str, str]:
    """Normalised agenda number → owner candidate (from the paper discussed under that TOP)."""
    from oparl.mapping import normalise_number

    rows = session.exec(select(OParlAgendaItem.number, OParlPaper.owner_candidate)
                        .join(OParlPaper, col(OParlPaper.oparl_id) == col(OParlAgendaItem.paper_oparl_id))
                        .where(OParlAgendaItem.meeting_id == meeting_id)).all()
    return {n: owner for number, owner in rows if (n := normalise_number(number)) and owner}


def upsert_file(session: Session, protocol: Protocol, meeting_id: int | None) -> OParlFile:
    """Store a protocol file's metadata, validators and read outcome (document set by the caller)."""
    data = protocol.file
    row = session.exec(select(OParlFile).where(OParlFile.oparl_id == data.oparl_id)).first()
    row = row or OParlFile(oparl_id=data.oparl_id, role=protocol.role)
    row.meeting_id = meeting_id or row.meeting_id
    row.role, row.deleted = protocol.role, data.deleted
    if data.name or data.access_url:
        row.name, row.file_name, row.mime_type = data.name, data.file_name, data.mime_type
        row.access_url, row.download_url, row.modified = data.access_url, data.download_url, data.modified
    if protocol.etag or protocol.last_modified:
        row.etag, row.last_modified = protocol.etag, protocol.last_modified
    row.error = protocol.error
    session.add(row)
    session.flush()
    return row
