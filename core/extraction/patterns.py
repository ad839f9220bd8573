"""Sentence- and clause-level patterns of the rule pipeline: discourse markers, heads, subjects.

Each pattern's comment says what it recognises; the pipeline, the discourse state and the
clause units read them (``from core.extraction import patterns as rx``). All are flat
alternations or bounded repetitions: linear time on adversarial input.
"""

from __future__ import annotations

from typing import Final

from core.extraction.pattern_forms import first_letter_groups, word_start
from core.extraction.regex_store import compile_regex

# How minutes name the administration as an actor (also read by ``actions``).
ADMINISTRATION: Final = r"(?:Stadt|Kreis|Gemeinde|Amts|Verbandsgemeinde|Samtgemeinde|Bezirks|Schul)?[Vv]erwaltung"
# The heads of the administration in the Länder's codes, masculine and feminine, longest first within a
# stem: they act for it ("Der Ortsbürgermeister wird nachfragen", "Die Bezirksbürgermeisterin wird beauftragt").
EXECUTIVE_TITLES_M: Final = (
    "Oberbürgermeister", "Bezirksbürgermeister", "Ortsbürgermeister", "Samtgemeindebürgermeister",
    "Verbandsbürgermeister", "Bürgermeister", "Landrat", "Amtsdirektor", "Amtsvorsteher",
)
EXECUTIVE_TITLES_F: Final = tuple("Landrätin" if t == "Landrat" else t + "in" for t in EXECUTIVE_TITLES_M)
EXECUTIVE_M: Final = "|".join(EXECUTIVE_TITLES_M)
EXECUTIVE_F: Final = "|".join(EXECUTIVE_TITLES_F)
EXECUTIVE: Final = "|".join(EXECUTIVE_TITLES_F + EXECUTIVE_TITLES_M)  # feminine first: "…in" is the longer word
# How minutes record an agreement and a promise (read by heads, acceptances and the tasks they state).
_AGREE: Final = (r"beschlossen|beschließt|vereinbart|vereinbaren|verabredet|verabreden|verständig\w+"
          r"|(?:sprechen|spricht)\s+sich\s+(?:\w+\s+){0,4}?dafür\s+aus")
