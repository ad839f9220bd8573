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
from typing import Final

from core.extraction.lexicon import Hits, confirm_families, family_hits, lookup, word_cue
from core.extraction.pattern_forms import word_start
from core.extraction.patterns import COUNCIL, REPLY_NOUNS, REPLY_OBJECT
from core.extraction.regex_store import compile_regex
from core.extraction.zu_infinitives import ZU_INF

MODAL: Final = word_cue("muss", "müssen", "müsse", "soll", "sollen", "solle")
MODAL_WEAK: Final = word_cue("sollte", "sollten")  # Konjunktiv II: advice more often than obligation
WERDE: Final = compile_regex(word_start(("werde",)) + r"\b")  # Konjunktiv I in reported speech: "er werde … vorlegen"
WERDEN_FUTURE: Final = compile_regex(word_start(("wird", "werden", "werde")) + r"\b")
SEIN: Final = word_cue("ist", "sind", "sei", "seien")
CAN_NOW: Final = compile_regex(r"\bkann\b[^.]{0,160}?\bnun\b|\bkann\s+nun\b", re.IGNORECASE)

ASSIGN: Final = word_cue(
    r"beauftragt", r"beauftragen", r"ermächtigt", r"ermächtigen", r"gebeten", r"ersucht", r"ersuchen",
    r"Prüfauftrag", r"Arbeitsauftrag", r"Auftrag\s+an\s+(?:die|den)", r"aufgetragen",
)
PROMISE: Final = word_cue(
    r"sagt\w*\s+(?:[\w.]+\s+){0,10}zu\b", r"sicher\w*\s+(?:[\w.]+\s+){0,10}zu\b", r"zugesagt", r"zugesichert",
    r"beabsichtigt", r"beabsichtige", r"angestrebt", r"nachgereicht", r"nachgeliefert", r"nachzuliefern",
    r"nachzureichen", r"verspricht", r"Zusage", r"kündigt\s+an", r"in\s+Aussicht", r"zusagt", r"zusagen",
    r"zusichert", r"zusichern", r"annehme", r"nimmt\s+(?:\w+\s+){0,3}an",
    *(rf"{noun}{REPLY_OBJECT}\s+erfolgt" for noun in REPLY_NOUNS),
    r"erklärt\w*\s+sich\s+(?:\w+\s+){0,3}?bereit",
    # taking on a task: "Frau Schulz übernimmt die Organisation des Neujahrsempfangs"
    r"übernimmt\s+(?:die|das|den)\s+(?:Organisation|Koordination|Koordinierung|Einladung|Planung|Vorbereitung"
    r"|Federführung|Klärung|Prüfung|Erstellung|Ausarbeitung|Moderation|Kontaktaufnahme|Abstimmung|Aufgabe)",
)
PLANNED: Final = word_cue(r"plant", r"geplant", r"vorgesehen", r"beabsichtigt\s+ist")  # weaker: also used for states
STRONG_SCHEDULE: Final = word_cue(r"vertagt", r"vertagen", r"verwiesen", r"verweisen", r"Verweisung", r"überwiesen",
                                  r"weitergeleitet", r"weiterzuleiten", r"delegieren", r"Wiedervorlage",
                                  rf"empfiehlt\s+(?:dem|der)\s+{COUNCIL}")
