"""Extraction on a Dask distributed cluster (``ingest --dask tcp://HOST:8786``,
the optional ``minutes[dask]`` extra): each file is one task, run by
``extract.pool.dask_extract`` within the same per-file budget as a local
worker (each Dask worker process keeps a one-worker pool for it), and the
results come back to the calling process, which stores them in the order
given, as a local run does, so the database holds what a local run would.

The workers read the files by the paths given, so they must see them at the
same paths (a shared mount), and must run with
``distributed.worker.daemon: False`` (``DASK_DISTRIBUTED__WORKER__DAEMON=False``):
a daemonic process may not start the budgeted child process."""
from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator

from minutes.extract.budget import Budget
from minutes.extract.parsers.ocr import OcrMode
from minutes.extract.paths import safe_text
from minutes.extract.pool import AHEAD, Job, Outcome, Prepare, dask_extract


class DaskExtractor:
    """The ``Pool`` interface (``map``, ``in_hand``, ``peak_mb``) over a Dask cluster."""

    def __init__(self, address: str, limits: Budget, ocr: OcrMode, prepare: Prepare | None = None) -> None:
        try:
            from distributed import Client
        except ImportError as e:
            raise RuntimeError("--dask needs the dask extra: pip install 'minutes[dask]'") from e
        self.client = Client(address)
        self.limits, self.ocr, self.prepare = limits, ocr, prepare
        self.peak_mb = 0.0
        self._running: deque[tuple[Job, Any]] = deque()

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        for _, future in self._running:
            future.cancel()
        self.client.close()

    def in_hand(self) -> list[str]:
        return [safe_text(job.path) for job, future in self._running if not future.done()]

    def map(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """The outcome of every job, in the order given, at most ``AHEAD`` per worker thread in flight."""
        window = AHEAD * max(1, sum(self.client.nthreads().values()))
        pending = iter(jobs)
        while True:
            while len(self._running) < window:
                job = next(pending, None)
                if job is None:
                    break
                self._running.append((job, self.client.submit(dask_extract, job, self.limits, self.ocr, self.prepare,
                                                                  pure=False)))
            if not self._running:
                return
            job, future = self._running.popleft()
            try:
                outcome: Outcome = future.result()
            except Exception as e:  # the task or its Dask worker died: that file fails, the batch goes on
                outcome = Outcome(job.index, None, "crashed", f"on the cluster: {type(e).__name__}: {e}")
            self.peak_mb = max(self.peak_mb, outcome.worker_peak_mb)
            yield outcome
