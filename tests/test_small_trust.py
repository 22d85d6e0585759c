"""Issue 11, point 8: read-only `8 m d` does not claim a removal; the palette's empathy-map
commands never act on the hidden personas view; wide (CJK) text is padded by cells."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas.tui.personas_view import EmpathyMap

SIZE = (80, 24)


def _notices(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_read_only_map_delete_does_not_say_removed(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "m", "d")
        await pilot.pause()
        said = " ".join(_notices(app))
        assert "Read-only" in said
        assert "Removed" not in said and "u undoes it" not in said
        assert not app.document.dirty


async def test_palette_map_commands_do_not_act_on_the_hidden_personas_view(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    before = saved_toml(path)["personas"][0]["does"]
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "m", "escape", "escape")  # the map had a cursor once
        await pilot.press("1")  # back on the canvas view
        await pilot.pause()
        assert app.main is not None
        await app.main.action_command("entry_delete")  # what the palette entry runs
        await pilot.pause()
        assert not app.document.dirty  # nothing removed unseen
        assert isinstance(app.screen.focused, EmpathyMap)  # the map is shown instead
        await pilot.press("ctrl+s")
    assert saved_toml(path)["personas"][0]["does"] == before


def _cjk_canvas() -> object:
    from valuecanvas.model import Canvas, Journey, Step

    return Canvas(
        title="T",
        journey=Journey(
            phases=("認知", "aware"),
            steps=(
                Step(id="s1", text="看到广告", phase="認知", touchpoint="微信广告", emotion=1),
                Step(id="s2", text="reads", phase="aware", touchpoint="website", emotion=-1),
            ),
        ),
    )


def test_touchpoints_overview_pads_wide_text_by_cells() -> None:
    from rich.cells import cell_len

    from valuecanvas.journey import touchpoint_overview
    from valuecanvas.tui.journey_view import touchpoints_content

    width = 40
    name_width = width - 16  # as touchpoints_content sizes its first column
    lines = touchpoints_content(touchpoint_overview(_cjk_canvas()), width).plain.split("\n")  # type: ignore[arg-type]
    # every row's step count ends in the same terminal cell, CJK or not
    phase_rows = [line.rstrip() for line in lines[1:] if not line.startswith("  ")]
    touch_rows = [line.rsplit("  ", 1)[0] for line in lines[1:] if line.startswith("  ")]
    assert any("認知" in row for row in phase_rows) and any("微信" in row for row in touch_rows)
    assert {cell_len(row) for row in phase_rows + touch_rows} == {name_width + 7}, lines


async def test_journey_rows_align_with_wide_phase_names(tmp_path: Path) -> None:
    from rich.cells import cell_len

    from valuecanvas.storage import save
    from valuecanvas.tui.rows import format_step

    path = tmp_path / "cjk.toml"
    save(_cjk_canvas(), path)  # type: ignore[arg-type]
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        steps = app.document.canvas.journey.steps
        view = app.screen.query_one("JourneyView")
        rows = [view._format(step) for step in steps]  # type: ignore[attr-defined]
        assert rows[0][0][0].startswith("認知") and rows[1][0][0].startswith("aware")
        assert len({cell_len(row[0][0]) for row in rows}) == 1, rows
        assert cell_len(format_step(steps[0], phase_width=3)[0][0]) == 3
