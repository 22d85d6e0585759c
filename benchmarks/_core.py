"""Child process for the core figures: compute_fit, compute_lens and storage.save on one file.

    python benchmarks/_core.py FILE REPEATS

Loads FILE with `storage.load`, then times `compute_fit` (on the canvas in new list
objects, so nothing is remembered from an earlier call: the whole computation; and,
as `fit_edit_ms`, after one edit of a canvas it was computed for: what a key costs),
the same for `compute_lens`, and `storage.save` (to a
scratch file beside it: temp file, fsync, rename) one warm-up call each and
REPEATS timed calls; prints JSON with every time in ms. The warm-up save is the
first save of the process (`first_save_ms`: nothing read back yet); before each
timed save one item's text is changed (untimed), as when ctrl+s follows an edit. The lens is timed on the
canvas with every value-lens key set (`tagged`: deterministic, in memory), so every
branch of it runs. Like `timeit`, the garbage
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
from valuecanvas.edits import replace_list
from valuecanvas.fit import compute_fit
from valuecanvas.lens import compute_lens
from valuecanvas.model import (
    EVIDENCE,
    LIST_NAMES,
    STRATEGIES,
    VALUE_TYPES,
    WARRANTY_ASPECTS,
    Canvas,
    items_of,
)


def tagged(canvas: Canvas) -> Canvas:
    """The canvas with value, strategy, warranty, evidence, source and persona on every item."""
    personas = [p.id for p in canvas.personas]
    out = canvas
    for name in LIST_NAMES:
        items = []
        for n, item in enumerate(items_of(canvas, name)):
            update: dict[str, object] = {}
            keys = set(type(item).model_fields)
            if "value" in keys:
                update["value"] = VALUE_TYPES[n % 4]
            if "strategy" in keys:
                update["strategy"] = STRATEGIES[n % 3]
                update["warranty"] = WARRANTY_ASPECTS[: n % 4]
            if "evidence" in keys:
                update["evidence"] = EVIDENCE[n % 6]
                update["source"] = f"interview {n}" if n % 6 else ""
            if "persona" in keys and personas and n % 5:
                update["persona"] = personas[n % len(personas)]
            items.append(item.model_copy(update=update))
        out = replace_list(out, name, items)
    return out


def main() -> None:
    path = Path(sys.argv[1])
    repeats = int(sys.argv[2])
    canvas = storage.load(path).canvas
    scratch = path.with_name(f"save-{path.stem}.toml")
    fit_ms: list[float] = []
    lens_ms: list[float] = []
    save_ms: list[float] = []
    fit_edit_ms: list[float] = []
    lens_edit_ms: list[float] = []
    full = tagged(canvas)
    first_save_ms = 0.0
    for n in range(repeats + 1):
        cold, cold_full = fresh(canvas), fresh(full)  # untimed: nothing remembered of these
        gc.collect()
        gc.disable()
        t0 = time.perf_counter()
        compute_fit(cold)
        t1 = time.perf_counter()
        gc.enable()
        gc.collect()
        gc.disable()
        t_lens = time.perf_counter()
        compute_lens(cold_full)
        lens_ms.append((time.perf_counter() - t_lens) * 1000)
        gc.enable()
        # After one edit of a canvas fit and lens were computed for: what a key costs.
        compute_fit(canvas)
        compute_lens(full)
        one_edit, one_edit_full = edit_one(canvas, n + 1), edit_one(full, n + 1)
        gc.collect()
        gc.disable()
        t_edit = time.perf_counter()
        compute_fit(one_edit)
        t_edit_fit = time.perf_counter()
        compute_lens(one_edit_full)
        t_edit_lens = time.perf_counter()
        gc.enable()
        if n:
            fit_edit_ms.append((t_edit_fit - t_edit) * 1000)
            lens_edit_ms.append((t_edit_lens - t_edit_fit) * 1000)
        gc.collect()
        gc.disable()
        edited = edit_one(canvas, n) if n else canvas
        t1b = time.perf_counter()
        storage.save(edited, scratch)
        t2 = time.perf_counter()
        gc.enable()
        if n:  # the first call of each is the warm-up
            fit_ms.append((t1 - t0) * 1000)
            save_ms.append((t2 - t1b) * 1000)
        else:
            first_save_ms = (t2 - t1b) * 1000
    scratch.unlink()
    print(
        json.dumps(
            {
                "fit_ms": fit_ms,
                "lens_ms": lens_ms[1:],
                "save_ms": save_ms,
                "fit_edit_ms": fit_edit_ms,
                "lens_edit_ms": lens_edit_ms,
                "first_save_ms": first_save_ms,
            }
        )
    )


def fresh(canvas: Canvas) -> Canvas:
    """The same canvas in new list objects: a cache keyed by the lists knows none of them,
    so `compute_fit(fresh(c))` is the whole computation."""
    out = canvas
    for name in LIST_NAMES:
        out = replace_list(out, name, list(items_of(canvas, name)))
    return out


def edit_one(canvas: Canvas, n: int) -> Canvas:
    """The canvas with the text of its n-th job changed: a save after one edit."""
    jobs = list(canvas.jobs)
    at = (n * 7) % len(jobs)
    jobs[at] = jobs[at].model_copy(update={"text": f"{jobs[at].text} (edit {n})"})
    return replace_list(canvas, "jobs", jobs)


if __name__ == "__main__":
    main()
