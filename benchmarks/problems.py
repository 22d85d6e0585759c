"""Canvas files with many problems, of four kinds, for the `check` scaling figures.

    python benchmarks/problems.py KIND N OUT   # write one file

Kinds (issue 11): `bare` (N `[[jobs]]` without text), `kind` (N bad kinds), `dup`
(N duplicate ids), `link` (N dangling links). Used by benchmarks/run.py and by the
scaling test in tests/test_fuzz.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

KINDS = ("bare", "kind", "dup", "link")


def many_problems(kind: str, n: int) -> str:
    """The TOML text of a canvas with `n` problems of `kind`."""
    out = ['format = "valuecanvas/1"', 'title = "Many problems"', ""]
    for i in range(n):
        if kind == "bare":
            out += ["[[jobs]]", ""]
        elif kind == "kind":
            out += ["[[jobs]]", f'id = "j{i}"', f'text = "job {i}"', 'kind = "sociall"', ""]
        elif kind == "dup":
            out += ["[[jobs]]", 'id = "j1"', f'text = "job {i}"', ""]
        elif kind == "link":
            out += ["[[products]]", f'id = "ps{i}"', f'text = "product {i}"']
            out += [f'jobs = ["j{i}"]', ""]
        else:
            raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return "\n".join(out)


if __name__ == "__main__":
    Path(sys.argv[3]).write_text(many_problems(sys.argv[1], int(sys.argv[2])), encoding="utf-8")
