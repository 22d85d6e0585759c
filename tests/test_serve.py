"""`valuecanvas serve`: the TUI in a browser through textual-serve, on loopback only.

The test starts the real server on a free loopback port, fetches the page, opens the
websocket the page opens, and reads the served terminal: the canvas title is there.
A second connection finds the file locked by the first and opens read-only. Every
wait is bounded and the server is stopped at the end.
"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from export_helpers import SAMPLES
from valuecanvas.cli_serve import is_loopback

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    canvas = tmp_path / "office.toml"
    canvas.write_bytes(next(p for p in SAMPLES if p.name.startswith("office")).read_bytes())
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "valuecanvas", "serve", str(canvas), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"serve ended: {proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.2)
        else:
            pytest.fail("serve did not listen within 30 s")
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


async def _screen(ws: aiohttp.ClientWebSocketResponse, wanted: str, seconds: float = 30) -> str:
    """The served terminal's text (escapes removed) once `wanted` shows, or after `seconds`."""
    data = b""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    text = ""
    while loop.time() < deadline:
        try:
            msg = await asyncio.wait_for(ws.receive(), timeout=1)
        except TimeoutError:
            continue
        if msg.type == aiohttp.WSMsgType.BINARY:
            data += msg.data
            text = ANSI.sub(b"", data).decode("utf-8", "replace")
            if wanted in text:
                return text
        elif msg.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.ERROR,
        ):
            break
    return text


async def _visit(port: int) -> tuple[str, str, str]:
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/") as response:
            page = await response.text()
        found = re.search(r"ws://127\.0\.0\.1:\d+/ws", page)
        assert found, "the page names no websocket on loopback"
        url = found.group(0) + "?width=100&height=30"
        async with session.ws_connect(url) as first:
            await first.send_json(["resize", {"width": 100, "height": 30}])
            one = await _screen(first, "Office coffee service")
            async with session.ws_connect(url) as second:
                two = await _screen(second, "READ-ONLY")
        return page, one, two


def test_serve_shows_the_canvas_and_locks_per_connection(
    served: tuple[int, subprocess.Popen[str]],
) -> None:
    port, _proc = served
    page, first, second = asyncio.run(asyncio.wait_for(_visit(port), timeout=120))
    assert "Office coffee service" in page  # the page title
    assert "Office coffee service" in first
    assert "READ-ONLY" not in first
    assert "READ-ONLY" in second, second[:2000]


def test_serve_says_where_and_warns_for_other_hosts(tmp_path: Path) -> None:
    canvas = tmp_path / "c.toml"
    canvas.write_bytes(SAMPLES[0].read_bytes())
    # 192.0.2.1 (TEST-NET) is on no interface here: the bind fails, nothing is sent
    result = subprocess.run(
        [sys.executable, "-m", "valuecanvas", "serve", str(canvas), "--host", "192.0.2.1",
         "--port", str(_free_port())],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "warning: serving on 192.0.2.1" in result.stderr and "no log-in" in result.stderr
    assert "cannot listen" in result.stderr and "Traceback" not in result.stderr


def test_loopback_hosts() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.3.4.5", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.168.1.2", "example.org"]))


def test_serve_refuses_a_broken_file(write_file: object, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\nnope = 1\n')
    result = subprocess.run(
        [sys.executable, "-m", "valuecanvas", "serve", str(bad), "--port", str(_free_port())],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "not served" in result.stderr
