"""The ``minutes`` command line: a thin shell over ``extract`` and ``models``."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import click
import waitress
from sqlalchemy import Engine

from minutes.extract.errors import ParseError
from minutes.extract.export import file_record, record_names
from minutes.extract.extractor import StageError, extract_file
from minutes.extract.money import format_amount
from minutes.extract.paths import safe_text
from minutes.extract.parsers import pdf_debug
from minutes.extract.parsers.ocr import INSTALL as OCR_INSTALL, OCR_MODES, OcrMode
from minutes.extract.parsers.ocr import available as ocr_available
from minutes.extract import budget
from minutes.models import connect, database_url, export, ingest_paths, people, queries, status, store
from minutes.models import report as report_queries
from minutes.models import search as fts
from minutes.models import trace as trail
from minutes.models.db import DEFAULT_URL, DatabaseError, open_readonly
from minutes.models.export import cell_text
from minutes.models.sql import MAX_LIMIT, QueryError
from minutes.models.store import Event
from minutes.web.app import create_app

PROGRESS_FROM = 5  # files; fewer finish before a bar would be worth drawing
CELL_WIDTH = 60  # characters of a table cell without --wide; csv and json keep everything

db_option = click.option("--db", envvar="MINUTES_DB", default=DEFAULT_URL, show_default=True,
                         help="Database: a SQLite file's path, or a URL (sqlite:///..., postgresql+psycopg://...); "
                              "env MINUTES_DB.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True, help="Output format.")
wide_option = click.option("--wide", is_flag=True, help=f"Whole cells in the table (else cut at {CELL_WIDTH}).")
day = click.DateTime(formats=["%Y-%m-%d"])
ocr_option = click.option(
    "--ocr", type=click.Choice(OCR_MODES), default="auto", show_default=True,
    help="Read PDF pages by OCR (Tesseract): auto, pages with no text layer or a garbled one, "
         "where Tesseract is installed; always, every page; never.")


def _check_ocr(mode: str) -> None:
    if mode == "always" and not ocr_available():
        raise click.UsageError(f"--ocr always: Tesseract is not installed; {OCR_INSTALL}")


def listing(command: Callable) -> Callable:
    """The options every listing command takes: --format, --wide, --db."""
    return format_option(wide_option(db_option(command)))


class Minutes(click.Group):
    """Errors a user can act on (no database there, an input out of bounds)
    are messages, not tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (DatabaseError, QueryError) as e:
            raise click.ClickException(str(e)) from e


class QueryCommand(click.Command):
    """A command whose words are a search query: "-word" excludes a word, so
    an argument starting with "-" that names no option is query text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["context_settings"] = {**kwargs.get("context_settings", {}), "ignore_unknown_options": True}
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for a in args:
            if a.startswith("--") and len(a) > 2 and a.split("=", 1)[0] not in self._option_names(ctx):
                raise click.NoSuchOption(a.split("=", 1)[0], ctx=ctx)
        return super().parse_args(ctx, args)

    def _option_names(self, ctx: click.Context) -> set[str]:
        return {name for p in self.get_params(ctx) for name in (*p.opts, *p.secondary_opts)}


@click.group(cls=Minutes)
def cli() -> None:
    """Mine UK public-body minutes, agendas and papers into a queryable database."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one minutes-extract/1 JSON record per input file.")
@ocr_option
def extract(files: tuple[Path, ...], out_dir: Path, ocr: OcrMode) -> None:
    """Extract FILES to JSON records (no database): DIR/<file stem>.json, or
    DIR/<file name>.json where two FILES share a stem (a.pdf and a.docx)."""
    _check_ocr(ocr)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path, name in zip(files, record_names(list(files))):
        shown = safe_text(str(path))
        try:
            fx = extract_file(path, ocr=ocr)
            for w in fx.warnings:
                click.echo(f"warning: {shown}: {w}", err=True)
            (out_dir / name).write_text(json.dumps(file_record(fx), indent=1, ensure_ascii=False), encoding="utf-8")
        except ParseError as e:
            failed += 1
            click.echo(f"failed: {e.path}: {e.reason}: {e.detail}", err=True)
        except Exception as e:  # segment, a bug outside the components, a full disk: name the file, go on
            failed += 1
            click.echo(f"failed: {shown}: error: {safe_text(_error(e))}", err=True)
    click.echo(f"{len(files) - failed} extracted, {failed} failed", err=True)
    if failed:
        sys.exit(1)


