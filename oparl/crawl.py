"""The network phase of a sync: read one OParl Body's lists and the protocols to (re)read.

Nothing is written here; the write phase (``oparl.sync``) runs afterwards in one
transaction, so a server that fails half-way leaves the database unchanged.

Incremental runs pass ``modified_since`` (UTC, ISO 8601) per list. ``omit_internal=true`` is
sent only when the Body offers the OParl 1.1 ``agendaItem`` and ``file`` lists, because a
server honouring it returns embedded agenda items and files as bare URLs, which are then
looked up in those lists (or fetched one by one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import httpx

from core.errors import InputError
from oparl.client import OParlClient, OParlError
from oparl.mapping import AgendaData, FileData, MeetingData, map_agenda_item, map_file, map_meeting, text

LISTS = ("organization", "meeting", "paper", "agendaItem", "file")
MIME_SUFFIX = {"application/pdf": "pdf", "text/plain": "txt", "text/html": "html",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}


@dataclass(frozen=True)
class KnownFile:
    """What the database already knows about a protocol file (for conditional GET)."""

    meeting: str | None
    role: str
    etag: str | None
    last_modified: str | None
    has_document: bool


@dataclass
class Protocol:
    """A protocol to store: ``doc`` read (new bytes), ``unchanged`` (304/same), or ``error``."""

    meeting: str | None
    role: str
    file: FileData
    doc: Any = None
    etag: str | None = None
    last_modified: str | None = None
    unchanged: bool = False
    error: str | None = None


@dataclass
class BodyCrawl:
    """Everything read for one OParl Body in this run."""

    oparl_id: str
    name: str
    short_name: str | None
    endpoints: dict[str, str] = field(default_factory=dict)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[MeetingData] = field(default_factory=list)
    papers: list[dict[str, Any]] = field(default_factory=list)
    agenda: dict[str, AgendaData] = field(default_factory=dict)
    files: dict[str, FileData] = field(default_factory=dict)
    protocols: list[Protocol] = field(default_factory=list)

    @property
    def objects(self) -> int:
        """Objects read from lists (for throughput figures)."""
        return len(self.organizations) + len(self.meetings) + len(self.papers) + len(self.agenda) + len(self.files)


def crawl_body(client: OParlClient, body: dict[str, Any], since: Mapping[str, dt.datetime | None],
               known: Mapping[str, KnownFile], tz: str) -> BodyCrawl:
    """Read the lists of ``body`` (changes since ``since[endpoint]``) and the protocols to read."""
    warn = client.warn
    crawl = BodyCrawl(oparl_id=str(body["id"]), name=text(body.get("name"), 300) or str(body["id"]),
                      short_name=text(body.get("shortName"), 100))
    crawl.endpoints = {k: body[k] for k in LISTS if isinstance(body.get(k), str)}
    omit = "agendaItem" in crawl.endpoints and "file" in crawl.endpoints
    for kind, url in crawl.endpoints.items():
        params: dict[str, str] = {}
        if since.get(url) is not None:
            params["modified_since"] = since[url].astimezone(dt.UTC).isoformat(timespec="seconds")  # type: ignore[union-attr]
        if omit:
            params["omit_internal"] = "true"
        for obj in client.iter_list(url, params or None):
            if kind == "organization":
                crawl.organizations.append(obj)
            elif kind == "meeting":
                crawl.meetings.append(map_meeting(obj, warn, tz))
            elif kind == "paper":
                crawl.papers.append(obj)
            elif kind == "agendaItem":
                item = map_agenda_item(obj, warn, tz)
                crawl.agenda[item.oparl_id] = item
            else:
                crawl.files[str(obj.get("id"))] = map_file(obj, warn, tz)
    _collect_protocols(client, crawl, known, tz)
    return crawl


def _collect_protocols(client: OParlClient, crawl: BodyCrawl, known: Mapping[str, KnownFile], tz: str) -> None:
    wanted: dict[str, tuple[str | None, str, FileData | None]] = {}
    for meeting in crawl.meetings:
        for role, ref in meeting.files:
            file_id = ref if isinstance(ref, str) else ref.oparl_id
            data = ref if isinstance(ref, FileData) else crawl.files.get(file_id)
            have = known.get(file_id)
            if data is None and have is not None and have.has_document:
                continue  # referenced by URL only and not in the changed files: unchanged
            wanted[file_id] = (meeting.oparl_id, role, data)
    for file_id, data in crawl.files.items():
        have = known.get(file_id)
        if have is not None and file_id not in wanted:
            wanted[file_id] = (have.meeting, have.role, data)
    for file_id, have in known.items():
        if not have.has_document and file_id not in wanted:
            wanted[file_id] = (have.meeting, have.role, None)  # failed last time: retry
    for file_id, (meeting_id, role, data) in wanted.items():
        if data is None:
            try:
                data = map_file(client.get_json(file_id), client.warn, tz)
            except OParlError as exc:
                crawl.protocols.append(Protocol(meeting_id, role, FileData(oparl_id=file_id), error=str(exc)))
                continue
        crawl.protocols.append(_read(client, Protocol(meeting_id, role, data), known.get(file_id)))


def _read(client: OParlClient, protocol: Protocol, have: KnownFile | None) -> Protocol:
    """Fill ``protocol`` from ``File.text`` or a (conditional) download of access/download URL."""
    from readers import read_bytes

    data = protocol.file
    if data.deleted:
        return protocol
    name = data.access_url or data.download_url or data.oparl_id
    try:
        if data.text:
            protocol.doc = read_bytes(data.text.encode("utf-8"), name, "txt")
            return protocol
        urls = [u for u in (data.access_url, data.download_url) if u]
        if not urls:
            raise InputError(f"{data.oparl_id}: weder Text noch accessUrl")
        fetched = None
        for n, url in enumerate(urls):
            try:
                validators = (have.etag, have.last_modified) if have and have.has_document else (None, None)
                fetched = client.download(url, *validators)
                break
            except OParlError:
                if n == len(urls) - 1:
                    raise
        assert fetched is not None
        protocol.etag, protocol.last_modified = fetched.etag, fetched.last_modified
        if fetched.status == 304:
            protocol.unchanged = True
            return protocol
        protocol.doc = read_bytes(fetched.content, fetched.url, _suffix(data, fetched.url, fetched.content_type))
    except InputError as exc:  # OParlError included: one file failing does not stop the sync
        protocol.error = str(exc)
    return protocol


def _suffix(data: FileData, url: str, content_type: str | None) -> str:
    for name in (data.file_name, httpx.URL(url).path):
        suffix = PurePosixPath(name or "").suffix.lower()
        if suffix in (".pdf", ".txt", ".html", ".htm", ".docx"):
            return suffix
    for mime in (data.mime_type, content_type):
        key = (mime or "").split(";")[0].strip().lower()
        if key in MIME_SUFFIX:
            return MIME_SUFFIX[key]
    return PurePosixPath(data.file_name or httpx.URL(url).path).suffix or "pdf"
