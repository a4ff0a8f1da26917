"""The ``minutes`` command line: a thin shell over ``extract`` and ``models``."""
from __future__ import annotations

import contextlib
import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import click

from minutes.extract.errors import ParseError
from minutes.extract.export import file_record
from minutes.extract.extractor import StageError, extract_file
from minutes.extract.money import format_amount
from minutes.extract.parsers import pdf_debug
from minutes.extract.parsers.ocr import INSTALL as OCR_INSTALL, OCR_MODES, OcrMode
from minutes.extract.parsers.ocr import available as ocr_available
from minutes.models import collect_files, connect, export, ingest_paths, people, queries, status
from minutes.models import report as report_queries
from minutes.models import search as fts
from minutes.models import trace as trail
from minutes.models.db import DEFAULT_URL

PROGRESS_FROM = 5  # files; fewer finish before a bar would be worth drawing
CELL_WIDTH = 60  # characters of a table cell; csv and json keep everything

db_option = click.option("--db", envvar="MINUTES_DB", default=DEFAULT_URL, show_default=True,
                         help="Database URL (SQLite or PostgreSQL); env MINUTES_DB.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True, help="Output format.")
day = click.DateTime(formats=["%Y-%m-%d"])
ocr_option = click.option(
    "--ocr", type=click.Choice(OCR_MODES), default="auto", show_default=True,
    help="Read PDF pages by OCR (Tesseract): auto, pages with no text layer or a garbled one, "
         "where Tesseract is installed; always, every page; never.")


def _check_ocr(mode: str) -> None:
    if mode == "always" and not ocr_available():
        raise click.UsageError(f"--ocr always: Tesseract is not installed; {OCR_INSTALL}")


@click.group()
def cli() -> None:
    """Mine UK public-body minutes, agendas and papers into a queryable database."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one minutes-extract/1 JSON record per input file.")
@ocr_option
def extract(files: tuple[Path, ...], out_dir: Path, ocr: OcrMode) -> None:
    """Extract FILES to JSON records (no database): DIR/<file stem>.json."""
    _check_ocr(ocr)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in files:
        try:
            fx = extract_file(path, ocr=ocr)
        except ParseError as e:
            failed += 1
            click.echo(f"failed: {e.path}: {e.reason}: {e.detail}", err=True)
            continue
        except Exception as e:  # segment, or a bug outside the components: name the file, go on
            failed += 1
            click.echo(f"failed: {path}: error: {_error(e)}", err=True)
            continue
        for w in fx.warnings:
            click.echo(f"warning: {path}: {w}", err=True)
        record = file_record(fx)
        (out_dir / f"{path.stem}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> None:
    """Print ``rows`` as an aligned table (``columns`` only, cells cut short),
    CSV or JSON (every column, in full; money as exact decimal strings)."""
    if fmt == "json":
        click.echo(json.dumps(rows, indent=1, ensure_ascii=False, default=_text))
        return
    if fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _text(v) for k, v in r.items()} for r in rows)
        return
    columns = columns or list(rows[0]) if rows else []
    cells = [[_cut(_text(r[c])) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    for row in [columns, ["-" * w for w in widths]] + cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    click.echo(f"({len(rows)} rows)", err=True)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--body", help='The body of papers that name none ("Kent County Council - Cabinet"); kept for later runs.')
@db_option
@ocr_option
def ingest(paths: tuple[Path, ...], body: str | None, db: str, ocr: OcrMode) -> None:
    """Store the files under PATHS (files or folders, recursively) in the database.

    Unchanged files are skipped, changed ones replaced, and stored ones
    re-extracted when an extractor component's version changed; unreadable
    files are recorded as failed and the batch goes on. A component that
    raised is a warning: its facts are missing, the file's others are kept.
    Exit status 1 if any file failed."""
    _check_ocr(ocr)
    engine = connect(db)
    files = collect_files(paths)
    if len(files) > PROGRESS_FROM:
        with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
            report = ingest_paths(engine, files, progress=lambda _: bar.update(1), ocr=ocr, body=body)
    else:
        report = ingest_paths(engine, files, ocr=ocr, body=body)
    for c in report.duplicates:
        click.echo(f"same content as {c.same_as}: {c.path} (recorded as another location)")
    for r in report.reextracted:
        click.echo(f"re-extracted: {r.path}: {', '.join(r.changes)}")
    for w in report.warnings:
        click.echo(f"warning: {w.path}: {w.warning}")
    for path in report.unnamed:
        click.echo(f"no body: {path}: a document names no body it can be told by (give one with --body)")
    for f in report.failed:
        click.echo(f"failed: {f.path}: {f.reason}: {' '.join(f.detail.split())}")
    click.echo(f"{len(report.stored)} stored, {len(report.unchanged)} unchanged, {len(report.duplicates)} duplicates, "
               f"{len(report.replaced)} replaced, {len(report.reextracted)} re-extracted, {len(report.failed)} failed, "
               f"{len(report.warnings)} warnings")
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
def summary(db: str) -> None:
    """What the database holds: files, documents, meetings, people, facts."""
    for name, value in queries.summary(connect(db)).items():
        click.echo(f"{name:<14}{value:>8}")


@cli.command()
@click.option("--flagged", is_flag=True, help="Only failed files and minutes with a field that came up empty.")
@format_option
@db_option
def report(flagged: bool, fmt: str, db: str) -> None:
    """Per file: the documents found and their counts of attendees, apologies,
    items, actions, decisions and money; minutes with no attendees, items or
    decisions flagged (almost always a miss worth a look), failed files with
    their reason."""
    rows = report_queries.extraction_report(connect(db), flagged_only=flagged)
    emit(rows, fmt, ["file", "document", "kind", "meeting_date", "attendees", "apologies", "items", "actions",
                     "decisions", "funding", "warnings", "flag"])


@cli.command()
@click.option("--body", help="Body name contains this (any case).")
@click.option("--kind", type=click.Choice(["minutes", "agenda", "report", "strategy", "work_programme", "other"]))
@click.option("--from", "date_from", type=day, help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=day, help="Meetings on or before YYYY-MM-DD.")
@format_option
@db_option
def meetings(body: str | None, kind: str | None, date_from: datetime | None, date_to: datetime | None,
             fmt: str, db: str) -> None:
    """List documents (meetings, papers) by date."""
    rows = queries.meetings(connect(db), body=body, kind=kind, date_from=date_from and date_from.date(),
                            date_to=date_to and date_to.date())
    emit(rows, fmt, ["id", "body", "date", "kind", "title", "file", "page"])


@cli.command()
@click.argument("document_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def show(document_id: int, fmt: str, db: str) -> None:
    """Everything extracted for DOCUMENT_ID, each fact with its page."""
    doc = queries.document(connect(db), document_id)
    if doc is None:
        raise click.ClickException(f"no document {document_id}")
    if fmt == "json":
        click.echo(json.dumps(doc, indent=1, ensure_ascii=False, default=_text))
        return
    for line in _document_lines(doc):
        click.echo(line)


ATTENDANCE_HEADINGS = {"present": "Present", "in_attendance": "In attendance", "substitute": "Substitutes",
                       "absent": "Absent", "apologies": "Apologies"}


def _document_lines(doc: dict[str, Any]) -> list[str]:
    def section(title: str, rows: list[dict[str, Any]], line: Callable[[dict[str, Any]], str]) -> list[str]:
        return [f"\n{title}:"] + [f"  {line(r)}  p.{r['page']}" for r in rows] if rows else []

    def also(*parts: Any) -> str:
        shown = [_text(p) for p in parts if p]
        return f" ({', '.join(shown)})" if shown else ""

    out = [f"#{doc['id']} {doc['kind']}: {' '.join(doc['title'].split())}",
           f"{doc['body'] or '(body unknown)'}, {_text(doc['meeting_date']) or '(no date)'}"
           f"{', ' + doc['venue'] if doc['venue'] else ''}",
           f"{doc['file']} p.{doc['page']}"]
    out += [f"also at: {p}" for p in doc["locations"] if p != doc["file"]]
    if doc["copy_of_id"]:
        out.append(f"a copy of #{doc['copy_of_id']} in another format: its facts are listed and counted there")
    out += [f"the same meeting: #{c['id']} {c['file']} p.{c['page']}" for c in doc["copies"]]
    for kind, heading in ATTENDANCE_HEADINGS.items():
        listed = [a for a in doc["attendance"] if a["status"] == kind]
        out += section(heading, listed, lambda a: a["name"] + also(
            a["role"], a["organisation"], a["substitute_for"] and f"for {a['substitute_for']}",
            a["virtual"] and "virtual"))
    out += section("Items", doc["items"], lambda i: f"{i['ref'] or '-'} {i['title']}")
    out += section("Actions", doc["actions"], lambda a: f"{a['text']} [owner: {a['owners'] or '?'}; "
                                                        f"due: {a['due'] or a['due_text'] or '-'}; {a['label']}]")
    out += section("Decisions", doc["decisions"], lambda d: d["text"])
    out += section("Funding", doc["funding"], lambda f: _sum(f["amount"], f["amount_high"], f["currency"], f["pence"])
                   + also(f["kind"], f["period"], f["purpose"], f["mentions"] > 1 and f"said {f['mentions']} times"))
    out += section("Targets", doc["targets"], lambda t: t["indicator"] + also(
        t["code"], _measure("baseline", t["baseline"], t["baseline_period"]),
        _measure("target", t["target"], t["target_period"]), t["unit"]))
    nm = doc["next_meeting"]
    if nm:
        out += section("Next meeting", [nm], lambda n: " ".join(
            _text(v) for v in (n["date"] or n["date_text"], n["time"], n["venue"]) if v))
    out += section("Warnings (these components failed; their facts are missing)", doc["warnings"],
                   lambda w: f"{w['component']}@{w['version']}: {w['error']}: {' '.join(w['message'].split())}")
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
@format_option
@db_option
@click.pass_context
def actions(ctx: click.Context, owner: str | None, body: str | None, due_before: datetime | None, open_only: bool,
            overdue: bool, since: datetime | None, as_of: datetime | None, by_owner: bool, fmt: str, db: str) -> None:
    """List actions with owners, due dates and status, worked out for the day
    asked from the evidence in later minutes (quoted, with its file and
    page): done, in progress / carried forward, open, overdue, or no later
    record (with the number of later meetings silent on it).

    `actions set ID --status done --note ...` and `actions reopen ID` record
    a ruling by hand."""
    if ctx.invoked_subcommand is not None:
        return
    rows = queries.select_actions(connect(db), owner=owner, body=body, due_before=due_before and due_before.date(),
                                  since=since and since.date(), as_of=as_of and as_of.date(),
                                  open_only=open_only, overdue_only=overdue, threads=by_owner)
    if by_owner:
        rows = sorted(({**r, "owners": o} for r in rows for o in (r["owners"] or "(no owner)").split("; ")),
                      key=lambda r: (r["owners"].casefold(), r["due"] or "9999", r["id"]))
    if fmt == "table":  # the status as the officer reads it: "no later record (3 meetings silent)"
        rows = [r | {"status": r["label"]} for r in rows]
    emit(rows, fmt, ["owners", "id", "due", "meeting_date", "text", "status", "evidence", "evidence_file", "file",
                     "page"] if by_owner else
         ["id", "due", "owners", "text", "status", "evidence", "evidence_file", "evidence_page", "body", "file", "page"])


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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def person(name: str, body: str | None, fmt: str, db: str) -> None:
    """NAME across meetings: aliases, attendance and apologies per body and
    year, roles, actions owned (open / done) with their sources."""
    found = people.person_report(connect(db), name, body)
    if not found:
        raise click.ClickException(f"no person named {name!r}")
    if fmt == "json":
        click.echo(json.dumps(found, indent=1, ensure_ascii=False, default=_text))
        return
    for p in found:
        click.echo(f"{p['name']}\n  also written: " + "; ".join(sorted({a['alias'] for a in p['aliases']})))
        for m in p["meetings"]:
            click.echo(f"  {m['body'] or '(body unknown)'} {m['year'] or '-'}: {m['status']} at {m['meetings']}")
        for r in p["roles"]:
            click.echo(f"  role: {r['role']} ({r['body']}, {_text(r['first_seen'])} to {_text(r['last_seen'])})")
        for a in p["actions"]:
            click.echo(f"  [{a['label']}] {' '.join(a['text'].split())} (due {a['due'] or '-'}; "
                       f"{Path(a['file']).name} p.{a['page']})" + (f"; evidence: {a['evidence']}" if a["evidence"] else ""))


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
@format_option
@db_option
def funding(body: str | None, period: str | None, purpose: str | None, min_amount: Decimal | None, totals: bool,
            fmt: str, db: str) -> None:
    """List funding facts, then totals per body and period.

    A sum said several times in one paper is one fact (its mentions and
    pages shown). Totals add only allocations and budget lines: national
    estimates, bank balances, quoted prices, payments, costs, rates and
    total lines are listed but not added (counted as skipped). The table
    prints £1,234,567, with pence only where the paper printed them; csv and
    json keep exact decimals, and show the facts, or with --totals the totals."""
    rows = queries.list_funding(connect(db), body=body, period=period, purpose=purpose, min_amount=min_amount)
    sums = queries.funding_totals(rows)
    if fmt == "table":
        rows = [r | {"amount": _sum(r["amount"], r["amount_high"], r["currency"], r["pence"])} for r in rows]
        sums = [t | {"total": format_amount(t["total"], t["currency"]),
                     "total_high": format_amount(t["total_high"], t["currency"])} for t in sums]
    if totals:
        emit(sums, fmt)
        return
    emit(rows, fmt, ["id", "amount", "kind", "period", "purpose", "mentions", "pages", "body", "file"])
    if fmt == "table" and rows:
        click.echo()
        emit(sums, fmt, ["body", "period", "total", "total_high", "facts", "skipped"])


def _sum(amount: Decimal, high: Decimal | None, currency: str, pence: bool) -> str:
    """ "£1,200,000", "£150,000-£170,000", "£720.00": as the officer reads a sum."""
    return format_amount(amount, currency, pence) + (f"-{format_amount(high, currency, pence)}" if high is not None else "")


@cli.command()
@click.argument("query")
@click.option("--body", help="Body name contains this (any case).")
@click.option("--from", "date_from", type=day, help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=day, help="Meetings on or before YYYY-MM-DD.")
@click.option("--kind", type=click.Choice(["minutes", "agenda", "report", "strategy", "work_programme", "other"]),
              help="Kind of document.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--order", type=click.Choice(["rank", "date"]), default="rank", show_default=True,
              help="Best matches first, or by meeting date (undated documents last).")
@format_option
@db_option
def search(query: str, body: str | None, date_from: datetime | None, date_to: datetime | None, kind: str | None,
           limit: int, order: str, fmt: str, db: str) -> None:
    """Search the text of every document: words, "a phrase", word or word, -word.

    Each hit is a block (paragraph, heading, list item, table) with its
    matched words in **bold**, its document, body, date, file and page."""
    rows = fts.search(connect(db), query, body=body, date_from=date_from and date_from.date(),
                      date_to=date_to and date_to.date(), kind=kind, limit=limit, order=order)  # type: ignore[arg-type]
    emit(rows, fmt, ["score", "date", "body", "kind", "document_id", "page", "snippet", "file"])


@cli.command()
@click.argument("topic")
@click.option("--body", help="Body name contains this (any case).")
@click.option("--from", "date_from", type=day, help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=day, help="Meetings on or before YYYY-MM-DD.")
@format_option
@db_option
def trace(topic: str, body: str | None, date_from: datetime | None, date_to: datetime | None, fmt: str,
          db: str) -> None:
    """A timeline of the items, decisions, actions and funding on TOPIC
    (search syntax), across bodies and years; undated documents last."""
    rows = trail.trace(connect(db), topic, body=body, date_from=date_from and date_from.date(),
                       date_to=date_to and date_to.date())
    emit(rows, fmt, ["date", "body", "fact", "text", "document_id", "page", "file"])


@cli.command("export")
@click.argument("table", type=click.Choice(export.tables()))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file rather than standard output.")
@db_option
def export_table(table: str, fmt: str, out: Path | None, db: str) -> None:
    """Every row of TABLE, with body names, people, dates and file paths
    beside the ids."""
    rows = export.export_rows(connect(db), table)
    if out is None:
        emit(rows, fmt)
        return
    with out.open("w", encoding="utf-8", newline="") as f, contextlib.redirect_stdout(f):
        emit(rows, fmt)


if __name__ == "__main__":
    cli()
