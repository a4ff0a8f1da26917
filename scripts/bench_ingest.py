#!/usr/bin/env python3
"""Ingest at scale: files/s with one worker and with two over the same files
in one run, and each worker's peak resident memory over a batch of 5 files
and one of 500 (distinct copies of the same five PDFs, a comment appended to
each so each is new content).

    .venv/bin/python scripts/bench_ingest.py [--shared ../shared] [--repeat 2] [--ocr never|auto]

Each ingest goes into a fresh SQLite file, in this process (the workers are
its children), text layers only unless --ocr auto. Prints the machine's load
average before and after: the two cores are shared, so figures are worth as
much as the quiet they were measured in. Not a test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutes.extract.files import walk  # noqa: E402
from minutes.models import connect, ingest_paths  # noqa: E402


def timed_ingest(files: list[Path], workers: int, ocr: str) -> tuple[float, object]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        report = ingest_paths(engine, files, workers=workers, ocr=ocr)  # type: ignore[arg-type]
        took = time.perf_counter() - start
        engine.dispose()
    return took, report


def copies(pdfs: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` distinct PDFs: the given ones in turn, each with a comment of its own after %%EOF."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        source = pdfs[n % len(pdfs)]
        target = folder / f"{n:04d}-{source.name}"
        target.write_bytes(source.read_bytes() + f"\n% copy {n}\n".encode())
        out.append(target)
    return out


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each worker count, the fastest kept")
    ap.add_argument("--ocr", choices=["never", "auto"], default="never")
    args = ap.parse_args()
    corpus = walk([args.shared / "corpus" / "wild", args.shared / "corpus" / "archives"])
    print(f"load average before: {load()}  (cores: {os.cpu_count()})")

    best: dict[int, float] = {}
    for _ in range(args.repeat):
        for workers in (1, 2):
            took, report = timed_ingest(corpus, workers, args.ocr)
            best[workers] = min(best.get(workers, float("inf")), took)
            print(f"  --workers {workers}: {len(corpus)} files ({len(report.stored)} stored, {len(report.failed)} "
                  f"failed, {len(report.skipped)} skipped, {report.pages} pages) in {took:.1f} s = "
                  f"{len(corpus) / took:.2f} files/s, {report.pages / took:.1f} pages/s, "
                  f"worker peak {report.worker_peak_mb:.0f} MB")
    print(f"wild + archives, --ocr {args.ocr}: --workers 2 gives {best[1] / best[2]:.2f}x the files/s of --workers 1 "
          f"(best of {args.repeat}: {len(corpus) / best[1]:.2f} vs {len(corpus) / best[2]:.2f} files/s)")

    # Five PDFs of the corpus, small to large; the long batch is a hundred rounds of the same five,
    # so only its length differs.
    pdfs = sorted((p for p in corpus if p.suffix.lower() == ".pdf"), key=lambda p: p.stat().st_size)
    five = pdfs[::max(1, len(pdfs) // 5)][:5]
    with tempfile.TemporaryDirectory() as tmp:
        for count in (5, 500):
            batch = copies(five, count, Path(tmp) / str(count))
            took, report = timed_ingest(batch, 2, "never")
            print(f"{count} files ({report.pages} pages) with 2 workers in {took:.1f} s: "
                  f"peak resident memory of a worker {report.worker_peak_mb:.0f} MB")
            shutil.rmtree(Path(tmp) / str(count))
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