@cli.command(name="debug-pdf")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--page", "number", type=click.IntRange(min=1), default=1, show_default=True, help="Page number.")
@click.option("--draw", "image", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw what was found over the page image, to this PNG file.")
def debug_pdf(file: Path, number: int, image: Path | None) -> None:
    """Show what the PDF parser saw on one page of FILE: rules, ruled tables,
    lines with their segments, running heads and feet dropped, blocks made."""
    try:
        view = pdf_debug.view_page(file, number)
    except ParseError as e:
        raise click.ClickException(f"{e.path}: {e.reason}: {e.detail}") from e
    for line in pdf_debug.describe(view):
        click.echo(line)
    if image:
        pdf_debug.draw(file, view, image)
        click.echo(f"drawn: {image} (red rules, blue cells, green lines, purple furniture, orange blocks)", err=True)


def _error(e: Exception) -> str:
    return str(e) if isinstance(e, StageError) else f"{type(e).__name__}: {e}"


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], wide: bool = False,
         root: str | None = None) -> None:
    """Print ``rows`` as an aligned table of ``columns`` (cells cut short
    unless ``wide``; files relative to ``root`` and never cut), or as CSV or
    JSON of every column in full (money as exact decimal strings). An empty
    table still prints its header, then "no rows"."""
    if fmt == "json":
        click.echo(export.json_text(rows))
        return
    if fmt == "csv":
        click.echo(export.csv_text(rows, columns), nl=False)
        return

    def cell(column: str, value: Any) -> str:
        text = cell_text(value)
        if column == "file":
            return _relative(text, root)
        return text if wide else _cut(text)

    cells = [[cell(c, r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    for row in [columns, ["-" * w for w in widths]] + cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    click.echo(f"({len(rows)} rows)" if rows else "no rows", err=bool(rows))


def _relative(path: str, root: str | None) -> str:
    """``path`` below the folder the archive was ingested from, as the table view shows it."""
    return os.path.relpath(path, root) if root and path.startswith(root + os.sep) else path


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"


def _table(engine: Engine, rows: list[dict[str, Any]], fmt: str, columns: list[str], wide: bool) -> None:
    """``emit`` with files shown relative to the folder the archive was ingested from."""
    emit(rows, fmt, columns, wide, queries.archive_root(engine) if fmt == "table" else None)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--body", help='The body of papers that name none ("Kent County Council - Cabinet"); '
                             'kept for later runs.')
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default=True,
              help="Worker processes parsing and extracting (this process stores).")
@click.option("--dask", "scheduler", metavar="tcp://HOST:8786",
              help="Extract on this Dask cluster instead (pip install 'minutes[dask]'); workers must see PATHS.")
@click.option("--include", multiple=True, metavar="GLOB", help="Only files matching (name, or path below a folder "
              "given when the glob has a /); repeatable.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching; repeatable.")
@click.option("--max-seconds", type=click.FloatRange(min=1), default=budget.SECONDS, show_default=True,
              help="Time one file may take, before OCR; past it the file fails as 'timeout'.")
@click.option("--ocr-seconds-per-page", type=click.FloatRange(min=0), default=budget.OCR_SECONDS_PER_PAGE,
              show_default=True, help="More time allowed for each page read by OCR.")
@click.option("--max-mb", type=click.IntRange(min=64), default=budget.MEGABYTES, show_default=True,
              help="Memory one file may take (the worker's resident size); past it the file fails as 'memory'.")
@click.option("--verbose", "-v", is_flag=True, help="List the files skipped as no papers, with what they are.")
@db_option
@ocr_option
def ingest(paths: tuple[Path, ...], body: str | None, workers: int, scheduler: str | None, include: tuple[str, ...],
           exclude: tuple[str, ...], max_seconds: float, ocr_seconds_per_page: float, max_mb: int, verbose: bool,
           db: str, ocr: OcrMode) -> None:
    """Store the papers under PATHS (files or folders, recursively) in the database.

    Unchanged files are skipped, changed ones replaced, and stored ones
    re-extracted when an extractor component's version changed; files that
    are no papers (images, spreadsheets, JSON, data tables) are skipped and
    counted; a paper that cannot be read, or that takes more time or memory
    than allowed, is recorded as failed and the batch goes on. A component
    that raised is a warning: its facts are missing, the file's others are
    kept. Ctrl-C stops the batch and keeps the files stored. Exit status 1
    if any paper failed (130 when interrupted)."""
    _check_ocr(ocr)
    engine = connect(db)
    limits = budget.Budget(max_seconds, ocr_seconds_per_page, max_mb)
    live = Progress(sys.stderr)
    try:
        report = ingest_paths(engine, paths, progress=live, ocr=ocr, body=body, workers=workers, limits=limits,
                              include=include, exclude=exclude, dask=scheduler)
    except KeyboardInterrupt:  # a second Ctrl-C, during the linking: it stays owed
        live.clear()
        click.echo("interrupted while linking: the files are stored, their linking is owed to the next run", err=True)
        sys.exit(130)
    live.clear()
    for c in report.duplicates:
        click.echo(f"same content as {c.same_as}: {c.path} (recorded as another location)")
    for r in report.reextracted:
        click.echo(f"re-extracted: {r.path}: {', '.join(r.changes)}")
    for w in report.warnings:
        click.echo(f"warning: {w.path}: {w.warning}")
    for path in report.unnamed:
        click.echo(f"no body: {path}: a document names no body it can be told by (give one with --body)")
    if verbose:
        for k in report.skipped:
            click.echo(f"skipped: {k.path}: {k.why}")
    for f in report.failed:
        click.echo(f"failed: {f.path}: {f.reason}: {' '.join(f.detail.split())}")
    click.echo(f"{len(report.stored)} stored, {len(report.unchanged)} unchanged, {len(report.duplicates)} duplicates, "
               f"{len(report.replaced)} replaced, {len(report.reextracted)} re-extracted, {len(report.failed)} failed, "
               f"{len(report.skipped)} skipped, {len(report.warnings)} warnings")
    if report.interrupted:
        click.echo("interrupted: the files stored before Ctrl-C are kept; run again to go on", err=True)
        sys.exit(130)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.option("--dry-run", is_flag=True, help="Only list the files gone; forget nothing.")
@db_option
def prune(dry_run: bool, db: str) -> None:
    """Forget files that are gone (moved or deleted since they were stored):
    their facts are deleted unless another path still holds the same content."""
    gone = store.prune(connect(db), dry_run)
    for path in gone:
        click.echo(f"{'gone' if dry_run else 'forgotten'}: {path}")
    click.echo(f"{len(gone)} {'gone' if dry_run else 'forgotten'}", err=True)


class Progress:
    """What a long batch shows on stderr as it goes: files and pages per
    second, time left, the files in hand, and each failure as it happens. On a
    terminal one line redrawn; elsewhere (a log) a line every ``EVERY`` seconds."""
    EVERY = 10.0

    def __init__(self, stream: Any) -> None:
        self.stream, self.live = stream, stream.isatty()
        self.start = self.last = time.monotonic()
        self.pages = 0
        self.drawn = False

    def __call__(self, e: Event) -> None:
        self.pages += e.pages
        if e.failure is not None and e.total > PROGRESS_FROM:
            self.clear()
            click.echo(f"failed: {e.failure.path}: {e.failure.reason}: {' '.join(e.failure.detail.split())}",
                       file=self.stream)
        now = time.monotonic()
        if e.total <= PROGRESS_FROM or (not self.live and now - self.last < self.EVERY and e.done < e.total):
            return
        self.last = now
        took = max(now - self.start, 1e-6)
        rate = e.done / took
        left = (e.total - e.done) / rate if rate else 0
        hand = ", ".join(Path(p).name for p in e.in_hand) or "-"
        line = (f"[{e.done}/{e.total}] {rate:.1f} files/s, {self.pages / took:.0f} pages/s, "
                f"{int(left) // 60}m{int(left) % 60:02d}s left; in hand: {hand}")
        if self.live:
            width = shutil.get_terminal_size().columns - 1
            self.stream.write("\r" + line[:width].ljust(width))
            self.stream.flush()
            self.drawn = True
        else:
            click.echo(line, file=self.stream)

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (shutil.get_terminal_size().columns - 1) + "\r")
            self.stream.flush()
            self.drawn = False


