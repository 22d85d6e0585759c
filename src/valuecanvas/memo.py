"""Results of pure functions of immutable values, remembered by the values' identity.

A canvas never changes in place: an edit builds a new canvas that shares every list
it did not touch, and undo hands back the very objects of an earlier canvas. So a
result computed from some lists (fit, lens, the ids in use) is still right for the
same list objects later — keying on `id()` is enough, and cheaper than hashing or
comparing thousands of items. The cache holds the arguments themselves, so an id is
never reused by a new object while its entry lives; it is small and least recently
used entries go first.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def by_identity(size: int = 32) -> Callable[[F], F]:
    """Remember the last `size` results of a function called with immutable positional
    arguments (tuples of frozen models, frozensets, strings), keyed by their identity."""

    def wrap(fn: F) -> F:
        cache: OrderedDict[tuple[int, ...], tuple[tuple[Any, ...], Any]] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def call(*args: Any) -> Any:
            key = tuple(map(id, args))
            with lock:
                hit = cache.get(key)
                if hit is not None:
                    cache.move_to_end(key)
                    return hit[1]
            result = fn(*args)
            with lock:
                cache[key] = (args, result)
                if len(cache) > size:
                    cache.popitem(last=False)
            return result

        call.cache_clear = cache.clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap
