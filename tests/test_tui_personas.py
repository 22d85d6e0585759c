"""The personas view, pressed for real: personas, DMU role, empathy map entries."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas.tui.dialogs import PromptScreen
from valuecanvas.tui.form import FormScreen
from valuecanvas.tui.personas_view import EmpathyMap

SIZE = (80, 24)


def personas_of(path: Path) -> list[dict]:
    return saved_toml(path)["personas"]


def map_text(app: object) -> str:
    return str(app.screen.query_one("#empathy-text").render())  # type: ignore[attr-defined]


async def test_8_shows_personas_beside_the_empathy_map(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8")
        assert app.main.lists["personas"].has_focus
        text = map_text(app)
        assert "Drives 40 000 km a year" in text and "Feels" in text
        assert "role: (none" in text and "DMU role" not in text  # b2c
        await pilot.press("j")
        assert "Leaves home at 6:30" in map_text(app)


async def test_b2b_shows_the_dmu_role(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8")
        assert "DMU role: decider" in map_text(app)
        row = "".join(
            t for t, _ in app.main.lists["personas"].formatter(app.document.canvas.personas[0])
        )
        assert row.startswith("DEC ")


async def test_a_adds_a_persona_with_literal_markup(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "a", *"Eva [bold]60[/]", "enter")
        title = app.screen.query_one(EmpathyMap)._border_title  # what is drawn
        assert title is not None and "Eva [bold]60[/]" in title.plain
        await pilot.press("ctrl+s")
    assert personas_of(path)[-1]["name"] == "Eva [bold]60[/]"


async def test_e_edits_name_role_and_the_empathy_lists(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "j", "e")
        assert isinstance(app.screen, FormScreen)
        form = app.screen
        form.query_one("#field-role").value = "buyer"
        form.query_one("#field-feels").text = "Tired\nProud of his team\n"
        await pilot.press("end", *" (NL)", "enter")
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")
    marco = personas_of(path)[1]
    assert marco["name"] == "Marco, 52, regional sales manager (NL)"
    assert marco["role"] == "buyer"
    assert marco["feels"] == ["Tired", "Proud of his team"]


async def test_d_deletes_and_K_J_rank_personas(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "office-coffee-b2b.toml")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "j", "K", "end", "shift+up", "home", "J", "ctrl+s")
        order = [p["id"] for p in personas_of(path)]
        await pilot.press("end", "d", "ctrl+s")
    assert order == ["pe1", "pe2", "pe3", "pe5", "pe4"]
    assert [p["id"] for p in personas_of(path)] == ["pe1", "pe2", "pe3", "pe5"]


async def test_m_enters_the_map_and_a_adds_an_entry(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "m")
        assert isinstance(app.screen.focused, EmpathyMap)
        await pilot.press("j", "j", "j", "a")  # cursor in "feels"
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Relieved [b]on Fridays[/b]", "enter")
        assert isinstance(app.screen.focused, EmpathyMap)
        assert "Relieved [b]on Fridays[/b]" in map_text(app)
        await pilot.press("ctrl+s")
    assert personas_of(path)[0]["feels"][-1] == "Relieved [b]on Fridays[/b]"


async def test_map_entries_edit_move_and_delete(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "right")  # does[0]
        await pilot.press("e", "end", *" (lease car)", "enter")
        await pilot.press("J")  # does[0] -> does[1]
        empathy = app.screen.query_one(EmpathyMap)
        assert empathy.current == ("does", 1)
        await pilot.press("shift+down", "K")  # down to 2, back up to 1
        await pilot.press("down", "d")  # delete does[2]
        await pilot.press("ctrl+s")
    does = personas_of(path)[0]["does"]
    assert does == ["Visits three clients a week", "Drives 40 000 km a year (lease car)"]


async def test_map_adds_to_an_empty_section_and_escape_goes_back(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "j", "m", "j")  # Marco: does[0], then empty "feels"
        empathy = app.screen.query_one(EmpathyMap)
        assert empathy.current == ("feels", None)
        await pilot.press("enter", *"Impatient", "enter")
        assert empathy.current == ("feels", 0)
        await pilot.press("escape")
        assert app.main.lists["personas"].has_focus
        await pilot.press("u")  # one undo step per entry
        assert app.document.canvas.personas[1].feels == ()
        await pilot.press("ctrl+r", "ctrl+s")
    assert personas_of(path)[1]["feels"] == ["Impatient"]


async def test_map_refuses_an_empty_entry(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "m", "a", "space", "enter")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("escape")
        assert isinstance(app.screen.focused, EmpathyMap)
    assert len(app.document.canvas.personas[0].does) == 3


async def test_m_on_an_empty_list_says_add_first(tmp_path: Path) -> None:
    from valuecanvas.model import Canvas

    app = open_app(tmp_path / "new.toml", canvas=Canvas(title="New"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "m")
        assert app.main.lists["personas"].has_focus
        assert "no persona" in map_text(app)
