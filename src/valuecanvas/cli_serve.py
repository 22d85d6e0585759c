"""`valuecanvas serve FILE`: the same TUI in a web browser, through textual-serve.

textual-serve starts one app process per browser connection (`python -m
valuecanvas.served FILE`), so each connection takes the file's lock as a terminal
session would: the first edits, later ones open read-only while it is held.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import shlex
import sys
from pathlib import Path

from valuecanvas.errors import CanvasError, safe


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


_HOST = re.compile(r"[A-Za-z0-9._:%\[\]-]{1,253}")
"""What a host name or an IP address (v4, v6 in brackets or not, a zone) is made of."""


def is_loopback(host: str) -> bool:
    """Whether `host` only reaches this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def served_command(path: Path) -> str:
    """The shell command textual-serve runs for each connection."""
    return f"{shlex.quote(sys.executable)} -m valuecanvas.served {shlex.quote(str(path))}"


def cmd_serve(args: argparse.Namespace) -> int:
    from valuecanvas.storage import load

    path = Path(args.file).absolute()
    if not _HOST.fullmatch(args.host):
        _err(
            f"valuecanvas serve: '{safe(args.host)}' is not a host name or address; "
            "e.g. 127.0.0.1 (the default), ::1 or 0.0.0.0"
        )
        return 2
    try:
        canvas = load(path).canvas  # a broken file is reported here, not in the browser
    except CanvasError as exc:
        for line in exc.lines():
            _err(line)
        _err(f"{safe(args.file)}: not served; fix the problems above and try again")
        return 1
    try:
        from textual_serve.server import Server
    except ImportError:
        _err("valuecanvas serve: textual-serve is not installed; pip install textual-serve")
        return 1
    if not is_loopback(args.host):
        _err(
            f"warning: serving on {safe(args.host)}: anyone who can reach port {args.port} "
            "can read and edit this canvas (there is no log-in); use the default 127.0.0.1 "
            "and an SSH tunnel to share it safely"
        )
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{args.port}"
    print(
        f"Serving {safe(args.file)} at {safe(url)} — open it in a browser; Ctrl+C stops",
        flush=True,
    )
    server = Server(
        served_command(path), host=args.host, port=args.port, title=canvas.title, public_url=url
    )
    try:
        server.serve()
    except OSError as exc:
        _err(
            f"valuecanvas serve: cannot listen on {safe(url)}: {safe(str(exc.strerror or exc))}; "
            "try another --port"
        )
        return 1
    return 0


def serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="valuecanvas serve",
        description="The same TUI in a web browser (textual-serve). Each browser tab runs its own "
        "session on FILE, with the same lock rules as a terminal.",
    )
    p.add_argument("file", metavar="FILE", help="the canvas file")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="port (default 8000)")
    p.add_argument(
        "--host", default="127.0.0.1", metavar="H",
        help="address to listen on (default 127.0.0.1: only this machine)",
    )  # fmt: skip
    p.set_defaults(run=cmd_serve)
    return p
