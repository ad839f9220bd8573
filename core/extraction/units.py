"""Clause units of a sentence: heads merged into or passing their force to what they govern.

"Die Verwaltung wird beauftragt, A zu tun, B zu tun" is one unit with its head; "Herr X bittet
darum, A zu tun" passes the request's force (accepted or not) to "A zu tun"; "A zu tun und B
einzuberufen" splits when B brings a kind of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from core.extraction import cues as cue
from core.extraction import patterns as rx
from core.extraction.clauses import split_clauses, split_request_heads
from core.extraction.cue_index import CueIndex
from core.extraction.kinds import DELIVERABLE, classify
from core.extraction.lexicon import Hits
from core.extraction.lines import Span
from core.extraction.pattern_forms import contains_any, ends_with_any, starts_with_any
from core.extraction.signals import third_party
from core.extraction.speakers import find_person, find_speaker
from core.extraction.timex import find_times, find_times_possible
from core.extraction.zu_infinitives import ZU_INF_ANY, ZU_INF_END
from core.types import Kind

MAX_UND: Final = 4


class Unit:
    """A span to score as one commitment, with the force and acceptance it inherits from its head.

    Not changed once made. A plain class rather than a dataclass: compiled, its ``__init__`` is native.
    """

    __slots__ = ("accepted_by", "boost", "end", "head_request", "start")

    def __init__(self, start: int, end: int, boost: float, accepted_by: str | None, head_request: bool) -> None:
        self.start = start
        self.end = end
        self.boost = boost  # force inherited from a governing head
        self.accepted_by = accepted_by
        self.head_request = head_request


def units_of(
    text: str, index: CueIndex, start: int, end: int, acceptor: str | None, admin_speaker: bool,
    label_force: float = 0.0,
) -> Iterator[Unit]:
    """Clauses of a sentence, with heads merged into or passing force to what they govern.

    ``label_force`` is the force a label such as "Vereinbart:" gives every clause of its line.
    """
    clauses = split_request_heads(text, split_clauses(text, start, end))
    boost, accepted, request = label_force, None, False
    i = 0
    while i < len(clauses):
        c_start, c_end = clauses[i]
        clause = text[c_start:c_end]
        if i + 1 < len(clauses) and is_complement(text, clauses[i + 1]):
            hits = index.hits(c_start, c_end)
            if cue.ASSIGN.found(clause, hits) or intends(clause) or agreed(clause) or rx.RECOMMEND.search(clause):
                # "Die Verwaltung wird beauftragt, A zu tun, B zu tun": one commitment with its head.
                j = i + 1
                while j + 1 < len(clauses) and is_complement(text, clauses[j + 1]):
                    j += 1
                # A third party's own plan ("Die Schule beabsichtigt, …") is nobody's follow-up: it cancels
                # the intent cue.
                force = -0.45 if third_party(clause) and not cue.ASSIGN.found(clause, hits) else 0.45
                yield from split_und(text, index, Unit(c_start, clauses[j][1], force, None, False))
                i = j + 1
                continue
            if cue.REQUEST.found(clause, hits):
                request = True
                accepted = acceptor
                if accepted is None and cue.ACCEPT.found(text[c_end:end], index.hits(c_end, end)):
                    accepted = ""  # accepted within the sentence ("…, was zugesagt wird")
                if accepted is None and admin_speaker and rx.PROPOSE.search(clause):
                    accepted = ""  # the administration proposing its own next step
                boost = 0.45 if accepted is not None else -0.3
                i += 1
                continue
            if promise_head(clause) and not cue.NEGATION.found(clause, hits):
                # "Die Verwaltung sagt zu, die Unterlagen zu versenden": the promise passes to what it
                # governs, and the one who promises owns it.
                boost = 0.45
                accepted = "Verwaltung" if "erwaltung" in clause else find_person(clause)
                i += 1
                continue
            if (rx.OPINION_HEAD.search(clause) or rx.CONDITION_HEAD.search(clause)) \
                    and not cue.PROMISE.found(clause, hits):
                # "Herr Kurz meint, dass die Sitzung im März stattfinden muss": a view, no promise;
                # "… unter der Bedingung zugestimmt, dass … vorgelegt wird": a condition, nobody's task.
                boost = -0.3
                i += 1
                continue
            if is_speech_head(clause, hits):
                i += 1
                continue
        if i + 1 < len(clauses) and text.startswith("um ", clauses[i + 1][0]) and \
                own_kind(text, index, *clauses[i + 1]) == own_kind(text, index, c_start, c_end):
            # "Die Verwaltung hält Rücksprache …, um … zu ermitteln": the purpose belongs to the task.
            c_end = clauses[i + 1][1]
            i += 1
        yield from split_und(text, index, Unit(c_start, c_end, boost, accepted, request))
        i += 1


def is_complement(text: str, span: Span) -> bool:
    """Whether a clause is governed by the one before it ("dass …", a zu-infinitive group)."""
    seg = text[span[0]:span[1]]
    return starts_with_any(seg, ("dass ", "daß ")) or ZU_INF_ANY.search(seg)


# The words without which rx.SPEECH_VERB, rx.INTENT and rx.AGREED cannot match (one is in each branch).
_SPEECH_VERB_WORDS: Final = ("teilt", "führt", "erklärt", "informiert")
_INTENT_WORDS: Final = ("plant", "beabsichtig", "angestrebt", "vorgesehen")
_AGREED_WORDS: Final = ("beschl", "verein", "verabred", "besproch", "verständig", "dafür aus")


def is_speech_head(clause: str, hits: Hits | None = None) -> bool:
    """Whether a clause only introduces speech ("Herr X teilt mit, dass …"); ``hits``: its word bits, if known."""
    verb = contains_any(clause, _SPEECH_VERB_WORDS) and rx.SPEECH_VERB.search(clause) is not None
    correlate = ends_with_any(clause.rstrip(), rx.CORRELATE_WORDS) and rx.CORRELATE_END.search(clause) is not None
    return verb or correlate or find_speaker(clause, hits) is not None


def promise_head(clause: str) -> bool:
    """``rx.PROMISE_HEAD`` ("sagt zu, …"), tried only where the clause ends in a word that ends one of its
    branches or contains the words of the other."""
    return (ends_with_any(clause.rstrip(), rx.PROMISE_HEAD_ENDS) or contains_any(clause, rx.PROMISE_HEAD_WORDS)) \
        and rx.PROMISE_HEAD.search(clause) is not None


def intends(segment: str) -> bool:
    """``rx.INTENT``, tried only when a word that each of its branches contains occurs."""
    return contains_any(segment, _INTENT_WORDS) and rx.INTENT.search(segment) is not None


def agreed(segment: str) -> bool:
    """``rx.AGREED``, tried only when a word that each of its branches contains occurs."""
    return contains_any(segment, _AGREED_WORDS) and rx.AGREED.search(segment) is not None


def split_und(text: str, index: CueIndex, unit: Unit) -> Iterator[Unit]:
    """Split "A zu tun und B zu tun" when B brings its own kind (a meeting, a time, a referral)."""
    seg = text[unit.start:unit.end]
    contrast = seg.find(", sondern ")
    if contrast > 0 and cue.NEGATION.search(seg, 0, contrast):
        # "nicht extern zu vergeben, sondern die AG einzurichten": only what follows "sondern" is owed.
        start = unit.start + contrast + len(", sondern ")
        unit = Unit(start, unit.end, unit.boost, unit.accepted_by, unit.head_request)
        seg = text[unit.start:unit.end]
    for n, (und_start, und_end) in enumerate(und_spans(seg)):
        if n >= MAX_UND:
            break  # bounded work on run-on garbage: real clauses have few "und"
        left, right = seg[:und_start], seg[und_end:]
        tail = left[-60:]
        if starts_with_any(right, ("dazu ", "hierzu ", "dafür ", "hierfür ")):
            continue  # "A zu tun und dazu B einzuberufen": B exists for A, one commitment
        if ends_with_any(tail.rstrip(), rx.FINITE_WORDS) and rx.FINITE_END.search(tail) and len(right.split()) >= 3:
            pass  # "…, dass X fertig sei und in der nächsten Sitzung genehmigt werde": two statements
        elif (
            not (zu_inf_end(tail) and zu_inf_end(right[-60:]))
            or len(left.split()) < 3
            or len(right.split()) < 3
            or not rx.CAPITALISED.search(" " + right)
        ):
            continue
        elif (right_kind := own_kind(text, index, unit.start + und_end, unit.end)) is DELIVERABLE \
                or right_kind is own_kind(text, index, unit.start, unit.start + und_start):
            continue  # the right part brings no kind of its own: one commitment
        cut = unit.start + und_start
        # "Die Verwaltung wird beauftragt A zu tun und B zu tun": B is assigned as well.
        inherited = 0.45 if cue.ASSIGN.found(left, index.hits(unit.start, cut)) or intends(left) else 0.0
        yield Unit(unit.start, cut, unit.boost, unit.accepted_by, unit.head_request)
        # The right part starts after "und": the quote is the shortest clause that states it.
        yield Unit(unit.start + und_end, unit.end, max(unit.boost, inherited), unit.accepted_by,
                    unit.head_request)
        return
    yield unit


def und_spans(segment: str) -> list[Span]:
    """The spans of the regex ``\\s+und\\s+`` in ``segment``, as ``finditer`` finds them (left to right, not
    overlapping), read from ``str.find`` hits of "und" (a regex starting with white space tries every blank)."""
    spans: list[Span] = []
    size, taken = len(segment), 0
    und = segment.find("und")
    while und >= 0:
        after = und + 3
        if und > taken and segment[und - 1].isspace() and after < size and segment[after].isspace():
            start = und - 1
            while start > taken and segment[start - 1].isspace():
                start -= 1
            end = after + 1
            while end < size and segment[end].isspace():
                end += 1
            spans.append((start, end))
            taken = end
            und = segment.find("und", end)
        else:
            und = segment.find("und", und + 1)
    return spans


def zu_inf_end(part: str) -> bool:
    """Whether ``part`` ends in a zu-infinitive ("… vorzulegen", "zu prüfen")."""
    return ZU_INF_END.search(part)


def own_kind(text: str, index: CueIndex, start: int, end: int) -> Kind:
    """The kind ``text[start:end]`` has on its own (used to decide whether "A und B" are two commitments)."""
    part, hits = text[start:end], index.hits(start, end)
    timed = find_times_possible(part, hits) and bool(find_times(part, hits=hits))
    return classify(part, False, timed, hits)
