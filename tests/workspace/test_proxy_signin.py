"""Behind trusted proxies (`MINBAR_TRUSTED_PROXIES`, conference/proxy.py) the client's address,
scheme and host come from X-Forwarded-*; from anyone else those headers are ignored. The organiser
sign-in throttle counts per real client address, so one client's failures never lock another out
of the same account. (Through the real nginx: tests/production/test_proxy_throttle.py.)"""
from __future__ import annotations

import pytest

from conference import proxy
from conference.app import create_app
from conftest import database_url

from speakers import organisers

from .conftest import PASSWORD, SLUG, csrf_of

EMAIL = "sec@example.org"


def make_account(app, clock) -> None:
    with app.extensions["minbar.db"].session_scope() as db:
        organisers.create(db, EMAIL, PASSWORD, clock.now(), conferences=(SLUG,))


def sign_in(client, password, **request):
    token = csrf_of(client)
    return client.post("/signin", data={"email": EMAIL, "password": password, "csrf_token": token}, **request)


@pytest.fixture
def proxied(tmp_path, clock):
    """make(trusted) -> a test client of an app created with MINBAR_TRUSTED_PROXIES=trusted."""
    from conference.agenda import validate
    from conference.agenda.load import load
    from conference.paths import bundled_agenda
    from conference.reference import load_reference

    made = []

    def make(trusted: str):
        folder = tmp_path / f"app{len(made)}"
        app = create_app({"DATABASE_URL": database_url(folder) if not made else made[0].config["DATABASE_URL"],
                          "INSTANCE_PATH": str(folder / "instance"), "SECRET_KEY": "test-secret",
                          "REDIS_URL": None, "TESTING": True, "MINBAR_TRUSTED_PROXIES": trusted})
        app.extensions["minbar.clock"] = clock
        if not made:
            folder.mkdir(parents=True, exist_ok=True)
            database = app.extensions["minbar.db"]
            database.drop_all()
            database.create_all()
            spec, _ = validate.check_file(bundled_agenda())
            with database.session_scope() as session:
                load_reference(session)
                load(spec, session, clock.now())
            make_account(app, clock)
        made.append(app)
        return app

    yield make
    for app in made:
        app.extensions["minbar.db"].engine.dispose()


def via_nginx(client_address: str, extra: str = "", https: bool = False) -> dict:
    """What nginx sends for a client at `client_address` ($proxy_add_x_forwarded_for)."""
    forwarded = f"{extra}, {client_address}" if extra else client_address
    headers = {"X-Forwarded-For": forwarded}
    if https:
        headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-Host": "minbar.example.org"})
    return {"environ_base": {"REMOTE_ADDR": "127.0.0.1"}, "headers": headers}


def test_five_failures_from_one_client_never_lock_another_out_behind_the_proxy(proxied):
    app = proxied("1")
    a, b = app.test_client(), app.test_client()
    statuses = [sign_in(a, "wrong password", **via_nginx("203.0.113.7")).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    # Client A stays slowed down, even with the right password...
    assert sign_in(a, PASSWORD, **via_nginx("203.0.113.7")).status_code == 429
    # ...and inventing an X-Forwarded-For of its own does not help: nginx appends the real one.
    assert sign_in(a, PASSWORD, **via_nginx("203.0.113.7", extra="198.51.100.1")).status_code == 429
    # Client B signs in to the same account at once.
    assert sign_in(b, PASSWORD, **via_nginx("198.51.100.20")).status_code == 303


def test_an_untrusted_peer_cannot_choose_its_address(proxied):
    app = proxied("127.0.0.1")
    client = app.test_client()
    statuses = [sign_in(client, "wrong password", environ_base={"REMOTE_ADDR": "192.0.2.50"},
                        headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(6)]
    assert statuses == [401] * 5 + [429]


def seen_by(app, **request) -> dict:
    """The address, scheme and host a view sees for this request."""
    seen = {}

    @app.get("/_seen")
    def _seen():
        from flask import request as current
        seen.update(address=current.remote_addr, scheme=current.scheme, host=current.host)
        return ""

    app.test_client().get("/_seen", **request)
    return seen


def test_without_trusted_proxies_forwarded_headers_are_ignored(proxied):
    seen = seen_by(proxied(""), **via_nginx("203.0.113.7", https=True))
    assert seen == {"address": "127.0.0.1", "scheme": "http", "host": "localhost"}


def test_behind_the_proxy_the_address_scheme_and_host_are_the_clients(proxied):
    seen = seen_by(proxied("127.0.0.1, ::1"), **via_nginx("203.0.113.7", extra="127.0.0.1", https=True))
    assert seen == {"address": "203.0.113.7", "scheme": "https", "host": "minbar.example.org"}


@pytest.mark.parametrize("value, peer, forwarded, client", [
    ("1", "127.0.0.1", ["198.51.100.1", "203.0.113.7"], "203.0.113.7"),
    ("2", "127.0.0.1", ["198.51.100.1", "203.0.113.7", "10.0.0.2"], "203.0.113.7"),
    ("2", "127.0.0.1", ["203.0.113.7"], None),                     # fewer hops than promised
    ("10.0.0.0/8 127.0.0.1", "127.0.0.1", ["1.2.3.4", "203.0.113.7", "10.0.0.2"], "203.0.113.7"),
    ("127.0.0.1", "192.0.2.1", ["203.0.113.7"], None),             # not from a trusted proxy
    ("127.0.0.1", "127.0.0.1", ["not an address"], None),
    ("127.0.0.1", "127.0.0.1", ["2001:db8::1"], "2001:db8::1"),
])
def test_the_client_address_rule(value, peer, forwarded, client):
    assert proxy.TrustedProxies(None, proxy.parse(value)).client(peer, forwarded) == client


def test_a_wrong_setting_stops_the_start_naming_it():
    with pytest.raises(ValueError, match="'nginx'"):
        proxy.parse("127.0.0.1, nginx")
    assert proxy.parse("") == 0 and proxy.parse("3") == 3
