"""Rendering for people (Rich tables, German) and machines (JSON) — no logic."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from core.dates import format_short_de
from core.types import KIND_LABELS_DE, STATUS_LABELS_DE, Kind
from core.views import CommitmentView

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console: Console
    err_console: Console


def __getattr__(name: str) -> Any:
    """``console`` and ``err_console``, made on first use: Rich takes a tenth of a second to import on a
    slow machine, and ``wiedervorlage extract --json`` (run once per file by scripts) never prints with it."""
    if name in globals():  # (a name made before and asked for from inside this module)
        return globals()[name]
    if name not in ("console", "err_console"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from rich.console import Console

    made = globals()[name] = (
        Console(stderr=True, highlight=False, soft_wrap=True) if name == "err_console"
        # Piped output (CI logs, `| less`) gets a wide fixed width instead of Rich's 80 columns.
        else Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    )
    return made


def escape(text: str) -> str:
    """``text`` with Rich's markup brackets escaped, to print as it is."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


STATUS_STYLE = {"proposed": "cyan", "open": "white", "overdue": "bold red", "done": "green", "cancelled": "dim"}


def print_json(data: Any) -> None:
    """Machine output: UTF-8 JSON on stdout, nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def kind_label(kind: str) -> str:
    """German label of a kind value."""
    return KIND_LABELS_DE[Kind(kind)] if kind in Kind._value2member_map_ else kind


def short(day: dt.date | None) -> str:
    """``TT.MM.JJJJ`` or a dash."""
    return format_short_de(day) if day else "—"


def commitments_table(views: Sequence[CommitmentView], today: dt.date, title: str) -> Table:
    """The Beschlusskontrolle list: one row per commitment."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, expand=False)
    for name, kwargs in (("Nr.", {"justify": "right"}), ("Status", {}), ("Art", {}), ("Frist", {}),
                         ("Zuständig", {}), ("Aufgabe", {"overflow": "fold", "max_width": 60}),
                         ("Gremium", {"overflow": "fold", "max_width": 28})):
        table.add_column(name, **kwargs)  # type: ignore[arg-type]
    for v in views:
        status = v.derived_status(today)
        label = STATUS_LABELS_DE.get(status, status)
        if status == "overdue":
            label += f" ({v.days_overdue(today)} T.)"
        frist = short(v.due) if v.due else (escape(v.due_text) if v.due_text else "—")
        table.add_row(str(v.id), Text(label, style=STATUS_STYLE.get(status, "")), kind_label(v.kind), frist,
                      escape(v.owner or "—"), escape(v.action), escape(v.body or "—"))
    return table


def extraction_table(items: Iterable[dict[str, Any]], title: str) -> Table:
    """Extracted candidates (from the contract) for people."""
    from rich.table import Table

    table = Table(title=title)
    for name in ("#", "Art", "Frist", "Zuständig", "Aufgabe", "Zitat", "Konf."):
        table.add_column(name, overflow="fold")
    for n, c in enumerate(items, 1):
        due = c["due"] or (c["due_text"] or "—")
        quote = c["quote"] if len(c["quote"]) <= 110 else c["quote"][:107] + "…"
        table.add_row(str(n), kind_label(c["kind"]), escape(str(due)), escape(c["owner"] or "—"),
                      escape(c["action"]), escape(f"„{quote}“ [{c['start']}–{c['end']}]"), f"{c['confidence']:.2f}")
    return table


def quote_in_context(text: str, start: int, end: int, width: int = 240) -> Text:
    """The quote highlighted inside its surrounding document text."""
    from rich.text import Text

    left = max(0, start - width)
    right = min(len(text), end + width)
    out = Text("…" if left else "")
    out.append(text[left:start])
    out.append(text[start:end], style="bold reverse")
    out.append(text[end:right])
    if right < len(text):
        out.append("…")
    return out


def error(message: str) -> None:
    """One line on stderr, prefixed ``Fehler:``."""
    __getattr__("err_console").print(f"[bold red]Fehler:[/] {escape(' '.join(message.split()))}", soft_wrap=True)
