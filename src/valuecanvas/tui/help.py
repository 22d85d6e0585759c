"""The help screen: every key, grouped as in keys.md, built from the command table."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from valuecanvas.tui.commands import ALL_COMMANDS, NAV_HELP, PANES, Command
from valuecanvas.tui.rows import legend


def help_lines(
    commands: tuple[Command, ...] = ALL_COMMANDS,
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, what it does)]) in the order of keys.md."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for command in commands:
        groups.setdefault(command.group, []).append((command.help_keys, command.name))
        if command.group == PANES and command.keys == "0":
            groups[PANES].extend(NAV_HELP)
    return list(groups.items())


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help", id="help-body"):
            yield Static(Content("valuecanvas — keys"), classes="dialog-title")
            parts: list[str] = []
            for group, rows in help_lines():
                parts.append(group)
                parts.extend(f"  {keys:<18} {what}" for keys, what in rows)
                parts.append("")
            parts.append("Marks")
            parts.extend(f"  {mark:<18} {what}" for mark, what in legend())
            parts.append("")
            parts.append("In a prompt or form keys type text; escape always leaves it.")
            yield Static(Content("\n".join(parts)), id="help-text")
            yield Static(Content("↑ ↓ scroll · escape closes"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
