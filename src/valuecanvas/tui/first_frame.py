"""The canvas screen's first frame: drawn once, after Textual's start-up batch.

A part of `MainScreen` (see `screen_parts`): two of Textual's screen hooks, changed
only until the first frame is drawn, so start-up styles and draws the screen once.
"""

from __future__ import annotations

from textual import events

from valuecanvas.tui.screen_parts import ScreenPart


class FirstFrame(ScreenPart):
    """No second styling on the first resume, no frame inside the start-up batch."""

    _resumed = False  # see _on_screen_resume
    _drawn = False  # see _compositor_refresh

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume (the push at start-up) restyles nothing: all was just styled.

        Textual's own handler runs after this one (handlers run along the class
        hierarchy) and restyles the whole screen when `refresh_styles` is set — at
        start-up that repeated the styling the mount had just done (≈ 20 ms at 45 items).
        Textual clears the flag itself when a screen on top of an opaque one is popped.
        """
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        """Textual's frame, except inside the start-up batch: there it is drawn and dropped.

        At start-up Textual lays the screen out inside its start-up batch and then
        renders a whole frame that `App._display` drops (≈ 30 ms at 45 items, 70 at
        5,000). Marked for a repaint instead: the update timer draws it once the batch
        has ended (`Screen._on_timer_update` waits for that). Only before the first
        frame: later batches (a view switch) keep Textual's own behaviour.
        """
        if self.app._batch_count and not self._drawn:
            self.refresh()
            return
        self._drawn = True
        super()._compositor_refresh()
