"""Matching owners to recipients and routing steps (core.recipients)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.config import Config, parse_config
from core.policy import DueStep
from core.recipients import digest_recipients, match_owner, normalise_tokens, route

CONFIG = parse_config(
    """
[recipients.roemer]
name = "Herr Römer"
aliases = ["Römer", "Integrationszentrum"]
notify = ["mailto://u:p@mail.example.org?to=roemer@kreis.example"]
manager = "amtsleitung"

[recipients.bauamt]
name = "Bauamt"
aliases = ["Amt 61", "Frau Dr. Schulze"]
notify = ["mailto://u:p@mail.example.org?to=bauamt@kreis.example"]

[recipients.mueller]
name = "Frau Müller"
notify = ["mailto://u:p@mail.example.org?to=mueller@kreis.example"]
manager = "amtsleitung"

[recipients.mueller_bau]
name = "Müller Bauamt"
notify = ["mailto://u:p@mail.example.org?to=mueller.bau@kreis.example"]

[recipients.amtsleitung]
name = "Amtsleitung"
notify = ["mailto://u:p@mail.example.org?to=amtsleitung@kreis.example"]
digest = true

[recipients.buero]
name = "Büro des Landrats"
notify = ["mailto://u:p@mail.example.org?to=buero@kreis.example"]
digest = true

[triage]
recipient = "buero"
"""
)
RECIPIENTS = CONFIG.recipients
OWNER_STEP = DueStep(1, "due", "owner", dt.date(2026, 3, 2), dt.date(2026, 3, 2), None)
MANAGER_STEP = DueStep(1, "escalation", "manager", dt.date(2026, 3, 2), dt.date(2026, 3, 16), None)


def key(owner: str | None) -> str | None:
    found = match_owner(owner, RECIPIENTS)
    return found.key if found else None


@pytest.mark.parametrize(
    ("owner", "expected"),
    [
        ("Herr Römer", "roemer"),
        ("herr römer", "roemer"),
        ("RÖMER", "roemer"),
        ("Herr Roemer", "roemer"),
        ("Herr Römer (Integrationszentrum)", "roemer"),
        ("das Kommunale Integrationszentrum", "roemer"),
        ("Bürgermeister Römer", "roemer"),
        ("Amt 61", "bauamt"),
        ("Amt 61 (Stadtplanung)", "bauamt"),
        ("Frau Schulze", "bauamt"),
        ("Dr. Schulze", "bauamt"),
        ("das Bauamt", "bauamt"),
        ("Frau Müller", "mueller"),
        ("Müller (Bauamt)", "mueller_bau"),  # the longer name wins over "Müller" and "Bauamt"
    ],
)
def test_it_matches_owners_by_name_alias_and_whole_words(owner: str, expected: str) -> None:
    assert key(owner) == expected


@pytest.mark.parametrize(
    "owner",
    [None, "", "Herr", "Frau Dr.", "Römerberg-Verwaltung", "Amt 6", "Amt 610", "Schulzendorf", "Verwaltung"],
)
def test_it_matches_nobody_for_partial_words_titles_or_strangers(owner: str | None) -> None:
    assert key(owner) is None


def test_titles_are_ignored_and_umlauts_folded() -> None:
    assert normalise_tokens("Frau Dr. Müller-Lüdenscheidt") == ("mueller", "luedenscheidt")
    assert normalise_tokens("Herrn Prof. Dr. Weiß") == ("weiss",)


def test_ties_go_to_the_alphabetically_first_key_whatever_the_file_order() -> None:
    first = parse_config(
        "[recipients.zeta]\nname = 'Schmidt'\nnotify = ['mailto://a@b.example']\n"
        "[recipients.alpha]\nname = 'Herr Schmidt'\nnotify = ['mailto://c@d.example']\n"
    )
    second = parse_config(
        "[recipients.alpha]\nname = 'Herr Schmidt'\nnotify = ['mailto://c@d.example']\n"
        "[recipients.zeta]\nname = 'Schmidt'\nnotify = ['mailto://a@b.example']\n"
    )
    for config in (first, second):
        found = match_owner("Frau Schmidt", config.recipients)
        assert found is not None and found.key == "alpha"


def test_it_routes_owner_steps_to_the_matched_recipient() -> None:
    assert [r.key for r in route(OWNER_STEP, "Herr Römer", CONFIG)] == ["roemer"]


def test_it_routes_unmatched_owners_to_triage() -> None:
    assert [r.key for r in route(OWNER_STEP, "Kämmerei", CONFIG)] == ["buero"]
    assert [r.key for r in route(OWNER_STEP, None, CONFIG)] == ["buero"]


def test_it_routes_escalations_to_the_owners_manager() -> None:
    assert [r.key for r in route(MANAGER_STEP, "Herr Römer (Integrationszentrum)", CONFIG)] == ["amtsleitung"]


def test_it_routes_escalations_without_a_manager_or_owner_to_triage() -> None:
    assert [r.key for r in route(MANAGER_STEP, "Bauamt", CONFIG)] == ["buero"]
    assert [r.key for r in route(MANAGER_STEP, "Unbekannt", CONFIG)] == ["buero"]


def test_it_routes_nowhere_when_nothing_is_configured() -> None:
    assert route(OWNER_STEP, "Herr Römer", Config()) == []
    assert route(MANAGER_STEP, "Herr Römer", Config()) == []
    no_triage = parse_config("[recipients.roemer]\nname = 'Römer'\nnotify = ['mailto://a@b.example']\n")
    assert [r.key for r in route(OWNER_STEP, "Römer", no_triage)] == ["roemer"]
    assert route(MANAGER_STEP, "Römer", no_triage) == []


def test_digest_recipients_are_those_with_digest_true_by_key() -> None:
    assert [r.key for r in digest_recipients(CONFIG)] == ["amtsleitung", "buero"]
    assert digest_recipients(Config()) == []
