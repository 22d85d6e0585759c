"""Run every benchmark and print the figures with their targets.

    python benchmarks/run.py            # everything (a few minutes)
    python benchmarks/run.py --runs 9   # more fresh processes per figure
    python benchmarks/run.py --quick    # fewer runs and keys: for iterating, not for figures

It compiles the bytecode first (`python -m compileall`), as a user's install has it.

Every figure comes from fresh processes (the median of --runs of them), except
key latency, which is many keys in one app process. See README.md for what
each figure measures.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import resource
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
VALUECANVAS = str(Path(PY).with_name("valuecanvas"))
SAMPLE = ROOT / "sample_canvases" / "car-wash.toml"
TERMINAL = (120, 40)  # columns, rows

sys.path.insert(0, str(HERE))
from generate import SIZES, count_items, generate  # noqa: E402
from valuecanvas import storage  # noqa: E402


@dataclass
class Row:
    name: str
    value: str
    target: str
    ok: bool | None  # None: information only

    @property
    def verdict(self) -> str:
        return "" if self.ok is None else ("PASS" if self.ok else "MISS")


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def p95(xs: Sequence[float]) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    return env


def in_pty(argv: list[str], timeout: float = 60) -> float:
    """Run argv on a fresh pseudo-terminal (120×40), draining its output; returns the start time."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", TERMINAL[1], TERMINAL[0], 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=_env(), start_new_session=True
    )
    os.close(slave)
    deadline = start + timeout
    try:
        while True:
            ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.perf_counter()))
            if not ready:
                proc.kill()
                raise RuntimeError(f"timed out: {' '.join(argv)}")
            try:
                if not os.read(master, 1 << 16):
                    break
            except OSError:  # EIO: the child closed the terminal
                break
        proc.wait(timeout=10)
    finally:
        os.close(master)
    if proc.returncode:
        raise RuntimeError(f"exit code {proc.returncode}: {' '.join(argv)}")
    return start


def launch(kind: str, arg: str) -> tuple[float, float, float]:
    """(first frame, last frame of the first settle period, peak RSS MB) of one fresh app."""
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        start = in_pty([PY, str(HERE / "_launch.py"), kind, arg, str(result)])
        data = json.loads(result.read_text())
    frames = data["frames"]
    return frames[0] - start, frames[-1] - start, data["maxrss_kb"] / 1024


def launches(kind: str, arg: str, runs: int) -> tuple[float, float, float]:
    firsts, lasts, rss = zip(*(launch(kind, arg) for _ in range(runs)), strict=True)
    return median(firsts), median(lasts), max(rss)


def wall(argv: list[str], exit_code: int = 0) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if exit_code else None,
        env=_env(),
    )
    seconds = time.perf_counter() - start
    if done.returncode != exit_code:
        raise SystemExit(f"{' '.join(argv)}: exit {done.returncode}, expected {exit_code}")
    return seconds


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall time, CPU time: user + system) of one run of argv, in seconds.

    On a machine shared with other work the wall time mostly measures the others;
    the process's own CPU time is steady, so the CLI ratios use it (wall beside it).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=_env())
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return took, cpu


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def bench_startup(runs: int, sample: Path, rows: list[Row]) -> None:
    items = count_items(storage.load(sample).canvas)
    app_first, app_last, bare_first, bare_last = [], [], [], []
    for _ in range(runs):  # interleaved, so load from elsewhere hits both alike
        a = launch("app", str(sample))
        b = launch("bare", str(items))
        app_first.append(a[0])
        app_last.append(a[1])
        bare_first.append(b[0])
        bare_last.append(b[1])
    ratio = median(app_first) / median(bare_first)
    rows.append(
        Row(
            f"start-up to first frame, {sample.name} ({items} items)",
            f"{ms(median(app_first))} vs bare {ms(median(bare_first))}: {ratio:.2f}×",
            "≤ 1.5× bare app (stretch 1.3×)",
            ratio <= 1.5,
        )
    )
    settled = median(app_last) / median(bare_last)
    rows.append(
        Row(
            "  … to the last frame of the first 0.6 s (screen complete)",
            f"{ms(median(app_last))} vs bare {ms(median(bare_last))}: {settled:.2f}×",
            "(information)",
            None,
        )
    )


