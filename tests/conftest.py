"""Settings for the whole suite: how many pytest-xdist workers `-n auto` starts."""

import os

import pytest

WORKERS_PER_CORE = 2


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """Two workers per core: most tests wait on loopback and the Pilot, not the CPU.

    Measured on 2 cores: one worker per core left the CPUs half idle (186 s wall,
    197 s CPU); two per core ran the same suite in 122 s. PYTEST_XDIST_AUTO_NUM_WORKERS
    still decides when it is set (None hands over to pytest-xdist's own hook).
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return WORKERS_PER_CORE * (cores or 1)
