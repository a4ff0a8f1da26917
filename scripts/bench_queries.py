"""Query speed on a large archive: a synthetic archive of many meetings is
written straight into a fresh database (bulk Core inserts: files, documents,
blocks, people, attendance, items, actions with owners, decisions, funding),
then `actions --open --owner X` and `search` are timed, through the query
functions the CLI calls and once through the CLI process itself, and the
site's page of open actions for one owner (`minutes serve`'s app over a
read-only connection): rendered through the app, and fetched over HTTP from
the server `minutes serve` runs (waitress, on a loopback port); last, the
whole archive (with --no-relink-all, the file's body) is linked once, and one more file of a body holding a
fortieth of the meetings is ingested, with the linking it owes (only that
body's), timed beside the extraction of the same file alone.

Text is drawn from a vocabulary with Zipf-like word frequencies plus a few
topic words at known rates, so searches have realistic selectivity.

    .venv/bin/python scripts/bench_queries.py                      # SQLite in a temporary folder
    .venv/bin/python scripts/bench_queries.py --db postgresql+psycopg://... --meetings 10000
    .venv/bin/python scripts/bench_queries.py --db /work/bench-100k.db --meetings 100000 --build-only
    rm -f /tmp/b.db* && cp /work/bench-100k.db /tmp/b.db && .venv/bin/python scripts/bench_queries.py --db /tmp/b.db --reuse

A big archive takes many minutes to build: ``--build-only`` builds it and
stops (the file stays as built, unlinked), ``--reuse`` times a database built
so before (work on a copy: the last step ingests into it; remove an older copy's -wal and -shm files
first, or SQLite replays them onto the new copy). Indexes the schema
has gained since the build are created first.

Not a test: it prints timings and the size of the database.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import waitress
from sqlalchemy import Engine, func, insert, select, text, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutes.models import connect, queries  # noqa: E402
from minutes.models.db import database_url, open_readonly  # noqa: E402
from minutes.web.app import create_app  # noqa: E402
from minutes.models.search import search  # noqa: E402
from minutes.models.schema import (Base, action_owners, actions, attendance, blocks, bodies, decisions, documents,  # noqa: E402
                          funding, items, people, source_files)

BODIES = 40
PEOPLE_PER_BODY = 30
BLOCKS_PER_MEETING = 24
ITEMS_PER_MEETING = 6
ACTIONS_PER_MEETING = 4
# Topic words and the share of blocks that mention each: rare to common.
TOPICS = {"naloxone": 0.002, "cctv": 0.01, "taxi": 0.02, "drugs": 0.05, "budget": 0.15}
SEARCHES = ["naloxone", "cctv", "drugs budget", '"taxi marshal"', "budget"]
BATCH = 5000


def vocabulary(rng: random.Random, size: int = 5000) -> tuple[list[str], list[float]]:
    """Pronounceable made-up words, weighted 1/rank (Zipf)."""
    syllables = ["ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "vu", "we"]
    words = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2)})[:size]
    rng.shuffle(words)
    return words, [1 / (rank + 1) for rank in range(len(words))]


class Writer:
    """Generated rows, inserted in batches."""

    def __init__(self, engine: Engine, seed: int = 1) -> None:
        self.engine, self.rng = engine, random.Random(seed)
        self.words, self.weights = vocabulary(self.rng)

    def sentence(self, n: int) -> str:
        out = self.rng.choices(self.words, self.weights, k=n)
        for word, share in TOPICS.items():
            if self.rng.random() < share:
                out.insert(self.rng.randrange(len(out) + 1), word)
        if self.rng.random() < 0.01:
            out += ["taxi", "marshal"]
        return " ".join(out).capitalize() + "."

    def build(self, meetings: int) -> None:
        with self.engine.begin() as conn:
            body_ids = ids(conn, bodies, [{"name": f"Synthetic Body {b:02d}", "committee": f"Synthetic Body {b:02d}",
                                                "key": f"|synthetic body {b:02d}"} for b in range(BODIES)])
            person_rows = [{"body_id": b, "name": f"Person {i:03d} Of{j:02d}", "name_key": f"person {i:03d} of{j:02d}"}
                           for j, b in enumerate(body_ids) for i in range(PEOPLE_PER_BODY)]
            person_ids = ids(conn, people, person_rows)
            if "canonical_id" in people.c:
                conn.execute(update(people).values(canonical_id=people.c.id))
        by_body = {b: person_ids[j * PEOPLE_PER_BODY:(j + 1) * PEOPLE_PER_BODY] for j, b in enumerate(body_ids)}
        names = dict(zip(person_ids, (r["name"] for r in person_rows)))
        start = date(2000, 1, 1)
        for first in range(0, meetings, 500):
            with self.engine.begin() as conn:
                self.write_meetings(conn, range(first, min(first + 500, meetings)), body_ids, by_body, names, start)

    def write_meetings(self, conn: Any, numbers: range, body_ids: list[int], by_body: dict[int, list[int]],
                       names: dict[int, str], start: date) -> None:
        rng, now = self.rng, datetime.now(timezone.utc)
        file_ids = ids(conn, source_files, [
            {"path": f"/synthetic/{n:06d}.txt", "name": f"{n:06d}.txt", "sha256": f"{n:064x}", "format": "txt", "size": 20000, "pages": 4,
             "status": "ok", "ingested_at": now} for n in numbers])
        meta = [(fid, body_ids[n % BODIES], start + timedelta(days=n // BODIES * 14)) for fid, n in zip(file_ids, numbers)]
        doc_ids = ids(conn, documents, [
            {"source_file_id": fid, "body_id": b, "read_body_id": b, "position": 0, "kind": "minutes", "title": f"Minutes {d}",
             "meeting_date": d, "page": 1, "span_start": 0, "span_end": 20000} for fid, b, d in meta])
        where = [(doc, fid, b) for doc, (fid, b, _) in zip(doc_ids, meta)]

        def at(fid: int, k: int) -> dict[str, int]:  # the k-th block's place in its file
            return {"source_file_id": fid, "page": 1 + k // 6, "span_start": k * 800, "span_end": k * 800 + 700}

        rows(conn, blocks, [{"document_id": doc, "kind": "heading" if k % 4 == 0 else "paragraph",
                             "text": self.sentence(6 if k % 4 == 0 else rng.randint(20, 80)), **at(fid, k)}
                            for doc, fid, _ in where for k in range(BLOCKS_PER_MEETING)])
        rows(conn, attendance, [{"document_id": doc, "person_id": p, "status": rng.choice(["present", "apologies"]),
                                 **at(fid, 0)} for doc, fid, b in where for p in rng.sample(by_body[b], 10)])
        rows(conn, items, [{"document_id": doc, "ref": str(k + 1), "title": self.sentence(5), "position": k,
                            **at(fid, 4 * k)} for doc, fid, _ in where for k in range(ITEMS_PER_MEETING)])
        rows(conn, decisions, [{"document_id": doc, "text": self.sentence(15), "explicit": True, **at(fid, 4 * k + 1)}
                               for doc, fid, _ in where for k in range(2)])
        rows(conn, funding, [{"document_id": doc, "amount": Decimal(rng.randint(1, 500) * 1000), "kind": "allocation",
                              "purpose": self.sentence(4), "text": "£", **at(fid, 4 * k + 2)}
                             for doc, fid, _ in where for k in range(2)])
        action_rows, owners = [], []
        for doc, fid, b in where:
            for k in range(ACTIONS_PER_MEETING):
                action_rows.append({"document_id": doc, "text": self.sentence(12), "explicit": True,
                                    "due_date": start + timedelta(days=rng.randint(0, 7000)), "due_precision": "day",
                                    **at(fid, 4 * k + 3)})
                owners.append([(p, fid, k) for p in rng.sample(by_body[b], rng.choice([1, 1, 2]))])
        action_ids = ids(conn, actions, action_rows)
        rows(conn, action_owners, [{"action_id": a, "person_id": p, "name": names[p], "as_written": names[p],
                                    "is_person": True, **at(fid, 4 * k + 3)}
                                   for a, own in zip(action_ids, owners) for p, fid, k in own])


def ids(conn: Any, table: Any, data: list[dict[str, Any]]) -> list[int]:
    return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), data).scalars())


def rows(conn: Any, table: Any, data: list[dict[str, Any]]) -> None:
    for i in range(0, len(data), BATCH):
        conn.execute(insert(table), data[i:i + BATCH])


def timed(label: str, call: Callable[[], Any], runs: int = 3) -> Any:
    """Best of ``runs`` (the first run warms caches), printed in ms."""
    best, result = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - t)
    n = f"{len(result):,} bytes" if isinstance(result, bytes) else f"{len(result)} rows"
    print(f"  {label:<48} {best * 1000:8.1f} ms  ({n})")
    return result


def open_actions(engine: Engine, owner: str) -> list[dict[str, Any]]:
    """What `minutes actions --open --owner OWNER` asks (pipeline.actions)."""
    return queries.select_actions(engine, owner=owner, open_only=True)


def site(url: str, owner: str) -> None:
    """The open-actions page for one owner, as the site serves it."""
    app = create_app(open_readonly(url))
    path = "/actions?" + urllib.parse.urlencode({"owner": owner})
    client = app.test_client()
    page = timed(f"site {path} (rendered by the app)", lambda: client.get(path).data)
    assert b"action rows" in page
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    address = f"http://127.0.0.1:{server.effective_port}{path}"  # type: ignore[union-attr]
    timed(f"site {path} (over HTTP)", lambda: urllib.request.urlopen(address).read(), runs=10)


def analyze(engine: Engine) -> None:
    """PostgreSQL's planner statistics, as autovacuum keeps them on a live server; SQLite's plans take none."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))


