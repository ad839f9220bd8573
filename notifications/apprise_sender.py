"""Send one rendered message to one Apprise URL and classify the outcome.

Apprise 2.x returns an ``AppriseResult`` with a status per target; a TIMEOUT does not
prove non-delivery, so it is reported as ``maybe_delivered``. SMTP 5xx answers are
permanent, 4xx and connection trouble transient. URLs carry passwords: nothing here
logs or returns them, and error texts are masked before they leave this module.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import apprise
from apprise import AppriseResultStatus, NotifyFormat

from core.config import mask_secrets
from core.messages import Message
from notifications import outbox_schema

HTML_SCHEMAS = ("mailto", "mailtos", "outbox", "email")
_SMTP_CODE = re.compile(r"(?:\(|\b)([45]\d\d)(?:,|\s)")


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """Result of one send: delivered, or why not and whether trying again can help."""

    ok: bool
    permanent: bool = False
    maybe_delivered: bool = False
    error: str | None = None


class AppriseSender:
    """The notifier port's Apprise implementation: one ``Apprise`` object per target URL."""

    def __init__(self, timeout_seconds: float = 30.0) -> None:
        outbox_schema.register()
        self.asset = apprise.AppriseAsset(async_mode=False)
        self.timeout_seconds = timeout_seconds

    def send(self, url: str, message: Message) -> SendOutcome:
        """Send ``message`` to ``url``; never raises for delivery problems."""
        client = apprise.Apprise(asset=self.asset)
        if not client.add(url):
            return SendOutcome(ok=False, permanent=True, error="ungültige oder nicht unterstützte Apprise-URL")
        html = url.split(":", 1)[0].lower() in HTML_SCHEMAS
        with apprise.LogCapture(level=logging.DEBUG) as captured:
            try:
                result = client.notify(
                    title=message.subject,
                    body=message.html if html else message.text,
                    body_format=NotifyFormat.HTML if html else NotifyFormat.TEXT,
                )
            except Exception as exc:  # a plugin bug must not kill the whole batch
                return SendOutcome(ok=False, error=mask_secrets(f"{type(exc).__name__}: {exc}", [url]))
            logs = captured.getvalue()
        return classify(result, logs, url)


def classify(result: object, logs: str, url: str) -> SendOutcome:
    """Turn an Apprise result plus its captured log into a SendOutcome (masked)."""
    status = getattr(result, "status", None)
    if status is None:  # Apprise 1.x returned a bool
        status = AppriseResultStatus.SUCCESS if result else AppriseResultStatus.FAILURE
    if status == AppriseResultStatus.SUCCESS:
        return SendOutcome(ok=True)
    reason = _reason(logs)
    error = mask_secrets(reason, [url])
    if status == AppriseResultStatus.TIMEOUT:
        return SendOutcome(ok=False, maybe_delivered=True, error=f"Zeitüberschreitung: {error}")
    if status == AppriseResultStatus.NOMATCH:
        return SendOutcome(ok=False, permanent=True, error="kein passender Dienst für die URL")
    code = _SMTP_CODE.search(logs)
    if code and code.group(1).startswith("5"):
        return SendOutcome(ok=False, permanent=True, error=f"dauerhaft abgelehnt ({code.group(1)}): {error}")
    if code:
        return SendOutcome(ok=False, error=f"vorübergehend abgelehnt ({code.group(1)}): {error}")
    return SendOutcome(ok=False, error=error)


def _reason(logs: str) -> str:
    """The most telling log line (errors first), shortened to one line."""
    lines = [ln.split(" - ", 2)[-1].strip() for ln in logs.splitlines() if ln.strip()]
    for marker in ("refused", "Exception", "ERROR", "failed", "error"):
        for line in reversed(lines):
            if marker in line:
                return line[:300]
    return (lines[-1][:300] if lines else "Zustellung fehlgeschlagen")