FLOOR = "from pydantic import BaseModel; import tomllib"


def bench_cli(runs: int, sample: Path, files: dict[int, Path], rows: list[Row]) -> None:
    """`fit --json` and `check` on the sample against the floor of their own stack; check 20k."""
    argvs = {
        "fit": [VALUECANVAS, "fit", "--json", str(sample)],
        "check": [VALUECANVAS, "check", str(sample)],
        "floor": [PY, "-c", FLOOR],
        "big": [VALUECANVAS, "check", str(files[20000])],
    }
    walls: dict[str, list[float]] = {name: [] for name in argvs}
    cpus: dict[str, list[float]] = {name: [] for name in argvs}
    for _ in range(runs):  # interleaved, so load from elsewhere hits all alike
        for name, argv in argvs.items():
            took, cpu = timed(argv)
            walls[name].append(took)
            cpus[name].append(cpu)
    floor_cpu, floor_wall = median(cpus["floor"]), median(walls["floor"])
    for name, label in (("fit", f"fit --json {sample.name}"), ("check", f"check {sample.name}")):
        ratio = median(cpus[name]) / floor_cpu
        rows.append(
            Row(
                f"valuecanvas {label} (CPU time; wall beside)",
                f"{ms(median(cpus[name]))} vs floor {ms(floor_cpu)}: {ratio:.2f}× "
                f"(wall {ms(median(walls[name]))} vs {ms(floor_wall)}: "
                f"{median(walls[name]) / floor_wall:.2f}×)",
                f'≤ 1.25× `python -c "{FLOOR}"`',
                ratio <= 1.25,
            )
        )
    rows.append(
        Row(
            "valuecanvas check, 20,000 items (wall; CPU beside)",
            f"{ms(median(walls['big']))} (CPU {ms(median(cpus['big']))})",
            "≤ 600 ms",
            median(walls["big"]) <= 0.6,
        )
    )


def bench_open(runs: int, files: dict[int, Path], rows: list[Row]) -> dict[int, float]:
    opened: dict[int, float] = {}
    rss = 0.0
    for size in (1000, 5000, 20000):
        first, last, peak = launches("app", str(files[size]), runs)
        opened[size] = first
        if size == 5000:
            rss = peak
            rows.append(
                Row(
                    "open 5,000-item canvas: first frame",
                    f"{ms(first)} (screen complete {ms(last)})",
                    "≤ 1000 ms",
                    first <= 1.0,
                )
            )
    rows.append(
        Row(
            "  open: 1,000 → 5,000 items",
            f"{ms(opened[1000])} → {ms(opened[5000])}: {opened[5000] / opened[1000]:.2f}×",
            "≤ 5×",
            opened[5000] / opened[1000] <= 5,
        )
    )
    rows.append(
        Row(
            "open 20,000-item canvas: first frame",
            ms(opened[20000]),
            "≤ 1200 ms",
            opened[20000] <= 1.2,
        )
    )
    rows.append(
        Row(
            "peak RSS, app with 5,000 items open",
            f"{rss:.0f} MB",
            "≤ 200 MB",
            rss <= 200,
        )
    )
    return opened


EDITS = 200  # edits made in the 5,000-item key process before its peak RSS is read


