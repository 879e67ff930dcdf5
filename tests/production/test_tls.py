"""TLS as deployed (deploy/render.py --tls-cert --tls-key): Debian's nginx with a certificate made
by openssl for this test, in front of Minbar under gunicorn. A Socket.IO client over wss:// gets
its STATE, a link's session cookie comes back Secure, plain http answers 301 to https, HSTS on
every kind of answer, Mozilla's intermediate protocols and ciphers, no session tickets, and no
sign-in token in any of nginx's logs."""
from __future__ import annotations

import http.client
import re
import socket
import ssl
import subprocess
import sys

import pytest

from live_socket import LiveClient
from stack import ROOT, Minbar, Nginx, free_port, require

sys.path.insert(0, str(ROOT / "deploy"))
from render import CIPHERS, Tls  # noqa: E402

SESSION = "plenary-1"
CONSOLE = f"/conferences/gcm-arab-2021/sessions/{SESSION}/console"


def make_certificate(folder) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1, made now."""
    openssl = require("openssl")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return str(cert), str(key)


@pytest.fixture
def tls_site(server_env, tmp_path):
    cert, key = make_certificate(tmp_path)
    env = {k: v for k, v in server_env.items() if k != "MINBAR_AT"}
    process = Minbar(env)
    http_port = free_port()
    nginx = Nginx(tmp_path / "nginx", [process.port], tls=Tls(cert, key, http_listen=f"127.0.0.1:{http_port}"))
    env["MINBAR_BASE_URL"] = nginx.url   # as the guide says: the https address
    made: list[LiveClient] = []
    try:
        process.start()
        nginx.start()
        nginx.cert, nginx.http_port, nginx.clients = cert, http_port, made
        yield nginx
    finally:
        for client in made:
            client.close()
        nginx.stop()
        process.stop()
    assert not process.tracebacks(), process.tracebacks()[-3000:]


def https(site, method: str, path: str, context: ssl.SSLContext | None = None, headers: dict | None = None):
    connection = http.client.HTTPSConnection("127.0.0.1", site.port, timeout=10,
                                             context=context or ssl.create_default_context(cafile=site.cert))
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_socketio_over_wss_gets_its_state(tls_site, server_token):
    def client(token=None):
        live = LiveClient(tls_site.url, token, connect=False)
        live.sio.eio.http.verify = tls_site.cert    # the test's CA: verified, not switched off
        tls_site.clients.append(live)
        live.connect()
        return live

    chair, participant = client(server_token("chair", session=SESSION)), client()
    assert chair.sio.eio.current_transport == "websocket" and tls_site.url.startswith("https://")
    assert participant.join(SESSION)["version"] == chair.join(SESSION)["version"]
    started = chair.call("timer", {"session": SESSION, "action": "start"})
    assert started["ok"], started
    state = participant.next_state(where=lambda s: s["version"] == started["state"]["version"])
    assert state["timer"]["status"] == "running"


def test_a_links_session_cookie_comes_back_secure(tls_site, server_token):
    token = server_token("chair", session=SESSION)
    response = https(tls_site, "GET", f"{CONSOLE}?token={token}")
    assert response.status == 303
    assert response.getheader("Location").endswith(CONSOLE) and token not in response.getheader("Location")
    [cookie] = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("minbar_session=")]
    assert re.search(r";\s*Secure\b", cookie) and "HttpOnly" in cookie


def test_plain_http_answers_a_redirect_to_https_and_no_log_keeps_the_token(tls_site, server_token):
    token = server_token("participant")
    connection = http.client.HTTPConnection("127.0.0.1", tls_site.http_port, timeout=10)
    connection.request("GET", f"/conferences/gcm-arab-2021?token={token}&lang=fr")
    response = connection.getresponse()
    connection.close()
    assert response.status == 301
    assert response.getheader("Location") == f"{tls_site.url}/conferences/gcm-arab-2021?token={token}&lang=fr"
    assert https(tls_site, "GET", f"/conferences/gcm-arab-2021?token={token}&lang=fr").status == 303

    tls_site.stop()   # flushes nginx's logs
    logs = {p.name: p.read_text(errors="replace") for p in tls_site.folder.glob("*.log")}
    assert any("/conferences/gcm-arab-2021" in text for text in logs.values())
    assert [name for name, text in logs.items() if token in text] == []


def test_hsts_on_every_kind_of_answer(tls_site):
    for path in ("/conferences/gcm-arab-2021", "/static/js/live.js", "/healthz", "/api/v1/conferences",
                 "/metrics", "/socket.io/?EIO=4&transport=polling"):
        response = https(tls_site, "GET", path)
        assert response.getheader("Strict-Transport-Security") == "max-age=63072000", path


def test_intermediate_protocols_and_ciphers_and_no_session_tickets(tls_site):
    def handshake(configure):
        context = ssl.create_default_context(cafile=tls_site.cert)
        configure(context)
        with socket.create_connection(("127.0.0.1", tls_site.port), timeout=5) as raw:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                return tls.version(), tls.cipher()[0], tls.session

    assert handshake(lambda c: None)[0] == "TLSv1.3"
    version, cipher, session = handshake(lambda c: setattr(c, "maximum_version", ssl.TLSVersion.TLSv1_2))
    assert version == "TLSv1.2" and cipher in CIPHERS.split(":")
    assert not session.has_ticket   # ssl_session_tickets off

    def weak(context):
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        context.set_ciphers("AES128-GCM-SHA256:AES256-SHA")   # no forward secrecy
    with pytest.raises(ssl.SSLError):
        handshake(weak)


def test_a_chain_adds_ocsp_stapling_that_nginx_accepts(tmp_path):
    cert, key = make_certificate(tmp_path)
    nginx = Nginx(tmp_path / "nginx", [free_port()],
                  tls=Tls(cert, key, chain=cert, resolver="127.0.0.1", http_listen=f"127.0.0.1:{free_port()}",
                          acme_root=str(tmp_path)))
    try:
        nginx.start()   # runs `nginx -t` first
        site = (nginx.folder / "minbar.conf").read_text()
        assert "ssl_stapling on;" in site and f"ssl_trusted_certificate {cert};" in site
        (tmp_path / ".well-known" / "acme-challenge").mkdir(parents=True)
        (tmp_path / ".well-known" / "acme-challenge" / "t0k3n").write_text("t0k3n.proof")
        connection = http.client.HTTPConnection("127.0.0.1", int(nginx.site["tls"].http_listen.rsplit(":", 1)[1]))
        connection.request("GET", "/.well-known/acme-challenge/t0k3n")
        response = connection.getresponse()
        assert (response.status, response.read()) == (200, b"t0k3n.proof")
        connection.close()
    finally:
        nginx.stop()


def test_render_refuses_a_path_that_would_change_the_configuration(tmp_path):
    from render import render

    with pytest.raises(ValueError, match="--tls-key"):
        render("443", ["127.0.0.1:8001"], "/srv/static", tls=Tls("/etc/cert.pem", "/etc/key.pem; return 200"))
