"""A real SMTP server on 127.0.0.1 (aiosmtpd) for tests and benchmarks.

``LoopbackSMTP`` answers ``DATA`` with a scripted reply: ``transient=N`` answers
``451`` the first N times and then accepts, ``permanent=True`` answers ``550`` always.
Accepted messages are parsed and kept in ``received`` (subject, plain text, recipients).

As a script (``python -m tests.support.smtp --port 0 --out FILE``) it runs in its own
process, prints the chosen port on stdout and appends one JSON line per accepted message
to ``FILE`` (flushed per message, so a reader sees every mail the server acknowledged).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any, TextIO

from aiosmtpd.controller import Controller

__all__ = ["LoopbackSMTP", "ReceivedMail", "free_port", "loopback_smtp", "mailto_url"]


@dataclass(frozen=True)
class ReceivedMail:
    """One message as the server accepted it."""

    subject: str
    text: str
    recipients: tuple[str, ...]
    headers: dict[str, str]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _plain_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def parse_mail(raw: bytes, recipients: tuple[str, ...]) -> ReceivedMail:
    """Subject, plain text (or HTML when there is no plain part) and headers of a raw mail."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return ReceivedMail(subject=str(msg["Subject"] or ""), text=_plain_text(msg), recipients=recipients,
                        headers={k: str(v) for k, v in msg.items()})


@dataclass
class _Handler:
    transient: int = 0
    permanent: bool = False
    sink: TextIO | None = None
    received: list[ReceivedMail] = field(default_factory=list)
    attempts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd hook name
        with self.lock:
            self.attempts += 1
            if self.permanent:
                return "550 5.7.1 Empfang dauerhaft abgelehnt"
            if self.transient > 0:
                self.transient -= 1
                return "451 4.3.0 Bitte später erneut versuchen"
            mail = parse_mail(envelope.original_content or envelope.content, tuple(envelope.rcpt_tos))
            if self.sink is not None:
                self.sink.write(json.dumps({"subject": mail.subject, "text": mail.text,
                                            "to": list(mail.recipients)}, ensure_ascii=False) + "\n")
                self.sink.flush()
            else:
                self.received.append(mail)
        return "250 2.0.0 OK"


class LoopbackSMTP:
    """An aiosmtpd server on 127.0.0.1:``port`` in a background thread."""

    def __init__(self, *, transient: int = 0, permanent: bool = False, port: int = 0,
                 sink: TextIO | None = None) -> None:
        self.handler = _Handler(transient=transient, permanent=permanent, sink=sink)
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    @property
    def received(self) -> list[ReceivedMail]:
        """Accepted messages in arrival order."""
        return self.handler.received

    @property
    def attempts(self) -> int:
        """How many DATA commands arrived (accepted or rejected)."""
        return self.handler.attempts

    def url(self, to: str = "x@example.org", user: str | None = None) -> str:
        """An Apprise ``mailto://`` URL for this server (plain SMTP, one recipient)."""
        return mailto_url(self.port, to=to, user=user)

    def start(self) -> LoopbackSMTP:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


def mailto_url(port: int, to: str = "x@example.org", user: str | None = None) -> str:
    """``mailto://[user@]127.0.0.1:PORT?from=…&to=…&mode=insecure`` (no TLS on loopback)."""
    auth = f"{user}@" if user else ""
    return f"mailto://{auth}127.0.0.1:{port}?from=wv@example.org&to={to}&mode=insecure"


@contextmanager
def loopback_smtp(**kwargs: Any) -> Iterator[LoopbackSMTP]:
    """Run a LoopbackSMTP for the duration of a ``with`` block."""
    server = LoopbackSMTP(**kwargs).start()
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    """Serve until SIGTERM, appending accepted mails as JSON lines to ``--out``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with open(args.out, "a", encoding="utf-8") as sink, loopback_smtp(port=args.port, sink=sink) as server:
        print(server.port, flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
    sys.exit(0)
