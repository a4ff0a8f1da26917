"""Fuzzing the batch: mutations of the seeds' PDF, DOCX and text end, every
one, in a stored file or a failure with a named reason, within the per-file
budget, and the batch completes.

Bounded: MINUTES_FUZZ_COUNT inputs (default 24), each within a budget of
MINUTES_FUZZ_SECONDS (default 20 s) and 1024 MB. MINUTES_FUZZ_SEED (default
fixed, so CI runs the same inputs) replays a run; the seed is in every
failure message. ``pytest -s`` prints the figures."""
from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

from fuzz_inputs import mutate
from minutes.extract.budget import Budget
from minutes.models import connect, ingest_paths

SEED = int(os.environ.get("MINUTES_FUZZ_SEED", "20261201"))
COUNT = int(os.environ.get("MINUTES_FUZZ_COUNT", "24"))
SECONDS = float(os.environ.get("MINUTES_FUZZ_SECONDS", "20"))
REASONS = {"unsupported", "corrupt", "encrypted", "empty", "no_text", "unreadable", "timeout", "too_large", "memory", "crashed",
           "error", "store_error"}


def test_mutated_seeds_are_stored_or_fail_with_a_reason(tmp_path, shared):
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "rendered").iterdir())
    inputs = mutate(seeds, COUNT, SEED, tmp_path / "inputs")
    engine = connect(f"sqlite:///{tmp_path / 'fuzz.db'}")
    start = time.monotonic()
    report = ingest_paths(engine, [tmp_path / "inputs"], workers=2, limits=Budget(SECONDS, 0, 1024))
    took = time.monotonic() - start
    replay = f"(replay: MINUTES_FUZZ_SEED={SEED} MINUTES_FUZZ_COUNT={COUNT})"
    settled = {Path(p).name for p in report.stored + report.replaced + report.unchanged} \
        | {Path(d.path).name for d in report.duplicates} | {Path(f.path).name for f in report.failed}
    assert settled == {p.name for p in inputs}, replay
    assert report.skipped == [], replay
    reasons = Counter(f.reason for f in report.failed)
    assert set(reasons) <= REASONS, (reasons, replay)
    assert report.slowest[0] <= SECONDS + 5, (report.slowest, replay)  # the budget held
    print(f"\nfuzz {replay}: {len(inputs)} inputs, {len(report.stored) + len(report.duplicates)} stored, "
          f"{len(report.failed)} clean failures {dict(reasons)}, {reasons['timeout']} stopped at the budget, "
          f"peak worker {report.worker_peak_mb:.0f} MB, slowest {report.slowest[0]:.1f} s "
          f"({Path(report.slowest[1]).name}), batch {took:.0f} s")
