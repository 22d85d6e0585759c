"""The merge driver as teams meet it: real `git merge` in a repository set up by
`valuecanvas git-setup`, with the `valuecanvas` of this virtualenv on PATH."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from valuecanvas import edits, storage
from valuecanvas.cli import SUBCOMMANDS
from valuecanvas.conflicts import resolve
from valuecanvas.model import Canvas, items_of

BIN = str(Path(sys.executable).parent)  # where this venv's `valuecanvas` lives

BASE = Canvas.model_validate(
    {
        "title": "Car wash",
        "jobs": [{"id": "j1", "text": "Clean car"}, {"id": "j2", "text": "Save time"}],
        "pains": [
            {"id": "p1", "text": "Queue", "severity": "extreme"},
            {"id": "p2", "text": "Scratches"},
            {"id": "p3", "text": "Receipts"},
        ],
        "gains": [{"id": "g1", "text": "Fast"}, {"id": "g2", "text": "Shiny"}],
        "pain_relievers": [{"id": "pr1", "text": "Book a slot", "pains": ["p1"]}],
        "gain_creators": [{"id": "gc1", "text": "Express", "gains": ["g1"]}],
    }
)


@dataclass
class Repo:
    root: Path
    env: dict[str, str]

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True
        )
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def valuecanvas(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["valuecanvas", *args], cwd=self.root, env=self.env, capture_output=True, text=True
        )

    def commit_canvas(self, canvas: Canvas, message: str, name: str = "c.toml") -> None:
        storage.save(canvas, self.root / name)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def branches(
        self,
        ours: Callable[[Canvas], Canvas],
        theirs: Callable[[Canvas], Canvas],
        base: Canvas = BASE,
    ) -> subprocess.CompletedProcess[str]:
        """Commit BASE, change it one way on `theirs`, another on main, merge theirs."""
        self.commit_canvas(base, "base")
        self.git("checkout", "-q", "-b", "theirs")
        self.commit_canvas(theirs(base), "theirs")
        self.git("checkout", "-q", "main")
        self.commit_canvas(ours(base), "ours")
        return self.git("merge", "--no-edit", "theirs", check=False)

    def canvas(self, name: str = "c.toml") -> Canvas:
        return storage.load(self.root / name).canvas


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    root = tmp_path / "repo"
    root.mkdir()
    env = {
        **os.environ,
        "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
    }
    r = Repo(root, env)
    r.git("init", "-q", "-b", "main")
    r.git("config", "user.name", "Tester")
    r.git("config", "user.email", "tester@example.com")
    setup = r.valuecanvas("git-setup")
    assert setup.returncode == 0, setup.stderr
    r.git("add", ".gitattributes")
    r.git("commit", "-q", "-m", "canvases merge by id")
    return r


def item(canvas: Canvas, item_id: str) -> Any:
    return edits.find(canvas, item_id)[2]


def test_git_setup_is_idempotent_and_says_what_it_did(repo: Repo) -> None:
    assert repo.git("config", "merge.valuecanvas.driver").stdout.strip() == (
        "valuecanvas merge-driver %O %A %B %P"
    )
    textconv = repo.git("config", "diff.valuecanvas.textconv", check=False).stdout.strip()
    if "export" in SUBCOMMANDS:
        assert textconv == "valuecanvas export --to md --textconv"
    else:  # a textconv that cannot run would break every git diff of a canvas
        assert textconv == ""
        assert "not set yet: diff.valuecanvas.textconv" in repo.valuecanvas("git-setup").stdout
    attributes = (repo.root / ".gitattributes").read_text()
    again = repo.valuecanvas("git-setup")
    assert again.returncode == 0
    assert "already in .gitattributes: *.toml merge=valuecanvas diff=valuecanvas" in again.stdout
    assert "already set: merge.valuecanvas.driver" in again.stdout
    assert "\n  set " not in again.stdout
    assert "*.toml.lock" in again.stdout and "*.recover*.toml" in again.stdout
    assert (repo.root / ".gitattributes").read_text() == attributes
    assert repo.git("status", "--porcelain").stdout == ""
    other = repo.valuecanvas("git-setup", "canvases/*.toml")
    assert "added to .gitattributes: canvases/*.toml merge=valuecanvas" in other.stdout
    assert (repo.root / ".gitattributes").read_text().splitlines() == [
        "*.toml merge=valuecanvas diff=valuecanvas",
        "canvases/*.toml merge=valuecanvas diff=valuecanvas",
    ]


def test_git_setup_outside_a_repository(tmp_path: Path, repo: Repo) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    done = subprocess.run(
        ["valuecanvas", "git-setup"], cwd=outside, env=repo.env, capture_output=True, text=True
    )
    assert done.returncode == 1 and "is not in a git repository" in done.stderr


def test_changes_of_both_branches_merge_with_no_conflict(repo: Repo) -> None:
    def ours(c: Canvas) -> Canvas:
        c = edits.update_item(c, "p1", {"text": "Queue on Saturday"})
        c, _ = edits.add_item(c, "pains", "Parking")  # p4
        c = edits.toggle_link(c, "pr1", "p4")  # link ours' new pain
        c = edits.toggle_link(c, "gc1", "g1")  # unlink
        return c

    def theirs(c: Canvas) -> Canvas:
        c = edits.update_item(c, "p2", {"severity": "extreme"})
        c, _ = edits.add_item(c, "pains", "Rain")  # also p4
        c = edits.toggle_link(c, "pr1", "p4")  # link theirs' new pain
        c = edits.move_item(c, "j2", -1)  # reorder jobs
        c = edits.toggle_link(c, "gc1", "g2")
        return c

    merged = repo.branches(ours, theirs)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "both branches added 'p4'; theirs is now 'p5'" in merged.stderr + merged.stdout
    check = repo.valuecanvas("check", "c.toml")
    assert check.returncode == 0 and check.stdout == "c.toml: ok\n"
    result = repo.canvas()
    assert item(result, "p1").text == "Queue on Saturday"
    assert item(result, "p2").severity == "extreme"
    assert [(p.id, p.text) for p in result.pains][3:] == [("p4", "Parking"), ("p5", "Rain")]
    assert item(result, "pr1").pains == ("p1", "p4", "p5")
    assert item(result, "gc1").gains == ("g2",)
    assert [j.id for j in result.jobs] == ["j2", "j1"]
    assert result.conflicts == ()
    assert repo.git("status", "--porcelain").stdout == ""


def test_same_field_changed_differently_is_a_conflict_check_reports(repo: Repo) -> None:
    merged = repo.branches(
        lambda c: edits.update_item(c, "p1", {"severity": "mild"}),
        lambda c: edits.update_item(c, "p1", {"severity": "moderate"}),
    )
    assert merged.returncode != 0
    assert "CONFLICT" in merged.stdout and "c.toml" in merged.stdout
    text = (repo.root / "c.toml").read_text()
    assert "<<<<<<<" not in text
    data = tomllib.loads(text)  # valid TOML
    assert data["conflicts"] == [
        {"list": "pains", "id": "p1", "field": "severity", "ours": "mild", "theirs": "moderate"}
    ]
    check = repo.valuecanvas("check", "c.toml")
    assert check.returncode == 1
    assert "c.toml: conflicts[1], line" in check.stderr
    assert "pains p1 severity" in check.stderr and "'mild'" in check.stderr
    assert "o keeps ours, t takes theirs" in check.stderr
    # resolving (what the TUI's `t` does) and saving leaves a canvas check accepts
    storage.save(resolve(repo.canvas(), 0, "theirs"), repo.root / "c.toml")
    assert repo.valuecanvas("check", "c.toml").returncode == 0
    assert item(repo.canvas(), "p1").severity == "moderate"
    assert "conflicts" not in tomllib.loads((repo.root / "c.toml").read_text())


def test_delete_versus_edit_is_a_conflict_and_keeps_the_item(repo: Repo) -> None:
    merged = repo.branches(
        lambda c: edits.delete_item(c, "p3"),
        lambda c: edits.update_item(c, "p3", {"text": "Receipts for expenses"}),
    )
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    result = repo.canvas()
    assert item(result, "p3").text == "Receipts for expenses"
    assert [c.model_dump() for c in result.conflicts] == [
        {"list": "pains", "id": "p3", "field": "deleted", "ours": True, "theirs": False}
    ]
    check = repo.valuecanvas("check", "c.toml")
    assert check.returncode == 1 and "ours deleted the item, theirs changed it" in check.stderr


def test_a_toml_file_that_is_not_a_canvas_merges_as_lines(repo: Repo) -> None:
    config = repo.root / "settings.toml"
    config.write_text('[server]\nhost = "a"\nport = 1\n\n[client]\nretries = 1\n')
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "settings")
    repo.git("checkout", "-q", "-b", "theirs")
    config.write_text('[server]\nhost = "a"\nport = 1\n\n[client]\nretries = 5\n')
    repo.git("commit", "-q", "-am", "theirs")
    repo.git("checkout", "-q", "main")
    config.write_text('[server]\nhost = "b"\nport = 1\n\n[client]\nretries = 1\n')
    repo.git("commit", "-q", "-am", "ours")
    merged = repo.git("merge", "--no-edit", "theirs", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert config.read_text() == '[server]\nhost = "b"\nport = 1\n\n[client]\nretries = 5\n'


def test_a_non_canvas_line_conflict_gets_conflict_markers(repo: Repo) -> None:
    config = repo.root / "settings.toml"
    config.write_text('host = "a"\n')
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "settings")
    repo.git("checkout", "-q", "-b", "theirs")
    config.write_text('host = "c"\n')
    repo.git("commit", "-q", "-am", "theirs")
    repo.git("checkout", "-q", "main")
    config.write_text('host = "b"\n')
    repo.git("commit", "-q", "-am", "ours")
    merged = repo.git("merge", "--no-edit", "theirs", check=False)
    assert merged.returncode != 0
    assert "<<<<<<< settings.toml (ours)" in config.read_text()


def test_an_invalid_side_leaves_ours_byte_identical(repo: Repo) -> None:
    repo.commit_canvas(BASE, "base")
    repo.git("checkout", "-q", "-b", "theirs")
    (repo.root / "c.toml").write_text(
        storage.dumps(BASE).replace('text = "Scratches"', 'text = "Scratches"\nseverty = "mild"')
    )
    repo.git("commit", "-q", "-am", "theirs: a typo")
    repo.git("checkout", "-q", "main")
    repo.commit_canvas(edits.update_item(BASE, "p1", {"severity": "mild"}), "ours")
    ours_bytes = (repo.root / "c.toml").read_bytes()
    merged = repo.git("merge", "--no-edit", "theirs", check=False)
    assert merged.returncode != 0
    assert (repo.root / "c.toml").read_bytes() == ours_bytes
    out = merged.stdout + merged.stderr
    assert "c.toml (theirs): pains[2] (p2), line" in out and "did you mean 'severity'" in out
    assert "not merged; ours is left as it was" in out


def test_the_driver_on_its_own(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    storage.save(BASE, base)
    storage.save(edits.update_item(BASE, "p1", {"text": "Q"}), ours)
    storage.save(edits.update_canvas(BASE, {"title": "Wash"}), theirs)
    run = run_cli("merge-driver", base, ours, theirs, "canvases/c.toml")
    assert run.code == 0, run.err
    result = storage.load(ours).canvas
    assert (result.title, item(result, "p1").text) == ("Wash", "Q")
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind
    assert items_of(result, "pains") == items_of(
        edits.update_item(BASE, "p1", {"text": "Q"}), "pains"
    )


def test_a_base_missing_in_git_is_an_empty_base(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_bytes(b"")  # both branches added the file
    storage.save(BASE, ours)
    storage.save(edits.update_item(BASE, "p1", {"text": "Q"}), theirs)
    run = run_cli("merge-driver", base, ours, theirs, "c.toml")
    # both branches "added" every item: theirs' different p1 is kept as a new pain
    assert run.code == 0 and "both branches added 'p1'; theirs is now 'p4'" in run.err
    result = storage.load(ours).canvas
    assert [(p.id, p.text) for p in result.pains] == [
        ("p1", "Queue"), ("p2", "Scratches"), ("p3", "Receipts"), ("p4", "Q"),
    ]  # fmt: skip


def test_ours_is_left_as_it_is_when_theirs_brings_nothing_new(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    storage.save(BASE, base)
    storage.save(BASE, theirs)
    ours.write_text(
        "# our own comment\n" + storage.dumps(edits.update_item(BASE, "p1", {"text": "Q"}))
    )
    before = ours.read_bytes()
    assert run_cli("merge-driver", base, ours, theirs).code == 0
    assert ours.read_bytes() == before


def test_git_diff_of_a_canvas_works_after_set_up(repo: Repo) -> None:
    repo.commit_canvas(BASE, "base")
    storage.save(edits.update_item(BASE, "p1", {"text": "Queue at noon"}), repo.root / "c.toml")
    shown = repo.git("diff")
    assert shown.returncode == 0 and "Queue at noon" in shown.stdout
