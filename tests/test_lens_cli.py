"""`valuecanvas lens FILE [--json] [--lang nl]`, as a user or a script meets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_storage import HEAD, toml
from valuecanvas import storage
from valuecanvas.lens import compute_lens
from valuecanvas.lens_report import WORDS

MISMATCH = toml(
    *HEAD,
    "[[jobs]]",
    'id = "j1"',
    'text = "Look successful"',
    'importance = "high"',
    'value = "symbolic"',
    "[[products]]",
    'id = "ps1"',
    'text = "Cheap and fast"',
    'jobs = ["j1"]',
    'value = "economic"',
    'strategy = "performance"',
    'warranty = ["availability", "capacity", "continuity"]',
    "[[journey.steps]]",
    'id = "s1"',
    'text = "Walks in"',
    'persona = "pe1"',
    'evidence = "observation"',
    'source = "shop visit"',
    "[[journey.steps]]",
    'id = "s2"',
    'text = "Pays"',
    "[[personas]]",
    'id = "pe1"',
    'name = "Sam"',
    'role = "user"',
)


def test_json_is_the_lens_of_the_spec_for_every_sample(
    samples: list[Path], run_cli: Callable[..., Any]
) -> None:
    for path in samples:
        run = run_cli("lens", path, "--json")
        assert run.code == 0, run.err
        assert run.err == ""
        assert json.loads(run.out) == compute_lens(storage.load(path).canvas).to_json()


def test_json_of_a_small_canvas(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    run = run_cli("lens", write_file(MISMATCH), "--json")
    assert run.code == 0
    assert json.loads(run.out) == {
        "value": {
            "sought": {"functional": 0, "economic": 0, "emotional": 0, "symbolic": 3},
            "delivered": {"functional": 0, "economic": 2, "emotional": 0, "symbolic": 0},
            "sought_emotional_share": 100,
            "delivered_emotional_share": 0,
            "mismatch": "emotional",
        },
        "strategies": {"performance": 100, "customisation": 0, "experience": 0},
        "warranty": {
            "availability": ["ps1"],
            "capacity": ["ps1"],
            "security": [],
            "continuity": ["ps1"],
            "missing": ["security"],
        },
        "evidence": {"profile": 0, "journey": 50, "untested": ["j1"]},
        "steps_by_persona": {"pe1": 1},
        "unassigned_steps": 1,
    }


def test_text_report_in_english(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    run = run_cli("lens", write_file(MISMATCH))
    assert run.code == 0
    out = run.out
    flat = " ".join(out.split())  # paragraphs wrap
    assert "symbolic" in out and "████████████ 100% ( 3)" in out  # the sought bar
    assert "emotional share (emotional + symbolic): sought 100%, delivered 0%" in out
    assert "Mismatch: the customer seeks more emotional value" in out
    assert "Raise experience (beleving) or customisation (maatwerk)" in flat
    assert "  performance" in out and "100%" in out
    assert "[x] availability" in out and "      ps1    Cheap and fast [desirable]" in out
    assert "[ ] security: MISSING" in out and "Missing: security" in out
    assert "Test these first" in out and "! j1     Look successful [high]" in out
    assert "pe1    Sam (user)" in out and "1 step\n" in out
    assert "no persona" in out


def test_text_report_in_dutch(write_file: Callable[..., Path], run_cli: Callable[..., Any]) -> None:
    out = run_cli("lens", write_file(MISMATCH), "--lang", "nl").out
    flat = " ".join(out.split())  # paragraphs wrap
    for words in (
        "Klantenwaarde",
        "symbolisch (symbolic)",
        "Zet in op beleving (experience) of maatwerk (customisation)",
        "performantie (performance)",
        "[ ] veiligheid (security): ONTBREEKT",
        "Test deze eerst",
        "geen persona",
    ):
        assert words in flat, words
    assert "Mismatch: the customer" not in out and "MISSING" not in out


def test_practical_mismatch_gets_the_performance_advice(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    text = MISMATCH.replace('value = "symbolic"', 'value = "functional"').replace(
        'value = "economic"', 'value = "emotional"'
    )
    out = " ".join(run_cli("lens", write_file(text)).out.split())  # paragraphs wrap
    assert "Mismatch: the value map delivers more emotional value than the customer seeks" in out
    assert "Raise performance (performantie) or customisation (maatwerk)" in out


def test_without_values_the_report_says_what_to_tag(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    out = " ".join(run_cli("lens", write_file(toml(*HEAD))).out.split())
    assert "No mismatch to judge yet: tag `value`" in out
    assert "Strategies: none tagged" in out
    assert "Missing: availability, capacity, security, continuity" in out
    assert "no jobs, pains or gains" in out and "no journey steps" in out
    assert "(no personas)" in out


def test_the_languages_have_the_same_words() -> None:
    assert WORDS["en"].keys() == WORDS["nl"].keys()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bars_read_without_colour_and_paragraphs_fit_80_columns(
    samples: list[Path], lang: str
) -> None:
    for path in samples:
        args = [sys.executable, "-m", "valuecanvas", "lens", str(path), "--lang", lang]
        plain = subprocess.run(args, capture_output=True, text=True, check=True)
        no_colour = subprocess.run(
            args, capture_output=True, text=True, check=True, env={**os.environ, "NO_COLOR": "1"}
        )
        assert plain.stdout == no_colour.stdout
        assert "\x1b" not in plain.stdout
        assert "█" in plain.stdout and "·" in plain.stdout
        for line in plain.stdout.splitlines()[1:]:  # the first is the canvas title
            if not line.startswith("    "):  # item lines carry the user's text
                assert len(line) <= 80, line


def test_an_invalid_file_exits_1_with_the_message(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(
        toml(*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'strategy = "maatwerk"')
    )
    for args in (("lens", path), ("lens", path, "--json")):
        run = run_cli(*args)
        assert run.code == 1
        assert run.out == ""
        assert f"{path}: products[1] (ps1).strategy, line 6:" in run.err
        assert "did you mean 'customisation'?" in run.err


@pytest.mark.parametrize(
    "args", [("lens",), ("lens", "x.toml", "--lang", "fr"), ("lens", "--bogus")]
)
def test_usage_errors_exit_2(args: tuple[str, ...], run_cli: Callable[..., Any]) -> None:
    run = run_cli(*args)
    assert run.code == 2
    assert "usage: valuecanvas lens" in run.err


def test_a_missing_file_exits_1(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    run = run_cli("lens", tmp_path / "nope.toml")
    assert run.code == 1
    assert "nope.toml" in run.err


def test_lens_does_not_import_textual(samples: list[Path]) -> None:
    code = (
        "import sys\n"
        "from valuecanvas.cli import main\n"
        f"assert main(['lens', {str(samples[0])!r}]) == 0\n"
        f"assert main(['lens', {str(samples[0])!r}, '--json']) == 0\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False False"


def test_help_lists_the_lens_command(run_cli: Callable[..., Any]) -> None:
    assert "valuecanvas lens FILE [--json]" in run_cli("--help").out


def test_each_sample_shows_a_different_lens(samples: list[Path]) -> None:
    lens = {p.stem: compute_lens(storage.load(p).canvas).to_json() for p in samples}
    car, coffee, bike = lens["car-wash"], lens["office-coffee-b2b"], lens["fietsabonnement"]
    # the car wash: drivers seek to look professional, the map sells speed and price
    assert car["value"]["mismatch"] == "emotional"
    assert car["warranty"]["missing"] == []
    # the office coffee: nothing assures safety (hygiene); its DMU walks the journey
    assert coffee["value"]["mismatch"] is None
    assert coffee["warranty"]["missing"] == ["security"]
    assert coffee["unassigned_steps"] == 0
    assert coffee["steps_by_persona"] == {"pe1": 1, "pe2": 4, "pe3": 2, "pe4": 3, "pe5": 0}
    # the bike subscription: survey and interviews back nearly everything
    assert bike["value"]["mismatch"] is None
    assert bike["warranty"]["missing"] == []
    assert bike["evidence"] == {"profile": 95, "journey": 100, "untested": []}
    for out in (car, coffee):
        assert out["evidence"]["untested"] and out["evidence"]["profile"] < 60
    for out in lens.values():  # tagged fully: value on both sides, strategies, personas
        assert out["value"]["sought_emotional_share"] is not None
        assert out["value"]["delivered_emotional_share"] is not None
        assert None not in out["strategies"].values()
        assert sum(out["steps_by_persona"].values()) > 0


def test_every_sample_item_is_tagged(samples: list[Path]) -> None:
    for path in samples:
        canvas = storage.load(path).canvas
        for item in (*canvas.jobs, *canvas.pains, *canvas.gains):
            assert item.value is not None, (path.name, item.id)
        for item in (*canvas.products, *canvas.pain_relievers, *canvas.gain_creators):
            assert item.value is not None and item.strategy is not None, (path.name, item.id)
        backed = [
            i
            for i in (*canvas.jobs, *canvas.pains, *canvas.gains, *canvas.journey.steps)
            if i.evidence != "assumption"
        ]
        assert backed and all(i.source for i in backed), path.name
