"""Extraction in worker processes, each file within its budget.

``Pool`` keeps N worker processes. Each extracts one file at a time, with
the next one already in its pipe (``DEPTH``: a worker that finishes while
the supervisor is storing or committing starts its next file at once), and
sends back the ``FileExtraction``, or what the caller's ``prepare`` makes of
it in the worker (``ingest``: the rows it stores), or the reason it could
not. The supervisor (the calling process, which also stores) watches every
worker: past the file's time budget, or past its memory budget (resident
size, read ten times a second), the worker is killed with its process group
(Tesseract and LibreOffice with it), the file is failed with reason
"timeout" or "memory", and the file queued behind it goes to a fresh worker. A worker that
dies by itself (a crash in a C library) fails its file as "crashed".

A worker's memory does not grow with the archive: it loads what every file
needs before its first (``extractor.warm``: the supervisor does, once, and
every forked worker starts with it, whichever files it is given); each
file's Docs and the words spaCy learnt from it are let go after the file
(``extract_file``), but for the words met in an earlier file too, which are
kept up to a bound (``nlp.LEARNT_WORDS``), as is the heap it freed; and a worker holding more than
``RECYCLE_MB`` after a file ends itself, its queued file given to a fresh one. (Replacing every
worker after so many files would cost little, ~15 ms a fork, but gain
nothing: forked mid-batch, a worker starts with the writer's caches.)

Results come back in the order the files were given, however the workers
finish, so a run with N workers stores the same files in the same order as a
run with one, and gives the same database. At most ``AHEAD`` files per worker
are in flight or waiting for an earlier one.

Workers are forked where the platform allows (they start at once and see
the pipeline the caller chose) and spawned elsewhere; ``dask_extract``
(``--dask``) runs one file under a one-worker pool kept by each Dask worker
process, so the budget holds on a cluster too.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from minutes.extract import budget
from minutes.extract.budget import DEFAULT, Budget
from minutes.extract.errors import ParseError
from minutes.extract.extractor import (PIPELINE, FileExtraction, Pipeline, StageError, extract_file, ready_worker,
                                       warm)
from minutes.extract.paths import safe_text
from minutes.extract.parsers.ocr import OcrMode

TICK = 0.1  # seconds between looks at the workers' clocks and memory
RECYCLE_MB = 300  # a worker holding more than this after a file is replaced
AHEAD = 16  # files per worker dispatched beyond the oldest one not yet stored: a slow file holds the other back less
DEPTH = 2  # files given to a worker at once: the one it extracts and the next
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Job:
    index: int  # the file's place in the batch: results come back in this order
    path: str  # as the operating system names it (may carry undecodable bytes)


@dataclass
class Outcome:
    index: int
    # what the pool's ``prepare`` made of the file's FileExtraction (by default the extraction
    # itself); None when the file failed
    extraction: Any
    reason: str | None = None  # a ParseError reason, "error", "timeout", "memory" or "crashed"
    detail: str = ""
    seconds: float = 0.0
    ocr_pages: int = 0
    worker_peak_mb: float = 0.0  # the worker's peak resident size so far


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _rss_mb(pid: int | str) -> float:
    """The resident size of process ``pid`` now."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_SIZE / 2 ** 20
    except (OSError, IndexError, ValueError):
        return 0.0  # no /proc (not Linux): memory is not watched


Prepare = Callable[[FileExtraction], Any]


def _serve(conn: Connection, pipeline: Pipeline, ocr: OcrMode, prepare: Prepare | None) -> None:
    """A worker: files in, extractions out, until told to stop or holding
    more than ``RECYCLE_MB`` after a file (then it says so with the file's outcome and ends)."""
    # Its own process group: Ctrl-C at the terminal reaches the supervisor
    # alone, and killing the group takes the worker's OCR and LibreOffice children too.
    os.setsid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_die_with, args=(os.getppid(),), daemon=True).start()
    budget.listen(lambda: conn.send(("ocr",)))
    ready_worker()  # warm, inherited when forked
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        outcome = _extract(job, pipeline, ocr, prepare)
        _trim()
        retiring = _rss_mb("self") > RECYCLE_MB
        conn.send(outcome + (retiring,))
        if retiring:
            return


def _libc() -> Any:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()


def _trim() -> None:
    """Hand back to the system the heap a file's extraction freed (glibc keeps it
    otherwise, and the next file's peak starts higher): a fraction of a millisecond."""
    if _LIBC is not None and hasattr(_LIBC, "malloc_trim"):
        _LIBC.malloc_trim(0)


