"""Lexical cues that make a clause a commitment or rule it out, and the score they add up to.

A clause is scored from independent features: modal obligation ("muss … werden",
"ist … zu prüfen"), assignment ("wird beauftragt"), promise ("sagt zu"), future
passive ("wird … vorgelegt"), scheduling and referral words, and a future time
expression; against it stand past tense, negation, "zur Kenntnis", opinions,
conditionals, standing routines and things done inside the same meeting.
All patterns are flat alternations with ``\\b`` anchors (no nested quantifiers).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+")
_PLAIN = re.compile(r"^[\wäöüß]+$")
_KEY = re.compile(r"[\wäöüß]{2,}")


# Every cue family owns one bit; a segment is looked up once and answers for all families.
_WORD_BITS: dict[str, int] = {}  # plain word -> families it proves
_KEY_BITS: dict[str, int] = {}  # key word of a phrase -> families whose regex must confirm
_PREFIX_BITS: dict[str, int] = {}  # 4-letter prefix of a key word -> families whose regex must confirm


_WORD_SET: frozenset[str] = frozenset()  # the keys of the three tables, as sets: intersections stay in C
_KEY_SET: frozenset[str] = frozenset()
_PREFIX_SET: frozenset[str] = frozenset()


@lru_cache(maxsize=512)
def _lookup(segment: str) -> Hits:
    """The word bits of a segment tokenised on its own (cached; ``CueIndex.hits`` spares most calls)."""
    words = frozenset(_WORD.findall(segment.lower()))
    sure = maybe = 0
    for word in words & _WORD_SET:
        sure |= _WORD_BITS[word]
    for word in words & _KEY_SET:
        maybe |= _KEY_BITS[word]
    for prefix in _PREFIX_SET.intersection([word[:4] for word in words]):
        maybe |= _PREFIX_BITS[prefix]
    return sure, maybe, None, 0


class WordCue:
    """A cue family: single words are looked up in a set, phrases run a regex only when their key word occurs.

    Looking words up is what keeps extraction fast: a dozen alternation regexes per
    clause cost more than the rest of the pipeline together.
    """

    def __init__(self, alternatives: tuple[str, ...]) -> None:
        if _SCAN_READY:
            raise RuntimeError("cue families are defined at import, before the paragraph scan is built")
        self.bit = 1 << len(_FAMILIES)
        _FAMILIES.append(self)
        self.words = frozenset(a.lower() for a in alternatives if _PLAIN.match(a))
        phrases = [a for a in alternatives if not _PLAIN.match(a)]
        self.keys = frozenset(_key(a) for a in phrases)
        self.regex = re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE) if phrases else None
        if self.regex is not None:
            _PHRASES[self.bit] = self.regex
        self.prefixes = frozenset(k[:4] for k in self.keys if len(k) >= 4)  # "sagt\w*" also matches "sagte"
        for table, entries in ((_WORD_BITS, self.words), (_KEY_BITS, self.keys), (_PREFIX_BITS, self.prefixes)):
            for entry in entries:
                table[entry] = table.get(entry, 0) | self.bit
        global _WORD_SET, _KEY_SET, _PREFIX_SET  # filled once, at import
        _WORD_SET, _KEY_SET, _PREFIX_SET = frozenset(_WORD_BITS), frozenset(_KEY_BITS), frozenset(_PREFIX_BITS)
        _lookup.cache_clear()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """True when the family occurs in ``text[pos:endpos]``."""
        segment = text[pos:endpos] if pos or endpos is not None else text
        return self.found(segment, _lookup(segment))

    def found(self, segment: str, hits: Hits) -> bool:
        """True when the family occurs in ``segment``, whose word bits ``hits`` were looked up already."""
        if hits[0] & self.bit:
            return True
        return hits[1] & self.bit != 0 and _confirm(segment, hits, self.bit, True) != 0


def _key(phrase: str) -> str:
    """The lower-cased first word of a phrase: the phrase can only match where it starts a word.

    A key shorter than 4 letters must end the word (``\\s+`` or ``\\b`` follows): longer words are found by
    their 4-letter prefix only (``_PREFIX_BITS``), and ``CueIndex.confirm`` tries phrases only there.
    """
    key = _KEY.match(phrase)
    rest = phrase[key.end():] if key else ""
    if key is None or (len(key.group()) < 4 and rest and not rest.startswith(("\\s+", "\\b"))):
        raise ValueError(f"a phrase must start with a whole key word: {phrase!r}")
    return key.group().lower()


_FAMILIES: list[WordCue] = []
_PHRASES: dict[int, re.Pattern[str]] = {}  # family bit -> the regex of its phrases
_SCAN_READY = False
# A segment's word bits: the families a word proves, those whose phrase regex must confirm, and the
# CueIndex that knows where their key words are (with the segment's offset in it), if any.
Hits = tuple[int, int, "CueIndex | None", int]


def _confirm(segment: str, hits: Hits, families: int, first: bool = False) -> int:
    """Those of ``families`` (whose key words occur) that their phrase regex confirms in ``segment``."""
    index = hits[2]
    if index is not None:
        return index.confirm(segment, hits[3], families, first)
    found = 0
    while families:
        bit = families & -families
        families ^= bit
        if _PHRASES[bit].search(segment) is not None:
            found |= bit
            if first:
                break
    return found


def family_hits(segment: str, hits: Hits | None = None) -> int:
    """The bits of every cue family that occurs in ``segment`` (one word lookup, regexes only to confirm)."""
    if hits is None:
        hits = _lookup(segment)
    return hits[0] | _confirm(segment, hits, hits[1] & ~hits[0])


def _rx(*alternatives: str) -> WordCue:
    return WordCue(alternatives)


MODAL = _rx("muss", "müssen", "müsse", "soll", "sollen", "solle")
MODAL_WEAK = _rx("sollte", "sollten")  # Konjunktiv II: advice more often than obligation
WERDE = re.compile(r"\bwerde\b")  # Konjunktiv I in reported speech: "er werde … vorlegen"
WERDEN_FUTURE = re.compile(r"\b(?:wird|werden|werde)\b")
# "ist/sind … zu prüfen", "einzuarbeiten sind": zu-infinitive with sein = obligation.
ZU_INF = re.compile(r"\bzu\s+[a-zäöüß]{3,40}(?:en|ern|eln)\b|\b[a-zäöüß]{2,40}zu[a-zäöüß]{2,40}(?:en|ern|eln)\b")
SEIN = _rx("ist", "sind", "sei", "seien")
CAN_NOW = re.compile(r"\bkann\b[^.]{0,160}?\bnun\b|\bkann\s+nun\b", re.IGNORECASE)

ASSIGN = _rx(
    r"beauftragt", r"beauftragen", r"ermächtigt", r"ermächtigen", r"gebeten", r"ersucht", r"ersuchen",
    r"Prüfauftrag", r"Arbeitsauftrag", r"Auftrag\s+an\s+(?:die|den)", r"aufgetragen",
)
PROMISE = _rx(
    r"sagt\w*\s+(?:[\w.]+\s+){0,10}zu\b", r"sicher\w*\s+(?:[\w.]+\s+){0,10}zu\b", r"zugesagt", r"zugesichert",
    r"beabsichtigt", r"beabsichtige", r"angestrebt", r"nachgereicht", r"nachgeliefert", r"nachzuliefern",
    r"nachzureichen", r"verspricht", r"Zusage", r"kündigt\s+an", r"in\s+Aussicht", r"zusagt", r"zusagen",
    r"zusichert", r"zusichern", r"annehme", r"nimmt\s+(?:\w+\s+){0,3}an",
    r"Antwort\s+erfolgt", r"Beantwortung\s+erfolgt", r"Stellungnahme\s+erfolgt", r"Rückmeldung\s+erfolgt",
)
PLANNED = _rx(r"plant", r"geplant", r"vorgesehen", r"beabsichtigt\s+ist")  # weaker: also used for states
STRONG_SCHEDULE = _rx(r"vertagt", r"vertagen", r"verwiesen", r"verweisen", r"Verweisung", r"überwiesen",
                      r"weitergeleitet", r"weiterzuleiten", r"delegieren", r"Wiedervorlage",
                      r"empfiehlt\s+(?:dem|der)\s+[\wäöü-]*(?:rat|kreistag|ausschuss|versammlung|vertretung)")
SCHEDULE = _rx(
    r"vertagt", r"vertagen", r"zurückgestellt", r"zurückzustellen", r"Wiedervorlage", r"auf\s+die\s+Tagesordnung",
    r"Sondersitzung", r"Ortstermin", r"Ortsbesichtigung", r"Begehung", r"Ortsbegehung",
    r"einzuberufen", r"einberufen",
    r"erneut\s+zu\s+beraten", r"erneut\s+beraten", r"begutachtet",
)
REFER = _rx(
    r"verwiesen", r"verweisen", r"Verweisung", r"überwiesen", r"weitergeleitet", r"weiterzuleiten",
    r"delegieren", r"zuzuleiten", r"zugeleitet", r"vorgelegt", r"vorzulegen", r"vorlegen", r"einzubringen",
    r"eingebracht", r"zu\s+verteilen", r"zur\s+Entscheidung", r"zur\s+Beschlussfassung", r"zu\s+schicken",
    r"weitergegeben", r"weiterzugeben", r"in\s+die\s+Fraktionen", r"beigefügt", r"beizufügen", r"übersandt",
    r"zu\s+übersenden", r"zugesandt", r"zur\s+Verfügung\s+gestellt",
)
REQUEST = _rx(
    r"bittet", r"bat", r"bitten", r"bitte",  # ("Sie bitte die Verwaltung, …": reported speech)
    r"schlägt\s+(?:[\w.-]+\s+){0,20}vor", r"schlug\s+(?:[\w.-]+\s+){0,20}vor",
    r"regt\s+an", r"regte\s+an", r"beantragt", r"Vorschlag", r"möchte", r"fordert", r"appelliert",
    r"plädiert", r"wünscht",
)
ACCEPT = _rx(
    r"zugesichert", r"zugesagt", r"sagt\w*\s+(?:\w+\s+){0,3}zu", r"sichert\w*\s+(?:\w+\s+){0,3}zu",
    r"befürwortet", r"einverstanden", r"zugestimmt", r"stimmt\w*\s+(?:\w+\s+){0,3}zu",
    r"einvernehmlich", r"Einvernehmen", r"keine\s+Einwendungen", r"kein\s+Widerspruch",
    r"keine\s+Einwände", r"angenommen", r"verständig\w+\s+sich", r"so\s+beschlossen",
    r"sprechen\s+sich\s+(?:\w+\s+){0,3}dafür\s+aus", r"Zustimmung", r"folgt\s+dem\s+Vorschlag",
)
RESOLUTION = re.compile(r"^\s*(?:Beschluss|Beschlussvorschlag|Beschlussantrag|Ergebnis)\b", re.IGNORECASE)

PAST = _rx(
    r"wurde", r"wurden", r"worden", r"war", r"waren", r"hatte", r"hatten", r"hat", r"haben", r"habe",
    r"erfolgte", r"stattgefunden", r"bereits", r"zwischenzeitlich", r"teilte", r"erklärte", r"musste",
    r"mussten", r"letzten", r"vergangenen", r"damals", r"seinerzeit", r"erinnert",
)
# "nicht mehr benötigten Zaunfelder" is attributive, not a negated statement; the family regex is
# case-insensitive, so the attributive check scopes case back in ("nicht entschieden sei" is negated).
NEGATION = _rx(
    r"nicht(?!\s+nur)(?!\s+(?:mehr\s+)?(?-i:[a-zäöüß]{1,40}(?:en|e|es|er)\s+[A-ZÄÖÜ]))",
    r"kein", r"keine", r"keinen", r"keiner", r"weder", r"niemand",
)
KENNTNIS = re.compile(r"Kenntnis|zur\s+Kenntnis|Mitteilung\s+zur", re.IGNORECASE)
OPINION = _rx(
    r"könnte", r"könnten", r"würde", r"würden", r"wäre", r"wären", r"möchte", r"wünschenswert",
    r"Meinung", r"Ansicht", r"Sicht", r"sinnvoll", r"appelliert", r"plädiert", r"fände", r"hofft",
    r"vielleicht", r"eventuell", r"evtl", r"man\s+könne", r"sollte\s+man", r"kritisiert",
    r"findet(?!.{0,160}?\bstatt\b)",  # "findet, dass …" is an opinion, "findet am … statt" an event
    r"zustimmen", r"mittragen",  # "Ihre Fraktion werde zustimmen": how a group will vote, nobody's task
    r"unbedingt", r"wichtig", r"Sorgfalt", r"wir\b(?!\s+werden\b)", r"Bedingung", r"sich\s+zeigen",
)
# A deadline of the public ("die Bewerbungsfrist endet am 31.05."): nobody in the administration owes it.
_PUBLIC_DEADLINES = tuple(
    rf"{noun}\s+(?:[\w.]+\s+){{0,8}}?(?:endet|abläuft|läuft)"
    for noun in ("Frist", "Bewerbungsfrist", "Antragsfrist", "Einwendungsfrist", "Anmeldefrist", "Abgabefrist")
)
ROUTINE = _rx(
    r"generell", r"grundsätzlich", r"jährlich", r"regelmäßig", r"in\s+der\s+Regel", r"üblicherweise",
    r"künftig", r"zukünftig", r"in\s+Zukunft", r"immer", r"stets", r"jeweils", r"zunächst\s+den",
    r"wie\s+üblich", r"wie\s+gewohnt", r"wie\s+jedes\s+Jahr",
    r"jedem", r"jeder", r"jedes", r"jede",
    r"gemäß\s+§+\s*\d+", r"nach\s+§+\s*\d+",  # a legal norm ("Gemäß § 3 BauGB ist die Öffentlichkeit zu beteiligen")
    *_PUBLIC_DEADLINES,
)
SAME_MEETING = _rx(
    r"heute", r"heutigen", r"in\s+dieser\s+Sitzung", r"nicht\s*öffentlichen\s+Teil", r"vorgezogen",
    r"vorzuziehen", r"Sitzungsunterbrechung", r"unterbrochen", r"im\s+Anschluss\s+an\s+die\s+Sitzung",
    r"Reihenfolge", r"zur\s+Abstimmung", r"Stimme\s+enthalten", r"verspäten", r"vorrangig", r"verliest",
    r"einstimmig", r"festgestellt", r"abgesagt", r"aufzurufen", r"aufrufen", r"aufgerufen", r"geschlossen",
    r"eröffnet", r"wiedereröffnet", r"Beschlussfähigkeit", r"abgesetzt",
    r"von\s+der\s+Tagesordnung\s+(?:genommen|abgesetzt|gestrichen)",
)
QUESTION = re.compile(r"\?\s*$")
FUTURE_WORDS = _rx(r"dann", r"anschließend", r"im\s+Anschluss", r"demnächst", r"nun", r"danach", r"zeitnah",
                   r"noch")


# Single words read as flags: their own bit, no score of their own (a lowered word proves only
# that the case-sensitive regex which reads them is worth running).
AUX_FUTURE = _rx("wird", "werden", "werde")
AUX_WERDE = _rx("werde")
AUX_KANN = _rx("kann")
DONE_WORDS = _rx("beauftragt", "vergeben")
POSITIVE_WORDS = _rx("wird", "werden", "werde", "kann", "nun", "noch", "dann")
REPORTED_WORDS = _rx("solle", "werde", "sei", "könne", "müsse", "seien", "würden")  # Konjunktiv I of reports
# "Anträge können bis … gestellt werden": ability or permission, and its "werden" is no future.
ABILITY = _rx("kann", "können", "könne", "darf", "dürfen")
# Forecasts and amounts: "Die Einwohnerzahl wird bis 2030 steigen" is nobody's task.
FORECAST = _rx("steigen", "steigt", "sinken", "sinkt", "wachsen", "wächst", "zunehmen", "abnehmen", "zurückgehen",
               "belaufen", "betragen", "beträgt")
_WIRD_WERDE = re.compile(r"\b(?:wird|werde)\b")
# Indirect questions: "Herr X fragt, ob die Straße saniert werde" asks, it promises nothing.
ASK = _rx("fragt", "fragte", "erfragt", "erkundigt", "erkundigte", "wissen", "Nachfrage", "Anfrage", "gefragt",
          "nachgefragt")
_INDIRECT_QUESTION = re.compile(r",\s*(?:ob|wann|wie|warum|weshalb|wieso|inwieweit|inwiefern|welche\w*)\b")


def may_commit(clause: str, hits: Hits | None = None) -> bool:
    """Cheap gate: does the clause contain any positive cue at all (else it cannot be a commitment)?

    ``hits`` are the clause's word bits when already looked up (``CueIndex.hits``).
    """
    if hits is None:
        hits = _lookup(clause)
    if hits[0] & _POSITIVE_MASK:
        return True
    unsure = hits[1] & _POSITIVE_MASK
    if unsure and _confirm(clause, hits, unsure, True):
        return True
    return "zu" in clause and ZU_INF.search(clause) is not None


@dataclass(slots=True)  # not frozen: a frozen dataclass pays a setattr call per field in __init__
class Cues:
    """Which cue families fire on a clause (booleans, cheap to compute)."""

    modal: bool
    modal_weak: bool
    werde: bool
    strong_schedule: bool
    future_words: bool
    future: bool
    zu_sein: bool
    can_now: bool
    assign: bool
    promise: bool
    planned: bool
    schedule: bool
    refer: bool
    request: bool
    past: bool
    negation: bool
    kenntnis: bool
    opinion: bool
    routine: bool
    same_meeting: bool
    question: bool
    forecast: bool
    asked: bool


_POSITIVE_FAMILIES = (ASSIGN, PROMISE, PLANNED, STRONG_SCHEDULE, SCHEDULE, REFER, MODAL, MODAL_WEAK, POSITIVE_WORDS)
_POSITIVE_MASK = sum(f.bit for f in _POSITIVE_FAMILIES)
_DONE_ASSIGN = re.compile(r"\b(?:sei|ist|wurde|wurden|worden|seien|sind)\b[^.]{0,80}\b(?:beauftragt|vergeben)\b")


def read_cues(clause: str, hits: Hits | None = None) -> Cues:
    """Evaluate every cue family on one clause (regexes only run when their key word occurs).

    ``hits`` are the clause's word bits when already looked up (``CueIndex.hits``).
    """
    if hits is None:
        hits = _lookup(clause)
    sure = hits[0]
    found = family_hits(clause, hits)
    future = bool(sure & AUX_FUTURE.bit) and bool(WERDEN_FUTURE.search(clause))
    can_now = bool(sure & AUX_KANN.bit) and bool(CAN_NOW.search(clause))
    if future and not can_now and (sure & ABILITY.bit or found & MODAL_WEAK.bit) and not _WIRD_WERDE.search(clause):
        # "… können … gestellt werden", "… sollten … vorgelegt werden": the infinitive after a modal, no future
        future = False
    # "Für X sei ein Gutachten beauftragt": a commission already placed, not a new task.
    done = not future and bool(sure & DONE_WORDS.bit) and bool(_DONE_ASSIGN.search(clause))
    return Cues(
        modal=bool(found & MODAL.bit),
        modal_weak=bool(found & MODAL_WEAK.bit),
        werde=bool(sure & AUX_WERDE.bit) and bool(WERDE.search(clause)),
        strong_schedule=bool(found & STRONG_SCHEDULE.bit),
        future_words=bool(found & FUTURE_WORDS.bit),
        future=future,
        zu_sein=bool(found & SEIN.bit) and "zu" in clause and bool(ZU_INF.search(clause)),
        can_now=can_now,
        assign=not done and bool(found & ASSIGN.bit),
        promise=bool(found & PROMISE.bit),
        planned=bool(found & PLANNED.bit),
        schedule=bool(found & SCHEDULE.bit),
        refer=bool(found & REFER.bit),
        request=bool(found & REQUEST.bit),
        past=done or bool(found & PAST.bit),
        negation=bool(found & NEGATION.bit),
        kenntnis=("enntnis" in clause or "itteilung" in clause) and bool(KENNTNIS.search(clause)),
        opinion=bool(found & OPINION.bit),
        routine=bool(found & ROUTINE.bit),
        same_meeting=bool(found & SAME_MEETING.bit),
        question="?" in clause and bool(QUESTION.search(clause)),
        forecast=bool(sure & FORECAST.bit),
        asked=bool(sure & ASK.bit) and "," in clause and bool(_INDIRECT_QUESTION.search(clause)),
    )


def commitment_score(c: Cues, has_future_time: bool, has_date: bool) -> float:
    """A score in [0, 1]: how strongly the cues say "someone will do this after the meeting"."""
    score = 0.0
    if c.assign:
        score += 0.55
    if c.promise:
        score += 0.45
    elif c.planned:
        score += 0.25
    if c.modal:
        score += 0.4
    elif c.modal_weak:
        score -= 0.1  # Konjunktiv II "sollte": advice or a wish, not an obligation (GUIDELINES: exclude wishes)
    if c.zu_sein:
        score += 0.45
    if c.can_now:
        score += 0.4
    if c.strong_schedule:
        score += 0.5
    elif c.schedule:
        score += 0.35
    if c.refer:
        score += 0.3
    if c.werde:
        score += 0.45
    elif c.future and not c.modal:
        score += 0.25
    if c.future_words:
        score += 0.1
    if has_date:
        score += 0.4
    elif has_future_time:
        score += 0.25
    if c.past and not (c.modal or c.assign or c.zu_sein or c.werde or (c.strong_schedule and has_date)):
        score -= 0.5  # (minutes in the past tense: "Die Beratung wurde auf die Sitzung am 14.05. vertagt")
    if c.negation:
        score -= 0.4
    if c.kenntnis:
        score -= 0.5
    if c.opinion:
        score -= 0.35
    if c.routine:
        score -= 0.35
    if c.same_meeting:
        score -= 0.4
    if c.forecast:
        score -= 0.35
    if c.asked:
        score -= 0.6
    if c.question:
        score -= 0.2
    return min(1.0, score)  # not clamped at 0: negative evidence must outweigh a head's force


# --- one scan per paragraph ------------------------------------------------------------------


def _trie(words: set[str], prefixes: set[str]) -> str:
    """A regex for a whole word that is one of ``words`` or starts with one of ``prefixes``.

    The alternation is factored by common prefixes, so the engine tries one branch per letter.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for entries, mark in ((words, "$"), (prefixes, "*")):
        for entry in entries:
            node = tree
            for char in entry:
                node = node.setdefault(char, {})
            node[mark] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char not in "$*"]
        if "*" in node:
            branches.append(r"\w*")  # the rest of a longer word (also ends a word of the list here)
        elif "$" in node:
            branches.append(r"(?!\w)")  # the word ends here
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


