"""Headless Chromium for tests that look at pages as a browser renders them.

Debian's `chromium` package is installed on demand when it is missing and we are root (the project's
own test setup: no other way to get a browser without a registry of browser builds). `find_chromium`
returns the binary, or the reason there is none, for a clear `pytest.skip`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep Chromium off the network and away from the user's profile. The host rules make
# every name but 127.0.0.1 unresolvable: pages that link CDNs (GX Data Docs does) render offline.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(["apt-get", *args], capture_output=True, text=True, env=env, timeout=900, check=False)


def find_chromium() -> tuple[Path | None, str]:
    """(binary, "") when Chromium is there or could be installed, else (None, why not)."""
    if CHROMIUM.exists():
        return CHROMIUM, ""
    if shutil.which("apt-get") is None:
        return None, "Chromium is missing and there is no apt-get to install it"
    if os.geteuid() != 0:
        return None, "Chromium is missing and installing it needs root: run `apt-get install -y chromium`"
    result = _apt("install", "-y", "chromium")
    if result.returncode != 0:  # a fresh machine has no package lists yet
        _apt("update")
        result = _apt("install", "-y", "chromium")
    if CHROMIUM.exists():
        return CHROMIUM, ""
    return None, f"`apt-get install -y chromium` failed: {result.stderr.strip()[-400:]}"


def _run(binary: Path, *args: str, timeout: float = 60.0) -> str:
    with tempfile.TemporaryDirectory(prefix="warta-chromium-") as profile:
        result = subprocess.run([str(binary), *FLAGS, f"--user-data-dir={profile}", *args],
                                capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"chromium exited {result.returncode}: {result.stderr[-800:]}")
    return result.stdout


def dump_dom(binary: Path, page: Path) -> str:
    """The DOM of a local page after Chromium loaded it (and ran whatever scripts it has)."""
    return _run(binary, "--dump-dom", page.resolve().as_uri())


def screenshot(binary: Path, page: Path, out: Path, size: tuple[int, int] = (1200, 1600)) -> Path:
    """A PNG of a local page as rendered in a window of `size`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(binary, f"--screenshot={out.resolve()}", f"--window-size={size[0]},{size[1]}", page.resolve().as_uri())
    return out
