"""A short German infinitive phrase for a commitment ("Entwurf einer Kooperationsvereinbarung erstellen").

The phrase is built from the quote: conjunctions, speakers, modal and auxiliary verbs
are dropped, a zu-infinitive loses its "zu" ("einzubringen" -> "einbringen") and a
passive participle becomes the infinitive ("besprochen werden" -> "besprechen").
It is a readable label for the follow-up list, not a parse.
"""

from __future__ import annotations

import operator
from typing import Final

from core.extraction.pattern_forms import (
    BOUNDARY_AFTER_ASCII,
    BOUNDARY_BEFORE_ASCII,
    LOWER_LETTERS,
    contains_any,
    is_word_char,
    remove_words,
    spaced_words,
    starts_with_any,
    word_start,
)
from core.extraction.patterns import ADMINISTRATION, DEPENDENT_CONDITION, DEPENDENT_QUESTION, EXECUTIVE
from core.extraction.regex_store import compile_regex

MAX_WORDS: Final = 14

_IRREGULAR: Final = {
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
    "geschlossen": "schließen", "verschoben": "verschieben", "geschoben": "schieben", "betrieben": "betreiben",
    "gebeten": "bitten", "gegangen": "gehen", "gestanden": "stehen", "geblieben": "bleiben", "gegriffen": "greifen",
    "ergriffen": "ergreifen", "erschienen": "erscheinen", "gehoben": "heben", "geholfen": "helfen",
    "vergeben": "vergeben", "gewiesen": "weisen",
}
_PREFIXES: Final = (
    "zurück", "weiter", "zusammen", "wieder", "bereit", "vorbei", "heraus", "herein", "hinzu", "fest", "frei",
    "fort", "nach", "ein", "auf", "aus", "ab", "an", "bei", "mit", "vor", "zu", "her", "hin", "dar", "um",
    "durch", "statt", "teil", "los",
)
_PREFIXES_GE: Final = tuple((p, p + "ge") for p in _PREFIXES)
_DROP_LEAD: Final = compile_regex(
    r"^(?:" + word_start((
        "dass", "daß", "da", "weil", "um", "und", "sowie", "nachdem", "wenn", "damit", "bevor", "sodass", "so dass",
        # ("bis" the conjunction, not the preposition of "Bis zu den Sommerferien …", "Bis Ende Mai …")
        r"bis(?!\s+(?:zu|zum|zur|spätestens|Ende|Mitte|Anfang|\d))", "zudem", "ferner",
        "außerdem", "dann", "daher", "deshalb", "nun", "noch", "auch", "zunächst", "dazu", "hierfür", "dafür",
        "abschließend", "weiterhin", r"des\s+Weiteren", r"im\s+Anschluss", "anschließend", "erst", "es", "man", "sie",
        "er", "wir", "diese", "dieser", "dies",
        # a label before the task: "Auftrag an die Verwaltung: …", "Prüfauftrag: …"
        r"Auftrag\s+an\s+(?:die|den)\s+[\w-]+\s*:", r"Prüfauftrag\s*:", r"Arbeitsauftrag\s*:",
    ), ignorecase=True) + r"(?:\b|(?<=:))[,\s]*)+"
)
# Grouped by first letter, in the original order within each group (so the same word wins): re
# tries one group per letter at each word start instead of thirty-five words.
# (A word boundary first, not ``word_start``: these words start with the most frequent letters, and the
# boundary fails faster inside a word than a look-behind after each such letter. Every word starts and ends
# with an ASCII letter, so the boundaries take their fast form; "ggf." ends in a dot, and "\b" after it asks
# for a word character.)
_AUX: Final = compile_regex(
    BOUNDARY_BEFORE_ASCII
    + r"(?:w(?:ird|erden|erde|orden)|m(?:uss|üssen|üsse)|s(?:oll|ollen|olle|ollte|ollten|ind|ei|eien)"
    r"|k(?:ann|önnen|önne)|ist|n(?:och|un)|dann|a(?:uch|ngestrebt)|zunächst"
    r"|g(?:egebenenfalls|gf\.(?=\w)|ebeten|eplant)"
    # ("beauftragt" ending the phrase is its verb: "mit der Planung wird das Büro X beauftragt")
    r"|b(?:itte|eauftragt(?!\s*$)|eabsichtigt)|ermächtigt|vorgesehen)"
    + rf"(?:(?<=\.)|{BOUNDARY_AFTER_ASCII})\s*"
)
# Its words but "ggf." and "beauftragt", which need more than a whole word: for ``remove_words``.
_AUX_WORDS: Final = (
    "wird", "werden", "werde", "worden", "muss", "müssen", "müsse", "soll", "sollen", "solle", "sollte", "sollten",
    "sind", "sei", "seien", "kann", "können", "könne", "ist", "noch", "nun", "dann", "auch", "angestrebt", "zunächst",
    "gegebenenfalls", "gebeten", "geplant", "bitte", "beabsichtigt", "ermächtigt", "vorgesehen",
)
# The same as written plainly: the tests hold _AUX to it.
AUX_PLAIN: Final = (
    r"\b(?:w(?:ird|erden|erde|orden)|m(?:uss|üssen|üsse)|s(?:oll|ollen|olle|ollte|ollten|ind|ei|eien)"
    r"|k(?:ann|önnen|önne)|ist|n(?:och|un)|dann|a(?:uch|ngestrebt)|zunächst|g(?:egebenenfalls|gf\.|ebeten|eplant)"
    r"|b(?:itte|eauftragt(?!\s*$)|eabsichtigt)|ermächtigt|vorgesehen)\b\s*"
)
_SPEECH_HEAD: Final = compile_regex(
    r"^[^,]{0,60}?\b(?:teilt|führt|erklärt|informiert|berichtet|sagt|verkündet)\w*\s+"
    r"(?:\w+\s+){0,2}(?:mit|aus|an)?\s*,\s*(?:dass\s+)?"
)
# (not "dem"/"einem": a dative object opens "dem Ausschuss … vorlegen" and must stay)
_ARTICLE: Final = compile_regex(r"^(?:[Dd]ie|[Dd]er|[Dd]as|[Dd]en|[Ee]ine?[nrs]?)\s+")
# "Der Ausschuss beauftragt die Verwaltung, …" / "Die Verwaltung wird beauftragt, …": the task
# follows the comma; the head only says who commissions whom.
_ASSIGN_HEAD: Final = compile_regex(
    r"^[^,]{0,80}?\b(?:beauftragt|bittet|ersucht|ermächtigt|gebeten|aufgefordert|aufgetragen|vereinbart)\b[^,]{0,60},\s*"
)
# "Frau X sagt eine Antwort bis … zu": the promised object without speaker and particle.
_PROMISE_FRAME: Final = compile_regex(r"^[^,]{0,60}?\b(?:sagt|sichert)\w*\s+(?P<what>[^,]+?)\s+zu$")
# The literal words the heads above cannot match without: substring tests spare the regexes.
_ASSIGN_WORDS: Final = (
    "beauftragt", "bittet", "ersucht", "ermächtigt", "gebeten", "aufgefordert", "aufgetragen", "vereinbart",
)
_PROMISE_WORDS: Final = ("sagt", "sichert")
_SPEECH_WORDS: Final = ("teilt", "führt", "erklärt", "informiert", "berichtet", "sagt", "verkündet")
# "\bzu" written as "zu" plus a look-behind, so that re searches for the literal "zu".
# (not before an article: "zu dem Thema berichten", "zu einer Versammlung einladen" keep their "zu")
_ZU_SPLIT: Final = compile_regex(
    r"zu(?<!\wzu)\s+(?!(?:dem|den|der|die|das|einem|einer|einen|eine)\b)([a-zäöüß]{1,40})\b"
)
# Replacing by a C-level callable: a template such as r"\1" costs a Python call per sub().
_GROUP_1: Final = operator.itemgetter(1)
_ZU_INFIX: Final = compile_regex(r"\b([a-zäöüß]{2,40}?)zu([a-zäöüß]{2,40}(?:en|ern|eln))\b")
_ZU_INSIDE: Final = compile_regex(r"zu(?<=[a-zäöüß]{2}zu)[a-zäöüß]")  # what _ZU_INFIX needs, found by its literal
_ZU_INFIX_WORD: Final = compile_regex(r"([a-zäöüß]{2,40}?)zu([a-zäöüß]{2,40}(?:en|ern|eln))")  # a whole word


