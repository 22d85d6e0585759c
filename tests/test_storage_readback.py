"""The read-back before a save: a writer bug never reaches a user's file.

Each `[[list]]` table's text is read back on its own and remembered (a save after an
edit reads back only what changed); these tests break the writer on purpose and check
that the save refuses, the file stays as it was, and the memory of earlier read-backs
never lets a wrong text through.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from strategies import canvases
from valuecanvas import storage
from valuecanvas.model import Canvas, Job, Pain
from valuecanvas.storage import writer


def _canvas(*texts: str) -> Canvas:
    return Canvas(
        title="Read-back",
        jobs=tuple(Job(id=f"j{n}", text=t) for n, t in enumerate(texts, start=1)),
        pains=(Pain(id="p1", text="Slow"),),
    )


@settings(max_examples=60, deadline=None)
@given(canvases())
def test_the_whole_text_reads_back_as_the_canvas_data(canvas: Canvas) -> None:
    """What the per-table read-back stands for: the whole file parses to the data."""
    text = storage.dumps(canvas)
    assert tomllib.loads(text) == writer.canvas_to_data(canvas)
    writer._READ_BACK.clear()  # and the same with nothing remembered
    assert storage.dumps(canvas) == text


def test_a_table_text_that_reads_back_wrong_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.toml"
    storage.save(_canvas("Wash the car"), path)
    before = path.read_bytes()
    real = writer._table_text

    def buggy(table: dict[str, Any]) -> str:
        text = real(table)
        return text.replace("Dry", "Dry it") if table.get("text") == "Dry the car" else text

    monkeypatch.setattr(writer, "_table_text", buggy)
    with pytest.raises(RuntimeError, match="does not read back the same"):
        storage.save(_canvas("Wash the car", "Dry the car"), path)
    assert path.read_bytes() == before


def test_a_table_text_that_defines_more_than_its_table_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Alone, each table's text must parse to exactly its one table: nothing outside it."""
    real = writer._table_text
    monkeypatch.setattr(writer, "_table_text", lambda t: real(t) + "[extra]\nx = 1\n")
    with pytest.raises(RuntimeError, match="does not read back the same"):
        storage.dumps(_canvas("Unseen text 1"))


def test_a_remembered_text_does_not_vouch_for_a_different_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The memory holds text and table: the same text from another table is read back again."""
    storage.dumps(_canvas("Remembered"))  # this text is now remembered
    real = writer._table_text

    def stale(table: dict[str, Any]) -> str:  # a bug: writes the old text for a new table
        return real({**table, "text": "Remembered"}) if table.get("id") == "j1" else real(table)

    monkeypatch.setattr(writer, "_table_text", stale)
    with pytest.raises(RuntimeError, match="does not read back the same"):
        storage.dumps(_canvas("Changed"))


def test_a_save_after_an_edit_reads_back_only_the_changed_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _canvas("One", "Two", "Three")
    storage.dumps(first)
    parsed: list[str] = []
    real_loads = writer.tomllib.loads

    def counting(text: str) -> dict[str, Any]:
        parsed.append(text)
        return real_loads(text)

    monkeypatch.setattr(writer.tomllib, "loads", counting)
    storage.dumps(_canvas("One", "Two (edited)", "Three"))
    tables = [t for t in parsed if t.startswith("\n[[")]
    assert len(tables) == 1
    assert tables[0].startswith('\n[[jobs]]\nid = "j2"\ntext = "Two (edited)"\n')


def test_only_the_last_texts_tables_are_remembered() -> None:
    """The memory holds one canvas's tables, however many canvases were written."""
    for n in range(5):
        storage.dumps(_canvas(*(f"Job {n}.{k}" for k in range(10))))
    assert len(writer._READ_BACK) == 11  # ten jobs and one pain, of the last canvas
    assert all("Job 4." in text or "Slow" in text for text in writer._READ_BACK)