def _die_with(parent: int) -> None:
    """End the worker and its children when the supervisor is gone (killed
    with SIGKILL, it cannot stop them): a worker must not outlive its batch."""
    while os.getppid() == parent:
        time.sleep(1)
    os.killpg(os.getpgid(0), signal.SIGKILL)


def _extract(job: Job, pipeline: Pipeline, ocr: OcrMode, prepare: Prepare | None) -> tuple:
    start = time.perf_counter()
    try:
        fx = extract_file(Path(job.path), pipeline, ocr)
        result: tuple = ("ok", prepare(fx) if prepare else fx)
    except ParseError as e:
        result = ("failed", e.reason, e.detail)
    except StageError as e:
        result = ("failed", "error", str(e))
    except Exception as e:  # a bug outside the components must not stop a batch of thousands
        result = ("failed", "error", safe_text(f"{type(e).__name__}: {e}"))
    return ("done", job.index, result, time.perf_counter() - start, _peak_mb())


class _Worker:
    def __init__(self, context: Any, pipeline: Pipeline, ocr: OcrMode, prepare: Prepare | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, pipeline, ocr, prepare), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque[Job] = deque()  # given, in order: the first is the one being extracted
        self.started = 0.0  # when the first began, as far as the supervisor can tell
        self.ocr_pages = 0  # of the first
        self.peak_mb = 0.0

    @property
    def job(self) -> Job | None:
        """The file being extracted."""
        return self.jobs[0] if self.jobs else None

    def give(self, job: Job) -> None:
        if not self.jobs:
            self.started, self.ocr_pages = time.monotonic(), 0
        self.jobs.append(job)
        self.conn.send(job)

    def finished(self) -> None:
        """The first file is done: the next, if given, begins now."""
        self.started, self.ocr_pages = time.monotonic(), 0
        self.jobs.popleft()

    def rss_mb(self) -> float:
        return _rss_mb(self.process.pid)

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.join(timeout=5)
        except (BrokenPipeError, OSError):
            pass
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class Pool:
    """``workers`` worker processes extracting with ``pipeline``, each file within ``limits``;
    ``prepare`` turns each extraction into what is sent back (in the worker, so the
    caller gets it made: ``models.rows.file_rows``, the rows it stores)."""

    def __init__(self, workers: int, limits: Budget = DEFAULT, pipeline: Pipeline = PIPELINE,
                 ocr: OcrMode = "auto", method: str | None = None, prepare: Prepare | None = None) -> None:
        self.size = max(1, workers)
        self.limits, self.pipeline, self.ocr, self.prepare = limits, pipeline, ocr, prepare
        available = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context(method or ("fork" if "fork" in available else "spawn"))
        self.workers: list[_Worker] = []
        self.queued: deque[Job] = deque()  # planned, not yet given to a worker
        self.peak_mb = 0.0  # the highest peak resident size of any worker so far

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for w in self.workers:
            if not w.jobs:
                w.stop()
            else:
                w.kill()  # interrupted mid-file: nothing of it is kept
        self.workers = []

    def in_hand(self) -> list[str]:
        """The files being extracted now."""
        return [safe_text(w.job.path) for w in self.workers if w.job is not None]

    def map(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """The outcome of every job, in the order given."""
        if self.context.get_start_method() == "fork":
            warm()  # here, once: every worker forked, at the start or in place of another, starts warm
        # Every worker forked before the first job is planned: a forked worker starts with the
        # memory its parent holds then, and the parent's grows with the files it plans and stores.
        while len(self.workers) < self.size:
            self.workers.append(self._start())
        pending = iter(jobs)
        order: deque[int] = deque()
        done: dict[int, Outcome] = {}
        queued = self.queued
        exhausted = False

        def refill() -> None:
            """Plan files up to the window, giving workers what they have room for as
            each is planned (planning reads and hashes a file: the first workers start at once)."""
            nonlocal exhausted
            while True:
                while queued and (worker := self._free_worker()) is not None:
                    worker.give(queued.popleft())
                if exhausted or len(order) >= self.size * AHEAD:
                    return
                job = next(pending, None)
                if job is None:
                    exhausted = True
                    continue
                order.append(job.index)
                queued.append(job)
        while True:
            refill()
            while order and order[0] in done:
                yield done.pop(order.popleft())
                # The caller stored it meanwhile, which may take longer than a small file's
                # extraction: a worker that finished its files must not wait for the whole run
                # of results ready in order to be stored.
                for outcome in self._watch(0):
                    done[outcome.index] = outcome
                refill()
            if exhausted and not order:
                return
            if order and not queued and not any(w.jobs for w in self.workers):
                raise RuntimeError(f"the pool lost file {order[0]} of the batch")  # a bug: fail, not wait forever
            for outcome in self._watch(TICK):
                done[outcome.index] = outcome

    def _free_worker(self) -> _Worker | None:
        """An idle worker; else a new one while there are fewer than ``size``;
        else one with fewer than ``DEPTH`` files; else None."""
        free = next((w for w in self.workers if not w.jobs), None)
        if free is None and len(self.workers) < self.size:
            free = self._start()
            self.workers.append(free)
        return free or next((w for w in self.workers if len(w.jobs) < DEPTH), None)

    def _start(self) -> _Worker:
        return _Worker(self.context, self.pipeline, self.ocr, self.prepare)

    def _watch(self, timeout: float) -> list[Outcome]:
        """Wait up to ``timeout`` seconds for workers to report; stop those past their budget."""
        busy = [w for w in self.workers if w.jobs]
        out: list[Outcome] = []
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=timeout))
        for w in busy:
            if w.conn in ready or w.conn.poll():
                out += self._read(w)
            if w.job is None or w not in self.workers:
                continue
            if not w.process.is_alive():
                out.append(self._fail(w, "crashed", f"the worker died ({_death(w.process.exitcode)})"))
                continue
            allowed = self.limits.seconds + w.ocr_pages * self.limits.ocr_seconds_per_page
            took, rss = time.monotonic() - w.started, w.rss_mb()
            if took > allowed:
                out.append(self._fail(w, "timeout", f"stopped after {took:.0f} s (budget {allowed:.0f} s"
                                      + (f" with {w.ocr_pages} OCR pages" if w.ocr_pages else "") + ")"))
            elif rss > self.limits.megabytes:
                out.append(self._fail(w, "memory", f"stopped at {rss:.0f} MB (budget {self.limits.megabytes} MB)"))
        return out

    def _read(self, w: _Worker) -> list[Outcome]:
        """Messages from a worker: OCR pages begun for its file, or its file's outcome."""
        out = []
        while w.jobs and w.conn.poll():
            try:
                message = w.conn.recv()
            except (EOFError, OSError):
                break  # it died mid-message: the sentinel says so next
            if message[0] == "ocr":
                w.ocr_pages += 1
                continue
            _, index, result, seconds, peak, retiring = message
            ocr_pages = w.ocr_pages
            w.finished()
            w.peak_mb = peak
            self.peak_mb = max(self.peak_mb, peak)
            if result[0] == "ok":
                out.append(Outcome(index, result[1], seconds=seconds, ocr_pages=ocr_pages, worker_peak_mb=peak))
            else:
                out.append(Outcome(index, None, result[1], result[2], seconds, ocr_pages, peak))
            if retiring:  # it ends: the files queued behind, if any, go to another
                self._drop(w, list(w.jobs))
                w.process.join()
                w.conn.close()
                break
        return out

    def _fail(self, w: _Worker, reason: str, detail: str) -> Outcome:
        job = w.job
        assert job is not None
        took = time.monotonic() - w.started
        self._drop(w, list(w.jobs)[1:])
        w.kill()
        return Outcome(job.index, None, reason, detail, took, w.ocr_pages, w.peak_mb)

    def _drop(self, w: _Worker, unbegun: list[Job]) -> None:
        """Take ``w`` out of the pool, the files it had not begun back at the head of the queue."""
        self.workers.remove(w)
        self.queued.extendleft(reversed(unbegun))
        w.jobs.clear()


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


# --dask: each Dask worker process keeps one pool of one worker, used by one task at a time.
_dask_pool: Pool | None = None
_dask_lock = threading.Lock()


def dask_extract(job: Job, limits: Budget, ocr: OcrMode, prepare: Prepare | None = None) -> Outcome:
    """Extract one file on a Dask worker, within its budget (the task Dask runs)."""
    global _dask_pool
    if multiprocessing.current_process().daemon:
        raise RuntimeError("a daemonic Dask worker cannot start the budgeted extraction process: "
                           "run the workers with distributed.worker.daemon: False")
    with _dask_lock:
        if _dask_pool is None:
            # Spawned, not forked: a Dask worker runs threads, and forking a threaded process is unsafe.
            _dask_pool = Pool(1, limits, ocr=ocr, method="spawn", prepare=prepare)
        return next(_dask_pool.map([job]))
