"""Child process for key → repaint latency: the app on a canvas file, headless, 120×40.

    python benchmarks/_keys.py FILE REPEATS

Method. Inside `App.run_test(headless=True)` each key is posted the way the
terminal driver posts it (`driver.send_message(events.Key(...))`, no Pilot
delays). `App._display` is wrapped to note the time of every frame the screen
renders (headless Textual still lays out and renders every frame; it only skips
the write to the terminal). After a key the benchmark waits until the app is idle
(Textual's own `wait_for_idle`, at least 50 ms), then takes the time of the
*last* frame since the key: the moment the screen shows the key's whole effect
(cursor, marks in the other panes, detail line, fit panel, title); the time of
the *first* frame (the key's first visible effect) is kept beside it. A key that
draws no frame is an error. Between keys nothing is timed.

Keys, on the jobs pane of the canvas (about 750 jobs), starting mid-list; before
each timed key the pane is scrolled (untimed) so the cursor is mid-view, as it
mostly is while one works, except for "down, scrolling":
  down        the cursor one row down
  down, scrolling  the cursor on the last visible row: the pane scrolls one row
  shift+down  move the item one place down (an edit; undo history grows)
  +           raise the level (the item is first lowered, untimed, if at the top)
  add         `a`, type a text (untimed), then enter → the new item shown
  add prompt  `a` → the prompt shown (escape, untimed)
  delete      `d` → the item gone (and its links)
With a third argument `add`, only the two add figures (for small canvases).
Prints JSON: the samples of each key in ms (last and first frame) and the peak RSS.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from textual import events
from textual._wait import wait_for_idle

from valuecanvas import storage
from valuecanvas.document import Document
from valuecanvas.tui.app import ValueCanvasApp


async def bench(path: Path, repeats: int, only_add: bool = False) -> dict[str, Any]:
    loaded = storage.load(path)
    app = ValueCanvasApp(Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded))
    frames: list[float] = []
    samples: dict[str, list[float]] = {}
    firsts: dict[str, list[float]] = {}
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        await pilot.pause()
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None:
                frames.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None and app.main is not None
        jobs = app.main.lists["jobs"]

        async def key(name: str, char: str | None = None, label: str | None = None) -> None:
            """Post one key; record key → last frame if `label` is given."""
            await wait_for_idle(0.05)
            frames.clear()
            event = events.Key(name, char)
            event.set_sender(app)
            start = time.perf_counter()
            driver.send_message(event)
            await wait_for_idle(0.05)
            if label is None:
                return
            if not frames:
                raise RuntimeError(f"{label}: the key drew no frame")
            samples.setdefault(label, []).append((frames[-1] - start) * 1000)
            firsts.setdefault(label, []).append((frames[0] - start) * 1000)

        def place(row: int) -> None:
            """Scroll the pane so the cursor is on this row of the view (untimed)."""
            top = max(0, jobs.cursor - row)
            if hasattr(jobs, "top_ending_at"):  # items wrap: the scroll offset counts items
                bottom = jobs.top_ending_at(jobs.cursor)  # the cursor's item on the last rows
                top = bottom if row >= height - 1 else (bottom + jobs.cursor) // 2
            jobs.scroll_to(y=top, animate=False, immediate=True)

        height = jobs.scrollable_content_region.height
        jobs.focus()
        await wait_for_idle(0.05)
        jobs.focus_item(jobs.items[len(jobs.items) // 2].id)
        for _ in range(0 if only_add else repeats):
            place(height // 2)
            await key("down", None, "down")
        for _ in range(0 if only_add else repeats):
            place(height - 1)
            await key("down", None, "down, scrolling")
        for _ in range(0 if only_add else repeats):
            place(height // 2)
            await key("shift+down", None, "move (shift+down)")
        for _ in range(0 if only_add else repeats):
            await key("down")
            place(height // 2)
            item = jobs.current_item
            if item.importance == "high":
                await key("minus", "-")
            await key("plus", "+", "+ (level)")
        for n in range(repeats):
            place(height // 2)
            await key("a", "a", "add: a → prompt")
            for char in f"benchmark item {n}":
                await asyncio.sleep(0)
                event = events.Key(char if char != " " else "space", char)
                event.set_sender(app)
                driver.send_message(event)
            await key("enter", "\r", "add (enter → item shown)")
            if jobs.current_item is None or jobs.current_item.text != f"benchmark item {n}":
                raise RuntimeError("add: the new item is not focused")
            if getattr(app.main, "adding", False):  # it stays open: an empty enter closes it
                await key("enter", "\r")
        for _ in range(0 if only_add else repeats):
            before = len(jobs.items)
            place(height // 2)
            await key("d", "d", "delete")
            if len(jobs.items) != before - 1:
                raise RuntimeError("delete: no item was deleted")
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"samples": samples, "first_frame": firsts, "maxrss_kb": rss_kb}


def main() -> None:
    only_add = sys.argv[3:] == ["add"]  # `a` and `enter` only (e.g. on the 45-item sample)
    result = asyncio.run(bench(Path(sys.argv[1]), int(sys.argv[2]), only_add))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