def db_size(engine: Engine) -> str:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            size = conn.scalar(text("SELECT pg_database_size(current_database())"))
        else:
            size = os.path.getsize(engine.url.database)
    return f"{size / 1e6:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database URL (default: SQLite in a temporary folder); must be empty")
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--build-only", action="store_true", help="build the archive and stop")
    parser.add_argument("--reuse", action="store_true", help="time the archive already in --db (built before)")
    parser.add_argument("--no-relink-all", action="store_true",
                        help="link only the one more file's body before it is ingested, not the whole archive "
                             "(on a big archive the whole relink takes long)")
    args = parser.parse_args()
    if args.reuse and not args.db:
        sys.exit("--reuse needs --db")
    url = database_url(args.db or f"{tempfile.mkdtemp(prefix='minutes-bench-')}/bench.db")
    engine = connect(url)
    with engine.connect() as conn:
        built = conn.scalar(select(func.count()).select_from(documents))
    if args.reuse:
        if not built:
            sys.exit(f"{url} is empty: build it first (--build-only)")
        with engine.begin() as conn:  # indexes added to the schema since the build
            for table in Base.metadata.sorted_tables:
                for index in table.indexes:
                    index.create(conn, checkfirst=True)
        print(f"reusing {built} meetings in {url}: {engine.dialect.name}, {db_size(engine)}")
    else:
        if built:
            sys.exit(f"{url} is not empty (--reuse times it)")
        t = time.perf_counter()
        Writer(engine).build(args.meetings)
        print(f"built {args.meetings} meetings in {time.perf_counter() - t:.1f}s: {engine.dialect.name}, "
              f"{db_size(engine)}")
        if args.build_only:
            return
    analyze(engine)
    with engine.connect() as conn:
        counts = {tb.name: conn.scalar(select(func.count()).select_from(tb))
                  for tb in (blocks, attendance, items, actions, action_owners, funding)}
    print("  " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    print("queries (best of 3):")
    owner = "Person 007 Of13"
    timed(f"actions --open --owner '{owner}'", lambda: open_actions(engine, owner))
    timed("actions --open --owner 'person 007' (every body)", lambda: open_actions(engine, "person 007"))
    for q in SEARCHES:
        timed(f"search {q!r} (top 20)", lambda: search(engine, q))
    timed("search 'drugs' --body 'Body 07' --from 2005-01-01", lambda: search(
        engine, "drugs", body="Body 07", date_from=date(2005, 1, 1)))

    site(url, owner)

    minutes = Path(sys.executable).with_name("minutes")
    for argv in (["actions", "--open", "--owner", owner], ["search", "drugs budget"]):
        t = time.perf_counter()
        subprocess.run([str(minutes), *argv, "--db", url, "--format", "csv"], check=True, capture_output=True)
        print(f"  CLI process: minutes {' '.join(argv):<32} {(time.perf_counter() - t) * 1000:8.1f} ms "
              "(with interpreter start-up)")
    one_more_file(engine, relink_all=not args.no_relink_all)


ONE_MORE = """Minutes of the meeting held on 3 March 2030 at the Town Hall.

Present: Ada Quillon (Chair), Ben Ortega, Cara Dunmore, Dev Patelson.

1. Apologies

Apologies were received from Erin Shawcross.

2. Budget

The budget of £120,000 for 2030/31 was agreed.

Action: Ben Ortega to circulate the revised budget by 1 April 2030.
Action: Cara Dunmore to report on the parks survey to the next meeting.
"""


ONE_MORE_BODY = "Synthetic Body 07"


def one_more_file(engine: Engine, relink_all: bool = True) -> None:
    """Link the whole archive once (unless not ``relink_all``), then time one more file of one body
    into it, linking included."""
    from minutes.extract.extractor import extract_file
    from minutes.models import ingest_paths, store
    from minutes.models.people import relink
    if relink_all:
        t = time.perf_counter()
        relink(engine, everything=True)
        print(f"relink of the whole archive (once): {time.perf_counter() - t:.1f} s")
    else:  # the file's body linked once, as the ingests that stored its files left it
        from minutes.models.linking import owe
        with engine.begin() as conn:
            owe(conn, [conn.scalar(select(bodies.c.id).where(bodies.c.name == ONE_MORE_BODY))])
        t, cpu = time.perf_counter(), time.process_time()
        relink(engine)
        print(f"relink of the file's body (once, as its files' ingests left it): {time.perf_counter() - t:.1f} s "
              f"({time.process_time() - cpu:.1f} s CPU)")
    with tempfile.TemporaryDirectory() as tmp:
        paper = Path(tmp) / "one-more.txt"
        paper.write_text(ONE_MORE, encoding="utf-8")
        extract_file(paper)  # spaCy loaded, as in a batch's worker
        t = time.perf_counter()
        extract_file(paper)
        alone = time.perf_counter() - t
        linking: list[float] = []

        def timed_relink(e: Engine, **how: Any) -> Any:  # the ingest's linking, timed apart (and its CPU time)
            t, cpu = time.perf_counter(), time.process_time()
            try:
                return relink(e, **how)
            finally:
                linking.extend([time.perf_counter() - t, time.process_time() - cpu])
        store.relink = timed_relink  # type: ignore[assignment]
        t = time.perf_counter()
        try:
            report = ingest_paths(engine, [paper], body=ONE_MORE_BODY, workers=1)
        finally:
            store.relink = relink  # type: ignore[assignment]
        took = time.perf_counter() - t
        assert len(report.stored) == 1, report
        print(f"one more file ingested into the archive, its linking included: {took * 1000:.0f} ms: "
              f"its linking {linking[0] * 1000:.0f} ms ({linking[1] * 1000:.0f} ms CPU), the rest (the worker process started, spaCy loaded, "
              f"the file extracted and stored) {(took - linking[0]) * 1000:.0f} ms; its extraction alone "
              f"{alone * 1000:.0f} ms; relinked bodies: {sorted(b for b in report.relinked.bodies if b is not None)}")


if __name__ == "__main__":
    main()
