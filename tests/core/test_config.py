"""Configuration parsing, validation messages and secret masking (core.config)."""

from __future__ import annotations

import string
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.config import (
    Config,
    DeliveryPolicy,
    KindPolicy,
    Recipient,
    default_config,
    load_config_file,
    mask_secrets,
    mask_url,
    parse_config,
)
from core.dates import BusinessCalendar
from core.errors import ConfigError, InputError
from core.types import Kind

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wiedervorlage.toml"
SECRET_URL = "mailto://user:Geheim-2026!@mail.example.org?to=roemer@kreis.example"

MINIMAL = """
[recipients.roemer]
name = "Herr Römer"
notify = ["mailto://user:pass@mail.example.org?to=roemer@kreis.example"]
manager = "amtsleitung"

[recipients.amtsleitung]
notify = ["mailto://user:pass@mail.example.org?to=amtsleitung@kreis.example"]
digest = true
"""


def refused(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("Konfiguration: ")
    return message


# --------------------------------------------------------------------------- defaults and example


def test_an_empty_file_is_the_default_configuration() -> None:
    assert parse_config("") == default_config()


def test_the_defaults_are_documented_values() -> None:
    config = default_config()
    assert (config.timezone, config.land, config.send_at, config.triage) == (
        "Europe/Berlin",
        "NW",
        "07:30",
        None,
    )
    assert dict(config.recipients) == {}
    assert config.reminders.per_kind[Kind.DEADLINE] == KindPolicy((10, 3, 0))
    assert config.reminders.per_kind[Kind.MEETING] == KindPolicy((5, 1))
    assert set(config.reminders.per_kind) == set(Kind)
    r = config.reminders
    assert (r.default_frist_months, r.interim_report, r.overdue_every, r.escalate_after) == (3, True, 5, 10)
    assert config.delivery == DeliveryPolicy(60.0, 300.0, 5, (60.0, 300.0, 1800.0))
    assert config.calendar() == BusinessCalendar("NW", "Europe/Berlin")


def test_the_example_configuration_loads_and_spells_out_the_defaults() -> None:
    config = load_config_file(EXAMPLE)
    assert config.triage == "buero"
    assert config.recipients["roemer"].manager == "amtsleitung"
    assert config.recipients["roemer"].aliases == ("Römer", "Integrationszentrum")
    assert config.reminders == default_config().reminders
    assert config.delivery == default_config().delivery
    assert "pass@" not in repr(config)


def test_it_reads_every_documented_key() -> None:
    config = parse_config(
        MINIMAL
        + """
[calendar]
timezone = "Europe/Berlin"
land = "by"
send_at = "7:05"
[triage]
recipient = "amtsleitung"
[reminders.deadline]
before = [3, 10, 0]
[reminders.forward]
before = []
[reminders.deliverable]
default_frist_months = 6
interim_report = false
[overdue]
every = 3
escalate_after = 20
[delivery]
max_send_seconds = 30
lease_seconds = 61.5
max_attempts = 3
backoff_seconds = [10, 20.5]
"""
    )
    assert (config.land, config.send_at, config.triage) == ("BY", "07:05", "amtsleitung")
    assert config.reminders.per_kind[Kind.DEADLINE].before == (10, 3, 0)
    assert config.reminders.per_kind[Kind.FORWARD].before == ()
    assert config.reminders.default_frist_months == 6 and not config.reminders.interim_report
    assert (config.reminders.overdue_every, config.reminders.escalate_after) == (3, 20)
    assert config.delivery == DeliveryPolicy(30.0, 61.5, 3, (10.0, 20.5))
    roemer = config.recipients["roemer"]
    assert roemer == Recipient(
        "roemer",
        "Herr Römer",
        (),
        ("mailto://user:pass@mail.example.org?to=roemer@kreis.example",),
        "amtsleitung",
        False,
    )
    assert config.recipients["amtsleitung"].digest


# --------------------------------------------------------------------------- every error names its key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("calender = 1", "'calender'"),
        ("[calendar]\nzone = 'Europe/Berlin'", "'calendar.zone'"),
        ("[calendar]\ntimezone = 'Europe/Bonn'", "calendar.timezone"),
        ("[calendar]\ntimezone = 5", "calendar.timezone"),
        ("[calendar]\nland = 'XX'", "calendar.land"),
        ("[calendar]\nsend_at = '25:00'", "calendar.send_at"),
        ("[calendar]\nsend_at = '7.30'", "calendar.send_at"),
        ("calendar = 'NW'", "calendar"),
        ("[recipients]\nroemer = 'x'", "recipients.roemer"),
        ("[recipients.roemer]\nname = 'Römer'", "recipients.roemer.notify"),
        ("[recipients.roemer]\nnotify = []", "recipients.roemer.notify"),
        ("[recipients.roemer]\nnotify = 'mailto://a@b.example'", "recipients.roemer.notify"),
        ("[recipients.roemer]\nnotify = [42]", "recipients.roemer.notify[0]"),
        (
            "[recipients.roemer]\nnotify = ['mailto://a@b.example', 'keine url']",
            "recipients.roemer.notify[1]",
        ),
        ("[recipients.roemer]\nnotify = ['mailto://a@b.example']\nmail = 'x'", "'recipients.roemer.mail'"),
        (
            "[recipients.roemer]\nnotify = ['mailto://a@b.example']\naliases = 'Römer'",
            "recipients.roemer.aliases",
        ),
        (
            "[recipients.roemer]\nnotify = ['mailto://a@b.example']\naliases = ['']",
            "recipients.roemer.aliases[0]",
        ),
        ("[recipients.roemer]\nnotify = ['mailto://a@b.example']\ndigest = 'ja'", "recipients.roemer.digest"),
        (
            "[recipients.roemer]\nnotify = ['mailto://a@b.example']\nmanager = 'roemer'",
            "recipients.roemer.manager",
        ),
        ("[triage]\nrecipient = 'niemand'", "triage.recipient"),
        ("[triage]\nempfaenger = 'x'", "'triage.empfaenger'"),
        ("[reminders.deadlines]\nbefore = [1]", "'reminders.deadlines'"),
        ("[reminders.deadline]\nbefore = 3", "reminders.deadline.before"),
        ("[reminders.deadline]\nbefore = [3, -1]", "reminders.deadline.before[1]"),
        ("[reminders.deadline]\nbefore = [3, 3]", "reminders.deadline.before[1]"),
        ("[reminders.deadline]\nbefore = [2.5]", "reminders.deadline.before[0]"),
        ("[reminders.meeting]\ndefault_frist_months = 2", "'reminders.meeting.default_frist_months'"),
        ("[reminders.deliverable]\ndefault_frist_months = 0", "reminders.deliverable.default_frist_months"),
        ("[reminders.deliverable]\ninterim_report = 1", "reminders.deliverable.interim_report"),
        ("[overdue]\nevery = 0", "overdue.every"),
        ("[overdue]\nevery = true", "overdue.every"),
        ("[overdue]\nescalate_after = 1.5", "overdue.escalate_after"),
        ("[overdue]\nescalate = 10", "'overdue.escalate'"),
        ("[delivery]\nmax_send_seconds = 0", "delivery.max_send_seconds"),
        ("[delivery]\nlease_seconds = 'lang'", "delivery.lease_seconds"),
        ("[delivery]\nmax_attempts = 0", "delivery.max_attempts"),
        ("[delivery]\nbackoff_seconds = []", "delivery.backoff_seconds"),
        ("[delivery]\nbackoff_seconds = [60, -1]", "delivery.backoff_seconds[1]"),
        ("[delivery]\nlease_seconds = nan", "delivery.lease_seconds"),
    ],
)
def test_every_validation_error_names_the_key(text: str, key: str) -> None:
    assert key in refused(text)


