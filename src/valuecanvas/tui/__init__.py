"""The Textual user interface; only imported when a canvas is opened on screen."""
