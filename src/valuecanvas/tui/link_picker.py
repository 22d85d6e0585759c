"""The link picker (`l`): check the items the focused item links with.

- on a product, pain reliever or gain creator it lists the jobs, pains or gains it
  may link (`edits.set_links`);
- on a job, pain or gain it lists the value map items that may address it, and
  links from their side (`edits.set_linked_by`);
- on a journey step it lists pains and gains, in two groups, set in one edit;
- personas link nothing.

Keys: focus stays in the filter line at the top, so typing narrows the list at
once; `↑` `↓` `pageup` `pagedown` move in the list while typing, `space` toggles
the highlighted row (it never types a space: the filter matches one word or a
part of one), `enter` applies every change as ONE undoable edit, `escape`
cancels. The list is an `OptionList` of `Content` rows (user text never read as
markup) that only renders the rows on screen, so thousands of items stay fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from valuecanvas import edits
from valuecanvas.fit import ADDRESSED_BY
from valuecanvas.model import LISTS, Canvas, ListName, items_of
from valuecanvas.reports.words import list_title, tr
from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.lang import lang_of, t
from valuecanvas.tui.messages import RequestEdit
from valuecanvas.tui.rows import format_item

HINT = (
    "type to narrow · ↑ ↓ move · space toggles (the filter takes no spaces) · "
    "enter applies · escape cancels"
)  # one registry key (words.NL)
PART_STYLES = {"item-list--mark": "$secondary", "item-list--dim": "$text-muted"}


@dataclass(frozen=True)
class Group:
    """One list of candidates (a journey step has two: pains and gains)."""

    list_name: ListName
    items: tuple[Any, ...]


@dataclass(frozen=True)
class PickerSpec:
    """What the picker shows for one item, and the edit that applies the choice."""

    item_id: str
    title: Content
    groups: tuple[Group, ...]
    current: frozenset[str]
    make_edit: Callable[[frozenset[str]], Callable[[Canvas], Canvas]]


def picker_spec(
    canvas: Canvas, list_name: ListName, item_id: str, lang: str = "en"
) -> PickerSpec | None:
    """The picker for this item; None when its list links nothing (personas)."""
    _, _, item = edits.find(canvas, item_id)
    spec = LISTS[list_name]
    title = Content.assemble(
        (tr("Link ", lang), "bold"),
        (f"{tr(spec.singular, lang)} {item_id}", "bold"),
        ": ",
        one_line(item.label),
    )
    if spec.links:  # value map items and journey steps link from their own side
        groups = tuple(Group(target, items_of(canvas, target)) for _, target in spec.links)
        current = frozenset(x for field, _ in spec.links for x in getattr(item, field))

        def make_edit(chosen: frozenset[str]) -> Callable[[Canvas], Canvas]:
            def edit(canvas: Canvas) -> Canvas:
                for group in groups:
                    ids = {i.id for i in items_of(canvas, group.list_name)} & chosen
                    canvas = edits.set_links(canvas, item_id, group.list_name, ids)
                return canvas

            return edit

        return PickerSpec(item_id, title, groups, current, make_edit)
    if list_name in ADDRESSED_BY:  # a job, pain or gain: linked from the value map
        source, field = ADDRESSED_BY[list_name]
        sources = items_of(canvas, source)
        current = frozenset(s.id for s in sources if item_id in getattr(s, field))

        def make_linked_by(chosen: frozenset[str]) -> Callable[[Canvas], Canvas]:
            return lambda canvas: edits.set_linked_by(canvas, item_id, source, chosen)

        return PickerSpec(item_id, title, (Group(source, sources),), current, make_linked_by)
    return None


def row_content(list_name: ListName, item: Any, checked: bool) -> Content:
    """`[x] p3    ●●● uo text`: check box, id, level and kind marks, text."""
    parts: list[str | tuple[str, str]] = [
        ("[x] " if checked else "[ ] ", "bold"),
        (f"{item.id:<5} ", "$text-muted"),
    ]
    for text, component in format_item(list_name, item):
        text = one_line(text)
        parts.append((text, PART_STYLES[component]) if component in PART_STYLES else text)
    return Content.assemble(*parts)


class PickerFilter(Input):
    """The filter line. It leaves `space` to the picker's priority binding (toggle).

    Textual drops an ancestor's binding for any key the focused input says it may
    consume; saying so for every key but space (public `check_consume_key`) lets the
    screen's priority binding toggle the row, and the space is never typed.
    """

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)


class LinkPicker(ModalScreen[frozenset[str] | None]):
    """Dismisses with the checked ids (`enter`) or None (`escape`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        # priority: checked before the filter line, so space toggles and never types
        Binding("space", "toggle_row", "toggle", key_display="space", priority=True),
        Binding("up", "move('cursor_up')", "Up", show=False),
        Binding("down", "move('cursor_down')", "Down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
        Binding("ctrl+home", "move('first')", "First", show=False),
        Binding("ctrl+end", "move('last')", "Last", show=False),
    ]

    def __init__(self, spec: PickerSpec) -> None:
        super().__init__()
        self.spec = spec
        self.checked: set[str] = set(spec.current)
        self.filter_text = ""
        self._row_cache: dict[tuple[str, bool], Content] = {}
        self._items = {i.id: (g.list_name, i) for g in spec.groups for i in g.items}
        self._haystack = {
            i.id: f"{i.id} {one_line(i.label)}".casefold() for g in spec.groups for i in g.items
        }

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog link-picker"):
            yield Static(self.spec.title, classes="dialog-title")
            yield PickerFilter(placeholder=t(self, "type to narrow the list"), id="picker-filter")
            yield OptionList(markup=False, id="picker-list")
            yield Static(Content(""), id="picker-status")
            yield Static(Content(t(self, HINT)), classes="dialog-hint")

    def on_mount(self) -> None:
        self.option_list.can_focus = False
        self._rebuild()
        self.query_one("#picker-filter", Input).focus()

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#picker-list", OptionList)

    # ------------------------------------------------------------ rows

    def _options(self) -> list[Option]:
        needle = self.filter_text.casefold()
        many = len(self.spec.groups) > 1
        options: list[Option] = []
        for group in self.spec.groups:
            found = [i for i in group.items if not needle or needle in self._haystack[i.id]]
            title = list_title(group.list_name, lang_of(self))
            if many or not found:
                count = f"{len(found)}/{len(group.items)}" if needle else f"{len(group.items)}"
                options.append(
                    Option(Content.assemble((title, "bold"), f" ({count})"), disabled=True)
                )
            if not group.items:
                options.append(
                    Option(
                        Content.styled(
                            "  " + t(self, "no {items} yet", items=title.lower()), "$text-muted"
                        ),
                        disabled=True,
                    )
                )
            elif not found:
                options.append(
                    Option(
                        Content.styled(
                            "  " + t(self, "no match — backspace widens"), "$text-muted"
                        ),
                        disabled=True,
                    )
                )
            options.extend(Option(self._row(i.id), id=i.id) for i in found)
        return options

    def _row(self, item_id: str) -> Content:
        """The row of one candidate, built once per check state (typing stays fast)."""
        key = (item_id, item_id in self.checked)
        row = self._row_cache.get(key)
        if row is None:
            list_name, item = self._items[item_id]
            row = self._row_cache[key] = row_content(list_name, item, key[1])
        return row

    def _rebuild(self) -> None:
        option_list = self.option_list
        old = option_list.highlighted_option
        keep = old.id if old is not None else None
        options = self._options()
        option_list.set_options(options)
        ids = [o.id for o in options]
        if keep is not None and keep in ids:
            option_list.highlighted = ids.index(keep)
        else:
            option_list.highlighted = next(
                (n for n, o in enumerate(options) if not o.disabled), None
            )
        self._update_status()

    def _update_status(self) -> None:
        added = len(self.checked - self.spec.current)
        removed = len(self.spec.current - self.checked)
        change = (
            t(
                self,
                " · {added} to link, {removed} to unlink — enter applies",
                added=added,
                removed=removed,
            )
            if added or removed
            else ""
        )
        self.query_one("#picker-status", Static).update(
            Content(t(self, "{count} linked", count=len(self.checked)) + change)
        )

    # ------------------------------------------------------------ keys

    @on(Input.Changed, "#picker-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value.strip()
        self._rebuild()

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(frozenset(self.checked))

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a mouse click on a row toggles it
        self.action_toggle_row()

    def action_move(self, how: str) -> None:
        getattr(self.option_list, f"action_{how}")()

    def action_toggle_row(self) -> None:
        option_list = self.option_list
        option = option_list.highlighted_option
        if option is None or option.id is None or option.disabled:
            return
        item_id = option.id
        self.checked ^= {item_id}
        option_list.replace_option_prompt(item_id, self._row(item_id))
        self._update_status()

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_link_picker(
    origin: Widget, canvas: Canvas, list_name: ListName, item_id: str, *, read_only: bool
) -> None:
    """`l`: open the picker for an item; `enter` there asks for one undoable edit."""
    if read_only:
        origin.notify(
            t(origin, "Read-only: links cannot be changed here."), severity="warning", markup=False
        )
        return
    spec = picker_spec(canvas, list_name, item_id, lang_of(origin))
    if spec is None:
        origin.notify(
            t(
                origin,
                "A {item} has nothing to link — links join the value map, the customer profile "
                "and the journey.",
                item=t(origin, LISTS[list_name].singular),
            ),
            markup=False,
        )
        return
    screen = origin.screen

    def done(chosen: frozenset[str] | None) -> None:
        if chosen is None or chosen == spec.current:
            return
        screen.post_message(RequestEdit(spec.make_edit(chosen), f"link {item_id}", focus=item_id))

    origin.app.push_screen(LinkPicker(spec), done)