_PROMISE_VERB: Final = r"sagt|sagte|sichert|sicherte"
PRONOUN_START: Final = compile_regex(r"^(?:Er|Sie|Dieser|Diese|Dies|Weiter|Ferner|Abschließend|Außerdem|Zudem)\b")
ACCEPT_SENTENCE: Final = compile_regex(
    r"^(?:Dies|Das|Dieser|Diese|Dem|Der\s+Vorschlag|Die\s+Bitte|Die\s+Anregung|Gegen|Nachdem|Einvernehmlich"
    r"|Die\s+Mitglieder|Der\s+\w+\s+ist\s+damit|Die\s+\w+mitglieder|Der\s+Vorsitzende\s+stimmt)\b"
)
# "Landrat Dr. Weber sagt dies zu.": accepts the request before; it states no task of its own.
ACCEPT_ANAPHOR: Final = compile_regex(
    rf"[^,]{{0,80}}?\b(?:{_PROMISE_VERB}|stimmt|stimmte)\s+(?:dies|das|es|dieses|diesem)"
    r"\s+(?:\w+\s+){0,2}?zu\s*[.!]?\s*$"
)
ACCEPT_ANAPHOR_VERBS: Final = ("sagt", "sichert", "stimmt")  # in each branch: substring tests before the regex
# A head that states a view: "Herr Kurz meint, dass …", "Sie ist der Auffassung, dass …".
OPINION_HEAD: Final = compile_regex(word_start((
    "meint", "meinte", "findet", "fand", "glaubt", "bezweifelt", r"vertritt\s+die\s+(?:Auffassung|Ansicht|Meinung)",
    *(rf"{verb}\s+der\s+(?:Auffassung|Ansicht|Meinung|Überzeugung)" for verb in ("ist", "sei", "war")),
)) + r"\b")
# A passive report whose subject is told: "Über das Ergebnis wird der Ausschuss informiert."
INFORMED: Final = compile_regex(
    word_start(("wird", "werden", "werde")) + r"\b.{0,160}?\b(?:informiert|unterrichtet|in\s+Kenntnis\s+gesetzt)\b"
)
# A speaker's first person plural future: "Wir werden dem Ausschuss … vorlegen."
WE_WILL: Final = compile_regex(r"\s*(?:\w+\s+){0,3}?[Ww]ir\s+werden\b")
# A head that makes what it governs a condition: "… wird unter der Bedingung zugestimmt, dass … vorgelegt wird".
CONDITION_HEAD: Final = compile_regex(word_start(("Bedingung", "vorausgesetzt")) + r"\b")
# An acceptance that states its own task after the comma (not "dies/das zu tun").
OWN_TASK_ACCEPT: Final = compile_regex(
    rf"(?:\b(?:{_AGREE})|\b(?:{_PROMISE_VERB})\w*\s+(?:\w+\s+){{0,3}}?zu)\s*,(?!\s*(?:dies|das|es|dem|diesem)\b)"
)
# The matter raised is the subject of the reply: "Dies wird schriftlich beantwortet." after a question.
# A reply as a noun, with what it answers: "Die Beantwortung (der Nachfrage zu den Wartezeiten) erfolgt …".
REPLY_NOUNS: Final = ("Beantwortung", "Antwort", "Stellungnahme", "Rückmeldung")
REPLY_OBJECT: Final = r"(?:\s+(?:der|des|zur|zum|zu|auf\s+die|auf\s+den)(?:\s+[\w-]+){1,5}?)?"
REPLY_NOUN: Final = rf"(?:{'|'.join(REPLY_NOUNS)}){REPLY_OBJECT}"
MATTER_SUBJECT: Final = compile_regex(
    r"\s*(?:(?:Dies|Das|Diese\s+Frage|Die\s+Frage|Die\s+Anfrage)\s+(?:wird|werde)"
    rf"|(?:Die|Eine)\s+(?:schriftliche\s+)?{REPLY_NOUN}\s+(?:erfolgt|folgt|wird|werde))\b"
)
REPORTED: Final = compile_regex(word_start(("solle", "werde", "sei", "könne", "müsse", "seien", "würden")) + r"\b")
RESOLUTION_END: Final = compile_regex(
    r"^\s*(?:TOP\b|Protokoll\b|Wortprotokoll|Sachverhalt|Begründung|Beratung|Abstimmung|Sach-\s+und"
    r"|Beratungsinhalt|Herr\s|Frau\s)"
)
RESOLUTION_START: Final = compile_regex(
    r"^\s*[„\"]?(?:Beschluss\w*|Ergebnis/Beschluss|Empfehlung|Der\s+\w+\s+beschließt|Es\s+wird\s+beschlossen)"
)
SENTENCE_END_CHARS: Final = frozenset(".!?…]“”\"')")  # the last character of a complete sentence
# The words each anchored pattern can start with (after white space where it allows that): a
# ``str.startswith`` test spares the regex call for most sentences.
ACCEPT_OPENERS: Final = ("Dies", "Das", "Dem", "Der", "Die", "Gegen", "Nachdem", "Einvernehmlich")
PRONOUN_OPENERS: Final = ("Er", "Sie", "Dies", "Weiter", "Ferner", "Abschließend", "Außerdem", "Zudem")
RESOLUTION_START_OPENERS: Final = ("„", '"', "Beschluss", "Ergebnis/", "Empfehlung", "Der", "Es")
RESOLUTION_END_OPENERS: Final = (
    "TOP", "Protokoll", "Wortprotokoll", "Sachverhalt", "Begründung", "Beratung", "Abstimmung", "Sach-", "Herr", "Frau",
)
# A motion or draft is introduced: its "wird beauftragt" is not (yet) a task.
PROPOSAL_WORDS: Final = ("antrag", "Antrag", "Beschlussvorschlag", "verliest")  # one in each branch
PROPOSAL_START: Final = compile_regex(
    r"(?:Beschlussantrag|Beschlussvorschlag|folgenden\s+Antrag|Antrag\s+(?:der|des)\s+[\w-]+(?:\s+[\w-]+)?)\s*:\s*$"
    r"|\bverliest\b.*:\s*$|\bstellt\b.*\bAntrag\b.*:\s*$"
)
ADOPTED: Final = compile_regex(
    r"(?:einstimmig|mehrheitlich|einmütig)\s+(?:beschlossen|angenommen|zugestimmt)|Beschluss:\s*(?:einstimmig"
    r"|mehrheitlich|beschlossen|angenommen)|\bwie\s+beantragt\b|Abstimmung(?:sergebnis)?:\s*(?:Ja|\d)"
    r"|Einmütige\s+Zustimmung|Zustimmung\s+zu"
)
# Where each branch of ADOPTED starts ("wie beantragt": a few characters before its anchor).
ADOPTED_ANCHORS: Final = (
    "einstimmig", "mehrheitlich", "einmütig", "Beschluss:", "beantragt", "Abstimmung", "Einmütige", "Zustimmung",
)
# The start of another agenda item: "TOP 5 …", "Zu Punkt 3: …", "Ö 4 …", "7.2 Bebauungsplan …".
NEW_ITEM: Final = compile_regex(
    r"\s*(?:TOP\b|Tagesordnungspunkt\b|Zu\s+(?:TOP|Punkt)\b|Punkt\s+\d|[ÖN]\s*\d|\d+(?:\.\d+)*\s+[A-ZÄÖÜ])"
)
REJECTED: Final = compile_regex(
    r"nicht\s+weiter\s+beraten|abgelehnt|zurückgezogen|Abstimmung\s+[^.]{0,40}erfolgt\s+[^.]{0,20}nicht"
    r"|keine\s+Mehrheit|nicht\s+angenommen"
)
ENUM_ITEM: Final = compile_regex(r"^\s*(?:\d{1,2}[.)]|[a-z]\)|[-•])\s+")
ENUM_MARK: Final = compile_regex(r"(?:\d{1,2}[.)]|[a-z]\)|[-•])\s+(?=[A-ZÄÖÜ])")  # at a given position (no ^)
# An office of the administration as a subject; a person counts with an office in brackets
# ("Frau Koch (Kämmerei) klärt bis zum 15.03. …", as in the result minutes of working groups).
# (also read by ``speakers``: an office in brackets after a speaker's name)
OFFICE: Final = (r"(?:Fachbereich(?:sleitung)?|Fachdienst|Amt|Dezernat|Referat|(?:Stadt)?[Vv]erwaltung|Kämmerei|Bauhof"
          r"|[A-ZÄÖÜ][a-zäöüß]*(?:amt|management|stelle))")