SCHEDULE: Final = word_cue(
    r"vertagt", r"vertagen", r"zurückgestellt", r"zurückzustellen", r"Wiedervorlage", r"auf\s+die\s+Tagesordnung",
    r"Sondersitzung", r"Klausurtagung", r"Ortstermin", r"Ortsbesichtigung", r"Begehung", r"Ortsbegehung",
    r"einzuberufen", r"einberufen",
    r"erneut\s+zu\s+beraten", r"erneut\s+beraten", r"begutachtet",
)
REFER: Final = word_cue(
    r"verwiesen", r"verweisen", r"Verweisung", r"überwiesen", r"weitergeleitet", r"weiterzuleiten",
    r"delegieren", r"zuzuleiten", r"zugeleitet", r"vorgelegt", r"vorzulegen", r"vorlegen", r"einzubringen",
    r"eingebracht", r"zu\s+verteilen", r"zur\s+Entscheidung", r"zur\s+Beschlussfassung", r"zu\s+schicken",
    r"weitergegeben", r"weiterzugeben", r"in\s+die\s+Fraktionen", r"beigefügt", r"beizufügen", r"übersandt",
    r"zu\s+übersenden", r"zugesandt", r"zur\s+Verfügung\s+gestellt",
)
REQUEST: Final = word_cue(
    r"bittet", r"bat", r"bitten", r"bitte",  # ("Sie bitte die Verwaltung, …": reported speech)
    r"schlägt\s+(?:[\w.-]+\s+){0,20}vor", r"schlug\s+(?:[\w.-]+\s+){0,20}vor",
    r"regt\s+an", r"regte\s+an", r"beantragt", r"Vorschlag", r"möchte", r"fordert", r"appelliert",
    r"plädiert", r"wünscht",
)
ACCEPT: Final = word_cue(
    r"zugesichert", r"zugesagt", r"sagt\w*\s+(?:\w+\s+){0,3}zu", r"sichert\w*\s+(?:\w+\s+){0,3}zu",
    r"befürwortet", r"einverstanden", r"zugestimmt", r"stimmt\w*\s+(?:\w+\s+){0,3}zu",
    r"einvernehmlich", r"Einvernehmen", r"keine\s+Einwendungen", r"kein\s+Widerspruch",
    r"keine\s+Einwände", r"angenommen", r"verständig\w+\s+sich", r"so\s+beschlossen",
    r"sprechen\s+sich\s+(?:\w+\s+){0,3}dafür\s+aus", r"Zustimmung", r"folgt\s+dem\s+Vorschlag",
)
RESOLUTION: Final = compile_regex(r"^\s*(?:Beschluss|Beschlussvorschlag|Beschlussantrag|Ergebnis)\b", re.IGNORECASE)

