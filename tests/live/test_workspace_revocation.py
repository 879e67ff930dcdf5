"""Revoking a link from the workspace API stops an open connection using it at once."""
from __future__ import annotations

import json
import time
import urllib.request

import pytest

from live.test_real_server import SESSION, clients, env, servers  # noqa: F401  (fixtures)

pytestmark = pytest.mark.live_server


def test_delete_link_disconnects_its_open_connection_within_two_seconds(servers, clients, server_token):
    server = servers()
    organiser = server_token("organiser")
    auth = {"Authorization": f"Bearer {organiser}", "Content-Type": "application/json"}
    request = urllib.request.Request(
        f"{server.url}/api/v1/conferences/gcm-arab-2021/links", method="POST", headers=auth,
        data=json.dumps({"role": "chair", "session": SESSION}).encode())
    with urllib.request.urlopen(request, timeout=10) as response:
        link = json.load(response)
    chair = clients(server, link["token"])
    chair.join()
    request = urllib.request.Request(f"{server.url}/api/v1/conferences/gcm-arab-2021/links/{link['id']}",
                                     method="DELETE", headers=auth)
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    revoked_at = time.monotonic()
    gone_at = chair.disconnects.get(timeout=3)
    assert gone_at - revoked_at < 2.0 and not chair.connected
