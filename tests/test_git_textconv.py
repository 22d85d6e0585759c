"""`git diff` through the textconv `valuecanvas git-setup` registers, in a real repository:
a revision that is not a valid canvas never breaks the diff (collaboration.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_git_merge import BASE, Repo
from test_git_merge import repo as shared_repo  # noqa: F401  (a fixture, found by its name)
from valuecanvas import edits, storage

TEXTCONV = "valuecanvas export --to md --textconv"
HOSTILE = "\x1b]2;PWNED\x07"


@pytest.fixture
def git_repo(shared_repo: Repo) -> Repo:  # noqa: F811
    """A repository set up by `valuecanvas git-setup` (test_git_merge's fixture)."""
    return shared_repo


def commit_text(repo: Repo, text: str, message: str, name: str = "c.toml") -> None:
    (repo.root / name).write_bytes(text.encode("utf-8"))
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", message)


def test_git_diff_with_an_invalid_revision_shows_its_text_under_a_note(git_repo: Repo) -> None:
    commit_text(git_repo, 'title = "Half written\n[[jobs]\ntext = "Clean car"\n', "broken")
    git_repo.commit_canvas(BASE, "fixed")
    done = git_repo.git("diff", "HEAD~1", "HEAD", check=False)
    assert done.returncode == 0, done.stderr
    assert "unable to read files to diff" not in done.stderr
    out = done.stdout
    assert "-valuecanvas: not a valid canvas (" in out
    assert "its text as it is:" in out
    assert '-[[jobs]\n-text = "Clean car"\n' in out  # the old revision, line by line
    assert "+# Car wash\n" in out  # the valid one as Markdown
    assert "+| 1 | j1 | Clean car |" in out


def test_git_diff_between_two_valid_revisions_is_the_markdown_change_list(git_repo: Repo) -> None:
    git_repo.commit_canvas(BASE, "base")
    git_repo.commit_canvas(edits.update_item(BASE, "p2", {"text": "Swirl marks"}), "edit")
    done = git_repo.git("diff", "HEAD~1", "HEAD")
    assert "-| 2 | p2 | Scratches |" in done.stdout
    assert "+| 2 | p2 | Swirl marks |" in done.stdout
    assert "not a valid canvas" not in done.stdout


def test_control_characters_of_an_invalid_revision_are_escaped(git_repo: Repo) -> None:
    commit_text(git_repo, f'title = "{HOSTILE}\n', "broken with an escape sequence")
    git_repo.commit_canvas(BASE, "fixed")
    done = git_repo.git("diff", "HEAD~1", "HEAD")
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert '-title = "\\x1b]2;PWNED\\x07' in done.stdout


def test_an_invalid_working_copy_diffs_too(git_repo: Repo) -> None:
    git_repo.commit_canvas(BASE, "base")
    (git_repo.root / "c.toml").write_text("<<<<<<< HEAD\ntitle = 'ours'\n", encoding="utf-8")
    done = git_repo.git("diff", check=False)
    assert done.returncode == 0, done.stderr
    assert "+valuecanvas: not a valid canvas" in done.stdout
    assert "+<<<<<<< HEAD\n" in done.stdout


def test_git_setup_updates_an_old_textconv_registration(git_repo: Repo) -> None:
    git_repo.git("config", "diff.valuecanvas.textconv", "valuecanvas export --to md")
    again = git_repo.valuecanvas("git-setup")
    assert again.returncode == 0, again.stderr
    assert f"updated diff.valuecanvas.textconv = {TEXTCONV}" in again.stdout
    assert "(was: valuecanvas export --to md)" in again.stdout
    assert git_repo.git("config", "diff.valuecanvas.textconv").stdout.strip() == TEXTCONV
    third = git_repo.valuecanvas("git-setup")
    assert f"already set: diff.valuecanvas.textconv = {TEXTCONV}" in third.stdout


def test_textconv_of_a_valid_canvas_is_the_markdown_export(git_repo: Repo, tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    storage.save(BASE, path)
    plain = git_repo.valuecanvas("export", str(path), "--to", "md")
    conv = git_repo.valuecanvas("export", str(path), "--to", "md", "--textconv")
    assert conv.returncode == 0 and conv.stdout == plain.stdout
    refused = git_repo.valuecanvas("export", str(path), "--to", "md", "--textconv", "-o", "x.md")
    assert refused.returncode == 2 and "leave out -o" in refused.stderr
    assert not (git_repo.root / "x.md").exists()
