"""Every key of keys.md, pressed for real, checked in the model and in the saved TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas import edits, storage
from valuecanvas.model import Canvas, Job, Pain, PainReliever
from valuecanvas.tui.dialogs import ChoiceScreen, PromptScreen
from valuecanvas.tui.form import FormScreen
from valuecanvas.tui.help import HelpScreen
from valuecanvas.tui.item_list import ItemList

SIZE = (80, 24)


def ids(items: tuple[object, ...]) -> list[str]:
    return [i.id for i in items]  # type: ignore[attr-defined]


def focused_list(app: object) -> str:
    focused = app.screen.focused  # type: ignore[attr-defined]
    assert isinstance(focused, ItemList)
    return focused.list_name


# ---------------------------------------------------------------- panes


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("1", "jobs"),
        ("2", "pains"),
        ("3", "gains"),
        ("4", "products"),
        ("5", "pain_relievers"),
        ("6", "gain_creators"),
        ("7", "steps"),
        ("8", "personas"),
    ],
)
async def test_number_keys_focus_their_pane(tmp_path: Path, key: str, name: str) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert focused_list(app) == name


async def test_tab_and_shift_tab_walk_the_panes(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(
                type(app.screen.focused).__name__
                + str(getattr(app.screen.focused, "list_name", ""))
            )
        assert len(set(seen)) == 3
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert focused_list(app) == "jobs"


async def test_cursor_keys_move_within_the_list(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        pains = app.main.lists["pains"]
        assert pains.current_id == "p1"
        await pilot.press("down", "j")
        assert pains.cursor == 2
        await pilot.press("up")
        assert pains.cursor == 1
        await pilot.press("k")
        assert pains.cursor == 0
        await pilot.press("end")
        assert pains.current_id == app.document.canvas.pains[-1].id
        await pilot.press("home")
        assert pains.current_id == "p1"


# ---------------------------------------------------------------- items


async def test_add_puts_the_item_at_the_end_with_defaults_and_focuses_it(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a")
        assert app.main.adding and app.screen.query_one("#add-bar").display
        assert app.screen.focused is app.main.lists["jobs"]  # the pane keeps the focus
        assert "New job" in str(app.screen.query_one("#add-label").render())
        await pilot.press(*"Park near the office", "enter")
        assert app.main.adding  # open for the next item, empty
        assert app.screen.query_one("#add-box").value == ""
        await pilot.press("enter")  # an empty enter closes it
        assert not app.main.adding and app.screen.focused is app.main.lists["jobs"]
        jobs = app.document.canvas.jobs
        assert jobs[-1].text == "Park near the office"
        assert (jobs[-1].kind, jobs[-1].importance) == ("functional", "medium")
        assert app.main.lists["jobs"].current_id == jobs[-1].id == "j7"
        await pilot.press("ctrl+s")
    written = saved_toml(path)["jobs"][-1]
    assert written == {
        "id": "j7",
        "text": "Park near the office",
        "kind": "functional",
        "importance": "medium",
    }


async def test_the_add_prompt_edits_like_an_input_while_the_pane_keeps_focus(
    tmp_path: Path,
) -> None:
    """The prompt takes keys without the focus: Input's editing keys still work."""
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        box = app.screen.query_one("#add-box")
        await pilot.press("1", "a", *"abc", "left", "left", "backspace")
        assert box.value == "bc"
        await pilot.press("home", "X", "end", "Z")
        assert box.value == "XbcZ"
        await pilot.press("left", "delete", "ctrl+u")
        assert box.value == ""
        await pilot.press(*"final", "enter")
        assert app.document.canvas.jobs[-1].text == "final"
        assert app.screen.focused is app.main.lists["jobs"] and app.main.adding


