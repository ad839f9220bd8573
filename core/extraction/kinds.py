"""The kind of a commitment, by the GUIDELINES precedence forward > report_back > meeting > deadline > deliverable."""

from __future__ import annotations

import re
from typing import Final

from core.extraction.lexicon import Hits, word_cue
from core.extraction.pattern_forms import contains_any, present_mask, word_masks
from core.extraction.patterns import COUNCIL, COUNCIL_F
from core.extraction.regex_store import compile_regex
from core.types import KIND_PRECEDENCE, Kind

# Each kind's pattern as branches, each with the (lower-cased) stems one of which it cannot match without:
# a branch is searched only where a stem occurs, and most clauses contain none (the branches of forward and
# report_back are case-insensitive and start with a word boundary, so the engine tries them at every
# character). Only whether a kind fits counts, so the branches are tried in any order.
_HANDOVER: Final = r"(?:vor(?:gelegt|zulegen|legen)|ein(?:zubringen|gebracht|bringen))"
_FORWARD: Final[tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]] = tuple(
    (stems, compile_regex(branch, re.IGNORECASE)) for stems, branch in (
        (("verwies", "verweis", "überwies", "überweis", "weiterge", "weiterzu", "weiterle", "delegier"),
         r"\b(?:v(?:erwiesen|erweisen|erwiese|erweisung)|überw(?:iesen|eisen)"
         r"|weiter(?:geleitet|zuleiten|leiten|gegeben|zugeben|geben)|delegier(?:en|t))\b"),
        (("empfiehlt",), rf"\bempfiehlt\s+(?:dem|der)\s+{COUNCIL}\b"),
        (("zuleiten", "zugeleitet", "entscheidung", "beschluss", "schicken", "verteilen"),
         r"\bz(?:uzuleiten|ugeleitet|uleiten|ur\s+Entscheidung|ur\s+Beschlussfassung|um\s+Beschluss\s+vorgelegt"
         r"|um\s+Beschluss\s+vorzulegen|u\s+schicken|u\s+verteilen)\b"),
        (("treffen",), r"\bEntscheidung\s+(?:\w+\s+){0,6}treffen\b"),
        # (any council by its compound: "dem Verbandsgemeinderat", "der Bezirksverordnetenversammlung")
        (("vorgelegt", "vorzulegen", "vorlegen", "einzubringen", "eingebracht", "einbringen", "verteilen", "geben"),
         rf"\b(?:(?:in\s+d(?:en|ie)|an\s+d(?:en|ie)|de[mn])\s+(?:nächsten\s+)?(?:{COUNCIL}|Fraktionen|Gremien"
         rf"|politischen\s+Gremien|städtischen\s+Gremien)|der\s+(?:{COUNCIL_F}|BVV))\b"
         rf"[^.]{{0,80}}\b(?:{_HANDOVER}|verteilen|geben|gegeben)"),
        (("geklärt",), r"\bIm\s+[\wäöü+-]*[Aa]usschuss\b[^.]{0,80}\bsoll\b[^.]{0,40}\bgeklärt\b"),
    )
)
_REPORT: Final[tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]] = tuple(
    (stems, compile_regex(branch, re.IGNORECASE)) for stems, branch in (
        (("bericht", "antwort", "klären"),
         r"\bb(?:ericht(?:en|et\s+werden|\s+erstatten|\s+geben)|eantwort(?:en|et\s+werden|ung|et(?=\s*[.!]?\s*$))"
         r"|ilateral\s+klären)\b"),
        (("informier",), r"\binformier(?:en|t\s+werden|t(?=\s*[.!]?\s*$))\b"),
        (("unterricht", "update"), r"\bu(?:nterrichten|nterrichtet(?=\s*[.!]?\s*$)|pdate)\b"),
        (("sachstand", "stellung", "schriftlich"),
         r"\bs(?:achstand\s+(?:\w+\s+){0,3}(?:geben|mitteilen)|tellung(?:\s+nehmen|nahme\s+abgeben)|chriftlich\w*)\b"),
        (("antwort",), r"\bantwort(?:\s+(?:\w+\s+){0,3}(?:geben|erteilen|erhalten)|\s+zu)\b"),
        (("mitteil", "mitgeteilt"), r"\bmit(?:teilen|geteilt\s+werden)\b"),
        (("nachreichen", "klären", "rückmeldung", "sachstandsbericht", "zwischenbericht"),
         r"\b(?:nachreichen|klären\s+solle|Rückmeldung|(?:Sachstands|Zwischen)bericht)\b"),
    )
)
# "werde die Verwaltung eine …" needs both words: "werde" alone (in every "werden") lets most clauses through.
_REPORT_ADMIN: Final = compile_regex(r"\bwerde\s+die\s+Verwaltung\s+eine\b", re.IGNORECASE)
# The meeting words, as written: only whether one occurs counts, so the plain words are substring tests
# and the phrases one case-sensitive pattern.
_MEETING_WORDS: Final = (
    "Sitzung", "sitzung", "stattfinden", "stattfindet", "Tagesordnung", "Treffen", "vertagt", "vertagen",
    "zurückgestellt", "zurückzustellen", "Wiedervorlage", "Workshop", "Ortstermin",
    "Ortsbesichtigung", "Ortsbegehung", "Besichtigung", "Begehung", "begutachtet", "besprochen", "besprechen",
    "behandelt", "behandeln", "Austausch", "Gespräch", "einladen", "einzuladen", "eingeladen", "Konsens", "Klausur",
    "Haushaltsberatungen", "Ältestenrat",
)
_MEETING_PHRASES: Final = compile_regex(  # every alternative starts with a letter: re skips ahead to those letters
    r"Termin\b(?!\s*:)|z(?:u\s+behandeln|u\s+beschließen)"
    r"|Beratung(?:en)?\s+(?:\w+\s+){0,4}?fort(?:zusetzen|setzen|gesetzt)"
    r"|b(?:eraten\s+werden|eraten\b|eschlossen\s+werden)"
    r"|e(?:rneut\s+zu\s+beraten|rneut\s+beraten)"
    r"|abgestimmt\s+wird|abgestimmt\s+werden|g(?:esprochen\s+werden|enehmigt\s+werde)"
    r"|tagt\b|tagen\b|f(?:indet|inden)\b.{0,160}?\bstatt\b"
    r"|(?:Bürger|Einwohner|Mitglieder|Informations)(?:versammlung|veranstaltung)",
)
# Every branch of _MEETING_PHRASES contains one of these.
_MEETING_STEMS: Final = (
    "Termin", "behandeln", "beschließen", "fort", "beraten", "beschlossen", "abgestimmt", "gesprochen",
    "genehmigt", "tag", "finde", "versammlung", "veranstaltung",
)
_VERY_VAGUE: Final = frozenset({"soon", "next_year"})
# Kind's members as module constants, for the rules to compare against: in Python 3.11 the Enum metaclass
# defines ``__getattr__``, which makes every ``Kind.X`` a slow attribute lookup (a method wrapper made per access).
FORWARD: Final = Kind.FORWARD
REPORT_BACK: Final = Kind.REPORT_BACK
MEETING: Final = Kind.MEETING
DEADLINE: Final = Kind.DEADLINE
DELIVERABLE: Final = Kind.DELIVERABLE
_PRECEDENCE: Final = KIND_PRECEDENCE
# The words without which the branches of forward and report_back cannot match, as index-only cue families
# (lower-cased, as the paragraph's index reads words): a clause's hits say for free whether one occurs, and most
# clauses spare the substring tests. Each is a whole word of a branch, or a word start ("vorgelegt…").
FORWARD_WORDS: Final = word_cue(
    "verwiesen", "verweisen", "verwiese", "verweisung", "überwiesen", "überweisen", "weitergeleitet",
    "weiterzuleiten", "weiterleiten", "weitergegeben", "weiterzugeben", "weitergeben", "delegieren", "delegiert",
    "empfiehlt", "zuzuleiten", "zugeleitet", "zuleiten", "entscheidung", "beschlussfassung", "beschluss", "schicken",
    "verteilen", "treffen", "geklärt",
    *(rf"{verb}\w*" for verb in ("vorgelegt", "vorzulegen", "vorlegen", "einzubringen", "eingebracht", "einbringen",
                                  "verteilen", "geben", "gegeben")),
    index_only=True,
)
REPORT_WORDS: Final = word_cue(
    "bericht", "berichten", "berichtet", "beantworten", "beantwortet", "beantwortung", "bilateral", "informieren",
    "informiert", "unterrichten", "unterrichtet", "update", "sachstand", "stellung", "stellungnahme", r"schriftlich\w*",
    "antwort", "mitteilen", "mitgeteilt", "nachreichen", "klären", "rückmeldung", "sachstandsbericht",
    "zwischenbericht", "werde",
    index_only=True,
)