def test_it_refuses_a_manager_that_is_not_a_recipient() -> None:
    text = "[recipients.roemer]\nnotify = ['mailto://a@b.example']\nmanager = 'amtsleitung'"
    assert refused(text) == (
        "Konfiguration: recipients.roemer.manager verweist auf unbekannten Empfänger 'amtsleitung'"
    )


def test_it_refuses_a_lease_shorter_than_twice_the_send_time() -> None:
    message = refused("[delivery]\nmax_send_seconds = 60\nlease_seconds = 120")
    assert "delivery.lease_seconds" in message and "delivery.max_send_seconds" in message
    parse_config("[delivery]\nmax_send_seconds = 60\nlease_seconds = 120.5")


def test_it_suggests_the_key_that_was_probably_meant() -> None:
    assert "meinten Sie 'escalate_after'" in refused("[overdue]\nescalate_afer = 10")


def test_invalid_toml_is_one_line_with_the_line_number() -> None:
    message = refused("[calendar]\nland = NW\n")
    assert "ungültiges TOML" in message and "line 2" in message


def test_config_errors_are_input_errors() -> None:
    assert issubclass(ConfigError, InputError)


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "fehlt.toml"
    with pytest.raises(ConfigError, match=r"fehlt\.toml"):
        load_config_file(missing)


def test_an_unreadable_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=str(tmp_path)):
        load_config_file(tmp_path)  # a directory cannot be read as a file


