"""A short German infinitive phrase for a commitment ("Entwurf einer Kooperationsvereinbarung erstellen").

The phrase is built from the quote: conjunctions, speakers, modal and auxiliary verbs
are dropped, a zu-infinitive loses its "zu" ("einzubringen" -> "einbringen") and a
passive participle becomes the infinitive ("besprochen werden" -> "besprechen").
It is a readable label for the follow-up list, not a parse.
"""

from __future__ import annotations

import re

MAX_WORDS = 14

_IRREGULAR = {
    "besprochen": "besprechen", "gesprochen": "sprechen", "beschlossen": "beschließen",
    "verwiesen": "verweisen", "überwiesen": "überweisen", "hingewiesen": "hinweisen",
    "getroffen": "treffen", "genommen": "nehmen", "vorgenommen": "vornehmen", "aufgenommen": "aufnehmen",
    "gegeben": "geben", "abgegeben": "abgeben", "eingebracht": "einbringen", "gebracht": "bringen",
    "zugesandt": "zusenden", "gesandt": "senden", "übersandt": "übersenden", "begonnen": "beginnen",
    "gefunden": "finden", "gezogen": "ziehen", "hochgezogen": "hochziehen", "getan": "tun",
    "geschrieben": "schreiben", "vorgeschlagen": "vorschlagen", "gehalten": "halten",
    "abgehalten": "abhalten", "erhoben": "erheben", "angeboten": "anbieten", "geboten": "bieten",
    "eingeladen": "einladen", "geladen": "laden", "zugeladen": "zuladen", "vorgelesen": "vorlesen",
    "gelesen": "lesen", "entschieden": "entscheiden", "beschrieben": "beschreiben", "gesehen": "sehen",
    "vorgesehen": "vorsehen", "ausgeschrieben": "ausschreiben", "vertragen": "vertragen",
    "eingeholt": "einholen", "gewonnen": "gewinnen", "erstattet": "erstatten", "geworfen": "werfen",
}
_PREFIXES = (
    "zurück", "weiter", "zusammen", "wieder", "bereit", "vorbei", "heraus", "herein", "hinzu", "fest", "frei",
    "fort", "nach", "ein", "auf", "aus", "ab", "an", "bei", "mit", "vor", "zu", "her", "hin", "dar", "um",
    "durch", "statt", "teil", "los",
)
_DROP_LEAD = re.compile(
    r"^(?:(?:dass|daß|da|weil|um|und|sowie|nachdem|wenn|damit|bevor|sodass|so dass|bis|zudem|ferner"
    r"|außerdem|dann|daher|deshalb|nun|noch|auch|zunächst|dazu|hierfür|dafür|abschließend|weiterhin"
    r"|des\s+Weiteren|im\s+Anschluss|anschließend|erst|es|man|sie|er|diese|dieser|dies)\b[,\s]*)+",
    re.IGNORECASE,
)
_AUX = re.compile(
    r"\b(?:wird|werden|werde|worden|muss|müssen|müsse|soll|sollen|solle|sollte|sollten|kann|können|könne"
    r"|ist|sind|sei|seien|noch|nun|dann|auch|zunächst|gegebenenfalls|ggf\.|bitte|beauftragt|ermächtigt"
    r"|gebeten|angestrebt|beabsichtigt|geplant|vorgesehen)\b\s*"
)
_SPEECH_HEAD = re.compile(
    r"^[^,]{0,60}?\b(?:teilt|führt|erklärt|informiert|berichtet|sagt|verkündet)\w*\s+"
    r"(?:\w+\s+){0,2}(?:mit|aus|an)?\s*,\s*(?:dass\s+)?"
)
_ARTICLE = re.compile(r"^(?:[Dd]ie|[Dd]er|[Dd]as|[Ee]ine?[nrs]?)\s+")
# "Der Ausschuss beauftragt die Verwaltung, …" / "Die Verwaltung wird beauftragt, …": the task
# follows the comma; the head only says who commissions whom.
_ASSIGN_HEAD = re.compile(
    r"^[^,]{0,80}?\b(?:beauftragt|bittet|ersucht|ermächtigt|gebeten|aufgefordert)\b[^,]{0,60},\s*"
)
# "Frau X sagt eine Antwort bis … zu": the promised object without speaker and particle.
_PROMISE_FRAME = re.compile(r"^[^,]{0,60}?\b(?:sagt|sichert)\w*\s+(?P<what>[^,]+?)\s+zu$")
_ZU_SPLIT = re.compile(r"\bzu\s+([a-zäöüß]{1,40})\b")
_ZU_INFIX = re.compile(r"\b([a-zäöüß]{2,40}?)zu([a-zäöüß]{2,40}(?:en|ern|eln))\b")
_PARTICIPLE = re.compile(r"\b([a-zäöüß]{4,40}(?:t|en))\s*$")


def make_action(quote: str) -> str:
    """A short infinitive phrase summarising the quoted commitment."""
    text = quote.strip().rstrip(".;:!?“”\"' ")
    text = _DROP_LEAD.sub("", text)
    text = _ASSIGN_HEAD.sub("", text, count=1)
    promise = _PROMISE_FRAME.match(text)
    if promise:
        text = promise.group("what")
    if "," in text:  # "Herr X teilt mit, dass …": the speech head ends in a comma
        text = _SPEECH_HEAD.sub("", text)
        text = _DROP_LEAD.sub("", text)
    infinitive = text
    if "zu" in text:
        infinitive = _ZU_INFIX.sub(lambda m: m.group(1) + m.group(2), infinitive)
        infinitive = _ZU_SPLIT.sub(r"\1", infinitive)
    changed = infinitive != text
    text = _AUX.sub("", infinitive).strip(" ,")
    if not changed:
        match = _PARTICIPLE.search(text)
        if match:
            text = text[: match.start(1)] + to_infinitive(match.group(1))
    text = _ARTICLE.sub("", text)
    words = text.split()
    if len(words) > MAX_WORDS:
        words = [*words[: MAX_WORDS - 2], "…", words[-1]]
    result = " ".join(words)
    return result[:1].upper() + result[1:] if result else quote.strip()[:80]


def to_infinitive(participle: str) -> str:
    """German past participle to infinitive by rule plus a table of strong verbs ("geprüft" -> "prüfen")."""
    word = participle.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    prefix = ""
    for p in _PREFIXES:
        if word.startswith(p + "ge") and len(word) > len(p) + 4:
            prefix, word = p, word[len(p):]
            break
    if word.startswith("ge") and len(word) > 5:
        word = word[2:]
    if word.endswith("en"):
        return prefix + word
    stem = word[:-2] if word.endswith("et") and len(word) > 4 and word[-3] in "dt" else word[:-1]
    # "geändert" -> "ändern", but "repariert" -> "reparieren"
    return prefix + stem + ("n" if stem.endswith(("el", "er")) and not stem.endswith("ier") else "en")
