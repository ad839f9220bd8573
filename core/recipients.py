"""Who gets a reminder: matching commitment owners to configured recipients, and routing.

Owners come from minutes as free text ("Herr Römer (Integrationszentrum)", "Amt 61",
"Frau Dr. Schulze"). Matching is case-insensitive on whole words, ignores titles
(Herr/Herrn/Frau/Dr./Prof.) and treats ä/ae, ö/oe, ü/ue, ß/ss alike. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from core.config import Config, Recipient
from core.policy import DueStep

__all__ = ["digest_recipients", "match_owner", "normalise_tokens", "route"]

_TITLES = frozenset({"herr", "herrn", "frau", "dr", "prof", "hr", "fr"})
_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_tokens(text: str) -> tuple[str, ...]:
    """Significant lower-case word tokens: titles dropped, umlauts folded (``Römer`` -> ``roemer``)."""
    folded = text.casefold().translate(_FOLD)
    return tuple(t for t in _WORD.findall(folded) if t not in _TITLES)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when ``needle`` occurs as a contiguous run of whole tokens in ``haystack``."""
    size = len(needle)
    if not size or size > len(haystack):
        return False
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def match_owner(owner: str | None, recipients: Mapping[str, Recipient]) -> Recipient | None:
    """The recipient whose name or an alias names ``owner``, or None.

    A label (name or alias) matches when its significant tokens equal the owner's, or occur
    as whole consecutive words inside the owner ("Herr Römer (Integrationszentrum)" contains
    "Römer" and "Integrationszentrum"). The longest matching label wins (most tokens, then
    most characters); remaining ties go to the alphabetically first recipient key, so the
    result never depends on the order of the configuration file.
    """
    if owner is None:
        return None
    tokens = normalise_tokens(owner)
    if not tokens:
        return None
    best: tuple[int, int, str] | None = None
    chosen: Recipient | None = None
    for key in sorted(recipients):
        recipient = recipients[key]
        labels = ([recipient.name] if recipient.name else []) + list(recipient.aliases)
        for label in labels:
            needle = normalise_tokens(label)
            if not _contains(tokens, needle):
                continue
            # longest first; on equal length the earlier key wins (keys are visited sorted)
            score = (len(needle), sum(map(len, needle)), key)
            if best is None or score[:2] > best[:2]:
                best, chosen = score, recipient
    return chosen


def _triage(config: Config) -> list[Recipient]:
    if config.triage is not None and config.triage in config.recipients:
        return [config.recipients[config.triage]]
    return []


def route(step: DueStep, owner: str | None, config: Config) -> list[Recipient]:
    """The recipients of one step.

    Owner audience: the matched recipient, else the triage recipient. Manager audience
    (escalation): the matched recipient's manager, else (no match, or no manager) the
    triage recipient. Empty when nothing fits and no triage is configured.
    """
    matched = match_owner(owner, config.recipients)
    if step.audience == "owner":
        return [matched] if matched is not None else _triage(config)
    if matched is not None and matched.manager is not None:
        manager = config.recipients.get(matched.manager)
        if manager is not None:
            return [manager]
    return _triage(config)


def digest_recipients(config: Config) -> list[Recipient]:
    """Recipients with ``digest = true``, ordered by key."""
    return [config.recipients[key] for key in sorted(config.recipients) if config.recipients[key].digest]
