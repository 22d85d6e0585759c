"""`valuecanvas diff` (collaboration.md): by id, every field kind, the JSON shape, git."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import canvases
from valuecanvas import edits, storage
from valuecanvas.diff import diff, moved_ids
from valuecanvas.model import LIST_NAMES, Canvas, items_of

OLD = """\
format = "valuecanvas/1"
title = "Old title"

[[jobs]]
id = "j1"
text = "Keep the car clean"

[[pains]]
id = "p1"
text = "Queue"
severity = "moderate"

[[pains]]
id = "p2"
text = "Scratches"

[[pains]]
id = "p3"
text = "Receipts"
severity = "extreme"

[[pain_relievers]]
id = "pr1"
text = "Book a slot"
pains = ["p1", "p3"]

[[personas]]
id = "pe1"
name = "Sanne"
does = ["Drives"]
"""

NEW = """\
format = "valuecanvas/1"
title = "New title"
market = "b2c"

[[jobs]]
id = "j1"
text = "Keep the car clean"

[[pains]]
id = "p2"
text = "Scratches"

[[pains]]
id = "p1"
text = "Queue"
severity = "extreme"

[[pains]]
id = "p7"
text = "Parking"

[[pain_relievers]]
id = "pr1"
text = "Book a slot"
pains = ["p1", "p2"]
value = "economic"

[journey]
phases = ["awareness", "use"]

[[personas]]
id = "pe1"
name = "Sanne"
does = ["Drives", "Commutes"]
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    old.write_text(OLD)
    new.write_text(NEW)
    return old, new


def test_json_is_exactly_the_spec_shape(
    pair: tuple[Path, Path], run_cli: Callable[..., Any]
) -> None:
    run = run_cli("diff", *pair, "--json")
    assert run.code == 0 and run.err == ""
    data = json.loads(run.out)
    assert list(data) == ["canvas", "lists", "fit"]
    assert list(data["lists"]) == list(LIST_NAMES)
    for lst in data["lists"].values():
        assert list(lst) == ["added", "removed", "changed", "moved"]
    assert data["canvas"] == {
        "title": ["Old title", "New title"],
        "phases": [
            ["awareness", "consideration", "purchase", "use", "loyalty"],
            ["awareness", "use"],
        ],
    }  # market: absent in OLD is b2c, the default, so it did not change
    assert data["lists"]["pains"] == {
        "added": ["p7"],
        "removed": ["p3"],
        "changed": {"p1": {"severity": ["moderate", "extreme"]}},
        "moved": ["p2"],
    }
    assert data["lists"]["pain_relievers"]["changed"] == {
        "pr1": {"pains": [["p1", "p3"], ["p1", "p2"]], "value": [None, "economic"]}
    }
    assert data["lists"]["personas"]["changed"] == {
        "pe1": {"does": [["Drives"], ["Drives", "Commutes"]]}
    }
    assert data["lists"]["jobs"] == {"added": [], "removed": [], "changed": {}, "moved": []}
    fit = data["fit"]
    assert list(fit) == ["score", "verdict", "gaps_opened", "gaps_closed"]
    assert fit["verdict"] == ["partial", "partial"]
    assert fit["gaps_opened"] == ["p7"]  # p2 is now linked, p7 is new
    assert fit["gaps_closed"] == ["p2"]  # p3 was addressed, so its removal closes no gap


def test_text_reads_like_a_review(pair: tuple[Path, Path], run_cli: Callable[..., Any]) -> None:
    run = run_cli("diff", *pair)
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == f"--- {pair[0]}" and lines[1] == f"+++ {pair[1]}"
    text = run.out
    assert '  title: "Old title" → "New title"' in text
    assert "Pains: 1 added, 1 removed, 1 changed, 1 moved" in text
    assert "  + p7   Parking  [moderate]" in text
    assert "  - p3   Receipts  [extreme]" in text
    assert '           severity: "moderate" → "extreme"' in text
    assert "  ↕ p2   Scratches  [moderate]  (up: 2nd → 1st)" in text
    assert '           pains: +p2 "Scratches"  -p3 "Receipts"' in text
    assert '           value: (none) → "economic"' in text
    assert '             + "Commutes"' in text
    assert "Fit: score" in text and "gaps opened (not addressed now):" in text
    assert "Customer jobs" not in text  # unchanged lists are left out


def test_same_files_say_no_changes(pair: tuple[Path, Path], run_cli: Callable[..., Any]) -> None:
    run = run_cli("diff", pair[0], pair[0])
    assert run.code == 0 and "No changes to the canvas." in run.out
    assert "no gap opened or closed" in run.out


def test_moved_is_the_fewest_items_out_of_order() -> None:
    assert moved_ids(["a", "b", "c", "d"], ["d", "a", "b", "c"]) == ["d"]
    assert moved_ids(["a", "b", "c", "d"], ["b", "c", "d", "a"]) == ["a"]
    assert moved_ids(["a", "b", "c"], ["x", "a", "c"]) == []  # removed/added are not moves
    assert len(moved_ids(list("abcdef"), list("badcfe"))) == 3


@given(st.permutations(list(range(12))))
def test_moved_leaves_the_rest_in_order_and_is_minimal(perm: list[int]) -> None:
    old = [str(i) for i in range(12)]
    new = [str(i) for i in perm]
    moved = set(moved_ids(old, new))
    rest = [int(i) for i in new if i not in moved]
    assert rest == sorted(rest)
    # minimal: no increasing subsequence is longer than what stays (O(n^2) check)
    best = [1] * len(perm)
    for i in range(len(perm)):
        for j in range(i):
            if perm[j] < perm[i]:
                best[i] = max(best[i], best[j] + 1)
    assert len(rest) == max(best)


