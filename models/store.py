"""Ingest: files and folders into the database, one transaction per file.

A folder is walked recursively (``extract.files.walk``): hidden files and
Office lock files are left out, files that are no papers by content (images,
spreadsheets, JSON, data tables) are skipped and counted, and a paper in a
format no parser reads is recorded as failed ("unsupported") so the user
sees it. Worker processes extract (``extract.pool``, or a Dask cluster), each
file within its budget; this process stores each file, in the order given,
in its own write transaction. Files are known by content (sha256): the same bytes under another
path are the same source, recorded as one more of its locations, not stored
again. Content already stored, extracted by the same components at the same
versions, is left alone (its ids do not change); content whose components
changed since is re-extracted; a path whose content changed holds the new
content, and the old is deleted when no other path holds it; a failure is
recorded and the batch goes on. (The same meeting in two formats is two
sources; ``models.copies`` makes it one meeting.) Failure
reasons are those of ``extract.errors.ParseError`` plus "error" (extraction
raised outside any one component: the file could not be cut into documents),
"timeout" and "memory" (past the file's budget), "crashed" (the worker died)
and "store_error" (the database refused the records). A component that
raises fails nothing: its warning is stored with the file's other facts.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Connection, Engine, select

from minutes.extract.budget import DEFAULT, Budget
from minutes.extract.cluster import DaskExtractor
from minutes.extract.extractor import PIPELINE, ExtractionWarning, FileExtraction, Pipeline
from minutes.extract.files import Skipped, not_a_paper, walk
from minutes.extract.paths import exists, real_path, safe_text
from minutes.extract.pool import Job, Outcome, Pool
from minutes.extract.parsers import file_format, sha256_of
from minutes.extract.parsers.ocr import OcrMode
from minutes.models.db import writing
from minutes.models.linking import Scope
from minutes.models.people import relink
from minutes.models.rows import FileRows, add_location, file_rows, put_source, remove_location, write_extraction
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
    failed: list[Failure] = field(default_factory=list)  # papers only: what was skipped is no failure
    skipped: list[Skipped] = field(default_factory=list)  # files that are no papers (images, spreadsheets, ...)
    warnings: list[Warned] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # files with a document whose body cannot be told
    relinked: Scope = field(default_factory=Scope)  # the bodies whose statuses the closing relink recomputed
    interrupted: bool = False  # stopped by Ctrl-C: the files stored before it are kept
    pages: int = 0  # pages of the files extracted
    worker_peak_mb: float = 0.0  # the highest peak resident size of a worker
    slowest: tuple[float, str] = (0.0, "")  # the longest extraction, in seconds, and its file


@dataclass
class Event:
    """One file settled, for a progress display: what happened and what is still in hand."""
    path: str
    status: str  # stored, replaced, re-extracted, unchanged, duplicate, failed, skipped
    pages: int
    done: int  # files settled so far, this one included
    total: int  # files in the batch
    in_hand: list[str]  # files the workers are extracting now
    failure: Failure | None = None


@dataclass
class _File:
    """One paper of the batch, read and hashed, waiting for its turn to be stored."""
    index: int
    path: Path
    key: str
    sha256: str | None = None
    size: int | None = None
    unreadable: str | None = None  # why it could not be read
    extract: bool = False  # sent to a worker
    outcome: Outcome | None = None


def ingest_paths(engine: Engine, paths: Iterable[str | Path], progress: Callable[[Event], None] | None = None,
                 pipeline: Pipeline = PIPELINE, ocr: OcrMode = "auto", body: str | None = None,
                 workers: int | None = None, limits: Budget = DEFAULT, include: Iterable[str] = (),
                 exclude: Iterable[str] = (), dask: str | None = None) -> IngestReport:
    """Ingest every paper under ``paths`` (folders walked, ``include`` and
    ``exclude`` globs applied, files that are no papers skipped) with
    ``pipeline``'s components, ``workers`` processes extracting (default: one
    per core; or the Dask cluster at ``dask``), each file within ``limits``;
    ``progress`` is called as each file is settled; ``ocr`` says which PDF
    pages are read by OCR; ``body`` is the body of the documents that name
    none (kept with their content for later runs). Files are stored in the
    order given, each in its own transaction; Ctrl-C stops the batch, keeps
    what was stored and links it."""
    report = IngestReport()
    files = walk(paths, include, exclude)
    planned: deque[_File] = deque()
    batch: dict[str, int] = {}  # sha256 -> the first file of the batch with those bytes
    settled = [0]

    def plan() -> Iterator[Job]:
        for index, path in enumerate(files):
            f = _read(index, path, report)
            if f is None:
                _tell(progress, report.skipped[-1].path, "skipped", 0, settled, len(files), extractor)
                continue
            # Extracted unless stored already as it is, or once in this batch (its outcome will be this one's).
            f.extract = f.unreadable is None and f.sha256 not in batch and _needs_extraction(engine, f, pipeline, body)
            if f.sha256 is not None:
                batch.setdefault(f.sha256, index)
            planned.append(f)
            if f.extract:
                yield Job(index, os.fsdecode(path))

    # Failures by file, for a later copy of the same bytes in the batch (a copy of a file
    # stored finds it stored); what was stored is not held, or the batch's memory would grow with it.
    failures: dict[int, Outcome] = {}

    def settle(f: _File) -> None:
        status, failure = _settle(engine, f, report, pipeline, ocr, body, limits,
                                  failures.get(batch.get(f.sha256 or "", -1)))
        _tell(progress, f.key, status, _pages(f), settled, len(files), extractor, failure)

    extractor = _extractor(workers, limits, pipeline, ocr, dask)
    try:
        with extractor:
            for outcome in extractor.map(plan()):
                report.pages += outcome.extraction.page_count if outcome.extraction else 0
                report.slowest = max(report.slowest, (outcome.seconds, safe_text(os.fsdecode(files[outcome.index]))))
                while planned:
                    f = planned.popleft()
                    if f.extract:
                        f.outcome = outcome
                        if outcome.extraction is None:
                            failures[f.index] = outcome
                    settle(f)
                    if f.extract:
                        break
            while planned:  # after the last extraction: files stored already, or copies in the batch
                settle(planned.popleft())
    except KeyboardInterrupt:
        report.interrupted = True
    report.worker_peak_mb = extractor.peak_mb
    # what this run changed, and what a run stopped before its linking left owed
    report.relinked = relink(engine, processes=workers or os.cpu_count() or 1)
    return report


def _read(index: int, path: Path, report: IngestReport) -> _File | None:
    """The file read and hashed; None (and counted as skipped) when it is no paper."""
    f = _File(index, path, real_path(path))
    try:
        data = path.read_bytes()
    except OSError as e:
        f.unreadable = e.strerror or str(e)
        return f
    why = not_a_paper(path, data)
    if why is not None:
        report.skipped.append(Skipped(f.key, why))
        return None
    f.sha256, f.size = sha256_of(data), len(data)
    return f


def _lookup(conn: Connection, f: _File, pipeline: Pipeline, body: str | None) -> tuple[Any, Any, list[str] | None]:
    """What the file's path holds now, what holds its content, and how that
    content's components differ from ``pipeline``'s (None: to extract afresh)."""
    here = conn.execute(select(source_files.c.id, source_files.c.sha256, source_files.c.status)
                        .join(source_locations, source_locations.c.source_file_id == source_files.c.id)
                        .where(source_locations.c.path == f.key)).first()
    same = conn.execute(select(source_files.c.id, source_files.c.path, source_files.c.status,
                               source_files.c.body_given)
                        .where(source_files.c.sha256 == f.sha256)).first()
    changes = None
    if same is not None and same.status == "ok":
        versions = conn.execute(select(source_file_components.c.name, source_file_components.c.version)
                                .where(source_file_components.c.source_file_id == same.id))
        changes = _changes({name: version for name, version in versions}, pipeline.versions())
        if body and body != same.body_given:
            changes.append(f"body: {body}")
    return here, same, changes


def _needs_extraction(engine: Engine, f: _File, pipeline: Pipeline, body: str | None) -> bool:
    with engine.connect() as conn:
        return _lookup(conn, f, pipeline, body)[2] != []


def _settle(engine: Engine, f: _File, report: IngestReport, pipeline: Pipeline, ocr: OcrMode, body: str | None,
            limits: Budget, first: Outcome | None) -> tuple[str, Failure | None]:
    """Store one file, in order, in one write transaction, and say what
    became of it: the decision is made again under the writer lock, so what
    an earlier file of the batch or another ingest stored meanwhile is seen."""
    try:
        with writing(engine) as conn:
            if f.unreadable is not None:
                return "failed", _fail(conn, report, f.key, None, None, "unreadable", f.unreadable)
            here, same, changes = _lookup(conn, f, pipeline, body)
            if same is not None and changes == []:
                if here is not None and here.id == same.id:
                    report.unchanged.append(f.key)
                    return "unchanged", None
                add_location(conn, same.id, f.key)  # the same bytes under another path: one more location
                report.duplicates.append(Duplicate(f.key, same.path))
                return "duplicate", None
            outcome = f.outcome or first
            if outcome is None:  # stored when planned, changed by another ingest since: rare
                outcome = _extract_here(f, pipeline, ocr, limits)
            if outcome.extraction is None:
                return "failed", _fail(conn, report, f.key, f.sha256, f.size, outcome.reason or "error", outcome.detail)
            fx: FileRows = outcome.extraction
            write_extraction(conn, fx, f.size, body, f.key)
    except Exception as e:  # the database refused the records: this file fails, the batch goes on
        with writing(engine) as conn:
            return "failed", _fail(conn, report, f.key, f.sha256, f.size, "store_error", f"{type(e).__name__}: {e}")
    report.warnings += [Warned(f.key, w) for w in fx.warnings]
    if not body and fx.unnamed:
        report.unnamed.append(f.key)
    if changes:
        report.reextracted.append(Reextracted(f.key, changes))
        return "re-extracted", None
    if here is not None and here.status == "ok" and here.sha256 != f.sha256:
        report.replaced.append(f.key)
        return "replaced", None
    report.stored.append(f.key)
    return "stored", None


def _extract_here(f: _File, pipeline: Pipeline, ocr: OcrMode, limits: Budget) -> Outcome:
    with Pool(1, limits, pipeline, ocr, prepare=file_rows) as pool:
        return next(pool.map([Job(f.index, os.fsdecode(f.path))]))


def _pages(f: _File) -> int:
    return f.outcome.extraction.page_count if f.outcome and f.outcome.extraction else 0


def _tell(progress: Callable[[Event], None] | None, path: str, status: str, pages: int, settled: list[int],
          total: int, extractor: Any, failure: Failure | None = None) -> None:
    settled[0] += 1
    if progress:
        progress(Event(path, status, pages, settled[0], total, extractor.in_hand(), failure))


def _extractor(workers: int | None, limits: Budget, pipeline: Pipeline, ocr: OcrMode, dask: str | None) -> Any:
    if dask:
        return DaskExtractor(dask, limits, ocr, prepare=file_rows)
    return Pool(workers or os.cpu_count() or 1, limits, pipeline, ocr, prepare=file_rows)


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


def _fail(conn: Connection, report: IngestReport, path: str, sha256: str | None, size: int | None,
          reason: str, detail: str) -> Failure:
    """Record the content as failed, in place of whatever was stored for it, at ``path``."""
    put_source(conn, {"path": path, "sha256": sha256, "format": file_format(Path(path)), "size": size,
                      "pages": None, "status": "failed", "error_reason": reason, "error_detail": safe_text(detail)})
    report.failed.append(Failure(path, reason, safe_text(detail)))
    return report.failed[-1]


def prune(engine: Engine, dry_run: bool = False) -> list[str]:
    """Forget the locations whose files are gone (moved or deleted), each in
    its own transaction; a source no location holds any more is deleted with
    its facts, and its bodies relinked. Returns the paths forgotten."""
    with engine.connect() as conn:
        gone = [p for p in conn.scalars(select(source_locations.c.path).order_by(source_locations.c.path))
                if not exists(p)]
    if dry_run:
        return gone
    for path in gone:
        with writing(engine) as conn:
            remove_location(conn, path)
    relink(engine)
    return gone


def store_extraction(engine: Engine, fx: FileExtraction, size: int | None = None, body: str | None = None) -> int:
    """Store one file's records in one transaction, in place of any earlier
    extraction of the same content, its path recorded as a location (the
    content the path held before is deleted if no other path holds it);
    ``body`` names the body of documents that name none. Returns the source file id."""
    with writing(engine) as conn:
        return write_extraction(conn, fx, size, body)
