"""A local OParl 1.1 server for tests and benchmarks (Starlette, uvicorn in a thread, 127.0.0.1).

Serves ``fixtures/birkenfelde.json`` (a fictional municipality) with ``{base}`` replaced by
its own address, plus protocol files from ``fixtures/`` with ETag/Last-Modified. It behaves
like a real, slightly unfriendly RIS:

- lists are paged with ``page_size`` items whatever ``limit``/``elementsPerPage`` asks for,
  linked by ``links.next``; ``modified_since`` filters; ``omit_internal=true`` turns embedded
  agenda items and protocol files into bare URLs;
- ``fail[path] = n`` answers the next n requests of that path with 503;
- ``vendor`` switches on one quirk set: ``allris`` (raw control characters in JSON strings),
  ``sessionnet`` (a single URL where an array is expected, date-only ``start``), ``sdnet``
  (no ``type``, error object instead of an empty list, OParl 1.0 style without the
  ``agendaItem``/``file`` lists).

Every request is logged in ``log`` (path, query, status, number of list items).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LISTS = ("organization", "meeting", "paper", "agendaItem", "file")
FILE_DATE = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


@dataclass
class Logged:
    """One request as the server saw it."""

    path: str
    query: dict[str, str]
    status: int
    items: int | None = None


@dataclass
class FixtureState:
    """The server's data and knobs; tests change them between syncs."""

    base: str
    page_size: int = 2
    vendor: str | None = None
    objects: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    fail: dict[str, int] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)

    def reset(self, vendor: str | None = None) -> None:
        """Back to the fixture data, no failures, empty log."""
        raw = (FIXTURES / "birkenfelde.json").read_text(encoding="utf-8").replace("{base}", self.base)
        data = json.loads(raw)
        self.vendor, self.fail, self.log = vendor, {}, []
        self.objects = {"system": {data["system"]["id"]: data["system"]}}
        for kind in ("body", "organization", "meeting", "paper"):
            self.objects[kind] = {obj["id"]: obj for obj in data[kind]}
        self.objects["agendaItem"], self.objects["file"] = {}, {}
        for meeting in self.objects["meeting"].values():
            self.index_embedded(meeting)
        self.files = {"auv-2026-11-12.txt": (FIXTURES / "auv-2026-11-12.txt").read_bytes()}

    def index_embedded(self, meeting: dict[str, Any]) -> None:
        """Make a meeting's embedded agenda items and files retrievable and listable."""
        for item in meeting.get("agendaItem", []):
            self.objects["agendaItem"][item["id"]] = item
        for role in ("resultsProtocol", "verbatimProtocol"):
            if isinstance(meeting.get(role), dict):
                self.objects["file"][meeting[role]["id"]] = meeting[role]

    def url(self, path: str) -> str:
        """Absolute URL of a server path."""
        return self.base + path

    def requests_to(self, path: str) -> list[Logged]:
        """Logged requests of one path."""
        return [r for r in self.log if r.path == path]


def _items(state: FixtureState, kind: str, request: Request) -> list[dict[str, Any]]:
    items = list(state.objects[kind].values())
    since = request.query_params.get("modified_since")
    if since:
        limit = dt.datetime.fromisoformat(since)
        items = [o for o in items if dt.datetime.fromisoformat(o["modified"]) >= limit]
    return items


def _render(state: FixtureState, obj: Any, omit: bool) -> Any:
    obj = copy.deepcopy(obj)
    objects = obj if isinstance(obj, list) else [obj]
    for o in objects:
        if not isinstance(o, dict):
            continue
        if omit and "agendaItem" in o and isinstance(o["agendaItem"], list):
            o["agendaItem"] = [i["id"] if isinstance(i, dict) else i for i in o["agendaItem"]]
        for role in ("resultsProtocol", "verbatimProtocol"):
            if omit and isinstance(o.get(role), dict):
                o[role] = o[role]["id"]
        if state.vendor == "sdnet":
            _strip_types(o)
            if o.get("type") is None and "file" in o and "agendaItem" in o and "meeting" in o:
                o.pop("file")
                o.pop("agendaItem")
        if state.vendor == "sessionnet" and o.get("organization") and isinstance(o.get("start"), str):
            o["organization"] = o["organization"][0]
            o["start"] = o["start"][:10]
    return obj