PAST: Final = word_cue(
    r"wurde", r"wurden", r"worden", r"war", r"waren", r"hatte", r"hatten", r"hat", r"haben", r"habe",
    r"erfolgte", r"stattgefunden", r"bereits", r"zwischenzeitlich", r"teilte", r"erklärte", r"musste",
    r"mussten", r"letzten", r"vergangenen", r"damals", r"seinerzeit", r"erinnert",
)
# "nicht mehr benötigten Zaunfelder" is attributive, not a negated statement; the family regex is
# case-insensitive, so the attributive check scopes case back in ("nicht entschieden sei" is negated).
NEGATION: Final = word_cue(
    r"nicht(?!\s+nur)(?!\s+(?:mehr\s+)?(?-i:[a-zäöüß]{1,40}(?:en|e|es|er)\s+[A-ZÄÖÜ]))",
    r"kein", r"keine", r"keinen", r"keiner", r"weder", r"niemand",
    r"nichts(?!\s+(?:im\s+Wege|entgegen))",  # ("sagt aber nichts zu"; "dem steht nichts entgegen" agrees)
)
KENNTNIS: Final = compile_regex(r"Kenntnis|zur\s+Kenntnis|Mitteilung\s+zur", re.IGNORECASE)
OPINION: Final = word_cue(
    r"könnte", r"könnten", r"würde", r"würden", r"wäre", r"wären", r"möchte", r"wünschenswert",
    r"Meinung", r"Ansicht", r"Sicht", r"sinnvoll", r"appelliert", r"plädiert", r"fände", r"hofft",
    r"vielleicht", r"eventuell", r"evtl", r"man\s+könne", r"sollte\s+man", r"kritisiert",
    r"findet(?!.{0,160}?\bstatt\b)",  # "findet, dass …" is an opinion, "findet am … statt" an event
    r"zustimmen", r"mittragen",  # "Ihre Fraktion werde zustimmen": how a group will vote, nobody's task
    r"unbedingt", r"wichtig", r"Sorgfalt", r"wir\b(?!\s+werden\b)", r"Bedingung", r"sich\s+zeigen",
)
# A deadline of the public ("die Bewerbungsfrist endet am 31.05."): nobody in the administration owes it.
_PUBLIC_DEADLINES: Final = tuple(
    rf"{noun}\s+(?:[\w.]+\s+){{0,8}}?(?:endet|abläuft|läuft)"
    for noun in ("Frist", "Bewerbungsfrist", "Antragsfrist", "Einwendungsfrist", "Anmeldefrist", "Abgabefrist")
)
ROUTINE: Final = word_cue(
    r"generell", r"grundsätzlich", r"jährlich", r"regelmäßig", r"in\s+der\s+Regel", r"üblicherweise",
    r"künftig", r"zukünftig", r"in\s+Zukunft", r"immer", r"stets", r"jeweils", r"zunächst\s+den",
    r"wie\s+üblich", r"wie\s+gewohnt", r"wie\s+jedes\s+Jahr",
    r"jedem", r"jeder", r"jedes", r"jede",
    r"gemäß\s+§+\s*\d+", r"nach\s+§+\s*\d+",  # a legal norm ("Gemäß § 3 BauGB ist die Öffentlichkeit zu beteiligen")
    *_PUBLIC_DEADLINES,
)
SAME_MEETING: Final = word_cue(
    r"heute", r"heutigen", r"in\s+dieser\s+Sitzung", r"nicht\s*öffentlichen\s+Teil", r"vorgezogen",
    r"vorzuziehen", r"Sitzungsunterbrechung", r"unterbrochen", r"im\s+Anschluss\s+an\s+die\s+Sitzung",
    r"Reihenfolge", r"zur\s+Abstimmung", r"Stimme\s+enthalten", r"verspäten", r"vorrangig", r"verliest",
    r"einstimmig", r"festgestellt", r"abgesagt", r"aufzurufen", r"aufrufen", r"aufgerufen",
    r"wiedereröffnet", r"Beschlussfähigkeit", r"abgesetzt",
    # opening and closing the meeting or its debate; "Zum 01.01.2027 wird die Unterkunft geschlossen" is a plan
    *(rf"{noun}\s+(?:[\w.:]+\s+){{0,6}}?(?:eröffnet|geschlossen)"
      for noun in ("Sitzung", "Aussprache", "Rednerliste", "Debatte", "Diskussion", "Versammlung", "Beratung")),
    r"eröffnet\s+(?:\w+\s+){0,3}?(?:Sitzung|Aussprache|Versammlung|Debatte|Diskussion|Beratung)",
    r"von\s+der\s+Tagesordnung\s+(?:genommen|abgesetzt|gestrichen)",
    # a present passive that describes the meeting ("Der Antrag wird beraten."); with a time it is a plan
    *(rf"{aux}\s+(?:(?:kurz|ausführlich|eingehend|intensiv|kontrovers|ausgiebig)\s+)?"
      r"(?:beraten|diskutiert|erörtert)(?=\s*[.;]?\s*$)" for aux in ("wird", "werden")),
)
QUESTION: Final = compile_regex(r"\?\s*$")
FUTURE_WORDS: Final = word_cue(r"dann", r"anschließend", r"im\s+Anschluss", r"demnächst", r"nun", r"danach", r"zeitnah",
                               r"noch")


