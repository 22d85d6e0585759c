"""The crash test: SIGKILL a process mid-save, many times; the file is always whole.

A child process saves two different canvases, A and B, in a tight loop with
`write_atomic`. We kill it at random moments and check after every kill that the
file parses and is byte for byte A or B — never a mix, never truncated, never empty —
and that it kept its permission bits. A SIGKILL can leave the temporary file behind;
that is accepted, but it must be recognisable as ours (`.NAME.*.tmp`) so it can be
cleaned up. This tests process crashes; power loss is covered by fsync, not here.
"""

from __future__ import annotations

import os
import random
import re
import stat
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

from valuecanvas.storage import files

KILLS = 200
MAX_DELAY = 0.020  # seconds between "looping" and SIGKILL
NAME = "canvas.toml"
TEMP = re.compile(r"^\." + re.escape(NAME) + r"\.[A-Za-z0-9_]+\.tmp$")

# The child loads files.py by its path so that it starts in ~40 ms instead of the
# ~250 ms that importing the whole package (models, pydantic) takes; it is the same
# source file, so the code under test is the real `write_atomic`.
CHILD = textwrap.dedent(
    """
    import importlib.util
    import sys
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("files_under_test", sys.argv[1])
    files = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = files  # dataclasses look their module up here
    spec.loader.exec_module(files)

    target = Path(sys.argv[2])
    a = Path(sys.argv[3]).read_bytes()
    b = Path(sys.argv[4]).read_bytes()
    print("looping", flush=True)
    while True:
        files.write_atomic(target, b)
        files.write_atomic(target, a)
    """
)


def canvas_text(variant: str, seed: int) -> bytes:
    """A realistic canvas document of a few tens of KB with 200 jobs."""
    rng = random.Random(seed)
    verbs = ["plan", "compare", "book", "track", "share", "prepare", "review", "pay for"]
    things = [
        "a weekend trip",
        "team lunches",
        "the monthly budget",
        "client visits",
        "a house move",
        "school holidays",
        "a product launch",
        "tax documents",
    ]
    kinds = ["functional", "social", "emotional"]
    out = [
        'format = "valuecanvas/1"',
        f'title = "Travel planner for small teams ({variant})"',
        f'description = """\nVariant {variant}: who the customer is and what they try to get done.\n"""',
        "",
    ]
    for i in range(1, 201):
        note = f"note {variant}{i}: " + "x" * rng.randint(0, 40 if variant == "A" else 60)
        out += [
            "[[jobs]]",
            f'id = "j{i}"',
            f'text = "{rng.choice(verbs).capitalize()} {rng.choice(things)} ({variant}{i})"',
            f'kind = "{rng.choice(kinds)}"',
            f"importance = {rng.randint(1, 5)}",
            f'notes = "{note}"',
            "",
        ]
    return "\n".join(out).encode("utf-8")


def test_sigkill_during_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    a = canvas_text("A", 1)
    b = canvas_text("B", 2)
    assert a != b
    assert len(a) != len(b)
    assert len(tomllib.loads(a.decode())["jobs"]) == 200
    assert len(tomllib.loads(b.decode())["jobs"]) == 200

    work = tmp_path / "work"
    work.mkdir()
    target = work / NAME
    target.write_bytes(a)
    target.chmod(0o640)
    (tmp_path / "a.toml").write_bytes(a)
    (tmp_path / "b.toml").write_bytes(b)

    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    seen = {"A": 0, "B": 0}
    temps_left = 0
    started = time.monotonic()
    argv = [
        sys.executable,
        "-c",
        CHILD,
        str(files.__file__),
        str(target),
        str(tmp_path / "a.toml"),
        str(tmp_path / "b.toml"),
    ]

    for kill in range(KILLS):
        child = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line == b"looping\n", (line, child.stderr.read() if child.stderr else b"")
            time.sleep(rng.uniform(0, MAX_DELAY))
            child.kill()
            _, err = child.communicate(timeout=10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -9, f"child died on its own (kill {kill}): {err.decode()}"

        data = target.read_bytes()
        assert data in (a, b), f"kill {kill} (seed {seed}): file is neither A nor B"
        tomllib.loads(data.decode("utf-8"))
        seen["A" if data == a else "B"] += 1
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert not target.is_symlink()

        for leftover in sorted(work.iterdir()):
            if leftover.name == NAME:
                continue
            assert TEMP.match(leftover.name), f"unexpected file {leftover.name}"
            temps_left += 1
            leftover.unlink()

    elapsed = time.monotonic() - started
    print(
        f"\ncrash test: {KILLS} SIGKILLs in {elapsed:.1f}s (seed {seed}): "
        f"file was A {seen['A']}x, B {seen['B']}x, never anything else; "
        f"{temps_left} temp file(s) left behind, all named .{NAME}.*.tmp"
    )
    assert seen["A"] + seen["B"] == KILLS
    assert sorted(p.name for p in work.iterdir()) == [NAME]
