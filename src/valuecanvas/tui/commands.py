"""Every command of keys.md, defined once.

The same table feeds the key bindings, the footer, the help screen and the
command palette, so they can never disagree with each other or with keys.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Command:
    keys: str  # comma-separated Textual key names
    action: str
    name: str  # what the palette and help call it
    group: str
    footer: str = ""  # short label shown in the footer ("" = not shown)
    display: str = ""  # how help shows the keys (default: derived from keys)
    priority: bool = False

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
    Command("question_mark,f1", "app.help", "Help: every key", DOCUMENT, "help", "? / f1"),
    Command("ctrl+p", "app.command_palette", "Command palette: every action by name", DOCUMENT),
    Command("ctrl+q", "app.quit", "Quit (asks first with unsaved changes)", DOCUMENT),
)

JOURNEY_COMMANDS = (
    # Bound on the journey view (they act on the focused step's phase); the palette
    # reaches them through MainScreen.action_journey.
    Command(
        "p", "journey('add_phase')", "Add a journey phase after the step's phase", JOURNEY, "+phase"
    ),
    Command("P", "journey('rename_phase')", "Rename the focused step's phase", JOURNEY),
    Command(
        "left_square_bracket",
        "journey('phase_earlier')",
        "Move the step's phase earlier (its steps move with it)",
        JOURNEY,
        display="[",
    ),
    Command(
        "right_square_bracket",
        "journey('phase_later')",
        "Move the step's phase later (its steps move with it)",
        JOURNEY,
        display="]",
    ),
    Command("x", "journey('remove_phase')", "Remove a journey phase no step uses", JOURNEY),
    Command("o", "journey('touchpoints')", "Touchpoints overview per phase", JOURNEY, "touchpts"),
    Command(
        "less_than_sign",
        "journey('step_earlier')",
        "Move the step to the previous phase (last in it)",
        JOURNEY,
        "<phase",
        display="<",
    ),
    Command(
        "greater_than_sign",
        "journey('step_later')",
        "Move the step to the next phase (last in it)",
        JOURNEY,
        "phase>",
        display=">",
    ),
    Command("at", "journey('touchpoint')", "Edit the step's touchpoint", JOURNEY, "@", display="@"),
)

PERSONA_COMMANDS = (
    # Bound on the personas view / its empathy map; the palette reaches them through
    # MainScreen.action_personas.
    Command(
        "m,right", "personas('entries')", "Edit the persona's empathy map entries", JOURNEY, "map"
    ),
)
ENTRY_COMMANDS = (
    Command(
        "a", "personas('entry_add')", "Empathy map: add an entry to this section", JOURNEY, "add"
    ),
    Command("e,enter", "personas('entry_edit')", "Empathy map: edit the entry", JOURNEY, "edit"),
    Command(
        "d,delete", "personas('entry_delete')", "Empathy map: remove the entry", JOURNEY, "del"
    ),
    Command("shift+up,K", "personas('entry_up')", "Empathy map: move the entry up", JOURNEY),
    Command("shift+down,J", "personas('entry_down')", "Empathy map: move the entry down", JOURNEY),
    Command(
        "escape,left", "personas('back')", "Empathy map: back to the personas list", JOURNEY, "back"
    ),
)

SCREEN_COMMANDS = PANE_COMMANDS + ITEM_COMMANDS + DOCUMENT_COMMANDS[:-3]
ALL_COMMANDS = (
    PANE_COMMANDS
    + ITEM_COMMANDS
    + JOURNEY_COMMANDS
    + PERSONA_COMMANDS
    + ENTRY_COMMANDS
    + DOCUMENT_COMMANDS
)
