"""Configuration of Wiedervorlage: calendar, recipients, reminder and delivery policy.

The configuration is one TOML file (see ``examples/wiedervorlage.toml``). Everything is
optional; a missing key takes its default and no file at all is ``default_config()``.
Unknown keys are refused so that typos do not silently fall back to defaults.

Every error is a ``ConfigError`` with a one-line German message that names the key, e.g.
``Konfiguration: recipients.roemer.manager verweist auf unbekannten Empfänger 'amtsleitung'``.
Notification URLs carry passwords and tokens: they never appear in an error message or a
``repr`` (see ``mask_url`` and ``mask_secrets``).

Pure: the only I/O is ``load_config_file`` reading the file it is given.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote

from core.dates import DEFAULT_LAND, DEFAULT_TZ, LAENDER, BusinessCalendar, is_valid_timezone, parse_hhmm
from core.errors import ConfigError, InputError
from core.types import Kind

__all__ = [
    "DEFAULT_BEFORE",
    "Config",
    "DeliveryPolicy",
    "KindPolicy",
    "Recipient",
    "ReminderPolicy",
    "default_config",
    "load_config_file",
    "mask_secrets",
    "mask_url",
    "parse_config",
]

# --------------------------------------------------------------------------- masking

_MASK = "***"
# Path segments, query values and dot-less hosts of at least this length are treated as
# tokens (Telegram bot tokens, Discord webhook tokens, Gotify app tokens, ntfy topics …).
_MIN_TOKEN_LEN = 6
_SECRET_QUERY_KEYS = frozenset(
    {"pass", "password", "pwd", "token", "key", "apikey", "api_key", "secret", "webhook", "auth"}
)


def mask_url(url: str) -> str:
    """Only the schema of a notification URL: ``mailto://user:pw@host`` -> ``mailto://***``."""
    scheme, sep, _rest = url.partition("://")
    if sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", scheme):
        return f"{scheme}://{_MASK}"
    return _MASK


def _secret_parts(url: str) -> set[str]:
    """The password and token-like parts of an Apprise URL (raw and percent-decoded)."""
    parts: set[str] = set()
    _scheme, sep, rest = url.partition("://")
    if not sep:
        rest = url
    rest, _, fragment = rest.partition("#")
    rest, _, query = rest.partition("?")
    authority, _, path = rest.partition("/")
    userinfo, at, hostport = authority.rpartition("@")
    if not at:
        userinfo, hostport = "", authority
    if userinfo:
        _user, colon, password = userinfo.partition(":")
        if colon and password:
            parts.add(password)  # a password is secret whatever its length
    host = hostport
    if hostport.count(":") == 1:  # host:port (or tgram-style id:token)
        host, port = hostport.split(":")
        if not port.isdigit() and len(port) >= _MIN_TOKEN_LEN:
            parts.add(port)
            parts.add(hostport)
    if host and "." not in host and host.lower() != "localhost" and len(host) >= _MIN_TOKEN_LEN:
        parts.add(host)  # e.g. pover://user@TOKEN, tgram://BOTTOKEN/chat
    for segment in path.split("/"):
        if len(segment) >= _MIN_TOKEN_LEN:
            parts.add(segment)
    for pair in query.split("&"):
        key, eq, value = pair.partition("=")
        if eq and value and (key.lower() in _SECRET_QUERY_KEYS or len(value) >= _MIN_TOKEN_LEN):
            parts.add(value)
    if len(fragment) >= _MIN_TOKEN_LEN:
        parts.add(fragment)
    return parts | {unquote(part) for part in parts}


def mask_secrets(text: str, urls: Iterable[str]) -> str:
    """Replace every occurrence of each URL and of its password/token parts in ``text``.

    Meant for error messages coming back from Apprise or SMTP servers. Whole URLs become
    ``schema://***``; passwords (raw and percent-decoded) and token-like path/query parts
    become ``***``. One left-to-right pass with the longest alternatives first, so no
    secret survives even when secrets overlap in the text.
    """
    replacements: dict[str, str] = {}
    for url in urls:
        if not url:
            continue
        for part in _secret_parts(url):
            if part:
                replacements.setdefault(part, _MASK)
        replacements[url] = mask_url(url)
        decoded = unquote(url)
        if decoded != url:
            replacements[decoded] = mask_url(url)
    if not replacements or not text:
        return text
    ordered = sorted(replacements, key=lambda s: (-len(s), s))
    pattern = re.compile("|".join(re.escape(s) for s in ordered))
    return pattern.sub(lambda m: replacements[m.group(0)], text)


