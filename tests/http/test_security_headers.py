"""Headers every response carries (docs/security.md, "Headers and origins"): a Content-Security-Policy
without inline scripts or styles, no framing except the stage view by configured origins, no
inline script or event handler left in the templates, and tokens redacted from every log line."""
from __future__ import annotations

import logging
import re

import pytest

from conference import web
from conftest import ROOT

SLUG = "gcm-arab-2021"
BASE = f"/conferences/{SLUG}"
SESSION = f"{BASE}/sessions/plenary-1"


def page_urls(issue_token) -> dict[str, str]:
    """One page of each kind, with the link that opens it."""
    return {
        "home": "/",
        "agenda": f"{BASE}?lang=en",
        "session": f"{SESSION}?lang=fr",
        "console": f"{SESSION}/console?lang=en&token={issue_token('chair', session='plenary-1')}",
        "stage": f"{SESSION}/stage?lang=ar",
        "participant live": f"{SESSION}/live?lang=en",
        "booth": f"{SESSION}/booth?lang=en&token={issue_token('interpreter', session='plenary-1', booth='fr')}",
        "rapporteur": f"{SESSION}/rapporteur?lang=en&token={issue_token('rapporteur', session='plenary-1')}",
        "outcome": f"{BASE}/outcome.html?lang=en",
        "actuals": f"{BASE}/actuals?lang=en&token={issue_token('organiser')}",
        "presentation": f"{BASE}/presentation?lang=en",
        "error": f"{BASE}/no-such-page",
    }


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def fetch(client, url):
    # A link's token may be exchanged for a session cookie and redirected: the page is where it ends.
    return client.get(url, follow_redirects=True)


def test_every_kind_of_page_has_a_strict_policy_and_refuses_framing(client, issue_token):
    for kind, url in page_urls(issue_token).items():
        response = fetch(client, url)
        assert response.status_code == (404 if kind == "error" else 200), (kind, response.status_code)
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], kind
        assert policy["style-src"] == ["'self'"], kind
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"], kind
        assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"], kind
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], kind
        assert policy["form-action"] == ["'self'"] and policy["default-src"] == ["'self'"], kind
        assert policy["connect-src"][0] == "'self'", kind
        assert set(policy["connect-src"][1:]) <= {"ws://localhost", "wss://localhost"}, kind
        assert policy["frame-ancestors"] == ["'none'"], kind
        assert response.headers["X-Frame-Options"] == "DENY", kind
        assert response.headers["X-Content-Type-Options"] == "nosniff", kind


def test_feeds_and_the_api_carry_the_policy_too(client):
    for url in (f"{BASE}/agenda.ics", f"{BASE}/schedule.json", f"/api/v1/conferences/{SLUG}"):
        response = client.get(url)
        assert response.status_code == 200
        assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
        assert response.headers["X-Frame-Options"] == "DENY"


@pytest.fixture
def framing_app(loaded_app):
    loaded_app.config["MINBAR_FRAME_ORIGINS"] = "https://webcast.example.org, https://tv.example.net:8443 "
    return loaded_app


def test_only_the_stage_view_may_be_embedded_and_only_by_configured_origins(framing_app):
    client = framing_app.test_client()
    stage = client.get(f"{SESSION}/stage?lang=en")
    assert stage.status_code == 200
    assert directives(stage.headers["Content-Security-Policy"])["frame-ancestors"] == [
        "https://webcast.example.org", "https://tv.example.net:8443"]
    assert "X-Frame-Options" not in stage.headers
    for url in (f"{SESSION}/live?lang=en", f"{BASE}?lang=en", f"{BASE}/outcome.html"):
        response = client.get(url)
        assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] == ["'none'"], url
        assert response.headers["X-Frame-Options"] == "DENY", url


def test_without_configured_origins_the_stage_view_is_not_embeddable(client):
    stage = client.get(f"{SESSION}/stage?lang=en")
    assert directives(stage.headers["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert stage.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("value", ["*", "https://*.example.org", "webcast.example.org", "javascript:alert(1)",
                                   "https://example.org/path", "ftp://example.org", "'self'", "https://a b;c"])
def test_a_frame_origin_that_is_not_an_origin_is_refused_at_start(value):
    with pytest.raises(ValueError, match="MINBAR_FRAME_ORIGINS"):
        web.frame_origins(value if value != "https://a b;c" else "https://a.example;c")