_MAYBE_SHIFT = 32  # a hit's bits: the families it proves, and those it makes worth a regex shifted up
_SURE_MASK = (1 << _MAYBE_SHIFT) - 1
_PREFIX_MAYBE = {prefix: bits << _MAYBE_SHIFT for prefix, bits in _PREFIX_BITS.items()}
assert len(_FAMILIES) <= _MAYBE_SHIFT
_EXACT_BITS = {
    word: _WORD_BITS.get(word, 0) | (_KEY_BITS.get(word, 0) | _PREFIX_BITS.get(word[:4], 0)) << _MAYBE_SHIFT
    for word in _WORD_SET | _KEY_SET
}
# A cue-bearing word after a non-word character: a word of the tables, or a longer word starting with
# a 4-letter prefix ("sagte"). The character class in front lets the engine skip ahead fast, the
# class of first letters spares the trie most attempts.
_FIRST_LETTERS = "".join(sorted({word[0] for word in _EXACT_BITS} | {prefix[0] for prefix in _PREFIX_SET}))
_SCAN = re.compile(rf"\W(?=[{_FIRST_LETTERS}])({_trie(set(_EXACT_BITS), set(_PREFIX_SET))})")
_SCAN_READY = True


def _inside_word(pair: str) -> bool:
    """Whether both characters of ``pair`` are word characters (the regex ``\\w`` on str: alnum or "_")."""
    return pair.isalnum() or ("_" in pair and all(char.isalnum() or char == "_" for char in pair))