def test_fields_are_compared_after_defaults() -> None:
    a = Canvas.model_validate({"title": "T", "pains": [{"id": "p1", "text": "x"}]})
    b = Canvas.model_validate(
        {
            "title": "T",
            "market": "b2c",
            "pains": [{"id": "p1", "text": "x", "severity": "moderate"}],
        }
    )
    assert diff(a, b).same


def test_canvas_notes_segment_market_and_step_fields() -> None:
    a = Canvas.model_validate({"title": "T"})
    a, sid = edits.add_item(a, "steps", "Sees ad")
    b = edits.update_canvas(a, {"segment": "Commuters", "market": "b2b", "notes": "n"})
    b = edits.update_item(b, sid, {"emotion": -2, "phase": "use", "touchpoint": "paper"})
    result = diff(a, b).to_json()
    assert result["canvas"] == {
        "segment": ["", "Commuters"],
        "market": ["b2c", "b2b"],
        "notes": ["", "n"],
    }
    assert result["lists"]["steps"]["changed"] == {
        sid: {"phase": ["awareness", "use"], "touchpoint": ["", "paper"], "emotion": [0, -2]}
    }


def test_usage_and_file_errors(
    pair: tuple[Path, Path], run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    assert run_cli("diff", *pair, pair[0]).code == 2
    assert run_cli("diff", *pair, "--against", "HEAD").code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "T"\nsevrity = 1\n')
    run = run_cli("diff", pair[0], bad)
    assert run.code == 1 and "bad.toml" in run.err and "sevrity" in run.err
    missing = run_cli("diff", pair[0], tmp_path / "nope.toml")
    assert missing.code == 1 and "nope.toml" in missing.err


# ---------------------------------------------------------------- against git


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=_env(cwd))


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"}


def test_against_head_in_a_real_repository(
    tmp_path: Path, run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    repo = tmp_path / "repo"
    (repo / "canvases").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "Tester")
    _git(repo, "config", "user.email", "tester@example.com")
    path = repo / "canvases" / "c.toml"
    path.write_text(OLD)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "old")
    canvas = storage.load(path).canvas
    storage.save(edits.update_item(canvas, "p2", {"severity": "extreme"}), path)

    monkeypatch.chdir(tmp_path)  # not inside the repository: FILE's folder decides
    run = run_cli("diff", path)
    assert run.code == 0, run.err
    assert f"--- {path} at HEAD" in run.out
    assert '           severity: "moderate" → "extreme"' in run.out
    assert "Pains: 1 changed" in run.out
    as_json = json.loads(run_cli("diff", path, "--against", "HEAD", "--json").out)
    assert as_json["lists"]["pains"]["changed"] == {"p2": {"severity": ["moderate", "extreme"]}}

    unknown = run_cli("diff", path, "--against", "nosuchbranch")
    assert unknown.code == 1 and "'nosuchbranch' does not exist" in unknown.err
    new_file = repo / "canvases" / "new.toml"
    new_file.write_text(OLD)
    not_in = run_cli("diff", new_file)
    assert not_in.code == 1 and "is not in revision HEAD" in not_in.err


def test_against_outside_a_repository(
    tmp_path: Path, run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    path = tmp_path / "c.toml"
    path.write_text(OLD)
    run = run_cli("diff", path)
    assert run.code == 1
    assert "is not in a git repository" in run.err and "diff OLD NEW" in run.err


def test_unresolved_conflicts_in_new_are_called_out(
    pair: tuple[Path, Path], run_cli: Callable[..., Any]
) -> None:
    new = pair[1]
    new.write_text(NEW + '\n[[conflicts]]\nlist = "canvas"\nfield = "title"\nours = "New title"\n')
    run = run_cli("diff", pair[0], new)
    assert "! 1 merge conflict not resolved yet" in run.out
    assert "merge conflict" not in run_cli("diff", new, pair[0]).out


def test_value_lens_fields_are_compared_too(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    a = edits.complete(
        Canvas.model_validate(
            {
                "title": "T",
                "pain_relievers": [{"id": "pr1", "text": "Book", "warranty": ["availability"]}],
                "personas": [{"id": "pe1", "name": "Sanne"}],
                "journey": {"steps": [{"id": "s1", "text": "Sees ad"}]},
            }
        )
    )
    b = edits.update_item(a, "pr1", {"warranty": ("capacity",), "strategy": "experience"})
    b = edits.update_item(b, "s1", {"persona": "pe1", "evidence": "survey"})
    assert diff(a, b).to_json()["lists"]["steps"]["changed"] == {
        "s1": {"evidence": ["assumption", "survey"], "persona": ["", "pe1"]}
    }
    old, new = tmp_path / "a.toml", tmp_path / "b.toml"
    storage.save(a, old)
    storage.save(b, new)
    out = run_cli("diff", old, new).out
    assert '           strategy: (none) → "experience"' in out
    assert '             + "capacity"' in out and '             - "availability"' in out
    assert '           persona: (none) → pe1 "Sanne"' in out


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(canvases(), canvases())
def test_diff_accounts_for_every_item_by_id(a: Canvas, b: Canvas) -> None:
    assert diff(a, a).same and diff(b, b).to_json()["canvas"] == {}
    data = diff(a, b).to_json()
    assert list(data["lists"]) == list(LIST_NAMES)
    for name, d in data["lists"].items():
        old_ids = [i.id for i in items_of(a, name)]
        new_ids = [i.id for i in items_of(b, name)]
        assert set(d["added"]) == set(new_ids) - set(old_ids)
        assert set(d["removed"]) == set(old_ids) - set(new_ids)
        assert set(d["changed"]) | set(d["moved"]) <= set(old_ids) & set(new_ids)
    json.dumps(data)  # every value is JSON