VERWALTUNG_PRESENT_OPENERS: Final = ("Die", "Das", "Der", "Herr", "Frau")  # after white space or an enumeration
VERWALTUNG_PRESENT: Final = compile_regex(
    # (only whether it matches counts: the alternatives are grouped by their article)
    rf"^\s*(?:\d{{1,2}}[.)]\s+)?(?:Die\s+(?:{ADMINISTRATION}|Kämmerei|[A-ZÄÖÜ][a-zäöüß]*stelle)"
    r"|Das\s+(?:[A-ZÄÖÜ]?[a-zäöüß]*[Aa]mt(?:\s+\d+)?|[A-ZÄÖÜ][a-zäöüß]*management)"
    r"|Der\s+(?:Fachbereich(?:\s+\d+)?|Fachdienst(?:\s+\d+)?|Bauhof)"
    rf"|(?:Herr|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\wäöüß-]+\s+\({OFFICE}\b[^()]{{0,30}}\))"
    r"\s+(?:prüft|hält|erstellt|legt|erarbeitet|klärt|ermittelt"
    r"|informiert|berichtet|führt|setzt|sorgt|nimmt|tritt|stellt|bereitet|beantragt|schreibt|lädt|leitet"
    r"|veranlasst|kümmert|organisiert)\b"
)
# A named person's present-tense step, as result minutes write their tasks ("Frau Seidel versendet das
# Protokoll bis Ende der Woche"): a plan only with a time after the meeting ("Herr X prüft" alone may be
# said in it). Verbs that report in the meeting ("informiert", "legt dar", "stimmt zu") are left out.
PERSON_PLAN: Final = compile_regex(
    r"\s*(?:Herr|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\wäöüß-]+(?:\s+\([^()]{0,30}\))?\s+"
    r"(?:prüft|erstellt|erarbeitet|klärt|ermittelt|sorgt|bereitet|versendet|verschickt|übersendet|übermittelt"
    r"|lädt|organisiert|kümmert|veranlasst|reicht|schickt|holt)\b"
)
# A label that opens a line of result minutes ("Ergebnis: …", "Vereinbart: …", "Aufgabe: …") or of an
# answered question ("Zu Frage 2: …"): the text after it is the quote, and the labels of agreements
# and tasks give it the force of an agreed head.
RESULT_LABEL: Final = compile_regex(
    r"\s*(?:(?P<task>Vereinbart|Vereinbarung|Verabredet|Verabredung|Festlegung|Festgelegt|Absprache"
    r"|Aufgabe|Arbeitsauftrag|To-?[Dd]os?|Nächste\s+Schritte|Nächster\s+Schritt)|Ergebnis|Fazit"
    r"|Zu\s+Frage\s+\d{1,2}[a-z]?)\s*:\s+"
)
# Present-tense steps that happen after the meeting (unlike "berichtet", "stellt vor": said in it).
ADMIN_ACTION: Final = compile_regex(
    # ("hält" and "beantragt" are left out: "hält … für sinnvoll" is an opinion, "beantragt, …" a motion)
    r"\s*\S+(?:\s+\S+){1,2}?\s+(?:prüft|erstellt|erarbeitet|klärt|ermittelt|sorgt|tritt|bereitet"
    r"|schreibt|lädt|leitet|veranlasst|kümmert|organisiert|setzt)\b"
    # a second step: "Die Verwaltung nimmt die Anregung auf und prüft eine Umsetzung"
    r"|[^.;]{0,80}?\bund\s+(?:prüft|erstellt|erarbeitet|klärt|ermittelt|sorgt|bereitet|leitet|veranlasst|kümmert"
    r"|organisiert)\b"
)
FINITE_WORDS: Final = (
    "sei", "ist", "wird", "werde", "wurde", "habe", "hat", "sind", "seien", "werden", "kann", "könne", "muss", "müsse",
    "soll", "solle",
)
FINITE_END: Final = compile_regex(rf"\b(?:{'|'.join(FINITE_WORDS)})\s*$")  # tried only where str.endswith found a word
CAPITALISED: Final = compile_regex(r"\s[A-ZÄÖÜ][a-zäöüß]")
PROPOSE: Final = compile_regex(word_start(("schlägt", "schlug", "Vorschlag")) + r"\b")
AGREED: Final = compile_regex(rf"\b(?:{_AGREE}|besprochen\s+worden)\b")
INTENT_OWN: Final = compile_regex(r"beabsichtig")  # a person's own intention, unlike "geplant" (a plan of record)
ON_BEHALF: Final = compile_regex(r"(?:seitens|von\s+Seiten|vonseiten)\s+der\s+Verwaltung")
LOWER3: Final = compile_regex(r"[a-zäöüß]{3}")
HANDOVER: Final = compile_regex(r"vorgelegt|vorzulegen|vorlegen|einzubringen|eingebracht|einbringen|verteilen|schicken")
# The administration's own future, ending in its infinitive ("Die Verwaltung wird … prüfen."), active only:
# "wird durch Herrn X vertreten", "wird vom Kreis unterstützt" are passives about it. The infinitive ends the
# segment, so a match starts at most ADMIN_FUTURE_REACH characters before the end: only that tail is searched.
# A council or committee by the end of its name, compounds included ("Verbandsgemeinderat", "Kreistag",
# "Bezirksverordnetenversammlung", "Gemeindevertretung"); the feminine ones take "der" in the dative.
COUNCIL_F: Final = r"[\w-]*(?:[Vv]ersammlung|[Vv]ertretung)"
COUNCIL: Final = r"[\w-]*(?:[Rr]at|[Kk]reistag|[Aa]usschuss|[Vv]ersammlung|[Vv]ertretung)"
# Words that open a dependent question or condition after a verb ("prüfen, ob …", "informieren, sobald …").
DEPENDENT_QUESTION: Final = (r"(?:ob|wann|wie|wer|wen|wem|was|welche[rsnm]?|wo|wohin|woher|warum|weshalb|inwieweit"
                      r"|inwiefern)")
