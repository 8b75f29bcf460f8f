"""A profile remembers the address its key was checked against, and the key goes nowhere else."""

from __future__ import annotations

import io

import pytest

from spikon_tui.cli.login import run_login
from spikon_tui.cli.main import main
from spikon_tui.config import DEFAULT_BASE_URL, load_config
from spikon_tui.credentials import KeySource
from spikon_tui.key_home import lookup_key_for, same_address
from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import FakeClock


@pytest.fixture
def stored_key_env(cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The CLI's environment without SPIKON_API_KEY (the key comes from the key file)."""
    monkeypatch.delenv("SPIKON_API_KEY")
    return cli_env


def _login(sandbox: Sandbox, url: str) -> str:
    assert sandbox.api_key is not None
    out, err = io.StringIO(), io.StringIO()

    async def verify(key: str) -> None:
        assert key == sandbox.api_key

    code = run_login(
        "default", url, verify, stdin=io.StringIO(sandbox.api_key + "\n"),
        stdout=out, stderr=err, storage_choice="file",
    )  # fmt: skip
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_login_remembers_the_address_and_plain_commands_use_it(
    sandbox: Sandbox, stored_key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    said = _login(sandbox, sandbox.base_url)
    assert f"Profile 'default' uses {sandbox.base_url}" in said
    assert load_config().profile("default").base_url == sandbox.base_url
    capsys.readouterr()
    assert main(["balance"]) == 0, "no --base-url: the profile's own address"
    assert sandbox.request_counts["balance/show"] == 1
    assert "zł" in capsys.readouterr().out


def test_a_stored_key_is_never_sent_to_another_address(
    sandbox: Sandbox, stored_key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _login(sandbox, sandbox.base_url)
    with Sandbox(SandboxConfig(seed=2, clock=FakeClock(), api_key=sandbox.api_key)) as other:
        capsys.readouterr()
        assert main(["balance", "--base-url", other.base_url]) != 0
        assert sum(other.request_counts.values()) == 0, "nothing reached the other address"
        err = capsys.readouterr().err
        assert f"is for {sandbox.base_url}, so it is not sent to {other.base_url}" in err
        assert sandbox.api_key not in err


def test_only_a_stored_key_is_held_back(
    sandbox: Sandbox, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lookup = lookup_key_for("default", "https://elsewhere.example/api/", DEFAULT_BASE_URL)
    assert lookup.source is KeySource.ENV and lookup.key == sandbox.api_key


def test_the_same_address_however_it_is_written() -> None:
    assert same_address("https://Panel.SPIKON.pl/api", "https://panel.spikon.pl/api/")
    assert not same_address("https://panel.spikon.pl/api/", "https://panel.spikon.pl:8443/api/")
    assert not same_address("http://127.0.0.1:8099/api/", "http://127.0.0.1:8098/api/")