@cli.command()
@listing
def summary(fmt: str, wide: bool, db: str) -> None:
    """What the database holds: files, documents, meetings, people, facts."""
    rows = [{"what": name, "count": value} for name, value in queries.summary(open_readonly(db)).items()]
    emit(rows, fmt, ["what", "count"], wide)


KINDS = click.Choice(["minutes", "agenda", "report", "strategy", "work_programme", "other"])


@cli.command()
@click.option("--flagged", is_flag=True, help="Only failed files and minutes with a field that came up empty.")
@listing
def report(flagged: bool, fmt: str, wide: bool, db: str) -> None:
    """Per file: the documents found and their counts of attendees, apologies,
    items, actions, decisions and money; minutes with no attendees, items or
    decisions flagged (almost always a miss worth a look), failed files with
    their reason."""
    engine = open_readonly(db)
    rows = report_queries.extraction_report(engine, flagged_only=flagged)
    _table(engine, rows, fmt, ["file", "document", "kind", "meeting_date", "attendees", "apologies", "items",
                               "actions", "decisions", "funding", "warnings", "flag"], wide)


@cli.command()
@click.option("--body", help="Body name contains this (any case).")
@click.option("--kind", type=KINDS)
@click.option("--from", "date_from", type=day, help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=day, help="Meetings on or before YYYY-MM-DD.")
@listing
def meetings(body: str | None, kind: str | None, date_from: datetime | None, date_to: datetime | None,
             fmt: str, wide: bool, db: str) -> None:
    """List documents (meetings, papers) by date."""
    engine = open_readonly(db)
    rows = queries.meetings(engine, body=body, kind=kind, date_from=date_from and date_from.date(),
                            date_to=date_to and date_to.date())
    _table(engine, rows, fmt, ["id", "body", "date", "kind", "title", "file", "page"], wide)


