"""Readable at 80×24 and 120×40 (issue 16, point 3): what a reader sees in the panes.

The active pane (the one last focused) shows every item's whole text, wrapped;
when it cannot hold them all, the cursor's item is always whole on screen. The
other panes share their rows out, and cut text ends in `…`. Rows are read as
the pane renders them (`render_line`, the Line API the screen draws from).
"""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tui_helpers import SIZES, copy_sample, open_app
from valuecanvas.model import Canvas, Job, Pain
from valuecanvas.tui.item_list import ItemList

CANVAS_PANES = {
    "1": "jobs",
    "2": "pains",
    "3": "gains",
    "4": "products",
    "5": "pain_relievers",
    "6": "gain_creators",
}


def rows(pane: ItemList) -> list[str]:
    """The pane's rows as the reader sees them (text only)."""
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def words(text: str) -> str:
    return " ".join(text.split())


def shows_whole(pane: ItemList, text: str) -> bool:
    """The text is on screen in this pane, word for word (wrapping aside)."""
    return words(text) in words(" ".join(rows(pane)))


def pane(app: Any, name: str) -> ItemList:
    return app.main.lists[name]  # type: ignore[no-any-return]


@pytest.mark.parametrize("sample", ["office-coffee-b2b.toml", "car-wash.toml"])
async def test_at_120x40_the_focused_pane_shows_every_item_whole(
    tmp_path: Path, sample: str
) -> None:
    app = open_app(copy_sample(tmp_path, sample))
    async with app.run_test(size=SIZES["large"]) as pilot:
        for key, name in CANVAS_PANES.items():
            await pilot.press(key)
            await pilot.pause()
            shown = pane(app, name)
            assert shown.has_focus
            for item in shown.items:
                assert shows_whole(shown, item.text), (name, item.text, rows(shown))
            # ...and it wraps: at least one item takes more than one row here
            assert len([r for r in rows(shown) if r.strip()]) > len(shown.items) or name in {
                "products"
            }


@pytest.mark.parametrize("size", ["small", "large"])
async def test_moving_the_cursor_always_shows_its_item_whole(tmp_path: Path, size: str) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZES[size]) as pilot:
        for key, name in CANVAS_PANES.items():
            await pilot.press(key, "home")
            shown = pane(app, name)
            for n, item in enumerate(shown.items):
                assert shown.cursor == n
                assert shows_whole(shown, item.text), (size, name, item.text, rows(shown))
                await pilot.press("down")
            for item in reversed(shown.items):
                assert shows_whole(shown, item.text), (size, name, item.text, rows(shown))
                await pilot.press("up")


def long_canvas(count: int = 300) -> Canvas:
    """Many jobs of two to four rows each in a narrow pane."""
    jobs = tuple(
        Job(
            id=f"j{n}",
            text=f"job {n}: "
            + " ".join(["get the weekly report to the client before noon"] * (1 + n % 3)),
        )
        for n in range(1, count + 1)
    )
    return Canvas(title="Long", jobs=jobs, pains=(Pain(id="p1", text="short pain"),))


async def test_a_long_list_scrolls_so_the_cursor_item_is_whole() -> None:
    app = open_app(canvas=long_canvas())
    async with app.run_test(size=SIZES["small"]) as pilot:
        await pilot.press("1")
        jobs = pane(app, "jobs")
        await pilot.press("end")
        assert jobs.cursor == len(jobs.items) - 1
        assert shows_whole(jobs, jobs.items[-1].text)
        assert not shows_whole(jobs, jobs.items[0].text)
        await pilot.press("home")
        assert shows_whole(jobs, jobs.items[0].text)
        for _ in range(3):
            await pilot.press("pagedown")
            assert jobs.cursor > 0
            assert shows_whole(jobs, jobs.current_item.text), rows(jobs)
        for _ in range(12):  # past the bottom of the view, one item at a time
            await pilot.press("down")
            assert shows_whole(jobs, jobs.current_item.text), rows(jobs)
        await pilot.press("pageup")
        assert shows_whole(jobs, jobs.current_item.text), rows(jobs)


