"""Real other processes for tests: a colleague's editor holding a lock, and reading a pty."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from valuecanvas.storage.lock import acquire

    lock = acquire(Path(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.readline()
    lock.release()
    print("released", flush=True)
    """
)


class Holder:
    """Another process holding the lock, as a colleague's editor would."""

    def __init__(self, canvas: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(canvas)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line != "locked\n":
            self.proc.kill()
            _, err = self.proc.communicate()
            raise AssertionError(f"holder did not lock: {line!r} {err}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def release(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline() == "released\n"
        assert self.proc.wait(timeout=10) == 0

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


def spawn_in_pty(
    path: Path,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    new_session: bool = True,
) -> tuple[subprocess.Popen[bytes], int]:
    """`python -m valuecanvas PATH` with a new pseudo-terminal as its terminal, as a user
    starts it; returns the process and the terminal's master end (close it when done)."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "valuecanvas", str(path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=dict(os.environ, TERM="xterm-256color", **(env or {})),
        cwd=cwd,
        start_new_session=new_session,
    )
    os.close(slave)
    return proc, master


def read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    """What a pseudo-terminal printed until `needle` appeared, or the time ran out."""
    seen = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if needle in seen:
                return seen
    return seen


class PtyApp:
    """`valuecanvas FILE` in a real pseudo-terminal of a given size, its output drained
    by a thread (a full pty would block the app), keys written as a terminal sends them."""

    def __init__(self, canvas: Path, size: tuple[int, int] = (80, 24)) -> None:
        import fcntl
        import pty
        import struct
        import termios
        import threading

        self.master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "valuecanvas", str(canvas)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows)),
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    def wait_for(self, needle: bytes, timeout: float = 30) -> None:
        """Until the app printed `needle` (e.g. its title bar: it is ready for keys)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                if needle in self.output:
                    return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"never printed {needle!r}: {bytes(self.output[-2000:])!r}")

    def type(self, keys: list[bytes], gap: float) -> None:
        """Write the keys `gap` seconds apart (0: all at once, as one burst)."""
        if gap == 0:
            os.write(self.master, b"".join(keys))
            return
        for key in keys:
            os.write(self.master, key)
            time.sleep(gap)

    def wait_exit(self, timeout: float = 60) -> int:
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)