@cli.command()
@click.argument("document_id", type=int)
@listing
def show(document_id: int, fmt: str, wide: bool, db: str) -> None:
    """Everything extracted for DOCUMENT_ID, each fact with its page,
    character span and the words it was read from."""
    engine = open_readonly(db)
    doc = queries.document(engine, document_id)
    if doc is None:
        raise click.ClickException(f"no document {document_id}")
    if fmt == "json":
        click.echo(export.json_text(doc))
    elif fmt == "csv":
        emit([{"section": heading, "id": f.get("id"), "fact": text, "page": f["page"], "span_start": f["span_start"],
               "span_end": f["span_end"], "quote": f["quote"]} for heading, f, text in _document_facts(doc)],
             fmt, ["section", "id", "fact", "page", "span_start", "span_end", "quote"])
    else:
        for line in _document_lines(doc, wide, queries.archive_root(engine)):
            click.echo(line)


ATTENDANCE_HEADINGS = {"present": "Present", "in_attendance": "In attendance", "substitute": "Substitutes",
                       "absent": "Absent", "apologies": "Apologies"}


def _document_facts(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """Every fact of a document: its section heading, the fact, and a line describing it."""
    def also(*parts: Any) -> str:
        shown = [cell_text(p) for p in parts if p]
        return f" ({', '.join(shown)})" if shown else ""

    out: list[tuple[str, dict[str, Any], str]] = []
    for kind, heading in ATTENDANCE_HEADINGS.items():
        out += [(heading, a, a["name"] + also(a["role"], a["organisation"],
                                              a["substitute_for"] and f"for {a['substitute_for']}",
                                              a["virtual"] and "virtual"))
                for a in doc["attendance"] if a["status"] == kind]
    out += [("Items", i, f"{i['ref'] or '-'} {i['title']}") for i in doc["items"]]
    out += [("Actions", a, f"{a['text']} [owner: {a['owners'] or '?'}; due: {a['due'] or a['due_text'] or '-'}; "
                           f"{a['label']}]") for a in doc["actions"]]
    out += [("Decisions", d, d["text"]) for d in doc["decisions"]]
    out += [("Funding", f, _sum(f["amount"], f["amount_high"], f["currency"], f["pence"])
             + also(f["kind"], f["period"], f["purpose"], f["mentions"] > 1 and f"said {f['mentions']} times"))
            for f in doc["funding"]]
    out += [("Targets", t, t["indicator"] + also(t["code"], _measure("baseline", t["baseline"], t["baseline_period"]),
                                                 _measure("target", t["target"], t["target_period"]), t["unit"]))
            for t in doc["targets"]]
    nm = doc["next_meeting"]
    if nm:
        out.append(("Next meeting", nm, " ".join(cell_text(v) for v in (nm["date"] or nm["date_text"], nm["time"],
                                                                    nm["venue"]) if v)))
    out += [("Warnings (these components failed; their facts are missing)", w,
             f"{w['component']}@{w['version']}: {w['error']}: {' '.join(w['message'].split())}")
            for w in doc["warnings"]]
    return out


def _document_lines(doc: dict[str, Any], wide: bool, root: str | None) -> list[str]:
    out = [f"#{doc['id']} {doc['kind']}: {' '.join(doc['title'].split())}",
           f"{doc['body'] or '(body unknown)'}, {cell_text(doc['meeting_date']) or '(no date)'}"
           f"{', ' + doc['venue'] if doc['venue'] else ''}",
           f"{_relative(doc['file'], root)} p.{doc['page']}"]
    out += [f"also at: {_relative(p, root)}" for p in doc["locations"] if p != doc["file"]]
    if doc["copy_of_id"]:
        out.append(f"a copy of #{doc['copy_of_id']} in another format: its facts are listed and counted there")
    out += [f"the same meeting: #{c['id']} {_relative(c['file'], root)} p.{c['page']}" for c in doc["copies"]]
    heading = None
    for section, fact, text in _document_facts(doc):
        if section != heading:
            out.append(f"\n{section}:")
            heading = section
        out.append(f"  {text}  p.{fact['page']} [{fact['span_start']}-{fact['span_end']}]")
        words = " ".join(fact["quote"].split())
        if words and words != " ".join(text.split()):
            out.append(f"      \"{words if wide else _cut(words)}\"")
    return out


def _measure(label: str, value: Decimal | None, period: str | None) -> str | None:
    # normalize(): 21.5 rather than the column's 21.5000
    return None if value is None else " ".join(filter(None, [label, f"{value.normalize():f}", period]))


@cli.group(invoke_without_command=True)
@click.option("--owner", help="An owner's name (any name of the same person) contains this (any case).")
@click.option("--body", help="Body (organisation or committee) name contains this (any case).")
@click.option("--due-before", type=day, help="Due before YYYY-MM-DD (actions without a date are left out).")
@click.option("--open", "open_only", is_flag=True, help="Not done (open, in progress, overdue, no later record); one "
              "row per action, the log rows and later actions restating it left out.")
@click.option("--overdue", is_flag=True, help="Overdue only.")
@click.option("--since", type=day, help="Raised at meetings on or after YYYY-MM-DD.")
@click.option("--as-of", "as_of", type=day, help="Status as known on YYYY-MM-DD (default: today).")
@click.option("--by-owner", is_flag=True, help="One row per owner and action, sorted by owner.")
@listing
@click.pass_context
def actions(ctx: click.Context, owner: str | None, body: str | None, due_before: datetime | None, open_only: bool,
            overdue: bool, since: datetime | None, as_of: datetime | None, by_owner: bool, fmt: str, wide: bool,
            db: str) -> None:
    """List actions with owners, due dates and status, worked out for the day
    asked from the evidence in later minutes (quoted, with its file and
    page): done, in progress / carried forward, open, overdue, or no later
    record (with the number of later meetings silent on it). Each row names
    its meeting, document, file and page.

    `actions set ID --status done --note ...` and `actions reopen ID` record
    a ruling by hand."""
    if ctx.invoked_subcommand is not None:
        return
    engine = open_readonly(db)
    rows = queries.select_actions(engine, owner=owner, body=body, due_before=due_before and due_before.date(),
                                  since=since and since.date(), as_of=as_of and as_of.date(),
                                  open_only=open_only, overdue_only=overdue, threads=by_owner)
    if by_owner:
        rows = queries.by_owner(rows)
    if fmt == "table":  # the status as the officer reads it: "no later record (3 meetings silent)"
        rows = [r | {"status": r["label"]} for r in rows]
    _table(engine, rows, fmt, ["owners", "id", "due", "meeting_date", "document_id", "text", "status", "evidence",
                               "evidence_file", "file", "page"] if by_owner else
           ["id", "due", "owners", "text", "status", "evidence", "evidence_file", "evidence_page", "body",
            "meeting_date", "document_id", "file", "page"], wide)


@actions.command("set")
@click.argument("action_id", type=int)
@click.option("--status", "ruled", required=True, type=click.Choice(["done", "in_progress"]),
              help="The status the action has, whatever the papers say.")
@click.option("--note", help="Why: shown with the status as its evidence.")
@db_option
def set_status(action_id: int, ruled: str, note: str | None, db: str) -> None:
    """Rule ACTION_ID's status by hand (kept across re-ingests)."""
    _rule(db, action_id, ruled, note)


@actions.command()
@click.argument("action_id", type=int)
@click.option("--note", help="Why: shown with the status as its evidence.")
@db_option
def reopen(action_id: int, note: str | None, db: str) -> None:
    """Reopen ACTION_ID: what the papers said of it before no longer counts (kept across re-ingests)."""
    _rule(db, action_id, "open", note)


def _rule(db: str, action_id: int, ruled: str, note: str | None) -> None:
    try:
        a = status.rule(connect(db), action_id, ruled, note)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"action {a['id']}: {'reopened' if ruled == 'open' else status.LABELS[ruled]} (recorded by hand): "
               f"{' '.join(a['text'].split())}")


