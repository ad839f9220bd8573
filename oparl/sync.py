"""The OParl sync service: System/Body URL → calendar, agenda, papers, protocols, proposals.

One run = network phase (``oparl.crawl``, nothing written) followed by one transaction:
organisations (Gremien → ``Body``), meetings (civil date of ``start`` in the configured
zone; ``deleted``/``cancelled`` → cancelled, so they leave the calendar), agenda items,
papers, then the protocols through the ingest path (``app.ingest.store_read_document``,
reconciled per protocol lineage), then due dates that the new calendar resolves.

Incremental: each list endpoint remembers the start instant of its last successful sync;
the next run asks for ``modified_since`` = that instant minus ``OVERLAP`` (clock skew
between us and the server; re-reading an object is harmless). ``since`` overrides it.
Any error before the commit leaves the database unchanged; a single unreadable protocol
file is reported and retried next time instead.
"""

from __future__ import annotations

import bisect
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlmodel import Session, select

from app.bootstrap import AppContext
from models.tables import Body, Meeting
from oparl import store as ostore
from oparl.client import OParlClient, OParlError
from oparl.crawl import LISTS, BodyCrawl, crawl_body
from oparl.mapping import AgendaData, paper_agenda_links, top_sections, type_name

OVERLAP = dt.timedelta(minutes=10)


