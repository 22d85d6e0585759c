"""Key → repaint on a 5,000-item canvas with the value lens open, beside the canvas view.

    python benchmarks/lens_keys.py [REPEATS] [FILE] [--json]
        # default 20 rounds on the 5,000-item canvas (written to benchmarks/out/ first);
        # FILE: another canvas (a copy with every value-lens key set is made beside it
        # in benchmarks/out/); --json: the samples as JSON (benchmarks/run.py reads it)

Method: as `_keys.py` (headless `run_test` at 120×40, each key posted the way the
terminal driver posts it, `App._display` wrapped to note every frame, wait until idle,
the time of the *last* frame since the key). Interleaved rounds, so load from other
processes falls on both sides alike:

  canvas view (the lens hidden: not recomputed)   `u` and `ctrl+r` of a `+` on a job,
                                                   `down`, and the tag keys `v`, `g`
  lens view `9` open (recomputed every change)     `u` and `ctrl+r` of the same edit,
                                                   `down` in the lens

The canvas has every value-lens key set (`_core.tagged`), so the lens has every
section to show. Every undo and redo with the lens open runs `compute_lens` on the whole canvas and
redraws the lens rows: the figure shows what keeping the lens live costs a key.
Prints medians and p95s in ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
from pathlib import Path

from valuecanvas import storage
from valuecanvas.document import Document
from valuecanvas.tui.app import ValueCanvasApp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _core import tagged  # noqa: E402
from _keys import KeyTimer  # noqa: E402
from generate import generate  # noqa: E402


def tagged_file(source: Path | None = None) -> Path:
    """The canvas (5,000 items by default) with every value-lens key set (as `_core.py`
    times the lens), written to benchmarks/out/."""
    path = source or generate(5000)
    target = HERE / "out" / f"{path.stem}-tagged.toml"
    target.parent.mkdir(exist_ok=True)
    storage.save(tagged(storage.load(path).canvas), target)
    return target


async def bench(path: Path, repeats: int) -> dict[str, list[float]]:
    loaded = storage.load(path)
    app = ValueCanvasApp(Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded))
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        await pilot.pause()
        timer = KeyTimer(app)
        samples, key = timer.samples, timer.key
        assert app.main is not None
        main = app.main

        await key("1", "1")
        jobs = main.lists["jobs"]
        big = len(jobs.items) > 50  # `down` is timed on the big canvas (a short list may end)
        jobs.focus_item(jobs.items[len(jobs.items) // 2].id)
        if jobs.current_item.importance == "high":
            await key("minus", "-")
        await key("plus", "+")  # the edit undone and redone below
        for _ in range(repeats):
            await key("1", "1")
            await key("u", "u", "canvas view: u (undo)")
            await key("ctrl+r", None, "canvas view: ctrl+r (redo)")
            await key("down", None, "canvas view: down" if big else None)
            await key("g", "g", "canvas view: g (cycle evidence)")
            # last: the edit undone and redone with the lens open (a value always moves the mix)
            await key("v", "v", "canvas view: v (cycle value)")
            await key("up", None)
            await key("9", "9")
            await key("u", "u", "lens open: u (undo)")
            await key("ctrl+r", None, "lens open: ctrl+r (redo)")
            await key("down", None, "lens open: down" if big else None)
        if main.query_one("#views").current != "lens-view":  # type: ignore[attr-defined]
            raise RuntimeError("the lens view is not open")
    return samples


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--json"]
    repeats = int(args[0]) if args else 20
    path = tagged_file(Path(args[1]) if len(args) > 1 else None)
    samples = asyncio.run(bench(path, repeats))
    if "--json" in sys.argv:
        print(json.dumps(samples))
        return
    for label, xs in samples.items():
        xs = sorted(xs)
        p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
        print(f"{label:<34} median {statistics.median(xs):6.1f} ms  p95 {p95:6.1f} ms  n={len(xs)}")


if __name__ == "__main__":
    main()
