"""Shared test fixtures.

Sections are kept apart so each part of the app can add its own without touching
the others: core (files, CLI runs) first; TUI fixtures go in their own section.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run (Hypothesis's advice for CI), so a red run
# is the change's doing, not the draw's; developers' runs keep exploring new examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# ================================================================ core

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "sample_canvases"


@pytest.fixture
def samples() -> list[Path]:
    """The sample canvases shipped with the project."""
    found = sorted(SAMPLES_DIR.glob("*.toml"))
    assert found, f"no sample canvases in {SAMPLES_DIR}"
    return found


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text (UTF-8) or bytes to a file in tmp_path and return its path."""

    def write(content: str | bytes, name: str = "canvas.toml") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


@dataclass(frozen=True)
class CliRun:
    """What one `valuecanvas.cli.main` call did."""

    code: int
    out: str
    err: str

    @property
    def both(self) -> str:
        return self.out + self.err


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """Run the command line in-process; usage errors (SystemExit) become exit codes."""
    from valuecanvas.cli import main

    def run(*args: str | Path) -> CliRun:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        captured = capsys.readouterr()
        result = CliRun(code, captured.out, captured.err)
        assert "Traceback" not in result.both
        return result

    return run


# ================================================================ TUI
# (fixtures for the Textual app go here)
