"""The extraction report: per file, the documents found and how many of each
fact each holds, with minutes flagged where a field came up empty, so that
after a batch of a thousand files an officer sees where to look."""
from __future__ import annotations

from sqlalchemy import Engine, Table, func, select

from minutes.models.schema import (actions, attendance, decisions, documents, extraction_warnings, funding, items,
                                   source_files)
from minutes.models.sql import Row, all_rows

COUNTED: dict[str, Table] = {"items": items, "actions": actions, "decisions": decisions, "funding": funding}
# Minutes record who came, what was taken and what was decided: one of these
# empty is almost always a miss. Actions and apologies may truly be none.
EXPECTED_IN_MINUTES = ("attendees", "items", "decisions")


def _counts(engine: Engine) -> dict[int, dict[str, int]]:
    """Per document: attendees, apologies and each fact table's rows."""
    out: dict[int, dict[str, int]] = {}
    for name, table in COUNTED.items():
        query = select(table.c.document_id, func.count().label("count")).group_by(table.c.document_id)
        for row in all_rows(engine, query):
            out.setdefault(row["document_id"], {})[name] = row["count"]
    query = select(attendance.c.document_id, attendance.c.status, func.count().label("count")) \
        .group_by(attendance.c.document_id, attendance.c.status)
    for row in all_rows(engine, query):
        key = "apologies" if row["status"] == "apologies" else "attendees"
        counts = out.setdefault(row["document_id"], {})
        counts[key] = counts.get(key, 0) + row["count"]
    return out


def extraction_report(engine: Engine, flagged_only: bool = False) -> list[Row]:
    """One row per document (and one per failed file), in file order: its
    counts, the warnings its file raised, and ``empty``: the fields a minutes
    document should have and has not."""
    counts = _counts(engine)
    per_file = select(extraction_warnings.c.source_file_id, func.count().label("count")) \
        .group_by(extraction_warnings.c.source_file_id)
    warnings = {r["source_file_id"]: r["count"] for r in all_rows(engine, per_file)}
    query = select(source_files.c.id.label("file_id"), source_files.c.path.label("file"), source_files.c.status,
                   source_files.c.error_reason, source_files.c.error_detail, documents.c.id.label("document"),
                   documents.c.kind, documents.c.title, documents.c.meeting_date) \
        .outerjoin(documents, documents.c.source_file_id == source_files.c.id) \
        .order_by(source_files.c.path, documents.c.position)
    out: list[Row] = []
    for row in all_rows(engine, query):
        got = counts.get(row["document"], {}) if row["document"] is not None else {}
        facts = {name: got.get(name, 0) for name in ("attendees", "apologies", *COUNTED)}
        if row["status"] != "ok":
            empty = f"failed: {row['error_reason']}: {row['error_detail']}"
        elif row["kind"] == "minutes":
            empty = " ".join(name for name in EXPECTED_IN_MINUTES if not facts[name])
        else:
            empty = ""
        if flagged_only and not empty:
            continue
        out.append({"file": row["file"], "document": row["document"], "kind": row["kind"],
                    "meeting_date": row["meeting_date"], **facts,
                    "warnings": warnings.get(row["file_id"], 0), "flag": empty})
    return out
