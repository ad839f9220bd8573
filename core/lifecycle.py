"""Status transitions of a commitment, as pure rules (who may go where, and why not)."""

from __future__ import annotations

from core.errors import InputError
from core.types import STATUS_LABELS_DE, Status

# action -> (allowed source states, target state)
TRANSITIONS: dict[str, tuple[frozenset[Status], Status]] = {
    "confirm": (frozenset({Status.PROPOSED}), Status.OPEN),
    "done": (frozenset({Status.OPEN, Status.PROPOSED}), Status.DONE),
    "cancel": (frozenset({Status.PROPOSED, Status.OPEN}), Status.CANCELLED),
    "reopen": (frozenset({Status.DONE, Status.CANCELLED}), Status.OPEN),
}
EDITABLE: frozenset[Status] = frozenset({Status.PROPOSED, Status.OPEN})

ACTION_LABELS_DE = {
    "confirm": "bestätigt",
    "done": "erledigt",
    "cancel": "entfallen",
    "reopen": "wieder geöffnet",
}


def transition(action: str, current: Status, commitment_id: int) -> Status:
    """The new status for ``action`` from ``current``; InputError (German) when not allowed."""
    try:
        allowed, target = TRANSITIONS[action]
    except KeyError as exc:
        raise InputError(f"Unbekannte Aktion: {action}") from exc
    if current not in allowed:
        raise InputError(
            f"Eintrag {commitment_id} ist {STATUS_LABELS_DE[current.value]} und kann nicht "
            f"{ACTION_LABELS_DE[action]} werden"
        )
    return target


def check_editable(current: Status, commitment_id: int) -> None:
    """Only proposed and open items may be edited; done/cancelled ones must be reopened first."""
    if current not in EDITABLE:
        raise InputError(
            f"Eintrag {commitment_id} ist {STATUS_LABELS_DE[current.value]}; "
            "zum Bearbeiten zuerst wieder öffnen (reopen)"
        )


def require_note(note: str | None, action: str) -> str:
    """Done and cancel need a note (the Erledigungsvermerk); return it stripped."""
    if note is None or not note.strip():
        raise InputError(f"Für '{action}' ist ein Vermerk nötig (--note)")
    return note.strip()
