"""Discourse state of the rule pipeline: who speaks, whether a resolution is being read or adopted.

``update_state`` runs on every sentence; ``acceptance`` looks ahead for "Dies wird zugesichert";
``rejects`` for "Der Antrag wird abgelehnt"; ``records_adoption`` scans the whole text once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from core.extraction import cues as cue
from core.extraction import patterns as rx
from core.extraction.cue_index import CueIndex
from core.extraction.lexicon import Hits
from core.extraction.owners import find_assignee
from core.extraction.pattern_forms import contains_any, contains_any_in, starts_with_any
from core.extraction.speakers import Speaker, find_person, find_speaker
from core.extraction.zu_infinitives import ZU_INF_ANY


@dataclass
class State:
    """What the sentences so far say about the one at hand: speaker, resolution, motion, adoption."""

    speaker: Speaker | None = None
    speaker_age: int = 99
    reported: bool = False
    resolution: bool = False
    member: bool = False  # the sentence's speaker is a council member (their "muss" is an opinion)
    proposal: bool = False  # inside a motion or draft resolution that is read out, not adopted
    adopted: bool = False  # the document records an adoption ("einstimmig beschlossen")
    admins: set[str] = field(default_factory=set)  # speakers seen informing for the administration
    answer_block: bool = False  # below "Antwort der Verwaltung:": the speaker holds until the next heading
    sentence: str = ""  # the current sentence
    _assignee: str | None = None
    _assignee_read: bool = False

    def assignee(self) -> str | None:
        """Whom the current sentence commissions ("beauftragt die Verwaltung"), read when first asked:
        only sentences with a candidate need it."""
        if not self._assignee_read:
            self._assignee, self._assignee_read = find_assignee(self.sentence), True
        return self._assignee


# A sentence's span and the cue index of its paragraph.
Sentence = tuple[int, int, CueIndex]


def records_adoption(text: str) -> bool:
    """Whether ``rx.ADOPTED`` occurs anywhere, trying it only where one of its branches can start."""
    for anchor in rx.ADOPTED_ANCHORS:
        pos = text.find(anchor)
        while pos >= 0:
            start = text.rfind("wie", max(0, pos - 40), pos) if anchor == "beantragt" else pos
            if start >= 0 and rx.ADOPTED.match(text, start) is not None:
                return True
            pos = text.find(anchor, pos + 1)
    return False


def update_state(sentence: str, hits: Hits, state: State) -> None:
    """Read one sentence into ``state`` (every sentence passes here, so it is kept cheap)."""
    state.sentence, state._assignee_read = sentence, False
    blank_start = sentence[:1].isspace()
    if _starts_resolution(sentence, blank_start):
        state.resolution = True
        if not starts_with_any(sentence.lstrip(), ("„", '"', "Der", "Die", "Es")):
            state.proposal = False  # a "Beschluss:" heading, not a resolution text being read out
    elif (blank_start or starts_with_any(sentence, rx.RESOLUTION_END_OPENERS)) and rx.RESOLUTION_END.match(sentence):
        state.resolution = False
    speaker = find_speaker(sentence, hits)
    if sentence.endswith(":") and contains_any(sentence, rx.PROPOSAL_WORDS) and rx.PROPOSAL_START.search(sentence):
        state.proposal = not state.adopted
    elif state.proposal and speaker is not None:
        state.proposal = False
    if sentence.endswith(":"):
        state.answer_block = speaker is not None and speaker.admin and speaker.name == "Verwaltung"
    elif speaker is not None:
        state.answer_block = False
    if speaker is not None:
        if speaker.admin:
            state.admins.add(speaker.name)
        elif speaker.name in state.admins:
            speaker = Speaker(speaker.name, True, speaker.member, speaker.external)
        state.speaker, state.speaker_age = speaker, 0
        state.reported = False
        state.member = speaker.member
    elif starts_with_any(sentence, rx.PRONOUN_OPENERS) and rx.PRONOUN_START.match(sentence):
        state.speaker_age = 0
    else:
        state.speaker_age += 1
        state.reported = bool(hits[0] & cue.REPORTED_WORDS.bit) and rx.REPORTED.search(sentence) is not None
        state.member = state.member and state.speaker_age <= 1


def _starts_resolution(sentence: str, blank_start: bool) -> bool:
    """``rx.RESOLUTION_START``, tried only where the sentence opens with a word its branches start with ("Der …"
    only with "beschließt" in it) or with white space, which the pattern allows in front."""
    if sentence.startswith("Der"):
        return "beschließt" in sentence and rx.RESOLUTION_START.match(sentence) is not None
    return (blank_start or starts_with_any(sentence, rx.RESOLUTION_START_OPENERS)) \
        and rx.RESOLUTION_START.match(sentence) is not None


_REJECTED_WORDS: Final = ("nicht", "abgelehnt", "zurückgezogen", "Mehrheit")


def rejects(text: str, span: Sentence) -> bool:
    """Whether the sentence rejects what came before ("Der Antrag wird abgelehnt.")."""
    a, b, _ = span
    # Each branch of rx.REJECTED contains one of these words: most sentences skip the regex.
    return contains_any_in(text, _REJECTED_WORDS, a, b) and rx.REJECTED.search(text, a, b) is not None


def acceptance(text: str, ahead: list[Sentence]) -> str | None:
    """Who accepts a request made in this sentence: "Verwaltung", a person, "" (a body) or None."""
    for a_start, a_end, index in ahead:
        nxt = text[a_start:a_end]
        if not cue.ACCEPT.found(nxt, index.hits(a_start, a_end)) or "hatte" in nxt:
            continue  # ("hatte zugesagt": an earlier promise recalled, not this request accepted)
        if "," in nxt and ZU_INF_ANY.search(nxt) and rx.OWN_TASK_ACCEPT.search(nxt):
            # "Einvernehmlich sprechen sich die Mitglieder dafür aus, … durchzuführen", "Herr Brandt sicherte
            # zu, die Fahrpläne … zu überprüfen": the acceptance states the task itself and is its quote; the
            # request before owes nothing of its own ("sagt zu, dies zu tun" does not restate it).
            return None
        if len(nxt) < 120 or (starts_with_any(nxt, rx.ACCEPT_OPENERS) and rx.ACCEPT_SENTENCE.match(nxt)):
            if "erwaltung" in nxt:
                return "Verwaltung"
            person = find_person(nxt)
            return person or ""
    return None