def _strip_types(o: Any) -> None:
    if isinstance(o, dict):
        o.pop("type", None)
        for value in o.values():
            _strip_types(value)
    elif isinstance(o, list):
        for value in o:
            _strip_types(value)


def _json(state: FixtureState, data: Any) -> Response:
    body = json.dumps(data, ensure_ascii=False)
    if state.vendor == "allris":  # raw control characters inside strings, as some servers send
        body = body.replace("\\n", "\n").replace("\\t", "\t")
    return Response(body.encode("utf-8"), media_type="application/json")


def make_app(state: FixtureState) -> Starlette:
    """The ASGI app serving ``state``."""

    async def handle(request: Request) -> Response:
        path = request.url.path
        query = dict(request.query_params)
        if state.fail.get(path, 0) > 0:
            state.fail[path] -= 1
            state.log.append(Logged(path, query, 503))
            return Response("Wartungsarbeiten", status_code=503, headers={"Retry-After": "0"})
        response, count = _route(state, request, path)
        state.log.append(Logged(path, query, response.status_code, count))
        return response

    return Starlette(routes=[Route("/{path:path}", handle)])


def _route(state: FixtureState, request: Request, path: str) -> tuple[Response, int | None]:
    omit = request.query_params.get("omit_internal") == "true" and state.vendor != "sdnet"
    if path.startswith("/files/"):
        return _file(state, request, path.removeprefix("/files/")), None
    if path == "/broken/html":
        return Response("<html><body>Wartung</body></html>", media_type="text/html"), None
    if path == "/broken/truncated":
        truncated = b'{"id": "x", "type": "https://schema.oparl.org/1.1/System", "body": '
        return Response(truncated, media_type="application/json"), None
    if path == "/broken/other":
        return _json(state, {"status": "ok", "hello": "Welt"}), None
    if path == "/oparl/body":
        return _page(state, request, "body", omit)
    for kind in LISTS:
        if path == f"/oparl/body/1/{kind}":
            if state.vendor == "sdnet" and kind in ("agendaItem", "file"):
                return Response("nicht gefunden", status_code=404), None
            return _page(state, request, kind, omit)
    url = state.url(path)
    for objects in state.objects.values():
        if url in objects:
            return _json(state, _render(state, objects[url], omit)), None
    return _json(state, {"type": "https://schema.oparl.org/1.1/Error", "message": "Objekt nicht gefunden"}), None


def _page(state: FixtureState, request: Request, kind: str, omit: bool) -> tuple[Response, int]:
    items = _items(state, kind, request)
    page = int(request.query_params.get("page", "1"))
    chunk = items[(page - 1) * state.page_size: page * state.page_size]
    if not items and state.vendor == "sdnet":
        return _json(state, {"error": "Keine Daten", "message": "Es wurden keine Einträge gefunden."}), 0
    links = {"self": str(request.url)}
    if page * state.page_size < len(items):
        links["next"] = str(request.url.include_query_params(page=page + 1))
    data = {"data": _render(state, chunk, omit), "links": links,
            "pagination": {"totalElements": len(items), "elementsPerPage": state.page_size, "currentPage": page}}
    return _json(state, data), len(chunk)


def _file(state: FixtureState, request: Request, name: str) -> Response:
    content = state.files.get(name)
    if content is None:
        return Response("nicht gefunden", status_code=404)
    etag = '"' + hashlib.sha256(content).hexdigest()[:16] + '"'
    headers = {"ETag": etag, "Last-Modified": format_datetime(FILE_DATE, usegmt=True)}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    media = "text/plain; charset=utf-8" if name.endswith(".txt") else "application/octet-stream"
    return Response(content, media_type=media, headers=headers)


class FixtureServer:
    """uvicorn in a daemon thread on 127.0.0.1 and a free port; ``stop`` ends it."""

    def __init__(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.state = FixtureState(base=f"http://127.0.0.1:{self.port}")
        self.state.reset()
        config = uvicorn.Config(make_app(self.state), host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="off", ws="none", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self) -> FixtureServer:
        """Start and wait until the port accepts connections (at most 10 s)."""
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("OParl-Testserver startet nicht")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Ask uvicorn to exit and join the thread."""
        self._server.should_exit = True
        self._thread.join(timeout=5)

    @property
    def system_url(self) -> str:
        """The System endpoint."""
        return self.state.url("/oparl/system")

    @property
    def body_url(self) -> str:
        """The Body endpoint."""
        return self.state.url("/oparl/body/1")
