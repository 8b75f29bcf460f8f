"""The command line: `spikon-tui` and its subcommands (`main`), starting the app
(`launch`), `login`/`logout` (`login`) and the in-process demo sandbox (`demo`)."""
