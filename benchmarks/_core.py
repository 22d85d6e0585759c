"""Child process for the core figures: compute_fit and storage.save on one canvas file.

    python benchmarks/_core.py FILE REPEATS

Loads FILE with `storage.load`, then times `compute_fit` and `storage.save` (to a
scratch file beside it: temp file, fsync, rename) one warm-up call each and
REPEATS timed calls; prints JSON with every time in ms. Like `timeit`, the garbage
collector is off during a timed call (it runs, untimed, before each one), so a
collection triggered by earlier allocations does not land in one sample.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from valuecanvas import storage
from valuecanvas.fit import compute_fit


def main() -> None:
    path = Path(sys.argv[1])
    repeats = int(sys.argv[2])
    canvas = storage.load(path).canvas
    scratch = path.with_name(f"save-{path.stem}.toml")
    fit_ms: list[float] = []
    save_ms: list[float] = []
    for n in range(repeats + 1):
        gc.collect()
        gc.disable()
        t0 = time.perf_counter()
        compute_fit(canvas)
        t1 = time.perf_counter()
        gc.enable()
        gc.collect()
        gc.disable()
        t1b = time.perf_counter()
        storage.save(canvas, scratch)
        t2 = time.perf_counter()
        gc.enable()
        if n:  # the first call of each is the warm-up
            fit_ms.append((t1 - t0) * 1000)
            save_ms.append((t2 - t1b) * 1000)
    scratch.unlink()
    print(json.dumps({"fit_ms": fit_ms, "save_ms": save_ms}))


if __name__ == "__main__":
    main()
