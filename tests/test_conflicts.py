"""`[[conflicts]]` (file-format.md): loads, round-trips, `check` reports each, resolving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from valuecanvas import storage
from valuecanvas.conflicts import resolve
from valuecanvas.model import Canvas

WITH_CONFLICTS = """\
format = "valuecanvas/1"
title = "Ours"
market = "b2c"

[journey]
phases = ["use", "awareness"]

[[pains]]
id = "p1"
text = "Queue"
severity = "mild"

[[pain_relievers]]
id = "pr1"
text = "Book"
value = "economic"

[[conflicts]]
list = "pains"
id = "p1"
field = "severity"
ours = "mild"
theirs = "extreme"

[[conflicts]]
list = "canvas"
field = "title"
ours = "Ours"
theirs = "Theirs"

[[conflicts]]
list = "pain_relievers"
id = "pr1"
field = "value"
ours = "economic"

[[conflicts]]
list = "canvas"
field = "phases"
ours = ["use", "awareness"]
theirs = ["awareness", "use"]
"""


@pytest.fixture
def conflicted(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(WITH_CONFLICTS)
    return path


def test_a_file_with_conflicts_round_trips(conflicted: Path) -> None:
    canvas = storage.load(conflicted).canvas
    assert len(canvas.conflicts) == 4
    written = storage.dumps(canvas)
    assert written.count("[[conflicts]]") == 4
    conflicted.write_text(written)
    assert storage.load(conflicted).canvas == canvas
    assert storage.dumps(storage.load(conflicted).canvas) == written


def test_check_reports_each_conflict_with_its_line(
    conflicted: Path, run_cli: Callable[..., Any]
) -> None:
    run = run_cli("check", conflicted)
    assert run.code == 1 and run.out == ""
    lines = run.err.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(
        f"{conflicted}: conflicts[1], line 18: merge conflict in pains p1 severity"
    )
    assert "ours 'mild', theirs 'extreme'" in lines[0]
    assert f"(o keeps ours, t takes theirs) with: valuecanvas {conflicted} — or edit" in lines[0]
    assert "conflicts[2], line 25: merge conflict in canvas title" in lines[1]
    assert "theirs (none)" in lines[2]


def test_a_bad_conflict_value_is_refused_with_its_place(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file('title = "T"\n[[conflicts]]\nlist = "pains"\nfild = "x"\nours = 1.5\n')
    run = run_cli("check", path)
    assert run.code == 1
    assert "conflicts[1], line 4: unknown key 'fild' — did you mean 'field'?" in run.err
    assert "conflicts[1].ours, line 5: must be text, a whole number, true or false" in run.err


def test_resolving_each_kind_of_conflict(conflicted: Path) -> None:
    canvas = storage.load(conflicted).canvas
    theirs = resolve(canvas, 0, "theirs")
    assert theirs.pains[0].severity == "extreme" and len(theirs.conflicts) == 3
    assert resolve(canvas, 0, "ours").pains == canvas.pains
    assert resolve(canvas, 1, "theirs").title == "Theirs"
    assert resolve(canvas, 2, "theirs").pain_relievers[0].value is None  # absent: the default
    assert resolve(canvas, 3, "theirs").journey.phases == ("awareness", "use")
    everything = canvas
    while everything.conflicts:
        everything = resolve(everything, 0, "theirs")
    assert "conflicts" not in storage.dumps(everything)
    assert isinstance(Canvas.model_validate({"title": "x"}).conflicts, tuple)


def test_the_command_to_resolve_is_quoted_for_the_shell(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = tmp_path / "my canvas.toml"
    path.write_text(WITH_CONFLICTS)
    assert f"with: valuecanvas '{path}' — or edit" in run_cli("check", path).err
