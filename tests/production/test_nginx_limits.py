"""deploy/nginx-minbar.conf limits each client address on /socket.io/ (requests a second and
open connections): a client on 127.0.0.2 (loopback, but not this machine's own 127.0.0.1, which
is exempt) that opens long-polling handshakes unpaced gets 429 from nginx, while 127.0.0.1 and
the pages are served."""
from __future__ import annotations

import http.client

from stack import stack  # noqa: F401

HANDSHAKE = "/socket.io/?EIO=4&transport=polling"


def statuses(port: int, source: str, count: int, path: str = HANDSHAKE) -> list[int]:
    found = []
    for _ in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(source, 0))
        try:
            connection.request("GET", path)
            found.append(connection.getresponse().status)
        finally:
            connection.close()
    return found


def test_an_address_opening_socket_io_requests_unpaced_is_refused_429(stack):
    port = stack.nginx.port
    flood = statuses(port, "127.0.0.2", 80)
    assert flood[:20] == [200] * 20, flood[:20]           # a burst is served
    assert flood.count(429) >= 20, flood                    # then 20 a second at most
    assert set(statuses(port, "127.0.0.1", 60)) == {200}    # this machine is not limited
    assert statuses(port, "127.0.0.2", 3, path="/api/v1/conferences")[0] == 200   # pages are not limited here
