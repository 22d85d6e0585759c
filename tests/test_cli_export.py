"""`valuecanvas export` and `schema` as a user runs them (exit codes and messages of cli.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from export_helpers import SAMPLES
from valuecanvas.export import export
from valuecanvas.storage import load

SAMPLE = SAMPLES[0]


@pytest.mark.parametrize("fmt", ["md", "mermaid", "html", "csv", "json"])
def test_export_to_stdout(run_cli: Callable[..., Any], fmt: str) -> None:
    result = run_cli("export", SAMPLE, "--to", fmt)
    assert result.code == 0, result.err
    assert result.out == export(load(SAMPLE).canvas, fmt)


def test_export_to_a_file_and_never_over_one(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "canvas.md"
    first = run_cli("export", SAMPLE, "--to", "md", "-o", out)
    assert first.code == 0 and first.out == ""
    assert out.read_text(encoding="utf-8") == export(load(SAMPLE).canvas, "md")
    out.write_text("my own notes")
    again = run_cli("export", SAMPLE, "--to", "html", "-o", out)
    assert again.code == 1
    assert "already exists" in again.err and "--force" in again.err
    assert out.read_text() == "my own notes"
    forced = run_cli("export", SAMPLE, "--to", "html", "-o", out, "--force")
    assert forced.code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["canvas.md"]  # no temp file left


def test_export_never_writes_over_the_canvas(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    canvas = tmp_path / "c.toml"
    canvas.write_bytes(SAMPLE.read_bytes())
    result = run_cli("export", canvas, "--to", "json", "-o", canvas, "--force")
    assert result.code == 1 and "canvas itself" in result.err
    assert canvas.read_bytes() == SAMPLE.read_bytes()


def test_export_of_a_broken_file_says_where(
    run_cli: Callable[..., Any], write_file: Callable[..., Path]
) -> None:
    bad = write_file(
        'format = "valuecanvas/1"\ntitle = "x"\n[[jobs]]\ntext = "a"\nimportance = "hgh"\n'
    )
    result = run_cli("export", bad, "--to", "md")
    assert result.code == 1
    assert "importance" in result.err and "Traceback" not in result.err
    assert result.out == ""


def test_export_usage_errors(run_cli: Callable[..., Any]) -> None:
    assert run_cli("export", SAMPLE, "--to", "pdf").code == 2
    assert run_cli("export", SAMPLE).code == 2
    assert run_cli("schema", "extra").code == 2
