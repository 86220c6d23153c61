"""Shared fixtures. Prefect state goes to a temporary PREFECT_HOME, never to ~/.prefect."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_PREFECT_HOME = tempfile.mkdtemp(prefix="warta-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Tests must never talk to a server someone left configured.
os.environ.pop("PREFECT_API_URL", None)

# The fuzz tests' examples: derandomized, so a red test is a change in the code, not luck. `make test`
# runs 150 of each, `make test-fast` (--hypothesis-profile=fast) 25, `make fuzz` 10,000.
settings.register_profile("suite", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fast", settings.get_profile("suite"), max_examples=25)
settings.load_profile("suite")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
GOLD = ROOT / "tests" / "gold" / "seeds"


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session: it takes 14-22 s to start."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample texts loaded once per session (helpers.warehouse.build_warehouse), for tests that
    read it: take `sample_warehouse_copy` so that no test sees another's writes."""
    from helpers.warehouse import build_warehouse

    db = tmp_path_factory.mktemp("samples") / "w.duckdb"
    build_warehouse(db)
    return db


@pytest.fixture(scope="module")
def sample_warehouse_copy(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A module's own copy of the session's sample warehouse (a file copy: milliseconds)."""
    db = tmp_path_factory.mktemp("copy") / sample_warehouse.name
    shutil.copyfile(sample_warehouse, db)
    return db


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
