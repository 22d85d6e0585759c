"""Issue 11, points 1–3 on the command line: `check` reports every problem of a file
(at most 100 lines, then "… and N more"), and no text from a file, a lock or a file
name reaches the terminal with its control characters."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from valuecanvas.errors import safe
from valuecanvas.storage.lock import lock_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from problems import many_problems

CONTROL = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + ["\u202e", "\u2066"]


def _no_controls(text: str) -> None:
    bad = [c for c in text if c in CONTROL and c != "\n"]
    assert not bad, f"raw control characters reached the terminal: {bad!r}"


def test_a_misspelt_value_does_not_hide_a_dangling_link(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'title = "T"\n[[jobs]]\nid = "j1"\ntext = "a"\nkind = "sociall"\n'
        '[[products]]\nid = "ps1"\ntext = "p"\njobs = ["j9"]\n',
        encoding="utf-8",
    )
    run = run_cli("check", path)
    assert run.code == 1
    lines = run.err.splitlines()
    assert any("'sociall' is not a valid kind" in line and "line 5" in line for line in lines)
    assert any("links to 'j9', which does not exist" in line and "line 9" in line for line in lines)


def test_check_prints_100_problems_then_how_many_more(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = tmp_path / "many.toml"
    path.write_text(many_problems("link", 250), encoding="utf-8")
    run = run_cli("check", path)
    lines = run.err.splitlines()
    assert run.code == 1 and len(lines) == 101
    assert lines[-1] == f"{path}: … and 150 more"
    assert "products[100] (ps99).jobs, line " in lines[99]


def test_safe_escapes_controls_and_cuts_long_text() -> None:
    assert safe("a\x1b]2;X\x07b") == "a\\x1b]2;X\\x07b"
    assert safe("\x9b\x7f\r\n") == "\\x9b\\x7f\\x0d\\x0a"
    assert safe("abc\u202edef") == "abc\\u202edef"
    assert safe("één ✓ 中文") == "één ✓ 中文"
    long = safe("k" * 1_000_000)
    assert len(long) == 200 and long.endswith("…")


def test_a_hostile_file_name_is_shown_escaped(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    for name in ("x\x1b]2;PWNED\x1b\\.toml", "bel\x07.toml", "cr\r.toml", "rtl\u202egpj.toml"):
        path = tmp_path / name
        path.write_text('title = "T"\nformat = "valuecanvas/2\\n"\n', encoding="utf-8")
        run = run_cli("check", path)
        assert run.code == 1
        _no_controls(run.out + run.err)
        assert safe(str(path)) in run.err
        missing = run_cli("check", tmp_path / ("gone" + name))
        _no_controls(missing.out + missing.err)


def test_a_one_megabyte_key_and_a_bad_format_stay_one_short_line(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'title = "T"\n{"k" * 1_000_000} = 1\n', encoding="utf-8")
    run = run_cli("check", path)
    assert run.code == 1 and len(run.err) < 1000 and run.err.count("\n") == 1
    path.write_text('format = "valuecanvas/2\\n"\ntitle = "T"\n', encoding="utf-8")
    run = run_cli("check", path)
    assert run.code == 1 and run.err.count("\n") == 1 and "\\x0a" in run.err


def test_lock_fields_are_shown_escaped(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    from valuecanvas.storage.lock import LockedError, read_lock

    path = tmp_path / "c.toml"
    path.write_text('title = "T"\n', encoding="utf-8")
    lock_path(path).write_text(
        json.dumps(
            {
                "user": "alice\x1b]2;LOCKPWN\x07",
                "host": "far\u202eaway",
                "pid": 1,
                "since": "now\r",
                "token": "x",
            }
        ),
        encoding="utf-8",
    )
    holder = read_lock(path)
    assert holder is not None
    message = str(LockedError(path, holder))
    _no_controls(message)
    assert "alice\\x1b]2;LOCKPWN\\x07" in message and "far\\u202eaway" in message
