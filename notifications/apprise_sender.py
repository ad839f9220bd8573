"""Send one rendered message to one Apprise URL and classify the outcome.

One ``Apprise`` object per send and target URL (a reused plugin object would throttle:
Apprise waits ``request_rate_per_sec`` = 5.5 s between two sends of the same object).
The per-target ``NotifyResult`` of Apprise 2.x is read, with its DEBUG logs:

* SUCCESS -> delivered.
* TIMEOUT, or a FAILURE whose log shows a socket read timeout -> not known; retried and
  then marked "(erneut gesendet)" (``maybe_delivered``), because the server may have it.
* SMTP 5xx, NOMATCH, an unusable URL -> permanent; SMTP 4xx and connection trouble ->
  transient (retried with backoff by the outbox).

``timeout_seconds`` bounds one whole send (Apprise's call ``timeout``); the outbox lease
relies on that bound. URLs carry passwords: nothing here logs or returns them, and error
texts are masked (``core.config.mask_secrets``) before they leave this module.
"""

from __future__ import annotations

import contextlib
import logging
import re
import ssl
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import apprise
from apprise import AppriseResultStatus, NotifyFormat

from core.config import mask_secrets
from core.messages import Message
from notifications import outbox_schema

HTML_SCHEMAS = ("mailto", "mailtos", "outbox", "email")
# SMTP reply codes as Apprise/smtplib log them: "(451, b'…')" or "was refused: 550 b'…'".
# (The old pattern also matched the milliseconds of a log timestamp, e.g. ",512 ".)
_SMTP_CODE = re.compile(r"\(([45]\d\d), b['\"]|refused: ([45]\d\d)\b")
_READ_TIMEOUT = re.compile(r"timed out|TimeoutError|read timeout", re.IGNORECASE)
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """Result of one send: delivered, or why not and whether trying again can help."""

    ok: bool
    permanent: bool = False
    maybe_delivered: bool = False
    error: str | None = None


class Sender(Protocol):
    """The notifier port: deliver one message to one target URL, never raise."""

    def send(self, url: str, message: Message) -> SendOutcome: ...


class _LazyTLSContext:
    """An ``ssl.SSLContext`` built on first real use, with the settings made before it.

    Apprise's SMTP controller creates a default TLS context for every connection, also
    for plain (``mode=insecure``) SMTP where it is never used; loading the CA store costs
    ~40 ms per message. This defers that work to the moment a TLS handshake needs it; each
    connection still gets its own fresh context, so verification settings never leak.
    """

    def __init__(self, factory: Any, *args: Any, **kwargs: Any) -> None:
        object.__setattr__(self, "_factory", (factory, args, kwargs))
        object.__setattr__(self, "_settings", {})
        object.__setattr__(self, "_real", None)

    def _materialise(self) -> ssl.SSLContext:
        real = object.__getattribute__(self, "_real")
        if real is None:
            factory, args, kwargs = object.__getattribute__(self, "_factory")
            real = factory(*args, **kwargs)
            # check_hostname must be switched off before verify_mode may become CERT_NONE
            settings = object.__getattribute__(self, "_settings")
            for key in sorted(settings, key=lambda k: k != "check_hostname"):
                setattr(real, key, settings[key])
            object.__setattr__(self, "_real", real)
        return real  # type: ignore[no-any-return]

    def __setattr__(self, name: str, value: Any) -> None:
        real = object.__getattribute__(self, "_real")
        if real is None:
            object.__getattribute__(self, "_settings")[name] = value
        else:
            setattr(real, name, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._materialise(), name)


def _install_lazy_tls() -> None:
    """Give Apprise's SMTP module a ``ssl`` whose default context is lazy (idempotent)."""
    try:
        from apprise.plugins.email import smtp as smtp_module
    except ImportError:  # another Apprise layout: keep its behaviour
        return
    current = getattr(smtp_module, "ssl", None)
    if current is not ssl:  # already patched, or not what we expect
        return
    shim = types.SimpleNamespace(**{k: getattr(ssl, k) for k in dir(ssl) if not k.startswith("__")})
    shim.create_default_context = lambda *a, **kw: _LazyTLSContext(ssl.create_default_context, *a, **kw)
    setattr(smtp_module, "ssl", shim)  # noqa: B010


def default_sender(timeout_seconds: float) -> Sender:
    """The production sender (Apprise), bounded by ``timeout_seconds`` per message."""
    return AppriseSender(timeout_seconds=timeout_seconds)


