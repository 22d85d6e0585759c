"""Fuzzing the way in: random bytes and mangled sample files through `storage.load` and
`valuecanvas check`. Nothing but a `CanvasError` may escape `load`; `check` never raises,
exits 0 or 1, never prints a traceback or a raw control character, and never writes."""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from valuecanvas import cli, storage
from valuecanvas.errors import CanvasError

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_canvases").glob("*.toml"))
SAMPLE_BYTES = [p.read_bytes() for p in SAMPLES]
FUZZ = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same cases on every run: a failure is reproducible
)
WORK = Path(tempfile.mkdtemp(prefix="valuecanvas-fuzz-"))
VALUE = re.compile(rb"^([A-Za-z_]+) = (.+)$")
NASTY = [
    b"\x00",
    b"\x1b[31m",
    b"\xff\xfe",
    b"[",
    b"]",
    b"[[jobs]]",
    b'"',
    b"'''",
    b"=",
    b"\n",
    b"\r\n",
    b"#",
    b'id = "j1"',
    b"links = [",
    b"9" * 30,
    b"inf",
    b"\xe2\x80\xae",
    "é".encode(),
]


def _exercise(data: bytes) -> None:
    path = WORK / "fuzz.toml"
    path.write_bytes(data)
    before = os.stat(path)
    try:
        loaded = storage.load(path)
    except CanvasError as exc:
        lines = exc.lines()
        assert lines, "a CanvasError must say something"
        assert all("\x1b" not in line for line in lines)
        ok = False
    else:
        # what loads must save and load back to the same canvas
        again = WORK / "roundtrip.toml"
        storage.save(loaded.canvas, again)
        assert storage.load(again).canvas == loaded.canvas
        again.unlink()
        ok = True
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(path)])
    assert code == (0 if ok else 1), err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert "\x1b" not in out.getvalue() + err.getvalue()
    assert path.read_bytes() == data
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(os.listdir(WORK)) == ["fuzz.toml"]  # no temp, lock or backup left


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _exercise(data)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("[]{}=\"',.#\n ajidtxl0123-_:")), max_size=400))
def test_random_toml_like_text(text: str) -> None:
    _exercise(text.encode("utf-8"))


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLE_BYTES)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(
                ["flip", "insert", "delete", "drop_line", "dup_line", "swap_lines", "swap_values"]
            )
        )
        lines = bytes(data).split(b"\n")
        if op == "flip" and data:
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            i = draw(st.integers(0, len(data)))
            extra = draw(st.one_of(st.sampled_from(NASTY), st.binary(min_size=1, max_size=8)))
            data[i:i] = extra
        elif op == "delete" and data:
            i = draw(st.integers(0, len(data) - 1))
            data[i : i + draw(st.integers(1, 40))] = b""
        elif op in ("drop_line", "dup_line", "swap_lines") and lines:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if op == "drop_line":
                del lines[i]
            elif op == "dup_line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        elif op == "swap_values":
            pairs = [(n, m) for n, line in enumerate(lines) if (m := VALUE.match(line))]
            if len(pairs) >= 2:
                (a, ma), (b, mb) = draw(st.permutations(pairs))[:2]
                lines[a] = ma.group(1) + b" = " + mb.group(2)
                lines[b] = mb.group(1) + b" = " + ma.group(2)
                data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(FUZZ, max_examples=1000)
@given(mutated_samples())
def test_mutated_samples(data: bytes) -> None:
    _exercise(data)


def test_samples_themselves_pass() -> None:
    for data in SAMPLE_BYTES:
        _exercise(data)


# ---------------------------------------------------------------- many problems (issue 11)


def _check_seconds(*texts: str, rounds: int = 7) -> list[float]:
    """The best of `rounds` in-process checks of each text (the work `valuecanvas check`
    does), taken in turns so a busy machine slows all of them alike."""
    import gc
    import time

    from valuecanvas.storage.codec import canvas_from_text

    best = [float("inf")] * len(texts)
    for _ in range(rounds):
        for i, text in enumerate(texts):
            gc.collect()
            gc.disable()  # the collector's pauses grow with the heap, not with our algorithm
            try:
                start = time.process_time()  # our CPU time: others' load does not count
                with contextlib.suppress(CanvasError):
                    canvas_from_text(text, "many.toml")
                best[i] = min(best[i], time.process_time() - start)
            finally:
                gc.enable()
    return best


def test_check_time_grows_linearly_with_the_number_of_problems() -> None:
    """1,000 → 10,000 problems of each kind: at most 12× the time (quadratic was ~100×).

    A ratio of two measurements in the same run, not absolute seconds; the benchmark
    (benchmarks/run.py) reports the time for 20,000 problems.
    """
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from problems import KINDS, many_problems

    for kind in KINDS:
        small, large = _check_seconds(many_problems(kind, 1000), many_problems(kind, 10_000))
        assert large / small <= 12, f"{kind}: {small:.3f}s → {large:.3f}s"
