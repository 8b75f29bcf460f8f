"""`python -m spikon_tui.sandbox`: the same command as `spikon-tui sandbox`."""

from spikon_tui.sandbox.command import main

raise SystemExit(main())
