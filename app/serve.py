"""``wiedervorlage serve``: run the schedules on one machine with nothing else installed.

Prefect's ephemeral mode has no scheduler, so this starts a real local Prefect server
(SQLite under ``.prefect/``) unless ``PREFECT_API_URL`` points at one, then serves the
deployments in this process. Ctrl-C stops both.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from app import output
from core.errors import InputError

HEALTH_TIMEOUT_S = 90.0


def start_local_server(port: int, home: Path) -> subprocess.Popen[bytes]:
    """Start ``prefect server start`` on 127.0.0.1:port with its database under ``home``."""
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = (home / "server.log").open("ab")
    return subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )


def wait_healthy(api_url: str, proc: subprocess.Popen[bytes] | None, timeout: float = HEALTH_TIMEOUT_S) -> None:
    """Poll ``/health`` until the server answers; InputError if it dies or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise InputError("Prefect-Server ist beim Start beendet worden (siehe .prefect/server.log)")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise InputError(f"Prefect-Server antwortet nicht unter {api_url}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, SIGKILL after 15 s."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def run_serve(port: int) -> None:
    """Serve all deployments until Ctrl-C."""
    proc = None
    api = os.environ.get("PREFECT_API_URL")
    if not api:
        home = Path(os.environ.get("WIEDERVORLAGE_PREFECT_HOME", ".prefect")).resolve()
        output.console.print(f"Starte lokalen Prefect-Server (Daten unter {home}) …")
        proc = start_local_server(port, home)
        api = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = api
    try:
        wait_healthy(api, proc)
        output.console.print(f"Prefect-Oberfläche: {api.removesuffix('/api')}  –  Beenden mit Strg+C")
        from prefect import serve

        from flows.deployments import deployments

        serve(*deployments(), print_starting_message=True)
    except KeyboardInterrupt:
        output.console.print("Beendet.")
    finally:
        if proc is not None:
            stop_server(proc)