def classify(clause: str, has_due: bool, has_period: bool, hits: Hits | None = None) -> Kind:
    """The most specific kind that fits the clause.

    ``has_due``: an absolute date was read; ``has_period``: a vaguer but concrete time
    ("bis Mitte Juni", "in der 28. Kalenderwoche", "im Herbst 2022"). ``hits``: the clause's word bits, when
    known (``CueIndex.hits``).
    """
    low = clause.lower()
    # The index's bits stand for the words only where lower case reads as the patterns' ignored case: in an
    # indexed paragraph without "ı" or "ſ" (``hits[2]`` is the index then).
    words = hits[0] | hits[1] if hits is not None and hits[2] is not None else -1
    # In order of precedence, so that the patterns of less specific kinds are not even tried.
    for kind in _PRECEDENCE:
        if _fits(kind, clause, low, has_due or has_period, words):
            return kind
    raise ValueError("KIND_PRECEDENCE must contain DELIVERABLE, which always fits")


def _fits(kind: Kind, clause: str, low: str, timed: bool, words: int) -> bool:
    """Whether ``kind`` fits; ``words``: the bits of the clause's words (-1: unknown, every family possible)."""
    if kind is FORWARD:
        return bool(words & FORWARD_WORDS.bit) and _FORWARD_BRANCHES.any_match(clause, low)
    if kind is REPORT_BACK:
        return bool(words & REPORT_WORDS.bit) and (_REPORT_BRANCHES.any_match(clause, low) or (
            "werde" in low and "verwaltung" in low and _REPORT_ADMIN.search(clause) is not None
        ))
    if kind is MEETING:
        return contains_any(clause, _MEETING_WORDS) or (
            contains_any(clause, _MEETING_STEMS) and _MEETING_PHRASES.search(clause) is not None
        )
    if kind is DEADLINE:
        return timed
    return kind is DELIVERABLE


class _Branches:
    """A kind's pattern as branches, each searched only where one of its stems occurs (one scan for all stems)."""

    __slots__ = ("_plan", "_stems")

    def __init__(self, branches: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]) -> None:
        self._stems, masks = word_masks([stems for stems, _ in branches])
        self._plan = [(mask, branch) for mask, (_, branch) in zip(masks, branches, strict=True)]

    def any_match(self, clause: str, low: str) -> bool:
        """Whether a branch matches the clause; each is searched only where one of its stems occurs in ``low``."""
        present = present_mask(low, self._stems)
        if not present:
            return False
        return any(present & mask and branch.search(clause) is not None for mask, branch in self._plan)


_FORWARD_BRANCHES: Final = _Branches(_FORWARD)
_REPORT_BRANCHES: Final = _Branches(_REPORT)


def is_specific(kind: str) -> bool:
    """Whether a time expression names a time at all ("im April", "in der nächsten Sitzung"; not "demnächst")."""
    return kind not in _VERY_VAGUE


def is_concrete_period(kind: str) -> bool:
    """Whether a vague time expression still sets a deadline ("Anfang Juli" yes, "demnächst" no)."""
    return kind not in _VERY_VAGUE and kind not in ("next_meeting", "month_meeting", "holidays")
