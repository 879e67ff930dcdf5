"""Trust behind the real nginx (deploy/nginx-minbar.conf, `X-Forwarded-For $proxy_add_x_forwarded_for`)
with MINBAR_TRUSTED_PROXIES=1: the organiser sign-in throttle counts per real client address, so
five failures from one client (connecting from 127.0.0.2) never lock out another (127.0.0.3), and a
client writing its own X-Forwarded-For does not escape it. Without the setting, everyone behind
nginx is 127.0.0.1, and one client's failures close the account to all (the fault this guards)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import requests
from requests.adapters import HTTPAdapter

from conftest import ROOT
from stack import Minbar, Nginx

EMAIL = "sec@example.org"
PASSWORD = "correct horse battery staple"


class FromAddress(HTTPAdapter):
    """Connections made from one loopback address (127.0.0.0/8 is all this machine's)."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        return super().init_poolmanager(*args, **kwargs)


def browser_at(address: str) -> requests.Session:
    session = requests.Session()
    session.mount("http://", FromAddress(address))
    return session


def sign_in(browser: requests.Session, base: str, password: str, headers: dict | None = None) -> int:
    form = browser.get(base + "/signin", timeout=10).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    answer = browser.post(base + "/signin", data={"email": EMAIL, "password": password, "csrf_token": token},
                          headers={"Origin": base, **(headers or {})}, allow_redirects=False, timeout=10)
    return answer.status_code


@pytest.fixture
def behind_nginx(server_env, tmp_path):
    env = {k: v for k, v in server_env.items() if k != "MINBAR_AT"}
    env["MINBAR_TRUSTED_PROXIES"] = "1"
    created = subprocess.run([sys.executable, "-m", "conference.cli", "organiser", "create", EMAIL,
                              "--conference", "gcm-arab-2021", "--password-stdin"], input=PASSWORD + "\n",
                             env=env, cwd=str(ROOT), capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    process = Minbar(env)
    nginx = Nginx(tmp_path / "nginx", [process.port])
    try:
        process.start()
        nginx.start()
        yield nginx.url
    finally:
        nginx.stop()
        process.stop()
    assert not process.tracebacks(), process.tracebacks()[-4000:]


def test_one_clients_failures_do_not_lock_out_another_through_nginx(behind_nginx):
    base = behind_nginx
    a, b = browser_at("127.0.0.2"), browser_at("127.0.0.3")
    assert [sign_in(a, base, f"wrong {n}") for n in range(6)] == [401] * 5 + [429]
    # A stays slowed down, the right password included, whatever X-Forwarded-For it writes itself.
    assert sign_in(a, base, PASSWORD) == 429
    assert sign_in(a, base, PASSWORD, headers={"X-Forwarded-For": "127.0.0.3"}) == 429
    # B signs in to the same account at once.
    assert sign_in(b, base, PASSWORD) == 303