def _without_infixed_zu(text: str) -> str:
    """``_ZU_INFIX.sub`` with head + tail for each match ("vorzulegen" -> "vorlegen"), word by word.

    A match of _ZU_INFIX is a whole word (word boundaries at both ends, letters between), so only the words
    around an infixed "zu" (``_ZU_INSIDE``, found from its literal) are matched against it, instead of trying
    the regex at every word boundary of the text.
    """
    pieces: list[str] = []
    done = 0  # the text before it is in pieces
    looked = 0  # the end of the word last looked at
    for inside in _ZU_INSIDE.finditer(text):
        zu = inside.start()
        if zu < looked:
            continue  # a second "zu" of the word just looked at
        start, end = zu, zu + 2
        while start > 0 and is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and is_word_char(text[end]):
            end += 1
        looked = end
        word = _ZU_INFIX_WORD.fullmatch(text, start, end)
        if word is not None:
            pieces.append(text[done:start])
            pieces.append(word.group(1) + word.group(2))
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)

# A dependent question or condition after the main verb ("prüfen, ob …", "nachfragen, wann …").
_DEPENDENT: Final = compile_regex(rf",\s+(?:{DEPENDENT_QUESTION}|{DEPENDENT_CONDITION})\b")
# The participle that ends a phrase: _final_participle reads it without a regex, the tests hold it to this one.
PARTICIPLE_PLAIN: Final = r"\b([a-zäöüß]{4,40}(?:t|en))\s*$"