@cli.command()
@click.argument("name")
@click.option("--body", help="Body name contains this (any case).")
@listing
def person(name: str, body: str | None, fmt: str, wide: bool, db: str) -> None:
    """NAME across meetings: aliases, attendance and apologies per body and
    year, roles, actions owned (open / done) with their sources."""
    engine = open_readonly(db)
    found = people.person_report(engine, name, body)
    if not found:
        raise click.ClickException(f"no person named {name!r}")
    if fmt == "json":
        click.echo(export.json_text(found))
        return
    if fmt == "csv":
        emit([r for p in found for r in _person_rows(p)], fmt, PERSON_COLUMNS)
        return
    root = queries.archive_root(engine)
    for p in found:
        click.echo(f"{p['name']}\n  also written: " + "; ".join(sorted({a['alias'] for a in p['aliases']})))
        for m in p["meetings"]:
            click.echo(f"  {m['body'] or '(body unknown)'} {m['year'] or '-'}: {m['status']} at {m['meetings']}")
        for r in p["roles"]:
            seen = f"{cell_text(r['first_seen'])} to {cell_text(r['last_seen'])}"
            click.echo(f"  role: {r['role']} ({r['body']}, {seen})")
        for a in p["actions"]:
            text = " ".join(a["text"].split())
            click.echo(f"  [{a['label']}] {text if wide else _cut(text)} (due {a['due'] or '-'}; "
                       f"{_relative(a['file'], root)} p.{a['page']})"
                       + (f"; evidence: {a['evidence']}" if a["evidence"] else ""))


