"""The rule-based extractor: sentences -> clauses -> cues -> candidates.

Per sentence it keeps a little discourse state (who speaks, whether we are inside an
adopted resolution) and looks two sentences ahead for an acceptance ("Dies wird
zugesichert") of a request or proposal. Heads such as "Die Verwaltung wird beauftragt,"
or "Herr X bittet darum," pass their force on to the clauses they govern.

The discourse state lives in ``discourse``, clause units and heads in ``units``, the
sentence- and clause-level patterns in ``patterns``, cue families in ``cues`` (looked up through
``cue_index``), who owes a candidate in ``ownership``, clause signals (milestones, labels, the administration
as subject) in ``signals``, and ``continuations`` joins a commitment stated in two sentences; this module
scores the units.

Speed comes from gating, not from doing less: every sentence only updates the discourse
state; the clause work runs on sentences with a commitment cue (or digits that could still
make one), and each clause is scored from its cues first, with the time grammar, the kind
and the owner looked up only while the best reachable score can still pass the threshold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from core.extraction import cues as cue
from core.extraction import patterns as rx
from core.extraction.actions import make_action
from core.extraction.continuations import merge_continuations
from core.extraction.cue_index import CueIndex
from core.extraction.discourse import Sentence, State, acceptance, records_adoption, rejects, update_state
from core.extraction.header import find_body as find_doc_body
from core.extraction.header import find_meeting_date
from core.extraction.kinds import FORWARD, MEETING, REPORT_BACK, classify, is_concrete_period, is_specific
from core.extraction.lexicon import Hits
from core.extraction.ownership import owner_of
from core.extraction.pattern_forms import LOWER_LETTERS, contains_any, has_digit, starts_with_any
from core.extraction.sentences import iter_sentence_blocks
from core.extraction.signals import (
    admin_subject,
    first_future_due,
    is_milestone,
    meeting_as_deadline,
    result_label,
    same_item,
    third_party,
    verwaltung_present,
)
from core.extraction.speakers import person_future, person_plans, speaker_prefix_end
from core.extraction.timex import TimeExpr, find_times, find_times_possible
from core.extraction.units import Unit, agreed, intends, units_of
from core.extraction.zu_infinitives import ZU_INF_ANY
from core.types import Candidate, MeetingContext

THRESHOLD: Final = 0.45
LOOKAHEAD: Final = 2
MIN_CLAUSE_CHARS: Final = 12
_EPS: Final = 1e-6
MIN_SENTENCE: Final = 5  # shorter are crumbs, not even a heading such as "Beschluss:"
INDEX_BLOCK: Final = 8192  # characters of paragraphs scanned for cue words at once


class RulesExtractor:
    """The default extractor: hand-written German rules, no model, linear time."""

    name = "rules"

    def extract(self, text: str, context: MeetingContext) -> list[Candidate]:
        """Candidates in text order; ``text[c.start:c.end] == c.quote``."""
        return list(iter_candidates(text, context))


def iter_candidates(text: str, context: MeetingContext) -> Iterator[Candidate]:
    """Stream candidates paragraph by paragraph (memory stays bounded for huge inputs)."""
    return merge_continuations(text, _iter_raw_candidates(text, context))


def _iter_raw_candidates(text: str, context: MeetingContext) -> Iterator[Candidate]:
    meeting = context.meeting_date or find_meeting_date(text)
    doc_body = context.body or find_doc_body(text)
    state = State(adopted=records_adoption(text))
    window: list[Sentence] = []
    for sentence in _iter_sentences(text):
        window.append(sentence)
        if len(window) > LOOKAHEAD:
            yield from _process(text, window[0], window[1:], state, context, meeting, doc_body)
            window.pop(0)
    while window:
        yield from _process(text, window[0], window[1:], state, context, meeting, doc_body)
        window.pop(0)


def _iter_sentences(text: str) -> Iterator[Sentence]:
    """Sentences worth a look: crumbs under ``MIN_SENTENCE`` characters ("-", "a", "1.") are skipped.

    Each block of paragraphs is scanned once for cue words (one regex call per block, not per
    paragraph); its sentences and clauses look the words up by offset.
    """
    for b_start, b_end, sentences in iter_sentence_blocks(text, MIN_SENTENCE, INDEX_BLOCK):
        index = CueIndex(text, b_start, b_end)
        for s_start, s_end in sentences:
            yield s_start, s_end, index


def _process(
    text: str,
    span: Sentence,
    ahead: list[Sentence],
    state: State,
    context: MeetingContext,
    meeting: dt.date | None,
    doc_body: str | None,
) -> list[Candidate]:
    """Update the discourse state with one sentence and return its candidates (a list: most have none)."""
    s_start, s_end, index = span
    sentence = text[s_start:s_end]
    hits = index.hits(s_start, s_end)
    update_state(sentence, hits, state)
    if state.proposal or len(sentence) < MIN_CLAUSE_CHARS:
        return []  # inside a motion read out or introduced, not adopted: nobody owes anything yet
    if (hits[0] | hits[1]) & cue.ACCEPT.bit and starts_with_any(sentence, rx.ACCEPT_OPENERS) \
            and rx.ACCEPT_SENTENCE.match(sentence) and cue.ACCEPT.found(sentence, hits) \
            and not ZU_INF_ANY.search(sentence):
        return []  # "Dies wird zugesichert.": the acceptance of the request before, not a task of its own
    if len(sentence) < 120 and " zu" in sentence and contains_any(sentence, rx.ACCEPT_ANAPHOR_VERBS) \
            and rx.ACCEPT_ANAPHOR.match(sentence):
        return []  # "Landrat Dr. Weber sagt dies zu.": the same, with the one who accepts as subject
    if sentence.rstrip().endswith(":"):
        return []  # headings ("Beschluss:")
    label_end, label_force = result_label(sentence)
    body = sentence[label_end:] if label_end else sentence  # what follows "Ergebnis:", "Vereinbart:"
    if len(sentence) < 120 and sentence.rstrip()[-1:] not in rx.SENTENCE_END_CHARS and not label_force:
        return []  # title lines: "Sozialausschuss am 31.08.2023", "TOP 3 Bericht der Verwaltung"
    if not cue.may_commit(sentence, hits) and (
        not (has_digit(sentence) or verwaltung_present(body) or label_force or person_plans(body)
             or is_milestone(sentence))
        or _digits_cannot_commit(sentence, body, hits, state, label_force)
    ):
        return []  # most sentences: no cue at all, only the discourse state needed updating
    if not _has_lower_run(sentence):
        return []  # tables (tested after the cue gate, which spares the test for most sentences)
    acceptor = acceptance(text, ahead) if cue.REQUEST.found(sentence, hits) else None
    rejected = bool(ahead) and rejects(text, ahead[0])
    if state.resolution and (
        rejected or (len(ahead) > 1 and same_item(text, ahead[0]) and rejects(text, ahead[1]))
    ):
        # A resolution text voted down, perhaps a sentence later ("Herr Roth begründet den Antrag. Der
        # Antrag wird abgelehnt."): none of its tasks is owed.
        return []
    admin_speaker = bool(state.speaker and state.speaker.admin and state.speaker_age == 0)
    found = []
    for unit in units_of(text, index, s_start, s_end, acceptor, admin_speaker, label_force):
        if rejected:
            unit = Unit(unit.start, unit.end, unit.boost - 0.5, unit.accepted_by, unit.head_request)
        cand = _candidate(text, index, unit, sentence, hits, state, context, meeting, doc_body)
        if cand is not None:
            found.append(cand)
    return found


def _has_lower_run(sentence: str) -> bool:
    """``rx.LOWER3.search(sentence)``: three lower-case letters [a-zäöüß] in a row. (A loop: prose has one within
    its first words, and a regex call costs more than reading them.)"""
    run = 0
    for char in sentence:
        if char in LOWER_LETTERS:
            run += 1
            if run == 3:
                return True
        else:
            run = 0
    return False


def _digits_cannot_commit(sentence: str, body: str, hits: Hits, state: State, label_force: float) -> bool:
    """For a sentence without any commitment cue but with digits: can no clause reach the threshold?

    Without a cue a clause scores at most a future date (0.4) and a future word such as "zeitnah"
    (0.1), plus the force of a governing head or a task label and the bonuses of the sentence's context.
    Summing the most each could give is exact and spares the clause work for tables, amounts and "TOP 5".
    ``body`` is the sentence after a label of result minutes ("Ergebnis: Das Amt 40 legt …").
    """
    best = 0.4 if find_times_possible(sentence, hits) else 0.0
    if cue.FUTURE_WORDS.found(sentence, hits):
        best += 0.1
    if is_milestone(sentence):
        best += 0.1  # "… erfolgt bis zum 15.07.2024"
    if intends(sentence) or agreed(sentence) or cue.REQUEST.found(sentence, hits):
        best += 0.45  # a head ("bittet darum, …") passing its force on
    if state.speaker and state.speaker.admin and state.speaker_age <= 1:
        best += 0.1
    if "Verwaltung" in sentence or verwaltung_present(body):
        best += 0.6  # "Die Verwaltung prüft …" inside a resolution or as an enumerated item, or with a time
    elif person_plans(body):
        best += 0.2  # "Frau Seidel versendet das Protokoll bis …"
    best += label_force
    return best < THRESHOLD - _EPS


def _candidate(
    text: str,
    index: CueIndex,
    unit: Unit,
    sentence: str,
    sentence_hits: Hits,
    state: State,
    context: MeetingContext,
    meeting: dt.date | None,
    doc_body: str | None,
) -> Candidate | None:
    start, end = unit.start, unit.end
    while end > start and text[end - 1] in " ,;":
        end -= 1
    if text[start] in ",; ":
        start += 1
    first = text[start]
    # (the first characters ENUM_MARK can start with: a digit, "a)", "-", "•")
    enum = rx.ENUM_MARK.match(text, start, end) \
        if first.isdigit() or first in "-•" or text.startswith(")", start + 1) else None
    if enum is not None:
        start = enum.end()  # "2. Die Verwaltung wird beauftragt …": the number is not part of the quote
    elif text[start:start + 1].isupper() and ":" in text[start:start + 80]:
        label = rx.RESULT_LABEL.match(text, start, end)  # "Vereinbart: Der IT-Service bereitet … vor"
        start = label.end() if label else start + speaker_prefix_end(text[start:end])  # "Bürgermeister Vogt: …"
    clause = text[start:end]
    if len(clause) < MIN_CLAUSE_CHARS:
        return None
    # A unit lies inside its sentence: as long as the sentence, it is the sentence.
    hits = sentence_hits if len(clause) == len(sentence) else index.hits(start, end)
    admin_present = verwaltung_present(clause)
    person_plan = not admin_present and person_plans(clause)
    if unit.boost <= 0 and not cue.may_commit(clause, hits) and not has_digit(clause) and not admin_present \
            and not person_plan and not is_milestone(clause):
        return None  # the common case: nothing that could make this clause a commitment
    cues = cue.read_cues(clause, hits)
    admin_speaker = bool(state.speaker and state.speaker.admin and state.speaker_age <= 1)
    context_bonus = 0.0  # everything but the time expressions and the kind, which need the time grammar
    if state.member and not unit.head_request and unit.boost <= 0 and not admin_subject(clause) \
            and not admin_present and not rx.MATTER_SUBJECT.match(clause):
        # A member's "muss" is an opinion, unless a head gives the clause its force ("Einvernehmlich
        # sprechen sich die Mitglieder dafür aus, …"), the administration is the subject ("Der Fachdienst 61
        # prüft, ob …") or the matter raised is ("Dies wird schriftlich beantwortet": the reply to them).
        context_bonus -= 0.15
    if not unit.boost > 0 and third_party(clause):
        context_bonus -= 0.45  # "Der Förderverein wird im Juni ein Fest veranstalten": its own plan
    elif state.speaker and state.speaker.external and state.speaker_age <= 1 and not unit.boost > 0 \
            and not admin_present and not admin_subject(clause):
        context_bonus -= 0.45  # "Herr Petersen von der Breitband GmbH berichtet. Bis Ende 2025 sollen …": theirs
    if admin_speaker:
        context_bonus += 0.1
    admin_future = cues.future and not cues.past and admin_subject(clause)
    if admin_future or (cues.future and not cues.past and " wird " in clause and person_future(clause)):
        # "… wird die Verwaltung die Beschilderung überprüfen", "Frau Müller wird die Unterlagen … zur
        # Verfügung stellen": the administration's or a named person's own future
        context_bonus += 0.2
    # In a resolution an obligation, a step of the administration or an enumerated future passive
    # ("3. Die Kosten werden in den Haushalt 2026 eingestellt.") is a task.
    if state.resolution and (cues.modal or cues.zu_sein or admin_present
                             or (cues.future and rx.ENUM_ITEM.match(sentence) is not None)):
        context_bonus += 0.3
    if admin_present and rx.ENUM_ITEM.match(sentence):
        context_bonus += 0.3
    elif admin_present and rx.ADMIN_ACTION.match(clause):
        context_bonus += 0.45  # "Die Verwaltung prüft das." / "leitet dies weiter": a step taken after the meeting
    if cues.request and not unit.head_request and not cues.assign and not unit.boost > 0 and not admin_future:
        # (not under a promise: "sagt zu, diesen Vorschlag … zu berücksichtigen"; nor the administration's
        # own future: "Die Verwaltung wird … einen Vorschlag erarbeiten")
        context_bonus -= 0.3
    # The best a date and a future kind could still add: skip the time grammar when even that fails.
    # (_EPS: the bound is summed before rounding; float noise must not prune a borderline clause.)
    # "Die Verwaltung legt im Oktober den Entwurf vor": an administrative present with a future time is a plan.
    milestone = not (admin_present or person_plan) and is_milestone(clause)
    present_plan = 0.2 if admin_present or person_plan else 0.1 if milestone else 0.0
    # A date adds the most, so the bound with one is taken first: when it fails, the time pre-check
    # is not needed either (float sums are monotone: without the date the sum is never larger).
    future_bonus = 0.2 if cues.future else 0.0
    best = cue.commitment_score(cues, True, True) + unit.boost + context_bonus + future_bonus + present_plan \
        + (0.1 if milestone else 0.0)
    if best < THRESHOLD - _EPS:
        return None
    timed = find_times_possible(clause, hits)
    if not timed and cue.commitment_score(cues, False, False) + unit.boost + context_bonus + future_bonus \
            < THRESHOLD - _EPS:
        return None
    times = find_times(text, start, end, meeting, context.land, context.next_meetings, doc_body, hits) if timed else []
    due_expr: TimeExpr | None = None
    has_period = past_date = False
    future_times = times  # most clauses have no time expression: nothing to sort out
    if times:
        due_expr = first_future_due(times, meeting)
        has_period = any(t.vague and is_concrete_period(t.kind) for t in times)
        past_date = any(t.due is not None and meeting is not None and t.due <= meeting for t in times)
        future_times = [t for t in times if t.due is None or meeting is None or t.due > meeting]
    score = cue.commitment_score(cues, bool(future_times), due_expr is not None) + unit.boost
    penalty = 0.3 if past_date and due_expr is None else 0.0
    specific = any(is_specific(t.kind) for t in future_times)
    if future_times and (specific or not milestone):  # ("Die Beratung erfolgt anschließend": maybe still today)
        context_bonus += present_plan
        if milestone and due_expr is None:
            # "Die Baumaßnahme beginnt im April 2027", "Die Beratung erfolgt in der nächsten Sitzung": a month or
            # a meeting is as concrete as a date here
            context_bonus += 0.1
    if score + context_bonus - penalty + (0.2 if cues.future else 0.0) < THRESHOLD - _EPS:
        return None  # not even the bonus of a future meeting, referral or report could lift it
    kind = classify(clause, due_expr is not None, has_period, hits)
    if kind is MEETING:
        kind = meeting_as_deadline(text, clause, start, times, due_expr is not None) or kind
    if cues.future and kind in (MEETING, FORWARD, REPORT_BACK):
        score += 0.2
    # Rounded so that float noise from the order of additions never decides a borderline item. (Rounding to
    # 6 places moves a value by at most 5e-7: a value further below the threshold stays below it, and the
    # rounding, a costly call, is spared for the clauses that fail.)
    raw = score + context_bonus - penalty
    if raw < THRESHOLD - _EPS:
        return None
    score = round(max(0.0, min(1.0, raw)), 6)
    if score < THRESHOLD:
        return None
    owner = owner_of(clause, hits, kind, unit, state, doc_body)
    due_text = due_expr.text if due_expr is not None else (times[0].text if times else None)
    # (positional, in Candidate's field order: keyword arguments cost compiled code a dict per call)
    return Candidate(
        clause, start, end, make_action(clause), owner, due_expr.due if due_expr is not None else None, due_text,
        kind, round(score, 3),
    )



RULES: Final = RulesExtractor()
