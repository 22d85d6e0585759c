"""The Textual app: holds the open document, saves it, and asks before quitting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Hit, Hits, Provider
from textual.screen import Screen

from valuecanvas import storage
from valuecanvas.document import Document
from valuecanvas.errors import CanvasError
from valuecanvas.tui.commands import ALL_COMMANDS, DOCUMENT_COMMANDS
from valuecanvas.tui.dialogs import ChoiceScreen
from valuecanvas.tui.main_screen import MainScreen


class CommandsProvider(Provider):
    """The command palette: every action by name (the same table as the keys)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.app.screen
        for command in ALL_COMMANDS:
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.name),
                    self._runner(screen, command.action),
                    help=f"key: {command.help_keys}",
                )

    async def discover(self) -> Hits:
        screen = self.app.screen
        for command in ALL_COMMANDS:
            yield Hit(
                1.0,
                command.name,
                self._runner(screen, command.action),
                help=f"key: {command.help_keys}",
            )

    def _runner(self, screen: Screen[object], action: str) -> Callable[[], object]:
        async def run() -> None:
            target = action if action.startswith("app.") else f"screen.{action}"
            await screen.app.run_action(target)

        return run


class ValueCanvasApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "valuecanvas"
    COMMANDS: ClassVar = {CommandsProvider}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [c.binding() for c in DOCUMENT_COMMANDS[-3:-1]] + [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit", show=True)
    ]

    def __init__(self, document: Document, *, lang: str = "en", read_only: bool = False) -> None:
        super().__init__()
        self.document = document
        self.lang = lang
        self.read_only = read_only
        self.main: MainScreen | None = None

    def on_mount(self) -> None:
        self.main = MainScreen(self.document, self.lang)
        self.push_screen(self.main)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from ()  # our own provider lists every action; no duplicates

    # ------------------------------------------------------------ document

    def document_changed(self) -> None:
        """Called after every edit, undo and redo (title mark; later: recovery)."""
        if self.main is not None:
            self.main.update_titlebar()

    def save_document(self, then: Callable[[], None] | None = None) -> bool:
        doc = self.document
        if doc.path is None or self.main is None:
            return False
        try:
            storage.save(doc.canvas, doc.path)
        except CanvasError as exc:
            self.main.save_error(exc)
            return False
        doc.mark_saved()
        self.main.update_titlebar()
        self.notify(f"Saved {doc.path}", markup=False)
        if then is not None:
            then()
        return True

    # ------------------------------------------------------------ keys

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
                self.exit(0)
            elif choice == "s" and self.main is not None:
                self.main.action_save(then=lambda: self.exit(0))

        self.push_screen(
            ChoiceScreen(
                "Unsaved changes",
                "This canvas has changes that are not saved yet.",
                [("s", "save and quit"), ("d", "quit without saving")],
            ),
            answer,
        )


def run(document: Document, *, lang: str = "en") -> int:
    """Open the TUI on a document; returns the exit code."""
    app = ValueCanvasApp(document, lang=lang)
    result = app.run()
    return int(result or 0)
