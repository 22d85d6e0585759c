"""`check`, `fit` and `lens` end without the interpreter's teardown: nothing printed is lost.

On the real command line they flush and end with `os._exit` (cli.py `_end_now`); these
run the installed `valuecanvas` command in a fresh process with its output in a pipe
(block-buffered, so an unflushed line would be lost) and read every line back.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "sample_canvases" / "car-wash.toml"


def _valuecanvas(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("valuecanvas", path=str(Path(sys.executable).parent))
    assert exe is not None
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)


def test_fit_json_in_a_pipe_is_whole() -> None:
    done = _valuecanvas("fit", "--json", str(SAMPLE))
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), dict)  # the whole document, closed


def test_check_prints_every_problem_and_its_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    rows = "".join(f'[[jobs]]\nid = "j{n}"\ntext = "job {n}"\nkind = "wrong"\n' for n in range(60))
    bad.write_text(f'format = "valuecanvas/1"\ntitle = "Bad"\n{rows}', encoding="utf-8")
    done = _valuecanvas("check", str(SAMPLE), str(bad))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"{SAMPLE}: ok"]
    problems = [line for line in done.stderr.splitlines() if "is not a valid kind" in line]
    assert len(problems) == 60
    assert done.stderr.endswith("or 'transferrer')\n")  # the last line, complete


@pytest.mark.parametrize("args", [("lens", "--json"), ("check",)])
def test_read_only_commands_leave_no_traceback(args: tuple[str, ...]) -> None:
    done = _valuecanvas(*args, str(SAMPLE))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.strip()
