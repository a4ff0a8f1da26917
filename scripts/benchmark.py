#!/usr/bin/env python3
"""Throughput and peak memory of `minutes extract` and `minutes ingest`, next
to pdfplumber's own `extract_text` and pypdfium2's bare text over the same
PDFs, in one run.

    python scripts/benchmark.py [--shared ../shared]

Each phase runs in a fresh child process so its peak RSS is its own, and is
run --repeat times (fastest shown: this machine's timings wander by a third
from run to run). Times include each process's imports and model set-up,
except in "(warm)" rows, which time a second pass in the same process, readied
as a pool worker readies itself (``extractor.ready_worker``): the throughput
of a long batch.
Files that cannot be read count as attempted, with zero pages. The text
phases read text layers only (--ocr never), so scans do not swamp them; the
"OCR" phase reads the files that need it (no text layer, or a garbled one)
with Tesseract, and its pages/s counts the pages OCR read.
The "born-digital PDFs" corpus (the rendered seeds' and the wild PDFs with a
text layer) times one worker steady (warm) extracting, parsing only, and the
two bare readers, on the same files in the same run. The machine's load
average is printed before and after: other work on the cores slows every row.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_files(shared: Path) -> dict[str, list[Path]]:
    wild = sorted(p for p in (shared / "corpus" / "wild").iterdir() if p.name != "MANIFEST.tsv")
    rendered = sorted((shared / "corpus" / "rendered").iterdir())
    return {"rendered seeds": rendered, "wild": wild}


def phase_extract(files: list[Path], without: tuple[str, ...] = ()) -> dict:
    from minutes.extract.errors import ParseError
    from minutes.extract.export import file_record
    from minutes.extract.extractor import PIPELINE, extract_file
    pipeline = PIPELINE.without(*without)
    pages = ok = 0
    for f in files:
        try:
            fx = extract_file(f, pipeline, ocr="never")
        except ParseError:
            continue
        file_record(fx)
        pages += len(fx.parsed.pages)
        ok += 1
    return {"pages": pages, "docs": ok}


def phase_extract_without_tasks(files: list[Path]) -> dict:
    """Extraction with actions and decisions switched off: the yardstick for
    what finding tasks costs (it may cut pages/s by a third at most)."""
    return phase_extract(files, without=("actions", "decisions"))


def phase_ingest(files: list[Path]) -> dict:
    from sqlalchemy import func, select

    from minutes.models import connect, ingest_paths
    from minutes.models.schema import source_files
    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(f"sqlite:///{tmp}/bench.db")
        report = ingest_paths(engine, files, ocr="never")
        with engine.connect() as conn:
            pages = conn.execute(select(func.coalesce(func.sum(source_files.c.pages), 0))
                                 .where(source_files.c.status == "ok")).scalar_one()
        engine.dispose()
    return {"pages": pages, "docs": len(report.stored) + len(report.replaced)}


def phase_pdfplumber(files: list[Path]) -> dict:
    import pdfplumber
    pages = docs = 0
    for f in files:
        if f.suffix.lower() != ".pdf":
            continue
        try:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()  # without this pdfplumber keeps every page's objects
                    pages += 1
            docs += 1
        except Exception:  # noqa: BLE001 - a broken PDF is skipped, as minutes does
            continue
    return {"pages": pages, "docs": docs}


def phase_parse(files: list[Path]) -> dict:
    """Parsing alone (text layers, no extractors): what the PDF reader costs."""
    from minutes.extract.errors import ParseError
    from minutes.extract.parsers import parse_file
    pages = docs = 0
    for f in files:
        try:
            pages += len(parse_file(f, "never").pages)
        except ParseError:
            continue
        docs += 1
    return {"pages": pages, "docs": docs}


def phase_pypdfium2(files: list[Path]) -> dict:
    """pypdfium2's bare text of every page: the floor under any pdfium reader."""
    import pypdfium2 as pdfium
    pages = docs = 0
    for f in files:
        try:
            pdf = pdfium.PdfDocument(f)
        except pdfium.PdfiumError:
            continue
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
                pages += 1
        finally:
            pdf.close()
        docs += 1
    return {"pages": pages, "docs": docs}


def phase_ocr(files: list[Path]) -> dict:
    """Parsing by OCR: render, find rules, Tesseract, lay out (no extractors)."""
    from minutes.extract.parsers import parse_file
    pages = docs = 0
    for f in files:
        pages += len(parse_file(f, "auto").ocr_pages())
        docs += 1
    return {"pages": pages, "docs": docs}


