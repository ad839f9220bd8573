"""Clause- and sentence-level signals the pipeline scores with: labels of result minutes, agenda items,
stated milestones, the administration as subject, a meeting that only sets a deadline, the due date."""

from __future__ import annotations

import datetime as dt
from typing import Final

from core.extraction import patterns as rx
from core.extraction.discourse import Sentence
from core.extraction.kinds import MEETING, classify
from core.extraction.pattern_forms import contains_any, starts_with_any
from core.extraction.timex import TimeExpr
from core.types import Kind


def same_item(text: str, span: Sentence) -> bool:
    """Whether a sentence continues the agenda item (no "TOP 5 …", "Begründung:" or other heading)."""
    sentence = text[span[0]:span[1]].rstrip()
    return not (sentence.endswith(":") or rx.NEW_ITEM.match(sentence)
                or (len(sentence) < 120 and sentence[-1:] not in rx.SENTENCE_END_CHARS))


def result_label(sentence: str) -> tuple[int, float]:
    """Where the text after a label of result minutes starts ("Ergebnis: …"; else 0), and the force the label
    gives its line (an agreed head's for "Vereinbart:", "Aufgabe:" and the like, else 0)."""
    if ":" not in sentence[:24]:
        return 0, 0.0
    label = rx.RESULT_LABEL.match(sentence)
    if label is None:
        return 0, 0.0
    return label.end(), 0.45 if label.group("task") else 0.0


_MILESTONE_STEMS: Final = ("folg", "find", "beginn", "start")


def is_milestone(segment: str) -> bool:
    """``rx.MILESTONE``, tried only when a stem that each of its branches contains occurs."""
    return contains_any(segment, _MILESTONE_STEMS) and rx.MILESTONE.search(segment) is not None


def verwaltung_present(segment: str) -> bool:
    """``rx.VERWALTUNG_PRESENT`` ("Die Verwaltung prüft …"), tried only where the segment opens with a word its
    branches start with (or with white space or a number, which the pattern allows in front)."""
    first = segment[:1]
    return (starts_with_any(segment, rx.VERWALTUNG_PRESENT_OPENERS) or first.isspace() or first.isdigit()) \
        and rx.VERWALTUNG_PRESENT.match(segment) is not None


def third_party(segment: str) -> bool:
    """``rx.THIRD_PARTY`` ("Der Förderverein wird …"), tried only where the segment opens with a word its
    branches start with (or with white space, which the pattern allows in front)."""
    return (starts_with_any(segment, rx.THIRD_PARTY_OPENERS) or segment[:1].isspace()) \
        and rx.THIRD_PARTY.match(segment) is not None


def admin_subject(segment: str) -> bool:
    """The administration as the subject of a future step (``rx.ADMIN_SUBJECT_FUTURE``, ``…_COORDINATED``, the agents,
    ``rx.ADMIN_FUTURE_END`` on the segment's tail, ``rx.ADMIN_FUTURE_SUB``), tried only when "wird" or "werde(n)"
    (in each of their branches) occurs."""
    return ("wird" in segment or "werde" in segment) and (
        rx.ADMIN_SUBJECT_FUTURE.search(segment) is not None
        or ("durch" in segment and rx.ADMIN_AGENT_FUTURE.search(segment) is not None)
        or ("von" in segment and "erwaltung" in segment and rx.ADMIN_AGENT_PASSIVE.search(segment) is not None)
        or ("erwaltung" in segment and "und" in segment and rx.ADMIN_SUBJECT_COORDINATED.search(segment) is not None)
        or rx.ADMIN_FUTURE_END.search(segment, max(0, len(segment) - rx.ADMIN_FUTURE_REACH)) is not None
        or ("," in segment and rx.ADMIN_FUTURE_SUB.match(segment) is not None)
    )


def meeting_as_deadline(text: str, clause: str, start: int, times: list[TimeExpr], has_due: bool) -> Kind | None:
    """The kind of "die Kostenberechnung bis zur Februarsitzung vorlegen": the meeting only sets the deadline."""
    for t in times:
        if t.kind in ("next_meeting", "month_meeting") and rx.UNTIL.search(text, max(start, t.start - 8), t.start + 8):
            kind = classify(clause[: t.start - start] + clause[t.end - start:], has_due, True)
            return kind if kind is not MEETING else None
    until = rx.UNTIL_MEETING.search(clause) if "itzung" in clause else None
    if until is not None:  # "bis zur Sitzung des Finanzausschusses im Januar … einholen": no date, still a deadline
        kind = classify(clause[: until.start()] + clause[until.end():], has_due, True)
        return kind if kind is not MEETING else None
    return None


def first_future_due(times: list[TimeExpr], meeting: dt.date | None) -> TimeExpr | None:
    """The first time expression with a date after the meeting (any date when the meeting is unknown)."""
    for t in times:
        if t.due is not None and (meeting is None or t.due > meeting):
            return t
    return None
