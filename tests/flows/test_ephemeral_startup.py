"""Prefect's temporary local server gets time for a cold start; an operator's own limit wins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_PROBE = (
    "import flows.ingest\n"
    "from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as limit\n"
    "print(limit.value())\n"
)


def _limit(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"}
    if env_value is not None:
        env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = env_value
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(("env_value", "expected"), [(None, "120"), ("45", "45")])
def test_a_cold_ephemeral_server_gets_two_minutes_unless_the_operator_says_otherwise(
    env_value: str | None, expected: str
) -> None:
    assert _limit(env_value) == expected
