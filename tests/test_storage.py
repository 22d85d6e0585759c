"""Every rule of file-format.md, through `storage.load` and `valuecanvas check`.

A refused file must be named in the message with the place (counted from 1 as users
read the file), the line where it is known, and what to do; `check` exits 1, prints
the same lines on stderr and never touches the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from valuecanvas import storage
from valuecanvas.errors import CanvasError
from valuecanvas.model import (
    DEFAULT_PHASES,
    FORMAT,
    Canvas,
    GainCreator,
    Job,
    Journey,
    Pain,
    Persona,
    Product,
    Step,
)
from valuecanvas.storage.codec import canvas_from_text, has_comments

SPEC = Path("/work/shared/spec/file-format.md")
HEAD = ['format = "valuecanvas/1"', 'title = "T"']


def toml(*lines: str) -> str:
    """File text from lines, so line N of the file is the N-th argument."""
    return "\n".join(lines) + "\n"


def refused(
    path: Path,
    run_cli: Callable[..., Any],
    *fragments: str,
    place: str | None = None,
    line: int | None = None,
) -> CanvasError:
    """Load must fail and `check` must exit 1, both naming file, place, line and fix."""
    before = path.read_bytes()
    with pytest.raises(CanvasError) as info:
        storage.load(path)
    err = info.value
    assert err.source == str(path)
    lines = err.lines()
    assert lines and all(line_.startswith(f"{path}: ") for line_ in lines)
    text = "\n".join(lines)
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"
    if place is not None:
        hits = [p for p in err.problems if p.place == place]
        assert hits, f"no problem at {place!r}: {[p.place for p in err.problems]}"
        if line is not None:
            assert hits[0].line == line, f"line {hits[0].line}, expected {line}"
            assert f"{path}: {place}, line {line}: " in text
    elif line is not None:
        assert err.problems[0].line == line
    assert "\x1b" not in text
    run = run_cli("check", path)
    assert run.code == 1
    assert run.out == ""
    assert run.err.splitlines() == lines
    assert path.read_bytes() == before
    return err


# ================================================================ refused files

# (file lines, place, line, fragments that must all be in the message)
CASES: dict[str, tuple[list[str], str, int | None, list[str]]] = {
    # --- unknown keys, with the closest known key
    "unknown-top": (
        [*HEAD, 'segmant = "x"'],
        "top level",
        3,
        ["unknown key 'segmant'", "did you mean 'segment'?"],
    ),
    "unknown-item": (
        [
            *HEAD,
            "",
            "[[pains]]",
            'id = "p1"',
            'text = "a"',
            "",
            "[[pains]]",
            'id = "p7"',
            'text = "b"',
            'severty = "extreme"',
        ],
        "pains[2] (p7)",
        11,
        ["pains[2] (p7), line 11: unknown key 'severty' — did you mean 'severity'?"],
    ),
    "unknown-item-no-id": (
        [*HEAD, "[[gains]]", 'text = "a"', 'relevanse = "essential"'],
        "gains[1]",
        5,
        ["unknown key 'relevanse'", "did you mean 'relevance'?"],
    ),
    "unknown-journey": (
        [*HEAD, "[journey]", 'phase = ["a"]'],
        "journey",
        4,
        ["unknown key 'phase'", "did you mean 'phases'?"],
    ),
    "unknown-step": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', "emotoin = 1"],
        "journey.steps[1] (s1)",
        6,
        ["unknown key 'emotoin'", "did you mean 'emotion'?"],
    ),
    "unknown-persona": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "N"', 'feeling = ["x"]'],
        "personas[1] (pe1)",
        6,
        ["unknown key 'feeling'", "did you mean 'feels'?"],
    ),
    "unknown-link-key": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', "job = []"],
        "products[1] (ps1)",
        6,
        ["unknown key 'job'", "did you mean 'jobs'?"],
    ),
    "unknown-dutch-key": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'belang = "high"'],
        "jobs[1] (j1)",
        6,
        ["unknown key 'belang'", "did you mean 'importance'?"],
    ),
    "unknown-top-table": (
        [*HEAD, "", "[klantreis]", 'phases = ["a"]'],
        "top level",
        4,
        ["unknown key 'klantreis'", "did you mean 'journey'?"],
    ),
    "unknown-no-close-key": (
        [*HEAD, "zzqqxx = 1"],
        "top level",
        3,
        ["unknown key 'zzqqxx'", "known keys: format, title, segment, market"],
    ),
    # --- words not in the list, with the closest one and all allowed
    "enum-severity": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'severity = "extrem"'],
        "pains[1] (p1).severity",
        6,
        [
            "'extrem' is not a valid severity",
            "did you mean 'extreme'?",
            "use 'extreme', 'moderate' or 'mild'",
        ],
    ),
    "enum-job-kind": (
        [*HEAD, "[[jobs]]", 'text = "a"', 'kind = "Functional"'],
        "jobs[1].kind",
        5,
        ["did you mean 'functional'?", "'co-creator' or 'transferrer'"],
    ),
    "enum-importance": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'importance = "hihg"'],
        "jobs[1] (j1).importance",
        6,
        ["did you mean 'high'?", "use 'high', 'medium' or 'low'"],
    ),
    "enum-pain-kind": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'kind = "risc"'],
        "pains[1] (p1).kind",
        6,
        ["did you mean 'risk'?"],
    ),
    "enum-gain-kind": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "a"', 'kind = "expectd"'],
        "gains[1] (g1).kind",
        6,
        ["did you mean 'expected'?"],
    ),
    "enum-relevance": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "a"', 'relevance = "nice to have"'],
        "gains[1] (g1).relevance",
        6,
        ["did you mean 'nice-to-have'?"],
    ),
    "enum-product-kind": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'kind = "digitl"'],
        "products[1] (ps1).kind",
        6,
        ["did you mean 'digital'?"],
    ),
    "enum-value": (
        [*HEAD, "[[gain_creators]]", 'id = "gc1"', 'text = "a"', 'value = "economc"'],
        "gain_creators[1] (gc1).value",
        6,
        ["'economc' is not a valid value", "did you mean 'economic'?"],
    ),
    "enum-market": (
        [*HEAD, 'market = "B2B"'],
        "market",
        3,
        ["'B2B' is not a valid market", "did you mean 'b2b'?", "use 'b2c' or 'b2b'"],
    ),
    "enum-role-typo": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "N"', 'role = "decidr"'],
        "personas[1] (pe1).role",
        6,
        ["did you mean 'decider'?"],
    ),
    "enum-role-other": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "N"', 'role = "director"'],
        "personas[1] (pe1).role",
        6,
        [
            "'director' is not a valid role",
            "use 'decider', 'buyer', 'user', 'influencer' or 'gatekeeper'",
        ],
    ),
    # --- required text
    "missing-text": (
        [*HEAD, "", "[[jobs]]", 'id = "j1"', 'kind = "social"'],
        "jobs[1] (j1)",
        4,
        ["'text' is missing", 'add text = "…"'],
    ),
    "blank-text": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "   "'],
        "gains[1] (g1).text",
        5,
        ["is empty", "write some text"],
    ),
    "missing-title": (
        ['format = "valuecanvas/1"', 'segment = "s"'],
        "top level",
        1,
        ["'title' is missing", 'add title = "…"'],
    ),
    "empty-title": (['title = ""'], "title", 1, ["is empty", "write some text"]),
    "missing-name": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'role = "user"'],
        "personas[1] (pe1)",
        3,
        ["'name' is missing", 'add name = "…"'],
    ),
    "blank-name": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "\\t "'],
        "personas[1] (pe1).name",
        5,
        ["is empty"],
    ),
    "missing-step-text": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'phase = "use"'],
        "journey.steps[1] (s1)",
        3,
        ["'text' is missing"],
    ),
    "blank-empathy-entry": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "N"', 'does = ["ok", " "]'],
        "personas[1] (pe1).does[2]",
        6,
        ["is empty"],
    ),
    "blank-phase": (
        [*HEAD, "[journey]", 'phases = ["a", ""]'],
        "journey.phases[2]",
        4,
        ["is empty"],
    ),
    "no-phases": (
        [*HEAD, "[journey]", "phases = []"],
        "journey.phases",
        4,
        ["is empty", "leave 'phases' out"],
    ),
    # --- wrong types
    "emotion-string": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'emotion = "1"'],
        "journey.steps[1] (s1).emotion",
        6,
        ["'1' is not a whole number", "emotion = 1"],
    ),
    "emotion-float": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', "emotion = 1.5"],
        "journey.steps[1] (s1).emotion",
        6,
        ["1.5 is not a whole number"],
    ),
    "emotion-whole-float": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', "emotion = 1.0"],
        "journey.steps[1] (s1).emotion",
        6,
        ["1.0 is not a whole number"],
    ),
    "emotion-bool": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', "emotion = true"],
        "journey.steps[1] (s1).emotion",
        6,
        ["true is not a whole number"],
    ),
    "text-number": (
        [*HEAD, "[[jobs]]", 'id = "j1"', "text = 5"],
        "jobs[1] (j1).text",
        5,
        ["5 is not text", 'put it in quotes, e.g. "…"'],
    ),
    "title-list": (['title = ["T"]'], "title", 1, ["a list is not text"]),
    "id-number": (
        [*HEAD, "[[jobs]]", "id = 1", 'text = "a"'],
        "jobs[1].id",
        4,
        ["1 is not text"],
    ),
    "link-list-as-string": (
        [
            *HEAD,
            "[[jobs]]",
            'id = "j1"',
            'text = "a"',
            "[[products]]",
            'id = "ps1"',
            'text = "b"',
            'jobs = "j1"',
        ],
        "products[1] (ps1).jobs",
        9,
        ["'j1' is not a list", 'write it as ["…", "…"]'],
    ),
    "empathy-as-string": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "N"', 'goals = "x"'],
        "personas[1] (pe1).goals",
        6,
        ["'x' is not a list"],
    ),
    "top-list-as-string": (
        [*HEAD, 'pains = "x"'],
        "pains",
        3,
        ["'x' is not a list"],
    ),
    "journey-as-string": (
        [*HEAD, 'journey = "x"'],
        "journey",
        3,
        ["is not a table", "[journey]"],
    ),
    "phases-as-string": (
        [*HEAD, "[journey]", 'phases = "use"'],
        "journey.phases",
        4,
        ["is not a list"],
    ),
    # --- emotion range
    "emotion-too-high": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', "emotion = 3"],
        "journey.steps[1] (s1).emotion",
        6,
        ["3 is out of range", "whole number from -2 to 2"],
    ),
    "emotion-too-low": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', "emotion = -3"],
        "journey.steps[1] (s1).emotion",
        6,
        ["-3 is out of range"],
    ),
    # --- ids
    "duplicate-id-across-lists": (
        [*HEAD, "[[jobs]]", 'id = "x1"', 'text = "a"', "[[pains]]", 'id = "x1"', 'text = "b"'],
        "pains[1] (x1)",
        7,
        ["id 'x1' is already used by a job", "unique in the whole file", "rename one"],
    ),
    "duplicate-id-in-list": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "a"', "[[gains]]", 'id = "g1"', 'text = "b"'],
        "gains[2] (g1)",
        7,
        ["already used by a gain"],
    ),
    "duplicate-id-step-persona": (
        [
            *HEAD,
            "[[journey.steps]]",
            'id = "x"',
            'text = "a"',
            "[[personas]]",
            'id = "x"',
            'name = "b"',
        ],
        "personas[1] (x)",
        7,
        ["already used by a journey step"],
    ),
    "id-with-space": (
        [*HEAD, "[[jobs]]", 'id = "j 1"', 'text = "a"'],
        "jobs[1] (j 1).id",
        4,
        ["'j 1' is not a valid id", "letters, digits, '-' and '_'"],
    ),
    "id-with-slash": (
        [*HEAD, "[[pains]]", 'id = "p/1"', 'text = "a"'],
        "pains[1] (p/1).id",
        4,
        ["not a valid id"],
    ),
    "link-with-bad-id": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'jobs = ["j 1"]'],
        "products[1] (ps1).jobs[1]",
        6,
        ["'j 1' is not a valid id"],
    ),
    # --- journey phases
    "step-phase-unknown": (
        [
            *HEAD,
            "[journey]",
            'phases = ["a", "b"]',
            "[[journey.steps]]",
            'id = "s1"',
            'phase = "c"',
            'text = "x"',
        ],
        "journey.steps[1] (s1).phase",
        7,
        ["phase 'c' is not in journey.phases (a, b)", "use one of those or add it"],
    ),
    "step-phase-default-list": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'phase = "Awareness"', 'text = "x"'],
        "journey.steps[1] (s1).phase",
        5,
        ["phase 'Awareness' is not in journey.phases (awareness, consideration"],
    ),
    "duplicate-phase": (
        [*HEAD, "", "[journey]", 'phases = ["a", "b", "a"]'],
        "journey.phases",
        5,
        ["phase 'a' is listed twice", "list each phase once"],
    ),
    # --- versions
    "format-newer": (
        ['format = "valuecanvas/2"', 'title = "T"'],
        "format",
        1,
        ["'valuecanvas/2'", "newer valuecanvas", "upgrade valuecanvas", "not changed"],
    ),
    "format-much-newer": (
        ['title = "T"', "# a comment", 'format = "valuecanvas/10"'],
        "format",
        3,
        ["upgrade valuecanvas"],
    ),
    "format-unknown": (
        ['format = "othertool/1"', 'title = "T"'],
        "format",
        1,
        ["unknown format 'othertool/1'", 'format = "valuecanvas/1"'],
    ),
    "format-older": (
        ['format = "valuecanvas/0"', 'title = "T"'],
        "format",
        1,
        ["unknown format 'valuecanvas/0'"],
    ),
    "format-number": (["format = 1", 'title = "T"'], "format", 1, ["unknown format 1"]),
    # --- control characters (line breaks and tabs are fine)
    "control-title": (
        ['title = "T\\u001b[31m"'],
        "title",
        1,
        ["control character U+001B", "remove it", "only line breaks and tabs"],
    ),
    "control-text": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a\\u0007b"'],
        "jobs[1] (j1).text",
        5,
        ["U+0007"],
    ),
    "control-notes": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'notes = "x\\u0000"'],
        "pains[1] (p1).notes",
        6,
        ["U+0000"],
    ),
    "control-segment": ([*HEAD, 'segment = "\\u009b2J"'], "segment", 3, ["U+009B"]),
    "control-context": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'context = "\\r"'],
        "jobs[1] (j1).context",
        6,
        ["U+000D"],
    ),
    "control-touchpoint": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'touchpoint = "\\u007f"'],
        "journey.steps[1] (s1).touchpoint",
        6,
        ["U+007F"],
    ),
    "control-empathy": (
        [*HEAD, "[[personas]]", 'id = "pe1"', 'name = "N"', 'feels = ["\\b"]'],
        "personas[1] (pe1).feels[1]",
        6,
        ["U+0008"],
    ),
    "control-phase": (
        [*HEAD, "[journey]", 'phases = ["a\\u001b"]'],
        "journey.phases[1]",
        4,
        ["U+001B"],
    ),
    "control-in-unknown-key": (
        [*HEAD, '"x\\u001b[2J" = 1'],
        "top level",
        None,
        ["unknown key 'x\\x1b[2J'"],
    ),
    "control-in-enum-value": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'severity = "\\u001b[2J"'],
        "pains[1] (p1).severity",
        6,
        ["'\\x1b[2J' is not a valid severity"],
    ),
    "control-in-bad-id": (
        [*HEAD, "[[pains]]", 'id = "\\u001b[2J"', 'text = "a"'],
        "pains[1] (\\x1b[2J).id",
        4,
        ["'\\x1b[2J' is not a valid id"],
    ),
    # --- TOML itself
    "toml-syntax": (
        [*HEAD, "", "[[jobs]", 'text = "a"'],
        "column 7",
        4,
        ["TOML syntax error", "fix the line"],
    ),
    "toml-duplicate-key": (
        [*HEAD, 'title = "again"'],
        "column 16",
        3,
        ["TOML syntax error"],
    ),
    "toml-unclosed-string": (
        [*HEAD, 'segment = "open'],
        "column 16",
        3,
        ["TOML syntax error"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_refused_file(
    case: str, write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    lines, place, line, fragments = CASES[case]
    path = write_file(toml(*lines))
    refused(path, run_cli, *fragments, place=place, line=line)


LINK_BASE = [
    *HEAD,
    "[[jobs]]",
    'id = "j1"',
    'text = "job"',
    "[[pains]]",
    'id = "p1"',
    'text = "pain"',
    "[[gains]]",
    'id = "g1"',
    'text = "gain"',
]  # lines 1-11

LINKS = [
    ("products", "ps1", "jobs", "j1", "job", "g1", "gain"),
    ("pain_relievers", "pr1", "pains", "p1", "pain", "j1", "job"),
    ("gain_creators", "gc1", "gains", "g1", "gain", "p1", "pain"),
    ("journey.steps", "s1", "pains", "p1", "pain", "g1", "gain"),
    ("journey.steps", "s1", "gains", "g1", "gain", "j1", "job"),
]


@pytest.mark.parametrize("table,item_id,field,good,singular,wrong,wrong_singular", LINKS)
def test_link_to_missing_id(
    table: str,
    item_id: str,
    field: str,
    good: str,
    singular: str,
    wrong: str,
    wrong_singular: str,
    write_file: Callable[..., Path],
    run_cli: Callable[..., Any],
) -> None:
    path = write_file(
        toml(*LINK_BASE, f"[[{table}]]", f'id = "{item_id}"', 'text = "x"', f'{field} = ["nope"]')
    )
    refused(
        path,
        run_cli,
        "links to 'nope', which does not exist",
        "correct the id or remove it",
        f"known {field}: {good}",
        place=f"{table}[1] ({item_id}).{field}",
        line=15,
    )


@pytest.mark.parametrize("table,item_id,field,good,singular,wrong,wrong_singular", LINKS)
def test_link_to_wrong_list(
    table: str,
    item_id: str,
    field: str,
    good: str,
    singular: str,
    wrong: str,
    wrong_singular: str,
    write_file: Callable[..., Path],
    run_cli: Callable[..., Any],
) -> None:
    path = write_file(
        toml(
            *LINK_BASE,
            f"[[{table}]]",
            f'id = "{item_id}"',
            'text = "x"',
            f'{field} = ["{good}", "{wrong}"]',
        )
    )
    refused(
        path,
        run_cli,
        f"links to '{wrong}', which is a {wrong_singular}, not a {singular}",
        f"'{field}' may only list {field}, so remove '{wrong}' from it",
        place=f"{table}[1] ({item_id}).{field}",
        line=15,
    )


def test_link_to_missing_id_when_list_is_empty(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(toml(*HEAD, "[[pain_relievers]]", 'text = "x"', 'pains = ["p1"]'))
    refused(path, run_cli, "there are no pains", place="pain_relievers[1].pains", line=5)


def test_every_problem_is_reported_on_its_own_line(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(
        toml(
            *HEAD,
            "[[jobs]]",
            'text = "a"',
            'importance = "hi"',
            "[[jobs]]",
            'text = ""',
            "[[pains]]",
            'text = "b"',
            'severity = "mid"',
        )
    )
    err = refused(path, run_cli)
    assert [(p.place, p.line) for p in err.problems] == [
        ("jobs[1].importance", 5),
        ("jobs[2].text", 7),
        ("pains[1].severity", 10),
    ]


def test_invalid_utf8_names_line_and_column(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(b'title = "T"\n[[jobs]]\ntext = "caf\xe9"\n')
    refused(
        path,
        run_cli,
        "is not valid UTF-8 (byte 0xe9)",
        "save the file as UTF-8",
        place="column 12",
        line=3,
    )


def test_invalid_utf8_in_a_comment_is_refused_too(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(b'title = "T"\n\n# \xff\xfe\n')
    refused(path, run_cli, "not valid UTF-8", line=3)


@pytest.mark.parametrize("content", ["", "   \n\n\t\n"], ids=["empty", "blank"])
def test_empty_file(
    content: str, write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(content)
    refused(path, run_cli, "the file is empty", 'format = "valuecanvas/1"', 'title = "…"')


def test_line_numbers_count_only_newlines(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    """U+2028 inside a string is not a line break for TOML, nor for the message."""
    path = write_file(
        toml(*HEAD, 'notes = "one\u2028two\u2029three\x85"', "[[jobs]]", 'text = "a"', "kind = 1")
    )
    # \x85 is a control character: reported on line 3, the kind on line 6
    err = refused(path, run_cli)
    assert [(p.place, p.line) for p in err.problems] == [("notes", 3), ("jobs[1].kind", 6)]


def test_newer_format_is_never_written(tmp_path: Path) -> None:
    """A refused file cannot be loaded, so nothing can save over it."""
    path = tmp_path / "new.toml"
    path.write_text('format = "valuecanvas/2"\ntitle = "T"\nfuture = true\n')
    before = path.read_bytes()
    with pytest.raises(CanvasError, match="upgrade"):
        storage.load(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.toml"]


# ================================================================ accepted files


def load_text(write_file: Callable[..., Path], text: str) -> Canvas:
    return storage.load(write_file(text)).canvas


def test_no_format_key_reads_as_current(write_file: Callable[..., Path], tmp_path: Path) -> None:
    canvas = load_text(write_file, 'title = "T"\n')
    assert canvas.format == FORMAT
    out = tmp_path / "out.toml"
    storage.save(canvas, out)
    assert out.read_text().startswith('format = "valuecanvas/1"\ntitle = "T"\n')


def test_empty_canvas_is_format_and_title(write_file: Callable[..., Path]) -> None:
    text = 'format = "valuecanvas/1"\ntitle = "Empty"\n'
    canvas = load_text(write_file, text)
    assert canvas == Canvas(title="Empty")
    assert canvas.journey.phases == DEFAULT_PHASES
    assert storage.dumps(canvas) == text + 'market = "b2c"\n'


def test_defaults(write_file: Callable[..., Path]) -> None:
    canvas = load_text(
        write_file,
        toml(
            'title = "T"',
            "[[jobs]]",
            'text = "j"',
            "[[pains]]",
            'text = "p"',
            "[[gains]]",
            'text = "g"',
            "[[products]]",
            'text = "ps"',
            "[[pain_relievers]]",
            'text = "pr"',
            "[[gain_creators]]",
            'text = "gc"',
            "[[journey.steps]]",
            'text = "s"',
            "[[personas]]",
            'name = "pe"',
        ),
    )
    assert canvas.market == "b2c"
    assert canvas.segment == ""
    job, pain, gain = canvas.jobs[0], canvas.pains[0], canvas.gains[0]
    assert (job.kind, job.importance) == ("functional", "medium")
    assert (pain.kind, pain.severity) == ("undesired-outcome", "moderate")
    assert (gain.kind, gain.relevance) == ("required", "desirable")
    product = canvas.products[0]
    assert (product.kind, product.relevance, product.jobs, product.value) == (
        "physical",
        "desirable",
        (),
        None,
    )
    assert canvas.pain_relievers[0].relevance == "desirable"
    assert canvas.gain_creators[0].relevance == "desirable"
    assert canvas.journey.phases == ("awareness", "consideration", "purchase", "use", "loyalty")
    step = canvas.journey.steps[0]
    assert (step.phase, step.emotion, step.touchpoint) == ("awareness", 0, "")
    persona = canvas.personas[0]
    assert persona.role is None
    assert persona.does == persona.feels == persona.goals == ()


def test_step_phase_defaults_to_the_first_listed_phase(write_file: Callable[..., Path]) -> None:
    canvas = load_text(
        write_file,
        toml('title = "T"', "[journey]", 'phases = ["zoek", "koop"]', "[[journey.steps]]")
        + 'text = "s"\n',
    )
    assert canvas.journey.steps[0].phase == "zoek"


def test_missing_ids_are_assigned_and_written_at_next_save(
    write_file: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_file(
        toml(
            'title = "T"',
            "[[jobs]]",
            'id = "j3"',
            'text = "a"',
            "[[jobs]]",
            'text = "b"',
            "[[pains]]",
            'text = "c"',
            "[[pains]]",
            'id = "p1"',
            'text = "d"',
            "[[pains]]",
            'id = "pain-no-time"',
            'text = "e"',
            "[[gains]]",
            'id = "g2"',
            'text = "f"',
            "[[products]]",
            'text = "g"',
            "[[pain_relievers]]",
            'text = "h"',
            "[[gain_creators]]",
            'text = "i"',
            "[[journey.steps]]",
            'text = "j"',
            "[[personas]]",
            'name = "k"',
        )
    )
    before = path.read_bytes()
    canvas = storage.load(path).canvas
    assert path.read_bytes() == before  # assigned in memory, not written on load
    assert [j.id for j in canvas.jobs] == ["j3", "j4"]
    assert [p.id for p in canvas.pains] == ["p2", "p1", "pain-no-time"]
    assert canvas.products[0].id == "ps1"
    assert canvas.pain_relievers[0].id == "pr1"
    assert canvas.gain_creators[0].id == "gc1"
    assert canvas.journey.steps[0].id == "s1"
    assert canvas.personas[0].id == "pe1"
    ids = [i.id for i in (*canvas.jobs, *canvas.pains, *canvas.gains)]
    assert len(ids) == len(set(ids))
    storage.save(canvas, path)
    text = path.read_text()
    assert 'id = "j4"' in text and 'id = "p2"' in text and 'id = "pe1"' in text
    assert storage.load(path).canvas == canvas


def test_assigned_ids_avoid_ids_of_other_lists(write_file: Callable[..., Path]) -> None:
    canvas = load_text(
        write_file,
        toml('title = "T"', "[[pains]]", 'id = "j1"', 'text = "x"', "[[jobs]]", 'text = "y"'),
    )
    assert canvas.jobs[0].id == "j2"


def test_notes_are_allowed_everywhere(write_file: Callable[..., Path]) -> None:
    items = [
        ("jobs", "text"),
        ("pains", "text"),
        ("gains", "text"),
        ("products", "text"),
        ("pain_relievers", "text"),
        ("gain_creators", "text"),
        ("journey.steps", "text"),
        ("personas", "name"),
    ]
    lines = ['title = "T"', 'notes = "canvas notes"']
    for table, key in items:
        lines += [f"[[{table}]]", f'{key} = "x"', f'notes = "notes on {table}"']
    canvas = load_text(write_file, toml(*lines))
    assert canvas.notes == "canvas notes"
    assert canvas.jobs[0].notes == "notes on jobs"
    assert canvas.journey.steps[0].notes == "notes on journey.steps"
    assert canvas.personas[0].notes == "notes on personas"
    text = storage.dumps(canvas)
    assert text.count("notes = ") == 9


def test_tabs_and_line_breaks_are_allowed_in_text(write_file: Callable[..., Path]) -> None:
    canvas = load_text(
        write_file,
        toml('title = "T"', "[[jobs]]", 'text = "a\\tb"', 'context = """', "line 1", 'line 2"""'),
    )
    assert canvas.jobs[0].text == "a\tb"
    assert canvas.jobs[0].context == "line 1\nline 2"


def test_byte_order_mark_and_crlf_are_read(write_file: Callable[..., Path]) -> None:
    canvas = load_text(write_file, b'\xef\xbb\xbftitle = "T"\r\nsegment = "S"\r\n')  # type: ignore[arg-type]
    assert (canvas.title, canvas.segment) == ("T", "S")


def test_hand_written_ids_may_use_dash_and_underscore(write_file: Callable[..., Path]) -> None:
    canvas = load_text(
        write_file,
        toml(
            'title = "T"',
            "[[pains]]",
            'id = "pain-no-time"',
            'text = "x"',
            "[[pain_relievers]]",
            'id = "Relief_2"',
            'text = "y"',
            'pains = ["pain-no-time"]',
        ),
    )
    assert canvas.pain_relievers[0].pains == ("pain-no-time",)


def test_spec_example_loads(samples: list[Path]) -> None:
    canvas = canvas_from_text(spec_example(), "example.toml")
    assert canvas.title == "Weekly car wash"
    assert canvas.gain_creators[0] == GainCreator(
        id="gc1",
        text="Express programme done in 10 minutes",
        relevance="desirable",
        gains=("g1",),
        value="economic",
    )
    assert canvas.personas[0].influences == ("Colleagues", "Lease company")


def test_has_comments() -> None:
    assert has_comments('title = "T" # hi\n')
    assert not has_comments('title = "a # not a comment"\n')
    assert not has_comments("title = '''a\n# still text'''\n")
    assert has_comments('title = """a"""\n# yes\n')


# ================================================================ writing


def spec_example() -> str:
    text = SPEC.read_text(encoding="utf-8")
    return text.split("```toml\n", 1)[1].split("```", 1)[0]


def keys_and_headers(text: str) -> list[str]:
    """The sequence of table headers and keys, ignoring values and layout."""
    out = []
    for line in text.splitlines():
        if (m := re.match(r"^\s*(\[\[?[^\]]+\]\]?)", line)) or (
            m := re.match(r"^([A-Za-z_]+) = ", line)
        ):
            out.append(m.group(1))
    return out


def test_writes_keys_in_the_order_of_the_spec_example() -> None:
    example = spec_example()
    canvas = canvas_from_text(example, "example.toml")
    written = storage.dumps(canvas)
    assert keys_and_headers(written) == keys_and_headers(example)
    assert tomllib.loads(written) == {
        k: v for k, v in tomllib.loads(example).items()
    }  # same data, nothing lost or added


def test_item_keys_in_spec_order_with_notes_last() -> None:
    canvas = Canvas(
        title="T",
        notes="n",
        segment="S",
        products=(Product(id="ps1", text="x", notes="n", value="symbolic", kind="digital"),),
        journey=Journey(
            steps=(Step(id="s1", text="t", phase="use", touchpoint="tp", emotion=-1, notes="n"),)
        ),
        personas=(Persona(id="pe1", name="N", problems=("p",), does=("d",), notes="n"),),
    )
    assert keys_and_headers(storage.dumps(canvas)) == [
        "format",
        "title",
        "segment",
        "market",
        "notes",
        "[[products]]",
        "id",
        "text",
        "kind",
        "relevance",
        "value",
        "notes",
        "[journey]",
        "phases",
        "[[journey.steps]]",
        "id",
        "phase",
        "text",
        "touchpoint",
        "emotion",
        "notes",
        "[[personas]]",
        "id",
        "name",
        "does",
        "problems",
        "notes",
    ]


def test_empty_optional_fields_and_lists_are_left_out() -> None:
    canvas = Canvas(
        title="T",
        jobs=(Job(id="j1", text="j"),),
        products=(Product(id="ps1", text="p"),),
        personas=(Persona(id="pe1", name="N"),),
    )
    text = storage.dumps(canvas)
    for absent in (
        "segment",
        "notes",
        "context",
        "jobs = ",
        "value =",
        "role",
        "does",
        "[journey]",
        "pains",
        "gains",
        "[[pain_relievers]]",
    ):
        assert absent not in text, absent


def test_default_journey_is_left_out_but_custom_phases_are_written() -> None:
    assert "[journey]" not in storage.dumps(Canvas(title="T"))
    custom = Canvas(title="T", journey=Journey(phases=("a", "b")))
    text = storage.dumps(custom)
    assert "[journey]" in text and "[[journey.steps]]" not in text
    assert canvas_from_text(text, "x") == custom


@pytest.mark.parametrize(
    "text",
    [
        "line 1\nline 2",
        "ends with newline\n",
        "\nstarts with newline",
        'quotes " and """ and """" inside\nand a second line',
        "backslash \\ and \\n literal\nsecond",
        'trailing quote\n"',
        "tab\there\n\ttoo",
        "unicode: één → ✓ 🚲\nzwei",
        "'''single triple'''\n",
        "  spaces around  \n  ",
    ],
)
def test_multiline_text_round_trips(text: str, tmp_path: Path) -> None:
    canvas = Canvas(title="T", notes=text, pains=(Pain(id="p1", text=text, notes=text),))
    path = tmp_path / "c.toml"
    storage.save(canvas, path)
    assert storage.load(path).canvas == canvas


def test_saving_an_unchanged_canvas_is_byte_identical(samples: list[Path], tmp_path: Path) -> None:
    for sample in samples:
        original = sample.read_bytes()
        canvas = storage.load(sample).canvas
        copy = tmp_path / sample.name
        storage.save(canvas, copy)
        assert copy.read_bytes() == original, sample.name
        storage.save(storage.load(copy).canvas, copy)
        assert copy.read_bytes() == original, sample.name


def test_hand_written_file_normalises_once_then_stays_stable(
    write_file: Callable[..., Path],
) -> None:
    path = write_file(spec_example())
    canvas = storage.load(path).canvas
    storage.save(canvas, path)
    first = path.read_bytes()
    assert storage.load(path).canvas == canvas
    storage.save(storage.load(path).canvas, path)
    assert path.read_bytes() == first


def test_load_reports_comments_and_fingerprint(write_file: Callable[..., Path]) -> None:
    loaded = storage.load(write_file('title = "T"  # mine\n'))
    assert loaded.has_comments
    assert loaded.fingerprint is not None
    assert not storage.load(write_file('title = "#T"\n', "b.toml")).has_comments


def test_create_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("mine")
    with pytest.raises(CanvasError, match="already exists"):
        storage.create_new(Canvas(title="T"), path)
    assert path.read_text() == "mine"
    fresh = tmp_path / "d.toml"
    storage.create_new(Canvas(title="T"), fresh)
    assert storage.load(fresh).canvas == Canvas(title="T")


def test_lines_inside_multi_line_strings_are_not_keys_or_tables(
    write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    path = write_file(
        toml(
            *HEAD,
            "[[pains]]",  # 3
            'id = "p1"',
            'text = "a"',
            'notes = """',  # 6
            "[[pains]]",
            'severty = "x" \\',
            '"""',
            "[[pains]]",  # 10
            'id = "p2"',
            'text = "b"   # a "quoted" comment with \'\'\' in it',
            "context = '''",  # 13
            "[journey]",
            "'''''",
            'severty = "mild"',  # 16
        )
    )
    err = refused(path, run_cli)
    assert [(p.place, p.line) for p in err.problems] == [
        ("pains[2] (p2)", 13),
        ("pains[2] (p2)", 16),
    ]


def test_strings_are_written_as_basic_strings() -> None:
    canvas = Canvas(
        title="it's",
        pains=(Pain(id="p1", text='a \\ "b"', notes="two\nlines"),),
    )
    text = storage.dumps(canvas)
    assert 'title = "it\'s"\n' in text
    assert 'text = "a \\\\ \\"b\\""\n' in text
    assert 'notes = """\ntwo\nlines"""\n' in text
    assert "'''" not in text
    assert canvas_from_text(text, "x") == canvas
