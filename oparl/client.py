"""HTTP client for OParl servers: JSON objects, paged lists, conditional downloads.

Robustness rules (each deviation is recorded in ``warnings`` and logged, never raised):

- Lists follow ``links.next`` (OParl 1.1) or ``nextPage`` (1.0) until there is none; the
  page size is whatever the server sends (``limit``/``elementsPerPage`` are never relied on).
  Filters missing from a next link are added back; a link seen twice ends the list.
- 5xx, 429, timeouts and connection errors are retried ``retries`` times with exponential
  backoff (``backoff`` seconds, doubled per try, capped by ``max_backoff`` and honouring
  ``Retry-After``); then ``OParlError`` (one German line) is raised.
- JSON strings with raw control characters are parsed (``strict=False``); an object where
  a list page is expected, an error object instead of an empty list and bare URL items
  (compact form) are accepted.

Defaults can be tuned by ``WIEDERVORLAGE_OPARL_RETRIES`` and ``WIEDERVORLAGE_OPARL_BACKOFF``.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from core.errors import InputError

log = logging.getLogger("wiedervorlage.oparl")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_PAGES = 10_000


class OParlError(InputError):
    """The server could not be read (unreachable, HTTP error, not JSON/OParl); one German line."""


@dataclass(frozen=True)
class Fetched:
    """A download: ``status`` 200 with ``content``, or 304 (unchanged, no content)."""

    url: str
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


class OParlClient:
    """A synchronous OParl client; use as a context manager or call ``close``."""

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        retries: int | None = None,
        backoff: float | None = None,
        max_backoff: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retries = int(os.environ.get("WIEDERVORLAGE_OPARL_RETRIES", 3)) if retries is None else retries
        self.backoff = float(os.environ.get("WIEDERVORLAGE_OPARL_BACKOFF", 0.5)) if backoff is None else backoff
        self.max_backoff = max_backoff
        self.sleep = sleep
        self.requests = 0
        self.warnings: list[str] = []
        self._http = httpx.Client(
            timeout=timeout, follow_redirects=True, transport=transport,
            headers={"Accept": "application/json", "User-Agent": "Wiedervorlage-OParl/0.1"},
        )

    def __enter__(self) -> OParlClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def warn(self, message: str) -> None:
        """Record a tolerated deviation once (and log it)."""
        if message not in self.warnings:
            self.warnings.append(message)
            log.warning("OParl: %s", message)

    # -- HTTP -----------------------------------------------------------------------------

    def _get(self, url: str, params: dict[str, str] | None = None,
             headers: dict[str, str] | None = None) -> httpx.Response:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                response = self._http.get(url, params=params, headers=headers)
            except httpx.InvalidURL as exc:
                raise OParlError(f"{url}: ungültige Adresse") from exc
            except (httpx.TransportError, httpx.UnsupportedProtocol) as exc:
                if isinstance(exc, httpx.UnsupportedProtocol) or attempt == self.retries:
                    raise OParlError(f"{url}: Server nicht erreichbar ({type(exc).__name__})") from exc
            else:
                if response.status_code not in RETRY_STATUS:
                    if response.status_code >= 400:
                        raise OParlError(f"{url}: Server antwortet mit HTTP {response.status_code}")
                    return response
                if attempt == self.retries:
                    raise OParlError(f"{url}: Server antwortet nach {attempt + 1} Versuchen weiter mit "
                                     f"HTTP {response.status_code}")
                delay = max(delay, _retry_after(response))
            self.sleep(min(delay, self.max_backoff))
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def get_json(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        """One OParl object (or list page) as a dict; OParlError when it is not JSON."""
        response = self._get(url, params)
        data = self._decode(response)
        if isinstance(data, list):
            return {"data": data}
        if not isinstance(data, dict):
            raise OParlError(f"{url}: keine OParl-Antwort (JSON ist kein Objekt)")
        return data

    def _decode(self, response: httpx.Response) -> Any:
        raw = response.content
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            self.warn("Antwort ist nicht UTF-8 (als Windows-1252 gelesen)")
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
        try:
            data = json.loads(text, strict=False)
        except json.JSONDecodeError as exc:
            raise OParlError(f"{response.url}: keine gültige JSON-Antwort "
                             f"(Zeile {exc.lineno}, Spalte {exc.colno})") from exc
        self.warn("Steuerzeichen in JSON-Zeichenketten (toleriert)")
        return data

    # -- lists ----------------------------------------------------------------------------

    def iter_list(self, url: str, params: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """All objects of an external list, page by page, as dicts (bare URLs are fetched)."""
        seen: set[str] = set()
        next_url: str | None = url
        first = True
        for _ in range(MAX_PAGES):
            if next_url is None:
                return
            if next_url in seen:
                self.warn(f"Liste {url}: Seitenverweis wiederholt sich, Abbruch")
                return
            seen.add(next_url)
            page = self.get_json(next_url, params if first else self._missing(next_url, params))
            first = False
            for item in self._page_items(page, url):
                if isinstance(item, str):
                    yield self.get_json(item)
                elif isinstance(item, dict):
                    yield item
                else:
                    self.warn(f"Liste {url}: Eintrag ohne Objekt übersprungen")
            next_url = _next_link(page)
        self.warn(f"Liste {url}: mehr als {MAX_PAGES} Seiten, Abbruch")

    def _missing(self, next_url: str, params: dict[str, str] | None) -> dict[str, str] | None:
        if not params:
            return None
        present = httpx.URL(next_url).params
        missing = {k: v for k, v in params.items() if k not in present}
        if missing:
            self.warn("Seitenverweise ohne Filter (ergänzt)")
        return missing or None

    def _page_items(self, page: dict[str, Any], url: str) -> list[Any]:
        for key in ("data", "items"):
            if key in page:
                value = page[key]
                if isinstance(value, list):
                    return value
                if isinstance(value, dict):
                    self.warn(f"Liste {url}: Objekt statt Liste in '{key}'")
                    return [value]
                if value is None:
                    return []
        if _is_error(page):
            self.warn(f"Liste {url}: Fehlerobjekt statt leerer Liste ({page.get('message') or page.get('error')})")
            return []
        if "id" in page:
            self.warn(f"Liste {url}: einzelnes Objekt statt Listenseite")
            return [page]
        raise OParlError(f"{url}: keine OParl-Liste (weder 'data' noch 'items')")

    # -- files ----------------------------------------------------------------------------

    def download(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET a file conditionally: with validators given, a 304 returns ``status=304``."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._get(url, headers=headers or None)
        if response.status_code == 304:
            return Fetched(url=url, status=304, etag=etag, last_modified=last_modified)
        return Fetched(url=url, status=response.status_code, content=response.content,
                       etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                       content_type=response.headers.get("content-type"))


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    return float(value) if value.strip().isdigit() else 0.0


def _next_link(page: dict[str, Any]) -> str | None:
    links = page.get("links")
    candidate = links.get("next") if isinstance(links, dict) else None
    candidate = candidate or page.get("nextPage")
    return candidate if isinstance(candidate, str) and candidate else None


def _is_error(page: dict[str, Any]) -> bool:
    kind = str(page.get("type") or "")
    return kind.endswith("Error") or "error" in page or ("message" in page and "id" not in page)
