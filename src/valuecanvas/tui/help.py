"""The help screen: every key, grouped as in keys.md, built from the command table."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from valuecanvas.reports.words import tr
from valuecanvas.tui.commands import ALL_COMMANDS, NAV_HELP, PANES, Command
from valuecanvas.tui.lang import lang_of, t
from valuecanvas.tui.rows import legend


def help_lines(
    commands: tuple[Command, ...] = ALL_COMMANDS, lang: str = "en"
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, what it does)]) in the order of keys.md, in `lang`."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for command in commands:
        group = tr(command.group, lang)
        groups.setdefault(group, []).append((command.help_keys, tr(command.name, lang)))
        if command.group == PANES and command.keys == "0":
            groups[group].extend((keys, tr(what, lang)) for keys, what in NAV_HELP)
    return list(groups.items())


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help", id="help-body"):
            yield Static(Content(t(self, "valuecanvas — keys")), classes="dialog-title")
            parts: list[str] = []
            for group, rows in help_lines(lang=lang_of(self)):
                parts.append(group)
                parts.extend(f"  {keys:<18} {what}" for keys, what in rows)
                parts.append("")
            parts.append(t(self, "Marks"))
            marks = legend(lambda kind: t(self, kind))
            parts.extend(f"  {t(self, mark):<18} {t(self, what)}" for mark, what in marks)
            parts.append("")
            parts.append(t(self, "In a prompt or form keys type text; escape always leaves it."))
            yield Static(Content("\n".join(parts)), id="help-text")
            yield Static(Content(t(self, "↑ ↓ scroll · escape closes")), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
