"""German wording of reminders and digests (pure: data in, subject/text/HTML out).

Templates live in ``core/templates``; autoescaping is on for HTML only, so a quote
containing ``<`` cannot break the mail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2

from core.dates import format_date_de, format_short_de
from core.types import KIND_LABELS_DE, STATUS_LABELS_DE, Kind
from core.views import CommitmentView

TEMPLATES = Path(__file__).resolve().parent / "templates"
RESENT_MARK = "(erneut gesendet)"


@dataclass(frozen=True, slots=True)
class Message:
    """One notification: subject line, plain text and HTML body (all German)."""

    subject: str
    text: str
    html: str


@dataclass(frozen=True, slots=True)
class ReminderNote:
    """What a single reminder is about: the step and the dates it is computed from."""

    step: str
    audience: str  # "owner" or "manager"
    effective_date: dt.date
    stated_date: dt.date | None
    shift_reason: str | None
    resend: bool = False
    recipient_name: str | None = None


@dataclass(frozen=True, slots=True)
class FailedDelivery:
    """A delivery that failed permanently, for the digest (no URLs: they hold secrets)."""

    commitment_id: int | None
    recipient_key: str
    step: str
    error: str


@dataclass(frozen=True, slots=True)
class DigestData:
    """Content of one nightly digest for one recipient on one civil day."""

    day: dt.date
    recipient_name: str | None
    proposed: list[CommitmentView] = field(default_factory=list)
    due_soon: list[CommitmentView] = field(default_factory=list)
    overdue: list[CommitmentView] = field(default_factory=list)
    done: list[CommitmentView] = field(default_factory=list)
    failed: list[FailedDelivery] = field(default_factory=list)
    resend: bool = False

    @property
    def is_empty(self) -> bool:
        """True when there is nothing at all to report."""
        return not (self.proposed or self.due_soon or self.overdue or self.done or self.failed)


@lru_cache(maxsize=2)
def _env(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["de"] = lambda d: format_date_de(d) if d else "—"
    env.filters["dew"] = lambda d: format_date_de(d, weekday=True) if d else "—"
    env.filters["short"] = lambda d: format_short_de(d) if d else "—"
    env.filters["kind"] = lambda k: KIND_LABELS_DE.get(Kind(k), k) if k in Kind._value2member_map_ else k
    env.filters["status"] = lambda s: STATUS_LABELS_DE.get(s, s)
    return env


def step_label(step: str) -> str:
    """German label of a reminder step key (``before-3``, ``due``, ``overdue-2``, …)."""
    if step.startswith("before-"):
        days = step.split("-", 1)[1]
        return "Erinnerung am Fristtag" if days == "0" else f"Erinnerung {days} Arbeitstage vor der Frist"
    if step == "due":
        return "Erinnerung am Fristtag"
    if step.startswith("overdue"):
        return "Frist überschritten"
    if step.startswith("escalation"):
        return "Eskalation: Frist überschritten"
    if step.startswith("interim"):
        return "Bitte um Zwischenbericht"
    return step


def reminder_subject(item: CommitmentView, note: ReminderNote, today: dt.date) -> str:
    """Subject line; it starts with the step so a mailbox sorts and filters well."""
    action = item.action if len(item.action) <= 80 else item.action[:77] + "…"
    if note.step.startswith(("overdue", "escalation")):
        days = item.days_overdue(today)
        head = "Eskalation" if note.step.startswith("escalation") else "Überfällig"
        subject = f"{head} seit {days} Tag{'en' if days != 1 else ''}: {action}"
    elif note.step.startswith("interim"):
        subject = f"Zwischenbericht erbeten: {action}"
    else:
        when = format_short_de(note.stated_date) if note.stated_date else "ohne Datum"
        ahead = note.step.removeprefix("before-")
        if note.step == "due" or ahead == "0":
            lead = f"Heute fällig (Frist {when})"
        elif ahead.isdigit():
            unit = "Arbeitstag" if ahead == "1" else "Arbeitstagen"
            lead = f"Erinnerung: Frist {when} in {ahead} {unit}"
        else:
            lead = f"Erinnerung (Frist {when})"
        subject = f"{lead}: {action}"
    return f"{subject} {RESENT_MARK}" if note.resend else subject


def render_reminder(item: CommitmentView, note: ReminderNote, today: dt.date) -> Message:
    """The reminder or escalation mail for one commitment on civil day ``today``."""
    ctx = {
        "item": item,
        "note": note,
        "today": today,
        "label": step_label(note.step),
        "days_overdue": item.days_overdue(today),
        "resent_mark": RESENT_MARK,
    }
    return Message(
        subject=reminder_subject(item, note, today),
        text=_env(False).get_template("reminder.txt.j2").render(ctx),
        html=_env(True).get_template("reminder.html.j2").render(ctx),
    )


def digest_subject(data: DigestData) -> str:
    """Subject of the nightly digest with the headline counts."""
    subject = (
        f"Wiedervorlage {format_short_de(data.day)}: {len(data.overdue)} überfällig, "
        f"{len(data.due_soon)} fällig in 7 Tagen, {len(data.proposed)} zu prüfen"
    )
    return f"{subject} {RESENT_MARK}" if data.resend else subject


def render_digest(data: DigestData) -> Message:
    """The nightly digest (also used as the Prefect markdown artifact's source)."""
    ctx = {"d": data, "resent_mark": RESENT_MARK}
    return Message(
        subject=digest_subject(data),
        text=_env(False).get_template("digest.txt.j2").render(ctx),
        html=_env(True).get_template("digest.html.j2").render(ctx),
    )


def render_digest_markdown(data: DigestData) -> str:
    """The digest as Markdown (for a Prefect artifact)."""
    return _env(False).get_template("digest.md.j2").render({"d": data})
