"""The app's side of "files users can trust": nothing is overwritten behind anyone's back.

- Every save first checks whether someone else changed the file since we read or wrote
  it, and if so asks: reload (after a second confirmation), save under another name, or
  overwrite. While the file is open, a cheap timer (one stat every 2 s) says so at once.
- A file whose comments our save would drop is saved only after a warning, and its
  original is kept once as `NAME.bak`.
- SIGTERM or SIGHUP (the terminal closed, the machine shuts down) writes unsaved work to
  `NAME.recover.toml` (an untitled canvas: `./untitled.recover.toml`) before exiting;
  the next `valuecanvas NAME` offers to restore it. A save or a quit without saving
  removes the recovery file this session answers for.

`app.py` only calls into `Safety`; every question is a `ChoiceScreen` / `PromptScreen`.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from valuecanvas import storage
from valuecanvas.errors import CanvasError, safe
from valuecanvas.reports.words import tr
from valuecanvas.storage.files import backup_path, changed_on_disk, write_backup_once
from valuecanvas.storage.lock import LockedError, acquire, read_lock
from valuecanvas.tui.dialogs import ChoiceScreen, PromptScreen

if TYPE_CHECKING:
    from textual.timer import Timer

    from valuecanvas.document import Document
    from valuecanvas.tui.app import ValueCanvasApp

WATCH_INTERVAL = 2.0
"""Seconds between two looks at the file on disk (one stat each; a hash only if it moved)."""

SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None
)


def check_new_name(text: str, lang: str = "en") -> str | None:
    """The PromptScreen check for "save under another name": a new file in a real folder."""
    name = text.strip()
    if not name:
        return tr("Type a file name, e.g. my-canvas-copy.toml", lang)
    path = Path(name).expanduser()
    if path.exists() or path.is_symlink():
        return tr("{path} already exists; choose another name", lang, path=safe(str(path)))
    if not path.parent.is_dir():
        return tr("the folder {folder} does not exist", lang, folder=safe(str(path.parent)))
    return None


class Safety:
    """Save guard, external-change watcher and signal rescue for one app."""

    def __init__(self, app: ValueCanvasApp) -> None:
        self.app = app
        self.notified_change = False
        self.recovered_to: Path | None = None
        self.recovery_error: str | None = None
        self.timer: Timer | None = None

    @property
    def doc(self) -> Document:
        return self.app.document

    def t(self, text: str, /, **values: object) -> str:
        """`text` in the app's language (the words live in `reports.words`)."""
        return tr(text, self.app.lang, **values)

    # ------------------------------------------------------------ watching the file

    def start_watching(self, interval: float = WATCH_INTERVAL) -> None:
        self.timer = self.app.set_interval(interval, self.check_disk, name="watch-file")

    def changed(self) -> bool:
        """True if the file is no longer what we last read or wrote."""
        path = self.doc.path
        if path is None:
            return False
        return changed_on_disk(path, self.doc.fingerprint)

    def check_disk(self) -> bool:
        """Tell the user (once per change) that the file changed on disk; True if it did."""
        if not self.changed():
            return False
        if not self.notified_change and self.doc.path is not None:
            self.notified_change = True
            name = safe(self.doc.path.name)
            if self.app.read_only:
                text = self.t("{name} changed on disk — reopen it to see the changes", name=name)
            else:
                text = self.t("{name} changed on disk — ctrl+s will ask what to do", name=name)
            self.app.notify(text, severity="warning", timeout=8, markup=False)
        return True

    # ------------------------------------------------------------ saving

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Start the save flow (see `save_flow`); False: nothing to save to."""
        if self.doc.path is None:
            return False
        self.app.run_worker(self.save_flow(then), group="save", exclusive=True)
        return True

    def save_as(self, then: Callable[[], None] | None, title: str | None = None) -> None:
        """Start the save flow with a new file name first."""
        ask_name = title or self.t("Save under another name:")
        self.app.run_worker(self.save_flow(then, ask_name=ask_name), group="save", exclusive=True)

    async def _ask(self, screen: ChoiceScreen | PromptScreen) -> str | None:
        answer: str | None = await self.app.push_screen_wait(screen)
        return answer

    async def save_flow(
        self, then: Callable[[], None] | None = None, *, ask_name: str | None = None
    ) -> bool:
        """Save the document: ONE linear flow that asks each question once, in order.

        1. a new name (save as, or a canvas without one); 2. the lock was taken over;
        3. the file changed on disk; 4. comments would be dropped. Every answer is kept in
        this function, so two questions that both apply are each asked once and the save
        always ends: written, or left with nothing written. True if the file was written.
        """
        doc = self.doc
        if ask_name is not None:
            text = await self._ask(
                PromptScreen(
                    ask_name,
                    placeholder="canvas.toml",
                    check=lambda text: check_new_name(text, self.app.lang),
                )
            )
            if not text:
                return False
            new_path = Path(text.strip()).expanduser()
            problem = self.lock_new_path(new_path)
            if problem is not None:
                self.app.notify(problem, title=self.t("Not saved"), severity="error", markup=False)
                return False
            doc.path = new_path
            doc.fingerprint = None
            doc.has_comments = False
        path = doc.path
        if path is None:
            return False
        lock = self.app.lock
        ours = lock is not None and lock.path.resolve() == path.resolve()
        if lock is not None and ours and not lock.still_ours():
            choice = await self._ask(self.lock_lost_question(path))
            if choice == "a":
                return await self.save_flow(then, ask_name=self.t("Save under another name:"))
            if choice != "o":
                return False
        if self.changed():
            choice = await self._ask(self.external_change_question(path))
            if choice == "r":
                if await self._ask(self.reload_question()) == "y":
                    self.reload()
                return False
            if choice == "a":
                return await self.save_flow(then, ask_name=self.t("Save under another name:"))
            if choice != "o":
                return False
        if (
            doc.has_comments
            and path.exists()
            and await self._ask(self.comments_question(path)) != "s"
        ):
            return False
        return self.write(path, then)

    def write(self, path: Path, then: Callable[[], None] | None) -> bool:
        """Write the canvas now (every question answered); then run `then`."""
        doc = self.doc
        try:
            if doc.has_comments:
                write_backup_once(path)
            fingerprint = storage.save(doc.canvas, path)
        except CanvasError as exc:
            self.app.save_error(exc)
            return False
        doc.mark_saved(fingerprint=fingerprint)
        self.notified_change = False
        if storage.discard_recovery(doc.recovery):
            doc.recovery = None
        self.app.after_save(self.t("Saved {path}", path=safe(str(path))))
        if then is not None:
            then()
        return True

    def comments_question(self, path: Path) -> ChoiceScreen:
        bak = backup_path(path)
        keep = (
            self.t("Your original stays in {name}.", name=safe(bak.name))
            if not bak.exists()
            else self.t("A backup {name} exists already and is kept as it is.", name=safe(bak.name))
        )
        return ChoiceScreen(
            self.t("Comments will be dropped"),
            self.t(
                "{name} has # comments. valuecanvas writes the canvas without them, so saving "
                "removes them from the file. {keep}",
                name=safe(path.name),
                keep=keep,
            ),
            [("s", self.t("save anyway"))],
        )

    def external_change_question(self, path: Path) -> ChoiceScreen:
        gone = not path.exists()
        what = (
            "{name} was deleted since you opened or last saved it. Saving now would "
            "overwrite that. Nothing has been written yet."
            if gone
            else "{name} was changed by someone else since you opened or last saved it. "
            "Saving now would overwrite that. Nothing has been written yet."
        )
        choices = [
            ("a", self.t("save under another name")),
            ("o", self.t("overwrite it with this canvas")),
        ]
        if not gone:
            choices.insert(0, ("r", self.t("reload it (drops your changes here)")))
        return ChoiceScreen(self.t("Changed on disk"), self.t(what, name=safe(path.name)), choices)

    def lock_lost_question(self, path: Path) -> ChoiceScreen:
        """Someone took the lock over while we had the file open: never overwrite silently."""
        holder = read_lock(path)
        if holder is None:
            who = self.t("nobody any more")
        else:
            who = self.t(
                "{user} on {host} (pid {pid}) since {since}"
                if holder.since
                else "{user} on {host} (pid {pid})",
                user=holder.who,
                host=safe(holder.host, 80),
                pid=holder.pid,
                since=safe(holder.since, 40),
            )
        return ChoiceScreen(
            self.t("Lock taken over"),
            self.t(
                "The lock on {name} is no longer yours: it is held by {who}. They may be "
                "editing it now. Nothing has been written yet.",
                name=safe(path.name),
                who=who,
            ),
            [("a", self.t("save under another name")), ("o", self.t("overwrite it anyway"))],
        )

    def reload_question(self) -> ChoiceScreen:
        doc = self.doc
        changes = len(doc.undo_stack)
        lost = self.t("your unsaved changes" if doc.dirty else "nothing unsaved")
        if doc.dirty and changes:
            lost = self.t(
                "your unsaved changes ({count} edit)"
                if changes == 1
                else "your unsaved changes ({count} edits)",
                count=changes,
            )
        return ChoiceScreen(
            self.t("Reload from disk?"),
            self.t(
                "Reloading shows the file as it is on disk now and drops {lost}. u (undo) can "
                "still bring them back until you quit.",
                lost=lost,
            ),
            [("y", self.t("yes, reload"))],
        )

    def reload(self) -> bool:
        """Replace the canvas with the file on disk (undoable); False if it cannot be read."""
        doc = self.doc
        if doc.path is None:
            return False
        try:
            loaded = storage.load(doc.path)
        except CanvasError as exc:
            self.app.notify(
                "\n".join(exc.lines()) + "\n" + self.t("Your canvas here is unchanged."),
                title=self.t("Not reloaded"),
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
        self.app.replace_canvas(loaded.canvas, "reload from disk")
        doc.loaded = loaded
        doc.mark_saved(fingerprint=loaded.fingerprint)
        doc.has_comments = loaded.has_comments
        self.notified_change = False
        self.app.after_save(
            self.t("Reloaded {name} from disk — u undoes it", name=safe(doc.path.name))
        )
        return True

    def lock_new_path(self, path: Path) -> str | None:
        """Hold the lock of a file we are about to create (and let go of the old one).

        Returns why it cannot be locked, or None. Someone else could otherwise open the
        new file for editing while we still write to it.
        """
        try:
            new = acquire(path)
        except LockedError as exc:
            return str(exc)
        except CanvasError as exc:
            return "; ".join(exc.lines())
        old, self.app.lock = self.app.lock, new
        if old is not None:
            old.release()
        return None

    # ------------------------------------------------------------ quitting

    def quit_without_saving(self) -> None:
        """The user chose to drop unsaved work: it must not come back as a recovery offer."""
        if storage.discard_recovery(self.doc.recovery):
            self.doc.recovery = None

    # ------------------------------------------------------------ signals

    def install_signal_handlers(self) -> None:
        """Rescue unsaved work on SIGTERM / SIGHUP. Only for a real run, never in tests."""
        with contextlib.suppress(RuntimeError, NotImplementedError, ValueError):
            loop = asyncio.get_running_loop()
            for signum in SIGNALS:
                loop.add_signal_handler(signum, self.on_signal, int(signum))

    def on_signal(self, signum: int) -> None:
        """Write unsaved work to the recovery file, then exit with 128 + the signal number."""
        self.write_recovery()
        self.app.exit(128 + signum)

    def write_recovery(self) -> Path | None:
        """Save unsaved work beside the file (see `storage.save_recovery`); None if none."""
        doc = self.doc
        if self.app.read_only or not doc.dirty:
            return None
        try:
            target = storage.save_recovery_anywhere(doc.canvas, doc.path, own=doc.recovery)
        except CanvasError as exc:
            self.recovery_error = "; ".join(exc.lines())
            return None
        doc.recovery = target
        self.recovered_to = target
        return target

    def exit_message(self) -> str | None:
        """What the command line prints after the TUI closed because of a signal (safe)."""
        message = self._exit_message()
        return None if message is None else safe(message, None)

    def _exit_message(self) -> str | None:
        if self.recovered_to is not None:
            where = f"valuecanvas: unsaved changes were written to {self.recovered_to}"
            beside = self.doc.path is not None and self.recovered_to.parent == self.doc.path.parent
            if not beside:
                where += " (the file's folder cannot be written)"
            if self.doc.path is not None and beside:
                return f"{where}; 'valuecanvas {self.doc.path}' offers to restore them"
            return f"{where}; open them with: valuecanvas {self.recovered_to}"
        if self.recovery_error is not None:
            return f"valuecanvas: unsaved changes could NOT be rescued: {self.recovery_error}"
        return None
