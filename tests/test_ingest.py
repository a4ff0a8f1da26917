"""Ingesting files and folders into a real SQLite file."""
from __future__ import annotations

from dataclasses import replace

import pytest
from minutes.extract.extractor import PIPELINE, Pipeline
from minutes.models import ingest_paths, store_extraction
from minutes.models.schema import (
    actions,
    decisions,
    documents,
    extraction_warnings,
    items,
    source_file_components,
    source_files,
)
from sqlalchemy import func, select, text
from support import sample_extraction

TABLES = ["source_files", "source_file_components", "bodies", "people", "documents", "attendance", "items", "actions",
          "action_owners", "decisions", "funding", "targets", "extraction_warnings"]


def snapshot(engine) -> dict[str, list[int]]:
    """Every row id of every table: a re-ingest that changes nothing keeps them all."""
    tables = source_files.metadata.tables
    with engine.connect() as conn:
        return {t: list(conn.scalars(select(tables[t].c.id).order_by(tables[t].c.id))) for t in TABLES}


def files_by_path(engine) -> dict[str, object]:
    with engine.connect() as conn:
        return {r.path.rsplit("/", 1)[-1]: r for r in conn.execute(select(source_files))}


@pytest.fixture
def docs(tmp_path):
    """A folder of papers (apart from the database file, which sits in tmp_path)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


def test_seeds_are_stored_and_reingest_changes_nothing(engine, shared):
    seeds = shared / "corpus" / "seeds"
    report = ingest_paths(engine, [seeds])
    assert (len(report.stored), report.failed) == (5, [])
    before = snapshot(engine)
    assert len(before["documents"]) >= 5
    assert all(f.status == "ok" and len(f.sha256) == 64 for f in files_by_path(engine).values())

    again = ingest_paths(engine, [seeds])
    assert (len(again.unchanged), again.stored, again.replaced, again.failed) == (5, [], [], [])
    assert snapshot(engine) == before


def test_changed_file_replaces_its_records(engine, docs):
    paper = docs / "board.txt"
    paper.write_text("Riverside Board\n\nMinutes of the meeting held on 4 May 2012.\n", encoding="utf-8")
    (docs / "other.txt").write_text("Hillcrest Forum\n\nNotes of 1 June 2012.\n", encoding="utf-8")
    assert len(ingest_paths(engine, [docs]).stored) == 2
    old = files_by_path(engine)["board.txt"]
    with engine.connect() as conn:
        old_docs = set(conn.scalars(select(documents.c.id).where(documents.c.source_file_id == old.id)))
    assert old_docs

    paper.write_text("Riverside Board\n\nMinutes of the meeting held on 5 July 2012.\n", encoding="utf-8")
    report = ingest_paths(engine, [docs])
    assert (len(report.replaced), len(report.unchanged)) == (1, 1)
    new = files_by_path(engine)["board.txt"]
    assert new.sha256 != old.sha256 and new.id != old.id
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).where(documents.c.source_file_id == old.id)) == 0
        assert not old_docs & set(conn.scalars(select(documents.c.id)))
        assert conn.scalar(select(func.count()).select_from(source_files)) == 2


def test_bad_files_are_recorded_and_the_batch_goes_on(engine, docs):
    (docs / "good.txt").write_text("Parish Council\n\nMinutes of 2 March 2009.\n", encoding="utf-8")
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "garbage.docx").write_bytes(b"PK\x03\x04 a zip archive cut short")
    (docs / "scan.tiff").write_bytes(b"II*\x00")
    (docs / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (docs / "~$good.docx").write_bytes(b"word lock file")
    (docs / ".git").mkdir()
    (docs / ".git" / "notes.txt").write_text("skipped", encoding="utf-8")

    report = ingest_paths(engine, [docs])
    assert [p.rsplit("/", 1)[-1] for p in report.stored] == ["good.txt"]
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in report.failed}
    assert reasons == {"empty.pdf": "empty", "garbage.docx": "corrupt", "scan.tiff": "unsupported"}
    stored = files_by_path(engine)
    assert set(stored) == {"good.txt", "empty.pdf", "garbage.docx", "scan.tiff"}
    assert stored["scan.tiff"].status == "failed" and stored["scan.tiff"].error_detail
    # A failed file is tried again next time (the parsers may have learnt to read it).
    assert len(ingest_paths(engine, [docs]).failed) == 3


def test_a_crash_outside_the_components_is_a_failure_not_an_abort(engine, docs, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text(f"Board\n\nPaper {name}\n", encoding="utf-8")

    def crash(path, pipeline, ocr):
        if str(path).endswith("a.txt"):
            raise ValueError("extractor bug")
        return real(path, pipeline, ocr)

    from minutes.models import store
    real = store.extract_file
    monkeypatch.setattr(store, "extract_file", crash)
    report = ingest_paths(engine, [docs])
    assert [(f.reason, f.detail) for f in report.failed] == [("error", "ValueError: extractor bug")]
    assert len(report.stored) == 1


def fail_inserts_into(engine, table: str, when: str = "1") -> None:
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} WHEN {when} "
                          "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"))


def test_a_file_is_stored_all_or_nothing(engine, tmp_path):
    # Funding is written after the file, document, items, people and actions:
    # refusing it must take all of those back.
    fail_inserts_into(engine, "funding")
    with pytest.raises(Exception, match="refused by test"):
        store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    assert all(ids == [] for ids in snapshot(engine).values())


def test_a_refused_write_fails_that_file_only(engine, docs):
    for name in ("1-first.txt", "2-refused.txt", "3-last.txt"):
        (docs / name).write_text(f"Harbour Board\n\n{name} minutes\n", encoding="utf-8")
    # The file's row is written by then, in the same transaction.
    fail_inserts_into(engine, "documents",
                      "NEW.source_file_id IN (SELECT id FROM source_files WHERE path LIKE '%/2-refused.txt')")
    report = ingest_paths(engine, [docs])
    assert [(f.path.rsplit("/", 1)[-1], f.reason) for f in report.failed] == [("2-refused.txt", "store_error")]
    stored = files_by_path(engine)
    assert [stored[n].status for n in sorted(stored)] == ["ok", "failed", "ok"]
    with engine.connect() as conn:
        with_docs = set(conn.scalars(select(documents.c.source_file_id)))
    assert with_docs == {stored["1-first.txt"].id, stored["3-last.txt"].id}


def test_every_wild_file_is_stored_or_failed_with_a_reason(engine, shared):
    """Real papers of other bodies, some broken: the batch completes, each file
    ends stored or recorded as failed with its reason, and a second run changes nothing."""
    wild = [p for p in sorted((shared / "corpus" / "wild").iterdir()) if p.suffix.lower() != ".tsv"]
    report = ingest_paths(engine, wild)
    assert len(report.stored) + len(report.failed) == len(wild)
    with engine.connect() as conn:
        rows = conn.execute(select(source_files.c.path, source_files.c.status, source_files.c.error_reason)).all()
    assert len(rows) == len(wild)
    failed = {path.rsplit("/", 1)[-1]: reason for path, status, reason in rows if status == "failed"}
    assert all(failed.values())
    assert {reason for reason in failed.values()} <= {"unsupported", "no_text", "corrupt", "encrypted", "empty"}
    assert sum(1 for _, status, _ in rows if status == "ok") >= 18  # every file with a readable text layer
    again = ingest_paths(engine, [p for p in wild if p.name not in failed])
    assert len(again.unchanged) == len(wild) - len(failed) and not again.stored and not again.replaced


def _bumped(name: str) -> Pipeline:
    return Pipeline(replace(c, version=c.version + 1) if c.name == name else c for c in PIPELINE.components)


def test_a_changed_component_version_re_extracts_a_stored_file(engine, docs):
    paper = docs / "board.txt"
    paper.write_text("Riverside Board\n\nMinutes of 4 May 2012.\n\nAction: Clerk to write to the council.\n",
                     encoding="utf-8")
    (docs / "other.txt").write_text("Hillcrest Forum\n\nNotes of 1 June 2012.\n", encoding="utf-8")
    assert len(ingest_paths(engine, [docs]).stored) == 2
    assert len(ingest_paths(engine, [docs]).unchanged) == 2  # same content, same components
    old = files_by_path(engine)["board.txt"]

    bumped = _bumped("actions")
    report = ingest_paths(engine, [docs], pipeline=bumped)
    assert [(r.path.rsplit("/", 1)[-1], r.changes) for r in sorted(report.reextracted, key=lambda r: r.path)] == [
        ("board.txt", ["actions@1->2"]), ("other.txt", ["actions@1->2"])]
    assert (report.stored, report.replaced, report.unchanged, report.failed) == ([], [], [], [])
    new = files_by_path(engine)["board.txt"]
    assert new.sha256 == old.sha256 and new.id != old.id  # the file as it was, its facts extracted afresh
    with engine.connect() as conn:
        versions = dict(conn.execute(select(source_file_components.c.name, source_file_components.c.version)
                                     .where(source_file_components.c.source_file_id == new.id)).all())
        assert versions == bumped.versions() and versions["actions"] == PIPELINE.versions()["actions"] + 1
        assert conn.scalar(select(func.count()).select_from(actions)
                           .where(actions.c.source_file_id == new.id)) == 1
    again = ingest_paths(engine, [docs], pipeline=bumped)
    assert (len(again.unchanged), again.reextracted) == (2, [])


def test_a_failing_component_is_a_warning_and_the_file_keeps_its_other_facts(engine, shared):
    paper = shared / "corpus" / "seeds" / "000_49ec45bbd0ad4368.txt"

    def boom(doc, context):
        raise KeyError("status")
    broken = Pipeline(replace(c, run=boom) if c.name == "decisions" else c for c in PIPELINE.components)
    report = ingest_paths(engine, [paper], pipeline=broken)
    assert report.failed == [] and len(report.stored) == 1
    assert [str(w.warning) for w in report.warnings] == ["decisions@1: KeyError: 'status'"]
    with engine.connect() as conn:
        rows = conn.execute(select(extraction_warnings.c.component, extraction_warnings.c.version,
                                   extraction_warnings.c.error, extraction_warnings.c.message,
                                   extraction_warnings.c.document_id)).all()
        counts = {t.name: conn.scalar(select(func.count()).select_from(t)) for t in (decisions, actions, items)}
    assert [tuple(r)[:4] for r in rows] == [("decisions", 1, "KeyError", "'status'")]
    assert counts["decisions"] == 0 and counts["actions"] >= 10 and counts["items"] >= 5
    # Fixed (a new version of decisions): the next ingest re-extracts the file, and the warning goes.
    report = ingest_paths(engine, [paper], pipeline=_bumped("decisions"))
    assert len(report.reextracted) == 1 and report.warnings == []
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(extraction_warnings)) == 0
        assert conn.scalar(select(func.count()).select_from(decisions)) > 0


def test_a_file_that_cannot_be_cut_into_documents_fails_naming_segment(engine, docs, monkeypatch):
    (docs / "a.txt").write_text("Board\n\nMinutes of 1 May 2010\n", encoding="utf-8")

    def broken(parsed):
        raise RuntimeError("no blocks")
    from minutes.extract import extractor
    monkeypatch.setattr(extractor, "segment", broken)
    report = ingest_paths(engine, [docs])
    assert [(f.reason, f.detail) for f in report.failed] == [
        ("error", f"segment@{extractor.SEGMENT_VERSION}: RuntimeError: no blocks")]


def test_a_new_parser_version_re_reads_stored_files(engine, docs, monkeypatch):
    """Parsers improve too: their version is stored with each file."""
    (docs / "board.txt").write_text("Riverside Board\n\nMinutes of 4 May 2012.\n", encoding="utf-8")
    assert len(ingest_paths(engine, [docs]).stored) == 1
    from minutes.extract import extractor
    monkeypatch.setattr(extractor, "PARSER_VERSION", extractor.PARSER_VERSION + 1)
    report = ingest_paths(engine, [docs])
    assert [r.changes for r in report.reextracted] == [[f"parse@{extractor.PARSER_VERSION - 1}->"
                                                        f"{extractor.PARSER_VERSION}"]]
