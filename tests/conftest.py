"""Shared fixtures. Prefect state goes to a temporary PREFECT_HOME, never to ~/.prefect."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="warta-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Tests must never talk to a server someone left configured.
os.environ.pop("PREFECT_API_URL", None)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
GOLD = ROOT / "tests" / "gold" / "seeds"


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session: it takes 14-22 s to start."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def gold_dir() -> Path:
    return GOLD


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that start the Prefect test server are `server` tests (`make test-fast` skips them),
    however they ask for it; tests under tests/faults/ are the fault suite."""
    for item in items:
        if "prefect_harness" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.server)
        if "faults" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.faults)
