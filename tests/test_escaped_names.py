"""File names (and other file-derived text) reach the terminal escaped, in every command.

A file called `x\\x1b]2;PWNED\\x07.toml` must not set the terminal's title (or do anything
else) when a command names it: each command's messages go through `errors.safe`.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from valuecanvas import storage
from valuecanvas.model import Canvas

HOSTILE = "\x1b]2;PWNED\x07"
SHOWN = "\\x1b]2;PWNED\\x07"
SAMPLE = Path(__file__).resolve().parent.parent / "sample_canvases" / "car-wash.toml"
Run = Callable[..., Any]


def assert_escaped(text: str) -> None:
    assert SHOWN in text, text
    assert "\x1b" not in text and "\x07" not in text


def valid(folder: Path, name: str = f"c{HOSTILE}.toml") -> Path:
    path = folder / name
    shutil.copyfile(SAMPLE, path)
    return path


def invalid(folder: Path, name: str = f"c{HOSTILE}.toml") -> Path:
    path = folder / name
    path.write_text('title = "half\n', encoding="utf-8")
    return path


def test_export(run_cli: Run, tmp_path: Path) -> None:
    assert_escaped(run_cli("export", invalid(tmp_path), "--to", "md").err)
    source = valid(tmp_path, f"ok{HOSTILE}.toml")
    out = tmp_path / f"out{HOSTILE}.md"
    written = run_cli("export", source, "--to", "md", "-o", out)
    assert written.code == 0
    assert_escaped(written.err)
    refused = run_cli("export", source, "--to", "md", "-o", out)  # exists: refused
    assert refused.code == 1
    assert_escaped(refused.err)
    itself = run_cli("export", source, "--to", "md", "-o", source, "--force")
    assert itself.code == 1
    assert_escaped(itself.err)


def test_export_textconv_note_and_text(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'title = "{HOSTILE}\n', encoding="utf-8")
    result = run_cli("export", path, "--to", "md", "--textconv")
    assert result.code == 0
    assert_escaped(result.out)


def test_diff(run_cli: Run, tmp_path: Path) -> None:
    old, new = valid(tmp_path, f"old{HOSTILE}.toml"), valid(tmp_path, f"new{HOSTILE}.toml")
    assert_escaped(run_cli("diff", old, new).out)
    assert_escaped(run_cli("diff", old, tmp_path / f"gone{HOSTILE}.toml").err)
    assert_escaped(run_cli("diff", invalid(tmp_path), new).err)
    assert_escaped(run_cli("diff", old, "--against", f"HEAD{HOSTILE}").err)


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_diff_against_a_revision(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = tmp_path / f"repo{HOSTILE}"
    repo.mkdir()
    git(repo, "init", "-q")
    path = valid(repo)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "c")
    assert_escaped(run_cli("diff", path).out)
    new = valid(repo, f"new{HOSTILE}.toml")
    assert_escaped(run_cli("diff", new).err)  # not in HEAD


def test_git_setup(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    outside = tmp_path / f"outside{HOSTILE}"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = run_cli("git-setup")
    assert result.code == 1
    assert_escaped(result.err)
    repo = tmp_path / f"repo{HOSTILE}"
    repo.mkdir()
    git(repo, "init", "-q")
    monkeypatch.chdir(repo)
    bad_pattern = run_cli("git-setup", f"*{HOSTILE}.toml")
    assert bad_pattern.code == 2
    assert_escaped(bad_pattern.err)
    assert not (repo / ".gitattributes").exists()  # nothing written for a refused pattern
    done = run_cli("git-setup")
    assert done.code == 0
    assert_escaped(done.out)


def test_merge_driver(run_cli: Run, tmp_path: Path) -> None:
    base = valid(tmp_path, f"base{HOSTILE}")
    theirs = valid(tmp_path, f"theirs{HOSTILE}")
    ours = tmp_path / f"ours{HOSTILE}"  # TOML, but not a valid canvas: left as it was
    ours.write_text('title = "x"\n[[jobs]]\ntext = "a"\nimportance = "huge"\n', "utf-8")
    named = run_cli("merge-driver", base, ours, theirs, f"canvases/c{HOSTILE}.toml")
    assert named.code == 1
    assert_escaped(named.err)
    unnamed = run_cli("merge-driver", base, ours, theirs)  # no %P: ours's own name
    assert unnamed.code == 1
    assert_escaped(unnamed.err)
    missing = run_cli("merge-driver", base, tmp_path / f"gone{HOSTILE}", theirs)
    assert missing.code == 1
    assert_escaped(missing.err)


def test_merge_driver_conflict_message(run_cli: Run, tmp_path: Path) -> None:
    canvas = storage.load(SAMPLE).canvas
    base, ours, theirs = (tmp_path / f"{n}{HOSTILE}" for n in ("base", "ours", "theirs"))
    storage.save(canvas, base)
    storage.save(canvas.model_copy(update={"title": "Ours"}), ours)
    storage.save(canvas.model_copy(update={"title": "Theirs"}), theirs)
    result = run_cli("merge-driver", base, ours, theirs, f"c{HOSTILE}.toml")
    assert result.code == 1  # a conflict, recorded
    assert_escaped(result.err)


def test_serve(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("serve", invalid(tmp_path))
    assert result.code == 1
    assert_escaped(result.err)
    host = run_cli("serve", valid(tmp_path, "ok.toml"), "--host", f"evil{HOSTILE}")
    assert host.code == 2  # refused before anything listens
    assert_escaped(host.err)


def test_lens(run_cli: Run, tmp_path: Path) -> None:
    assert_escaped(run_cli("lens", invalid(tmp_path)).err)
    path = tmp_path / "rtl.toml"
    storage.save(Canvas(title="Car \u202ewash"), path)  # bidi override: allowed in text
    shown = run_cli("lens", path).out
    assert "\\u202e" in shown and "\u202e" not in shown
