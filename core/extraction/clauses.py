"""Clauses of a sentence: split at commas that open a subordinate or infinitive clause.

``split_clauses`` keeps enumerations and relative clauses with their left neighbour and agenda
titles in „…“ together; ``split_request_heads`` cuts "X schlägt vor den Beschluss … zu
delegieren" (no comma) after the request verb.
"""

from __future__ import annotations

from typing import Final

from core.extraction.lines import Span
from core.extraction.pattern_forms import contains_any_in, first_letter_groups
from core.extraction.regex_store import compile_regex
from core.extraction.zu_infinitives import ZU_INF_END, ZU_INF_GROUP_END

# Conjunctions that open a subordinate clause which can carry a commitment of its own.
_SUBORDINATORS: Final = (
    "dass|daß|da|weil|um|nachdem|sodass|damit|bevor|obwohl|indem|zumal|so dass"
)
_CLAUSE_COMMA: Final = compile_regex(r"[,;]\s+|\s[–-]\s")
_COMMA: Final = compile_regex(r"[,;]\s+")  # the same where no dash occurs: a character class first scans fast
_COMMA_ONLY: Final = compile_regex(r",\s+")  # and where no semicolon occurs either: a literal first scans faster
# Without one, _COMMA finds the same as the slower _CLAUSE_COMMA: most dashes join words ("Straßen-Bau").
_SPACED_DASH: Final = compile_regex(r"[–-](?<=\s[–-])\s")
# (Matched at a segment's start; grouped by first letter, so that re tries one group there instead of every
# alternative, in their order within a group.)
_OPENS_CLAUSE: Final = compile_regex(first_letter_groups((
    *(rf"{word}\b(?!\s+\d)" for word in _SUBORDINATORS.split("|")),  # "…, um 17 Uhr statt" is a time, not "um … zu"
    # V2 after a fronted subordinate clause: "Nachdem X zusagt, wird von Y ausgeführt"
    *(rf"{verb}\s" for verb in ("wird", "werden", "werde", "ist", "sind", "sei", "hat", "haben", "kann", "soll",
                                "solle", "muss", "müsse")),
    # asyndetic main clause: "…, die Entscheidung werde man im Ältestenrat treffen"
    *(rf"{word}\s+(?:wird|werde|werden|soll|solle|muss|müsse|kann|könne|sei|ist)\b"
      for word in ("es", "man", "dies", "er", "sie")),
    *(rf"{article}\s+[A-ZÄÖÜ][\wäöüß-]+\s+(?:\w+\s+){{0,2}}(?:werde|wird|solle|soll|müsse|muss)\s"
      for article in ("die", "der", "das")),
)))
# "…, was von der Verwaltung zugesagt wurde" / "…, welche Menschen …": attached to the left.
_ZU_TAIL: Final = 160  # the zu-infinitive group sits at the end: only its tail is searched


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """Split a sentence into clause spans at commas that open a subordinate or infinitive clause.

    Commas inside enumerations stay together; a comma segment is a clause of its own
    when it starts with a subordinating conjunction ("dass", "da", "um", "nachdem") or
    is a zu-infinitive group ("… einzubringen"). Everything else is glued to its left
    neighbour, so relative clauses stay with what they describe.
    """
    dash = text.find("-", start, end) >= 0 or text.find("–", start, end) >= 0
    if not dash and text.find(",", start, end) < 0 and text.find(";", start, end) < 0:
        return [(start, end)] if start < end else []  # nothing to split at
    pieces: list[Span] = []
    pos = start
    quoted = text.find("„", start, end) >= 0  # agenda titles in „…“ carry commas that open no clause
    spaced = dash and _SPACED_DASH.search(text, start + 1, end) is not None  # its space inside the span
    separators = _CLAUSE_COMMA if spaced else _COMMA if text.find(";", start, end) >= 0 else _COMMA_ONLY
    for match in separators.finditer(text, start, end):
        if quoted and text.count("„", pos, match.start()) > text.count("“", pos, match.start()):
            continue
        pieces.append((pos, match.start()))
        pos = match.end()
    pieces.append((pos, end))
    clauses: list[Span] = []
    previous = ""
    for s, e in pieces:
        if s >= e:
            continue
        segment = text[s:e]
        if clauses and not (_OPENS_CLAUSE.match(segment) or _zu_group(text, s, e, segment, previous)):
            clauses[-1] = (clauses[-1][0], e)
        else:
            clauses.append((s, e))
        previous = segment
    return clauses


def _zu_group(text: str, start: int, end: int, segment: str, previous: str) -> bool:
    """Whether a comma segment is a zu-infinitive group of its own.

    A bare "nachzureichen" after an inserted relative clause ends the interrupted clause;
    "…, für Schule und Kultur sowie für Verkehr, Umwelt … zu schicken" is one enumeration.
    """
    return (
        "zu" in segment
        and ZU_INF_GROUP_END.search(text, max(start, end - _ZU_TAIL), end)
        and len(segment.split()) >= 3
        and _has_content_word(previous)
    )


_FUNCTION_WORDS: Final = frozenset([
    "und", "oder", "sowie", "für", "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines",
    "einem", "einen", "mit", "von", "zu", "zur", "zum", "im", "in", "an", "am", "auf", "aus", "bei", "nach", "über",
    "unter", "vor", "durch", "als", "auch", "bzw",
])


def _has_content_word(piece: str) -> bool:
    """Whether an enumeration piece has a lower-case content word (a verb, adverb, adjective)."""
    return any(w.islower() and w.isalpha() and w not in _FUNCTION_WORDS for w in piece.split())


# --- request heads without a comma -----------------------------------------------------------

_REQUEST_HEAD: Final = compile_regex(
    r"\b(?:schlägt|schlug)\b[^,.;:]{0,200}?\svor\b|\b(?:bittet|bat)\s+(?:darum\b)?|\bregt\w*\s+an\b"
)
_REQUEST_HEAD_WORDS: Final = ("schlägt", "schlug", "bittet", "bat", "regt")  # one is in each branch


def split_request_heads(text: str, clauses: list[Span]) -> list[Span]:
    """Cut "X schlägt vor den Beschluss … zu delegieren" (no comma) after the request verb."""
    out: list[Span] = []
    for c_start, c_end in clauses:
        # Each branch of _REQUEST_HEAD contains one of these words: most clauses skip the regex.
        maybe = contains_any_in(text, _REQUEST_HEAD_WORDS, c_start, c_end)
        match = _REQUEST_HEAD.search(text, c_start, c_end) if maybe else None
        if match and ZU_INF_END.search(text, match.end(), c_end) and len(text[match.end():c_end].split()) >= 3:
            cut = match.end()
            out.append((c_start, cut))
            while cut < c_end and text[cut] in " ,":
                cut += 1
            out.append((cut, c_end))
        else:
            out.append((c_start, c_end))
    return out
