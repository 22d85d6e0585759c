"""The open document: undo/redo, the dirty flag, and saving after edits that cancel out."""

from __future__ import annotations

from pathlib import Path

from valuecanvas import edits as E
from valuecanvas import storage
from valuecanvas.document import Document
from valuecanvas.model import Canvas


def opened(path: Path) -> Document:
    loaded = storage.load(path)
    return Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded)


def test_apply_undo_redo() -> None:
    start = Canvas(title="T")
    doc = Document(start, saved=start)
    one, jid = E.add_item(start, "jobs", "a")
    assert doc.apply(one, "add job")
    two = E.update_item(one, jid, {"importance": "high"})
    assert doc.apply(two, "raise level")
    assert doc.canvas is two
    assert doc.undo() == "raise level"
    assert doc.canvas is one
    assert doc.undo() == "add job"
    assert doc.canvas is start
    assert doc.undo() is None
    assert doc.canvas is start
    assert doc.redo() == "add job"
    assert doc.redo() == "raise level"
    assert doc.canvas is two
    assert doc.redo() is None


def test_new_edit_clears_redo() -> None:
    start = Canvas(title="T")
    doc = Document(start, saved=start)
    doc.apply(E.update_canvas(start, {"title": "A"}))
    doc.undo()
    doc.apply(E.update_canvas(start, {"title": "B"}))
    assert doc.redo() is None
    assert doc.canvas.title == "B"


def test_edit_that_changes_nothing_records_no_history() -> None:
    start = Canvas(title="T")
    doc = Document(start, saved=start)
    assert not doc.apply(E.update_canvas(start, {"title": "T"}))
    assert doc.undo_stack == []
    assert not doc.dirty


def test_dirty_flag() -> None:
    start = Canvas(title="T")
    doc = Document(start, saved=start)
    assert not doc.dirty
    doc.apply(E.update_canvas(start, {"title": "U"}))
    assert doc.dirty
    doc.undo()
    assert not doc.dirty
    doc.redo()
    assert doc.dirty
    doc.mark_saved(Path("x.toml"))
    assert not doc.dirty and doc.path == Path("x.toml")
    doc.undo()
    assert doc.dirty  # now differs from what was saved


def test_never_saved_document_is_dirty() -> None:
    assert Document(Canvas(title="T")).dirty


def test_edits_that_cancel_out_are_not_dirty_and_save_byte_identical(
    samples: list[Path], tmp_path: Path
) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(samples[0].read_bytes())
    original = path.read_bytes()
    doc = opened(path)
    first = doc.canvas.jobs[0].id
    steps = [
        lambda c: E.update_canvas(c, {"title": "Other"}),
        lambda c: E.update_canvas(c, {"title": doc.saved.title}),  # type: ignore[union-attr]
        lambda c: E.move_item(c, first, 2),
        lambda c: E.move_item(c, first, -2),
        lambda c: E.shift_level(c, first, -1),
        lambda c: E.shift_level(c, first, 1),
        lambda c: E.cycle_kind(c, doc.canvas.pains[0].id),
        lambda c: E.update_item(c, c.pains[0].id, {"kind": doc.saved.pains[0].kind}),  # type: ignore[union-attr]
        lambda c: E.toggle_link(c, c.products[0].id, c.jobs[-1].id),
        lambda c: E.toggle_link(c, c.products[0].id, c.jobs[-1].id),
        lambda c: E.add_phase(c, "extra"),
        lambda c: E.remove_phase(c, "extra"),
    ]
    for step in steps:
        doc.apply(step(doc.canvas))
    assert len(doc.undo_stack) == len(steps)
    assert doc.canvas is not doc.saved
    assert not doc.dirty
    storage.save(doc.canvas, path)
    assert path.read_bytes() == original


def test_undo_everything_then_save_is_byte_identical(samples: list[Path], tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(samples[-1].read_bytes())
    original = path.read_bytes()
    doc = opened(path)
    c, _ = E.add_item(doc.canvas, "pains", "new pain")
    doc.apply(c)
    doc.apply(E.delete_item(doc.canvas, doc.canvas.jobs[0].id))
    assert doc.dirty
    while doc.undo():
        pass
    assert not doc.dirty
    storage.save(doc.canvas, path)
    assert path.read_bytes() == original


def test_save_after_edit_then_reload(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    storage.create_new(Canvas(title="T"), path)
    doc = opened(path)
    c, _ = E.add_item(doc.canvas, "jobs", "multi\nline")
    doc.apply(c)
    storage.save(doc.canvas, path)
    doc.mark_saved()
    assert not doc.dirty
    assert storage.load(path).canvas == doc.canvas
