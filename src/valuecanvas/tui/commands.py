"""Every command of keys.md, defined once.

The same table feeds the key bindings, the footer, the help screen and the
command palette, so they can never disagree with each other or with keys.md.
Each command names its scope: the widget whose bindings hold it (and on which
the palette runs it, after switching to the view that widget lives in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from textual.binding import Binding

from valuecanvas.model import ListName

Scope: TypeAlias = Literal["app", "screen", "journey", "personas", "empathy"]
"""app: the app; screen: the canvas screen; journey / personas: those views;
empathy: the persona's empathy map."""

SCOPE_VIEW: dict[Scope, ListName] = {
    "journey": "steps",
    "personas": "personas",
    "empathy": "personas",
}
"""The pane the palette focuses before it runs a command of this scope."""


@dataclass(frozen=True)
class Command:
    keys: str  # comma-separated Textual key names
    action: str
    name: str  # what the palette and help call it
    group: str
    footer: str = ""  # short label shown in the footer ("" = not shown)
    display: str = ""  # how help shows the keys (default: derived from keys)
    scope: Scope = "screen"
    priority: bool = False  # checked before the focused widget (quit works everywhere)

    @property
    def id(self) -> str:
        return self.action.split("(")[0].replace(".", "_").replace("'", "") + (
            "_" + self.action.split("(")[1].rstrip(")").strip("'") if "(" in self.action else ""
        )

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.footer or self.name,
            show=bool(self.footer),
            key_display=self.footer_key,
            priority=self.priority,
            id=self.id,
            tooltip=self.name,
        )

    @property
    def footer_key(self) -> str | None:
        first = self.keys.split(",")[0]
        return {
            "question_mark": "?",
            "plus": "+",
            "minus": "-",
            "slash": "/",
            "less_than_sign": "<",
            "greater_than_sign": ">",
            "at": "@",
        }.get(first)

    @property
    def help_keys(self) -> str:
        if self.display:
            return self.display
        names = {
            "question_mark": "?",
            "plus": "+",
            "minus": "-",
            "slash": "/",
            "shift+up": "shift+↑",
            "shift+down": "shift+↓",
        }
        return " / ".join(names.get(k, k) for k in self.keys.split(","))


PANES = "Panes"
ITEMS = "Items (in any list)"
DOCUMENT = "Document"
JOURNEY = "Journey and personas"

PANE_COMMANDS = (
    Command("1", "focus_pane('jobs')", "Focus customer jobs", PANES),
    Command("2", "focus_pane('pains')", "Focus pains", PANES),
    Command("3", "focus_pane('gains')", "Focus gains", PANES),
    Command("4", "focus_pane('products')", "Focus products & services", PANES),
    Command("5", "focus_pane('pain_relievers')", "Focus pain relievers", PANES),
    Command("6", "focus_pane('gain_creators')", "Focus gain creators", PANES),
    Command("7", "focus_pane('steps')", "Focus journey steps", PANES),
    Command("8", "focus_pane('personas')", "Focus personas", PANES),
    Command("9", "focus_pane('lens')", "Show the value lens (enter on an item jumps to it)", PANES),
    Command("0", "focus_pane('fit')", "Focus the fit summary panel", PANES),
)
NAV_HELP = (
    ("tab / shift+tab", "Next / previous pane"),
    ("↑ ↓ / k j", "Move within the focused list"),
    ("home / end", "First / last item"),
)

ITEM_COMMANDS = (
    Command("a", "add_item", "Add an item at the end of the list", ITEMS, "add"),
    Command("e,enter", "edit_item", "Edit the focused item (all fields)", ITEMS, "edit"),
    Command("d,delete", "delete_item", "Delete the focused item and its links", ITEMS, "del"),
    Command("shift+up,K", "move_item(-1)", "Move the item up one place (rank)", ITEMS),
    Command("shift+down,J", "move_item(1)", "Move the item down one place (rank)", ITEMS),
    Command("plus", "shift_level(1)", "Raise its level (or a step's emotion)", ITEMS, "lvl"),
    Command("minus", "shift_level(-1)", "Lower its level (or a step's emotion)", ITEMS),
    Command("t", "cycle_kind", "Cycle its kind", ITEMS, "kind"),
    Command("T", "cycle_kind(-1)", "Cycle its kind backward", ITEMS),
    Command("l", "link", "Link it: pick the items it links with", ITEMS, "link"),
    Command("slash", "filter", "Filter the focused list by text", ITEMS, "find"),
    # The value lens tags (value-lens.md); shifted = backward.
    Command("v", "cycle_value(1)", "Cycle its customer value (functional, economic …)", ITEMS),
    Command("V", "cycle_value(-1)", "Cycle its customer value backward", ITEMS),
    Command("r", "cycle_strategy(1)", "Cycle its strategy (performance, customisation …)", ITEMS),
    Command("R", "cycle_strategy(-1)", "Cycle its strategy backward", ITEMS),
    Command("g", "cycle_evidence(1)", "Cycle its evidence (assumption, observation …)", ITEMS),
    Command("G", "cycle_evidence(-1)", "Cycle its evidence backward", ITEMS),
    Command("w", "pick_tags", "Pick its warranty aspects, or whose step it is (persona)", ITEMS),
)

