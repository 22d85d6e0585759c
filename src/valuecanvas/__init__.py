"""valuecanvas: the value proposition canvas, its fit and the customer journey, in a terminal."""

__version__ = "0.1.0"