@dataclass
class SyncReport:
    """Counts of one run (``seconds`` wall time, ``requests`` HTTP requests incl. retries)."""

    url: str
    bodies: list[str] = field(default_factory=list)
    objects: int = 0
    organizations: int = 0
    meetings: int = 0
    cancelled: int = 0
    agenda_items: int = 0
    papers: int = 0
    protocols_new: int = 0
    protocols_unchanged: int = 0
    protocols_failed: int = 0
    commitments_new: int = 0
    commitments_kept: int = 0
    commitments_vanished: int = 0
    due_resolved: int = 0
    requests: int = 0
    seconds: float = 0.0
    since: dict[str, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (``--json``, flow results)."""
        return asdict(self)


def discover(client: OParlClient, url: str, body: str | None = None) -> list[dict[str, Any]]:
    """The Body objects behind a System or Body URL, optionally only the one matching ``body``."""
    root = client.get_json(url)
    kind = _root_kind(root, url, client)
    if kind == "Body":
        bodies = [root]
    else:
        ref = root.get("body")
        if isinstance(ref, str):
            bodies = list(client.iter_list(ref))
        elif isinstance(ref, list):
            bodies = [b if isinstance(b, dict) else client.get_json(str(b)) for b in ref]
        else:
            raise OParlError(f"{url}: OParl-System ohne Körperschaften ('body' fehlt)")
    bodies = [b for b in bodies if isinstance(b, dict) and b.get("id") and not b.get("deleted")]
    if body:
        wanted = body.casefold()
        bodies = [b for b in bodies if wanted in (str(b["id"]).casefold(), str(b.get("shortName", "")).casefold(),
                                                  str(b.get("name", "")).casefold())
                  or str(b["id"]).rstrip("/").endswith("/" + body)]
        if not bodies:
            raise OParlError(f"{url}: Körperschaft {body!r} nicht gefunden")
    return bodies


def _root_kind(root: dict[str, Any], url: str, client: OParlClient) -> str:
    if root.get("type") or root.get("id"):
        if not root.get("type"):
            if "oparlVersion" in root or ("body" in root and "meeting" not in root):
                return type_name(root, "System", client.warn)
            if "meeting" in root and "organization" in root:
                return type_name(root, "Body", client.warn)
        kind = type_name(root, "?", client.warn)
        if kind in ("System", "Body"):
            return kind
    message = root.get("message") if isinstance(root.get("message"), str) else None
    detail = f" (Fehlermeldung des Servers: {message})" if message else ""
    raise OParlError(f"{url}: keine OParl-Schnittstelle (weder System noch Body){detail}")


def sync(ctx: AppContext, url: str, *, now: dt.datetime, body: str | None = None, since: dt.datetime | None = None,
         client: OParlClient | None = None) -> SyncReport:
    """Run one sync of ``url`` (System or Body endpoint) at instant ``now`` (UTC)."""
    started = time.perf_counter()
    report = SyncReport(url=url)
    own = client is None
    client = client or OParlClient()
    try:
        crawls = []
        for found in discover(client, url, body):
            endpoints = [found[k] for k in LISTS if isinstance(found.get(k), str)]
            with ctx.session() as session:
                stored = ostore.sync_since(session, endpoints)
                known = ostore.known_files(session)
            window = {u: since or (t - OVERLAP if t else None) for u, t in stored.items()}
            report.since.update({u: t.isoformat() if t else None for u, t in window.items()})
            crawls.append(crawl_body(client, found, window, known, ctx.config.timezone))
        with ctx.session() as session:
            for crawl in crawls:
                report.bodies.append(crawl.name)
                report.objects += crawl.objects
                _write(session, ctx, crawl, report, now, client.warn)
            from app.reconcile import resolve_due_dates

            report.due_resolved = resolve_due_dates(session, land=ctx.config.land, now=now)
            for crawl in crawls:
                for endpoint in crawl.endpoints.values():
                    ostore.mark_synced(session, endpoint, now, crawl.objects)
            session.commit()
    finally:
        report.requests, report.warnings = client.requests, list(client.warnings)
        if own:
            client.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _write(session: Session, ctx: AppContext, crawl: BodyCrawl, report: SyncReport, now: dt.datetime,
           warn: Callable[[str], None]) -> None:
    tz, qualifier = ctx.config.timezone, crawl.short_name or crawl.name
    for obj in crawl.organizations:
        ostore.upsert_organization(session, obj, tz, qualifier)
        report.organizations += 1
    fallback: list[Body] = []

    def default_body() -> Body:
        if not fallback:
            fallback.append(ostore.body_row(session, crawl.oparl_id, crawl.name, crawl.short_name, qualifier))
        return fallback[0]

    placed: set[str] = set()
    for data in crawl.meetings:
        target = None if data.deleted else ostore.meeting_body(session, data, qualifier)
        if target is None and not data.deleted:
            target = default_body()
        row = ostore.upsert_meeting(session, data, target, warn)
        if row is None:
            continue
        report.meetings += 1
        report.cancelled += int(row.cancelled)
        for position, item in enumerate(data.agenda):
            item_data = item if isinstance(item, AgendaData) else crawl.agenda.get(item)
            if item_data is not None:
                ostore.upsert_agenda_item(session, item_data, row.id, position)
                placed.add(item_data.oparl_id)
                report.agenda_items += 1
    for item_data in crawl.agenda.values():
        if item_data.oparl_id not in placed:
            ostore.upsert_agenda_item(session, item_data, _meeting_id(session, item_data.meeting), None)
            report.agenda_items += 1
    session.flush()
    for obj in crawl.papers:
        ostore.upsert_paper(session, obj, paper_agenda_links(obj, warn), warn, tz)
        report.papers += 1
    session.flush()
    _store_protocols(session, ctx, crawl, report, now)


def _meeting_id(session: Session, oparl_id: str | None) -> int | None:
    meeting = _meeting(session, oparl_id)
    return meeting.id if meeting else None


def _meeting(session: Session, oparl_id: str | None) -> Meeting | None:
    if not oparl_id:
        return None
    return session.exec(select(Meeting).where(Meeting.oparl_id == oparl_id)).first()


def _store_protocols(session: Session, ctx: AppContext, crawl: BodyCrawl, report: SyncReport,
                     now: dt.datetime) -> None:
    from app.ingest import store_read_document

    for protocol in crawl.protocols:
        meeting = _meeting(session, protocol.meeting)
        row = ostore.upsert_file(session, protocol, meeting.id if meeting else None)
        if protocol.file.deleted:
            continue
        if protocol.error:
            report.protocols_failed += 1
            report.failures.append(protocol.error)
            continue
        if protocol.unchanged or protocol.doc is None:
            report.protocols_unchanged += 1
            continue
        hints = ostore.owner_hints(session, meeting.id or 0) if meeting else {}
        lineage = f"oparl:{protocol.meeting or protocol.file.oparl_id}#{protocol.role}"
        result = store_read_document(session, ctx, protocol.doc, now=now, meeting=meeting, lineage=lineage,
                                     owner_for=_owner_lookup(protocol.doc.text, hints) if hints else None)
        row.document_id = result.document_id
        session.add(row)
        if result.outcome == "new":
            report.protocols_new += 1
            report.commitments_new += result.commitments
            report.commitments_kept += result.kept
            report.commitments_vanished += result.vanished
        else:
            report.protocols_unchanged += 1


def _owner_lookup(minutes: str, hints: dict[str, str]) -> Callable[[int], str | None]:
    """Owner candidate for a text offset: the paper's department under the enclosing TOP."""
    sections = top_sections(minutes)
    starts = [s for s, _ in sections]

    def lookup(offset: int) -> str | None:
        index = bisect.bisect_right(starts, offset) - 1
        return hints.get(sections[index][1]) if index >= 0 else None

    return lookup
