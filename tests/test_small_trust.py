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
        app.main.action_personas("entry_delete")  # what the palette entry runs
        await pilot.pause()
        assert not app.document.dirty  # nothing removed unseen
        assert isinstance(app.screen.focused, EmpathyMap)  # the map is shown instead
        await pilot.press("ctrl+s")
    assert saved_toml(path)["personas"][0]["does"] == before