# --------------------------------------------------------------------------- value types


@dataclass(frozen=True)
class Recipient:
    """Someone who receives reminders: a person, a team mailbox or the triage desk.

    ``notify`` holds Apprise URLs (one recipient per URL); they contain passwords, so the
    ``repr`` shows only their schema.
    """

    key: str
    name: str | None = None
    aliases: tuple[str, ...] = ()
    notify: tuple[str, ...] = ()
    manager: str | None = None
    digest: bool = False

    def __repr__(self) -> str:
        masked = tuple(mask_url(url) for url in self.notify)
        return (
            f"Recipient(key={self.key!r}, name={self.name!r}, aliases={self.aliases!r}, "
            f"notify={masked!r}, manager={self.manager!r}, digest={self.digest!r})"
        )

    __str__ = __repr__


@dataclass(frozen=True)
class KindPolicy:
    """Reminders before a Frist, in business days before the effective due date (0 = on the day)."""

    before: tuple[int, ...]


@dataclass(frozen=True)
class ReminderPolicy:
    """When reminders, overdue reminders, escalations and interim-report requests fall due."""

    per_kind: Mapping[Kind, KindPolicy]
    default_frist_months: int = 3
    interim_report: bool = True
    overdue_every: int = 5
    escalate_after: int = 10


@dataclass(frozen=True)
class DeliveryPolicy:
    """Outbox delivery: send time bound, lease, attempts and retry delays (seconds)."""

    max_send_seconds: float = 60.0
    lease_seconds: float = 300.0
    max_attempts: int = 5
    backoff_seconds: tuple[float, ...] = (60.0, 300.0, 1800.0)


DEFAULT_BEFORE: Mapping[Kind, tuple[int, ...]] = MappingProxyType(
    {
        Kind.DEADLINE: (10, 3, 0),
        Kind.MEETING: (5, 1),
        Kind.DELIVERABLE: (10, 3, 0),
        Kind.REPORT_BACK: (10, 3, 0),
        Kind.FORWARD: (5, 1),
    }
)


def _default_reminders() -> ReminderPolicy:
    return ReminderPolicy(
        per_kind=MappingProxyType({kind: KindPolicy(DEFAULT_BEFORE[kind]) for kind in Kind})
    )


@dataclass(frozen=True)
class Config:
    """The whole validated configuration."""

    timezone: str = DEFAULT_TZ
    land: str = DEFAULT_LAND
    send_at: str = "07:30"
    recipients: Mapping[str, Recipient] = field(default_factory=lambda: MappingProxyType({}))
    triage: str | None = None
    reminders: ReminderPolicy = field(default_factory=_default_reminders)
    delivery: DeliveryPolicy = field(default_factory=DeliveryPolicy)

    def calendar(self) -> BusinessCalendar:
        """The business-day calendar of the configured Land and zone."""
        return BusinessCalendar(land=self.land, tz=self.timezone)


def default_config() -> Config:
    """The configuration used when there is no file: NW, Europe/Berlin, 07:30, no recipients."""
    return Config()


# --------------------------------------------------------------------------- parsing

_TOP_KEYS = ("calendar", "recipients", "triage", "reminders", "overdue", "delivery")
_CALENDAR_KEYS = ("timezone", "land", "send_at")
_RECIPIENT_KEYS = ("name", "aliases", "notify", "manager", "digest")
_TRIAGE_KEYS = ("recipient",)
_KIND_KEYS = ("before",)
_DELIVERABLE_KEYS = ("before", "default_frist_months", "interim_report")
_OVERDUE_KEYS = ("every", "escalate_after")
_DELIVERY_KEYS = ("max_send_seconds", "lease_seconds", "max_attempts", "backoff_seconds")
_MAX_BUSINESS_DAYS = 250  # about one working year; larger values are surely typos
_MAX_MONTHS = 60


