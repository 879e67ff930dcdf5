"""What a real `minbar run` process writes and sends: its log (stdout and stderr) never holds an
access token, whether the token came in a page's `?token=`, a refused forged one, or an
`Authorization: Bearer` header; and every response carries one `Date` header, not two."""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request

import pytest

from conftest import ServerProcess, free_port

pytestmark = pytest.mark.live_server

SLUG = "gcm-arab-2021"
SESSION = f"/conferences/{SLUG}/sessions/plenary-1"


@pytest.fixture
def server_log(server_env):
    process = ServerProcess(server_env, free_port()).start()
    yield process
    process.stop()


def get(url: str, **headers) -> int:
    """The final status, following redirects with a cookie jar (a link may be exchanged for a
    session cookie and redirected to the address without its token)."""
    import http.cookiejar

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_tokens_never_reach_the_servers_log(server_log, server_token):
    chair = server_token("chair", "plenary-1", name="Chair")
    interpreter = server_token("interpreter", "plenary-1", booth="fr", name="Anne")
    organiser = server_token("organiser", name="Secretariat")
    forged = "forged-" + chair[::-1]
    base = server_log.url
    assert get(f"{base}{SESSION}/console?token={chair}&lang=en") == 200
    assert get(f"{base}{SESSION}/booth?lang=fr&token={interpreter}") == 200
    assert get(f"{base}/conferences/{SLUG}/actuals?token={organiser}") == 200
    assert get(f"{base}{SESSION}/console?token={forged}") in (401, 403)
    assert get(f"{base}/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages",
               Authorization=f"Bearer {organiser}") in (200, 403)
    assert get(f"{base}/conferences/{SLUG}/no-such-page?token={chair}") == 404
    server_log.stop()

    log = server_log.log.read_text(errors="replace")
    for secret in (chair, interpreter, organiser, forged):
        assert secret not in log
    # The requests were logged, with their tokens redacted.
    assert f"GET {SESSION}/console?token=[redacted]&lang=en" in log
    assert f"GET {SESSION}/booth?lang=fr&token=[redacted]" in log


def test_one_date_header_per_response(server_log):
    host, port = "127.0.0.1", server_log.port
    for path, headers in [(f"/conferences/{SLUG}/agenda.ics?lang=en", {}),
                          (f"/conferences/{SLUG}?lang=en", {}),
                          (f"/api/v1/conferences/{SLUG}", {})]:
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        assert response.status == 200
        assert len(response.msg.get_all("Date")) == 1, (path, response.msg.get_all("Date"))
        etag = response.getheader("ETag")
        connection.close()
        if etag:
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("GET", path, headers={"If-None-Match": etag})
            again = connection.getresponse()
            again.read()
            assert again.status == 304 and len(again.msg.get_all("Date")) == 1, path
            assert again.getheader("Set-Cookie") is None
            connection.close()
