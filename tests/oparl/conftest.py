"""Fixtures: one local OParl server per test session (reset before each test), a fast client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oparl.client import OParlClient
from tests.oparl.server import FixtureServer


@pytest.fixture(scope="session")
def oparl_server_session() -> Iterator[FixtureServer]:
    """The server process-wide (starting uvicorn costs ~0.1 s)."""
    server = FixtureServer().start()
    yield server
    server.stop()


@pytest.fixture
def oparl_server(oparl_server_session: FixtureServer) -> FixtureServer:
    """The server with fresh fixture data, no failures and an empty request log."""
    oparl_server_session.state.reset()
    return oparl_server_session


@pytest.fixture
def client() -> Iterator[OParlClient]:
    """A client with tiny backoff so retry tests stay fast."""
    with OParlClient(retries=3, backoff=0.001, timeout=5) as c:
        yield c
