"""`python -m valuecanvas` runs the same command line as the `valuecanvas` script."""

from valuecanvas.cli import main

raise SystemExit(main())
