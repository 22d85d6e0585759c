"""Property tests: any valid canvas survives writing and reading, byte for byte."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from strategies import canvases
from valuecanvas import edits as E
from valuecanvas import storage
from valuecanvas.errors import CanvasError
from valuecanvas.fit import compute_fit
from valuecanvas.model import LISTS, Canvas, all_items, place_of
from valuecanvas.rules import rule_breaks
from valuecanvas.storage.codec import canvas_from_text

PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(canvases())
def test_dumps_round_trips_and_is_deterministic(canvas: Canvas) -> None:
    assert rule_breaks(canvas) == []  # the strategy draws valid canvases
    assert E.complete(canvas) is canvas  # with nothing left to fill in
    text = storage.dumps(canvas)
    assert canvas_from_text(text, "roundtrip.toml") == canvas
    assert storage.dumps(canvas) == text
    assert storage.dumps(canvas.model_copy(deep=True)) == text
    assert storage.dumps(canvas_from_text(text, "again.toml")) == text


@settings(max_examples=50, deadline=None)
@given(canvases())
def test_save_then_load_is_equal_and_saving_again_is_byte_identical(canvas: Canvas) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.toml"
        storage.save(canvas, path)
        first = path.read_bytes()
        loaded = storage.load(path).canvas
        assert loaded == canvas
        storage.save(loaded, path)
        assert path.read_bytes() == first


@settings(max_examples=60, deadline=None)
@given(canvases(), st.data())
def test_deleting_any_item_keeps_the_file_valid(canvas: Canvas, data: st.DataObject) -> None:
    items = [item.id for _, _, item in all_items(canvas)]
    if not items:
        return
    victim = data.draw(st.sampled_from(items))
    after = E.delete_item(canvas, victim)
    assert rule_breaks(after) == []
    assert all(victim not in E.linked_ids(after, i.id) for _, _, i in all_items(after))
    assert canvas_from_text(storage.dumps(after), "x.toml") == after


@settings(max_examples=60, deadline=None)
@given(canvases())
def test_fit_figures_stay_in_range(canvas: Canvas) -> None:
    report = compute_fit(canvas)
    assert report.score is None or 0 <= report.score <= 100
    for name in ("jobs", "pains", "gains"):
        value = report.coverage[name]  # type: ignore[index]
        items = E.items_of(canvas, name)  # type: ignore[attr-defined, arg-type]
        assert (value is None) == (len(items) == 0)
        assert set(report.gaps[name]) == {i.id for i in items} - report.addressed  # type: ignore[index]
    assert (report.verdict == "none") == (not report.addressed)
    assert report.score is None or report.verdict != "none" or report.score == 0


@settings(max_examples=60, deadline=None)
@given(canvases(), st.data())
def test_unknown_key_in_any_item_is_reported_on_its_line(
    canvas: Canvas, data: st.DataObject
) -> None:
    """Whatever the texts hold (quotes, `[[jobs]]`, multi-line strings), the line is right."""
    items = list(all_items(canvas))
    assume(items)
    name, index, item = data.draw(st.sampled_from(items))
    text = storage.dumps(canvas)
    # the item's header and id line: ids are unique, so only a text could repeat it
    start = f'\n[[{LISTS[name].file_place}]]\nid = "{item.id}"\n'
    assume(text.count(start) == 1)
    insert_at = text.index(start) + len(start)
    broken = text[:insert_at] + "bogus_key = 1\n" + text[insert_at:]
    with pytest.raises(CanvasError) as info:
        canvas_from_text(broken, "x.toml")
    [problem] = info.value.problems
    assert problem.place == place_of(name, index, item.id)
    assert problem.line == broken[:insert_at].count("\n") + 1
