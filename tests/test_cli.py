"""The command line of cli.md: new, check, fit, --version, --help, exit codes 0/1/2,
and never a traceback for a user's mistake or a user's file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from valuecanvas import __version__, storage
from valuecanvas.model import Canvas
from valuecanvas.storage.files import MAX_BYTES

INVALID = 'title = "T"\n[[pains]]\nid = "p1"\ntext = "x"\nseverty = "mild"\n'


# ================================================================ new


def test_new_writes_a_valid_starter(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "my_bike-plan.toml"
    run = run_cli("new", path)
    assert run.code == 0
    assert run.out == f"{path}: created; open it with: valuecanvas {path}\n"
    assert run.err == ""
    canvas = storage.load(path).canvas
    assert canvas == Canvas(title="My bike plan")
    assert path.read_text() == 'format = "valuecanvas/1"\ntitle = "My bike plan"\nmarket = "b2c"\n'
    assert run_cli("check", path).code == 0


def test_new_with_title_segment_and_market(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "c.toml"
    run = run_cli("new", path, "--title", "Office coffee", "--segment", "SMEs", "--market", "b2b")
    assert run.code == 0
    canvas = storage.load(path).canvas
    assert (canvas.title, canvas.segment, canvas.market) == ("Office coffee", "SMEs", "b2b")


def test_new_never_overwrites(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "c.toml"
    path.write_text("my own work, not even TOML")
    before = path.read_bytes()
    run = run_cli("new", path, "--title", "X")
    assert run.code == 1
    assert run.out == ""
    assert run.err.startswith(f"{path}: already exists")
    assert path.read_bytes() == before


def test_new_never_overwrites_through_a_symlink(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    target = tmp_path / "real.toml"
    target.write_text("mine")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert run_cli("new", link).code == 1
    assert target.read_text() == "mine"
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere.toml")
    assert run_cli("new", dangling).code == 1
    assert not (tmp_path / "nowhere.toml").exists()


def test_new_in_a_missing_folder(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "nope" / "c.toml"
    run = run_cli("new", path)
    assert run.code == 1
    assert str(path) in run.err and "does not exist" in run.err
    assert not path.parent.exists()


@pytest.mark.parametrize(
    "option,value,message",
    [
        ("--title", "   ", "--title: is empty; write some text"),
        ("--title", "a\x1b[2Jb", "--title: contains the control character U+001B"),
        ("--segment", "\x07", "--segment: contains the control character U+0007"),
    ],
)
def test_new_with_a_bad_title_or_segment_is_a_usage_error(
    option: str, value: str, message: str, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = tmp_path / "c.toml"
    run = run_cli("new", path, option, value)
    assert run.code == 2
    assert run.err.startswith(f"{path}: {message}")
    assert "\x1b" not in run.err and "\x07" not in run.err
    assert "type=value_error" not in run.err  # no pydantic dump
    assert not path.exists()


# ================================================================ check


def test_check_several_files(
    tmp_path: Path, samples: list[Path], run_cli: Callable[..., Any]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(INVALID)
    missing = tmp_path / "missing.toml"
    run = run_cli("check", samples[0], bad, samples[1], missing)
    assert run.code == 1
    assert run.out == f"{samples[0]}: ok\n{samples[1]}: ok\n"
    assert run.err.splitlines() == [
        f"{bad}: pains[1] (p1), line 5: unknown key 'severty' — did you mean 'severity'?",
        f"{missing}: file not found — check the name and the folder",
    ]


def test_check_all_samples_ok(samples: list[Path], run_cli: Callable[..., Any]) -> None:
    run = run_cli("check", *samples)
    assert run.code == 0
    assert run.out == "".join(f"{s}: ok\n" for s in samples)
    assert run.err == ""


def test_check_samples_with_the_installed_command(samples: list[Path]) -> None:
    """`valuecanvas check sample_canvases/*.toml`, as a user types it."""
    script = Path(sys.executable).parent / "valuecanvas"
    root = samples[0].parent.parent
    names = [str(s.relative_to(root)) for s in samples]
    done = subprocess.run(
        [str(script), "check", *names], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{n}: ok" for n in names]
    assert done.stderr == ""


@pytest.mark.parametrize("command", ["check", "fit"])
def test_unreadable_inputs_exit_1_with_a_message(
    command: str, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    big = tmp_path / "big.toml"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    cases = {
        folder: "is a folder, not a canvas file",
        tmp_path / "missing.toml": "file not found",
        big: "over the 5,242,880-byte limit",
        tmp_path / "missing" / "c.toml": "file not found",
    }
    for path, message in cases.items():
        run = run_cli(command, path)
        assert run.code == 1, path
        assert run.out == ""
        assert run.err.startswith(f"{path}: ") and message in run.err, run.err


def test_file_exactly_at_the_limit_is_read(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "c.toml"
    text = 'title = "T"\n'
    path.write_text(text + "#" * (MAX_BYTES - len(text)))
    assert path.stat().st_size == MAX_BYTES
    assert run_cli("check", path).code == 0


def test_unreadable_file_exits_1(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root can read anything")
    path = tmp_path / "c.toml"
    path.write_text('title = "T"\n')
    path.chmod(0)
    try:
        run = run_cli("check", path)
    finally:
        path.chmod(0o644)
    assert run.code == 1
    assert "permission denied" in run.err


# ================================================================ fit (see test_fit for JSON)


def test_fit_text_shows_verdict_score_coverage_and_gaps(
    samples: list[Path], run_cli: Callable[..., Any]
) -> None:
    from valuecanvas.fit import compute_fit

    for sample in samples:
        canvas = storage.load(sample).canvas
        report = compute_fit(canvas)
        run = run_cli("fit", sample)
        assert run.code == 0 and run.err == ""
        assert canvas.title in run.out
        assert f"Verdict: {report.verdict}" in run.out
        assert f"Score:   {report.score}%" in run.out
        assert "Coverage" in run.out
        texts = {i.id: i.text for i in (*canvas.jobs, *canvas.pains, *canvas.gains)}
        for name in ("jobs", "pains", "gains"):
            for item_id in report.gaps[name]:  # type: ignore[index]
                assert f"{item_id:<6} {texts[item_id]}" in run.out


# ================================================================ usage, help, version


def test_version(run_cli: Callable[..., Any]) -> None:
    run = run_cli("--version")
    assert run.code == 0
    assert run.out.strip() == f"valuecanvas {__version__}"


@pytest.mark.parametrize(
    "args,words",
    [
        (("--help",), ["valuecanvas", "new", "check", "fit", "--version"]),
        (("new", "--help"), ["--title", "--segment", "--market", "never overwrites"]),
        (("check", "--help"), ["FILE", "ok"]),
        (("fit", "--help"), ["--json", "FILE"]),
    ],
)
def test_help(args: tuple[str, ...], words: list[str], run_cli: Callable[..., Any]) -> None:
    run = run_cli(*args)
    assert run.code == 0
    assert run.out.startswith("usage:")
    for word in words:
        assert word in run.out


@pytest.mark.parametrize(
    "args",
    [
        ("--bogus",),
        ("check",),
        ("new",),
        ("fit",),
        ("new", "a.toml", "--market", "b2x"),
        ("new", "a.toml", "b.toml"),
        ("fit", "a.toml", "--json", "--bogus"),
        ("check", "--json", "a.toml"),
        ("a.toml", "b.toml"),
        ("--lang", "fr"),
    ],
)
def test_usage_errors_exit_2(
    args: tuple[str, ...],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_cli: Callable[..., Any],
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing may be written here
    run = run_cli(*args)
    assert run.code == 2
    assert "usage:" in run.err
    assert run.out == ""
    assert list(tmp_path.iterdir()) == []


def test_opening_an_invalid_file_exits_1_and_leaves_it(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(INVALID)
    before = path.read_bytes()
    run = run_cli(path)
    assert run.code == 1
    assert f"{path}: pains[1] (p1), line 5: unknown key 'severty'" in run.err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_opening_a_newer_format_exits_1_and_leaves_it(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file('format = "valuecanvas/2"\ntitle = "T"\n')
    before = path.read_bytes()
    run = run_cli(path)
    assert run.code == 1
    assert "upgrade valuecanvas" in run.err
    assert path.read_bytes() == before


# ================================================================ as a process


def python(*code_args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *code_args], capture_output=True, text=True, timeout=60, cwd=cwd
    )


def test_python_m_valuecanvas_version() -> None:
    done = python("-m", "valuecanvas", "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"valuecanvas {__version__}"


def test_check_and_fit_do_not_import_textual(samples: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(INVALID)
    code = (
        "import sys\n"
        "from valuecanvas.cli import main\n"
        f"assert main(['check', {str(samples[0])!r}]) == 0\n"
        f"assert main(['check', {str(bad)!r}]) == 1\n"
        f"assert main(['fit', {str(samples[0])!r}]) == 0\n"
        f"assert main(['fit', {str(samples[0])!r}, '--json']) == 0\n"
        f"assert main(['new', {str(tmp_path / 'new.toml')!r}]) == 0\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)\n"
    )
    done = python("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False False"


def test_user_mistakes_never_show_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'title = "T"\n\xff\n')
    for args in (
        ["check", str(bad)],
        ["fit", str(bad), "--json"],
        ["check", str(tmp_path)],
        ["new", str(tmp_path / "x" / "y.toml")],
        ["fit"],
    ):
        done = python("-m", "valuecanvas", *args)
        assert done.returncode in (1, 2), args
        assert "Traceback" not in done.stderr + done.stdout, args
        assert done.stderr.strip(), args


def test_fit_in_dutch_uses_the_dutch_words(
    samples: list[Path], run_cli: Callable[..., Any]
) -> None:
    dutch = next(p for p in samples if p.name == "fietsabonnement.toml")
    out = run_cli("fit", dutch, "--lang", "nl").out
    for word in (
        "Oordeel: fit",
        "Dekking",
        "Klanttaken",
        "Pijnpunten",
        "Dieptepunten in de klantreis",
    ):
        assert word in out
    assert "Verdict" not in out and "Coverage" not in out
