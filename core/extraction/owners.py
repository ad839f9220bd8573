"""Who acts: speakers, named parties and bodies, normalised as written in the minutes.

``find_party`` reads the acting party named in a clause ("Die Verwaltung wird beauftragt",
"Der Landrat wird ermächtigt", "Fachbereich 50", "Amt 32"); ``find_speaker`` the person
who speaks in a sentence ("Herr Römer teilt mit, dass …", "… so der Oberbürgermeister");
``find_body`` a Gremium named in a clause ("in der Sitzung der Lenkungsgruppe",
"an den SGA", "im Ausschuss für Ordnung und Sicherheit"), in the nominative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Titles of the administration: a passive statement by such a speaker is the speaker's to-do.
ADMIN_TITLES = (
    "Oberbürgermeisterin", "Oberbürgermeister", "Samtgemeindebürgermeister", "Bürgermeisterin",
    "Bürgermeister", "Landrätin", "Landrat", "Amtsleiterin", "Amtsleiter", "Fachbereichsleiterin",
    "Fachbereichsleiter", "Dezernentin", "Dezernent", "Beigeordnete", "Beigeordneter", "Kämmerin",
    "Kämmerer", "Kreiskämmerer", "Stadtkämmerer", "Stadtdirektor", "Kreisdirektor", "Erste Stadträtin",
    "Erster Stadtrat", "Sachgebietsleiter", "Sachgebietsleiterin", "Abteilungsleiter", "Abteilungsleiterin",
    "Bauamtsleiter", "Geschäftsführer", "Geschäftsführerin",
    "OBM", "OB", "EBM", "BMin", "BM", "Bgm", "Bgm.", "Bürgerm.",
)
# Council members: their wishes are not the administration's to-dos.
MEMBER_TITLES = (
    "Ratsmitglied", "Ratsherr", "Ratsfrau", "Stadtverordneter", "Stadtverordnete", "Kreistagsabgeordneter",
    "Kreistagsabgeordnete", "Kreistagabgeordneter", "Gemeindevertreter", "Gemeindevertreterin",
    "Ausschussmitglied", "StRin", "StR", "SB", "KA", "KTA", "KR", "Stadtrat", "Stadträtin", "sachkundige",
    "GRin", "GR", "Gemeinderätin",
)


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` grouped by first letter, in the given order within each group.

    Same matches as the plain ``a|b|c`` (words with different first letters never compete), but
    ``re`` tries one group per letter instead of every word at every position.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


_TITLE_ALT = _by_first_letter(sorted(ADMIN_TITLES + MEMBER_TITLES, key=len, reverse=True))
_NAME = r"(?:Dr\.\s+|Prof\.\s+)*(?:[A-ZÄÖÜ]\.\s+)?[A-ZÄÖÜ][a-zäöüß]{1,40}(?:-[A-ZÄÖÜ][a-zäöüß]{1,40})?"
# A second capitalised word is a surname ("Peter Buchholz"), unless it is a noun ("Schairer Besserung").
_NOUN_END = r"(?:ung|heit|keit|schaft|tion|ität|nis|ment|ag|en)\b"
_NAME2 = rf"(?:\s+(?![A-ZÄÖÜ][a-zäöüß]{{1,40}}{_NOUN_END})[A-ZÄÖÜ][a-zäöüß]{{1,40}})?"
_PERSON = re.compile(
    rf"\b(?:(?P<title>{_TITLE_ALT})\s+(?:(?:Herr|Frau)\s+)?(?P<tname>{_NAME}{_NAME2})"
    rf"|(?P<hf>Herrn?|Frau)\s+(?:(?P<htitle>{_TITLE_ALT})\s+)?(?P<hname>{_NAME}{_NAME2})"
    rf"|(?:[Dd]er)\s+(?P<role>Oberbürgermeister|Bürgermeister|Landrat|Vorsitzende|Ausschussvorsitzende"
    rf"|Amtsleiter|Kämmerer)(?!\s+(?:des|der)\b)"
    rf"|(?:[Dd]ie)\s+(?P<frole>Oberbürgermeisterin|Bürgermeisterin|Landrätin|Vorsitzende|Verwaltung"
    rf"|Kreisverwaltung|Stadtverwaltung|Gemeindeverwaltung))\b"
)
# Only whether a sentence contains one of these counts. A stem stands for every word it begins
# ("teilt" for "teilte", "teilten"); "gibt", "bat", "möchte" and a few more must be whole words.
# Grouped by first letter: re tries one group per letter at each word start instead of forty words.
_SPEECH_WORDS = (
    r"(?:teilt|f(?:ührt|ügt|ordert|ragt)|e(?:rklär|rläutert|rgänzt|rwidert|ntgegnet|rkennt)|informiert"
    r"|b(?:erichtet|ittet\b|at\b|etont|estätigt|eabsichtig|ekräftigt|egründet)"
    r"|s(?:agt|tellt|chlägt|chlug\b|ichert|o\s+(?:der|die)\b)|v(?:erkündet|erweist|erwies\b)"
    r"|a(?:ntwortet|ppelliert)|weist|gibt\b|k(?:ündigt|ritisiert)|m(?:acht\w*\s+deutlich\b|öchte\b|erkt)"
    r"|regt|plädiert|dankt)"
)
# Verbs by which the administration informs: a plain "Herr X" using them speaks for it. Only
# whether one occurs counts; grouped by first letter so that re tries fewer alternatives per word.
_INFORM_WORDS = (
    r"(?:teilt\w*\b[^,]{0,40}\bmit|informiert\w*|berichtet\w*|e(?:rläutert|rgänzt)\w*"
    r"|f(?:ührt\w*\b[^,]{0,40}\b(?:aus|an)|ügt\w*\b[^,]{0,40}\bhinzu)|verkündet\w*|antwortet\w*"
    r"|s(?:agt\w*\b[^,]{0,40}\bzu|ichert\w*)|kündigt\w*)\b"
)
# The word lists above and the person pattern start with a letter, so "\b" before them means "at the
# start or after a non-word character". They are searched as "<non-word character>(?:…)" on the text
# with a space in front (_first_word): a pattern that starts with a character class lets re skip the
# positions inside words in its C loop, where a leading "\b" costs a match attempt per character.
# The class is the Latin-1 word characters negated, a bitmap test (twice as fast as "\W", which looks
# up the Unicode category of each character); it also admits the word characters beyond Latin-1
# ("ğ", "Ω"), and _first_word skips a match that starts at one of those. A match starts at the
# character before the word, whose position in the unpadded text is where the word starts.
_NOT_WORD = "[^" + "".join(chr(c) for c in range(256) if chr(c).isalnum() or chr(c) == "_") + "]"
_SPEECH = re.compile(_NOT_WORD + _SPEECH_WORDS)
_INFORM = re.compile(_NOT_WORD + _INFORM_WORDS)
_PERSON_AFTER = re.compile(_NOT_WORD + _PERSON.pattern.removeprefix(r"\b"))


def _first_word(pattern: re.Pattern[str], padded: str, pos: int = 0) -> re.Match[str] | None:
    """The first match of a pattern above in ``padded[pos:]`` that starts at a non-word character."""
    match = pattern.search(padded, pos)
    while match is not None:
        char = padded[match.start()]
        if char <= "\xff" or not (char.isalnum() or char == "_"):
            return match
        match = pattern.search(padded, match.start() + 1)  # after a word character beyond Latin-1
    return None


def _word_matches(pattern: re.Pattern[str], padded: str) -> Iterator[re.Match[str]]:
    """``finditer`` for a pattern above: its matches in ``padded`` that start at non-word characters."""
    match = _first_word(pattern, padded)
    while match is not None:
        yield match
        match = _first_word(pattern, padded, match.end())


# A party in brackets after the name: a council member.
_MEMBER_PARTY = re.compile(r"\((?:CDU|SPD|FDP|Grüne|GRÜNE|AfD|Linke|LINKE|FW|BZS|SÖS|Fraktion)")
_PARTY = re.compile(
    r"\b(?P<party>(?:Die|die)\s+(?:Kreis|Stadt|Gemeinde|Amts)?[Vv]erwaltung"
    r"|(?:Fachbereich|Fachdienst|Amt|Referat|Dezernat|Fachabteilung)\s+\d[\d.]*"
    r"|(?:Der|der)\s+(?:Oberbürgermeister|Bürgermeister|Landrat|Kreisausschuss|Gemeinderat|Stadtrat|Rat"
    r"|Kreistag|Ausschuss|Vorstand|Ältestenrat|Magistrat|Gemeindevorstand)(?!\s+(?:der|des)\b)(?=\s+[a-zäöü])"
    r"|(?:Die|die)\s+(?:Oberbürgermeisterin|Bürgermeisterin|Landrätin|Gemeindevertretung|Stadtverordnetenversammlung"
    r"|Lenkungsgruppe|Arbeitsgruppe|AG\s+[A-ZÄÖÜ]\w+|Kämmerei|Stadtkasse|Kreiskasse)"
    r"|(?:Das|das)\s+(?:Bau|Ordnungs|Jugend|Sozial|Schul|Standes|Tiefbau|Hochbau|Grünflächen|Umwelt)amt"
    r"|(?:Der|der)\s+(?:Bauhof|Betriebshof|Wirtschaftshof)"
    r"|[Vv]on\s+Seiten\s+der\s+Verwaltung|von\s+der\s+Verwaltung|seitens\s+der\s+Verwaltung|vonseiten\s+der\s+Verwaltung)\b"
)
_FOR_WHAT = r"(?:\s+für\s+[A-ZÄÖÜ][\wäöüß-]+(?:(?:,\s+|\s+und\s+|\s+sowie\s+)(?:für\s+)?[A-ZÄÖÜ][\wäöüß-]+){0,5})?"
_COMPOUND_ENDS = (
    "ausschuss|ausschusses|rat|rates|rats|tag|tages|gruppe|kommission|beirat|versammlung|vertretung|konferenz"
)
# The alternatives of the body pattern, in order, each with the substring it cannot match without
# (None: always tried). An alternative that cannot match changes nothing, so it is left out of the
# pattern for that clause: its backtracking over every capitalised word is what costs.
_BODY_ALTERNATIVES: tuple[tuple[str, str | None], ...] = (
    (rf"(?:[A-ZÄÖÜ][\wäöüß+-]*-)?Ausschuss(?:es)?{_FOR_WHAT}", "Ausschuss"),
    (rf"[A-ZÄÖÜ][\wäöüß+-]*(?:{_COMPOUND_ENDS})", None),
    (r"Rat(?:es)?|Kreistag(?:es|s)?|Gremien|Fraktionen", None),
    (r"[A-Z]{2,4}-Ausschuss(?:es)?", "Ausschuss"),
    (r"[A-ZÄÖÜ]?[\wäöü]*[Aa]usschüssen?", "usschüss"),
)
_BODY_ACRONYM = r"\b(?:des|dem|den|im|in\s+den|an\s+den|der)\s+(?P<acr>[A-Z][A-Z+]{1,4})\b"


def _body_pattern(ausschuss: bool, plural: bool) -> re.Pattern[str]:
    present = {"Ausschuss": ausschuss, "usschüss": plural}
    alternatives = "|".join(rx for rx, needs in _BODY_ALTERNATIVES if needs is None or present[needs])
    return re.compile(rf"\b(?P<b>{alternatives})\b|{_BODY_ACRONYM}")


# Keyed by ("Ausschuss" in clause, "usschüss" in clause).
_BODY_BY_PRESENT = {(a, p): _body_pattern(a, p) for a in (False, True) for p in (False, True)}
_BODY = _BODY_BY_PRESENT[True, True]
# Every branch of _BODY but the acronym one contains one of these (lower-cased).
_BODY_STEMS = (
    "ausschuss", "ausschüss", "rat", "tag", "gruppe", "kommission", "versammlung", "vertretung", "konferenz",
    "gremien", "fraktionen",
)
_ACRONYM_BODY = re.compile(r"\b(?:des|dem|den|im|in\s+den|an\s+den|der)\s+[A-Z][A-Z+]{1,4}\b")
_CAPITALS = re.compile(r"[A-Z][A-Z+]")  # what an acronym needs; found fast as it starts with a class


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    # A plain loop: a third cheaper than any() over a generator.
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False
_NOT_BODIES = frozenset({"Vortrag", "Beitrag", "Antrag", "Vertrag", "Betrag", "Auftrag", "Ertrag", "Nachtrag",
                         "Zuschlag", "Dienstag", "Montag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                         "Sonntag", "Feiertag", "Vorrat", "Beirat", "Unrat", "Heirat", "Hausrat", "Zierrat",
                         "Apparat", "Referat", "Senat", "Vorschlag", "Bundestag", "Landtag",
                         "Verwaltungsrat", "Aufsichtsrat", "Krippengruppe", "Kitagruppe", "Kindergartengruppe",
                         "Hortgruppe", "Zielgruppe", "Altersgruppe", "Personengruppe", "Nutzergruppe", "Baumgruppe",
                         "Spielgruppe", "Jugendgruppe", "Betreuungsgruppe", "Wählergruppe", "Fallgruppe",
                         "Bürgerversammlung", "Einwohnerversammlung", "Mitgliederversammlung"})
_NOT_ACRONYMS = frozenset({"TOP", "CDU", "SPD", "FDP", "AfD", "EU", "DS", "GRDrs", "NNr", "BM", "OB", "EUR",
                           "KW", "UG", "OG", "EG", "GmbH", "AG", "HH", "VHS", "KIM", "SDK", "TÜV", "WST",
                           "LSV", "PDF", "NRW", "ÖPNV", "FW", "BZS", "SÖS", "REP", "STd"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or party speaking in a sentence, and whether they speak for the administration."""

    name: str
    admin: bool
    member: bool = False  # explicitly a council member (title or party in brackets)
    external: bool = False  # speaks for a company, an office or another outside party (their plans are their own)


