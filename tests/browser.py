"""A real browser for the site's tests and the README's screenshots:
Debian's Chromium, headless, against ``minutes serve`` started on a free
loopback port. Flags as this machine needs them: no sandbox as root, no
GPU, and no background connections (the network is closed)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], timeout: int = 60) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="minutes-chromium-") as profile:
        return subprocess.run([chromium() or "chromium", *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=True)


def screenshot(url: str, out: Path, width: int = 900, height: int = 1500) -> Path:
    _run([f"--window-size={width},{height}", f"--screenshot={out}", url])
    return out


def dom(url: str) -> str:
    """The page's DOM after Chromium loaded it."""
    return _run(["--dump-dom", url]).stdout


@contextmanager
def served(db: str) -> Iterator[str]:
    """``minutes serve --db DB`` on a free port; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    minutes = Path(sys.executable).with_name("minutes")
    proc = subprocess.Popen([str(minutes), "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"minutes serve exited: {proc.stdout.read().decode() if proc.stdout else ''}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
