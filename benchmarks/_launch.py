"""Child process for the start-up figures: run an app on a real terminal (a pty) to its first frame.

    python benchmarks/_launch.py app FILE RESULT.json   # exactly `valuecanvas FILE`
    python benchmarks/_launch.py bare ROWS RESULT.json  # a bare Textual app: one OptionList

The parent (run.py) reads `time.perf_counter()` just before it starts this
process; on Linux that clock is CLOCK_MONOTONIC, shared by all processes, so a
frame time minus the parent's start time is the start-up time including the
interpreter, imports, loading the file and drawing. A frame counts when Textual
hands it to its terminal writer (frames drawn inside a batch are never written
and do not count) and it shows the *main* screen (the canvas panes, or the
OptionList). RESULT gets every such frame time and the peak RSS; the parent uses
the first frame (the screen is up and takes keys) and reports the last one of the
first SETTLE seconds (the screen complete: fit panel, footer) beside it.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

SETTLE = 0.6


def _hook(is_main: Any, result: Path) -> None:
    """Wrap App._display: note every frame of the main screen written to the terminal.

    After the first written frame the app runs SETTLE seconds more, so that the
    frames that complete the first screen are seen too; then it writes RESULT
    and exits (exiting is not part of any figure).
    """
    from textual.app import App

    original = App._display
    frames: list[float] = []

    def finish(app: App[Any]) -> None:
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result.write_text(json.dumps({"frames": frames, "maxrss_kb": rss_kb}))
        app.exit(0)

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        written = renderable is not None and not self._batch_count and self._driver is not None
        original(self, screen, renderable)
        if written and is_main(screen):
            frames.append(time.perf_counter())
            if len(frames) == 1:
                self.set_timer(SETTLE, lambda: finish(self))

    App._display = display  # type: ignore[method-assign]


def run_app(file: str, result: Path) -> int:
    """`valuecanvas FILE`, through the real command line."""
    _hook(lambda screen: type(screen).__name__ == "MainScreen", result)
    from valuecanvas.cli import main

    return main([file])


def run_bare(rows: int, result: Path) -> int:
    """The baseline: a bare Textual app showing one OptionList of ROWS rows."""
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList

    _hook(lambda screen: bool(screen.query(OptionList)), result)

    class Bare(App[int]):
        def compose(self) -> ComposeResult:
            text = "a row of text about as long as a canvas item"
            yield OptionList(*(f"Item {n}: {text}" for n in range(rows)))

        def on_mount(self) -> None:
            self.query_one(OptionList).focus()

    return int(Bare().run() or 0)


if __name__ == "__main__":
    kind, arg, out = sys.argv[1:4]
    code = run_app(arg, Path(out)) if kind == "app" else run_bare(int(arg), Path(out))
    raise SystemExit(code)