async def test_the_filter_narrows_a_wrapped_pane_and_keeps_texts_whole() -> None:
    app = open_app(canvas=long_canvas(40))
    async with app.run_test(size=SIZES["small"]) as pilot:
        await pilot.press("1", "slash", *"job 3", "enter")
        jobs = pane(app, "jobs")
        assert [jobs.items[i].id for i in jobs.shown][:2] == ["j3", "j30"]
        assert jobs.border_title is not None and "/" in str(jobs.border_title)
        assert shows_whole(jobs, jobs.current_item.text)
        await pilot.press("end")
        assert shows_whole(jobs, jobs.current_item.text), rows(jobs)
        await pilot.press("escape")
        assert len(jobs.shown) == len(jobs.items)
        assert shows_whole(jobs, jobs.current_item.text), rows(jobs)


async def test_the_pane_stays_wrapped_while_its_add_prompt_is_open(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZES["large"]) as pilot:
        await pilot.press("2", "a")
        pains = pane(app, "pains")
        assert app.main.adding and pains.has_focus  # the prompt takes keys, the pane keeps focus
        for item in pains.items:
            assert shows_whole(pains, item.text)
        text = "Nobody knows who to call when the machine shows an error code at eight"
        await pilot.press(*text, "enter")
        await pilot.pause()
        assert pains.current_item.text == text
        assert shows_whole(pains, text), rows(pains)


async def test_other_panes_use_their_free_rows_and_mark_cut_text(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZES["large"]) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for name in ("jobs", "products", "gain_creators", "gains"):
            shown = pane(app, name)
            assert not shown.has_focus
            seen = rows(shown)
            assert len([r for r in seen if r.strip()]) > len(shown.items)  # more than a row each
            for item in shown.items:
                first = " ".join(item.text.split()[:1])
                assert first in " ".join(seen), (name, item.text, seen)
                if not shows_whole(shown, item.text):
                    assert any(r.rstrip().endswith("…") for r in seen), (name, seen)
        # Pains takes the rows it needs and leaves the rest of its column to Gains: every
        # job and pain whole on screen, and all gains but one
        for name in ("jobs", "pains"):
            for item in pane(app, name).items:
                assert shows_whole(pane(app, name), item.text), (name, item.text)
        gains = pane(app, "gains")
        assert sum(shows_whole(gains, item.text) for item in gains.items) >= len(gains.items) - 1


async def test_pane_titles_keep_their_names_at_80x24(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZES["small"]) as pilot:
        for key in ("1", "2", "6"):
            await pilot.press(key)
            await pilot.pause()
            screen = html.unescape(app.export_screenshot()).replace("\xa0", " ")
            for title in ("1 Jobs", "2 Pains", "3 Gains", "4 Products", "6 Creators"):
                assert title in screen, (key, title)
            assert "5 Relieve" in screen


async def test_line_breaks_and_tabs_in_a_text_never_reach_the_terminal() -> None:
    text = "first line\nsecond\tline " + "and more words " * 6
    canvas = Canvas(title="Breaks", jobs=(Job(id="j1", text=text),))
    app = open_app(canvas=canvas)
    async with app.run_test(size=SIZES["small"]) as pilot:
        await pilot.press("1")
        jobs = pane(app, "jobs")
        seen = rows(jobs)
        assert "↵" in " ".join(seen)
        assert not any(unicodedata.category(ch) == "Cc" for row in seen for ch in row)
        assert shows_whole(jobs, text.replace("\n", " ↵ "))


async def test_link_marks_show_on_wrapped_rows(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "car-wash.toml"))
    async with app.run_test(size=SIZES["large"]) as pilot:
        await pilot.press("2", "down")  # p2, relieved by pr2
        await pilot.pause()
        relievers = pane(app, "pain_relievers")
        assert any(r.startswith("◆") for r in rows(relievers)), rows(relievers)


async def test_an_item_taller_than_its_pane_ends_in_an_ellipsis(tmp_path: Path) -> None:
    """Cut at the pane's last row, the item says there is more (`…`), from its top."""
    from textual import events

    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZES["small"]) as pilot:
        long_text = " ".join(f"word{n}" for n in range(150))  # far more than 20 rows of 30
        await pilot.press("1", "a")
        app.post_message(events.Paste(long_text))  # one line: typed into the prompt
        await pilot.press("enter", "escape")
        await pilot.pause()
        jobs = pane(app, "jobs")
        assert jobs.has_focus and jobs.current_item.text == long_text
        seen = [r.rstrip() for r in rows(jobs)]
        assert "fn word0 word1" in seen[0]  # shown from its top
        last = [r for r in seen if r.strip()][-1]
        assert last.endswith("…"), seen
        assert "word149" not in " ".join(seen)
