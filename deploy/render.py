#!/usr/bin/env python3
"""Fill deploy/nginx-minbar.conf for one deployment (or a test) and print it.

    python deploy/render.py --upstream 127.0.0.1:8001 --upstream 127.0.0.1:8002 \
        --static /srv/minbar/static --tls-cert /etc/letsencrypt/live/minbar.example.org/fullchain.pem \
        --tls-key /etc/letsencrypt/live/minbar.example.org/privkey.pem > /etc/nginx/sites-enabled/minbar.conf

With --tls-cert and --tls-key the server listens with TLS (443 unless --listen says otherwise),
Mozilla's "intermediate" settings and HSTS, and a second server on --http-listen (80) answers
every plain-http request with a 301 to https. Without them it serves plain http on --listen
(127.0.0.1:8080: a TLS terminator elsewhere, or the tests).
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx-minbar.conf"

# Mozilla's "intermediate" profile (ssl-config.mozilla.org, generator 6): TLS 1.2 and 1.3, forward
# secret AEAD suites only for 1.2 (1.3's are OpenSSL's defaults, all good), the client's order
# (every suite listed is strong, and clients know their own hardware best), no session tickets
# (their key would outlive the session and break forward secrecy until nginx restarts).
CIPHERS = ("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
           "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305")
HSTS = 'add_header Strict-Transport-Security "max-age=63072000" always;'
_PLAIN = re.compile(r"^[^\s;{}'\"#$\\]+$")


@dataclass
class Tls:
    cert: str                      # the certificate followed by its intermediates (fullchain.pem)
    key: str
    chain: str | None = None       # the issuer's chain: OCSP stapling with verification
    resolver: str | None = None    # where nginx asks for the OCSP responder's address
    http_listen: str = "80"        # the plain-http server that redirects
    acme_root: str | None = None   # certbot --webroot's folder, served on plain http


def _plain(name: str, value: str) -> str:
    if not _PLAIN.match(value):
        raise ValueError(f"{name}: {value!r} cannot go into nginx's configuration as it is "
                         "(no spaces, quotes, ';', '{', '}', '#', '$' or backslashes)")
    return value


def tls_block(tls: Tls) -> str:
    lines = [f"ssl_certificate {_plain('--tls-cert', tls.cert)};",
             f"ssl_certificate_key {_plain('--tls-key', tls.key)};",
             "ssl_protocols TLSv1.2 TLSv1.3;",
             "ssl_ecdh_curve X25519:prime256v1:secp384r1;",
             f"ssl_ciphers {CIPHERS};",
             "ssl_prefer_server_ciphers off;",
             "ssl_session_timeout 1d;",
             "ssl_session_cache shared:MinbarTLS:10m;",
             "ssl_session_tickets off;",
             HSTS]
    if tls.chain:
        lines += ["ssl_stapling on;", "ssl_stapling_verify on;",
                  f"ssl_trusted_certificate {_plain('--tls-chain', tls.chain)};"]
        if tls.resolver:
            lines.append(f"resolver {_plain('--resolver', tls.resolver)} valid=300s;")
    return "".join(f"    {line}\n" for line in lines)


def redirect_server(tls: Tls, https_listen: str, access_log: str) -> str:
    port = https_listen.rsplit(":", 1)[-1].split()[0]
    target = "https://$host" + ("" if port == "443" else f":{port}") + "$request_uri"
    acme = ("" if not tls.acme_root else "    location /.well-known/acme-challenge/ {\n"
            f"        root {_plain('--acme-root', tls.acme_root)};\n    }}\n")
    return f"""
# Plain http: every request is sent to https (301). HSTS then keeps browsers on https.
server {{
    listen {_plain('--http-listen', tls.http_listen)};
    server_name _;
    access_log {access_log} minbar;
{acme}    location / {{
        return 301 {target};
    }}
}}
"""


def render(listen: str, upstreams: list[str], static: str, template: str | None = None, *,
           access_log: str = "/var/log/nginx/minbar.access.log", tls: Tls | None = None,
           health_allow: tuple[str, ...] = ()) -> str:
    text = template if template is not None else TEMPLATE.read_text(encoding="utf-8")
    def servers(match) -> str:   # one line per process, with the parameters the block's first line has
        parameters = match.group(2) or ""
        return match.group(1) + "".join(f"    server {address}{parameters};\n" for address in upstreams)

    text, n1 = re.subn(r"(    # @UPSTREAMS@[^\n]*\n)    server \S+?( [^;\n]*)?;\n(?:    server [^\n]*\n)*", servers, text)
    directive = f"listen {listen} ssl;" if tls else f"listen {listen};"
    text, n2 = re.subn(r"listen [^;]*;  # @LISTEN@", lambda m: directive, text)
    static = static.rstrip("/") + "/"
    text, n3 = re.subn(r"alias [^;]*;  # @STATIC@", lambda m: f"alias {static};", text)
    access_log = _plain("--access-log", access_log)
    text, n4 = re.subn(r"access_log [^;]*;  # @ACCESS_LOG@", lambda m: f"access_log {access_log} minbar;", text)
    allow = "".join(f"allow {_plain('--health-allow', a)}; " for a in health_allow)
    text, n5 = re.subn(r"# @HEALTH_ALLOW@", lambda m: allow.rstrip() or m.group(0), text)
    if n1 < 1 or (n2, n3, n4, n5) != (1, 1, 1, 1):
        raise ValueError("deploy/nginx-minbar.conf lost one of its @UPSTREAMS@/@LISTEN@/@STATIC@/"
                         "@ACCESS_LOG@/@HEALTH_ALLOW@ markers")
    if tls:
        text, n6 = re.subn(r"    # @TLS@[^\n]*\n", lambda m: tls_block(tls), text)
        text, n7 = re.subn(r"# @HSTS@[^\n]*", lambda m: HSTS, text)
        if (n6, n7) != (1, 1):
            raise ValueError("deploy/nginx-minbar.conf lost its @TLS@ or @HSTS@ marker")
        text += redirect_server(tls, listen, access_log)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", help="nginx's listen address (default 443 with TLS, 127.0.0.1:8080 without)")
    parser.add_argument("--upstream", action="append", required=True, help="a Minbar process's address (repeat)")
    parser.add_argument("--static", required=True, help="the static/ folder to serve")
    parser.add_argument("--access-log", default="/var/log/nginx/minbar.access.log", help="the access log's file")
    parser.add_argument("--health-allow", action="append", default=[],
                        help="an address or network that may ask /healthz through nginx besides loopback (repeat)")
    parser.add_argument("--tls-cert", help="certificate file, followed by its intermediates (fullchain.pem)")
    parser.add_argument("--tls-key", help="the certificate's private key")
    parser.add_argument("--tls-chain", help="the issuer's chain (chain.pem): OCSP stapling, verified")
    parser.add_argument("--resolver", help="DNS resolver nginx uses to reach the OCSP responder (with --tls-chain)")
    parser.add_argument("--http-listen", default="80", help="with TLS: the plain-http address that redirects")
    parser.add_argument("--acme-root", help="with TLS: serve /.well-known/acme-challenge/ from this folder "
                        "on plain http (certbot certonly --webroot -w FOLDER)")
    args = parser.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    tls = (Tls(args.tls_cert, args.tls_key, args.tls_chain, args.resolver, args.http_listen, args.acme_root)
           if args.tls_cert else None)
    listen = args.listen or ("443" if tls else "127.0.0.1:8080")
    print(render(listen, args.upstream, args.static, access_log=args.access_log, tls=tls,
                 health_allow=tuple(args.health_allow)), end="")


if __name__ == "__main__":
    main()