def _final_participle(text: str) -> tuple[int, int]:
    """Where the word that ``PARTICIPLE_PLAIN`` finds at the end of ``text`` starts and ends, else (-1, -1): the
    lower-case letters before the trailing white space, after a non-word character, 4 to 40 of them before a
    final "t" or "en". (Read backwards from the end: the regex would be tried at every position of the text.)"""
    end = len(text.rstrip())
    start = end
    while start > 0 and text[start - 1] in LOWER_LETTERS:
        start -= 1
    length = end - start
    if (start > 0 and is_word_char(text[start - 1])) or not (
        (text.endswith("t", start, end) and 5 <= length <= 41)
        or (text.endswith("en", start, end) and 6 <= length <= 42)
    ):
        return -1, -1
    return start, end
# A participle before "und" (with ge- or an inseparable prefix, so that "und" after a noun is left alone).
_PARTICIPLE_UND: Final = compile_regex(r"\b((?:ge|be|ver|er|ent|zer|[a-zäöüß]{2,6}ge)[a-zäöüß]{2,36}(?:t|en))\s+und\s")


def make_action(quote: str) -> str:
    """A short infinitive phrase summarising the quoted commitment."""
    text = quote.strip().rstrip(".;:!?“”\"' ")
    text = _DROP_LEAD.sub("", text)
    if "," in text and contains_any(text, _ASSIGN_WORDS):
        task = _ASSIGN_HEAD.sub("", text, count=1)
        # The head governs a zu-infinitive or a dass-clause; after "vereinbart eine Klausur am Samstag, 23.01."
        # the comma only sets off the date.
        if "zu" in task or starts_with_any(task, ("dass ", "daß ")):
            text = task
    if "zu" in text and contains_any(text, _PROMISE_WORDS):
        promise = _PROMISE_FRAME.match(text)
        if promise:
            text = promise.group("what")
    if "," in text:  # "Herr X teilt mit, dass …": the speech head ends in a comma
        if contains_any(text, _SPEECH_WORDS):
            text = _SPEECH_HEAD.sub("", text)
        text = _DROP_LEAD.sub("", text)
    # "wird prüfen, ob eine Querungshilfe möglich ist": the verb to turn is the one before the question;
    # the dependent clause is kept as written.
    dependent = _DEPENDENT.search(text) if "," in text else None
    if dependent is not None:
        return _shorten(_verb_phrase(text[: dependent.start()]) + text[dependent.start():], quote)
    return _shorten(_verb_phrase(text), quote)


def _verb_phrase(text: str) -> str:
    """The main clause as an infinitive phrase, without auxiliaries, articles at its start and its subject."""
    infinitive = text
    if "zu" in text:
        infinitive = _without_infixed_zu(text)
        infinitive = _ZU_SPLIT.sub(_GROUP_1, infinitive)
    changed = infinitive != text
    text = (_AUX.sub("", infinitive) if "ggf." in infinitive or "beauftragt" in infinitive
            else remove_words(infinitive, _AUX_WORDS, _AUX)).strip(" ,")
    if not changed:
        start, end = _final_participle(text)
        if start >= 0 and text[start:end] not in _PARTICLES:  # "findet … statt" ends in a particle, not a participle
            text = text[:start] + to_infinitive(text[start:end])
            # "… schriftlich beantwortet und dem Protokoll beigefügt": both participles of the passive
            first = _PARTICIPLE_UND.search(text) if " und " in text else None
            if first:
                text = text[: first.start(1)] + to_infinitive(first.group(1)) + text[first.end(1):]
    text = _without_article(text)
    return _without_article(_without_subject(text))


def _without_article(text: str) -> str:
    """``text`` without an article at its start (``_ARTICLE``; tried only where it can start)."""
    return _ARTICLE.sub("", text) if text.startswith(("D", "d", "E", "e")) else text


def _shorten(text: str, quote: str) -> str:
    """At most ``MAX_WORDS`` words (the last one kept after "…"), capitalised; the quote's start if empty."""
    if 0 < spaced_words(text) <= MAX_WORDS:
        result = text  # (what splitting and joining it would give)
    else:
        words = text.split()
        if len(words) > MAX_WORDS:
            words = [*words[: MAX_WORDS - 2], "…", words[-1]]
        result = " ".join(words)
    return result[:1].upper() + result[1:] if result else quote.strip()[:80]


