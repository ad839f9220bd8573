"""Who acts: named parties, bodies and assignees, normalised as written in the minutes.

``find_party`` reads the acting party named in a clause ("Die Verwaltung wird beauftragt",
"Der Landrat wird ermächtigt", "Fachbereich 50", "Amt 32"); ``find_body`` a Gremium named in a clause
("in der Sitzung der Lenkungsgruppe", "an den SGA", "im Ausschuss für Ordnung und Sicherheit"), in the
nominative; ``find_assignee`` whom a resolution commissions. Speakers and persons are in ``speakers``.
"""

from __future__ import annotations

import re
from typing import Final

from core.extraction.pattern_forms import contains_any, substrings, word_start
from core.extraction.patterns import ADMINISTRATION, EXECUTIVE, EXECUTIVE_F, EXECUTIVE_M
from core.extraction.regex_store import compile_regex

_ADMIN_BODIES_M: Final = (
    rf"(?:{EXECUTIVE_M}|Kreisausschuss|Gemeinderat|Stadtrat|Rat|Kreistag|Ausschuss|Vorstand|Ältestenrat|Magistrat"
    r"|Gemeindevorstand)(?!\s+(?:der|des)\b)(?=\s+[a-zäöü])"
)
_ADMIN_BODIES_F: Final = (
    rf"(?:{EXECUTIVE_F}|Gemeindevertretung|Stadtverordnetenversammlung|Lenkungsgruppe|Arbeitsgruppe|AG\s+[A-ZÄÖÜ]\w+"
    r"|Kämmerei|Stadtkasse|Kreiskasse)"
)
_OFFICES_DAS: Final = r"(?:Bau|Ordnungs|Jugend|Sozial|Schul|Standes|Tiefbau|Hochbau|Grünflächen|Umwelt|Bezirks)amt"
# The alternatives in their order, each written out for both cases of its article, as word starts (re skips
# ahead to their first letters: see ``word_start``).
_PARTY: Final = compile_regex("(?P<party>" + word_start((
    *(rf"{article}\s+{ADMINISTRATION}" for article in ("Die", "die")),
    *(rf"{office}\s+\d[\d.]*"
      for office in ("Fachbereich", "Fachdienst", "Amt", "Referat", "Dezernat", "Fachabteilung")),
    *(rf"{article}\s+{_ADMIN_BODIES_M}" for article in ("Der", "der")),
    *(rf"{article}\s+{_ADMIN_BODIES_F}" for article in ("Die", "die")),
    *(rf"{article}\s+{_OFFICES_DAS}" for article in ("Das", "das")),
    *(rf"{article}\s+(?:Bauhof|Betriebshof|Wirtschaftshof)" for article in ("Der", "der")),
    r"Von\s+Seiten\s+der\s+Verwaltung", r"von\s+Seiten\s+der\s+Verwaltung", r"von\s+der\s+Verwaltung",
    r"seitens\s+der\s+Verwaltung", r"vonseiten\s+der\s+Verwaltung",
)) + r")\b")
_FOR_WHAT: Final = (
    r"(?:\s+für\s+[A-ZÄÖÜ][\wäöüß-]+(?:(?:,\s+|\s+und\s+|\s+sowie\s+)(?:für\s+)?[A-ZÄÖÜ][\wäöüß-]+){0,5})?"
)
_COMPOUND_ENDS: Final = (
    "ausschuss|ausschusses|rat|rates|rats|tag|tages|gruppe|kommission|beirat|versammlung|vertretung|konferenz"
)
# The alternatives of the body pattern, in order, each with the substring it cannot match without
# (None: always tried). An alternative that cannot match changes nothing, so it is left out of the
# pattern for that clause: its backtracking over every capitalised word is what costs.
_BODY_ALTERNATIVES: Final[tuple[tuple[str, str | None], ...]] = (
    (rf"(?:[A-ZÄÖÜ][\wäöüß+-]*-)?Ausschuss(?:es)?{_FOR_WHAT}", "Ausschuss"),
    (rf"[A-ZÄÖÜ][\wäöüß+-]*(?:{_COMPOUND_ENDS})", None),
    (r"Rat(?:es)?|Kreistag(?:es|s)?|Gremien|Fraktionen", None),
    (r"[A-Z]{2,4}-Ausschuss(?:es)?", "Ausschuss"),
    (r"[A-ZÄÖÜ]?[\wäöü]*[Aa]usschüssen?", "usschüss"),
)
_BODY_ACRONYM: Final = r"\b(?:des|dem|den|im|in\s+den|an\s+den|der)\s+(?P<acr>[A-Z][A-Z+]{1,4})\b"


