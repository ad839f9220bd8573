"""OParl client against the local server: paging, retries, conditional GET, quirks, bad input."""

from __future__ import annotations

import pytest

from oparl.client import OParlClient, OParlError
from tests.oparl.server import FixtureServer


def test_list_follows_links_next_across_pages_when_server_ignores_limit(oparl_server: FixtureServer,
                                                                        client: OParlClient) -> None:
    url = oparl_server.state.url("/oparl/body/1/organization")
    items = list(client.iter_list(url, {"limit": "100"}))
    assert len(items) == 6
    pages = oparl_server.state.requests_to("/oparl/body/1/organization")
    assert [p.items for p in pages] == [2, 2, 2]
    assert all(p.query.get("limit") == "100" for p in pages)  # filters kept on every page


def test_503_is_retried_with_backoff_then_succeeds(oparl_server: FixtureServer) -> None:
    oparl_server.state.fail["/oparl/system"] = 2
    pauses: list[float] = []
    with OParlClient(retries=3, backoff=0.01, sleep=pauses.append) as client:
        system = client.get_json(oparl_server.system_url)
    assert system["name"].startswith("Ratsinformationssystem")
    assert [r.status for r in oparl_server.state.requests_to("/oparl/system")] == [503, 503, 200]
    assert pauses == [0.01, 0.02]


def test_retries_are_bounded_and_end_in_one_german_line(oparl_server: FixtureServer) -> None:
    oparl_server.state.fail["/oparl/system"] = 10
    with OParlClient(retries=2, backoff=0.001) as client, pytest.raises(OParlError) as err:
        client.get_json(oparl_server.system_url)
    assert "nach 3 Versuchen weiter mit HTTP 503" in str(err.value)
    assert len(oparl_server.state.requests_to("/oparl/system")) == 3


def test_conditional_download_answers_not_modified_with_etag(oparl_server: FixtureServer,
                                                             client: OParlClient) -> None:
    url = oparl_server.state.url("/files/auv-2026-11-12.txt")
    first = client.download(url)
    again = client.download(url, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and "Niederschrift" in first.content.decode()
    assert again.status == 304 and again.content == b""


def test_control_characters_in_json_strings_are_tolerated_with_warning(oparl_server: FixtureServer,
                                                                       client: OParlClient) -> None:
    oparl_server.state.reset(vendor="allris")
    meeting = client.get_json(oparl_server.state.url("/oparl/meeting/4"))
    assert "\n" in meeting["resultsProtocol"]["text"]
    assert any("Steuerzeichen" in w for w in client.warnings)


def test_error_object_instead_of_empty_list_counts_as_empty(oparl_server: FixtureServer,
                                                            client: OParlClient) -> None:
    oparl_server.state.reset(vendor="sdnet")
    url = oparl_server.state.url("/oparl/body/1/paper")
    assert list(client.iter_list(url, {"modified_since": "2030-01-01T00:00:00+00:00"})) == []
    assert any("Fehlerobjekt" in w for w in client.warnings)


@pytest.mark.parametrize(("path", "expected"), [
    ("/broken/html", "keine gültige JSON-Antwort"),
    ("/broken/truncated", "keine gültige JSON-Antwort"),
])
def test_malformed_json_raises_one_line_german_error(oparl_server: FixtureServer, client: OParlClient,
                                                     path: str, expected: str) -> None:
    with pytest.raises(OParlError) as err:
        client.get_json(oparl_server.state.url(path))
    assert expected in str(err.value) and "\n" not in str(err.value)


def test_unreachable_server_raises_after_bounded_retries() -> None:
    with OParlClient(retries=1, backoff=0.001, timeout=1) as client, pytest.raises(OParlError) as err:
        client.get_json("http://127.0.0.1:9/oparl/system")
    assert "nicht erreichbar" in str(err.value)