def _without_subject(text: str) -> str:
    """Drop the acting party the owner field already names, and turn its present tense into the infinitive.

    "Verwaltung erstellt bis Mai einen Bericht" -> "bis Mai einen Bericht erstellen",
    "Kämmerei legt den Entwurf im Oktober vor" -> "den Entwurf im Oktober vorlegen",
    "Herr Schneider die Unterlagen nachreichen" -> "die Unterlagen nachreichen".
    """
    subject = _SUBJECT.match(text)
    if subject is None:
        return text
    rest = text[subject.end():]
    words = rest.split()
    if len(words) < 2:
        # "Verwaltung prüfen" (before ", ob …"): the infinitive alone is the phrase
        return rest if len(words) == 1 and rest.islower() and rest.isalpha() else text
    verb = words[0]
    if verb.endswith(",") and len(verb) > 4:
        # "Fachdienst 61 prüft, ob ein Umbau möglich ist": the verb governs the clause after the comma.
        verb = verb[:-1]
        if verb in _PRESENT_IRREGULAR or (verb.islower() and verb.endswith("t") and verb.isalpha()):
            return " ".join([_present_to_infinitive(verb) + ",", *words[1:]])
        return text
    if "und" in words:
        return text  # "nimmt die Anregung auf und wird … berichten": two verbs, leave the phrase as written
    if verb in _PRESENT_IRREGULAR or (verb.islower() and verb.endswith("t") and verb.isalpha() and len(verb) > 3):
        particle = words[-1] if words[-1] in _PARTICLES else ""
        body = words[1:-1] if particle else words[1:]
        if words[1:2] == ["sich"]:
            body = ["sich", *body[1:]]
        return " ".join([*body, particle + _present_to_infinitive(verb)]) if body else text
    return rest if rest[:1].islower() or rest[:1].isdigit() else text


def _present_to_infinitive(verb: str) -> str:
    """Third person singular present to infinitive ("erstellt" -> "erstellen", "leitet" -> "leiten")."""
    if verb in _PRESENT_IRREGULAR:
        return _PRESENT_IRREGULAR[verb]
    stem = verb[:-2] if verb.endswith("et") and len(verb) > 4 and verb[-3] in "dtmn" else verb[:-1]
    return stem + ("n" if stem.endswith(("el", "er")) and not stem.endswith("ier") else "en")


# Who acts, as the start of a phrase: the owner field names them already.
_SUBJECT: Final = compile_regex(
    rf"(?:{ADMINISTRATION}|Kämmerei|Magistrat|(?:Fachbereich|Fachdienst|Amt)\s+\d[\d.]*"
    r"|[A-ZÄÖÜ][a-zäöüß]*amt|Amt|Bauhof|Betriebshof|(?:Herr|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\wäöüß-]+"
    rf"|(?:{EXECUTIVE}|(?:ober)?bürgermeister(?:in)?)(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?|(?:GR|GRin|StR|StRin|KTA|KA|SB)\s+[A-ZÄÖÜ][\wäöüß-]+)\s+"
)
_PRESENT_IRREGULAR: Final = {
    "lädt": "laden", "tritt": "treten", "hält": "halten", "nimmt": "nehmen", "gibt": "geben", "lässt": "lassen",
    "trägt": "tragen", "schlägt": "schlagen", "sieht": "sehen", "spricht": "sprechen", "trifft": "treffen",
    "übernimmt": "übernehmen", "unternimmt": "unternehmen",
}
_PARTICLES: Final = frozenset({
    "vor", "weiter", "an", "auf", "ein", "fest", "zu", "mit", "nach", "aus", "zurück", "statt",
    "bei", "ab", "dar", "fort", "zusammen",
})


def to_infinitive(participle: str) -> str:
    """German past participle to infinitive by rule plus a table of strong verbs ("geprüft" -> "prüfen")."""
    word = participle.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    prefix = ""
    if word.find("ge", 2) >= 0:  # a separable prefix is followed by "ge" ("zurückgestellt")
        for p, p_ge in _PREFIXES_GE:
            if word.startswith(p_ge) and len(word) > len(p) + 4:
                prefix, word = p, word[len(p):]
                break
        if word in _IRREGULAR:  # "abgeschlossen" -> "ab" + "schließen"
            return prefix + _IRREGULAR[word]
    if word.startswith("ge") and len(word) > 5:
        word = word[2:]
    if word.endswith("en"):
        return prefix + word
    stem = word[:-2] if word.endswith("et") and len(word) > 4 and word[-3] in "dt" else word[:-1]
    # "geändert" -> "ändern", but "repariert" -> "reparieren"
    return prefix + stem + ("n" if stem.endswith(("el", "er")) and not stem.endswith("ier") else "en")
