"""Screenshots of each page of the site for the README: the shipped corpus
ingested into a temporary SQLite file, served by `minutes serve`, and each
page taken by headless Chromium (tests/browser.py) into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import screenshot, served  # noqa: E402

from minutes.models import queries  # noqa: E402
from minutes.models.db import open_readonly  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    db = Path(tempfile.mkdtemp(prefix="minutes-shots-")) / "minutes.db"
    subprocess.run([str(Path(sys.executable).with_name("minutes")), "ingest", str(ROOT / "corpus" / "papers"),
                    "--db", str(db)], check=True, capture_output=True)
    engine = open_readonly(str(db))
    [meeting] = [m for m in queries.meetings(engine) if m["file"].endswith("2022-02-10_csp_minutes.pdf")]
    [pdf_action] = [a for a in queries.select_actions(engine, owner="Rachel Doyle")
                    if "CCTV coverage" in a["text"] and a["document_id"] == meeting["id"]]
    [text_action] = [a for a in queries.select_actions(engine) if "naloxone" in a["text"] and a["file"].endswith(".md")]
    person = next(p for p in queries.document(engine, meeting["id"])["attendance"] if p["name"] == "Priya Shah")
    pages = {
        "home": ("/", 1000, 1400), "actions": ("/actions?owner=Priya+Shah", 1000, 900),
        "actions-phone": ("/actions?owner=Priya+Shah", 390, 1200), "meeting": (f"/meeting/{meeting['id']}", 1000, 1600),
        "person": (f"/person/{person['person_id']}", 1000, 1100), "search": ("/search?q=naloxone", 1000, 1000),
        "trace": ("/trace?topic=cctv", 1000, 1200), "funding": ("/funding?period=2022/23", 1000, 1200),
        "source-pdf": (f"/source/action/{pdf_action['id']}", 900, 1500),
        "source-text": (f"/source/action/{text_action['id']}", 1000, 1100),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with served(str(db)) as base:
        for name, (url, width, height) in pages.items():
            screenshot(base + url, OUT / f"{name}.png", width, height)
            print(f"{name}: {url}")


if __name__ == "__main__":
    main()
