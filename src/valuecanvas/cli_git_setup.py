"""`valuecanvas git-setup [PATTERN]`: teach the current git repository about canvases.

Registers the merge driver and the diff textconv in the repository's own config
and adds `PATTERN merge=valuecanvas diff=valuecanvas` to `.gitattributes`.
Running it again changes nothing; it says what it did each time. Git config is
not shared by clones, so each person runs it once; `.gitattributes` is committed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from valuecanvas.errors import safe

SETTINGS = (
    ("merge.valuecanvas.name", "valuecanvas: merge canvases by id"),
    ("merge.valuecanvas.driver", "valuecanvas merge-driver %O %A %B %P"),
    ("diff.valuecanvas.textconv", "valuecanvas export --to md --textconv"),
)
SIDECARS = ("*.toml.lock", "*.recover*.toml", "*.toml.bak", ".*.tmp")


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False, timeout=60)


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def attributes_line(pattern: str) -> str:
    return f"{pattern} merge=valuecanvas diff=valuecanvas"


def add_attributes(top: Path, pattern: str) -> bool:
    """Add the pattern's line to `.gitattributes` at the top of the work tree; False if there."""
    from valuecanvas.storage.files import write_atomic

    path = top / ".gitattributes"
    line = attributes_line(pattern)
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    if any(existing.strip() == line for existing in old.splitlines()):
        return False
    text = old + ("\n" if old and not old.endswith("\n") else "") + line + "\n"
    write_atomic(path, text.encode("utf-8"))
    return True


def run(args: argparse.Namespace) -> int:
    pattern: str = args.pattern
    if (
        not pattern.strip()
        or any(c.isspace() for c in pattern)
        or pattern.startswith("#")
        or safe(pattern, None) != pattern  # control characters
    ):
        sys.stderr.write(
            f"valuecanvas git-setup: '{safe(pattern)}' is not a pattern .gitattributes can "
            "hold (no spaces or control characters, not starting with #); e.g. '*.toml' or "
            "'canvases/*.toml'\n"
        )
        return 2
    try:
        top_run = _git("rev-parse", "--show-toplevel")
    except FileNotFoundError:
        sys.stderr.write("valuecanvas git-setup: git is not installed here\n")
        return 1
    if top_run.returncode != 0 or not top_run.stdout.strip():
        sys.stderr.write(
            f"valuecanvas git-setup: {safe(str(Path.cwd()))} is not in a git repository (or has no work "
            "tree); run it inside your repository, or 'git init' first\n"
        )
        return 1
    top = Path(top_run.stdout.strip())
    _out(f"Repository: {safe(str(top))}")
    from valuecanvas.cli import SUBCOMMANDS

    has_export = "export" in SUBCOMMANDS
    for key, value in SETTINGS:
        if key.startswith("diff.") and not has_export:
            # a textconv that cannot run makes every `git diff` of a canvas fail
            _out(
                f"  not set yet: {key} = {value} — this valuecanvas has no 'export' "
                "command, so git diff shows the TOML text; run git-setup again after upgrading"
            )
            continue
        current = _git("config", "--local", "--get", key)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            _out(f"  already set: {key} = {value}")
            continue
        done = _git("config", "--local", key, value)
        if done.returncode != 0:
            sys.stderr.write(
                f"valuecanvas git-setup: git config {key} failed: {safe(done.stderr.strip())}\n"
            )
            return 1
        if current.returncode == 0:  # an older registration, e.g. a textconv without --textconv
            old = safe(current.stdout.rstrip("\n"))
            _out(f"  updated {key} = {value}  (was: {old})")
        else:
            _out(f"  set {key} = {value}")
    line = attributes_line(pattern)
    if add_attributes(top, pattern):
        _out(f"  added to .gitattributes: {line}  (commit it, so everyone gets it)")
    else:
        _out(f"  already in .gitattributes: {line}")
    _out("")
    _out("Keep the lock, recovery and backup files out of git: add these lines to .gitignore:")
    for sidecar in SIDECARS:
        _out(f"  {sidecar}")
    _out("")
    _out("Git config is not shared: everyone who clones the repository runs this once.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="valuecanvas git-setup",
        description=(
            "Register valuecanvas's merge driver and diff in this git repository and mark "
            "PATTERN's files as canvases in .gitattributes. Safe to run again."
        ),
    )
    p.add_argument(
        "pattern", metavar="PATTERN", nargs="?", default="*.toml", help="default: *.toml"
    )
    p.set_defaults(run=run)
    return p
