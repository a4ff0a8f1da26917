"""Ingest: files and folders into the database, one transaction per file.

A folder is walked recursively. Hidden files and folders (".name") and Office
lock files ("~$name") are skipped; every other file is considered, and one
in a format no parser reads is recorded as failed ("unsupported") so the user
sees it. A file already stored with the same sha256 is left alone (its ids do
not change); a stored path whose content changed is replaced; a failure is
recorded and the batch goes on. Failure reasons are those of
``extract.errors.ParseError`` plus "error" (the extractors raised) and
"store_error" (the database refused the records).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import Engine, select

from minutes.extract.errors import ParseError
from minutes.extract.extractor import FileExtraction, extract_file
from minutes.extract.parsers import file_format, sha256_of
from minutes.models.people import relink
from minutes.models.rows import replace_source_file, write_extraction
from minutes.models.schema import source_files


@dataclass
class Failure:
    path: str
    reason: str
    detail: str


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)


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


def ingest_paths(engine: Engine, paths: Iterable[str | Path],
                 progress: Callable[[Path], None] | None = None) -> IngestReport:
    """Ingest every file under ``paths``; ``progress`` is called after each file."""
    report = IngestReport()
    for path in collect_files(paths):
        _ingest_file(engine, path, report)
        if progress:
            progress(path)
    if report.stored or report.replaced or report.failed:
        relink(engine)
    return report


def _ingest_file(engine: Engine, path: Path, report: IngestReport) -> None:
    key = os.path.abspath(path)
    try:
        data = Path(key).read_bytes()
    except OSError as e:
        _fail(engine, report, key, None, None, "unreadable", e.strerror or str(e))
        return
    sha256, size = sha256_of(data), len(data)
    with engine.connect() as conn:
        prior = conn.execute(select(source_files.c.sha256, source_files.c.status)
                             .where(source_files.c.path == key)).first()
    if prior is not None and tuple(prior) == (sha256, "ok"):
        report.unchanged.append(key)
        return
    try:
        fx = extract_file(key)
    except ParseError as e:
        _fail(engine, report, key, sha256, size, e.reason, e.detail)
        return
    except Exception as e:  # an extractor bug must not stop a batch of thousands
        _fail(engine, report, key, sha256, size, "error", f"{type(e).__name__}: {e}")
        return
    try:
        store_extraction(engine, fx, size=size)
    except Exception as e:
        _fail(engine, report, key, sha256, size, "store_error", f"{type(e).__name__}: {e}")
        return
    (report.replaced if prior is not None and prior.status == "ok" else report.stored).append(key)


def _fail(engine: Engine, report: IngestReport, path: str, sha256: str | None, size: int | None,
          reason: str, detail: str) -> None:
    """Record the file as failed, in place of whatever was stored for its path."""
    with engine.begin() as conn:
        replace_source_file(conn, {"path": path, "sha256": sha256, "format": file_format(Path(path)), "size": size,
                                   "pages": None, "status": "failed", "error_reason": reason,
                                   "error_detail": detail})
    report.failed.append(Failure(path, reason, detail))


def store_extraction(engine: Engine, fx: FileExtraction, size: int | None = None) -> int:
    """Store one file's records in one transaction, replacing any earlier
    version of the same path; returns the source file id."""
    with engine.begin() as conn:
        return write_extraction(conn, fx, size)
