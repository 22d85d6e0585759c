"""Text from a user's file is shown literally everywhere, never run as markup or actions,
and control characters (terminal escape injection) never get into a canvas."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError
from rich.console import Console

from tui_helpers import open_app
from valuecanvas import edits, storage
from valuecanvas.errors import CanvasError, EditError
from valuecanvas.model import (
    Canvas,
    Gain,
    GainCreator,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)
from valuecanvas.tui.app import ValueCanvasApp
from valuecanvas.tui.dialogs import ChoiceScreen, PromptScreen
from valuecanvas.validation import explain

BOLD, CLICK, RED = "[bold]x[/]", "[@click=app.quit]q[/]", "[red]"
PAYLOADS = (BOLD, CLICK, RED)
BIG = (120, 40)


def hostile_canvas() -> Canvas:
    """Every kind of user text holds markup and an action link."""
    return Canvas(
        title=f"{BOLD} {CLICK} {RED}",
        segment=CLICK,
        notes=BOLD,
        jobs=(
            Job(id="j1", text=BOLD, importance="high", context=CLICK),
            Job(id="j2", text=CLICK, importance="high"),
            Job(id="j3", text=RED),
        ),
        pains=(Pain(id="p1", text=CLICK, severity="extreme"), Pain(id="p2", text=RED)),
        gains=(Gain(id="g1", text=BOLD, relevance="essential"), Gain(id="g2", text=CLICK)),
        products=(Product(id="ps1", text=RED, jobs=("j1",)), Product(id="ps2", text=CLICK)),
        pain_relievers=(PainReliever(id="pr1", text=BOLD, pains=("p1",)),),
        gain_creators=(GainCreator(id="gc1", text=CLICK, gains=("g1",)),),
        journey=Journey(
            phases=(RED, "use"),
            steps=(
                Step(id="s1", phase=RED, text=BOLD, touchpoint=CLICK, emotion=-2),
                Step(id="s2", phase="use", text=CLICK, touchpoint=RED, emotion=1),
            ),
        ),
        personas=(
            Persona(id="pe1", name=CLICK, role="user", does=(BOLD,), feels=(CLICK,), goals=(RED,)),
        ),
    )


def screen_text(app: ValueCanvasApp) -> str:
    """What the terminal shows now, as plain text (the same render as a screenshot)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(
            full=True, screen_stack=app._background_screens, simplify=True
        )
    )
    return console.export_text()


def assert_literal(app: ValueCanvasApp, *expected: str) -> str:
    text = screen_text(app)
    for payload in expected:
        assert payload in text, f"{payload!r} not shown literally:\n{text}"
    svg = html.unescape(app.export_screenshot()).replace("\xa0", " ")
    assert "[bold]" in svg or "[red]" in svg or "[@click" in svg
    return text


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "[red]canvas[b].toml"
    storage.save(hostile_canvas(), path)
    return path


async def test_file_text_round_trips_and_loads(hostile_file: Path) -> None:
    assert storage.load(hostile_file).canvas == hostile_canvas()