def test_frame_origins_split_on_spaces_and_commas():
    assert web.frame_origins(" https://A.example.org/,http://b.example:8080  https://c.example ") == (
        "https://a.example.org", "http://b.example:8080", "https://c.example")
    assert web.frame_origins("") == () and web.frame_origins(None) == ()


# -- no inline script, event handler or style left in the templates ------------------------------

TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I | re.S)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_templates_hold_no_inline_script_handler_or_style(template):
    text = template.read_text(encoding="utf-8")
    for attributes in SCRIPT_TAG.findall(text):
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes
    assert not EVENT_HANDLER.search(text)
    assert not re.search(r"\sstyle\s*=", text, re.I)
    assert "<style" not in text.lower()
    assert not re.search(r"(href|src|action)\s*=\s*[\"']?\s*javascript:", text, re.I)


# -- tokens are never logged ---------------------------------------------------------------------

@pytest.mark.parametrize("line, secret", [
    ('"GET /conferences/x/sessions/p/console?token=s3cr3t.T0k-en_x&lang=en HTTP/1.1" 200 -', "s3cr3t.T0k-en_x"),
    ('"GET /conferences/x/sessions/p/booth?lang=fr&TOKEN=abcDEF123 HTTP/1.1" 200 -', "abcDEF123"),
    ("Authorization: Bearer eyJhbGciOi.payload.sig", "eyJhbGciOi.payload.sig"),
    ("headers={'Authorization': 'Bearer abc.def'}", "abc.def"),
    ("referer http://h/x?access_token=zz9&x=1", "zz9"),
    ('Received packet MESSAGE data 0/live,{"token":"sio.Tok-9"}', "sio.Tok-9"),
    ("auth={'token': 'py.Tok_8'}", "py.Tok_8"),
])
def test_redact_removes_every_credential(line, secret):
    redacted = web.redact(line)
    assert secret not in redacted and "[redacted]" in redacted


def test_every_log_record_is_redacted_whatever_the_logger(app, caplog):
    web.install_log_redaction()
    with caplog.at_level(logging.INFO):
        logging.getLogger("werkzeug").info('%s - - [x] "%s" %s %s', "127.0.0.1",
                                           "GET /p?token=tok123SECRET HTTP/1.1", "200", "-")
        logging.getLogger("gunicorn.access").info('%(r)s %(f)s', {"r": "GET /p?token=tok456SECRET HTTP/1.1",
                                                                 "f": "http://h/a?token=tok789SECRET"})
        app.logger.warning("opened with token=tokABCSECRET")
        app.logger.warning("opened with token=%s and %d%%", "tokGHISECRET", 5)
        logging.getLogger("some.child.logger").error("Authorization: Bearer tokDEFSECRET")
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "SECRET" not in text
    assert text.count("[redacted]") == 6 and "and 5%" in text


def test_gunicorn_access_lines_are_redacted(app, caplog):
    """gunicorn logs each request as its access_log_format over a dict of "atoms"."""
    from gunicorn.glogging import SafeAtoms

    web.install_log_redaction()
    atoms = SafeAtoms({"h": "127.0.0.1", "r": "GET /x/console?token=gunSECRET1&lang=en HTTP/1.1",
                       "U": "/x/console", "q": "token=gunSECRET2&lang=en", "{referer}i": "https://h/?token=gunSECRET3",
                       "{authorization}i": "Bearer gunSECRET4", "s": "200"})
    with caplog.at_level(logging.INFO):
        logging.getLogger("gunicorn.access").info(
            '%(h)s "%(r)s" %(s)s %(q)s "%({referer}i)s" "%({Authorization}i)s" "%({x-missing}i)s"', atoms)
    (message,) = [record.getMessage() for record in caplog.records]
    assert "SECRET" not in message and message.count("[redacted]") == 4
    assert message.endswith('"-"')


def test_socketio_long_polling_answers_carry_the_pages_headers(client):
    """Engine.IO answers long-polling outside Flask (its WSGI middleware), so they missed the
    headers pages get; `conference.edge.PollingHeaders` adds them."""
    handshake = client.get("/socket.io/?EIO=4&transport=polling")
    refused = client.get("/socket.io/?EIO=4&transport=polling&sid=no-such-connection")
    assert handshake.status_code == 200 and refused.status_code == 400
    for answer in (handshake, refused):
        policy = directives(answer.headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"]
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert answer.headers["Referrer-Policy"] == "same-origin"
        assert len(answer.headers.getlist("Content-Security-Policy")) == 1
