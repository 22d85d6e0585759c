"""Merge and diff of two 5,000-item canvases: the target is at most 1 s each.

    python benchmarks/git_merge.py             # 5,000 items, 7 runs
    python benchmarks/git_merge.py --size 1000 --runs 9

Starts from the generated canvas (`generate.py`, fixed seed) as BASE and makes two
branches of it the way teams work: OURS edits 10 % of the items, adds 50 pains,
links them, deletes 20 value-map items and moves 25 jobs; THEIRS edits another 10 %,
adds 50 pains under the same ids (so all 50 are renumbered), links and unlinks, and
reorders the phases. Figures, each the median of `--runs` (garbage collector off
during a timed call, as timeit does):

- `merge` — `valuecanvas.merge.merge(base, ours, theirs)`, in memory;
- `diff` — `valuecanvas.diff.diff(base, merged)` and its text;
- `merge-driver` — the whole `valuecanvas merge-driver` process on the three files:
  start-up, reading and validating three files, merging, writing OURS atomically.

Exit code 1 if the median of `merge` or `diff` is over 1 s.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

from generate import OUT, generate
from valuecanvas import edits, storage
from valuecanvas.diff import diff
from valuecanvas.diff_text import diff_text
from valuecanvas.merge import merge
from valuecanvas.model import Canvas, items_of

TARGET_S = 1.0


def _edit_some(canvas: Canvas, rng: Random, share: float, tag: str, skip: set[str]) -> Canvas:
    out = canvas
    for name in ("jobs", "pains", "gains", "products", "pain_relievers", "gain_creators"):
        items = list(items_of(out, name))
        for n, item in enumerate(items):
            if item.id not in skip and rng.random() < share:
                items[n] = item.model_copy(update={"text": f"{item.text} ({tag})"})
                skip.add(item.id)
        out = edits.replace_list(out, name, items)
    return out


def branches(base: Canvas, seed: int = 1) -> tuple[Canvas, Canvas]:
    rng = Random(seed)
    touched: set[str] = {item.id for item in base.products[:20]}  # ours deletes these
    ours = _edit_some(base, rng, 0.10, "ours", touched)
    theirs = _edit_some(base, rng, 0.10, "theirs", touched)
    relievers = [i.id for i in base.pain_relievers]
    for n in range(50):
        ours, oid = edits.add_item(ours, "pains", f"Ours new pain {n}")
        theirs, tid = edits.add_item(theirs, "pains", f"Theirs new pain {n}")
        ours = edits.toggle_link(ours, relievers[n], oid)
        theirs = edits.toggle_link(theirs, relievers[-n - 1], tid)
    for item in base.products[:20]:
        ours = edits.delete_item(ours, item.id)
    for job in base.jobs[::30][:25]:
        ours = edits.move_item(ours, job.id, 3)
    for creator in base.gain_creators[:40]:
        if creator.gains:
            theirs = edits.toggle_link(theirs, creator.id, creator.gains[0])
    theirs = edits.move_phase(theirs, base.journey.phases[-1], -2)
    return ours, theirs


def timed(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs + 1):  # the first is a warm-up
        gc.collect()
        gc.disable()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        gc.enable()
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = generate(args.size)
    base = storage.load(path).canvas
    ours, theirs = branches(base)
    result = merge(base, ours, theirs)
    assert result.clean and len(result.renamed) == 50, "the benchmark's branches must merge clean"
    merged = result.canvas

    merge_s = timed(lambda: merge(base, ours, theirs), args.runs)
    diff_s = timed(lambda: diff_text(diff(base, merged), "base", "merged"), args.runs)

    folder = OUT / "merge"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, canvas in (("base", base), ("ours", ours), ("theirs", theirs)):
        storage.save(canvas, folder / f"{name}.toml")
    driver = shutil.which("valuecanvas", path=str(Path(sys.executable).parent)) or "valuecanvas"
    walls = []
    for _ in range(max(3, args.runs // 2)):
        shutil.copy(folder / "ours.toml", folder / "work.toml")
        t0 = time.perf_counter()
        done = subprocess.run(
            [
                driver,
                "merge-driver",
                *(str(folder / n) for n in ("base.toml", "work.toml", "theirs.toml")),
                "c.toml",
            ],
            capture_output=True,
            check=False,
        )
        walls.append(time.perf_counter() - t0)
        assert done.returncode == 0, done.stderr
    driver_s = statistics.median(walls)

    items = sum(
        len(items_of(base, n))
        for n in (
            "jobs",
            "pains",
            "gains",
            "products",
            "pain_relievers",
            "gain_creators",
            "steps",
            "personas",
        )
    )
    print(f"canvas: {items} items; median of {args.runs} runs (driver: {len(walls)})")
    for label, seconds, target in (
        ("merge (in memory)", merge_s, TARGET_S),
        ("diff + text (in memory)", diff_s, TARGET_S),
        ("merge-driver process (3 files)", driver_s, None),
    ):
        mark = "" if target is None else ("  ok" if seconds <= target else "  OVER TARGET")
        goal = "" if target is None else f"  (target ≤ {target:.0f} s)"
        print(f"  {label:<32} {seconds * 1000:8.1f} ms{goal}{mark}")
    return 0 if merge_s <= TARGET_S and diff_s <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