PERSON_COLUMNS = ["person", "kind", "what", "body", "when", "count", "status", "file", "page"]


def _person_rows(p: dict[str, Any]) -> list[dict[str, Any]]:
    """One person's report as flat rows (``PERSON_COLUMNS``): aliases, meetings per body and year, roles, actions."""
    blank = dict.fromkeys(PERSON_COLUMNS)
    return ([blank | {"person": p["name"], "kind": "alias", "what": a["alias"], "body": a["body"],
                      "when": f"{cell_text(a['first_seen'])} to {cell_text(a['last_seen'])}", "count": a["mentions"],
                      "file": a["file"], "page": a["page"]} for a in p["aliases"]]
            + [blank | {"person": p["name"], "kind": m["status"], "body": m["body"], "when": m["year"],
                        "count": m["meetings"]} for m in p["meetings"]]
            + [blank | {"person": p["name"], "kind": "role", "what": r["role"], "body": r["body"],
                        "when": f"{cell_text(r['first_seen'])} to {cell_text(r['last_seen'])}"} for r in p["roles"]]
            + [blank | {"person": p["name"], "kind": "action", "what": a["text"], "body": a["body"], "when": a["due"],
                        "status": a["label"], "file": a["file"], "page": a["page"]} for a in p["actions"]])


