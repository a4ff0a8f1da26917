"""`minutes report`: per file, the documents and their counts, minutes with
an empty field flagged, failed files with their reason."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from minutes.models import connect, ingest_paths
from minutes.models.report import extraction_report
from minutes.pipeline import cli

BARE_MINUTES = """Parish Council

Minutes of the meeting held on 3 March 2011

1. Parks
The play area was discussed.
"""


def test_report_counts_facts_and_flags_minutes_with_empty_fields(db_url: str, shared: Path, tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    seed = shared / "corpus" / "seeds" / "000_49ec45bbd0ad4368.txt"
    (papers / seed.name).write_bytes(seed.read_bytes())
    (papers / "bare.txt").write_text(BARE_MINUTES, encoding="utf-8")
    (papers / "broken.pdf").write_bytes(b"%PDF-1.4 this is no PDF")
    engine = connect(db_url)
    ingest_paths(engine, [papers])
    rows = {Path(r["file"]).name: r for r in extraction_report(engine)}
    seed_row = rows[seed.name]
    assert seed_row["kind"] == "minutes" and seed_row["flag"] == ""
    assert seed_row["attendees"] >= 20 and seed_row["items"] >= 5 and seed_row["actions"] >= 3
    assert rows["bare.txt"]["flag"] == "attendees decisions" and rows["bare.txt"]["items"] == 1
    assert rows["broken.pdf"]["flag"].startswith("failed: corrupt")
    flagged = {Path(r["file"]).name for r in extraction_report(engine, flagged_only=True)}
    assert flagged == {"bare.txt", "broken.pdf"}
    result = CliRunner().invoke(cli, ["report", "--flagged", "--format", "json", "--db", db_url])
    assert result.exit_code == 0
    assert {Path(r["file"]).name for r in json.loads(result.output)} == flagged