def _body_pattern(ausschuss: bool, plural: bool) -> re.Pattern[str]:
    present = {"Ausschuss": ausschuss, "usschüss": plural}
    alternatives = "|".join(rx for rx, needs in _BODY_ALTERNATIVES if needs is None or present[needs])
    return compile_regex(rf"\b(?P<b>{alternatives})\b|{_BODY_ACRONYM}")


# Keyed by ("Ausschuss" in clause, "usschüss" in clause).
_BODY_BY_PRESENT: Final = {(a, p): _body_pattern(a, p) for a in (False, True) for p in (False, True)}
_BODY: Final = _BODY_BY_PRESENT[True, True]
# Every branch of _BODY but the acronym one contains one of these (lower-cased).
_BODY_STEMS: Final = substrings(
    "ausschuss", "ausschüss", "rat", "tag", "gruppe", "kommission", "versammlung", "vertretung", "konferenz",
    "gremien", "fraktionen",
)
_ACRONYM_BODY: Final = compile_regex(r"\b(?:des|dem|den|im|in\s+den|an\s+den|der)\s+[A-Z][A-Z+]{1,4}\b")
_CAPITALS: Final = compile_regex(r"[A-Z][A-Z+]")  # what an acronym needs; found fast as it starts with a class


_NOT_BODIES: Final = frozenset({
    "Vortrag", "Beitrag", "Antrag", "Vertrag", "Betrag", "Auftrag", "Ertrag", "Nachtrag", "Zuschlag", "Dienstag",
    "Montag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Feiertag", "Vorrat", "Beirat", "Unrat",
    "Heirat", "Hausrat", "Zierrat", "Apparat", "Referat", "Senat", "Vorschlag", "Bundestag", "Landtag",
    "Verwaltungsrat", "Aufsichtsrat", "Krippengruppe", "Kitagruppe", "Kindergartengruppe", "Hortgruppe", "Zielgruppe",
    "Altersgruppe", "Personengruppe", "Nutzergruppe", "Baumgruppe", "Spielgruppe", "Jugendgruppe", "Betreuungsgruppe",
    "Wählergruppe", "Fallgruppe", "Bürgerversammlung", "Einwohnerversammlung", "Mitgliederversammlung",
})
_NOT_ACRONYMS: Final = frozenset({"TOP", "CDU", "SPD", "FDP", "AfD", "EU", "DS", "GRDrs", "NNr", "BM", "OB", "EUR",
                                  "KW", "UG", "OG", "EG", "GmbH", "AG", "HH", "VHS", "KIM", "SDK", "TÜV", "WST",
                                  "LSV", "PDF", "NRW", "ÖPNV", "FW", "BZS", "SÖS", "REP", "STd"})



def find_party(clause: str) -> str | None:
    """The acting party named in a clause, normalised ("Verwaltung", "Fachbereich 50", "Landrat")."""
    match = _PARTY.search(clause)
    if match is None:
        return None
    party = match.group("party")
    if "erwaltung" in party:
        words = party.split()
        return "Verwaltung" if words[-1] == "Verwaltung" or words[0].lower().startswith(("von", "seit")) \
            else words[-1]
    if party.split()[0] in ("Der", "der", "Die", "die", "Das", "das"):
        return party.split(None, 1)[1]
    return party



