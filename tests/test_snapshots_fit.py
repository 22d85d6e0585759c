"""Snapshots of the fit panel (partial and full fit, 80×24 and 120×40) and the link picker.

Update with `pytest --snapshot-update tests/test_snapshots_fit.py`, then look at
every changed SVG before accepting it.
"""

from __future__ import annotations

import pytest

from tui_helpers import copy_sample, open_app

PARTIAL = "office-coffee-b2b.toml"
FULL = "car-wash.toml"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("sample", [PARTIAL, FULL], ids=["partial", "full"])
def test_fit_panel(snap_compare, tmp_path, sample: str, size: tuple[int, int]) -> None:
    app = open_app(copy_sample(tmp_path, sample))
    assert snap_compare(app, terminal_size=size)


def test_fit_panel_focused_on_a_gap(snap_compare, tmp_path) -> None:
    app = open_app(copy_sample(tmp_path, PARTIAL))
    assert snap_compare(app, terminal_size=(80, 24), press=["0", "down"])


def test_link_picker(snap_compare, tmp_path) -> None:
    app = open_app(copy_sample(tmp_path, PARTIAL))
    # pain relievers, pr1: its pains, p1 checked; move to p2 and check it
    assert snap_compare(app, terminal_size=(80, 24), press=["5", "l", "down", "space"])


def test_link_picker_on_a_journey_step_filtered(snap_compare, tmp_path) -> None:
    app = open_app(copy_sample(tmp_path, PARTIAL))
    assert snap_compare(app, terminal_size=(80, 24), press=["7", "l", "c", "o", "s", "t"])
