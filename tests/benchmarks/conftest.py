"""Collects the figures benchmarks measure and prints them at the end of the run.

Benchmarks compare against a baseline measured in the same process and print the
ratio; they never assert on wall-clock time, since CI machines vary. Every test
here is marked `benchmark`, which the default run leaves out: run them with
`pytest -m benchmark -n 0` (one process, so the figures are printed and nothing
else competes for the cores).
"""

from __future__ import annotations

import pytest

_FIGURES: list[str] = []


@pytest.fixture
def report_figure():
    """Record one line for the benchmark summary printed after the test run."""
    return _FIGURES.append


def pytest_collection_modifyitems(config, items) -> None:
    here = config.rootpath / "tests" / "benchmarks"
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.benchmark)


def pytest_terminal_summary(terminalreporter) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("benchmark figures")
    for line in _FIGURES:
        terminalreporter.write_line(line)