@cli.group(name="people")
def people_group() -> None:
    """Rule on who is who when the linking rules cannot: merge or split."""


@people_group.command()
@click.argument("name_a")
@click.argument("name_b")
@click.option("--body", help="Exact body name (default: every body).")
@db_option
def merge(name_a: str, name_b: str, body: str | None, db: str) -> None:
    """NAME_A and NAME_B are one person (kept across re-ingests)."""
    _override("merge", name_a, name_b, body, db)


@people_group.command()
@click.argument("name")
@click.argument("alias")
@click.option("--body", help="Exact body name (default: every body).")
@db_option
def split(name: str, alias: str, body: str | None, db: str) -> None:
    """ALIAS is not NAME: detach it (kept across re-ingests)."""
    _override("split", name, alias, body, db)


def _override(kind: str, a: str, b: str, body: str | None, db: str) -> None:
    open_readonly(db).dispose()  # a ruling is on a database that exists: never create an empty one for it
    try:
        people.add_override(connect(db), kind, a, b, body)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"merged: {a} and {b} are one person (kept across re-ingests)" if kind == "merge" else
               f"split: {b} is no longer linked to {a} (kept across re-ingests)")


@cli.command()
@click.option("--body", help="Body name contains this (any case).")
@click.option("--period", help='Financial year ("2010/11", however written in the papers) or period as written.')
@click.option("--purpose", help="Purpose contains this (any case).")
@click.option("--min", "min_amount", type=Decimal, help="Amounts of at least this many pounds.")
@click.option("--totals", is_flag=True, help="Print only the per-period totals.")
@listing
def funding(body: str | None, period: str | None, purpose: str | None, min_amount: Decimal | None, totals: bool,
            fmt: str, wide: bool, db: str) -> None:
    """List funding facts, then totals per body and period.

    A sum said several times in one paper is one fact (its mentions and
    pages shown). Totals add only allocations and budget lines: national
    estimates, bank balances, quoted prices, payments, costs, rates and
    total lines are listed but not added (counted as skipped). The table
    prints £1,234,567, with pence only where the paper printed them; csv and
    json keep exact decimals, and show the facts, or with --totals the totals."""
    engine = open_readonly(db)
    rows = queries.list_funding(engine, body=body, period=period, purpose=purpose, min_amount=min_amount)
    sums = queries.funding_totals(rows)
    total_columns = ["body", "period", "total", "total_high", "facts", "skipped"]
    if fmt == "table":
        rows = [r | {"amount": _sum(r["amount"], r["amount_high"], r["currency"], r["pence"])} for r in rows]
        sums = [t | {"total": format_amount(t["total"], t["currency"]),
                     "total_high": format_amount(t["total_high"], t["currency"])} for t in sums]
    if totals:
        emit(sums, fmt, total_columns, wide)
        return
    _table(engine, rows, fmt, ["id", "amount", "kind", "period", "purpose", "mentions", "pages", "body", "file"], wide)
    if fmt == "table" and rows:
        click.echo()
        emit(sums, fmt, total_columns, wide)


