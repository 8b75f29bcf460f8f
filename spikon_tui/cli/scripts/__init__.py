"""Commands for scripts and one-line SSH use: `books list|export|import`, `call`, `balance`.

Each prints what it did (or `--json`) on standard output, words any failure on standard
error and ends with an `ExitCode`; a progress bar goes to standard error only when that
is a terminal. docs/cli.md is their contract.
"""