async def test_tab_in_the_add_prompt_moves_on_and_closes_it(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        before = app.document.canvas
        await pilot.press("1", "a", *"half", "tab")
        assert not app.main.adding
        assert app.screen.focused is not app.main.lists["jobs"]
        assert app.screen.query_one("#detail").display
        assert app.document.canvas is before


async def test_escape_cancels_the_add_prompt(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        before = app.document.canvas
        await pilot.press("2", "a", *"half typed", "escape")
        assert not app.main.adding
        assert app.main.lists["pains"].has_focus
        assert app.document.canvas is before


async def test_add_empty_enter_closes_the_prompt_and_adds_nothing(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a", "space", "enter")
        assert not app.main.adding
        assert len(app.document.canvas.pains) == 6 and not app.document.dirty


async def test_add_in_an_empty_new_canvas(tmp_path: Path) -> None:
    path = tmp_path / "fresh.toml"
    app = open_app(path, Canvas(title="Fresh"))
    async with app.run_test(size=SIZE) as pilot:
        for key, text in [("1", "A job"), ("2", "A pain"), ("3", "A gain")]:
            await pilot.press(key, "a", *text, "enter", "enter")
        for key, text in [("4", "A product"), ("5", "A reliever"), ("6", "A creator")]:
            await pilot.press(key, "a", *text, "enter", "enter")
        await pilot.press("7", "a", *"A step", "enter", "enter")
        await pilot.press("8", "a", *"A persona", "enter", "enter")
        assert not path.exists()
        await pilot.press("ctrl+s")
    data = saved_toml(path)
    assert [
        data[k][0]["id"]
        for k in ("jobs", "pains", "gains", "products", "pain_relievers", "gain_creators")
    ] == [
        "j1",
        "p1",
        "g1",
        "ps1",
        "pr1",
        "gc1",
    ]
    assert data["journey"]["steps"][0] == {
        "id": "s1",
        "phase": "awareness",
        "text": "A step",
        "emotion": 0,
    }
    assert data["personas"][0] == {"id": "pe1", "name": "A persona"}


@pytest.mark.parametrize("key", ["e", "enter"])
async def test_edit_form_applies_with_enter(tmp_path: Path, key: str) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", key)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"Look sharp for clients", "enter")
        assert not isinstance(app.screen, FormScreen)
        assert app.document.canvas.jobs[0].text == "Look sharp for clients"
        assert app.document.dirty
        await pilot.press("ctrl+s")
    assert saved_toml(path)["jobs"][0]["text"] == "Look sharp for clients"


async def test_edit_form_ctrl_s_applies_and_saves(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "e", "end", *" (weekly)", "ctrl+s")
        await pilot.pause()
        assert not app.document.dirty
    assert saved_toml(path)["jobs"][0]["text"].endswith(" (weekly)")


async def test_edit_form_escape_discards(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        before = app.document.canvas
        await pilot.press("1", "e", *"zzz", "escape")
        assert app.document.canvas is before
        assert not app.document.dirty


async def test_edit_form_shows_a_rule_it_breaks_and_stays_open(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "e", "ctrl+a", "ctrl+k", "enter")
        assert isinstance(app.screen, FormScreen)
        error = app.screen.query_one("#form-error")
        assert "empty" in str(error.render())
        await pilot.press("escape")
        assert app.document.canvas.jobs[0].text


async def test_edit_form_has_every_field_of_a_job(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "e")
        names = [w.id for w in app.screen.query("*") if w.id and w.id.startswith("field-")]
        assert names == [
            "field-text",
            "field-kind",
            "field-importance",
            "field-context",
            "field-value",  # the value lens keys
            "field-evidence",
            "field-source",
            "field-notes",
        ]


@pytest.mark.parametrize("key", ["d", "delete"])
async def test_delete_removes_the_item_and_every_link_to_it(tmp_path: Path, key: str) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", key)
        canvas = app.document.canvas
        assert "p1" not in ids(canvas.pains)
        assert all("p1" not in r.pains for r in canvas.pain_relievers)
        assert all("p1" not in s.pains for s in canvas.journey.steps)
        await pilot.press("ctrl+s")
    text = path.read_text()
    assert '"p1"' not in text


async def test_delete_says_what_went_in_the_detail_row_not_a_toast(tmp_path: Path) -> None:
    """The message sits in the bottom row (a toast would cover rows and the prompt) and
    gives way to the item's detail at the next cursor move."""
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        p1 = app.document.canvas.pains[0]
        links = len(edits.linked_ids(app.document.canvas, "p1"))
        assert links > 1
        await pilot.press("2", "d")
        detail = str(app.screen.query_one("#detail").render())
        assert detail.startswith(f"Deleted p1 “{p1.text[:20]}")
        assert f"and {links} links" in detail and "u undoes it" in detail
        assert not app._notifications  # no toast
        await pilot.press("down")
        detail = str(app.screen.query_one("#detail").render())
        assert "Deleted" not in detail and app.main.lists["pains"].current_id in detail


async def test_undo_and_redo_say_what_they_did_in_the_detail_row_not_a_toast(
    tmp_path: Path,
) -> None:
    """Undo and redo name the change where the delete message was (no toast covering rows)."""
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert str(app.screen.query_one("#detail").render()) == "Nothing to undo."
        await pilot.press("2", "d", "u")
        assert str(app.screen.query_one("#detail").render()) == "Undone: delete p1"
        await pilot.press("ctrl+y")
        assert str(app.screen.query_one("#detail").render()) == "Redone: delete p1"
        assert not app._notifications  # no toast


async def test_undo_after_delete_restores_item_place_and_links(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    original = path.read_bytes()
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        before = app.document.canvas
        await pilot.press("2", "down", "d")
        assert app.document.canvas != before
        await pilot.press("u")
        assert app.document.canvas == before
        assert app.main.lists["pains"].current_id == "p2"
        assert not app.document.dirty
        await pilot.press("ctrl+s")
    assert path.read_bytes() == original


@pytest.mark.parametrize(("up", "down"), [("shift+up", "shift+down"), ("K", "J")])
async def test_move_changes_rank(tmp_path: Path, up: str, down: str) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", down)
        assert ids(app.document.canvas.pains)[:2] == ["p2", "p1"]
        assert app.main.lists["pains"].current_id == "p1"
        await pilot.press(down, up, up)
        assert ids(app.document.canvas.pains)[:2] == ["p1", "p2"]
        await pilot.press(down, "ctrl+s")
    assert [p["id"] for p in saved_toml(path)["pains"]][:2] == ["p2", "p1"]


async def test_plus_and_minus_change_the_level(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert app.document.canvas.pains[0].severity == "extreme"
        await pilot.press("minus")
        assert app.document.canvas.pains[0].severity == "moderate"
        await pilot.press("minus", "minus")
        assert app.document.canvas.pains[0].severity == "mild"
        await pilot.press("plus")
        assert app.document.canvas.pains[0].severity == "moderate"
        await pilot.press("ctrl+s")
    assert saved_toml(path)["pains"][0]["severity"] == "moderate"


async def test_t_cycles_the_kind(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        kinds = []
        for _ in range(6):
            await pilot.press("t")
            kinds.append(app.document.canvas.jobs[0].kind)
        assert kinds == ["social", "emotional", "buyer", "co-creator", "transferrer", "functional"]


async def test_slash_filters_and_escape_clears(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", *"queue")
        pains = app.main.lists["pains"]
        assert [pains.items[i].id for i in pains.shown] == ["p1"]
        await pilot.press("enter")
        assert pains.has_focus and pains.filter_text == "queue"
        await pilot.press("escape")
        assert pains.filter_text == "" and len(pains.shown) == 6


# ---------------------------------------------------------------- document


async def test_ctrl_s_saves_and_clears_the_dirty_mark(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "minus")
        assert "●" in str(app.screen.query_one("#titlebar").render())
        await pilot.press("ctrl+s")
        assert "●" not in str(app.screen.query_one("#titlebar").render())
    assert storage.load(path).canvas == app.document.canvas


async def test_saving_a_new_canvas_asks_for_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = open_app(None, Canvas(title="Untitled canvas"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"A job", "enter", "ctrl+s")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"mine.toml", "enter")
        await pilot.pause()
    assert saved_toml(tmp_path / "mine.toml")["jobs"][0]["text"] == "A job"


@pytest.mark.parametrize(("undo", "redo"), [("u", "ctrl+r"), ("ctrl+z", "ctrl+y")])
async def test_undo_and_redo_any_number_of_steps(tmp_path: Path, undo: str, redo: str) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        start = app.document.canvas
        await pilot.press("2", "minus", "t", "shift+down", "a", *"New", "enter", "enter")
        after = app.document.canvas
        await pilot.press(undo, undo, undo, undo)
        assert app.document.canvas == start
        await pilot.press(undo)  # nothing left: no change
        assert app.document.canvas == start
        await pilot.press(redo, redo, redo, redo)
        assert app.document.canvas == after


async def test_edits_that_cancel_out_save_byte_identical(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    original = path.read_bytes()
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "shift+down", "shift+up", "minus", "plus", "t", "t", "t")
        await pilot.press("1", "minus", "plus")
        assert not app.document.dirty
        await pilot.press("ctrl+s")
    assert path.read_bytes() == original


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key_grouped(tmp_path: Path, key: str) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for group in ("Panes", "Items (in any list)", "Document"):
            assert group in text
        for keys in (
            "shift+↑ / K",
            "ctrl+s",
            "u / ctrl+z",
            "ctrl+r / ctrl+y",
            "? / f1",
            "ctrl+p",
            "ctrl+q",
            "/",
        ):
            assert keys in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_an_action_by_name(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "ctrl+p")
        await pilot.press(*"Lower its level")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.document.canvas.pains[0].severity == "moderate"


async def test_quit_without_changes_exits_at_once(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0


async def test_quit_with_changes_asks_escape_stays(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "ctrl+q")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert app.is_running and not isinstance(app.screen, ChoiceScreen)


async def test_quit_with_changes_d_discards(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    original = path.read_bytes()
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "ctrl+q", "d")
        await pilot.pause()
    assert path.read_bytes() == original


async def test_quit_with_changes_s_saves_then_quits(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "ctrl+q", "s")
        await pilot.pause()
    assert saved_toml(path)["jobs"][0]["importance"] == "medium"


# ---------------------------------------------------------------- showing

MARKUP = "[bold]x[/] [@click=app.quit]q[/]"


async def test_user_text_is_shown_literally_and_runs_nothing(tmp_path: Path) -> None:
    canvas = Canvas(
        title="[red]T[/]",
        jobs=(Job(id="j1", text=MARKUP),),
        pains=(Pain(id="p1", text="[@click=app.quit]"),),
        pain_relievers=(PainReliever(id="pr1", text="[b]r", pains=("p1",)),),
    )
    app = open_app(tmp_path / "x.toml", canvas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "2", "5", "1")
        detail = app.screen.query_one("#detail").render()
        assert MARKUP in str(detail)  # the focused job's text, every character
        screen_text = app.export_screenshot()
        assert "[bold]x[/]" in screen_text.replace("&#160;", " ")
        assert "[red]T[/]" in screen_text
        await pilot.press("e", "escape", "d")
        assert app.is_running
        assert app.document.canvas.jobs == ()


async def test_fit_entries_get_a_scrollbar_when_new_gaps_overflow_them(tmp_path: Path) -> None:
    """A new gap is a new scroll range for the fit entries (no layout of the screen), but
    a scrollbar that has to appear is still laid out and drawn."""
    from textual import events

    from valuecanvas.tui.fit_panel import FitEntries

    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        entries = app.main.query_one(FitEntries)
        await pilot.pause()
        assert len(entries.entry_ids) < entries.scrollable_content_region.height
        assert not entries.show_vertical_scrollbar
        await pilot.press("1", "a")
        await pilot.pause()
        app.post_message(events.Paste("\n".join(f"job {n}" for n in range(8))))
        await pilot.pause()  # the prompt stays open: nothing else is laid out
        assert len(entries.entry_ids) > entries.scrollable_content_region.height
        assert entries.show_vertical_scrollbar
        assert entries.vertical_scrollbar.region.height > 0  # placed on screen