_PREPOSITION_BEFORE = re.compile(r"(?:\bvon|\ban|\bbei|\bmit|\bgegenüber|\bfür|\bdurch|\bzu|\bvor)\s*$")
_NAME_TAIL = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?")
_DASS = re.compile(r"\bdass\b")  # the matrix clause ends at it or at the first comma
# Inverted order after a fronted phrase: "Auf Nachfrage von X, ob …, antwortet Bürgermeister Y, dass …".
_POSTPOSED = re.compile(
    r"(?:,\s*so|\b(?:erklärt|ergänzt|betont|sagt|antwortet|entgegnet|erwidert|teilt|berichtet|informiert"
    r"|erläutert|führt|sichert|bestätigt|verweist)\w*)\s*$"
)


def speaker_prefix_end(sentence: str) -> int:
    """Where the words of a verbatim record start ("Bürgermeister Vogt: Die Arbeiten …" -> 20), else 0."""
    colon = sentence.find(":", 0, 80)
    if colon < 3 or not sentence[0].isupper():
        return 0
    match = _PERSON.match(sentence)
    # Only a name, perhaps with the party in brackets, stands before the colon: "StR Huber (CDU): …"
    if match is None or not _NAME_TAIL.fullmatch(sentence, match.end(), colon):
        return 0
    end = colon + 1
    while end < len(sentence) and sentence[end] == " ":
        end += 1
    return end


# A heading that says who answers below it: "Antwort der Verwaltung:", "Stellungnahme der Verwaltung:".
_ANSWER_HEADING = re.compile(
    r"\s*(?:Antwort|Stellungnahme|Beantwortung|Mitteilung)\s+(?:der|durch\s+die)\s+(?:Stadt|Kreis|Gemeinde)?[Vv]erwaltung\s*:?\s*$"
)


def find_speaker(sentence: str) -> Speaker | None:
    """The person who speaks in a sentence ("Herr Römer teilt mit, dass …"; "…, so der OB"), else None.

    Only the matrix clause before the first comma counts as subject position, and a name
    after a preposition ("Auf Nachfrage von Herrn X") is not the speaker. A heading "Antwort der
    Verwaltung:" makes the administration the speaker of what follows.
    """
    if sentence.endswith(":") and "erwaltung" in sentence and _ANSWER_HEADING.match(sentence):
        return Speaker("Verwaltung", True)
    padded = " " + sentence  # see _SPEECH
    if _first_word(_SPEECH, padded) is None:
        end = speaker_prefix_end(sentence)
        return _speaker_of(_PERSON.match(sentence), sentence) if end else None  # type: ignore[arg-type]
    limit = sentence.find(",")
    if limit < 0:
        limit = len(sentence)
    if "dass" in sentence:  # the substring test spares the word-boundary regex on most sentences
        dass = _DASS.search(sentence, 0, limit)
        limit = dass.start() if dass else limit
    for match in _word_matches(_PERSON_AFTER, padded):
        start = match.start()  # where the name starts in ``sentence`` (one character of padding)
        before = sentence[max(0, start - 12):start]
        subject = start < limit and not _PREPOSITION_BEFORE.search(before)
        if (subject or _POSTPOSED.search(sentence[max(0, start - 16):start])) \
                and not sentence.startswith("Herrn", start):
            return _speaker_of(match, sentence)
    return None


