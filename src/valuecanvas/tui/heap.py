"""The garbage collector around a big canvas: frozen after start-up, collected rarely.

The canvas screen calls `settle_heap` after its first frame and `release_heap` when
it closes (see `settle_heap` for why).
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """After the first frame: keep what start-up built out of the garbage collector's scans.

    A full collection walks every object; with a 5,000-item canvas (and Textual's
    own objects) that is a 100-170 ms pause during start-up and every few keys.
    Frozen objects are not walked: the canvas is frozen before the first frame, the
    rest after it; `release_heap` (the screen's `on_unmount`) unfreezes them, so a closed screen is still collected.
    No `gc.collect()` first: it costs a pause on the way to the first keys, and what
    start-up left as garbage is small.

    Once the heap is frozen, CPython's rule that defers full collections until the
    long-lived objects grew by a quarter no longer holds them back (there are no
    counted long-lived objects), so a full collection ran every ~7,000 allocations:
    20-80 ms on a key. Raised thresholds keep young collections cheap and rare and
    full ones rarer still; a closed screen restores the defaults.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


GC_THRESHOLDS = (50_000, 20, 100)
_GC_DEFAULTS = gc.get_threshold()


def release_heap() -> None:
    """A closed screen: its objects are collected again, with the default thresholds."""
    gc.unfreeze()
    gc.set_threshold(*_GC_DEFAULTS)