def bench_keys(repeats: int, path: Path, what: str, rows: list[Row], edits: int = 0) -> None:
    out = subprocess.run(
        [PY, str(HERE / "_keys.py"), str(path), str(repeats), str(edits)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    )
    data = json.loads(out.stdout)
    for label, xs in data["samples"].items():
        med, high = median(xs), p95(xs)
        first = median(data["first_frame"][label])
        rows.append(
            Row(
                f"key → repaint, {what}: {label}",
                f"median {med:.1f} ms, p95 {high:.1f} ms (first frame {first:.1f} ms; n={len(xs)})",
                "≤ 16 ms median, ≤ 50 ms p95",
                med <= 16 and high <= 50,
            )
        )
    if edits:
        rss = data["maxrss_kb"] / 1024
        rows.append(
            Row(
                f"  peak RSS of that process after {data['edits']} edits (undo history kept)",
                f"{rss:.0f} MB",
                "≤ 120 MB",
                rss <= 120,
            )
        )


def bench_lens_keys(repeats: int, path: Path | None, what: str, rows: list[Row]) -> None:
    """Undo and redo with the value lens open (view 9) beside the canvas view (lens_keys.py)."""
    argv = [PY, str(HERE / "lens_keys.py"), str(max(5, repeats // 2))]
    out = subprocess.run(
        [*argv, *([str(path)] if path else []), "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    )
    data = json.loads(out.stdout)
    for label in ("canvas view: u (undo)", "lens open: u (undo)", "lens open: ctrl+r (redo)"):
        xs = data[label]
        med, high = median(xs), p95(xs)
        rows.append(
            Row(
                f"key → repaint, {what}, every lens key set: {label}",
                f"median {med:.1f} ms, p95 {high:.1f} ms (n={len(xs)})",
                "≤ 16 ms median, ≤ 50 ms p95",
                med <= 16 and high <= 50,
            )
        )


def bench_core(runs: int, files: dict[int, Path], rows: list[Row]) -> None:
    fit: dict[int, float] = {}
    lens: dict[int, float] = {}
    save: dict[int, float] = {}
    first_save: dict[int, float] = {}
    fit_edit: dict[int, float] = {}
    lens_edit: dict[int, float] = {}
    for size in (1000, 5000):
        fits, lenses, saves, firsts, fit_edits, lens_edits = [], [], [], [], [], []
        for _ in range(runs):
            out = subprocess.run(
                [PY, str(HERE / "_core.py"), str(files[size]), "5"],
                check=True,
                capture_output=True,
                text=True,
            )
            data = json.loads(out.stdout)
            fits.append(median(data["fit_ms"]))
            lenses.append(median(data["lens_ms"]))
            saves.append(median(data["save_ms"]))
            firsts.append(data["first_save_ms"])
            fit_edits.append(median(data["fit_edit_ms"]))
            lens_edits.append(median(data["lens_edit_ms"]))
        fit[size], lens[size], save[size] = median(fits), median(lenses), median(saves)
        first_save[size] = median(firsts)
        fit_edit[size], lens_edit[size] = median(fit_edits), median(lens_edits)
    for size in (1000, 5000):
        rows.append(
            Row(f"compute_fit, {size:,} items", f"{fit[size]:.2f} ms", "≤ 10 ms", fit[size] <= 10)
        )
    ratio = fit[5000] / fit[1000]
    rows.append(Row("  fit: 1,000 → 5,000 items", f"{ratio:.2f}×", "≤ 5×", ratio <= 5))
    for what, figures in (("compute_fit", fit_edit), ("compute_lens", lens_edit)):
        rows.append(
            Row(
                f"  {what}, 5,000 items, after one edit (a key)",
                f"{figures[5000]:.2f} ms",
                "≤ 2 ms",
                figures[5000] <= 2,
            )
        )
    for size in (1000, 5000):
        rows.append(
            Row(
                f"compute_lens, {size:,} items (every key set)",
                f"{lens[size]:.2f} ms",
                "≤ 10 ms",
                lens[size] <= 10,
            )
        )
    ratio = lens[5000] / lens[1000]
    rows.append(Row("  lens: 1,000 → 5,000 items", f"{ratio:.2f}×", "≤ 5×", ratio <= 5))
    for size in (1000, 5000):
        rows.append(
            Row(
                f"storage.save, {size:,} items, after an edit (read back: what changed)",
                f"{save[size]:.1f} ms",
                "≤ 100 ms",
                save[size] <= 100,
            )
        )
        rows.append(
            Row(
                f"  storage.save, {size:,} items, first save of the process (all read back)",
                f"{first_save[size]:.1f} ms",
                "≤ 100 ms",
                first_save[size] <= 100,
            )
        )
    ratio = save[5000] / save[1000]
    rows.append(Row("  save: 1,000 → 5,000 items", f"{ratio:.2f}×", "≤ 5×", ratio <= 5))


GROUPS = ("startup", "cli", "check", "open", "keys", "core")


def compile_bytecode() -> str:
    """`python -m compileall` over valuecanvas and the benchmarks, as an installed package has.

    The environment may set PYTHONDONTWRITEBYTECODE (then an editable install
    compiles every module on every start, which no user's install does);
    compileall writes the .pyc files regardless, and imports read them.
    """
    import valuecanvas

    package = Path(valuecanvas.__file__).parent
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(package), str(HERE)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return f"compiled with `python -m compileall` ({package}, {HERE})"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cores ({len(os.sched_getaffinity(0))} usable), {cpu}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"load average {load:.2f} at the start"
    )


def table(rows: list[Row]) -> str:
    head = ("Figure", "Result", "Target", "")
    widths = [
        max(len(r) for r in col)
        for col in zip(head, *((r.name, r.value, r.target, r.verdict) for r in rows), strict=True)
    ]
    lines = [
        "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    for r in rows:
        cells = (r.name, r.value, r.target, r.verdict)
        lines.append(
            "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"
        )
    return "\n".join(lines)


def bench_check(runs: int, rows: list[Row]) -> None:
    """`valuecanvas check` on files with 20,000 problems of each kind (issue 11: 45 s for
    20,000 bare `[[jobs]]` when every problem's line was found by rescanning the file)."""
    from problems import KINDS, many_problems

    OUT.mkdir(exist_ok=True)
    for kind in KINDS:
        times = {}
        for n in (2_000, 20_000):
            path = OUT / f"problems-{kind}-{n}.toml"
            path.write_text(many_problems(kind, n), encoding="utf-8")
            times[n] = median(
                [wall([VALUECANVAS, "check", str(path)], exit_code=1) for _ in range(runs)]
            )
        ratio = times[20_000] / times[2_000]
        rows.append(
            Row(
                f"check, 20,000 problems ({kind})",
                f"{ms(times[20_000])} (2,000: {ms(times[2_000])}, {ratio:.1f}×)",
                "≤ 3 s; 2,000 → 20,000 ≤ 12×",
                times[20_000] <= 3 and ratio <= 12,
            )
        )


def main() -> int:
    parser = argparse.ArgumentParser(description="valuecanvas benchmarks")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure (≥ 5)")
    parser.add_argument("--keys", type=int, default=30, help="presses of each key")
    parser.add_argument(
        "--quick", action="store_true", help="3 runs, 8 presses: for iterating, not for figures"
    )
    parser.add_argument("--only", choices=GROUPS, nargs="*")
    args = parser.parse_args()
    runs, presses = (3, 8) if args.quick else (max(5, args.runs), args.keys)
    chosen = set(args.only or GROUPS)
    compiled = compile_bytecode()
    print(f"machine: {machine()}", flush=True)
    print(f"bytecode: {compiled}", flush=True)
    if args.quick:
        print("quick: 3 runs per figure, 8 presses per key (not for published figures)")
    files = {size: generate(size) for size in (*SIZES, 20000)}
    rows: list[Row] = []
    steps = [
        ("startup", lambda: bench_startup(runs, SAMPLE, rows)),
        ("cli", lambda: bench_cli(runs, SAMPLE, files, rows)),
        ("check", lambda: bench_check(runs, rows)),
        ("open", lambda: bench_open(runs, files, rows)),
        ("keys", lambda: bench_keys(presses, files[5000], "5,000 items", rows, EDITS)),
        ("keys", lambda: bench_keys(presses, SAMPLE, f"{SAMPLE.name} (45 items)", rows)),
        ("keys", lambda: bench_lens_keys(presses, None, "5,000 items", rows)),
        ("keys", lambda: bench_lens_keys(presses, SAMPLE, f"{SAMPLE.name} (45 items)", rows)),
        ("core", lambda: bench_core(runs, files, rows)),
    ]
    for name, step in steps:
        if name in chosen:
            began = time.perf_counter()
            step()
            print(
                f"  {name}: done in {time.perf_counter() - began:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    print(table(rows))
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
