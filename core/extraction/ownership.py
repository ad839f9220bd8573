"""Who owes a candidate: the party named in the clause, the assignee of the resolution, the one who
accepted or promised, the administration's speaker, or the body that meets, by the GUIDELINES."""

from __future__ import annotations

from core.extraction import cues as cue
from core.extraction import patterns as rx
from core.extraction.discourse import State
from core.extraction.kinds import FORWARD, MEETING, REPORT_BACK
from core.extraction.lexicon import Hits
from core.extraction.owners import find_body, find_party
from core.extraction.speakers import find_person, person_plans, subject_person
from core.extraction.units import Unit
from core.types import Kind


def owner_of(clause: str, hits: Hits, kind: Kind, unit: Unit, state: State, doc_body: str | None) -> str | None:
    """Who owes the commitment. The party and the body named in the clause are read only where
    the answer can still depend on them (``or`` stops at the first name found)."""
    speaker = state.speaker if state.speaker and state.speaker.admin and (
        state.speaker_age <= 1 or state.reported or state.answer_block) else None
    speaker_name = speaker.name if speaker else None
    accepted = unit.accepted_by or None
    if kind is MEETING:
        planner = state.speaker if state.speaker and not state.speaker.member and state.speaker_age <= 1 else None
        if rx.INTENT_OWN.search(clause) and planner:
            return planner.name
        inviter = subject_person(clause)
        if inviter:
            return inviter  # "Herr Klein wird die Vereine zur nächsten Sitzung einladen": he acts, not the body
        # "seitens der Verwaltung zurückgestellt": the body still holds the meeting.
        party = None if rx.ON_BEHALF.search(clause) else find_party(clause)
        if "itzung" in clause:  # a session of this body ("auf die Aprilsitzung"): the body meets, not the speaker
            return find_body(clause) or party or doc_body or "Ausschuss"
        return find_body(clause) or party or speaker_name or doc_body or "Ausschuss"
    assignee = state.assignee()
    if assignee:
        # Each task of "X beauftragt die Verwaltung, A zu tun und B vorzulegen" is the assignee's.
        return assignee
    if kind is FORWARD:
        recommended = rx.RECOMMEND.search(clause)
        if recommended:
            return recommended.group("to")  # "Der Ausschuss empfiehlt dem Rat, …": the Rat decides next
        if rx.HANDOVER.search(clause):
            return find_party(clause) or accepted or speaker_name or find_body(clause)
        return find_body(clause) or find_party(clause) or accepted or speaker_name
    party = find_party(clause)
    if party and kind is REPORT_BACK and rx.INFORMED.search(clause):
        party = None  # "Über das Ergebnis wird der Ausschuss informiert": the body named is told, not telling
    # The person who promises, or who is the subject of a future step ("Herr Schneider wird … nachreichen",
    # "Frau Seidel versendet das Protokoll bis …").
    person = find_person(clause) if person_plans(clause) or cue.PROMISE.found(clause, hits) else subject_person(clause)
    if party or person or accepted:
        return party or person or accepted
    if speaker:
        return speaker.name
    if state.speaker and state.speaker_age <= 1 and rx.WE_WILL.match(clause):
        return state.speaker.name  # "Herr Yilmaz: … Wir werden bis zum Herbst …": the speaker's side
    if state.resolution or kind is REPORT_BACK:
        # Passive in the administration's sphere: answering and reporting are the administration's.
        return "Verwaltung"
    return None
