"""Headless Chromium for tests that look at pages as a browser renders them.

Tests never install it: `make setup-browser` does (Debian's `chromium` package). `find_chromium`
returns the binary, or the reason there is none with the command to run, for a clear `pytest.skip`.
Every page is loaded with the network off, and Chromium's net log records what it tried to fetch.
"""

from __future__ import annotations

import json
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


def find_chromium() -> tuple[Path | None, str]:
    """(binary, "") when Chromium is there, else (None, why not and what to run)."""
    for candidate in (CHROMIUM, *(Path(p) for p in filter(None, (shutil.which("chromium"),
                                                               shutil.which("chromium-browser"))))):
        if candidate.exists():
            return candidate, ""
    return None, "Chromium is not installed: run `make setup-browser` (as root: apt-get install chromium)"


def _run(binary: Path, *args: str, timeout: float = 60.0, requested: list[str] | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="warta-chromium-") as profile:
        net_log = Path(profile) / "net-log.json"
        result = subprocess.run([str(binary), *FLAGS, f"--user-data-dir={profile}", f"--log-net-log={net_log}",
                                 *args], capture_output=True, text=True, timeout=timeout, check=False)
        if requested is not None:
            requested.extend(_requested_urls(net_log))
    if result.returncode != 0:
        raise RuntimeError(f"chromium exited {result.returncode}: {result.stderr[-800:]}")
    return result.stdout


def _requested_urls(net_log: Path) -> list[str]:
    """Every URL a page asked Chromium's network stack for (the page itself, a file:// URL, does
    not go through it). Chromium's own background calls (network time, account and new-tab-page
    checks) carry the initiator "not an origin" and are left out: they are the browser's, not the page's."""
    if not net_log.exists():
        return []
    text = net_log.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
    if not text.endswith("}"):
        text += "]}"  # Chromium may stop before closing the log
    events = json.loads(text).get("events", [])
    urls = {e["params"]["url"] for e in events
            if isinstance(e.get("params"), dict) and "url" in e["params"]
            and e["params"].get("initiator", "not an origin") != "not an origin"}
    return sorted(urls)


def dump_dom(binary: Path, page: Path, requested: list[str] | None = None) -> str:
    """The DOM of a local page after Chromium loaded it (and ran whatever scripts it has);
    `requested` collects the URLs it tried to fetch over the network."""
    return _run(binary, "--dump-dom", page.resolve().as_uri(), requested=requested)


def screenshot(binary: Path, page: Path, out: Path, size: tuple[int, int] = (1200, 1600)) -> Path:
    """A PNG of a local page as rendered in a window of `size`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(binary, f"--screenshot={out.resolve()}", f"--window-size={size[0]},{size[1]}", page.resolve().as_uri())
    return out