async def test_canvas_view_title_lists_detail_and_fit_are_literal(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        text = assert_literal(app, *PAYLOADS, "[red]canvas[b].toml")
        first = text.splitlines()[0]
        assert f"{BOLD} {CLICK} {RED}" in first  # the title bar
        await pilot.press("1", "down")
        assert CLICK in screen_text(app).splitlines()[-2] + screen_text(app).splitlines()[-3]
        await pilot.press("f")  # the fit panel, focused on its gaps
        await pilot.pause()
        assert_literal(app, CLICK)
        assert app.is_running


async def test_small_screen_and_the_fit_screen(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert_literal(app, BOLD, RED)
        await pilot.press("0")
        await pilot.pause()
        assert_literal(app, CLICK)
        await pilot.press("escape")
        assert app.is_running


async def test_journey_and_personas_views_are_literal(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert_literal(app, BOLD, RED)  # step text, phase name
        await pilot.press("down")
        await pilot.pause()
        assert_literal(app, CLICK)  # a step and its touchpoint
        await pilot.press("8")
        await pilot.pause()
        assert_literal(app, CLICK)  # persona name
        await pilot.press("e")
        await pilot.pause()
        assert_literal(app, CLICK)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_form_picker_prompt_and_notifications_are_literal(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("1", "e")  # edit j1: text and context fields
        await pilot.pause()
        assert_literal(app, BOLD, CLICK)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("4", "l")  # link picker from ps1 lists the jobs
        await pilot.pause()
        assert_literal(app, BOLD, CLICK)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+e")  # canvas settings: title, segment, notes
        await pilot.pause()
        assert_literal(app, CLICK)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1", "d")  # the "Deleted …" message (detail row) quotes the text
        await pilot.pause()
        detail = str(app.screen.query_one("#detail").render())
        assert "Deleted" in detail and BOLD in detail, detail
        assert_literal(app, BOLD)
        await pilot.press("a", *CLICK, "enter")  # typed markup is just text too
        await pilot.pause()
        assert app.document.canvas.jobs[-1].text == CLICK
        assert app.is_running


async def test_questions_show_file_names_literally(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("1", "minus")
        hostile_file.write_text(hostile_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert_literal(app, "[red]canvas[b].toml")
        await pilot.press("escape")
        assert app.is_running


async def test_clicking_and_keys_over_the_text_run_nothing(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for y in (0, 2, 3, 4, 5, 6, 21, 22):
            for x in range(0, 80, 3):
                await pilot.click(offset=(x, y))
                assert app.is_running, f"a click at {x},{y} ran something"
        for key in ("enter", "escape", "tab", "space", "down", "enter", "escape", "q"):
            await pilot.press(key)
            while app.screen is not app.main and isinstance(app.screen, PromptScreen):
                await pilot.press("escape")
        assert app.is_running
        assert app.document.canvas.title == f"{BOLD} {CLICK} {RED}"


async def test_help_screen_still_works_with_hostile_text(hostile_file: Path) -> None:
    app = open_app(hostile_file)
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert "Focus customer jobs" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running


# ---------------------------------------------------------------- control characters

ESCAPES = ["\x1b[31mred", "\x1b]0;owned\x07", "bell\x07", "nul\x00", "del\x7f", "csi\x9b2J"]


@pytest.mark.parametrize("bad", ESCAPES)
def test_model_refuses_control_characters(bad: str) -> None:
    def worded(make: Callable[[], object]) -> str:  # the message users read (validation.py)
        with pytest.raises(ValidationError) as refused:
            make()
        return "; ".join(message for _, _, message in explain(refused.value, {}))

    assert re.search(r"control character U\+00", worded(lambda: Canvas(title=bad)))
    assert "control character" in worded(lambda: Job(id="j1", text=bad))
    assert "control character" in worded(lambda: Persona(id="pe1", name="x", feels=(bad,)))
    assert "control character" in worded(lambda: Step(id="s1", text="x", touchpoint=bad))


@pytest.mark.parametrize("bad", ESCAPES)
def test_edits_refuse_control_characters_with_a_clear_message(bad: str) -> None:
    canvas = Canvas(title="T", jobs=(Job(id="j1", text="ok"),))
    with pytest.raises(EditError) as caught:
        edits.add_item(canvas, "jobs", "x" + bad)
    message = str(caught.value)
    assert "control character" in message and "remove it" in message
    assert not any(c in message for c in "\x1b\x07\x00\x7f\x9b")
    with pytest.raises(EditError, match="control character"):
        edits.update_item(canvas, "j1", {"text": bad})
    with pytest.raises(EditError, match="control character"):
        edits.update_canvas(canvas, {"title": bad})


def test_line_breaks_and_tabs_are_allowed() -> None:
    assert Job(id="j1", text="two\nlines\tand a tab").text == "two\nlines\tand a tab"


@pytest.mark.parametrize("escaped", ["\\u001b[31m", "\\u0007", "\\u009b"])
def test_file_with_escapes_is_refused_without_echoing_them(tmp_path: Path, escaped: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'title = "a{escaped}b"\n', encoding="utf-8")
    with pytest.raises(CanvasError) as caught:
        storage.load(path)
    text = "\n".join(caught.value.lines())
    assert "control character" in text
    assert not any(c in text for c in "\x1b\x07\x9b")


async def test_prompt_refuses_an_escape_character(tmp_path: Path) -> None:
    app = open_app(None, Canvas(title="T"))
    async with app.run_test(size=(80, 24)) as pilot:
        messages: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: (messages.append(message), notify(message, **kw))[1]  # type: ignore[method-assign]
        await pilot.press("1", "a")
        await pilot.pause()
        assert app.main.adding
        from textual.widgets import Input

        box = app.screen.query_one("#add-box", Input)
        box.value = "evil\x1b]0;owned\x07"
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.adding  # stays open with the reason
        error = " ".join(messages)
        assert "control character" in error and "\x1b" not in error
        await pilot.press("escape")
        await pilot.pause()
        assert app.document.canvas.jobs == ()
