"""The Textual app: holds the open document, saves it, and asks before quitting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette, Hit, Hits, Provider
from textual.screen import Screen

from valuecanvas.document import Document
from valuecanvas.errors import CanvasError
from valuecanvas.model import Canvas
from valuecanvas.reports.words import tr
from valuecanvas.storage.lock import FileLock
from valuecanvas.tui.commands import ALL_COMMANDS, Command, bindings
from valuecanvas.tui.dialogs import ChoiceScreen
from valuecanvas.tui.key_order import KeyOrder
from valuecanvas.tui.lang import lang_of, t
from valuecanvas.tui.main_screen import MainScreen
from valuecanvas.tui.safety import Safety


class CommandsProvider(Provider):
    """The command palette: every action by name (the same table as the keys)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        lang = lang_of(self.app)
        for command in ALL_COMMANDS:
            name = tr(command.name, lang)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    self._runner(command),
                    help=f"{tr('key', lang)}: {command.help_keys}",
                )

    async def discover(self) -> Hits:
        lang = lang_of(self.app)
        for command in ALL_COMMANDS:
            yield Hit(
                1.0,
                tr(command.name, lang),
                self._runner(command),
                help=f"{tr('key', lang)}: {command.help_keys}",
            )

    def _runner(self, command: Command) -> Callable[[], object]:
        async def run() -> None:
            main = self.app.main if isinstance(self.app, ValueCanvasApp) else None
            if main is not None:
                await main.action_command(command.id)

        return run


class ValueCanvasApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "valuecanvas"
    COMMANDS: ClassVar = {CommandsProvider}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app")]

    def __init__(
        self,
        document: Document,
        *,
        lang: str = "en",
        read_only: bool = False,
        handle_signals: bool = False,
        lock: FileLock | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.lock = lock  # the sidecar lock taken on open; checked again before every save
        self.lang = lang
        self.read_only = read_only
        self.handle_signals = handle_signals  # only for a real run: tests call the handler
        self.main: MainScreen | None = None
        self.safety = Safety(self)
        self.key_order = KeyOrder(self)  # typing ahead: keys in the order typed

    async def on_event(self, event: events.Event) -> None:
        if not self.key_order.take(event):
            await super().on_event(event)

    async def _route_typed(self, event: events.Key | events.Paste) -> None:
        """Hand a typed key on as Textual would (called by KeyOrder, in typing order).

        While the add prompt is open the pane keeps the focus, and the keys go to the
        prompt (after the app's priority keys), as they would were it focused.
        """
        main = self.main
        if main is not None and main.adding and self.screen is main:
            if isinstance(event, events.Paste) or not await self._check_bindings(
                event.key, priority=True
            ):
                await main.add_prompt.type_key(event)
            return
        await super().on_event(event)

    def on_mount(self) -> None:
        self.main = MainScreen(self.document, self.lang)
        self.push_screen(self.main)
        self.safety.start_watching()
        if self.handle_signals:
            self.safety.install_signal_handlers()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from ()  # our own provider lists every action; no duplicates

    # ------------------------------------------------------------ document

    def save_document(self, then: Callable[[], None] | None = None) -> bool:
        """Save, asking first if the file changed on disk or has comments (see safety.py)."""
        if self.read_only or self.main is None:
            return False
        return self.safety.save(then)

    def save_error(self, exc: CanvasError) -> None:
        if self.main is not None:
            self.main.save_error(exc)

    def after_save(self, message: str) -> None:
        if self.main is not None:
            self.main.update_titlebar()
        self.notify(message, markup=False)

    def replace_canvas(self, canvas: Canvas, label: str) -> None:
        """Show another canvas (a reload), undoable, even in read-only mode."""
        if self.document.apply(canvas, label) and self.main is not None:
            self.main.show_document()

    # ------------------------------------------------------------ keys

    def action_command_palette(self) -> None:
        """Textual's palette, its placeholder in the app's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = t(self, "Search for commands…")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def action_help(self) -> None:
        from valuecanvas.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        if not self.document.dirty or self.read_only:
            self.exit(0)
            return
        if isinstance(self.screen, ChoiceScreen):
            return

        def answer(choice: str | None) -> None:
            if choice == "d":
                self.safety.quit_without_saving()
                self.exit(0)
            elif choice == "s" and self.main is not None:
                self.main.action_save(then=lambda: self.exit(0))

        self.push_screen(
            ChoiceScreen(
                t(self, "Unsaved changes"),
                t(self, "This canvas has changes that are not saved yet."),
                [("s", t(self, "save and quit")), ("d", t(self, "quit without saving"))],
            ),
            answer,
        )


def run(
    document: Document, *, lang: str = "en", read_only: bool = False, lock: FileLock | None = None
) -> int:
    """Open the TUI on a document; returns the exit code (128 + N after signal N)."""
    import gc
    import sys

    gc.enable()  # off while the command line imported and loaded (cli.py main)
    app = ValueCanvasApp(document, lang=lang, read_only=read_only, handle_signals=True, lock=lock)
    result = app.run()
    if app.return_code == 1 and app.safety.recovered_to is None:
        app.safety.write_recovery()  # a bug ended the app: unsaved work is still rescued
    if app.lock is not None and app.lock is not lock:
        app.lock.release()  # a lock taken by "save as"; the command line releases its own
    message = app.safety.exit_message()
    if message is not None:
        sys.stderr.write(message + "\n")
    if result is not None:
        return int(result)
    # `App.exit(code)` or a crash (return code 1) without a result: never a silent 0
    return int(app.return_code or 0)