DOCUMENT_COMMANDS = (
    Command("ctrl+s", "save", "Save to the file", DOCUMENT, "save"),
    Command("S", "save_as", "Save as: a copy under another name, edited from then on", DOCUMENT),
    Command("u,ctrl+z", "undo", "Undo the last change", DOCUMENT, "undo"),
    Command("ctrl+r,ctrl+y", "redo", "Redo", DOCUMENT),
    Command(
        "ctrl+e",
        "edit_canvas",
        "Edit the canvas settings (title, segment, market, notes)",
        DOCUMENT,
    ),
    Command("f", "show_fit", "Show the whole fit report", DOCUMENT),
    # No footer label: at 80 columns the footer is full and `? help` must stay in view.
    Command("x", "export", "Export the canvas (md, mermaid, html, csv, json) to a file", DOCUMENT),
    Command("question_mark,f1", "help", "Help: every key", DOCUMENT, "help", "? / f1", scope="app"),
    Command(
        "ctrl+p", "command_palette", "Command palette: every action by name", DOCUMENT, scope="app"
    ),
    Command(
        "ctrl+q",
        "quit",
        "Quit (asks first with unsaved changes)",
        DOCUMENT,
        "Quit",
        scope="app",
        priority=True,
    ),
)

JOURNEY_COMMANDS = (
    # They act on the focused step's phase.
    Command(
        "p",
        "add_phase",
        "Add a journey phase after the step's phase",
        JOURNEY,
        "+phase",
        scope="journey",
    ),
    Command("P", "rename_phase", "Rename the focused step's phase", JOURNEY, scope="journey"),
    Command(
        "left_square_bracket",
        "phase_earlier",
        "Move the step's phase earlier (its steps move with it)",
        JOURNEY,
        display="[",
        scope="journey",
    ),
    Command(
        "right_square_bracket",
        "phase_later",
        "Move the step's phase later (its steps move with it)",
        JOURNEY,
        display="]",
        scope="journey",
    ),
    Command("x", "remove_phase", "Remove a journey phase no step uses", JOURNEY, scope="journey"),
    Command(
        "o", "touchpoints", "Touchpoints overview per phase", JOURNEY, "touchpts", scope="journey"
    ),
    Command(
        "less_than_sign",
        "step_earlier",
        "Move the step to the previous phase (last in it)",
        JOURNEY,
        "<phase",
        display="<",
        scope="journey",
    ),
    Command(
        "greater_than_sign",
        "step_later",
        "Move the step to the next phase (last in it)",
        JOURNEY,
        "phase>",
        display=">",
        scope="journey",
    ),
    Command(
        "at", "touchpoint", "Edit the step's touchpoint", JOURNEY, "@", display="@", scope="journey"
    ),
    Command(
        "W",
        "by_persona",
        "Show all steps, then each persona's steps (whose journey)",
        JOURNEY,
        "who",
        scope="journey",
    ),
)

PERSONA_COMMANDS = (
    Command(
        "m,right",
        "entries",
        "Edit the persona's empathy map entries",
        JOURNEY,
        "map",
        scope="personas",
    ),
)
ENTRY_COMMANDS = (
    Command(
        "a",
        "entry_add",
        "Empathy map: add an entry to this section",
        JOURNEY,
        "add",
        scope="empathy",
    ),
    Command(
        "e,enter", "entry_edit", "Empathy map: edit the entry", JOURNEY, "edit", scope="empathy"
    ),
    Command(
        "d,delete", "entry_delete", "Empathy map: remove the entry", JOURNEY, "del", scope="empathy"
    ),
    Command("shift+up,K", "entry_up", "Empathy map: move the entry up", JOURNEY, scope="empathy"),
    Command(
        "shift+down,J", "entry_down", "Empathy map: move the entry down", JOURNEY, scope="empathy"
    ),
    Command(
        "escape,left",
        "back",
        "Empathy map: back to the personas list",
        JOURNEY,
        "back",
        scope="empathy",
    ),
)

ALL_COMMANDS = (
    PANE_COMMANDS
    + ITEM_COMMANDS
    + JOURNEY_COMMANDS
    + PERSONA_COMMANDS
    + ENTRY_COMMANDS
    + DOCUMENT_COMMANDS
)
"""Every command, in the order of keys.md (help and palette list them so)."""


def bindings(scope: Scope) -> list[Binding]:
    """The key bindings of one scope, from the table."""
    return [c.binding() for c in ALL_COMMANDS if c.scope == scope]


def by_id(command_id: str) -> Command:
    """The command with this id (`add_phase`, `focus_pane_jobs`)."""
    return next(c for c in ALL_COMMANDS if c.id == command_id)
