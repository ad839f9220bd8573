"""German wording of reminders and digests."""

from __future__ import annotations

import datetime as dt

from core.messages import DigestData, FailedDelivery, ReminderNote, render_digest, render_reminder
from core.views import CommitmentView

ITEM = CommitmentView(
    id=42, action="Entwurf einer Kooperationsvereinbarung erstellen", owner="Herr Römer",
    due=dt.date(2026, 10, 3), due_text="bis zum 03.10.2026", kind="deadline", status="open",
    quote="Ein Entwurf <einer> Kooperationsvereinbarung wird erstellt.", confidence=0.9,
    body="Sozialausschuss", meeting_date=dt.date(2026, 9, 1), source="protokoll.pdf", page=2)


def _note(step: str = "before-3", **kw: object) -> ReminderNote:
    base = dict(step=step, audience="owner", effective_date=dt.date(2026, 10, 5), stated_date=dt.date(2026, 10, 3),
                shift_reason="Frist fällt auf Tag der Deutschen Einheit, Samstag, 3. Oktober — erinnert wird am "
                             "Montag, 5. Oktober 2026", recipient_name="Herr Römer")
    base.update(kw)
    return ReminderNote(**base)  # type: ignore[arg-type]


def test_a_reminder_names_the_task_the_frist_and_why_it_moved() -> None:
    msg = render_reminder(ITEM, _note(), dt.date(2026, 9, 30))
    assert msg.subject == (
        "Erinnerung: Frist 03.10.2026 in 3 Arbeitstagen: Entwurf einer Kooperationsvereinbarung erstellen"
    )
    assert "Guten Tag Herr Römer" in msg.text
    assert "Samstag, 3. Oktober 2026" in msg.text
    assert "erinnert wird am Montag, 5. Oktober 2026" in msg.text
    assert "Seite 2" in msg.text
    assert "wiedervorlage done 42" in msg.text


def test_the_html_body_escapes_the_quote() -> None:
    msg = render_reminder(ITEM, _note(), dt.date(2026, 9, 30))
    assert "&lt;einer&gt;" in msg.html
    assert "<einer>" not in msg.html


def test_an_overdue_reminder_counts_the_days() -> None:
    msg = render_reminder(ITEM, _note("overdue-1", shift_reason=None), dt.date(2026, 10, 13))
    assert msg.subject.startswith("Überfällig seit 10 Tagen:")
    assert "seit 10 Tagen" in msg.text


def test_a_resent_message_says_so_in_subject_and_body() -> None:
    msg = render_reminder(ITEM, _note(resend=True), dt.date(2026, 9, 30))
    assert msg.subject.endswith("(erneut gesendet)")
    assert msg.text.startswith("(erneut gesendet)")


def test_an_escalation_addresses_the_manager() -> None:
    msg = render_reminder(ITEM, _note("escalation", audience="manager", recipient_name="Amtsleitung"),
                          dt.date(2026, 10, 20))
    assert msg.subject.startswith("Eskalation seit 17 Tagen")
    assert "als Vorgesetzte/r" in msg.text


def test_the_digest_has_every_section_and_headline_counts() -> None:
    data = DigestData(day=dt.date(2026, 10, 13), recipient_name="Amtsleitung", overdue=[ITEM],
                      failed=[FailedDelivery(42, "roemer", "due", "dauerhaft abgelehnt (550)")])
    msg = render_digest(data)
    assert msg.subject == "Wiedervorlage 13.10.2026: 1 überfällig, 0 fällig in 7 Tagen, 0 zu prüfen"
    for heading in ("Überfällig (1)", "Fällig in den nächsten 7 Tagen (0)", "Neue Vorschläge zur Prüfung (0)",
                    "Erledigt seit der letzten Übersicht (0)", "Fehlgeschlagene Zustellungen (1)"):
        assert heading in msg.text
    assert "seit 10 Tagen überfällig" in msg.text
    assert "dauerhaft abgelehnt (550)" in msg.html


def test_each_reminder_step_has_its_own_subject() -> None:
    steps = ("before-10", "before-1", "due")
    full = [render_reminder(ITEM, _note(step), dt.date(2026, 9, 30)).subject for step in steps]
    assert full[0].startswith("Erinnerung: Frist 03.10.2026 in 10 Arbeitstagen")
    assert full[1].startswith("Erinnerung: Frist 03.10.2026 in 1 Arbeitstag:")
    assert full[2].startswith("Heute fällig (Frist 03.10.2026)")