class CueIndex:
    """The cue-bearing words of a stretch of text and their offsets, found by a single regex scan.

    Every sentence and clause in it then looks its word bits up with two bisections instead of
    being tokenised again. The result equals tokenising the slice (``_words``) as long as no word
    straddles either end of the slice; a slice cut inside a word is tokenised instead.
    """

    __slots__ = ("_base", "_bits", "_low", "_plain", "_starts", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._base = start - 1  # _low[i] is text[_base + i]; a space stands at either end
        low = " " + text[start:end].lower() + " "
        if len(low) != end - start + 2:
            low = ""  # a character that lowers to two ("İ") shifts every offset: tokenise slices instead
        self._low = low
        # Under IGNORECASE "ı" matches "i" and "ſ" matches "s", unlike their lower case: where they
        # occur, phrase regexes search the whole segment (see confirm).
        self._plain = bool(low) and "ı" not in low and "ſ" not in low
        starts: list[int] = []  # where each cue-bearing word starts, as an offset into _low
        bits: list[int] = []
        self._starts, self._bits = starts, bits
        add_start, add_bits, exact, prefixed = starts.append, bits.append, _EXACT_BITS.get, _PREFIX_MAYBE
        for match in _SCAN.finditer(low):
            word = match.group(1)
            add_start(match.start(1))
            add_bits(exact(word) or prefixed[word[:4]])

    def hits(self, start: int, end: int) -> Hits:
        """The word bits of ``text[start:end]`` (a slice of the indexed text): proven and to be confirmed."""
        low = self._low
        if start >= end or not low:
            return _lookup(self._text[start:end])
        i, j = start - self._base, end - self._base
        before, after = low[i - 1:i + 1], low[j - 1:j + 1]
        if before.isalnum() or after.isalnum() or (
            ("_" in before or "_" in after) and (_inside_word(before) or _inside_word(after))
        ):
            return _lookup(self._text[start:end])  # a word straddles an end: tokenise the slice
        starts = self._starts
        first = bisect_left(starts, i)
        last = bisect_left(starts, j, first)
        bits = 0
        for word_bits in self._bits[first:last]:
            bits |= word_bits
        return bits & _SURE_MASK, bits >> _MAYBE_SHIFT, self if self._plain else None, i

    def confirm(self, segment: str, offset: int, families: int, first: bool) -> int:
        """``_confirm`` for the segment at ``offset`` in ``_low``, trying each phrase regex only where a
        key word of its family starts (a phrase cannot match elsewhere), instead of searching it."""
        starts, bits = self._starts, self._bits
        found = 0
        for k in range(bisect_left(starts, offset), bisect_left(starts, offset + len(segment))):
            todo = (bits[k] >> _MAYBE_SHIFT) & families & ~found
            while todo:
                bit = todo & -todo
                todo ^= bit
                if _PHRASES[bit].match(segment, starts[k] - offset) is not None:
                    found |= bit
                    if first:
                        return found
        return found
