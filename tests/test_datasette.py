"""The SQLite database as Datasette and sqlite-utils see it, checked with
sqlite-utils itself (its library and its command): the full-text index is
detected on ``blocks``, the views answer the common questions, and source
files carry the label column (``name``) Datasette shows for their ids."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlite_utils


def _path(engine) -> str:
    return engine.url.database


def test_full_text_index_is_detected_and_searchable(corpus_sqlite):
    db = sqlite_utils.Database(_path(corpus_sqlite))
    assert db["blocks"].detect_fts() == "blocks_fts"
    found = list(db["blocks"].search("alcohol"))
    assert found and all("alcohol" in r["text"].lower() for r in found)

    command = Path(sys.executable).with_name("sqlite-utils")
    out = subprocess.run([str(command), "search", _path(corpus_sqlite), "blocks", "alcohol"],
                         capture_output=True, text=True, check=True).stdout
    assert {r["id"] for r in json.loads(out)} == {r["id"] for r in found}


def test_views_answer_open_actions_and_attendance(corpus_sqlite):
    db = sqlite_utils.Database(_path(corpus_sqlite))
    assert {"open_actions", "attendance_by_person"} <= set(db.view_names())
    open_rows = list(db["open_actions"].rows)
    assert open_rows and {r["last_said"] for r in open_rows} <= {"in_progress", "not_done", None}
    # Every column an officer asks for: owner, body, meeting date, file and page.
    row = next(r for r in open_rows if r["owner"] == "Priya Shah")
    assert row["body"] == "Wexmoor Community Safety Partnership" and row["meeting_date"]
    assert row["file"].endswith((".txt", ".md", ".pdf", ".docx")) and row["page"] >= 1
    attended = [r for r in db["attendance_by_person"].rows if r["person"] == "Priya Shah"]
    assert attended and {r["status"] for r in attended} <= {"present", "apologies", "in_attendance", "substitute",
                                                             "absent"}


def test_source_files_carry_a_label_column(corpus_sqlite):
    db = sqlite_utils.Database(_path(corpus_sqlite))
    # Datasette labels a foreign key by the referenced table's "name" (or "title") column.
    assert "name" in db["source_files"].columns_dict
    names = {r["name"] for r in db["source_files"].rows}
    assert "2022-02-10_csp_minutes.pdf" in names
    assert all("/" not in n for n in names)
    fks = {(fk.column, fk.other_table) for fk in db["blocks"].foreign_keys}
    assert ("source_file_id", "source_files") in fks
