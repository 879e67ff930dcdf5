"""Who the client really is behind reverse proxies (`MINBAR_TRUSTED_PROXIES`).

Behind nginx every request reaches the app from nginx's address; the client's own address is in
`X-Forwarded-For`, which nginx appends to. That header is only as good as whoever wrote it, so it
is read only when the request came from a proxy we trust, and only as far as trusted proxies wrote
it. The value, one of:

- unset or `0`: no proxy is trusted; `X-Forwarded-*` from anyone is ignored (`minbar run`, or a
  server that faces the Internet itself);
- a number N: N proxies stand in front (deploy's nginx alone: 1); the client is the N-th address
  from the right of `X-Forwarded-For` (Werkzeug's ProxyFix rule: whatever a client wrote to the
  left of what the proxies appended is never read);
- addresses or networks (`127.0.0.1, 10.0.0.0/8, ::1`): a request from one of them is a proxy's;
  `X-Forwarded-For` is walked from the right past the trusted ones and the first other address is
  the client's (an untrusted peer's header is ignored).

When the peer is trusted, the scheme and host come from the nearest proxy's `X-Forwarded-Proto` and
`X-Forwarded-Host` (the last value: deploy's nginx sets them, it does not append). The original
values stay in `environ["minbar.proxy.peer"]`. Plain WSGI: applied outermost by the factory, so the
pages, the API and Socket.IO (its handshake, long-polling and WebSocket) all see the same client.
"""
from __future__ import annotations

import ipaddress


def parse(value) -> int | tuple:
    """`MINBAR_TRUSTED_PROXIES` as a hop count or a tuple of networks; ValueError naming a value
    that is neither."""
    text = str(value if value is not None else "").strip()
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    return tuple(networks_of("MINBAR_TRUSTED_PROXIES", text.replace(",", " ").split(),
                             "neither a number of proxies nor an address or network (127.0.0.1, 10.0.0.0/8)"))


def networks_of(variable: str, parts, otherwise: str) -> list:
    """Each of `parts` as an address or network; ValueError naming `variable` and the first part
    that is neither ("{variable}: '{part}' is {otherwise}")."""
    networks = []
    for part in parts:
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(f"{variable}: {part!r} is {otherwise}") from None
    return networks


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _values(environ: dict, name: str) -> list[str]:
    return [v.strip() for v in environ.get(name, "").split(",") if v.strip()]


class TrustedProxies:
    """WSGI middleware: `REMOTE_ADDR`, `wsgi.url_scheme` and `HTTP_HOST` as the client sent them
    to the first trusted proxy."""

    def __init__(self, app, trusted: int | tuple):
        self.app, self.trusted = app, trusted

    def _trusts(self, text: str) -> bool:
        address = _address(text)
        return address is not None and any(address in network for network in self.trusted)

    def client(self, peer: str, forwarded: list[str]) -> str | None:
        """The client's address, or None when the peer's headers are not to be read."""
        if isinstance(self.trusted, int):
            if self.trusted < 1 or len(forwarded) < self.trusted:
                return None
            candidate = forwarded[-self.trusted]
        else:
            if not self._trusts(peer) or not forwarded:
                return None
            candidate = forwarded[0]
            for hop in reversed(forwarded):
                if not self._trusts(hop):
                    candidate = hop
                    break
        return candidate if _address(candidate) is not None else None

    def __call__(self, environ, start_response):
        peer = environ.get("REMOTE_ADDR", "")
        client = self.client(peer, _values(environ, "HTTP_X_FORWARDED_FOR")) if self.trusted else None
        if client is not None:
            environ["minbar.proxy.peer"] = {"REMOTE_ADDR": peer, "wsgi.url_scheme": environ.get("wsgi.url_scheme"),
                                            "HTTP_HOST": environ.get("HTTP_HOST")}
            environ["REMOTE_ADDR"] = client.strip("[]")
            proto = _values(environ, "HTTP_X_FORWARDED_PROTO")
            if proto and proto[-1].lower() in ("http", "https"):
                environ["wsgi.url_scheme"] = proto[-1].lower()
            host = _values(environ, "HTTP_X_FORWARDED_HOST")
            if host:
                environ["HTTP_HOST"] = host[-1]
        return self.app(environ, start_response)
