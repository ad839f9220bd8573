"""German zu-infinitives ("zu prüfen", "vorzulegen"), found from their literal "zu".

Several rules ask whether a zu-infinitive ends a clause or a word group. Written as one regex,
``\\bzu\\s+WORD…|\\b[a-zäöüß]{2,40}zu REST…``, the leading word boundary makes ``re`` try it at every
character of the text. ``ZuInfinitive`` answers the same question with patterns that start with the
literal "zu" (which ``re`` skips ahead to in C) and reads the infinitive's head before an infixed "zu"
("vor" of "vorzulegen") back from there.
"""

from __future__ import annotations

from typing import Final

from core.extraction.pattern_forms import LOWER_LETTERS, is_word_char
from core.extraction.regex_store import compile_regex


class ZuInfinitive:
    """The regex ``(?:\\bzu\\s+SEPARATE|\\b[a-zäöüß]{2,40}zu INFIX)TAIL`` as a test (does it occur?).

    ``separate`` is what follows "zu " ("[a-zäöüß]{1,40}" for "zu prüfen"), ``infix`` what follows an infixed
    "zu" ("[a-zäöüß]{2,40}(?:en|ern|eln)" for "vorzulegen"), ``tail`` what both must be followed by.
    """

    __slots__ = ("_infix", "_separate")

    def __init__(self, separate: str, infix: str, tail: str) -> None:
        self._separate = compile_regex(rf"zu(?<!\wzu)\s+{separate}{tail}")  # "(?<!\wzu)": the "\b" before "zu"
        # Two lower-case letters before the "zu": a head is possible; the rest after it, as a look-ahead.
        self._infix = compile_regex(rf"zu(?<=[a-zäöüß]{{2}}zu)(?={infix}{tail})")

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether the pattern matches in ``text[pos:endpos]`` (a word boundary at ``pos`` sees the character
        before it, as ``re`` does)."""
        end = len(text) if endpos is None else endpos
        # Which of the two can start at a "zu" of the slice: a separate "zu" (no word character before it,
        # white space after it) or an infixed one (two lower-case letters before it, one after it). Most "zu"
        # are neither ("zur", "zum", "dazu."): a look at each spares the regexes, whose every call costs
        # as much as a scan of the sentence.
        separate = infixed = False
        zu = text.find("zu", pos, end)
        while zu >= 0 and not (separate and infixed):
            if zu + 2 < end:
                after = text[zu + 2]
                if after.isspace():
                    separate = separate or zu == 0 or not is_word_char(text[zu - 1])
                elif after in LOWER_LETTERS and zu >= 2 and text[zu - 1] in LOWER_LETTERS \
                        and text[zu - 2] in LOWER_LETTERS:
                    infixed = True
            zu = text.find("zu", zu + 1, end)
        if separate and self._separate.search(text, pos, end) is not None:
            return True
        if not infixed:
            return False
        for match in self._infix.finditer(text, pos, end):
            zu = match.start()
            # The lower-case letters before it, at most 40 and not before ``pos``, must start the word.
            head, limit = zu, max(pos, zu - 40)
            while head > limit and text[head - 1] in LOWER_LETTERS:
                head -= 1
            if zu - head >= 2 and (head == 0 or not is_word_char(text[head - 1])):
                return True
        return False



_LOWER: Final = "[a-zäöüß]"
# "ist/sind … zu prüfen", "einzuarbeiten sind": zu-infinitive with sein = obligation (cues).
ZU_INF: Final = ZuInfinitive(rf"{_LOWER}{{3,40}}(?:en|ern|eln)\b", rf"{_LOWER}{{2,40}}(?:en|ern|eln)\b", "")
# A zu-infinitive before a comma, a full stop or the end ("…, die Vorlage zu prüfen, …").
ZU_INF_ANY: Final = ZuInfinitive(
    rf"{_LOWER}{{1,40}}", rf"{_LOWER}{{2,40}}(?:en|ern|eln)", r"(?=\s*(?:[,.;:“”\"]|$))"
)
# A comma segment that ends in a zu-infinitive group, "zu prüfen lassen" and the like included (clauses).
ZU_INF_GROUP_END: Final = ZuInfinitive(
    rf"{_LOWER}{{1,40}}(?:en|ern|eln|n)", rf"{_LOWER}{{2,40}}(?:en|ern|eln)",
    r"(?:\s+(?:zu\s+)?(?:lassen|können|werden|sein|haben))?[.!;:“”\"]*$",
)
# A segment ending in a zu-infinitive ("… zu delegieren", "vorzulegen.").
ZU_INF_END: Final = ZuInfinitive(rf"{_LOWER}{{1,40}}", rf"{_LOWER}{{2,40}}", r"[.!;:“”\"]*\s*$")
