"""Pure mapping of OParl JSON objects to plain values (no database, no network).

Times: ``modified``/``start`` become aware UTC instants; a meeting's civil date is the
date of ``start`` in the configured zone (Europe/Berlin by default), so 23:30 UTC on the
11th is the 12th. A date-only ``start`` ("2026-11-12", seen in the wild) is that civil
date; a naive date-time is read as wall time in the zone. Unparseable values become None.

Quirks are reported through the ``warn`` callback: a missing ``type`` (the expected one is
assumed), a single object or URL where an array is expected (wrapped in a list).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.dates import DEFAULT_TZ, local_date, parse_now
from core.errors import InputError

Warn = Callable[[str], None]
PROTOCOL_ROLES = ("resultsProtocol", "verbatimProtocol")
_TOP = re.compile(r"(?im)^[ \t]*(?:TOP|Tagesordnungspunkt|Zu\s+Punkt|Punkt)\s*(?:[ÖN]\s*)?(\d+(?:\.\d+)*)")


def type_name(obj: dict[str, Any], expected: str, warn: Warn) -> str:
    """The object's type without schema prefix ("Meeting"); missing: ``expected`` with a warning."""
    raw = obj.get("type")
    if not isinstance(raw, str) or not raw.strip():
        warn(f"Objekt ohne 'type' (als {expected} gelesen)")
        return expected
    name = raw.rstrip("/").rsplit("/", 1)[-1]
    return name[:1].upper() + name[1:]


def as_list(obj: dict[str, Any], key: str, warn: Warn) -> list[Any]:
    """``obj[key]`` as a list; a single value where an array is expected is wrapped (warning)."""
    value = obj.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return value
    warn(f"'{key}' ist kein Array (als Liste mit einem Eintrag gelesen)")
    return [value]


def text(value: Any, limit: int | None = None) -> str | None:
    """A stripped string or None (numbers are turned into strings)."""
    if value is None or isinstance(value, dict | list):
        return None
    result = str(value).strip()
    if limit is not None:
        result = result[:limit]
    return result or None