def needs_ocr(files: list[Path]) -> list[Path]:
    """The files whose text layer is missing or garbled."""
    from minutes.extract.errors import ParseError
    from minutes.extract.parsers import parse_file
    out = []
    for f in files:
        try:
            parse_file(f, "never")
        except ParseError as e:
            if e.reason == "no_text":
                out.append(f)
    return out


WARM = " (warm)"
PHASES = {"extract": phase_extract, "extract, no actions/decisions": phase_extract_without_tasks,
          "ingest": phase_ingest, "parse only": phase_parse, "pdfplumber extract_text": phase_pdfplumber,
          "pypdfium2 bare text": phase_pypdfium2, "OCR (Tesseract)": phase_ocr}
# one worker, steady, against the bare readers on the born-digital PDFs
BORN_DIGITAL = "born-digital PDFs"
READERS = ["extract" + WARM, "parse only" + WARM, "pdfplumber extract_text" + WARM, "pypdfium2 bare text" + WARM]


def run_child(phase: str, files: list[Path]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", phase, *map(str, files)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cpu() -> float:
    """CPU seconds of this process and of the programs it ran and waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def child(phase: str, files: list[Path]) -> None:
    base, warm = phase.removesuffix(WARM), phase.endswith(WARM)
    if warm:
        # each row's process readied as a pool worker readies itself before its first file (the
        # other rows' too, like for like: what they hold left out of the garbage collector's passes)
        if base.startswith("extract"):
            from minutes.extract.extractor import ready_worker
            ready_worker()
        else:
            gc.freeze()
        PHASES[base](files)  # imports, models, compiled patterns: what a long batch pays once
        from minutes.extract.nlp import analyse
        analyse.cache_clear()  # but not these texts' analyses: a long batch's files are new to it
    start, cpu = time.perf_counter(), _cpu()
    result = PHASES[base](files)
    result["seconds"] = time.perf_counter() - start
    result["cpu"] = _cpu() - cpu
    # the largest of this process and the programs it ran (Tesseract, LibreOffice)
    result["peak_mb"] = max(resource.getrusage(who).ru_maxrss for who in
                            (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each phase; the fastest is shown (default 3)")
    ap.add_argument("--only", help="run only the phases whose name contains this (e.g. OCR)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        child(args.child, args.files)
        return
    from minutes.extract.parsers.ocr import available as ocr_available
    print(f"load average before: {_load()}")
    print(f"{'corpus':<20}{'phase':<36}{'files':>6}{'docs ok':>8}{'pages':>7}{'sec':>8}"
          f"{'pages/s':>9}{'docs/s':>8}{'cpu s':>7}{'pages/cpu s':>12}{'peak MB':>9}")
    corpora = corpus_files(args.shared)
    for name, files in corpora.items():
        pdfs = [f for f in files if f.suffix.lower() == ".pdf"]
        scans = needs_ocr(pdfs) if ocr_available() and (not args.only or args.only in "OCR (Tesseract)") else []
        phases = [("extract", files), ("extract, no actions/decisions", files),
                  ("extract" + WARM, files), ("extract, no actions/decisions" + WARM, files),
                  ("ingest", files), ("extract", pdfs), ("pdfplumber extract_text", pdfs)]
        for phase, subset in phases + ([("OCR (Tesseract)", scans)] if scans else []):
            label = phase if subset is files or subset is scans else f"{phase} (PDF only)"
            _row(args, name, phase, label, subset)
    text_layers = [f for files in corpora.values() for f in files if f.suffix.lower() == ".pdf"]
    scans = set(needs_ocr(text_layers))
    born_digital = [f for f in text_layers if f not in scans]
    for phase in READERS:
        _row(args, BORN_DIGITAL, phase, phase, born_digital)
    print(f"load average after: {_load()}")


def _row(args: argparse.Namespace, corpus: str, phase: str, label: str, files: list[Path]) -> None:
    if args.only and args.only not in phase:
        return
    r = min((run_child(phase, files) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    print(f"{corpus:<20}{label:<36}{len(files):>6}{r['docs']:>8}{r['pages']:>7}{r['seconds']:>8.2f}"
          f"{r['pages'] / r['seconds']:>9.1f}{len(files) / r['seconds']:>8.1f}{r['cpu']:>7.2f}"
          f"{r['pages'] / r['cpu']:>12.1f}{r['peak_mb']:>9.0f}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" (1, 5, 15 min; {os.cpu_count()} cores)"


if __name__ == "__main__":
    main()
