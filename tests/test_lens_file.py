"""The optional value-lens keys of file-format.md: read, refused, written, edited.

Every rule as a failing file through `storage.load` and `valuecanvas check` (file,
place, line, the fix, exit 1), the documented key order, and the edits that keep
a step's persona pointing at a persona.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_storage import HEAD, keys_and_headers, refused, toml
from valuecanvas import edits as E
from valuecanvas import storage
from valuecanvas.errors import EditError
from valuecanvas.model import (
    LISTS,
    Canvas,
    Gain,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)
from valuecanvas.storage.codec import canvas_from_text

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "file-format.md"

# (file lines, place, line, fragments that must all be in the message)
CASES: dict[str, tuple[list[str], str, int, list[str]]] = {
    "value-on-a-job-typo": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'value = "functonal"'],
        "jobs[1] (j1).value",
        6,
        ["'functonal' is not a valid value", "did you mean 'functional'?"],
    ),
    "value-dutch-on-a-pain": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'value = "emotioneel"'],
        "pains[1] (p1).value",
        6,
        ["did you mean 'emotional'?", "use 'functional', 'economic', 'emotional' or 'symbolic'"],
    ),
    "value-dutch-on-a-gain": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "a"', 'value = "symbolisch"'],
        "gains[1] (g1).value",
        6,
        ["did you mean 'symbolic'?"],
    ),
    "value-dutch-economisch": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'value = "economisch"'],
        "products[1] (ps1).value",
        6,
        ["did you mean 'economic'?"],
    ),
    "value-dutch-functioneel": (
        [*HEAD, "[[pain_relievers]]", 'id = "pr1"', 'text = "a"', 'value = "functioneel"'],
        "pain_relievers[1] (pr1).value",
        6,
        ["did you mean 'functional'?"],
    ),
    "value-on-a-step-is-unknown": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'value = "economic"'],
        "journey.steps[1] (s1)",
        6,
        ["unknown key 'value'"],
    ),
    "strategy-typo": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'strategy = "performence"'],
        "products[1] (ps1).strategy",
        6,
        ["'performence' is not a valid strategy", "did you mean 'performance'?"],
    ),
    "strategy-beleving": (
        [*HEAD, "[[gain_creators]]", 'id = "gc1"', 'text = "a"', 'strategy = "beleving"'],
        "gain_creators[1] (gc1).strategy",
        6,
        ["did you mean 'experience'?", "use 'performance', 'customisation' or 'experience'"],
    ),
    "strategy-maatwerk": (
        [*HEAD, "[[pain_relievers]]", 'id = "pr1"', 'text = "a"', 'strategy = "maatwerk"'],
        "pain_relievers[1] (pr1).strategy",
        6,
        ["did you mean 'customisation'?"],
    ),
    "strategy-performantie": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'strategy = "performantie"'],
        "products[1] (ps1).strategy",
        6,
        ["did you mean 'performance'?"],
    ),
    "strategy-on-a-job-is-unknown": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'strategy = "experience"'],
        "jobs[1] (j1)",
        6,
        ["unknown key 'strategy'"],
    ),
    "warranty-dutch": (
        [
            *HEAD,
            "[[products]]",
            'id = "ps1"',
            'text = "a"',
            'warranty = ["capacity", "veiligheid"]',
        ],
        "products[1] (ps1).warranty[2]",
        6,
        ["'veiligheid' is not a valid warranty aspect", "did you mean 'security'?"],
    ),
    "warranty-dutch-others": (
        [
            *HEAD,
            "[[products]]",
            'id = "ps1"',
            'text = "a"',
            'warranty = ["beschikbaarheid", "capaciteit", "continuïteit"]',
        ],
        "products[1] (ps1).warranty[1]",
        6,
        ["did you mean 'availability'?", "did you mean 'capacity'?", "did you mean 'continuity'?"],
    ),
    "warranty-not-a-list": (
        [*HEAD, "[[gain_creators]]", 'id = "gc1"', 'text = "a"', 'warranty = "capacity"'],
        "gain_creators[1] (gc1).warranty",
        6,
        ["is not a list", '["…", "…"]'],
    ),
    "warranty-twice": (
        [
            *HEAD,
            "[[pain_relievers]]",
            'id = "pr1"',
            'text = "a"',
            'warranty = ["capacity", "capacity"]',
        ],
        "pain_relievers[1] (pr1).warranty",
        6,
        ["lists 'capacity' twice", "list each aspect once"],
    ),
    "evidence-typo": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'evidence = "intervew"'],
        "jobs[1] (j1).evidence",
        6,
        ["'intervew' is not a valid evidence", "did you mean 'interview'?"],
    ),
    "evidence-enquete": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "a"', 'evidence = "enquête"'],
        "gains[1] (g1).evidence",
        6,
        ["did you mean 'survey'?", "'assumption', 'observation', 'interview', 'survey'"],
    ),
    "evidence-observatie": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'evidence = "observatie"'],
        "pains[1] (p1).evidence",
        6,
        ["did you mean 'observation'?"],
    ),
    "evidence-aanname-on-a-step": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'evidence = "aanname"'],
        "journey.steps[1] (s1).evidence",
        6,
        ["did you mean 'assumption'?"],
    ),
    "evidence-on-a-product-is-unknown": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'evidence = "survey"'],
        "products[1] (ps1)",
        6,
        ["unknown key 'evidence'"],
    ),
    "source-not-text": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', "source = 120"],
        "jobs[1] (j1).source",
        6,
        ["120 is not text", "put it in quotes"],
    ),
    "source-control-character": (
        [*HEAD, "[[pains]]", 'id = "p1"', 'text = "a"', 'source = "x\\u001b[2J"'],
        "pains[1] (p1).source",
        6,
        ["control character U+001B"],
    ),
    "key-bron": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'bron = "x"'],
        "jobs[1] (j1)",
        6,
        ["unknown key 'bron' — did you mean 'source'?"],
    ),
    "key-garantie": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'garantie = ["capacity"]'],
        "products[1] (ps1)",
        6,
        ["unknown key 'garantie' — did you mean 'warranty'?"],
    ),
    "key-strategie": (
        [*HEAD, "[[products]]", 'id = "ps1"', 'text = "a"', 'strategie = "experience"'],
        "products[1] (ps1)",
        6,
        ["unknown key 'strategie' — did you mean 'strategy'?"],
    ),
    "key-waarde": (
        [*HEAD, "[[gains]]", 'id = "g1"', 'text = "a"', 'waarde = "economic"'],
        "gains[1] (g1)",
        6,
        ["unknown key 'waarde' — did you mean 'value'?"],
    ),
    "key-evidense": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'evidense = "survey"'],
        "journey.steps[1] (s1)",
        6,
        ["unknown key 'evidense' — did you mean 'evidence'?"],
    ),
    "persona-missing": (
        [
            *HEAD,
            "[[journey.steps]]",
            'id = "s1"',
            'text = "a"',
            'persona = "pe9"',
            "[[personas]]",
            'id = "pe1"',
            'name = "N"',
        ],
        "journey.steps[1] (s1).persona",
        6,
        ["persona 'pe9' does not exist", "known personas: pe1", "correct the id"],
    ),
    "persona-missing-none-known": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'persona = "pe1"'],
        "journey.steps[1] (s1).persona",
        6,
        ["there are no personas", "remove the persona key"],
    ),
    "persona-names-a-job": (
        [
            *HEAD,
            "[[jobs]]",
            'id = "j1"',
            'text = "job"',
            "[[journey.steps]]",
            'id = "s1"',
            'text = "a"',
            'persona = "j1"',
        ],
        "journey.steps[1] (s1).persona",
        9,
        ["persona 'j1' is a job, not a persona"],
    ),
    "persona-bad-id": (
        [*HEAD, "[[journey.steps]]", 'id = "s1"', 'text = "a"', 'persona = "pe 1"'],
        "journey.steps[1] (s1).persona",
        6,
        ["'pe 1' is not a valid id"],
    ),
    "persona-on-a-job-is-unknown": (
        [*HEAD, "[[jobs]]", 'id = "j1"', 'text = "a"', 'persona = "pe1"'],
        "jobs[1] (j1)",
        6,
        ["unknown key 'persona'"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_refused_lens_key(
    case: str, write_file: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    lines, place, line, fragments = CASES[case]
    path = write_file(toml(*lines))
    refused(path, run_cli, *fragments, place=place, line=line)


def lens_example() -> str:
    """The second TOML block of file-format.md: the optional keys."""
    text = SPEC.read_text(encoding="utf-8")
    section = text.split("## Optional keys", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_spec_example_of_the_optional_keys_loads_and_writes_in_its_order() -> None:
    example = toml(*HEAD) + "\n" + lens_example()
    canvas = canvas_from_text(example, "example.toml")
    assert canvas.pains[0].evidence == "observation"
    assert canvas.pain_relievers[0].warranty == ("availability", "capacity")
    written = storage.dumps(canvas)
    assert keys_and_headers(written)[3:] == keys_and_headers(example)[2:]  # market written
    assert tomllib.loads(written)["pains"] == tomllib.loads(example)["pains"]


def test_lens_keys_come_after_own_fields_and_links_in_table_order_notes_last() -> None:
    canvas = Canvas(
        title="T",
        jobs=(Job(id="j1", text="a", notes="n", source="s", evidence="survey", value="economic"),),
        products=(
            Product(
                id="ps1",
                text="x",
                jobs=("j1",),
                notes="n",
                warranty=("capacity",),
                strategy="experience",
                value="symbolic",
            ),
        ),
        journey=Journey(
            steps=(
                Step(
                    id="s1",
                    text="t",
                    phase="use",
                    pains=(),
                    persona="pe1",
                    source="log",
                    evidence="analytics",
                    notes="n",
                ),
            )
        ),
        personas=(Persona(id="pe1", name="N"),),
    )
    keys = keys_and_headers(storage.dumps(canvas))
    job = keys[keys.index("[[jobs]]") + 1 : keys.index("[[products]]")]
    product = keys[keys.index("[[products]]") + 1 : keys.index("[journey]")]
    step = keys[keys.index("[[journey.steps]]") + 1 : keys.index("[[personas]]")]
    assert job == ["id", "text", "kind", "importance", "value", "evidence", "source", "notes"]
    assert product == [
        *("id", "text", "kind", "relevance", "jobs"),
        *("value", "strategy", "warranty", "notes"),
    ]
    assert step == [
        *("id", "phase", "text", "emotion"),
        *("evidence", "source", "persona", "notes"),
    ]


def test_the_list_table_names_the_lens_keys_of_each_list() -> None:
    for name in ("jobs", "pains", "gains"):
        assert LISTS[name].lens_keys == ("value", "evidence", "source")
    for name in ("products", "pain_relievers", "gain_creators"):
        assert LISTS[name].lens_keys == ("value", "strategy", "warranty")
    assert LISTS["steps"].lens_keys == ("evidence", "source", "persona")
    assert LISTS["personas"].lens_keys == ()
    for spec in LISTS.values():
        assert set(spec.lens_keys) <= set(spec.model.model_fields)


def test_assumption_is_the_default_and_is_not_written(write_file: Callable[..., Path]) -> None:
    path = write_file(
        toml(
            *HEAD,
            "[[gains]]",
            'id = "g1"',
            'text = "a"',
            'evidence = "assumption"',
            "[[journey.steps]]",
            'id = "s1"',
            'text = "b"',
        )
    )
    canvas = storage.load(path).canvas
    assert canvas.gains[0].evidence == "assumption"
    assert canvas.journey.steps[0].evidence == "assumption"
    written = storage.dumps(canvas)
    assert "evidence" not in written
    assert canvas_from_text(written, "again.toml") == canvas
    assert "evidence" not in storage.dumps(Canvas(title="T", jobs=(Job(id="j1", text="a"),)))
    told = Canvas(title="T", jobs=(Job(id="j1", text="a", evidence="interview"),))
    assert 'evidence = "interview"' in storage.dumps(told)


def test_a_file_with_every_lens_key_round_trips_byte_for_byte(
    write_file: Callable[..., Path],
) -> None:
    canvas = Canvas(
        title="T",
        jobs=(Job(id="j1", text="a", value="functional", evidence="interview", source="i/l.md"),),
        pains=(Pain(id="p1", text="b", value="economic", evidence="observation"),),
        gains=(Gain(id="g1", text="c", value="symbolic", source="guess"),),
        pain_relievers=(
            PainReliever(id="pr1", text="d", pains=("p1",), warranty=("security", "capacity")),
        ),
        journey=Journey(steps=(Step(id="s1", text="e", phase="use", persona="pe1"),)),
        personas=(Persona(id="pe1", name="N"),),
    )
    text = storage.dumps(canvas)
    assert 'warranty = [\n    "security",\n    "capacity",\n]' in text  # as given, one a line
    path = write_file(text)
    loaded = storage.load(path).canvas
    assert loaded == canvas
    assert storage.dumps(loaded) == text


# ================================================================ edits


def _with_personas() -> Canvas:
    return Canvas(
        title="T",
        journey=Journey(
            steps=(
                Step(id="s1", text="a", phase="use", persona="pe1"),
                Step(id="s2", text="b", phase="use", persona="pe2"),
                Step(id="s3", text="c", phase="use", persona="pe1"),
            )
        ),
        personas=(Persona(id="pe1", name="A"), Persona(id="pe2", name="B")),
    )


def test_deleting_a_persona_clears_it_on_its_steps() -> None:
    after = E.delete_item(_with_personas(), "pe1")
    assert [s.persona for s in after.journey.steps] == ["", "pe2", ""]
    assert "persona" not in storage.dumps(after).split("[[journey.steps]]")[1]
    assert canvas_from_text(storage.dumps(after), "x.toml") == after


def test_a_step_persona_must_name_a_persona() -> None:
    canvas = _with_personas()
    assert E.update_item(canvas, "s1", {"persona": "pe2"}).journey.steps[0].persona == "pe2"
    assert E.update_item(canvas, "s1", {"persona": ""}).journey.steps[0].persona == ""
    with pytest.raises(EditError, match="'pe9' is not one of the personas"):
        E.update_item(canvas, "s1", {"persona": "pe9"})
    with pytest.raises(EditError, match="'s2' is not one of the personas"):
        E.update_item(canvas, "s1", {"persona": "s2"})


def test_edits_of_lens_keys_are_checked_with_did_you_mean() -> None:
    canvas = Canvas(title="T", products=(Product(id="ps1", text="a"),))
    changed = E.update_item(canvas, "ps1", {"strategy": "experience", "warranty": ("capacity",)})
    assert changed.products[0].strategy == "experience"
    with pytest.raises(EditError, match="did you mean 'customisation'"):
        E.update_item(canvas, "ps1", {"strategy": "maatwerk"})
    with pytest.raises(EditError, match="did you mean 'security'"):
        E.update_item(canvas, "ps1", {"warranty": ("veiligheid",)})
