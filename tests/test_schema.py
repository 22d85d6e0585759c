"""`valuecanvas schema`: generated from the model, every key described, and it agrees
with `check` — as the jsonschema package reads it and as Taplo (the engine of Even
Better TOML) reads it on the TOML files themselves."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from export_helpers import SAMPLES
from valuecanvas.export import schema as schema_module
from valuecanvas.export.schema import UndescribedKeyError, schema

WRONG_KEY = (
    'format = "valuecanvas/1"\ntitle = "Car wash"\n\n[[jobs]]\ntext = "Wash"\nimportanse = "high"\n'
)


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in the schema, with where it is."""
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            yield f"{where}.{key}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{where}[{i}]")


def test_schema_is_draft_2020_12_with_a_description_on_every_key() -> None:
    s = schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(s)
    props = list(_properties(s))
    assert len(props) > 40
    for where, prop in props:
        assert isinstance(prop.get("description"), str) and len(prop["description"]) > 10, where


def test_a_key_without_description_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(schema_module._BY_MODEL, ("Job", "importance"))
    with pytest.raises(UndescribedKeyError, match=r"Job\.importance"):
        schema()


def test_cli_prints_the_schema(run_cli: Any) -> None:
    result = run_cli("schema")
    assert result.code == 0
    assert json.loads(result.out) == schema()


def test_a_fresh_process_prints_the_schema() -> None:
    """In a process that has validated nothing yet (the models build on first use)."""
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "valuecanvas", "schema"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"] == "valuecanvas file"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_is_valid_for_jsonschema(sample: Path) -> None:
    jsonschema.Draft202012Validator(schema()).validate(tomllib.loads(sample.read_text()))


def test_a_wrong_key_fails_jsonschema() -> None:
    with pytest.raises(jsonschema.ValidationError, match="importanse"):
        jsonschema.Draft202012Validator(schema()).validate(tomllib.loads(WRONG_KEY))


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "valuecanvas.schema.json"
    path.write_text(json.dumps(schema(), indent=2))
    return path


def _taplo(schema_file: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    taplo = shutil.which("taplo")
    assert taplo, "taplo is a test dependency (pip install -e '.[test]')"
    return subprocess.run(
        [taplo, "check", "--schema", schema_file.as_uri(), *map(str, files)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_every_sample_is_valid_for_taplo(schema_file: Path) -> None:
    result = _taplo(schema_file, *SAMPLES)
    assert result.returncode == 0, result.stderr


def test_a_wrong_key_fails_taplo(schema_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(WRONG_KEY)
    result = _taplo(schema_file, bad)
    assert result.returncode != 0
    assert "importanse" in result.stderr