class AppriseSender:
    """The notifier port's Apprise implementation: one ``Apprise`` object per target URL."""

    def __init__(self, timeout_seconds: float = 30.0) -> None:
        outbox_schema.register()
        _install_lazy_tls()
        self.timeout_seconds = timeout_seconds
        self.asset = apprise.AppriseAsset(async_mode=False, service_timeout=timeout_seconds)

    def send(self, url: str, message: Message) -> SendOutcome:
        """Send ``message`` to ``url`` within ``timeout_seconds``; never raises for delivery problems."""
        client = apprise.Apprise(asset=self.asset)
        try:
            added = client.add(url)
        except Exception:  # a malformed URL must not kill the batch (and must not be echoed)
            added = False
        if not added:
            return SendOutcome(ok=False, permanent=True, error="ungültige oder nicht unterstützte Apprise-URL")
        html = url.split(":", 1)[0].lower() in HTML_SCHEMAS
        # LogCapture lowers Apprise's logger to DEBUG for the call: the SMTP reply codes
        # (451/550) are only logged at DEBUG level.
        with _private_apprise_log(), apprise.LogCapture(  # type: ignore[no-untyped-call]
                level=logging.DEBUG, fmt="%(levelname)s - %(message)s") as captured:
            try:
                result = client.notify(
                    title=message.subject,
                    body=message.html if html else message.text,
                    body_format=NotifyFormat.HTML if html else NotifyFormat.TEXT,
                    timeout=self.timeout_seconds,
                )
            except Exception as exc:  # a plugin bug must not kill the whole batch
                return SendOutcome(ok=False, error=mask_secrets(f"{type(exc).__name__}: {exc}", [url]))
            logs = captured.getvalue()
        outcome = classify(result, logs, url)
        if not outcome.ok:
            log.debug("Zustellung fehlgeschlagen: %s", outcome.error)
        return outcome


@contextlib.contextmanager
def _private_apprise_log() -> Iterator[None]:
    """Keep Apprise's DEBUG chatter inside our capture while a send runs.

    Without this the lowered level lets every Apprise debug line (hosts, addresses)
    propagate to the root logger, and under Prefect to the API log handler: slow
    (one API log record per line, 3.7x the direct run time at 1,000 mails) and a
    place where connection details do not belong.
    """
    logger = logging.getLogger("apprise")
    previous = logger.propagate
    logger.propagate = False
    try:
        yield
    finally:
        logger.propagate = previous


def _status(result: object) -> Any:
    """The status of the one target (there is one URL per call), else of the whole call."""
    per_target = getattr(result, "results", None)
    if per_target:
        return per_target[0].status
    status = getattr(result, "status", None)
    if status is None:  # Apprise 1.x returned a bool
        return AppriseResultStatus.SUCCESS if result else AppriseResultStatus.FAILURE
    return status


def classify(result: object, logs: str, url: str) -> SendOutcome:
    """Turn an Apprise result plus its captured log into a SendOutcome (masked)."""
    status = _status(result)
    if status == AppriseResultStatus.SUCCESS:
        return SendOutcome(ok=True)
    error = mask_secrets(_reason(logs), [url])
    if status == AppriseResultStatus.TIMEOUT:
        return SendOutcome(ok=False, maybe_delivered=True, error=f"Zeitüberschreitung: {error}")
    if status == AppriseResultStatus.NOMATCH:
        return SendOutcome(ok=False, permanent=True, error="kein passender Dienst für die URL")
    found = _SMTP_CODE.search(logs)
    code = (found.group(1) or found.group(2)) if found else None
    if code and code.startswith("5"):
        return SendOutcome(ok=False, permanent=True, error=f"dauerhaft abgelehnt ({code}): {error}")
    if code:
        return SendOutcome(ok=False, error=f"vorübergehend abgelehnt ({code}): {error}")
    if _READ_TIMEOUT.search(logs):
        return SendOutcome(ok=False, maybe_delivered=True, error=f"Zeitüberschreitung: {error}")
    return SendOutcome(ok=False, error=error)


def _reason(logs: str) -> str:
    """The most telling log line (errors first), shortened to one line."""
    lines = [ln.split(" - ", 1)[-1].strip() for ln in logs.splitlines() if ln.strip()]
    for marker in ("refused", "Exception", "ERROR", "failed", "error"):
        for line in reversed(lines):
            if marker in line:
                return line[:300]
    return lines[-1][:300] if lines else "Zustellung fehlgeschlagen"