class _Reader:
    """Typed access to a parsed TOML document, raising ConfigError that names the key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> ConfigError:
        where = f"{key} " if key else ""
        return ConfigError(f"{self.source}: {where}{problem}")

    def check_keys(self, table: Mapping[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                full = f"{prefix}.{key}" if prefix else key
                hint = difflib.get_close_matches(key, allowed, n=1)
                maybe = f"; meinten Sie '{hint[0]}'?" if hint else ""
                raise self.fail(
                    "", f"unbekannter Schlüssel '{full}' (erlaubt: {', '.join(sorted(allowed))}){maybe}"
                )

    def table(self, doc: Mapping[str, Any], key: str, prefix: str) -> Mapping[str, Any]:
        value = doc.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(_join(prefix, key), f"muss eine Tabelle sein ([{_join(prefix, key)}])")
        return value

    def string(self, doc: Mapping[str, Any], key: str, prefix: str, default: str | None) -> str | None:
        if key not in doc:
            return default
        value = doc[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(_join(prefix, key), f"muss ein nicht leerer Text sein, nicht {_describe(value)}")
        return value.strip()

    def boolean(self, doc: Mapping[str, Any], key: str, prefix: str, default: bool) -> bool:
        value = doc.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(_join(prefix, key), f"muss true oder false sein, nicht {_describe(value)}")
        return value

    def integer(self, doc: Mapping[str, Any], key: str, prefix: str, default: int, lo: int, hi: int) -> int:
        value = doc.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(_join(prefix, key), f"muss eine ganze Zahl sein, nicht {_describe(value)}")
        if not lo <= value <= hi:
            raise self.fail(_join(prefix, key), f"muss zwischen {lo} und {hi} liegen, nicht {value}")
        return value

    def number(self, doc: Mapping[str, Any], key: str, prefix: str, default: float) -> float:
        value = doc.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(_join(prefix, key), f"muss eine Zahl (Sekunden) sein, nicht {_describe(value)}")
        if not 0 < value < 10**7 or value != value:
            raise self.fail(_join(prefix, key), f"muss größer als 0 sein, nicht {value}")
        return float(value)

    def array(self, doc: Mapping[str, Any], key: str, prefix: str) -> list[Any] | None:
        if key not in doc:
            return None
        value = doc[key]
        if not isinstance(value, list):
            raise self.fail(_join(prefix, key), f"muss eine Liste sein, nicht {_describe(value)}")
        return value


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _describe(value: object) -> str:
    """A short type description that never echoes the value (it might be a URL with a password)."""
    if isinstance(value, bool):
        return "ein Wahrheitswert"
    if isinstance(value, int | float):
        return f"die Zahl {value}"
    if isinstance(value, str):
        return "ein leerer Text" if not value.strip() else "ein Text"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "eine Tabelle"
    return f"ein Wert vom Typ {type(value).__name__}"


def parse_config(text: str, source: str = "Konfiguration") -> Config:
    """Parse and validate a TOML configuration; raise ConfigError naming the offending key."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = " ".join(str(exc).split())
        raise ConfigError(f"{source}: ungültiges TOML: {detail}") from None
    reader = _Reader(source)
    reader.check_keys(doc, _TOP_KEYS, "")

    calendar = reader.table(doc, "calendar", "")
    reader.check_keys(calendar, _CALENDAR_KEYS, "calendar")
    timezone = reader.string(calendar, "timezone", "calendar", DEFAULT_TZ) or DEFAULT_TZ
    if not is_valid_timezone(timezone):
        raise reader.fail(
            "calendar.timezone", f"ist keine bekannte Zeitzone: {timezone!r} (z. B. Europe/Berlin)"
        )
    land = (reader.string(calendar, "land", "calendar", DEFAULT_LAND) or DEFAULT_LAND).upper()
    if land not in LAENDER:
        raise reader.fail("calendar.land", f"ist kein Länderkürzel: {land!r} (erlaubt: {', '.join(LAENDER)})")
    send_at_raw = reader.string(calendar, "send_at", "calendar", "07:30") or "07:30"
    try:
        hour, minute = parse_hhmm(send_at_raw)
    except InputError:
        raise reader.fail("calendar.send_at", f"ist keine Uhrzeit HH:MM: {send_at_raw!r}") from None
    send_at = f"{hour:02d}:{minute:02d}"

    recipients = _parse_recipients(reader, reader.table(doc, "recipients", ""))

    triage_table = reader.table(doc, "triage", "")
    reader.check_keys(triage_table, _TRIAGE_KEYS, "triage")
    triage = reader.string(triage_table, "recipient", "triage", None)
    if triage is not None and triage not in recipients:
        raise reader.fail("triage.recipient", f"verweist auf unbekannten Empfänger {triage!r}")

    reminders = _parse_reminders(reader, doc)
    delivery = _parse_delivery(reader, reader.table(doc, "delivery", ""))
    return Config(
        timezone=timezone,
        land=land,
        send_at=send_at,
        recipients=MappingProxyType(recipients),
        triage=triage,
        reminders=reminders,
        delivery=delivery,
    )


