"""The CLI's error guard: expected errors become one German line on stderr, never a traceback."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from app import output
from core.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])
CONFIG: dict[str, str | None] = {"path": None}  # the --config given on the command line


def handled(fn: F) -> F:
    """Exit 1 with one line for InputError, 130 on Ctrl-C, 141 quietly when the reader of stdout has gone,
    70 (masked, one line) for anything else.

    Engines built during the command are disposed afterwards. ``WIEDERVORLAGE_DEBUG=1``
    re-raises unexpected errors with their traceback, for developers.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            output.error(mask(str(exc)))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            output.error("abgebrochen")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away ("… | head"): like any Unix filter, stop quietly. stdout points to
            # /dev/null from here on, so that flushing it at exit cannot fail a second time.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(141) from None
        except typer.Exit:
            raise
        except Exception as exc:  # last line of defence: one line, secrets masked
            if os.environ.get("WIEDERVORLAGE_DEBUG"):
                raise
            output.error(mask(f"interner Fehler: {type(exc).__name__}: {exc}".splitlines()[0]))
            raise typer.Exit(70) from None
        finally:
            if "app.bootstrap" in sys.modules:
                sys.modules["app.bootstrap"].close_all()

    return wrapper  # type: ignore[return-value]


def mask(text: str) -> str:
    """Remove configured Apprise URLs (and their passwords) from a message."""
    try:
        from app.bootstrap import load_config
        from core.config import mask_secrets

        cfg, _ = load_config(CONFIG["path"])
        return mask_secrets(text, [u for r in cfg.recipients.values() for u in r.notify])
    except Exception:  # an unreadable config must not hide the original error
        return text
