"""Typing ahead: every key is handled in the order typed, after the last one settled.

Textual routes a key the moment the app reads it: to the widget focused *then*. A
key's effects (bindings run when the key has bubbled back to the app, `focus()`
is a queued callback, a pushed form focuses its first field on mount, an Input's
`Submitted` is a message of its own) land later. So `a` + `x` typed together sent
`x` to the list (as a command), not to the prompt `a` opens; `enter` + `t` typed
`t` into the prompt being closed.

The fix is here, once, for every widget: the app holds the keys (and pastes) it
reads in a queue and hands the next one on only when the previous one has
*settled* — no widget of any screen has a message or callback left to process.
The next key then goes exactly where it would go had the user waited, whatever
opens, closes or moves focus: no per-widget special case that could regress.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

MAX_ROUNDS = 2000
"""Settle checks before a key is handed on anyway (something busy for good, e.g. an
endless animation, must not block the keyboard); each check yields to the loop."""


def _pending(pump: MessagePump, skip_input: bool = False) -> bool:
    """Has this widget (or the app) messages or callbacks it has not processed yet?

    A widget still starting (a form just pushed composes and mounts outside its queue)
    counts as pending too.
    """
    if pump._next_callbacks or not (pump._is_mounted or pump._closing or pump._closed):
        return True
    queue = pump._message_queue
    if queue.empty():
        return False
    if not skip_input:
        return True
    # The app's own queue holds the keys typed meanwhile: those are ours to order.
    waiting = getattr(queue, "values", None)  # Textual's own small Queue keeps a deque
    if waiting is None:
        return True
    return any(
        not isinstance(m, (events.Key, events.Paste)) or m.is_forwarded  # a key bubbling up
        for m in waiting
    )


class KeyOrder:
    """The app's queue of typed keys and pastes; see the module docstring."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.typed: deque[events.Key | events.Paste] = deque()
        self.busy = False  # a key was handed on and has not settled yet
        self._rounds = 0
        self._clean = 0  # settle checks in a row that found nothing pending

    @property
    def idle(self) -> bool:
        """No key waiting and none in flight (tests wait for this)."""
        return not self.typed and not self.busy

    def take(self, event: events.Event) -> bool:
        """Queue a key or paste read from the terminal; False for any other event."""
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            return False
        self.typed.append(event)
        if not self.busy:
            self._hand_on()
        return True

    def _hand_on(self) -> None:
        if not self.typed:
            return
        self.busy = True
        self._rounds = 0
        self._clean = 0
        event = self.typed.popleft()
        self.app.call_later(self._route, event)

    async def _route(self, event: events.Key | events.Paste) -> None:
        try:
            await self.app._route_typed(event)  # type: ignore[attr-defined]
        finally:
            self.app.call_later(self._settle)

    async def _settle(self) -> None:
        await asyncio.sleep(0)  # let every widget's task run
        self._rounds += 1
        self._clean = 0 if self._unsettled() else self._clean + 1
        # Two clean checks a loop turn apart: a task started by the last one (a screen
        # pop, a mount) has run by then and shows up in some queue.
        if self._rounds < MAX_ROUNDS and self._clean < 2:
            self.app.call_later(self._settle)
            return
        self.busy = False
        self._hand_on()

    def _unsettled(self) -> bool:
        app = self.app
        if _pending(app, skip_input=True):
            return True
        for screen in app.screen_stack:
            for widget in screen.walk_children(with_self=True):
                if _pending(widget):
                    return True
        return False
