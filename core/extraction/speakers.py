"""Who speaks: persons with titles, council members and the administration, in a sentence of minutes.

``find_speaker`` reads the person who speaks ("Herr Römer teilt mit, dass …", "… so der Oberbürgermeister",
"Bürgermeister Vogt: …", a heading "Antwort der Verwaltung:") and whether they speak for the administration,
as a council member or for an outside party; ``find_person`` and ``subject_person`` read named persons
in a clause. Parties, bodies and assignees are in ``owners``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from core.extraction.lexicon import Hits, word_cue
from core.extraction.pattern_forms import (
    NOT_WORD_LATIN1,
    beyond_latin1_word,
    contains_any,
    ends_with_any,
    first_letter_groups,
    starts_with_any,
    word_start,
)
from core.extraction.patterns import (
    ADMINISTRATION,
    AGENT,
    EXECUTIVE_F,
    EXECUTIVE_M,
    EXECUTIVE_TITLES_F,
    EXECUTIVE_TITLES_M,
    OFFICE,
    PERSON_PLAN,
)
from core.extraction.regex_store import compile_regex

# Titles of the administration: a passive statement by such a speaker is the speaker's to-do.
ADMIN_TITLES: Final = (
    *EXECUTIVE_TITLES_F, *EXECUTIVE_TITLES_M, "Bezirksstadträtin", "Bezirksstadtrat", "Amtsleiterin", "Amtsleiter",
    "Fachbereichsleiterin", "Fachbereichsleiter", "Dezernentin", "Dezernent", "Beigeordnete", "Beigeordneter",
    "Kämmerin", "Kämmerer", "Kreiskämmerer", "Stadtkämmerer", "Stadtdirektor", "Kreisdirektor", "Erste Stadträtin",
    "Erster Stadtrat", "Sachgebietsleiter", "Sachgebietsleiterin", "Abteilungsleiter", "Abteilungsleiterin",
    "Bauamtsleiter", "Geschäftsführer", "Geschäftsführerin",
    "OBM", "OB", "EBM", "BMin", "BM", "Bgm", "Bgm.", "Bürgerm.",
)
# Council members: their wishes are not the administration's to-dos.
MEMBER_TITLES: Final = (
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


_TITLE_ALT: Final = _by_first_letter(sorted(ADMIN_TITLES + MEMBER_TITLES, key=len, reverse=True))
_NAME: Final = r"(?:Dr\.\s+|Prof\.\s+)*(?:[A-ZÄÖÜ]\.\s+)?[A-ZÄÖÜ][a-zäöüß]{1,40}(?:-[A-ZÄÖÜ][a-zäöüß]{1,40})?"
# A second capitalised word is a surname ("Peter Buchholz"), unless it is a noun ("Schairer Besserung").
_NOUN_END: Final = r"(?:ung|heit|keit|schaft|tion|ität|nis|ment|ag|en)\b"
_NAME2: Final = rf"(?:\s+(?![A-ZÄÖÜ][a-zäöüß]{{1,40}}{_NOUN_END})[A-ZÄÖÜ][a-zäöüß]{{1,40}})?"
_PERSON: Final = compile_regex(
    rf"\b(?:(?P<title>{_TITLE_ALT})\s+(?:(?:Herr|Frau)\s+)?(?P<tname>{_NAME}{_NAME2})"
    rf"|(?P<hf>Herrn?|Frau)\s+(?:(?P<htitle>{_TITLE_ALT})\s+)?(?P<hname>{_NAME}{_NAME2})"
    rf"|(?:[Dd]er)\s+(?P<role>{EXECUTIVE_M}|Vorsitzende|Ausschussvorsitzende"
    rf"|Amtsleiter|Kämmerer)(?!\s+(?:des|der)\b)"
    rf"|(?:[Dd]ie)\s+(?P<frole>{EXECUTIVE_F}|Vorsitzende|{ADMINISTRATION}))\b"
)
# Only whether a sentence contains one of these counts. A stem stands for every word it begins
# ("teilt" for "teilte", "teilten"); "gibt", "bat", "möchte" and a few more must be whole words.
_SPEECH_ALTERNATIVES: Final = (
    "teilt", "führt", "fügt", "fordert", "fragt", "erklär", "erläutert", "ergänzt", "erwidert", "entgegnet",
    "erkennt", "informiert", r"berichtet", r"bittet\b", r"bat\b", "betont", "bestätigt", "beabsichtig",
    "bekräftigt", "begründet", "sagt", "stellt", "schlägt", r"schlug\b", "sichert", r"so\s+(?:der|die)\b",
    "verkündet", "verweist", r"verwies\b", "antwortet", "appelliert", "weist", r"gibt\b", "kündigt", "kritisiert",
    r"macht\w*\s+deutlich\b", r"möchte\b", "merkt", "regt", "plädiert", "dankt",
)
# Grouped by first letter: re tries one group per letter at each word start instead of forty words.
_SPEECH_WORDS: Final = first_letter_groups(_SPEECH_ALTERNATIVES)
# The same words as a cue family: the paragraph's word index tells which sentences may hold one, and
# only those are searched (``find_speaker``). A stem is a phrase there, so that longer words count.
SPEECH: Final = word_cue(*(a if a.endswith("\\b") else a + r"\w*" for a in _SPEECH_ALTERNATIVES), index_only=True)
# Verbs by which the administration informs: a plain "Herr X" using them speaks for it. Only
# whether one occurs counts; grouped by first letter so that re tries fewer alternatives per word.
_INFORM_WORDS: Final = (
    r"(?:teilt\w*\b[^,]{0,40}\bmit|informiert\w*|berichtet\w*|e(?:rläutert|rgänzt)\w*"
    r"|f(?:ührt\w*\b[^,]{0,40}\b(?:aus|an)|ügt\w*\b[^,]{0,40}\bhinzu)|verkündet\w*|antwortet\w*"
    r"|s(?:agt\w*\b[^,]{0,40}\bzu|ichert\w*)|kündigt\w*)\b"
)
# The literal stem each branch of _INFORM_WORDS starts with: without one, the search is spared.
_INFORM_STEMS: Final = (
    "teilt", "informiert", "berichtet", "erläutert", "ergänzt", "führt", "fügt", "verkündet", "antwortet", "sagt",
    "sichert", "kündigt",
)
# The word lists above and the person pattern start with a letter, so "\b" before them means "at the
# start or after a non-word character". They are searched as "<non-word character>(?:…)" on the text
# with a space in front (_first_word), the class being ``NOT_WORD_LATIN1`` (see there). A match starts
# at the character before the word, whose position in the unpadded text is where the word starts.
_SPEECH: Final = compile_regex(NOT_WORD_LATIN1 + _SPEECH_WORDS)
_SPEECH_AT: Final = compile_regex(_SPEECH_WORDS)  # at a word start the index knows
_INFORM: Final = compile_regex(NOT_WORD_LATIN1 + _INFORM_WORDS)
# The letters a person can start with (a title, "Herr", "Frau", "der", "die"): after the non-word character a
# look-ahead for them turns most words away before the alternatives are tried.
_PERSON_FIRST: Final = "".join(sorted({title[0] for title in ADMIN_TITLES + MEMBER_TITLES} | set("HFDd")))
_PERSON_AFTER: Final = compile_regex(NOT_WORD_LATIN1 + f"(?=[{_PERSON_FIRST}])" + _PERSON.pattern.removeprefix(r"\b"))


def _first_word(pattern: re.Pattern[str], padded: str, pos: int = 0) -> re.Match[str] | None:
    """The first match of a pattern above in ``padded[pos:]`` that starts at a non-word character."""
    match = pattern.search(padded, pos)
    while match is not None:
        if not beyond_latin1_word(padded[match.start()]):
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
_MEMBER_PARTY: Final = compile_regex(r"\((?:CDU|SPD|FDP|Grüne|GRÜNE|AfD|Linke|LINKE|FW|BZS|SÖS|Fraktion)")


class Speaker:
    """A person or party speaking in a sentence, and whether they speak for the administration.

    Not changed once made. A plain class rather than a dataclass: compiled, its ``__init__`` is native.
    """

    __slots__ = ("admin", "external", "member", "name")

    def __init__(self, name: str, admin: bool, member: bool = False, external: bool = False) -> None:
        self.name = name
        self.admin = admin
        self.member = member  # explicitly a council member (title or party in brackets)
        self.external = external  # speaks for a company, an office or another outside party (their plans are theirs)

    def _key(self) -> tuple[str, bool, bool, bool]:
        return self.name, self.admin, self.member, self.external

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Speaker) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Speaker(name={self.name!r}, admin={self.admin}, member={self.member}, external={self.external})"


_PREPOSITIONS: Final = ("von", "an", "bei", "mit", "gegenüber", "für", "durch", "zu", "vor")
_PREPOSITION_BEFORE: Final = compile_regex("(?:" + "|".join(r"\b" + word for word in _PREPOSITIONS) + r")\s*$")
_NAME_TAIL: Final = compile_regex(r"\s*(?:\([^()]{1,30}\)\s*)?")
_DASS: Final = compile_regex(word_start(("dass",)) + r"\b")  # the matrix clause ends at it or at the first comma
# Inverted order after a fronted phrase: "Auf Nachfrage von X, ob …, antwortet Bürgermeister Y, dass …".
_POSTPOSED: Final = compile_regex(
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
_ANSWER_HEADING: Final = compile_regex(
    rf"\s*(?:Antwort|Stellungnahme|Beantwortung|Mitteilung)\s+(?:der|durch\s+die)\s+{ADMINISTRATION}\s*:?\s*$"
    # "Die Anfrage wird durch die Verwaltung wie folgt beantwortet:"
    rf"|[^:]{{0,60}}?\b(?:durch|von)\s+(?:die|der)\s+{ADMINISTRATION}\s+(?:wie\s+folgt\s+)?beantwortet\s*:\s*$"
)


def find_speaker(sentence: str, hits: Hits | None = None) -> Speaker | None:
    """The person who speaks in a sentence ("Herr Römer teilt mit, dass …"; "…, so der OB"), else None.

    Only the matrix clause before the first comma counts as subject position, and a name
    after a preposition ("Auf Nachfrage von Herrn X") is not the speaker. A heading "Antwort der
    Verwaltung:" makes the administration the speaker of what follows.
    """
    if sentence.endswith(":") and "erwaltung" in sentence and _ANSWER_HEADING.match(sentence):
        return Speaker("Verwaltung", True)
    if not _has_speech_word(sentence, hits):
        end = speaker_prefix_end(sentence)
        return _speaker_of(_PERSON.match(sentence), sentence) if end else None  # type: ignore[arg-type]
    limit = sentence.find(",")
    if limit < 0:
        limit = len(sentence)
    if "dass" in sentence:  # the substring test spares the word-boundary regex on most sentences
        dass = _DASS.search(sentence, 0, limit)
        limit = dass.start() if dass else limit
    for match in _word_matches(_PERSON_AFTER, " " + sentence):  # see _SPEECH
        start = match.start()  # where the name starts in ``sentence`` (one character of padding)
        before = sentence[max(0, start - 12):start]
        subject = start < limit and not (
            ends_with_any(before.rstrip(), _PREPOSITIONS) and _PREPOSITION_BEFORE.search(before) is not None
        )
        if (subject or _POSTPOSED.search(sentence[max(0, start - 16):start])) \
                and not sentence.startswith("Herrn", start):
            return _speaker_of(match, sentence)
    return None


def _has_speech_word(sentence: str, hits: Hits | None) -> bool:
    """Whether a speech verb (``_SPEECH``) occurs in the sentence.

    ``hits`` are the sentence's word bits, when known: without a word of the speech family the regex cannot
    match, and with the paragraph's index only the words of that family are tried (a search would try
    every word start).
    """
    if hits is not None and not (hits[0] | hits[1]) & SPEECH.bit:
        return False
    if hits is None or hits[2] is None:
        return _first_word(_SPEECH, " " + sentence) is not None
    starts = hits[2].starts_of(hits[3], len(sentence), SPEECH.bit)
    return any(_SPEECH_AT.match(sentence, start) is not None for start in starts)


_ADMIN_SET: Final = frozenset(ADMIN_TITLES)  # set lookups: the tuples are compared one by one
_MEMBER_SET: Final = frozenset(MEMBER_TITLES)


# The party a speaker comes from, right after the name: "Herr Petersen von der Breitband GmbH".
_EXTERNAL: Final = compile_regex(
    r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:von\s+der|vom|von|der|des)\s+(?:[\w&.-]+\s+){0,3}?"
    r"(?:GmbH|mbH|AG|Planungsbüro\w*|Ingenieurbüro\w*|Büro|Firma|Stadtwerke|Polizei\w*|Landesbetrieb\w*"
    r"|Verein\w*|Bahn|Netzbetreiber\w*|Investor\w*|Architekturbüro\w*|Gutachter\w*)\b"
)


# An office in brackets after the name: the speaker works in the administration.
_ADMIN_BRACKET: Final = compile_regex(rf"\s*\({OFFICE}\b")


def _external(text: str, pos: int) -> bool:
    """``_EXTERNAL`` after the name that ends at ``pos``, tried only where the first character after white space
    can start it: "(" of a bracket, "," or the "v"/"d" of "von", "vom", "der", "des"."""
    after = pos
    while after < len(text) and text[after].isspace():
        after += 1
    return after < len(text) and text[after] in "(,vd" and _EXTERNAL.match(text, pos) is not None


def _speaker_of(match: re.Match[str], sentence: str) -> Speaker:
    # (the groups as one tuple: a groupdict builds a dict of every group of the pattern per call)
    hf, hname, htitle, title, tname, role, frole = match.group(
        "hf", "hname", "htitle", "title", "tname", "role", "frole"
    )
    if _external(match.string, match.end()):
        name = f"{'Herr' if (hf or '').startswith('Herr') else 'Frau'} {hname}" if hname \
            else f"{title} {tname}" if title else (role or frole)
        return Speaker(name, False, False, True)
    if role or frole:
        role = role or frole
        name = "Verwaltung" if role.endswith("erwaltung") and role != "Kreisverwaltung" else role
        return Speaker(name, role not in ("Vorsitzende", "Ausschussvorsitzende"))
    if title:
        return Speaker(f"{title} {tname}", title in _ADMIN_SET, title in _MEMBER_SET)
    name = f"{'Herr' if hf.startswith('Herr') else 'Frau'} {hname}"
    if htitle:
        return Speaker(f"{htitle} {hname}", htitle in _ADMIN_SET, htitle in _MEMBER_SET)
    if _ADMIN_BRACKET.match(match.string, match.end()) is not None:
        return Speaker(name, True)  # "Herr Yilmaz (Fachbereich Jugend): …"
    member = _MEMBER_PARTY.search(sentence)
    informs = member is None and contains_any(sentence, _INFORM_STEMS) \
        and _first_word(_INFORM, " " + sentence) is not None
    return Speaker(name, informs, member is not None)



def subject_person(clause: str) -> str | None:
    """The named person who opens a clause with a future "wird" ("Herr Schneider wird … nachreichen"), else None."""
    match = _PERSON.match(clause)
    if match is None or not clause.startswith(" wird ", match.end()):
        return None
    return _speaker_of(match, clause).name


_AGENT: Final = compile_regex(AGENT)  # "wird durch Herrn Meier vertreten": a passive
# The clause ends in an infinitive, not in a participle ("wird … zur Verfügung stellen", not "wird … gewählt"
# or "… vorgeschlagen"): the "wird" after a person is then their own future.
_INFINITIVE_END: Final = compile_regex(
    r"\b(?!(?:ge|vorge|ausge|abge|einge|aufge|zuge|ange|beige|nachge|weiterge)[a-zäöüß]+en\b)"
    r"[a-zäöüß]{2,40}(?:en|ern|eln)\s*[.!]?\s*$"
)


def person_future(clause: str) -> str | None:
    """The named person whose own future step the clause states ("Frau Müller wird die Unterlagen … zur
    Verfügung stellen" -> "Frau Müller"), else None (passives: "Herr X wird als Vertreter benannt")."""
    who = subject_person(clause)
    if who is None or _INFINITIVE_END.search(clause, max(0, len(clause) - 48)) is None or _AGENT.search(clause):
        return None
    return who


def find_person(clause: str) -> str | None:
    """The first named person or office holder in a clause ("OB Kuhn", "Herr Römer")."""
    match = _first_word(_PERSON_AFTER, " " + clause)  # see _SPEECH
    return _speaker_of(match, clause).name if match else None


def person_plans(segment: str) -> bool:
    """Whether a named person opens the segment with a present-tense step ("Frau Seidel versendet …",
    ``patterns.PERSON_PLAN``); the regex runs only on segments that start with "Herr" or "Frau"."""
    return starts_with_any(segment, ("Herr", "Frau")) and PERSON_PLAN.match(segment) is not None
