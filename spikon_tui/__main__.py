"""Lets `python -m spikon_tui` run the same entry point as the `spikon-tui` script."""

from spikon_tui.cli.main import main

raise SystemExit(main())
