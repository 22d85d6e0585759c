"""Snapshots of the value lens (view 9) and its tag pickers, at 80×24 and 120×40."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_helpers import SIZES, copy_sample, open_app


@pytest.mark.parametrize("size", ["small", "large"])
def test_lens_view_mismatch(snap_compare, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    """car-wash: the customer seeks more emotional value than the map delivers."""
    app = open_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=SIZES[size], press=["9"])


@pytest.mark.parametrize("size", ["small", "large"])
def test_lens_view_warranty_and_untested(snap_compare, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    """office-coffee: scrolled to the warranty checklist and "test these first"."""
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["9", *["down"] * 16])


def test_lens_view_dutch(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path, "fietsabonnement.toml"), lang="nl")
    assert snap_compare(app, terminal_size=SIZES["small"], press=["9"])


def test_warranty_picker(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=SIZES["small"], press=["5", "w", "2"])


def test_journey_by_persona(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    assert snap_compare(app, terminal_size=SIZES["small"], press=["7", "W"])