def find_body(clause: str) -> str | None:
    """The first Gremium named in a clause, in the nominative, or None."""
    low = clause.lower()
    if _BODY_STEMS.search(low) is None and not (_CAPITALS.search(clause) and _ACRONYM_BODY.search(clause)):
        return None  # spares the backtracking of _BODY on every capitalised word
    for match in _BODY_BY_PRESENT["Ausschuss" in clause, "usschüss" in clause].finditer(clause):
        if match.group("acr"):
            acr = match.group("acr")
            if acr not in _NOT_ACRONYMS:
                return acr
            continue
        body = match.group("b")
        head = body.split()[0]
        if head in _NOT_BODIES or head.rstrip("es") in _NOT_BODIES:
            continue
        return normalise_body(body)
    return None


_GENITIVES: Final = (
    ("üssen", "üsse"), ("usses", "uss"), ("rates", "rat"), ("rats", "rat"), ("tages", "tag"), ("tags", "tag"),
)


def normalise_body(body: str) -> str:
    """Genitive to nominative on the head noun: "Ausschusses für X" -> "Ausschuss für X", "Rates" -> "Rat",
    "Bau- und Umweltausschusses" -> "Bau- und Umweltausschuss" (the shared head is the declined one)."""
    first, _, rest = body.partition(" ")
    if first.endswith("-") and " und " in body:
        joined, _, rest = body.partition(" und ")
        return f"{joined} und {normalise_body(rest)}"
    head = first
    for suffix, repl in _GENITIVES:  # repl is a prefix of suffix: cut the ending, keep the case
        if head.lower().endswith(suffix):
            head = head[: len(head) - len(suffix) + len(repl)]
            break
    return f"{head} {rest}" if rest else head


# "Der Ausschuss beauftragt die Verwaltung, …", "Der Rat bittet den Bürgermeister, …": the body
# commissions, the accusative object acts. Without this the commissioning body came out as owner.
_ASSIGNEE: Final = compile_regex(
    word_start(("beauftragt", "beauftragen", "bittet", "bitten", "bitte", "ersucht", "ersuchen", "ermächtigt",
                "ermächtigen", "fordert", "fordern"))
    + rf"\s+(?:die|den|das)\s+(?P<who>{ADMINISTRATION}"
    rf"|{EXECUTIVE}|Kämmerer|Kämmerin|Geschäftsführung|Vorsitzenden|Magistrat|Gemeindevorstand|Kreisausschuss|Bezirksamt"
    r"|(?:Fachbereich|Fachdienst|Amt|Referat|Dezernat)\s+\d[\d.]*)\b"
)
# The passive form: "Die Verwaltung wird beauftragt, A zu tun und B vorzulegen".
# (Both branches start with an article: its first letter first, the word boundary behind it, as ``word_start``.)
_ASSIGNEE_PASSIVE: Final = compile_regex(
    rf"[Dd](?<!\w[Dd])(?:(?:ie|er|as)\s+(?P<who>{ADMINISTRATION}"
    rf"|{EXECUTIVE}|Magistrat|Gemeindevorstand|Bezirksamt|Amt"
    r"|Kreisausschuss|(?:Fachbereich|Fachdienst|Referat|Dezernat)\s+\d[\d.]*)\s+(?:wird|werden)\s+(?:\w+\s+){0,3}?"
    r"(?:beauftragt|gebeten|ersucht|ermächtigt|aufgefordert)\b"
    rf"|(?:er|em)\s+(?P<dat>Verwaltung|{EXECUTIVE}|Magistrat|Gemeindevorstand)"
    r"\s+wird\s+(?:\w+\s+){0,3}?aufgetragen\b)"
)


# One of these occurs in every match of _ASSIGNEE and _ASSIGNEE_PASSIVE: without one, both are spared.
_ASSIGNEE_WORDS: Final = ("beauftrag", "bitte", "ersuch", "ermächtig", "forder", "gebeten", "aufgetragen")


def find_assignee(sentence: str) -> str | None:
    """The party a resolution commissions ("beauftragt die Verwaltung" -> "Verwaltung"), as written."""
    if not contains_any(sentence, _ASSIGNEE_WORDS):
        return None
    match = _ASSIGNEE.search(sentence) or _ASSIGNEE_PASSIVE.search(sentence)
    if match is None:
        return None
    who = match.group("who") or match.group("dat")
    return "Vorsitzende" if who == "Vorsitzenden" else who