def _sum(amount: Decimal, high: Decimal | None, currency: str, pence: bool) -> str:
    """ "£1,200,000", "£150,000-£170,000", "£720.00": as the officer reads a sum."""
    upper = f"-{format_amount(high, currency, pence)}" if high is not None else ""
    return format_amount(amount, currency, pence) + upper


@cli.command(cls=QueryCommand)
@click.argument("words", nargs=-1, required=True)
@click.option("--body", help="Body name contains this (any case).")
@click.option("--from", "date_from", type=day, help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=day, help="Meetings on or before YYYY-MM-DD.")
@click.option("--kind", type=KINDS, help="Kind of document.")
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=20, show_default=True)
@click.option("--order", type=click.Choice(["rank", "date"]), default="rank", show_default=True,
              help="Best matches first, or by meeting date (undated documents last).")
@listing
def search(words: tuple[str, ...], body: str | None, date_from: datetime | None, date_to: datetime | None,
           kind: str | None, limit: int, order: str, fmt: str, wide: bool, db: str) -> None:
    """Search the text of every document: words, "a phrase", word or word, -word.

    Each hit is a block (paragraph, heading, list item, table) with a
    snippet of its text, its document, body, date, file and page. Says so
    (on stderr) when more blocks match than --limit shows."""
    engine = open_readonly(db)
    rows, more = fts.search_more(engine, " ".join(words), body=body, date_from=date_from and date_from.date(),
                                 date_to=date_to and date_to.date(), kind=kind, limit=limit, order=order,  # type: ignore[arg-type]
                                 marks=("", ""))
    _table(engine, rows, fmt, ["score", "date", "body", "kind", "document_id", "page", "snippet", "file"], wide)
    if more:
        click.echo(f"more than {limit} blocks match: showing the first {limit} (--limit to see more)", err=True)


@cli.command(cls=QueryCommand)
@click.argument("words", nargs=-1, required=True)
@click.option("--body", help="Body name contains this (any case).")
@click.option("--from", "date_from", type=day, help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=day, help="Meetings on or before YYYY-MM-DD.")
@listing
def trace(words: tuple[str, ...], body: str | None, date_from: datetime | None, date_to: datetime | None, fmt: str,
          wide: bool, db: str) -> None:
    """A timeline of the items, decisions, actions and funding on a topic
    (WORDS, in search syntax), across bodies and years; undated documents last."""
    engine = open_readonly(db)
    rows = trail.trace(engine, " ".join(words), body=body, date_from=date_from and date_from.date(),
                       date_to=date_to and date_to.date())
    _table(engine, rows, fmt, ["date", "body", "fact", "text", "document_id", "page", "file"], wide)


@cli.command("export")
@click.argument("table", type=click.Choice(export.tables()))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file rather than standard output.")
@wide_option
@db_option
def export_table(table: str, fmt: str, out: Path | None, wide: bool, db: str) -> None:
    """Every row of TABLE, with body names, people, dates and file paths
    beside the ids."""
    engine = open_readonly(db)
    rows = export.export_rows(engine, table)
    columns = list(rows[0]) if rows else list(export.export_query(table).selected_columns.keys())
    if out is None:
        _table(engine, rows, fmt, columns, wide)
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as f, contextlib.redirect_stdout(f):
            _table(engine, rows, fmt, columns, wide)
    except OSError as e:
        raise click.ClickException(f"cannot write {out}: {e.strerror or e}") from e


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default serves this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@db_option
def serve(host: str, port: int, db: str) -> None:
    """A read-only web site over the database: actions by owner, meetings,
    people, search, trace, funding, and each fact on its source page."""
    engine = open_readonly(db)
    click.echo(f"Serving {database_url(db)} read-only at http://{host}:{port}/ (Ctrl-C stops)")
    waitress.serve(create_app(engine), host=host, port=port, threads=4, ident="minutes")


if __name__ == "__main__":
    cli()