def _parse_recipients(reader: _Reader, table: Mapping[str, Any]) -> dict[str, Recipient]:
    result: dict[str, Recipient] = {}
    for key, entry in table.items():
        prefix = f"recipients.{key}"
        if not key.strip():
            raise reader.fail("recipients", "enthält einen leeren Empfängernamen")
        if not isinstance(entry, dict):
            raise reader.fail(prefix, f"muss eine Tabelle sein ([{prefix}]), nicht {_describe(entry)}")
        reader.check_keys(entry, _RECIPIENT_KEYS, prefix)
        name = reader.string(entry, "name", prefix, None)
        aliases_raw = reader.array(entry, "aliases", prefix) or []
        aliases: list[str] = []
        for index, alias in enumerate(aliases_raw):
            if not isinstance(alias, str) or not alias.strip():
                raise reader.fail(
                    f"{prefix}.aliases[{index}]", f"muss ein nicht leerer Text sein, nicht {_describe(alias)}"
                )
            aliases.append(alias.strip())
        notify_raw = reader.array(entry, "notify", prefix)
        if notify_raw is None:
            raise reader.fail(
                f"{prefix}.notify", "fehlt: jeder Empfänger braucht mindestens eine Apprise-URL"
            )
        if not notify_raw:
            raise reader.fail(
                f"{prefix}.notify", "ist leer: jeder Empfänger braucht mindestens eine Apprise-URL"
            )
        notify: list[str] = []
        for index, url in enumerate(notify_raw):
            if not isinstance(url, str) or not url.strip():
                raise reader.fail(
                    f"{prefix}.notify[{index}]", f"muss ein nicht leerer Text sein, nicht {_describe(url)}"
                )
            url = url.strip()
            if not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*://\S", url) or any(c.isspace() for c in url):
                # never echo the value: it may carry a password
                raise reader.fail(
                    f"{prefix}.notify[{index}]",
                    "ist keine Apprise-URL (erwartet schema://…, ohne Leerzeichen)",
                )
            notify.append(url)
        manager = reader.string(entry, "manager", prefix, None)
        digest = reader.boolean(entry, "digest", prefix, False)
        result[key] = Recipient(
            key=key,
            name=name,
            aliases=tuple(aliases),
            notify=tuple(notify),
            manager=manager,
            digest=digest,
        )
    for key, recipient in result.items():
        if recipient.manager is None:
            continue
        if recipient.manager == key:
            raise reader.fail(f"recipients.{key}.manager", "verweist auf den Empfänger selbst")
        if recipient.manager not in result:
            raise reader.fail(
                f"recipients.{key}.manager", f"verweist auf unbekannten Empfänger {recipient.manager!r}"
            )
    return result


def _parse_before(
    reader: _Reader, table: Mapping[str, Any], prefix: str, default: tuple[int, ...]
) -> tuple[int, ...]:
    raw = reader.array(table, "before", prefix)
    if raw is None:
        return default
    days: list[int] = []
    for index, value in enumerate(raw):
        key = f"{prefix}.before[{index}]"
        if isinstance(value, bool) or not isinstance(value, int):
            raise reader.fail(key, f"muss eine ganze Zahl (Werktage) sein, nicht {_describe(value)}")
        if not 0 <= value <= _MAX_BUSINESS_DAYS:
            raise reader.fail(key, f"muss zwischen 0 und {_MAX_BUSINESS_DAYS} liegen, nicht {value}")
        if value in days:
            raise reader.fail(key, f"wiederholt den Wert {value}")
        days.append(value)
    return tuple(sorted(days, reverse=True))


