"""The kind of a commitment, by the GUIDELINES precedence forward > report_back > meeting > deadline > deliverable."""

from __future__ import annotations

import re

from core.types import KIND_PRECEDENCE, Kind

_FORWARD = re.compile(
    r"\b(?:verwiesen|verweisen|verwiese|Verweisung|überwiesen|überweisen|weitergeleitet|weiterzuleiten"
    r"|weiterleiten|delegieren|delegiert|zuzuleiten|zugeleitet|zuleiten|zur\s+Entscheidung"
    r"|zur\s+Beschlussfassung|zum\s+Beschluss\s+vorgelegt|zum\s+Beschluss\s+vorzulegen|zu\s+schicken"
    r"|zu\s+verteilen|Entscheidung\s+(?:\w+\s+){0,6}treffen)\b"
    r"|\b(?:vorgelegt|vorzulegen|vorlegen|einzubringen|eingebracht|einbringen)\b[^.]{0,40}$"
    r"|\b(?:in\s+den|in\s+die|an\s+den|an\s+die|dem|den)\s+(?:nächsten\s+)?(?:[\wäöü+-]*[Aa]usschuss|Rat|Kreistag"
    r"|Gemeinderat|Stadtrat|Fraktionen|Gremien|politischen\s+Gremien|städtischen\s+Gremien)\b"
    r"[^.]{0,80}\b(?:vorgelegt|vorzulegen|vorlegen|einzubringen|eingebracht|einbringen|verteilen|geben)"
    r"|\bIm\s+[\wäöü+-]*[Aa]usschuss\b[^.]{0,80}\bsoll\b[^.]{0,40}\bgeklärt\b",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:berichten|berichtet\s+werden|Bericht\s+erstatten|Bericht\s+geben|informieren|informiert\s+werden"
    r"|unterrichten|Update|Sachstand\s+(?:\w+\s+){0,3}(?:geben|mitteilen)|Stellung\s+nehmen|Stellungnahme\s+abgeben"
    r"|beantworten|beantwortet\s+werden|Antwort\s+(?:\w+\s+){0,3}(?:geben|erteilen|erhalten)|schriftlich\w*"
    r"|Beantwortung|Antwort\s+zu"
    r"|mitteilen|mitgeteilt\s+werden|nachreichen|bilateral\s+klären|klären\s+solle|Rückmeldung"
    r"|werde\s+die\s+Verwaltung\s+eine)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(
    r"(?:[Ss]itzung|Tagesordnung|vertagt|vertagen|zurückgestellt|zurückzustellen|Wiedervorlage|Termin\b"
    r"|Ortstermin|Ortsbesichtigung|Besichtigung|Begehung|Ortsbegehung|begutachtet|Treffen|Austausch|Gespräch"
    r"|einladen|einzuladen|eingeladen|erneut\s+zu\s+beraten|erneut\s+beraten|beraten\s+werden|beraten\b"
    r"|besprochen|besprechen|behandelt|behandeln|zu\s+behandeln|zu\s+beschließen|beschlossen\s+werden"
    r"|abgestimmt\s+wird|abgestimmt\s+werden|Konsens|gesprochen\s+werden|genehmigt\s+werde|stattfinden"
    r"|Haushaltsberatungen|Klausur|Workshop|Ältestenrat)",
)
_VERY_VAGUE = frozenset({"soon", "next_year"})
# Every branch of each pattern contains one of these (lower-cased) stems: substring tests first.
_FORWARD_STEMS = (
    "verwies", "verweis", "überwies", "überweis", "weiterge", "weiterzu", "weiterle", "delegier", "zuleiten",
    "zugeleitet", "entscheidung", "beschluss", "schicken", "verteilen", "vorgelegt", "vorzulegen", "vorlegen",
    "einzubringen", "eingebracht", "einbringen", "geben", "geklärt",
)
_REPORT_STEMS = (
    "bericht", "informier", "unterrichten", "update", "sachstand", "stellung", "antwort", "schriftlich",
    "mitteil", "mitgeteilt", "nachreichen", "klären", "rückmeldung", "werde",
)
_MEETING_STEMS = (
    "itzung", "tagesordnung", "vertag", "zurückgestellt", "zurückzustellen", "wiedervorlage", "termin",
    "besichtigung", "begehung", "begutachtet", "treffen", "austausch", "gespräch", "einladen", "einzuladen",
    "eingeladen", "beraten", "besprochen", "besprechen", "behandel", "beschließen", "beschlossen", "abgestimmt",
    "konsens", "gesprochen", "genehmigt", "stattfinden", "klausur", "workshop", "ältestenrat",
)


def _has_stem(low: str, stems: tuple[str, ...]) -> bool:
    return any(stem in low for stem in stems)


def classify(clause: str, has_due: bool, has_period: bool) -> Kind:
    """The most specific kind that fits the clause.

    ``has_due``: an absolute date was read; ``has_period``: a vaguer but concrete time
    ("bis Mitte Juni", "in der 28. Kalenderwoche", "im Herbst 2022").
    """
    fits = {Kind.DELIVERABLE}
    low = clause.lower()
    if _has_stem(low, _FORWARD_STEMS) and _FORWARD.search(clause):
        fits.add(Kind.FORWARD)
    if _has_stem(low, _REPORT_STEMS) and _REPORT.search(clause):
        fits.add(Kind.REPORT_BACK)
    if _has_stem(low, _MEETING_STEMS) and _MEETING.search(clause):
        fits.add(Kind.MEETING)
    if has_due or has_period:
        fits.add(Kind.DEADLINE)
    return next(kind for kind in KIND_PRECEDENCE if kind in fits)


def is_concrete_period(kind: str) -> bool:
    """Whether a vague time expression still sets a deadline ("Anfang Juli" yes, "demnächst" no)."""
    return kind not in _VERY_VAGUE and kind not in ("next_meeting", "month_meeting", "holidays")
