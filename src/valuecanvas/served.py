"""The app as textual-serve runs it, once per browser connection (`cli_serve.py`).

There is no terminal to ask on, so a file someone else holds opens read-only, with a
notice saying who holds it; the app's own title bar says READ-ONLY. A file that
cannot be read is reported on stderr and the session ends (exit 1).
"""

from __future__ import annotations

import sys
from pathlib import Path

from valuecanvas.document import Document
from valuecanvas.errors import CanvasError
from valuecanvas.storage import load
from valuecanvas.storage.lock import FileLock, LockedError, acquire
from valuecanvas.tui import app as tui_app
from valuecanvas.tui.app import ValueCanvasApp


class ServedApp(ValueCanvasApp):
    """The normal app, plus a notice shown once it is up (why it is read-only)."""

    # Textual reads a relative CSS_PATH beside the module of the class: point at the app's
    CSS_PATH = str(Path(tui_app.__file__).with_name(str(ValueCanvasApp.CSS_PATH)))

    def __init__(self, document: Document, notice: str | None, lock: FileLock | None) -> None:
        super().__init__(document, read_only=lock is None, handle_signals=True, lock=lock)
        self.notice = notice

    def on_mount(self) -> None:
        super().on_mount()
        if self.notice:
            self.notify(self.notice, title="Read-only", markup=False, timeout=15)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0])
    try:
        loaded = load(path)
    except CanvasError as exc:
        sys.stderr.write("\n".join(exc.lines()) + "\n")
        return 1
    lock: FileLock | None = None
    notice = None
    try:
        lock = acquire(path)
    except LockedError as exc:
        notice = f"{exc}. Opened read-only."
    except CanvasError as exc:
        notice = f"{' '.join(exc.lines())}. Opened read-only."
    document = Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded)
    app = ServedApp(document, notice, lock)
    try:
        result = app.run()
        if app.return_code == 1 and app.safety.recovered_to is None:
            app.safety.write_recovery()
    finally:
        if app.lock is not None and app.lock is not lock:
            app.lock.release()
        if lock is not None:
            lock.release()
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
