"""Ingest: files and folders into the database, one transaction per file.

A folder is walked recursively. Hidden files and folders (".name") and Office
lock files ("~$name") are skipped; every other file is considered, and one
in a format no parser reads is recorded as failed ("unsupported") so the user
sees it. Files are known by content (sha256): the same bytes under another
path are the same source, recorded as one more of its locations, not stored
again. Content already stored, extracted by the same components at the same
versions, is left alone (its ids do not change); content whose components
changed since is re-extracted; a path whose content changed holds the new
content, and the old is deleted when no other path holds it; a failure is
recorded and the batch goes on. (The same meeting in two formats is two
sources; ``models.copies`` makes it one meeting.) Failure
reasons are those of ``extract.errors.ParseError`` plus "error" (extraction
raised outside any one component: the file could not be cut into documents)
and "store_error" (the database refused the records). A component that
raises fails nothing: its warning is stored with the file's other facts.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import Engine, select

from minutes.extract.errors import ParseError
from minutes.extract.extractor import PIPELINE, ExtractionWarning, FileExtraction, Pipeline, StageError, extract_file
from minutes.extract.parsers import file_format, sha256_of
from minutes.extract.parsers.ocr import OcrMode
from minutes.models.people import relink
from minutes.models.rows import add_location, put_source, write_extraction
from minutes.models.schema import source_file_components, source_files, source_locations


@dataclass
class Failure:
    path: str
    reason: str
    detail: str


@dataclass
class Warned:
    path: str
    warning: ExtractionWarning


@dataclass
class Reextracted:
    path: str
    changes: list[str]  # "actions@1->2", "funding@1 (new)", "targets@3 (gone)"


@dataclass
class Duplicate:
    path: str
    same_as: str  # the path the same bytes were first stored from


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)  # the same bytes stored already from another path
    replaced: list[str] = field(default_factory=list)
    reextracted: list[Reextracted] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[Warned] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # files with a document whose body cannot be told


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and those under the folders named, in order, once each."""
    out: dict[str, Path] = {}
    for path in map(Path, paths):
        found = sorted(f for f in path.rglob("*") if f.is_file() and not _hidden(f.relative_to(path))) \
            if path.is_dir() else [path]
        out.update((os.path.abspath(f), f) for f in found)
    return list(out.values())


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def ingest_paths(engine: Engine, paths: Iterable[str | Path], progress: Callable[[Path], None] | None = None,
                 pipeline: Pipeline = PIPELINE, ocr: OcrMode = "auto", body: str | None = None) -> IngestReport:
    """Ingest every file under ``paths`` with ``pipeline``'s components;
    ``progress`` is called after each file; ``ocr`` says which PDF pages are
    read by OCR; ``body`` is the body of the documents that name none (kept
    with their content for later runs)."""
    report = IngestReport()
    for path in collect_files(paths):
        _ingest_file(engine, path, report, pipeline, ocr, body)
        if progress:
            progress(path)
    if report.stored or report.duplicates or report.replaced or report.reextracted or report.failed:
        relink(engine)
    return report


def _ingest_file(engine: Engine, path: Path, report: IngestReport, pipeline: Pipeline, ocr: OcrMode,
                 body: str | None) -> None:
    key = os.path.abspath(path)
    try:
        data = Path(key).read_bytes()
    except OSError as e:
        _fail(engine, report, key, None, None, "unreadable", e.strerror or str(e))
        return
    sha256, size = sha256_of(data), len(data)
    with engine.connect() as conn:
        here = conn.execute(select(source_files.c.id, source_files.c.sha256, source_files.c.status)
                            .join(source_locations, source_locations.c.source_file_id == source_files.c.id)
                            .where(source_locations.c.path == key)).first()  # what this path held
        same = conn.execute(select(source_files.c.id, source_files.c.path, source_files.c.status,
                                   source_files.c.body_given)
                            .where(source_files.c.sha256 == sha256)).first()  # this content, wherever found
        changes = None  # extracted afresh: new content, or it failed before
        if same is not None and same.status == "ok":
            versions = conn.execute(select(source_file_components.c.name, source_file_components.c.version)
                                    .where(source_file_components.c.source_file_id == same.id))
            changes = _changes({name: version for name, version in versions}, pipeline.versions())
            if body and body != same.body_given:
                changes.append(f"body: {body}")
    if same is not None and changes == []:
        if here is not None and here.id == same.id:
            report.unchanged.append(key)
        else:  # the same bytes under another path: one source, one more location
            with engine.begin() as conn:
                add_location(conn, same.id, key)
            report.duplicates.append(Duplicate(key, same.path))
        return
    try:
        fx = extract_file(key, pipeline, ocr)
    except ParseError as e:
        _fail(engine, report, key, sha256, size, e.reason, e.detail)
        return
    except StageError as e:
        _fail(engine, report, key, sha256, size, "error", str(e))
        return
    except Exception as e:  # a bug outside the components must not stop a batch of thousands
        _fail(engine, report, key, sha256, size, "error", f"{type(e).__name__}: {e}")
        return
    try:
        store_extraction(engine, fx, size=size, body=body)
    except Exception as e:
        _fail(engine, report, key, sha256, size, "store_error", f"{type(e).__name__}: {e}")
        return
    if changes:
        report.reextracted.append(Reextracted(key, changes))
    elif here is not None and here.status == "ok" and here.sha256 != sha256:
        report.replaced.append(key)
    else:
        report.stored.append(key)
    report.warnings += [Warned(key, w) for w in fx.warnings]
    if not body and any(d.body_name is None for d in fx.documents):
        report.unnamed.append(key)


def _changes(before: dict[str, int], now: dict[str, int]) -> list[str]:
    """What differs between the components a file was extracted by and today's."""
    out = []
    for name in sorted(before.keys() | now.keys()):
        if name not in before:
            out.append(f"{name}@{now[name]} (new)")
        elif name not in now:
            out.append(f"{name}@{before[name]} (gone)")
        elif before[name] != now[name]:
            out.append(f"{name}@{before[name]}->{now[name]}")
    return out


def _fail(engine: Engine, report: IngestReport, path: str, sha256: str | None, size: int | None,
          reason: str, detail: str) -> None:
    """Record the content as failed, in place of whatever was stored for it, at ``path``."""
    with engine.begin() as conn:
        put_source(conn, {"path": path, "sha256": sha256, "format": file_format(Path(path)), "size": size,
                                   "pages": None, "status": "failed", "error_reason": reason,
                                   "error_detail": detail})
    report.failed.append(Failure(path, reason, detail))


def store_extraction(engine: Engine, fx: FileExtraction, size: int | None = None, body: str | None = None) -> int:
    """Store one file's records in one transaction, in place of any earlier
    extraction of the same content, its path recorded as a location (the
    content the path held before is deleted if no other path holds it);
    ``body`` names the body of documents that name none. Returns the source file id."""
    with engine.begin() as conn:
        return write_extraction(conn, fx, size, body)
