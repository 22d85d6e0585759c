"""Typing ahead (keys.md): keys typed faster than the app draws are handled in the order
typed — none lost, none run as a command — through a real pty at 0, 10 and 40 ms a key,
and through Pilot with keys posted in one burst."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual import events

from process_helpers import PtyApp
from tui_helpers import copy_sample, open_app, saved_toml

GAPS = [0.0, 0.010, 0.040]
ENTER, ESC, CTRL_S, CTRL_Q = b"\r", b"\x1b", b"\x13", b"\x11"


def texts(n: int, pane: str) -> list[str]:
    """Item texts with digits and letters that are commands outside a prompt (2, 7, e, d, a)."""
    return [f"{pane} {i} a7d2e jot {i}" for i in range(1, n + 1)]


def add_keys(pane_key: bytes, items: list[str]) -> list[bytes]:
    keys = [pane_key, b"a"]
    for text in items:
        keys += [bytes([c]) for c in text.encode()] + [ENTER]
    return [*keys, ENTER]  # an empty enter closes the prompt


def run_pty(path: Path, keys: list[bytes], gap: float) -> dict[str, Any]:
    app = PtyApp(path)
    try:
        app.wait_for(b"Weekly car wash")
        app.type([*keys, CTRL_S], gap)
        app.wait_for(b"Saved", timeout=60)
        app.type([CTRL_Q], 0)
        assert app.wait_exit() == 0
    finally:
        app.close()
    return saved_toml(path)


@pytest.mark.parametrize("gap", GAPS)
def test_thirty_items_in_three_panes_typed_ahead(tmp_path: Path, gap: float) -> None:
    path = copy_sample(tmp_path)
    before = tomllib.loads(path.read_text(encoding="utf-8"))
    new = {name: texts(10, name) for name in ("jobs", "pains", "gains")}
    keys = add_keys(b"1", new["jobs"]) + add_keys(b"2", new["pains"]) + add_keys(b"3", new["gains"])
    after = run_pty(path, keys, gap)
    for name, added in new.items():
        assert [i["text"] for i in after[name]] == [i["text"] for i in before[name]] + added
        assert after[name][: len(before[name])] == before[name]
    for key in before:
        if key not in new:
            assert after[key] == before[key], key  # nothing else changed


@pytest.mark.parametrize("gap", GAPS)
def test_edit_form_typed_ahead(tmp_path: Path, gap: float) -> None:
    """`e`, select-all-free typing: ctrl+u clears the field, text, tab to kind, tab to
    importance ... the text lands in the fields the keys were meant for."""
    path = copy_sample(tmp_path)
    before = tomllib.loads(path.read_text(encoding="utf-8"))
    keys = [b"1", b"j", b"e", b"\x15"] + [bytes([c]) for c in b"Rewritten at 2 speed"]
    keys += [ENTER, b"j", b"e", b"\x15"] + [bytes([c]) for c in b"Second one"] + [ENTER]
    after = run_pty(path, keys, gap)
    assert after["jobs"][1]["text"] == "Rewritten at 2 speed"
    assert after["jobs"][2]["text"] == "Second one"
    assert after["jobs"][0] == before["jobs"][0]
    assert after["jobs"][3:] == before["jobs"][3:]
    assert {k: v for k, v in after.items() if k != "jobs"} == {
        k: v for k, v in before.items() if k != "jobs"
    }


@pytest.mark.parametrize("gap", GAPS)
def test_filter_typed_ahead(tmp_path: Path, gap: float) -> None:
    """`/` + text + enter + `d`: the filter gets the whole text, `d` deletes the match."""
    path = copy_sample(tmp_path)
    before = tomllib.loads(path.read_text(encoding="utf-8"))
    target = before["jobs"][3]
    needle = target["text"][:12]
    assert sum(needle in j["text"] for j in before["jobs"]) == 1
    keys = [b"1", b"/"] + [bytes([c]) for c in needle.encode()] + [ENTER, b"d"]
    after = run_pty(path, keys, gap)
    assert [j["id"] for j in after["jobs"]] == [
        j["id"] for j in before["jobs"] if j["id"] != target["id"]
    ]


def test_multi_line_paste_adds_one_item_per_line(tmp_path: Path) -> None:
    """A bracketed paste of a bulleted list into the add prompt, then one more typed item."""
    path = copy_sample(tmp_path)
    before = tomllib.loads(path.read_text(encoding="utf-8"))
    paste = b"\x1b[200~- Queue at 8 am\r\n* Soap smell\r\n\r\n1. Card reader broken\x1b[201~"
    keys = [b"2", b"a", paste] + [bytes([c]) for c in b"typed after"] + [ENTER, ENTER]
    after = run_pty(path, keys, 0.010)
    assert [p["text"] for p in after["pains"]] == [p["text"] for p in before["pains"]] + [
        "Queue at 8 am",
        "Soap smell",
        "Card reader broken",
        "typed after",
    ]


# ---------------------------------------------------------------- Pilot, one burst


async def burst(app: Any, pilot: Any, keys: list[str]) -> None:
    """Post keys to the app as the driver does, all before the app handles any."""
    for key in keys:
        char = key if len(key) == 1 else {"enter": "\r", "tab": "\t", "space": " "}.get(key)
        app.post_message(events.Key(key, char))
    while not app.key_order.idle:
        await pilot.pause()
    await pilot.pause()


def chars(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def test_pilot_burst_add_keeps_every_letter(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.document.canvas.jobs
        keys = ["1", "a", *chars("jobs 2 x"), "enter", *chars("e7d"), "enter", "enter", "j"]
        await burst(app, pilot, keys)
        jobs = app.document.canvas.jobs
        assert [j.text for j in jobs] == [j.text for j in before] + ["jobs 2 x", "e7d"]
        assert app.main is not None and not app.main.adding


async def test_pilot_burst_enter_then_letter_goes_where_it_would(tmp_path: Path) -> None:
    """`a`, `plain`, `enter`, `t`: `t` is typed into the (still open) prompt, not into
    the item just added."""
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(app, pilot, ["1", "a", *chars("plain"), "enter", "t"])
        assert app.document.canvas.jobs[-1].text == "plain"
        assert app.screen.query_one("#add-box").value == "t"  # type: ignore[attr-defined]


async def test_pilot_burst_form_tab_and_enter(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = ["1", "e", "ctrl+u", *chars("New text"), "tab", "tab", "tab", "ctrl+u"]
        keys += [*chars("at home"), "enter", "ctrl+s"]
        await burst(app, pilot, keys)
        job = app.document.canvas.jobs[0]
        assert (job.text, job.context) == ("New text", "at home")
    assert saved_toml(path)["jobs"][0]["context"] == "at home"


async def test_pilot_burst_link_picker_gets_the_filter_text(tmp_path: Path) -> None:
    """`l` + a word + `space` + `enter`: the word narrows the picker (not run as keys of
    the list), `space` links the match, `enter` applies."""
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.document.canvas
        product = canvas.products[0]
        job = next(j for j in canvas.jobs if j.id not in product.jobs)
        word = max(job.text.split(), key=len)
        assert sum(word.casefold() in j.text.casefold() for j in canvas.jobs) == 1
        await burst(app, pilot, ["4", "l", *chars(word), "space", "enter"])
        after = app.document.canvas
        assert after.products[0].jobs == (*product.jobs, job.id) or set(after.products[0].jobs) == {
            *product.jobs,
            job.id,
        }
        assert after.jobs == canvas.jobs and after.pains == canvas.pains


async def test_pilot_burst_tab_then_add(tmp_path: Path) -> None:
    """`1` `tab` `a` text `enter`: the item lands in the pane `tab` moved to."""
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "tab")
        target = app.screen.focused.list_name  # type: ignore[union-attr]
        assert target != "gains"
        await pilot.press("3")
        before = app.document.canvas
        await burst(app, pilot, ["tab", "a", *chars("after tab"), "enter", "enter"])
        after = app.document.canvas
        assert getattr(after, target)[-1].text == "after tab"
        assert len(after.jobs) == len(before.jobs)


async def test_pilot_paste_of_a_list_is_one_undoable_change(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.document.canvas
        await pilot.press("3", "a")
        app.post_message(events.Paste("- Cheaper\n\n* Faster  \n2. Greener\n"))
        await burst(app, pilot, [])
        gains = app.document.canvas.gains
        assert [g.text for g in gains[len(before.gains) :]] == ["Cheaper", "Faster", "Greener"]
        assert app.main is not None and app.main.adding  # still open for more
        assert app.main.lists["gains"].current_id == gains[-1].id
        await pilot.press("escape", "u")
        assert app.document.canvas == before  # one undo takes the whole paste back
        await pilot.press("ctrl+r", "ctrl+s")
    assert [g["text"] for g in saved_toml(path)["gains"]][-3:] == ["Cheaper", "Faster", "Greener"]


def test_pasted_lines_drop_bullets_and_blank_lines() -> None:
    from valuecanvas.drafting import pasted_lines

    text = "  - one\r\n*two\n\n• three\n10) four\n3. five\n-minus stays\n   \n"
    assert pasted_lines(text) == ["one", "*two", "three", "four", "five", "-minus stays"]
