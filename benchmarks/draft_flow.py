"""Drafting a canvas from nothing at 80×24, as a fast typist does, in a real pty.

    python benchmarks/draft_flow.py before|after [--gap 0.04]

25 items (6 jobs, 6 pains, 5 gains, 3 products, 3 relievers, 2 creators), a journey of
five steps (one per default phase) and two personas, then ctrl+s. `before` presses the
keys the app needed before issue 16 (the add prompt closed after each item; a step's
phase set through its form); `after` the keys it needs now (the prompt stays open; `>`
moves a step to the next phase). Keys are written `--gap` seconds apart; prints the key
count, the wall time from the first key to "Saved" on screen, and how many of the
expected texts and phases the saved file holds exactly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import contextlib

from process_helpers import PtyApp

LISTS = {
    "1": ("jobs", [f"job {n} keep the car clean for visit {n}" for n in range(1, 7)]),
    "2": ("pains", [f"pain {n} queue at the wash on day {n}" for n in range(1, 7)]),
    "3": ("gains", [f"gain {n} done while at work {n}" for n in range(1, 6)]),
    "4": ("products", [f"product {n} wash subscription {n}" for n in range(1, 4)]),
    "5": ("pain_relievers", [f"reliever {n} book a slot {n}" for n in range(1, 4)]),
    "6": ("gain_creators", [f"creator {n} car washed at the office {n}" for n in range(1, 3)]),
}
STEPS = [f"step {n} sees an ad {n}" for n in range(1, 6)]
PERSONAS = ["Sanne 34 account manager", "Ahmed 51 fleet buyer"]
ENTER, CTRL_S, TAB = b"\r", b"\x13", b"\t"
DOWN = b"\x1b[B"


def chars(text: str) -> list[bytes]:
    return [bytes([c]) for c in text.encode()]


def before_keys() -> list[bytes]:
    keys: list[bytes] = []
    for pane, (_, texts) in LISTS.items():
        keys.append(pane.encode())
        for text in texts:
            keys += [b"a", *chars(text), ENTER]
    keys.append(b"7")
    for n, text in enumerate(STEPS):
        keys += [b"a", *chars(text), ENTER]
        if n:  # the form: tab to phase, open, one down, choose, apply and save
            keys += [b"e", TAB, DOWN, DOWN, ENTER, CTRL_S]
    keys.append(b"8")
    for name in PERSONAS:
        keys += [b"a", *chars(name), ENTER]
    return [*keys, CTRL_S]


def after_keys() -> list[bytes]:
    keys: list[bytes] = []
    for pane, (_, texts) in LISTS.items():
        keys += [pane.encode(), b"a"]
        for text in texts:
            keys += [*chars(text), ENTER]
        keys.append(ENTER)
    keys += [b"7", b"a"]
    for text in STEPS:
        keys += [*chars(text), ENTER]
    keys.append(ENTER)
    for moves in (4, 3, 2, 1):  # the cursor is on the last step: move it, then go up
        keys += [b">"] * moves + [b"k"]
    keys += [b"8", b"a"]
    for name in PERSONAS:
        keys += [*chars(name), ENTER]
    return [*keys, ENTER, CTRL_S]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("flow", choices=("before", "after"))
    parser.add_argument("--gap", type=float, default=0.04)
    args = parser.parse_args()
    keys = before_keys() if args.flow == "before" else after_keys()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.toml"
        app = PtyApp(path, (80, 24))
        try:
            app.wait_for(b"draft.toml")
            time.sleep(0.5)
            start = time.monotonic()
            app.type(keys, args.gap)
            with contextlib.suppress(AssertionError):
                app.wait_for(b"Saved", timeout=60)
            wall = time.monotonic() - start
            app.type([b"\x11"], 0)
            time.sleep(1)
        finally:
            app.close()
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    expected = sum(len(t) for _, t in LISTS.values()) + len(STEPS) + len(PERSONAS)
    right = sum(
        [i.get("text") for i in data.get(name, [])] == texts for name, texts in LISTS.values()
    )
    whole = sum(
        len(texts)
        for name, texts in LISTS.values()
        if name in data and [i.get("text") for i in data[name]] == texts
    )
    steps = data.get("journey", {}).get("steps", [])
    step_ok = [s.get("text") for s in steps] == STEPS and [s.get("phase") for s in steps] == [
        "awareness",
        "consideration",
        "purchase",
        "use",
        "loyalty",
    ]
    personas_ok = [p.get("name") for p in data.get("personas", [])] == PERSONAS
    print(
        json.dumps(
            {
                "flow": args.flow,
                "keys": len(keys),
                "gap_ms": args.gap * 1000,
                "wall_s": round(wall, 2),
                "expected_items": expected,
                "lists_exactly_right": f"{right}/{len(LISTS)}",
                "items_in_right_lists": whole,
                "journey_right": step_ok,
                "personas_right": personas_ok,
                "saved_counts": {k: len(v) for k, v in data.items() if isinstance(v, list)},
                "steps": [(s.get("text"), s.get("phase")) for s in steps],
            }
        )
    )


if __name__ == "__main__":
    os.environ.setdefault("TERM", "xterm-256color")
    main()