def instant(value: Any, tz: str = DEFAULT_TZ) -> dt.datetime | None:
    """An OParl date-time as aware UTC (naive: wall time in ``tz``); None when unusable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_now(value, tz)
    except InputError:
        return None


def civil_date(value: Any, tz: str = DEFAULT_TZ) -> dt.date | None:
    """The civil date of an OParl date or date-time in ``tz``; None when unusable."""
    if isinstance(value, str) and len(value.strip()) == 10:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    moment = instant(value, tz)
    return local_date(moment, tz) if moment else None


@dataclass
class FileData:
    """An OParl File as far as reading a protocol needs it."""

    oparl_id: str
    name: str | None = None
    file_name: str | None = None
    mime_type: str | None = None
    access_url: str | None = None
    download_url: str | None = None
    text: str | None = None
    deleted: bool = False
    modified: dt.datetime | None = None


@dataclass
class AgendaData:
    """A Tagesordnungspunkt; ``consultation`` is the URL of its Consultation."""

    oparl_id: str
    meeting: str | None = None
    number: str | None = None
    name: str | None = None
    public: bool | None = None
    result: str | None = None
    resolution_text: str | None = None
    consultation: str | None = None
    modified: dt.datetime | None = None


@dataclass
class MeetingData:
    """A meeting; ``agenda``/``files`` hold mapped objects or bare URLs (``omit_internal``)."""

    oparl_id: str
    name: str | None = None
    date: dt.date | None = None
    start: dt.datetime | None = None
    state: str | None = None
    cancelled: bool = False
    deleted: bool = False
    organizations: list[str] = field(default_factory=list)
    agenda: list[AgendaData | str] = field(default_factory=list)
    files: list[tuple[str, FileData | str]] = field(default_factory=list)
    modified: dt.datetime | None = None


def map_file(obj: dict[str, Any], warn: Warn, tz: str = DEFAULT_TZ) -> FileData:
    """Map a File object (``text`` is kept verbatim; it may be long)."""
    type_name(obj, "File", warn)
    body = obj.get("text")
    return FileData(oparl_id=str(obj.get("id")), name=text(obj.get("name"), 500),
                    file_name=text(obj.get("fileName"), 500), mime_type=text(obj.get("mimeType"), 200),
                    access_url=text(obj.get("accessUrl")), download_url=text(obj.get("downloadUrl")),
                    text=body if isinstance(body, str) and body.strip() else None,
                    deleted=obj.get("deleted") is True, modified=instant(obj.get("modified"), tz))


def map_agenda_item(obj: dict[str, Any], warn: Warn, tz: str = DEFAULT_TZ, meeting: str | None = None) -> AgendaData:
    """Map an AgendaItem (``resolutionText``; 1.0 drafts called it ``resolution``)."""
    type_name(obj, "AgendaItem", warn)
    public = obj.get("public")
    return AgendaData(oparl_id=str(obj.get("id")), meeting=text(obj.get("meeting")) or meeting,
                      number=text(obj.get("number"), 50), name=text(obj.get("name")),
                      public=public if isinstance(public, bool) else None, result=text(obj.get("result"), 500),
                      resolution_text=text(obj.get("resolutionText") or obj.get("resolution")),
                      consultation=text(obj.get("consultation")), modified=instant(obj.get("modified"), tz))


def map_meeting(obj: dict[str, Any], warn: Warn, tz: str = DEFAULT_TZ) -> MeetingData:
    """Map a Meeting with its embedded (or referenced) agenda items and protocol files."""
    type_name(obj, "Meeting", warn)
    oparl_id = str(obj.get("id"))
    data = MeetingData(oparl_id=oparl_id, name=text(obj.get("name"), 500), date=civil_date(obj.get("start"), tz),
                       start=instant(obj.get("start"), tz), state=text(obj.get("meetingState"), 200),
                       cancelled=obj.get("cancelled") is True, deleted=obj.get("deleted") is True,
                       organizations=[o for o in as_list(obj, "organization", warn) if isinstance(o, str)],
                       modified=instant(obj.get("modified"), tz))
    for item in as_list(obj, "agendaItem", warn):
        if isinstance(item, dict):
            data.agenda.append(map_agenda_item(item, warn, tz, meeting=oparl_id))
        elif isinstance(item, str):
            data.agenda.append(item)
    for role in PROTOCOL_ROLES:
        value = obj.get(role)
        if isinstance(value, list):  # an array where one object is expected
            warn(f"'{role}' ist ein Array (erstes Element verwendet)")
            value = value[0] if value else None
        if isinstance(value, dict) and value.get("id"):
            data.files.append((role, map_file(value, warn, tz)))
        elif isinstance(value, str) and value:
            data.files.append((role, value))
    return data


def is_gremium(obj: dict[str, Any]) -> bool:
    """Committees, councils and external bodies (not parties, groups or administration units)."""
    kind = str(obj.get("organizationType") or "Gremium").lower()
    return "gremium" in kind


def paper_agenda_links(obj: dict[str, Any], warn: Warn) -> list[str]:
    """Agenda item URLs of a Paper's embedded consultations."""
    links = []
    for consultation in as_list(obj, "consultation", warn):
        if isinstance(consultation, dict) and isinstance(consultation.get("agendaItem"), str):
            links.append(consultation["agendaItem"])
    return links


def normalise_number(number: str | None) -> str | None:
    """Agenda numbering for comparison: "Ö 3.", "TOP 3" and "3" are all "3"."""
    if not number:
        return None
    match = re.search(r"\d+(?:\.\d+)*", number)
    return match.group().rstrip(".") if match else None


def top_sections(minutes: str) -> list[tuple[int, str]]:
    """(offset, normalised number) of each "TOP n"/"Zu Punkt n" heading in protocol text."""
    return [(m.start(), m.group(1).rstrip(".")) for m in _TOP.finditer(minutes)]