def test_errors_from_a_file_name_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "wv.toml"
    path.write_text("[overdue]\nevery = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config_file(path)
    assert str(path) in str(caught.value) and "overdue.every" in str(caught.value)


def test_a_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "wv.toml"
    path.write_bytes("\ufeff[calendar]\nland = 'SN'\n".encode())
    assert load_config_file(path).land == "SN"


# --------------------------------------------------------------------------- secrets


def test_a_recipients_repr_masks_its_urls() -> None:
    config = parse_config(MINIMAL.replace("user:pass", "user:Geheim-2026"))
    text = repr(config) + str(config.recipients["roemer"])
    assert "Geheim-2026" not in text
    assert "mailto://***" in text


def test_mask_url_keeps_only_the_schema() -> None:
    assert mask_url(SECRET_URL) == "mailto://***"
    assert mask_url("tgram://123456:ABCdefGHI/987") == "tgram://***"
    assert mask_url("kein url") == "***"


def test_error_messages_never_echo_a_bad_url() -> None:
    message = refused("[recipients.roemer]\nnotify = ['mailto://user:Geheim-2026 @host']")
    assert "Geheim" not in message


def test_mask_secrets_removes_urls_passwords_and_tokens() -> None:
    urls = [
        SECRET_URL,
        "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/987654",
        "gotify://push.example.org/AxQh3bGtyPo",
        "json://hooks.example.org/path?token=s3cr3t",
    ]
    text = (
        f"Sending to {SECRET_URL} failed: 535 auth failed for user (password Geheim-2026!); "
        "telegram said Unauthorized for AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw; "
        "gotify https://push.example.org/message?token=AxQh3bGtyPo; token s3cr3t rejected"
    )
    masked = mask_secrets(text, urls)
    for secret in ("Geheim-2026!", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "AxQh3bGtyPo", "s3cr3t", SECRET_URL):
        assert secret not in masked
    assert "mailto://***" in masked
    assert "push.example.org" in masked  # host names stay for diagnosis


def test_mask_secrets_leaves_text_without_secrets_alone() -> None:
    assert mask_secrets("Zeitüberschreitung nach 15 s", [SECRET_URL]) == "Zeitüberschreitung nach 15 s"
    assert mask_secrets("nichts", []) == "nichts"


passwords = st.text(
    alphabet=string.ascii_letters + string.digits + "!$%&()+,-.;=@[]^_{}~:/?#",
    min_size=6,
    max_size=24,
)


def _config_with(url: str) -> Config:
    return parse_config(f'[recipients.r]\nnotify = ["{url}"]\n')


@settings(max_examples=200, deadline=None)
@given(password=passwords, prefix=st.text(max_size=20), suffix=st.text(max_size=20))
def test_masking_never_leaks_a_password(password: str, prefix: str, suffix: str) -> None:
    encoded = quote(password, safe="")
    url = f"mailto://user:{encoded}@mail.example.org?to=roemer@kreis.example"
    text = f"{prefix}{url} {password}{suffix} ({encoded})"
    # what must remain; a password that happens to occur in it is no leak
    skeleton = f"{prefix}mailto://*** ***{suffix} (***)"
    assume(password not in skeleton and encoded not in skeleton)
    masked = mask_secrets(text, [url])
    assert password not in masked
    assert encoded not in masked
    assert masked == skeleton
    shown = repr(_config_with(url))
    assume(password not in repr(_config_with("mailto://user:x@mail.example.org?to=roemer@kreis.example")))
    assert password not in shown and encoded not in shown


@settings(max_examples=100, deadline=None)
@given(password=passwords)
def test_a_config_error_about_a_recipient_never_contains_its_password(password: str) -> None:
    def message(url: str) -> str:
        with pytest.raises(ConfigError) as caught:
            parse_config(f'[recipients.r]\nnotify = ["{url}"]\nmanager = "chef"\n')
        return str(caught.value)

    encoded = quote(password, safe="")
    skeleton = message("mailto://user:x@mail.example.org")
    assume(password not in skeleton and encoded not in skeleton)
    leaked = message(f"mailto://user:{encoded}@mail.example.org")
    assert password not in leaked and encoded not in leaked


def test_config_objects_are_immutable() -> None:
    config: Config = default_config()
    with pytest.raises(AttributeError):
        config.land = "BY"  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.recipients["x"] = Recipient("x")  # type: ignore[index]


raw_passwords = st.text(
    alphabet=string.ascii_letters + string.digits + "!$&()+,-.;=_~", min_size=6, max_size=24
)


@settings(max_examples=150, deadline=None)
@given(password=raw_passwords, token=raw_passwords)
def test_masking_removes_unencoded_passwords_and_path_tokens(password: str, token: str) -> None:
    urls = [f"ntfys://admin:{password}@ntfy.example.org/{token}", f"pover://user@{token}"]
    text = f"HTTP 401 for {urls[0]} with {password}; topic {token}; {urls[1]}"
    skeleton = "HTTP 401 for ntfys://*** with ***; topic ***; pover://***"
    assume(password not in skeleton and token not in skeleton)
    masked = mask_secrets(text, urls)
    assert password not in masked and token not in masked
