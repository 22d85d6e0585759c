"""Each export on the 5,000-item canvas, beside a baseline (writing the canvas as TOML).

    python benchmarks/export.py               # 5,000 items, 7 timed calls each
    python benchmarks/export.py --items 1000 --repeats 15

Loads the generated canvas (benchmarks/generate.py) once, then times each format of
`valuecanvas.export` — one warm-up call and REPEATS timed calls, the garbage
collector off during a timed call as in `timeit` — and prints the median and the
slowest call in ms against the target (200 ms, export.md / issue 15). The baseline
is `storage.dumps`, the text `save` writes: what the same canvas costs as TOML.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import count_items, generate  # noqa: E402
from valuecanvas import storage  # noqa: E402
from valuecanvas.export import FORMATS, export  # noqa: E402
from valuecanvas.model import Canvas  # noqa: E402

TARGET_MS = 200.0


def timed(call: Callable[[], object], repeats: int) -> list[float]:
    out: list[float] = []
    for n in range(repeats + 1):
        gc.collect()
        gc.disable()
        t0 = time.perf_counter()
        call()
        t1 = time.perf_counter()
        gc.enable()
        if n:  # the first call is the warm-up
            out.append((t1 - t0) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    canvas: Canvas = storage.load(generate(args.items)).canvas
    print(f"canvas: {count_items(canvas)} items, {len(canvas.journey.steps)} steps; "
          f"{args.repeats} timed calls each (median / slowest)")  # fmt: skip
    rows = [("baseline: TOML (storage.dumps)", timed(lambda: storage.dumps(canvas), args.repeats))]
    for name in FORMATS:
        rows.append((f"export --to {name}", timed(lambda n=name: export(canvas, n), args.repeats)))
    missed = 0
    for label, ms in rows:
        med, worst = statistics.median(ms), max(ms)
        verdict = "" if label.startswith("baseline") else ("PASS" if med <= TARGET_MS else "MISS")
        missed += verdict == "MISS"
        target = "" if label.startswith("baseline") else f"target ≤ {TARGET_MS:.0f} ms {verdict}"
        print(f"{label:<34} {med:8.1f} ms {worst:8.1f} ms  {target}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
