#!/usr/bin/env python3
"""Fill deploy/nginx-minbar.conf for one deployment (or a test) and print it.

    python deploy/render.py --listen 443 --upstream 127.0.0.1:8001 --upstream 127.0.0.1:8002 \
        --static /srv/minbar/static > /etc/nginx/sites-enabled/minbar.conf
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx-minbar.conf"


def render(listen: str, upstreams: list[str], static: str, template: str | None = None) -> str:
    text = template if template is not None else TEMPLATE.read_text(encoding="utf-8")
    def servers(match) -> str:   # one line per process, with the parameters the block's first line has
        parameters = match.group(2) or ""
        return match.group(1) + "".join(f"    server {address}{parameters};\n" for address in upstreams)

    text, n1 = re.subn(r"(    # @UPSTREAMS@[^\n]*\n)    server \S+?( [^;\n]*)?;\n(?:    server [^\n]*\n)*", servers, text)
    text, n2 = re.subn(r"listen [^;]*;  # @LISTEN@", f"listen {listen};", text)
    static = static.rstrip("/") + "/"
    text, n3 = re.subn(r"alias [^;]*;  # @STATIC@", f"alias {static};", text)
    if n1 < 1 or (n2, n3) != (1, 1):
        raise ValueError("deploy/nginx-minbar.conf lost one of its @UPSTREAMS@/@LISTEN@/@STATIC@ markers")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", default="127.0.0.1:8080", help="nginx's listen directive value")
    parser.add_argument("--upstream", action="append", required=True, help="a Minbar process's address (repeat)")
    parser.add_argument("--static", required=True, help="the static/ folder to serve")
    args = parser.parse_args()
    print(render(args.listen, args.upstream, args.static), end="")


if __name__ == "__main__":
    main()
