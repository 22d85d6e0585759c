"""Child process for key → repaint latency: the app on a canvas file, headless, 120×40.

    python benchmarks/_keys.py FILE REPEATS [EDITS | add]

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

Keys, on the jobs pane of the canvas (about 750 jobs at 5,000 items, 6 in the
45-item sample), starting mid-list; before each timed key the pane is scrolled
(untimed) so the cursor is mid-view, as it mostly is while one works, except for
"down, scrolling" (only on a pane that scrolls). Moves, `+` and deletes start on
the middle item each time; on a short list each delete is undone (untimed).
After the timed keys, untimed moves bring the number of edits up to EDITS, then
the peak RSS is taken.
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


class KeyTimer:
    """Posts keys the way the terminal driver does and times key → frames (see above).

    `App._display` is wrapped to note every frame; `key` waits until idle, posts the
    key, waits until idle again and, given a label, records the last and first frame.
    """

    def __init__(self, app: ValueCanvasApp) -> None:
        self.app = app
        self.frames: list[float] = []
        self.samples: dict[str, list[float]] = {}  # label → key → last frame, ms
        self.firsts: dict[str, list[float]] = {}  # label → key → first frame, ms
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]

    async def key(self, name: str, char: str | None = None, label: str | None = None) -> None:
        """Post one key; record key → last (and first) frame if `label` is given."""
        driver = self.app._driver
        assert driver is not None
        await wait_for_idle(0.05)
        self.frames.clear()
        event = events.Key(name, char)
        event.set_sender(self.app)
        start = time.perf_counter()
        driver.send_message(event)
        await wait_for_idle(0.05)
        if label is None:
            return
        if not self.frames:
            raise RuntimeError(f"{label}: the key drew no frame")
        self.samples.setdefault(label, []).append((self.frames[-1] - start) * 1000)
        self.firsts.setdefault(label, []).append((self.frames[0] - start) * 1000)


async def bench(path: Path, repeats: int, edits: int, only_add: bool = False) -> dict[str, Any]:
    loaded = storage.load(path)
    app = ValueCanvasApp(Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded))
    done = 0  # edits made so far (each one an undo step)
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        await pilot.pause()
        timer = KeyTimer(app)
        samples, firsts, key = timer.samples, timer.firsts, timer.key
        driver = app._driver
        assert driver is not None and app.main is not None
        main = app.main
        jobs = main.lists["jobs"]

        height = jobs.scrollable_content_region.height
        big = len(jobs.items) > 2 * height  # a pane that scrolls: the 5,000-item canvas

        def place(row: int, middle: bool = False) -> None:
            """Scroll the pane so the cursor is on this row of the view (untimed).

            With `middle`, first put the cursor on the middle item of the list: on a
            short list (the 45-item sample has 6 jobs) moves and deletes would
            otherwise run off its end. Items wrap, and the scroll offset counts items:
            "mid-view" is halfway between the first item that keeps the cursor's item
            whole on the last rows and the cursor itself.
            """
            if middle:
                jobs.focus_item(jobs.items[len(jobs.items) // 2].id)
            top = max(0, jobs.cursor - row)
            if hasattr(jobs, "top_ending_at"):
                bottom = jobs.top_ending_at(jobs.cursor)  # the cursor's item on the last rows
                top = bottom if row >= height - 1 else (bottom + jobs.cursor) // 2
            jobs.scroll_to(y=top, animate=False, immediate=True)

        jobs.focus()
        await wait_for_idle(0.05)
        jobs.focus_item(jobs.items[len(jobs.items) // 2].id)
        timed = 0 if only_add else repeats  # with `add`: only the two add figures
        for _ in range(timed):
            place(height // 2, middle=not big)
            await key("down", None, "down")
        if big:
            for _ in range(timed):
                place(height - 1)
                await key("down", None, "down, scrolling")
        # One untimed edit first, kept to the end: a move of the middle item and the next
        # one (of the item now in the middle) would otherwise alternate between the file's
        # order and another, and the title's "unsaved" mark would come and go with them.
        jobs.focus_item(jobs.items[0].id)
        await key("shift+down")
        done += 1
        for _ in range(timed):
            place(height // 2, middle=True)
            await key("shift+down", None, "move (shift+down)")
            done += 1
        for _ in range(timed):
            place(height // 2, middle=True)
            item = jobs.current_item
            if item.importance == "high":
                await key("minus", "-")
                done += 1
            await key("plus", "+", "+ (level)")
            done += 1
        for n in range(repeats):
            place(height // 2)
            await key("a", "a", "add: a → prompt")
            for char in f"benchmark item {n}":
                await asyncio.sleep(0)
                event = events.Key(char if char != " " else "space", char)
                event.set_sender(app)
                driver.send_message(event)
            await key("enter", "\r", "add (enter → item shown)")
            done += 1
            if jobs.current_item is None or jobs.current_item.text != f"benchmark item {n}":
                raise RuntimeError("add: the new item is not focused")
            if main.adding:  # it stays open for the next item (keys.md): an empty enter closes it
                await key("enter", "\r")
            await wait_for_idle(0.05)
        for _ in range(timed):
            before = len(jobs.items)
            place(height // 2, middle=True)
            await key("d", "d", "delete")
            done += 1
            if len(jobs.items) != before - 1:
                raise RuntimeError("delete: no item was deleted")
            if not big:  # keep the short list from running out (untimed)
                await key("u", "u")
        # Up to `edits` edits in all (untimed moves), then the peak RSS.
        while done < edits:
            place(height // 2, middle=True)
            await key("shift+up" if done % 2 else "shift+down")
            done += 1
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"samples": samples, "first_frame": firsts, "maxrss_kb": rss_kb, "edits": done}


def main() -> None:
    only_add = sys.argv[3:] == ["add"]  # `a` and `enter` only (e.g. on the 45-item sample)
    edits = int(sys.argv[3]) if len(sys.argv) > 3 and not only_add else 0
    result = asyncio.run(bench(Path(sys.argv[1]), int(sys.argv[2]), edits, only_add))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