def _parse_reminders(reader: _Reader, doc: Mapping[str, Any]) -> ReminderPolicy:
    table = reader.table(doc, "reminders", "")
    kinds = tuple(kind.value for kind in Kind)
    reader.check_keys(table, kinds, "reminders")
    per_kind: dict[Kind, KindPolicy] = {}
    for kind in Kind:
        prefix = f"reminders.{kind.value}"
        sub = reader.table(table, kind.value, "reminders")
        reader.check_keys(sub, _DELIVERABLE_KEYS if kind is Kind.DELIVERABLE else _KIND_KEYS, prefix)
        per_kind[kind] = KindPolicy(_parse_before(reader, sub, prefix, DEFAULT_BEFORE[kind]))
    deliverable = reader.table(table, Kind.DELIVERABLE.value, "reminders")
    months = reader.integer(deliverable, "default_frist_months", "reminders.deliverable", 3, 1, _MAX_MONTHS)
    interim = reader.boolean(deliverable, "interim_report", "reminders.deliverable", True)

    overdue = reader.table(doc, "overdue", "")
    reader.check_keys(overdue, _OVERDUE_KEYS, "overdue")
    every = reader.integer(overdue, "every", "overdue", 5, 1, _MAX_BUSINESS_DAYS)
    escalate_after = reader.integer(overdue, "escalate_after", "overdue", 10, 1, _MAX_BUSINESS_DAYS)
    return ReminderPolicy(
        per_kind=MappingProxyType(per_kind),
        default_frist_months=months,
        interim_report=interim,
        overdue_every=every,
        escalate_after=escalate_after,
    )


def _parse_delivery(reader: _Reader, table: Mapping[str, Any]) -> DeliveryPolicy:
    reader.check_keys(table, _DELIVERY_KEYS, "delivery")
    defaults = DeliveryPolicy()
    max_send = reader.number(table, "max_send_seconds", "delivery", defaults.max_send_seconds)
    lease = reader.number(table, "lease_seconds", "delivery", defaults.lease_seconds)
    if lease <= 2 * max_send:
        raise reader.fail(
            "delivery.lease_seconds",
            f"({lease:g}) muss größer sein als 2 × delivery.max_send_seconds ({max_send:g}), "
            "sonst wird eine noch laufende Zustellung doppelt gesendet",
        )
    attempts = reader.integer(table, "max_attempts", "delivery", defaults.max_attempts, 1, 100)
    backoff_raw = reader.array(table, "backoff_seconds", "delivery")
    backoff = defaults.backoff_seconds
    if backoff_raw is not None:
        if not backoff_raw:
            raise reader.fail("delivery.backoff_seconds", "darf nicht leer sein (z. B. [60, 300, 1800])")
        values: list[float] = []
        for index, value in enumerate(backoff_raw):
            key = f"delivery.backoff_seconds[{index}]"
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise reader.fail(key, f"muss eine Zahl (Sekunden) sein, nicht {_describe(value)}")
            if not 0 <= value < 10**7:
                raise reader.fail(key, f"muss zwischen 0 und 10000000 liegen, nicht {value}")
            values.append(float(value))
        backoff = tuple(values)
    return DeliveryPolicy(
        max_send_seconds=max_send, lease_seconds=lease, max_attempts=attempts, backoff_seconds=backoff
    )


def load_config_file(path: Path) -> Config:
    """Read and validate a configuration file; a missing or unreadable file is a ConfigError."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"Konfigurationsdatei nicht gefunden: {path}") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(f"Konfigurationsdatei nicht lesbar: {path} ({reason})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"Konfiguration {path}: keine gültige UTF-8-Datei (Byte {exc.start})") from None
    return parse_config(text, source=f"Konfiguration {path}")
