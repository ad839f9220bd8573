"""The rule-based extractor: sentences -> clauses -> cues -> candidates.

Per sentence it keeps a little discourse state (who speaks, whether we are inside an
adopted resolution) and looks two sentences ahead for an acceptance ("Dies wird
zugesichert") of a request or proposal. Heads such as "Die Verwaltung wird beauftragt,"
or "Herr X bittet darum," pass their force on to the clauses they govern.

Speed comes from gating, not from doing less: every sentence only updates the discourse
state; the clause work runs on sentences with a commitment cue (or digits that could still
make one), and each clause is scored from its cues first, with the time grammar, the kind
and the owner looked up only while the best reachable score can still pass the threshold.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from core.extraction import cues as cue
from core.extraction.actions import make_action
from core.extraction.cues import CueIndex
from core.extraction.header import find_body as find_doc_body
from core.extraction.header import find_meeting_date
from core.extraction.kinds import classify, is_concrete_period
from core.extraction.owners import (
    Speaker,
    find_assignee,
    find_body,
    find_party,
    find_person,
    find_speaker,
    speaker_prefix_end,
    subject_person,
)
from core.extraction.sentences import (
    ZU_INF_END,
    Span,
    iter_sentence_blocks,
    split_clauses,
    split_request_heads,
)
from core.extraction.timex import TimeExpr, find_times, find_times_possible
from core.types import Candidate, Kind, MeetingContext

THRESHOLD = 0.45
LOOKAHEAD = 2
MAX_UND = 4
MIN_CLAUSE_CHARS = 12
_EPS = 1e-6
MIN_SENTENCE = 5  # shorter are crumbs, not even a heading such as "Beschluss:"
INDEX_BLOCK = 8192  # characters of paragraphs scanned for cue words at once

_PRONOUN_START = re.compile(r"^(?:Er|Sie|Dieser|Diese|Dies|Weiter|Ferner|Abschließend|Außerdem|Zudem)\b")
_ACCEPT_SENTENCE = re.compile(
    r"^(?:Dies|Das|Dieser|Diese|Dem|Der\s+Vorschlag|Die\s+Bitte|Die\s+Anregung|Gegen|Nachdem|Einvernehmlich"
    r"|Die\s+Mitglieder|Der\s+\w+\s+ist\s+damit|Die\s+\w+mitglieder|Der\s+Vorsitzende\s+stimmt)\b"
)
_REPORTED = re.compile(r"\b(?:solle|werde|sei|könne|müsse|seien|würden)\b")
_RESOLUTION_END = re.compile(
    r"^\s*(?:TOP\b|Protokoll\b|Wortprotokoll|Sachverhalt|Begründung|Beratung|Abstimmung|Sach-\s+und"
    r"|Beratungsinhalt|Herr\s|Frau\s)"
)
_RESOLUTION_START = re.compile(
    r"^\s*[„\"]?(?:Beschluss\w*|Ergebnis/Beschluss|Empfehlung|Der\s+\w+\s+beschließt|Es\s+wird\s+beschlossen)"
)
_SENTENCE_END_CHARS = frozenset(".!?…]“”\"')")  # the last character of a complete sentence
# The first character each anchored pattern can start with (after optional white space): a set
# lookup spares the regex call for most sentences.
_ACCEPT_FIRST = frozenset("DGNE")
_PRONOUN_FIRST = frozenset("ESDWFAZ")
_RESOLUTION_START_FIRST = frozenset("„\"BED")
_RESOLUTION_END_FIRST = frozenset("TPWSBAHF")
# A motion or draft is introduced: its "wird beauftragt" is not (yet) a task.
_PROPOSAL_START = re.compile(
    r"(?:Beschlussantrag|Beschlussvorschlag|folgenden\s+Antrag|Antrag\s+(?:der|des)\s+[\w-]+(?:\s+[\w-]+)?)\s*:\s*$"
    r"|\bverliest\b.*:\s*$|\bstellt\b.*\bAntrag\b.*:\s*$"
)
_ADOPTED = re.compile(
    r"(?:einstimmig|mehrheitlich|einmütig)\s+(?:beschlossen|angenommen|zugestimmt)|Beschluss:\s*(?:einstimmig"
    r"|mehrheitlich|beschlossen|angenommen)|\bwie\s+beantragt\b|Abstimmung(?:sergebnis)?:\s*(?:Ja|\d)"
    r"|Einmütige\s+Zustimmung|Zustimmung\s+zu"
)
# Where each branch of _ADOPTED starts ("wie beantragt": a few characters before its anchor).
_ADOPTED_ANCHORS = (
    "einstimmig", "mehrheitlich", "einmütig", "Beschluss:", "beantragt", "Abstimmung", "Einmütige", "Zustimmung",
)
_REJECTED = re.compile(
    r"nicht\s+weiter\s+beraten|abgelehnt|zurückgezogen|Abstimmung\s+[^.]{0,40}erfolgt\s+[^.]{0,20}nicht"
    r"|keine\s+Mehrheit|nicht\s+angenommen"
)
_ENUM_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z]\)|[-•])\s+")
_ENUM_MARK = re.compile(r"(?:\d{1,2}[.)]|[a-z]\)|[-•])\s+(?=[A-ZÄÖÜ])")  # at a given position (no ^)
_VERWALTUNG_PRESENT = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?(?:Die\s+(?:Stadt|Kreis|Gemeinde)?[Vv]erwaltung|Die\s+Kämmerei|Das\s+(?:Bau|Ordnungs|Jugend"
    r"|Sozial|Schul)?[Aa]mt(?:\s+\d+)?|Der\s+Fachbereich(?:\s+\d+)?|Der\s+Fachdienst(?:\s+\d+)?)\s+(?:prüft|hält|erstellt|legt|erarbeitet|klärt|ermittelt"
    r"|informiert|berichtet|führt|setzt|sorgt|nimmt|tritt|stellt|bereitet|beantragt|schreibt|lädt|leitet"
    r"|veranlasst|kümmert|organisiert)\b"
)
# Present-tense steps that happen after the meeting (unlike "berichtet", "stellt vor": said in it).
_ADMIN_ACTION = re.compile(
    # ("hält" and "beantragt" are left out: "hält … für sinnvoll" is an opinion, "beantragt, …" a motion)
    r"\s*\S+(?:\s+\S+){1,2}?\s+(?:prüft|erstellt|erarbeitet|klärt|ermittelt|sorgt|tritt|bereitet"
    r"|schreibt|lädt|leitet|veranlasst|kümmert|organisiert)\b"
)
_ZU_INF_ANY = re.compile(
    r"(?:\bzu\s+[a-zäöüß]{1,40}|\b[a-zäöüß]{2,40}zu[a-zäöüß]{2,40}(?:en|ern|eln))(?=\s*(?:[,.;:“”\"]|$))"
)
_FINITE_WORDS = (
    "sei", "ist", "wird", "werde", "wurde", "habe", "hat", "sind", "seien", "werden", "kann", "könne", "muss", "müsse",
    "soll", "solle",
)
_FINITE_END = re.compile(rf"\b(?:{'|'.join(_FINITE_WORDS)})\s*$")  # tried only where str.endswith found a word
_UND = re.compile(r"\s+und\s+")
_CAPITALISED = re.compile(r"\s[A-ZÄÖÜ][a-zäöüß]")
_PROPOSE = re.compile(r"\b(?:schlägt|schlug)\b|\bVorschlag\b")
_AGREED = re.compile(r"\b(?:beschlossen|beschließt|vereinbart|verabredet|besprochen\s+worden|verständig\w+)\b")
_INTENT_OWN = re.compile(r"beabsichtig")  # a person's own intention, unlike "geplant" (a plan of record)
_ON_BEHALF = re.compile(r"(?:seitens|von\s+Seiten|vonseiten)\s+der\s+Verwaltung")
_DIGIT = re.compile(r"\d")
_LOWER3 = re.compile(r"[a-zäöüß]{3}")
_HANDOVER = re.compile(r"vorgelegt|vorzulegen|vorlegen|einzubringen|eingebracht|einbringen|verteilen|schicken")
# The administration as the subject next to a future "wird"/"werden" (either order).
_ADMIN_SUBJECT = re.compile(
    r"\b(?:wird|werden)\s+(?:die|der|das)\s+(?:(?:Stadt|Kreis|Gemeinde)?[Vv]erwaltung|Kämmerei|Magistrat"
    r"|Bürgermeister(?:in)?|Oberbürgermeister(?:in)?|Landrat|Landrätin|Fachbereich|Fachdienst|[A-ZÄÖÜ]\w*amt)\b"
    r"|\b(?:Die|die)\s+(?:Stadt|Kreis|Gemeinde)?[Vv]erwaltung\s+(?:wird|werde)\b"
)
# Subjects outside the council and its administration: their plans are their own (guidelines: exclude).
_THIRD_PARTY = re.compile(
    r"\s*(?:(?:Die|Der|Das)\s+(?:[\w-]+\s+)?(?:Schule|Schulleitung|Firma|Investor|Investorin|Vorhabenträger\w*"
    r"|Bauherr\w*|Unternehmen|[\w-]*[Vv]erein|Bahn|Ministerium|Landesbetrieb|Eigentümer\w*|Kirchengemeinde"
    r"|Netzbetreiber)"
    r"|Nach\s+(?:Auskunft|Angaben|Mitteilung)\s+(?:des|der)\s+(?!Verwaltung\b)[\w-]+)\b"
)
# A committee's recommendation to the body that decides: a referral with a head ("empfiehlt dem Rat, …").
_RECOMMEND = re.compile(
    r"\bempfiehlt\s+(?:dem|der)\s+(?P<to>[\wÄÖÜäöüß-]*(?:[Rr]at|[Kk]reistag|[Aa]usschuss|[Vv]ersammlung|[Vv]ertretung))\b"
)
_UNTIL = re.compile(r"\bbis\s+(?:zur|zum|zu)\b")
# A stated milestone ("der Umzug erfolgt zum 01.01.2024", "die Begehung findet am … statt"): with a future date.
_MILESTONE = re.compile(r"\b(?:erfolgt|erfolgen|findet|finden|beginnt|beginnen|startet|starten)\b")
# A verbal promise governing the clause after it ("sagt zu, …"); a noun ("an dessen Zusage") recalls one.
_PROMISE_HEAD = re.compile(
    r"\b(?:sagt|sagte|sichert|sicherte)\b(?:\s+[\w.]+){0,10}?\s+zu\s*$|\b(?:kündigt|kündigte)\b(?:\s+[\w.]+){0,10}?\s+an\s*$"
    r"|\b(?:verspricht|versprach|verpflichtet\s+sich)\b|\b(?:hat|haben|hatte)\s+(?:\w+\s+){0,4}?(?:zugesagt|zugesichert)\s*$"
)
_INTENT = re.compile(r"beabsichtig|geplant|angestrebt|vorgesehen|\bplant\b")
_SPEECH_VERB = re.compile(r"\b(?:teilt|führt|erklärt|informiert)\w*\b")


@dataclass
class _State:
    speaker: Speaker | None = None
    speaker_age: int = 99
    reported: bool = False
    resolution: bool = False
    member: bool = False  # the sentence's speaker is a council member (their "muss" is an opinion)
    proposal: bool = False  # inside a motion or draft resolution that is read out, not adopted
    adopted: bool = False  # the document records an adoption ("einstimmig beschlossen")
    admins: set[str] = field(default_factory=set)  # speakers seen informing for the administration
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
_Sentence = tuple[int, int, CueIndex]


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    end: int
    boost: float  # force inherited from a governing head
    accepted_by: str | None
    head_request: bool


class RulesExtractor:
    """The default extractor: hand-written German rules, no model, linear time."""

    name = "rules"

    def extract(self, text: str, context: MeetingContext) -> list[Candidate]:
        """Candidates in text order; ``text[c.start:c.end] == c.quote``."""
        return list(iter_candidates(text, context))


def iter_candidates(text: str, context: MeetingContext) -> Iterator[Candidate]:
    """Stream candidates paragraph by paragraph (memory stays bounded for huge inputs)."""
    meeting = context.meeting_date or find_meeting_date(text)
    doc_body = context.body or find_doc_body(text)
    state = _State(adopted=_records_adoption(text))
    window: list[_Sentence] = []
    for sentence in _iter_sentences(text):
        window.append(sentence)
        if len(window) > LOOKAHEAD:
            yield from _process(text, window[0], window[1:], state, context, meeting, doc_body)
            window.pop(0)
    while window:
        yield from _process(text, window[0], window[1:], state, context, meeting, doc_body)
        window.pop(0)


def _records_adoption(text: str) -> bool:
    """Whether ``_ADOPTED`` occurs anywhere, trying it only where one of its branches can start."""
    for anchor in _ADOPTED_ANCHORS:
        pos = text.find(anchor)
        while pos >= 0:
            start = text.rfind("wie", max(0, pos - 40), pos) if anchor == "beantragt" else pos
            if start >= 0 and _ADOPTED.match(text, start) is not None:
                return True
            pos = text.find(anchor, pos + 1)
    return False


def _iter_sentences(text: str) -> Iterator[_Sentence]:
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
    span: _Sentence,
    ahead: list[_Sentence],
    state: _State,
    context: MeetingContext,
    meeting: dt.date | None,
    doc_body: str | None,
) -> list[Candidate]:
    """Update the discourse state with one sentence and return its candidates (a list: most have none)."""
    s_start, s_end, index = span
    sentence = text[s_start:s_end]
    hits = index.hits(s_start, s_end)
    _update_state(sentence, hits, state)
    if len(sentence) < MIN_CLAUSE_CHARS:
        return []
    if sentence[0] in _ACCEPT_FIRST and _ACCEPT_SENTENCE.match(sentence) and cue.ACCEPT.found(sentence, hits) \
            and not _ZU_INF_ANY.search(sentence):
        return []  # "Dies wird zugesichert.": the acceptance of the request before, not a task of its own
    if sentence.rstrip().endswith(":") or not _LOWER3.search(sentence):
        return []  # headings ("Beschluss:") and tables
    if len(sentence) < 120 and sentence.rstrip()[-1:] not in _SENTENCE_END_CHARS:
        return []  # title lines: "Sozialausschuss am 31.08.2023", "TOP 3 Bericht der Verwaltung"
    if not cue.may_commit(sentence, hits) and (
        not (_DIGIT.search(sentence) or _VERWALTUNG_PRESENT.match(sentence))
        or _digits_cannot_commit(sentence, hits, state)
    ):
        return []  # most sentences: no cue at all, only the discourse state needed updating
    acceptor = _acceptance(text, ahead) if cue.REQUEST.found(sentence, hits) else None
    rejected = bool(ahead) and _rejected(text, ahead[0])
    admin_speaker = bool(state.speaker and state.speaker.admin and state.speaker_age == 0)
    found = []
    for unit in _units(text, index, s_start, s_end, acceptor, admin_speaker):
        if rejected:
            unit = _Unit(unit.start, unit.end, unit.boost - 0.5, unit.accepted_by, unit.head_request)
        cand = _candidate(text, index, unit, sentence, hits, state, context, meeting, doc_body)
        if cand is not None:
            found.append(cand)
    return found


def _update_state(sentence: str, hits: cue.Hits, state: _State) -> None:
    state.sentence, state._assignee_read = sentence, False
    first = sentence[:1]
    if (first in _RESOLUTION_START_FIRST or first.isspace()) and _RESOLUTION_START.match(sentence):
        state.resolution = True
        if not sentence.lstrip().startswith(("„", '"', "Der", "Die", "Es")):
            state.proposal = False  # a "Beschluss:" heading, not a resolution text being read out
    elif (first in _RESOLUTION_END_FIRST or first.isspace()) and _RESOLUTION_END.match(sentence):
        state.resolution = False
    speaker = find_speaker(sentence)
    if sentence.endswith(":") and _PROPOSAL_START.search(sentence):
        state.proposal = not state.adopted
    elif state.proposal and speaker is not None:
        state.proposal = False
    if speaker is not None:
        if speaker.admin:
            state.admins.add(speaker.name)
        elif speaker.name in state.admins:
            speaker = replace(speaker, admin=True)
        state.speaker, state.speaker_age = speaker, 0
        state.reported = False
        state.member = speaker.member
    elif first in _PRONOUN_FIRST and _PRONOUN_START.match(sentence):
        state.speaker_age = 0
    else:
        state.speaker_age += 1
        state.reported = bool(hits[0] & cue.REPORTED_WORDS.bit) and _REPORTED.search(sentence) is not None
        state.member = state.member and state.speaker_age <= 1


def _digits_cannot_commit(sentence: str, hits: cue.Hits, state: _State) -> bool:
    """For a sentence without any commitment cue but with digits: can no clause reach the threshold?

    Without a cue a clause scores at most a future date (0.4) and a future word such as "zeitnah"
    (0.1), plus the force of a governing head and the bonuses of the sentence's context. Summing the
    most each could give is exact and spares the clause work for tables, amounts and "TOP 5".
    """
    best = 0.4 if find_times_possible(sentence) else 0.0
    if cue.FUTURE_WORDS.found(sentence, hits):
        best += 0.1
    if _MILESTONE.search(sentence):
        best += 0.1  # "… erfolgt bis zum 15.07.2024"
    if _intends(sentence) or _agreed(sentence) or cue.REQUEST.found(sentence, hits):
        best += 0.45  # a head ("bittet darum, …") passing its force on
    if state.proposal:
        best -= 0.8
    elif state.speaker and state.speaker.admin and state.speaker_age <= 1:
        best += 0.1
    if "Verwaltung" in sentence or _VERWALTUNG_PRESENT.match(sentence):
        best += 0.6  # "Die Verwaltung prüft …" inside a resolution or as an enumerated item, or with a time
    return best < THRESHOLD - _EPS


def _rejected(text: str, span: _Sentence) -> bool:
    """Whether the sentence rejects what came before ("Der Antrag wird abgelehnt.")."""
    a, b, _ = span
    sentence = text[a:b]
    # Each branch of _REJECTED contains one of these words: most sentences skip the regex.
    maybe = "nicht" in sentence or "abgelehnt" in sentence or "zurückgezogen" in sentence or "Mehrheit" in sentence
    return maybe and _REJECTED.search(text, a, b) is not None


def _acceptance(text: str, ahead: list[_Sentence]) -> str | None:
    """Who accepts a request made in this sentence: "Verwaltung", a person, "" (a body) or None."""
    for a_start, a_end, index in ahead:
        nxt = text[a_start:a_end]
        if not cue.ACCEPT.found(nxt, index.hits(a_start, a_end)):
            continue
        if len(nxt) < 120 or (nxt[0] in _ACCEPT_FIRST and _ACCEPT_SENTENCE.match(nxt)):
            if "erwaltung" in nxt:
                return "Verwaltung"
            person = find_person(nxt)
            return person or ""
    return None


def _units(
    text: str, index: CueIndex, start: int, end: int, acceptor: str | None, admin_speaker: bool
) -> Iterator[_Unit]:
    """Clauses of a sentence, with heads merged into or passing force to what they govern."""
    clauses = split_request_heads(text, split_clauses(text, start, end))
    boost, accepted, request = 0.0, None, False
    i = 0
    while i < len(clauses):
        c_start, c_end = clauses[i]
        clause = text[c_start:c_end]
        if i + 1 < len(clauses) and _is_complement(text, clauses[i + 1]):
            hits = index.hits(c_start, c_end)
            if cue.ASSIGN.found(clause, hits) or _intends(clause) or _agreed(clause) or _RECOMMEND.search(clause):
                # "Die Verwaltung wird beauftragt, A zu tun, B zu tun": one commitment with its head.
                j = i + 1
                while j + 1 < len(clauses) and _is_complement(text, clauses[j + 1]):
                    j += 1
                # A third party's own plan ("Die Schule beabsichtigt, …") is nobody's follow-up: it cancels
                # the intent cue.
                force = -0.45 if _THIRD_PARTY.match(clause) and not cue.ASSIGN.found(clause, hits) else 0.45
                yield from _split_und(text, index, _Unit(c_start, clauses[j][1], force, None, False))
                i = j + 1
                continue
            if cue.REQUEST.found(clause, hits):
                request = True
                accepted = acceptor
                if accepted is None and cue.ACCEPT.found(text[c_end:end], index.hits(c_end, end)):
                    accepted = ""  # accepted within the sentence ("…, was zugesagt wird")
                if accepted is None and admin_speaker and _PROPOSE.search(clause):
                    accepted = ""  # the administration proposing its own next step
                boost = 0.45 if accepted is not None else -0.3
                i += 1
                continue
            if _PROMISE_HEAD.search(clause) and not cue.NEGATION.found(clause, hits):
                # "Die Verwaltung sagt zu, die Unterlagen zu versenden": the promise passes to what it
                # governs, and the one who promises owns it.
                boost = 0.45
                accepted = "Verwaltung" if "erwaltung" in clause else find_person(clause)
                i += 1
                continue
            if _is_speech_head(clause):
                i += 1
                continue
        if i + 1 < len(clauses) and text.startswith("um ", clauses[i + 1][0]) and \
                _own_kind(text[clauses[i + 1][0]:clauses[i + 1][1]]) == _own_kind(clause):
            # "Die Verwaltung hält Rücksprache …, um … zu ermitteln": the purpose belongs to the task.
            c_end = clauses[i + 1][1]
            i += 1
        yield from _split_und(text, index, _Unit(c_start, c_end, boost, accepted, request))
        i += 1


def _is_complement(text: str, span: Span) -> bool:
    seg = text[span[0]:span[1]]
    return seg.startswith(("dass ", "daß ")) or ("zu" in seg and _ZU_INF_ANY.search(seg) is not None)


def _is_speech_head(clause: str) -> bool:
    verb = ("teilt" in clause or "führt" in clause or "erklärt" in clause or "informiert" in clause) \
        and _SPEECH_VERB.search(clause) is not None
    return verb or find_speaker(clause) is not None


def _intends(segment: str) -> bool:
    """``_INTENT``, tried only when a word that each of its branches contains occurs."""
    return (
        "plant" in segment or "beabsichtig" in segment or "angestrebt" in segment or "vorgesehen" in segment
    ) and _INTENT.search(segment) is not None


def _agreed(segment: str) -> bool:
    """``_AGREED``, tried only when a word that each of its branches contains occurs."""
    return (
        "beschl" in segment or "verein" in segment or "verabred" in segment or "besproch" in segment
        or "verständig" in segment
    ) and _AGREED.search(segment) is not None


def _split_und(text: str, index: CueIndex, unit: _Unit) -> Iterator[_Unit]:
    """Split "A zu tun und B zu tun" when B brings its own kind (a meeting, a time, a referral)."""
    seg = text[unit.start:unit.end]
    contrast = seg.find(", sondern ")
    if contrast > 0 and cue.NEGATION.search(seg, 0, contrast):
        # "nicht extern zu vergeben, sondern die AG einzurichten": only what follows "sondern" is owed.
        unit = replace(unit, start=unit.start + contrast + len(", sondern "))
        seg = text[unit.start:unit.end]
    for n, match in enumerate(_UND.finditer(seg) if "und" in seg else ()):
        if n >= MAX_UND:
            break  # bounded work on run-on garbage: real clauses have few "und"
        left, right = seg[: match.start()], seg[match.end():]
        tail = left[-60:]
        if right.startswith(("dazu ", "hierzu ", "dafür ", "hierfür ")):
            continue  # "A zu tun und dazu B einzuberufen": B exists for A, one commitment
        if tail.rstrip().endswith(_FINITE_WORDS) and _FINITE_END.search(tail) and len(right.split()) >= 3:
            pass  # "…, dass X fertig sei und in der nächsten Sitzung genehmigt werde": two statements
        elif (
            not (_zu_inf_end(tail) and _zu_inf_end(right[-60:]))
            or len(left.split()) < 3
            or len(right.split()) < 3
            or not _CAPITALISED.search(" " + right)
        ):
            continue
        elif (right_kind := _own_kind(right)) is Kind.DELIVERABLE or right_kind is _own_kind(left):
            continue  # the right part brings no kind of its own: one commitment
        cut = unit.start + match.start()
        # "Die Verwaltung wird beauftragt A zu tun und B zu tun": B is assigned as well.
        inherited = 0.45 if cue.ASSIGN.found(left, index.hits(unit.start, cut)) or _intends(left) else 0.0
        yield _Unit(unit.start, cut, unit.boost, unit.accepted_by, unit.head_request)
        # The right part starts after "und": the quote is the shortest clause that states it.
        yield _Unit(unit.start + match.end(), unit.end, max(unit.boost, inherited), unit.accepted_by,
                    unit.head_request)
        return
    yield unit


def _zu_inf_end(part: str) -> bool:
    return "zu" in part and ZU_INF_END.search(part) is not None  # each branch contains "zu"


def _own_kind(part: str) -> Kind:
    return classify(part, False, bool(find_times(part)))


def _candidate(
    text: str,
    index: CueIndex,
    unit: _Unit,
    sentence: str,
    sentence_hits: cue.Hits,
    state: _State,
    context: MeetingContext,
    meeting: dt.date | None,
    doc_body: str | None,
) -> Candidate | None:
    start, end = unit.start, unit.end
    while end > start and text[end - 1] in " ,;":
        end -= 1
    if text[start] in ",; ":
        start += 1
    enum = _ENUM_MARK.match(text, start, end)
    if enum is not None:
        start = enum.end()  # "2. Die Verwaltung wird beauftragt …": the number is not part of the quote
    elif text[start:start + 1].isupper() and ":" in text[start:start + 80]:
        start += speaker_prefix_end(text[start:end])  # "Bürgermeister Vogt: Die Arbeiten beginnen …"
    clause = text[start:end]
    if len(clause) < MIN_CLAUSE_CHARS:
        return None
    # A unit lies inside its sentence: as long as the sentence, it is the sentence.
    hits = sentence_hits if len(clause) == len(sentence) else index.hits(start, end)
    verwaltung_present = _VERWALTUNG_PRESENT.match(clause) is not None
    if unit.boost <= 0 and not cue.may_commit(clause, hits) and not _DIGIT.search(clause) and not verwaltung_present:
        return None  # the common case: nothing that could make this clause a commitment
    cues = cue.read_cues(clause, hits)
    admin_speaker = bool(state.speaker and state.speaker.admin and state.speaker_age <= 1)
    context_bonus = 0.0  # everything but the time expressions and the kind, which need the time grammar
    if state.member and not unit.head_request and not _ADMIN_SUBJECT.search(clause):
        context_bonus -= 0.15  # a member's "muss" is an opinion, unless the administration is the subject
    if _THIRD_PARTY.match(clause) and not unit.boost > 0:
        context_bonus -= 0.45  # "Der Förderverein wird im Juni ein Fest veranstalten": its own plan
    if state.proposal:
        return None  # a motion read out or introduced, not adopted: nobody owes anything yet
    if admin_speaker:
        context_bonus += 0.1
    if cues.future and not cues.past and _ADMIN_SUBJECT.search(clause):
        context_bonus += 0.2  # "… wird die Verwaltung die Beschilderung überprüfen": the administration's own future
    if state.resolution and (cues.modal or cues.zu_sein or verwaltung_present):
        context_bonus += 0.3
    if verwaltung_present and _ENUM_ITEM.match(sentence):
        context_bonus += 0.3
    elif verwaltung_present and _ADMIN_ACTION.match(clause):
        context_bonus += 0.45  # "Die Verwaltung prüft das." / "leitet dies weiter": a step taken after the meeting
    if cues.request and not unit.head_request and not cues.assign:
        context_bonus -= 0.3
    # The best a date and a future kind could still add: skip the time grammar when even that fails.
    # (_EPS: the bound is summed before rounding; float noise must not prune a borderline clause.)
    # "Die Verwaltung legt im Oktober den Entwurf vor": an administrative present with a future time is a plan.
    present_plan = 0.2 if verwaltung_present else 0.1 if _MILESTONE.search(clause) else 0.0
    # A date adds the most, so the bound with one is taken first: when it fails, the time pre-check
    # is not needed either (float sums are monotone: without the date the sum is never larger).
    future_bonus = 0.2 if cues.future else 0.0
    best = cue.commitment_score(cues, True, True) + unit.boost + context_bonus + future_bonus + present_plan
    if best < THRESHOLD - _EPS:
        return None
    timed = find_times_possible(clause)
    if not timed and cue.commitment_score(cues, False, False) + unit.boost + context_bonus + future_bonus \
            < THRESHOLD - _EPS:
        return None
    times = find_times(text, start, end, meeting, context.land, context.next_meetings, doc_body) if timed else []
    due_expr = _due(times, meeting)
    has_period = any(t.vague and is_concrete_period(t.kind) for t in times)
    past_date = any(t.due is not None and meeting is not None and t.due <= meeting for t in times)
    future_times = [t for t in times if t.due is None or meeting is None or t.due > meeting]
    score = cue.commitment_score(cues, bool(future_times), due_expr is not None) + unit.boost
    penalty = 0.3 if past_date and due_expr is None else 0.0
    if future_times:
        context_bonus += present_plan
    if score + context_bonus - penalty + (0.2 if cues.future else 0.0) < THRESHOLD - _EPS:
        return None  # not even the bonus of a future meeting, referral or report could lift it
    kind = classify(clause, due_expr is not None, has_period)
    if kind is Kind.MEETING:
        kind = _meeting_as_deadline(text, clause, start, times, due_expr is not None) or kind
    if cues.future and kind in (Kind.MEETING, Kind.FORWARD, Kind.REPORT_BACK):
        score += 0.2
    # Rounded so that float noise from the order of additions never decides a borderline item.
    score = round(max(0.0, min(1.0, score + context_bonus - penalty)), 6)
    if score < THRESHOLD:
        return None
    owner = _owner(clause, hits, kind, unit, state, doc_body)
    due_text = due_expr.text if due_expr is not None else (times[0].text if times else None)
    return Candidate(
        quote=clause,
        start=start,
        end=end,
        action=make_action(clause),
        owner=owner,
        due=due_expr.due if due_expr is not None else None,
        due_text=due_text,
        kind=kind,
        confidence=round(score, 3),
    )


def _meeting_as_deadline(text: str, clause: str, start: int, times: list[TimeExpr], has_due: bool) -> Kind | None:
    """The kind of "die Kostenberechnung bis zur Februarsitzung vorlegen": the meeting only sets the deadline."""
    for t in times:
        if t.kind in ("next_meeting", "month_meeting") and _UNTIL.search(text, max(start, t.start - 8), t.start + 8):
            kind = classify(clause[: t.start - start] + clause[t.end - start:], has_due, True)
            return kind if kind is not Kind.MEETING else None
    return None


def _due(times: list[TimeExpr], meeting: dt.date | None) -> TimeExpr | None:
    for t in times:
        if t.due is not None and (meeting is None or t.due > meeting):
            return t
    return None


def _owner(clause: str, hits: cue.Hits, kind: Kind, unit: _Unit, state: _State, doc_body: str | None) -> str | None:
    """Who owes the commitment. The party and the body named in the clause are read only where
    the answer can still depend on them (``or`` stops at the first name found)."""
    speaker = state.speaker if state.speaker and state.speaker.admin and (
        state.speaker_age <= 1 or state.reported) else None
    speaker_name = speaker.name if speaker else None
    accepted = unit.accepted_by or None
    if kind is Kind.MEETING:
        planner = state.speaker if state.speaker and not state.speaker.member and state.speaker_age <= 1 else None
        if _INTENT_OWN.search(clause) and planner:
            return planner.name
        # "seitens der Verwaltung zurückgestellt": the body still holds the meeting.
        party = None if _ON_BEHALF.search(clause) else find_party(clause)
        if "itzung" in clause:  # a session of this body ("auf die Aprilsitzung"): the body meets, not the speaker
            return find_body(clause) or party or doc_body or "Ausschuss"
        return find_body(clause) or party or speaker_name or doc_body or "Ausschuss"
    assignee = state.assignee()
    if assignee:
        # Each task of "X beauftragt die Verwaltung, A zu tun und B vorzulegen" is the assignee's.
        return assignee
    if kind is Kind.FORWARD:
        recommended = _RECOMMEND.search(clause)
        if recommended:
            return recommended.group("to")  # "Der Ausschuss empfiehlt dem Rat, …": the Rat decides next
        if _HANDOVER.search(clause):
            return find_party(clause) or accepted or speaker_name or find_body(clause)
        return find_body(clause) or find_party(clause) or accepted or speaker_name
    party = find_party(clause)
    # The person who promises, or who is the subject of a future step ("Herr Schneider wird … nachreichen").
    person = find_person(clause) if cue.PROMISE.found(clause, hits) else subject_person(clause)
    if party or person or accepted:
        return party or person or accepted
    if speaker:
        return speaker.name
    if state.resolution:
        return "Verwaltung"
    return None


RULES = RulesExtractor()
