"""The temporary Prefect server of a `warta run` (warta/lifecycle.py): one per run, seen by every
thread, and the process left as it was found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Prefect's process pool forwards its workers' events from a plain thread, which does not copy
# the context that temporary settings live in: that thread must still find the run's server, or
# it starts a second one of its own.
_PROBE = """
import json, os, threading
from warta.lifecycle import managed_run
from prefect.settings import PREFECT_API_URL, get_current_settings

seen = {}
with managed_run():
    seen["context"] = PREFECT_API_URL.value()
    seen["heartbeat"] = get_current_settings().flows.heartbeat_frequency
    thread = threading.Thread(target=lambda: seen.__setitem__("thread", PREFECT_API_URL.value()))
    thread.start()
    thread.join()
seen["after_env"] = os.environ.get("PREFECT_API_URL")
seen["after_settings"] = get_current_settings().api.url
print(json.dumps(seen))
"""


@pytest.mark.server
def test_every_thread_of_a_run_sees_its_one_server_and_the_environment_is_restored(tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["context"] and seen["context"].startswith("http://127.0.0.1:")
    assert seen["thread"] == seen["context"]
    assert seen["heartbeat"] is None  # the server dies with the run: nobody to tell it is alive
    assert seen["after_env"] is None
    assert seen["after_settings"] is None


def test_no_early_server_where_the_active_profile_names_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from warta import lifecycle

    profiles = tmp_path / "profiles.toml"
    profiles.write_text('active = "kantor"\n[profiles.kantor]\nPREFECT_API_URL = "http://127.0.0.1:4200/api"\n'
                        '[profiles.rumah]\n', encoding="utf-8")
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(profiles))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    assert lifecycle._profile_api_url() == "http://127.0.0.1:4200/api"
    lifecycle.start_server_early()
    assert lifecycle._early == []
    # Another profile chosen for this shell names none: a server is needed.
    monkeypatch.setenv("PREFECT_PROFILE", "rumah")
    assert lifecycle._profile_api_url() is None
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(tmp_path / "missing.toml"))
    assert lifecycle._profile_api_url() is None