# Single words read as flags: their own bit, no score of their own (a lowered word proves only
# that the case-sensitive regex which reads them is worth running).
AUX_FUTURE: Final = word_cue("wird", "werden", "werde")
AUX_WERDE: Final = word_cue("werde")
AUX_KANN: Final = word_cue("kann")
DONE_WORDS: Final = word_cue("beauftragt", "vergeben")
POSITIVE_WORDS: Final = word_cue("wird", "werden", "werde", "kann", "nun", "noch", "dann")
# Konjunktiv I of reports
REPORTED_WORDS: Final = word_cue("solle", "werde", "sei", "könne", "müsse", "seien", "würden")
# "Anträge können bis … gestellt werden": ability or permission, and its "werden" is no future.
ABILITY: Final = word_cue("kann", "können", "könne", "darf", "dürfen")
# Forecasts, amounts and lapses: "Die Einwohnerzahl wird bis 2030 steigen", "… dass der Vertrag Ende Juli
# ausläuft" happen by themselves; they are nobody's task.
FORECAST: Final = word_cue(
    "steigen", "steigt", "sinken", "sinkt", "wachsen", "wächst", "zunehmen", "abnehmen", "zurückgehen",
    "belaufen", "betragen", "beträgt", "ausläuft", "auslaufen", "abläuft", "ablaufen", "verfällt",
    "verfallen", "andauert", "andauern", "anhält", "anhalten",
)
_WIRD_WERDE: Final = compile_regex(word_start(("wird", "werde")) + r"\b")
# Indirect questions: "Herr X fragt, ob die Straße saniert werde" asks, it promises nothing.
ASK: Final = word_cue(
    "fragt", "fragte", "erfragt", "erkundigt", "erkundigte", "wissen", "Nachfrage", "Anfrage", "gefragt",
    "nachgefragt",
)
_INDIRECT_QUESTION: Final = compile_regex(r",\s*(?:ob|wann|wie|warum|weshalb|wieso|inwieweit|inwiefern|welche\w*)\b")


def may_commit(clause: str, hits: Hits | None = None) -> bool:
    """Cheap gate: does the clause contain any positive cue at all (else it cannot be a commitment)?

    ``hits`` are the clause's word bits when already looked up (``CueIndex.hits``).
    """
    if hits is None:
        hits = lookup(clause)
    if hits[0] & _POSITIVE_MASK:
        return True
    unsure = hits[1] & _POSITIVE_MASK
    if unsure and confirm_families(clause, hits, unsure, True):
        return True
    return ZU_INF.search(clause)


class Cues:
    """Which cue families fire on a clause (booleans, cheap to compute).

    A plain class rather than a dataclass: compiled (mypyc), its ``__init__`` stores the flags
    directly, while a dataclass's generated ``__init__`` is interpreted Python.
    """

    __slots__ = ("asked", "assign", "can_now", "forecast", "future", "future_words", "kenntnis", "modal",
                 "modal_weak", "negation", "opinion", "past", "planned", "promise", "question", "refer", "request",
                 "routine", "same_meeting", "schedule", "strong_schedule", "werde", "zu_sein")

    def __init__(
        self, *, modal: bool, modal_weak: bool, werde: bool, strong_schedule: bool, future_words: bool,
        future: bool, zu_sein: bool, can_now: bool, assign: bool, promise: bool, planned: bool, schedule: bool,
        refer: bool, request: bool, past: bool, negation: bool, kenntnis: bool, opinion: bool, routine: bool,
        same_meeting: bool, question: bool, forecast: bool, asked: bool,
    ) -> None:
        self.modal = modal
        self.modal_weak = modal_weak
        self.werde = werde
        self.strong_schedule = strong_schedule
        self.future_words = future_words
        self.future = future
        self.zu_sein = zu_sein
        self.can_now = can_now
        self.assign = assign
        self.promise = promise
        self.planned = planned
        self.schedule = schedule
        self.refer = refer
        self.request = request
        self.past = past
        self.negation = negation
        self.kenntnis = kenntnis
        self.opinion = opinion
        self.routine = routine
        self.same_meeting = same_meeting
        self.question = question
        self.forecast = forecast
        self.asked = asked


_POSITIVE_FAMILIES: Final = (
    ASSIGN, PROMISE, PLANNED, STRONG_SCHEDULE, SCHEDULE, REFER, MODAL, MODAL_WEAK, POSITIVE_WORDS,
)
_POSITIVE_MASK: Final = sum(f.bit for f in _POSITIVE_FAMILIES)
_DONE_ASSIGN: Final = compile_regex(
    r"\b(?:sei|ist|wurde|wurden|worden|seien|sind)\b[^.]{0,80}\b(?:beauftragt|vergeben)\b"
)


def read_cues(clause: str, hits: Hits | None = None) -> Cues:
    """Evaluate every cue family on one clause (regexes only run when their key word occurs).

    ``hits`` are the clause's word bits when already looked up (``CueIndex.hits``).
    """
    if hits is None:
        hits = lookup(clause)
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
        zu_sein=bool(found & SEIN.bit) and ZU_INF.search(clause),
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