_ADMIN_SET = frozenset(ADMIN_TITLES)  # set lookups: the tuples are compared one by one
_MEMBER_SET = frozenset(MEMBER_TITLES)


# The party a speaker comes from, right after the name: "Herr Petersen von der Breitband GmbH".
_EXTERNAL = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:von\s+der|vom|von|der|des)\s+(?:[\w&.-]+\s+){0,3}?"
    r"(?:GmbH|mbH|AG|Planungsbüro\w*|Ingenieurbüro\w*|Büro|Firma|Stadtwerke|Polizei\w*|Landesbetrieb\w*"
    r"|Verein\w*|Bahn|Netzbetreiber\w*|Investor\w*|Architekturbüro\w*|Gutachter\w*)\b"
)


# An office in brackets after the name: the speaker works in the administration.
_ADMIN_BRACKET = re.compile(r"\s*\((?:Fachbereich|Fachdienst|Fachbereichsleitung|Amt|Dezernat|Referat|Verwaltung"
                            r"|Stadtverwaltung|Kämmerei|[A-ZÄÖÜ][a-zäöüß]*amt)\b")


def _speaker_of(match: re.Match[str], sentence: str) -> Speaker:
    if _EXTERNAL.match(match.string, match.end()) is not None:
        g = match.groupdict()
        name = f"{'Herr' if (g['hf'] or '').startswith('Herr') else 'Frau'} {g['hname']}" if g["hname"] \
            else f"{g['title']} {g['tname']}" if g["title"] else (g["role"] or g["frole"])
        return Speaker(name, False, False, True)
    g = match.groupdict()
    if g["role"] or g["frole"]:
        role = g["role"] or g["frole"]
        name = "Verwaltung" if role.endswith("erwaltung") and role != "Kreisverwaltung" else role
        return Speaker(name, role not in ("Vorsitzende", "Ausschussvorsitzende"))
    if g["title"]:
        title = g["title"]
        name = f"{title} {g['tname']}"
        return Speaker(name, title in _ADMIN_SET, title in _MEMBER_SET)
    title = g["htitle"]
    name = f"{'Herr' if g['hf'].startswith('Herr') else 'Frau'} {g['hname']}"
    if title:
        return Speaker(f"{title} {g['hname']}", title in _ADMIN_SET, title in _MEMBER_SET)
    if _ADMIN_BRACKET.match(match.string, match.end()) is not None:
        return Speaker(name, True)  # "Herr Yilmaz (Fachbereich Jugend): …"
    member = _MEMBER_PARTY.search(sentence)
    return Speaker(name, member is None and _first_word(_INFORM, " " + sentence) is not None, member is not None)


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


