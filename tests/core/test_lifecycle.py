"""Status rules: which actions are allowed from which status."""

from __future__ import annotations

import pytest

from core.errors import InputError
from core.lifecycle import check_editable, require_note, transition
from core.types import Status


@pytest.mark.parametrize(
    ("action", "current", "target"),
    [
        ("confirm", Status.PROPOSED, Status.OPEN),
        ("done", Status.OPEN, Status.DONE),
        ("cancel", Status.PROPOSED, Status.CANCELLED),
        ("reopen", Status.DONE, Status.OPEN),
        ("reopen", Status.CANCELLED, Status.OPEN),
    ],
)
def test_allowed_transitions(action: str, current: Status, target: Status) -> None:
    assert transition(action, current, 1) is target


@pytest.mark.parametrize(("action", "current"), [("confirm", Status.OPEN), ("reopen", Status.OPEN),
                                                 ("done", Status.CANCELLED), ("cancel", Status.DONE)])
def test_it_refuses_transitions_that_make_no_sense_in_german(action: str, current: Status) -> None:
    with pytest.raises(InputError, match="Eintrag 7 ist"):
        transition(action, current, 7)


def test_done_needs_an_erledigungsvermerk() -> None:
    with pytest.raises(InputError, match="Vermerk"):
        require_note("  ", "done")
    assert require_note(" erledigt am 3.12. ", "done") == "erledigt am 3.12."


def test_done_items_must_be_reopened_before_editing() -> None:
    with pytest.raises(InputError, match="reopen"):
        check_editable(Status.DONE, 3)
