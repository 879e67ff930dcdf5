"""An https MINBAR_BASE_URL marks the session cookie Secure whatever the request's scheme says:
behind a proxy whose X-Forwarded-Proto is not trusted, the app still never sends it for http."""
from __future__ import annotations

from conference.app import create_app

CONSOLE = "/conferences/gcm-arab-2021/sessions/plenary-1/console"


def cookie_of(app, token) -> str:
    response = app.test_client().get(f"{CONSOLE}?token={token}")
    assert response.status_code == 303
    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("minbar_session=")]
    return cookie


def test_an_https_base_url_makes_the_session_cookie_secure(loaded_app, issue_token, tmp_path):
    token = issue_token("chair", session="plenary-1")
    assert "Secure" not in cookie_of(loaded_app, token)
    for base, secure in (("https://minbar.example.org", True), ("http://minbar.example.org", False)):
        app = create_app({"DATABASE_URL": loaded_app.config["DATABASE_URL"], "SECRET_KEY": "test-secret",
                          "INSTANCE_PATH": str(tmp_path / "i"), "REDIS_URL": None, "MINBAR_BASE_URL": base})
        app.extensions["minbar.clock"] = loaded_app.extensions["minbar.clock"]
        assert ("Secure" in cookie_of(app, token)) is secure, base
        app.extensions["minbar.db"].engine.dispose()