def subject_person(clause: str) -> str | None:
    """The named person who opens a clause with a future "wird" ("Herr Schneider wird … nachreichen"), else None."""
    match = _PERSON.match(clause)
    if match is None or not clause.startswith(" wird ", match.end()):
        return None
    return _speaker_of(match, clause).name


def find_person(clause: str) -> str | None:
    """The first named person or office holder in a clause ("OB Kuhn", "Herr Römer")."""
    match = _first_word(_PERSON_AFTER, " " + clause)  # see _SPEECH
    return _speaker_of(match, clause).name if match else None


def find_body(clause: str) -> str | None:
    """The first Gremium named in a clause, in the nominative, or None."""
    low = clause.lower()
    if not _has_any(low, _BODY_STEMS) and not (_CAPITALS.search(clause) and _ACRONYM_BODY.search(clause)):
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


_GENITIVES = (
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
_ASSIGNEE = re.compile(
    r"\b(?:beauftragt|beauftragen|bittet|bitten|bitte|ersucht|ersuchen|ermächtigt|ermächtigen|fordert|fordern)"
    r"\s+(?:die|den)\s+(?P<who>(?:Kreis|Stadt|Gemeinde|Amts)?[Vv]erwaltung|Oberbürgermeisterin|Oberbürgermeister"
    r"|Bürgermeisterin|Bürgermeister|Landrätin|Landrat|Kämmerer|Kämmerin|Geschäftsführung|Vorsitzenden"
    r"|Magistrat|Gemeindevorstand|Kreisausschuss"
    r"|(?:Fachbereich|Fachdienst|Amt|Referat|Dezernat)\s+\d[\d.]*)\b"
)
# The passive form: "Die Verwaltung wird beauftragt, A zu tun und B vorzulegen".
_ASSIGNEE_PASSIVE = re.compile(
    r"\b(?:Die|Der|die|der)\s+(?P<who>(?:Kreis|Stadt|Gemeinde)?[Vv]erwaltung|Oberbürgermeisterin|Oberbürgermeister"
    r"|Bürgermeisterin|Bürgermeister|Landrätin|Landrat|Magistrat|Gemeindevorstand|Kreisausschuss"
    r"|(?:Fachbereich|Fachdienst|Referat|Dezernat)\s+\d[\d.]*)\s+(?:wird|werden)\s+(?:\w+\s+){0,3}?"
    r"(?:beauftragt|gebeten|ersucht|ermächtigt|aufgefordert)\b"
    r"|\b(?:Der|Dem|der|dem)\s+(?P<dat>Verwaltung|Oberbürgermeisterin|Oberbürgermeister|Bürgermeisterin|Bürgermeister"
    r"|Landrätin|Landrat|Magistrat|Gemeindevorstand)\s+wird\s+(?:\w+\s+){0,3}?aufgetragen\b"
)


def find_assignee(sentence: str) -> str | None:
    """The party a resolution commissions ("beauftragt die Verwaltung" -> "Verwaltung"), as written."""
    if "beauftrag" not in sentence and "bitte" not in sentence and "ersuch" not in sentence \
            and "ermächtig" not in sentence and "forder" not in sentence and "gebeten" not in sentence \
            and "aufgetragen" not in sentence:
        return None
    match = _ASSIGNEE.search(sentence) or _ASSIGNEE_PASSIVE.search(sentence)
    if match is None:
        return None
    who = match.group("who") or match.group("dat")
    return "Vorsitzende" if who == "Vorsitzenden" else who