DEPENDENT_CONDITION: Final = r"(?:sobald|sofern|falls|nachdem|bevor)"
# The agent of a passive: after it, "wird" is no future of the subject ("wird durch Herrn Meier vertreten").
AGENT: Final = r"\b(?:durch|vom|von\s+(?:der|dem|den|Herrn?|Frau))\b"
# (A "\\b" in front of a pattern makes re try it at every character. Where a pattern starts with a known
# letter, it is written to start with that letter, the boundary checked behind it: "[Dd](?<!\\w[Dd])ie" for
# "\\b(?:Die|die)". Then re skips ahead to the letter.)
_ADMIN_ACTOR_AFTER_D: Final = (  # the article without its first letter
    rf"(?:ie\s+(?:{ADMINISTRATION}|Kämmerei|{EXECUTIVE_F})"
    rf"|er\s+(?:Bauhof|Betriebshof|Fachbereich|Fachdienst|{EXECUTIVE_M})(?:\s+\d[\d.]{{0,8}})?"
    r"|as\s+[A-ZÄÖÜ][a-zäöüß]{0,30}amt(?:\s+\d{1,4})?)\s{1,5}(?:wird|werde)\b"
    rf"(?![^.]{{0,200}}{AGENT})"
)
ADMIN_FUTURE_END: Final = compile_regex(
    rf"[Dd](?<!\w[Dd]){_ADMIN_ACTOR_AFTER_D}"
    r"(?=[^.]{0,200}\b[a-zäöüß]{1,40}(?:en|ern|eln)\s{0,20}[.!]?\s{0,20}$)"
)
ADMIN_FUTURE_REACH: Final = 320  # the longest match start before the end: subject 50, "wird", 200, a word, spaces
# The same future with a dependent question or condition after the infinitive, at the clause's start:
# "Die Verwaltung wird prüfen, ob …", "Der Bürgermeister wird nachfragen, wann …", "… informieren, sobald …".
ADMIN_FUTURE_SUB: Final = compile_regex(
    rf"\s*[Dd]{_ADMIN_ACTOR_AFTER_D}[^.,;]{{0,200}}?\b[a-zäöüß]{{1,40}}(?:en|ern|eln),\s{{1,5}}"
    rf"(?:{DEPENDENT_QUESTION}|{DEPENDENT_CONDITION}|wenn|dass|damit)\b"
)
# The administration as the subject next to a future "wird"/"werden" (either order), or as the agent
# (three patterns: the agents' need "durch" or "von", tested first):
_WIRD: Final = r"w(?<!\ww)(?:ird|erden)\s+"
# "… wird die Verwaltung die Beschilderung überprüfen"
ADMIN_SUBJECT_FUTURE: Final = compile_regex(
    rf"{_WIRD}(?:die|der|das)\s+(?:{ADMINISTRATION}|Kämmerei|Magistrat|{EXECUTIVE}|Fachbereich|Fachdienst"
    r"|[A-ZÄÖÜ]\w*amt)\b"
)
# an office as the agent of a future step: "… wird eine Abnahme durch das Bauamt erfolgen"
ADMIN_AGENT_FUTURE: Final = compile_regex(
    rf"{_WIRD}(?:[\w-]+\s+){{0,6}}?durch\s+(?:die|das|den)\s+(?:{ADMINISTRATION}|[A-ZÄÖÜ]\w*amt"
    r"|Fachbereich|Fachdienst|Bauhof)\b[^.]{0,40}?\b(?:erfolgen|durchgeführt|vorgenommen|geprüft|erstellt)\b"
)
# the agent of a future passive: "Die Anregung wird von der Verwaltung aufgenommen und geprüft"
# (with a participle of doing, not of judging: "wird von der Verwaltung als dringend eingestuft")
ADMIN_AGENT_PASSIVE: Final = compile_regex(
    rf"{_WIRD}(?:\w+\s+){{0,6}}?von\s+der\s+{ADMINISTRATION}\s+(?:\w+\s+){{0,4}}?"
    r"(?:geprüft|aufgenommen|bearbeitet|erstellt|erarbeitet|geklärt|umgesetzt|veranlasst|weitergeleitet|beantwortet"
    r"|vorbereitet|übernommen|eingeholt|angefragt)\b"
)
# … or a coordinated future: "Die Verwaltung nimmt die Anregung auf und wird sie prüfen"
ADMIN_SUBJECT_COORDINATED: Final = compile_regex(
    rf"[Dd](?<!\w[Dd])ie\s+{ADMINISTRATION}\s+[a-zäöüß]+\b[^.,;]{{0,80}}?\bund\s+(?:wird|werde)\b"
)
# Subjects outside the council and its administration: their plans are their own (guidelines: exclude).
THIRD_PARTY_OPENERS: Final = ("Die", "Der", "Das", "Nach")  # after white space
# (Only whether it matches counts: the outside parties are grouped by first letter, so that re tries one
# group after the article instead of every party.)
_THIRD_PARTIES: Final = first_letter_groups((
    "Schule", "Schulleitung", "Firma", "Investor", "Investorin", r"Vorhabenträger\w*", r"Bauherr\w*", "Unternehmen",
    "Bahn", "Ministerium", "Landesbetrieb", r"Eigentümer\w*", "Kirchengemeinde", "Netzbetreiber", "Stadtwerke",
    "Verkehrsbetriebe", "Energieversorger", "Telekom", "Polizei", r"Deutsche\s+Bahn",
    # the state above the municipality: "Das Land wird die Förderrichtlinie überarbeiten"
    "Land", "Bund", "Landesregierung", "Bundesregierung", "Bezirksregierung", "Regierungspräsidium",
    "Senatsverwaltung", "Kommunalaufsicht", "Landesamt",
    # events nobody in the council owes: elections and school holidays ("Die Landtagswahl findet im Mai statt")
    *(rf"{who}wahl(?:en)?"
      for who in ("Kommunal", "Landtags", "Bundestags", "Europa", "Bürgermeister", "Oberbürgermeister", "Landrats")),
    *(f"{when}ferien" for when in ("Sommer", "Herbst", "Oster", "Winter", "Weihnachts", "Pfingst", "F", "f")),
))
THIRD_PARTY: Final = compile_regex(
    rf"\s*(?:(?:Die|Der|Das)\s+(?:[\w-]+\s+)?(?:{_THIRD_PARTIES}|[\w-]*[Vv]erein)"
    r"|(?:Die|Der|Das)\s+(?:[\w&.-]+\s+){1,4}?(?:GmbH|mbH|AG|KG|SE)(?=\s)"
    r"|Nach\s+(?:Auskunft|Angaben|Mitteilung)\s+(?:des|der)\s+(?!Verwaltung\b)[\w-]+)\b"
)
# A committee's recommendation to the body that decides: a referral with a head ("empfiehlt dem Rat, …").
RECOMMEND: Final = compile_regex(rf"{word_start(('empfiehlt',))}\s+(?:dem|der)\s+(?P<to>{COUNCIL})\b")
UNTIL: Final = compile_regex(word_start(("bis",)) + r"\s+(?:zur|zum|zu)\b")
# A meeting named as the deadline of a task, with its body: "bis zur Sitzung des Finanzausschusses".
UNTIL_MEETING: Final = compile_regex(r"\bbis\s+zur\s+(?:[\w-]+\s+){0,2}?[\w-]*[Ss]itzung(?:\s+(?:des|der)\s+[\w-]+)?")
# A stated milestone ("der Umzug erfolgt zum 01.01.2024", "die Begehung findet am … statt", "die Grundschulen
# folgen bis zu den Osterferien"): with a future date.
MILESTONE: Final = compile_regex(word_start((
    "erfolgt", "erfolgen", "folgt", "folgen", "findet", "finden", "beginnt", "beginnen", "startet", "starten",
)) + r"\b")
# A verbal promise governing the clause after it ("sagt zu, …"); a noun ("an dessen Zusage") recalls one.
PROMISE_HEAD: Final = compile_regex(
    rf"\b(?:{_PROMISE_VERB})\b(?:\s+[\w.]+){{0,10}}?\s+zu\s*$|"
    r"\b(?:kündigt|kündigte)\b(?:\s+[\w.]+){0,10}?\s+an\s*$"
    r"|\b(?:verspricht|versprach|verpflichtet\s+sich)\b|\b(?:hat|haben)\s+(?:\w+\s+){0,4}?(?:zugesagt|zugesichert)\s*$"
    r"|\b(?:erklärt|erklärte|erklären)\s+sich\s+(?:\w+\s+){0,3}?bereit\s*$"
)
# What ends each of its branches but one, and what that one contains: tested before the regex.
PROMISE_HEAD_ENDS: Final = ("zu", "an", "zugesagt", "zugesichert", "bereit")
PROMISE_HEAD_WORDS: Final = ("versprich", "versprach", "verpflichtet")
INTENT: Final = compile_regex(r"beabsichtig|geplant|angestrebt|vorgesehen|\bplant\b")
# A head whose content is the dass-clause after it: "Begründet werde dies damit, dass …".
CORRELATE_WORDS: Final = ("damit", "davon", "darüber", "daran")
CORRELATE_END: Final = compile_regex(rf"\b(?:{'|'.join(CORRELATE_WORDS)})\s*$")  # tried where the text ends in one
SPEECH_VERB: Final = compile_regex(word_start(("teilt", "führt", "erklärt", "informiert")) + r"\w*\b")
