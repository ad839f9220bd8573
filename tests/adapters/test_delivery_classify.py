"""Classifying Apprise results: which failures are permanent, transient or maybe delivered."""

from __future__ import annotations

from types import SimpleNamespace

from apprise import AppriseResultStatus

from notifications.apprise_sender import classify

URL = "mailto://wv:Geheim4711@mail.example.org:587?from=wv@example.org&to=x@example.org"


def _result(status: AppriseResultStatus) -> SimpleNamespace:
    return SimpleNamespace(status=status, results=(SimpleNamespace(status=status),))


def test_an_smtp_5xx_is_permanent_and_a_4xx_transient() -> None:
    perm = classify(_result(AppriseResultStatus.FAILURE), "DEBUG - Socket Exception: (550, b'5.1.1 unknown')", URL)
    temp = classify(_result(AppriseResultStatus.FAILURE), "DEBUG - Socket Exception: (451, b'4.3.0 later')", URL)
    assert perm.permanent and not temp.permanent and not temp.ok


def test_log_timestamps_are_not_mistaken_for_smtp_codes() -> None:
    logs = "2026-12-01 07:30:01,512 - WARNING - Connection error while submitting email"
    outcome = classify(_result(AppriseResultStatus.FAILURE), logs, URL)
    assert not outcome.permanent and not outcome.ok


def test_a_timeout_may_have_delivered_and_is_masked() -> None:
    outcome = classify(_result(AppriseResultStatus.TIMEOUT), f"WARNING - {URL} timed out", URL)
    assert outcome.maybe_delivered and "Geheim4711" not in (outcome.error or "")
    read_timeout = classify(_result(AppriseResultStatus.FAILURE), "DEBUG - Socket Exception: timed out", URL)
    assert read_timeout.maybe_delivered and not read_timeout.permanent
