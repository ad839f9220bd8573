"""The kind of a commitment, by the GUIDELINES precedence forward > report_back > meeting > deadline > deliverable."""

from __future__ import annotations

import re

from core.extraction.lexicon import substrings
from core.extraction.patterns import COUNCIL, COUNCIL_F
from core.types import KIND_PRECEDENCE, Kind

# Only whether these patterns match anywhere counts, so their alternatives are grouped by first
# letter: ``re`` tries each alternative in turn at every word start, and a dozen groups are
# tried faster than forty words.
_HANDOVER = r"(?:vor(?:gelegt|zulegen|legen)|ein(?:zubringen|gebracht|bringen))"
_FORWARD = re.compile(
    r"\b(?:v(?:erwiesen|erweisen|erwiese|erweisung)\b|überw(?:iesen|eisen)\b"
    r"|weiter(?:geleitet|zuleiten|leiten|gegeben|zugeben|geben)\b|delegier(?:en|t)\b"
    rf"|empfiehlt\s+(?:dem|der)\s+{COUNCIL}\b"
    r"|z(?:uzuleiten|ugeleitet|uleiten|ur\s+Entscheidung|ur\s+Beschlussfassung|um\s+Beschluss\s+vorgelegt"
    r"|um\s+Beschluss\s+vorzulegen|u\s+schicken|u\s+verteilen)\b"
    r"|Entscheidung\s+(?:\w+\s+){0,6}treffen\b"
    # (any council by its compound: "dem Verbandsgemeinderat", "der Bezirksverordnetenversammlung")
    rf"|(?:(?:in\s+d(?:en|ie)|an\s+d(?:en|ie)|de[mn])\s+(?:nächsten\s+)?(?:{COUNCIL}|Fraktionen|Gremien"
    rf"|politischen\s+Gremien|städtischen\s+Gremien)|der\s+(?:{COUNCIL_F}|BVV))\b"
    rf"[^.]{{0,80}}\b(?:{_HANDOVER}|verteilen|geben|gegeben)"
    r"|Im\s+[\wäöü+-]*[Aa]usschuss\b[^.]{0,80}\bsoll\b[^.]{0,40}\bgeklärt\b)",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:b(?:ericht(?:en|et\s+werden|\s+erstatten|\s+geben)|eantwort(?:en|et\s+werden|ung|et(?=\s*[.!]?\s*$))"
    r"|ilateral\s+klären)"
    r"|informier(?:en|t\s+werden|t(?=\s*[.!]?\s*$))|u(?:nterrichten|nterrichtet(?=\s*[.!]?\s*$)|pdate)"
    r"|s(?:achstand\s+(?:\w+\s+){0,3}(?:geben|mitteilen)|tellung(?:\s+nehmen|nahme\s+abgeben)|chriftlich\w*)"
    r"|antwort(?:\s+(?:\w+\s+){0,3}(?:geben|erteilen|erhalten)|\s+zu)|mit(?:teilen|geteilt\s+werden)"
    r"|nachreichen|klären\s+solle|Rückmeldung|werde\s+die\s+Verwaltung\s+eine|(?:Sachstands|Zwischen)bericht)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(  # every alternative starts with a letter: re skips ahead to those letters
    r"S(?:itzung)|s(?:itzung|tattfinden|tattfindet)|T(?:agesordnung|ermin\b(?!\s*:)|reffen)|vertag(?:t|en)"
    r"|z(?:urückgestellt|urückzustellen|u\s+behandeln|u\s+beschließen)|W(?:iedervorlage|orkshop)"
    r"|O(?:rtstermin|rtsbesichtigung|rtsbegehung)|B(?:esichtigung|egehung|eratung(?:en)?\s+(?:\w+\s+){0,4}?fort"
    r"(?:zusetzen|setzen|gesetzt))"
    r"|b(?:egutachtet|eraten\s+werden|eraten\b|esprochen|esprechen|ehandelt|ehandeln|eschlossen\s+werden)"
    r"|Austausch|Gespräch|e(?:inladen|inzuladen|ingeladen|rneut\s+zu\s+beraten|rneut\s+beraten)"
    r"|abgestimmt\s+wird|abgestimmt\s+werden|K(?:onsens|lausur)|g(?:esprochen\s+werden|enehmigt\s+werde)"
    r"|Haushaltsberatungen|Ältestenrat|tagt\b|tagen\b|f(?:indet|inden)\b.{0,160}?\bstatt\b"
    r"|(?:Bürger|Einwohner|Mitglieder|Informations)(?:versammlung|veranstaltung)",
)
_VERY_VAGUE = frozenset({"soon", "next_year"})
# Every branch of each pattern contains one of these (lower-cased) stems: substring tests first.
_FORWARD_STEMS = substrings(
    "verwies", "verweis", "überwies", "überweis", "weiterge", "weiterzu", "weiterle", "delegier", "zuleiten",
    "zugeleitet", "entscheidung", "beschluss", "schicken", "verteilen", "vorgelegt", "vorzulegen", "vorlegen",
    "einzubringen", "eingebracht", "einbringen", "geben", "geklärt", "empfiehlt",
)
_REPORT_STEMS = substrings(
    "bericht", "informier", "unterrichten", "update", "sachstand", "stellung", "antwort", "schriftlich",
    "mitteil", "mitgeteilt", "nachreichen", "klären", "rückmeldung", "sachstandsbericht", "zwischenbericht",
)  # and "werde … verwaltung" (see _fits)
_MEETING_STEMS = substrings(
    "itzung", "tagesordnung", "vertag", "zurückgestellt", "zurückzustellen", "wiedervorlage", "termin",
    "besichtigung", "begehung", "begutachtet", "treffen", "austausch", "gespräch", "einladen", "einzuladen",
    "eingeladen", "beraten", "besprochen", "besprechen", "behandel", "beschließen", "beschlossen", "abgestimmt",
    "konsens", "beratung", "gesprochen", "genehmigt", "stattfinden", "klausur", "workshop", "ältestenrat", "tagt",
    "tagen", "statt", "versammlung", "veranstaltung",
)


def classify(clause: str, has_due: bool, has_period: bool) -> Kind:
    """The most specific kind that fits the clause.

    ``has_due``: an absolute date was read; ``has_period``: a vaguer but concrete time
    ("bis Mitte Juni", "in der 28. Kalenderwoche", "im Herbst 2022").
    """
    low = clause.lower()
    # In order of precedence, so that the patterns of less specific kinds are not even tried.
    for kind in KIND_PRECEDENCE:
        if _fits(kind, clause, low, has_due or has_period):
            return kind
    raise ValueError("KIND_PRECEDENCE must contain DELIVERABLE, which always fits")


def _fits(kind: Kind, clause: str, low: str, timed: bool) -> bool:
    if kind is Kind.FORWARD:
        return _FORWARD_STEMS.search(low) is not None and _FORWARD.search(clause) is not None
    if kind is Kind.REPORT_BACK:
        # "werde die Verwaltung eine …" needs both words: "werde" alone (in every "werden") lets most clauses through.
        return (_REPORT_STEMS.search(low) is not None or ("werde" in low and "verwaltung" in low)) \
            and _REPORT.search(clause) is not None
    if kind is Kind.MEETING:
        return _MEETING_STEMS.search(low) is not None and _MEETING.search(clause) is not None
    if kind is Kind.DEADLINE:
        return timed
    return kind is Kind.DELIVERABLE


def is_specific(kind: str) -> bool:
    """Whether a time expression names a time at all ("im April", "in der nächsten Sitzung"; not "demnächst")."""
    return kind not in _VERY_VAGUE


def is_concrete_period(kind: str) -> bool:
    """Whether a vague time expression still sets a deadline ("Anfang Juli" yes, "demnächst" no)."""
    return kind not in _VERY_VAGUE and kind not in ("next_meeting", "month_meeting", "holidays")
