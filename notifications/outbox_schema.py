"""An Apprise custom schema ``outbox://`` that writes each message as an ``.eml`` file.

``outbox:///abs/dir``: the path is always absolute (Apprise folds the third slash into the
host, so ``outbox://srv/mail`` means ``/srv/mail`` too). The demo uses it so nothing needs
a mail server; the files open in any mail program.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

import apprise
from apprise.conversion import convert_between

_registered = False


def outbox_dir(meta: dict[str, Any]) -> Path:
    """Absolute directory named by the URL (host + full path)."""
    host = (meta.get("host") or "").strip("/")
    path = meta.get("fullpath") or ""
    return Path("/" + host + path) if host else Path(path or "/")


def write_eml(directory: Path, subject: str, html: str, to: str | None = None) -> Path:
    """Write one multipart (text + HTML) message atomically; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = "Wiedervorlage <wiedervorlage@localhost>"
    msg["To"] = to or "outbox@localhost"
    msg["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    msg["Message-ID"] = make_msgid(domain="wiedervorlage.local")
    msg.set_content(convert_between(apprise.NotifyFormat.HTML, apprise.NotifyFormat.TEXT, html))
    msg.add_alternative(html, subtype="html")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    final = directory / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
    tmp = final.with_suffix(".tmp")
    tmp.write_bytes(bytes(msg))
    os.replace(tmp, final)  # readers never see half a file
    return final


def register() -> None:
    """Register the ``outbox://`` schema with Apprise once per process."""
    global _registered
    if _registered:
        return

    @apprise.decorators.notify(on="outbox", name="Wiedervorlage outbox directory")
    def _outbox(body: str, title: str, notify_type: str, meta: dict[str, Any], *args: Any, **kwargs: Any) -> bool:
        qsd = meta.get("qsd") or {}
        write_eml(outbox_dir(meta), title, body, to=qsd.get("to"))
        return True

    _registered = True
