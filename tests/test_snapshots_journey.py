"""Snapshots of the journey view (curve, phases, low point) and the personas view."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_helpers import SIZES, copy_sample, open_app


@pytest.mark.parametrize("size", ["small", "large"])
def test_journey_view_b2b(snap_compare, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["7", "j", "j", "j", "j"])


@pytest.mark.parametrize("size", ["small", "large"])
def test_journey_view_dutch(snap_compare, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path, "fietsabonnement.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["7"])


@pytest.mark.parametrize("size", ["small", "large"])
def test_personas_view_b2b(snap_compare, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["8"])


def test_empathy_map_focused(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=SIZES["small"], press=["8", "m", "j"])
