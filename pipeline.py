"""The ``minutes`` command line: a thin shell over ``extract`` and ``models``."""
from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import click

from extract.errors import ParseError
from extract.export import file_record
from extract.extractor import extract_file
from models import collect_files, connect, ingest_paths, queries
from models.db import DEFAULT_URL

PROGRESS_FROM = 5  # files; fewer finish before a bar would be worth drawing
CELL_WIDTH = 60  # characters of a table cell; csv and json keep everything

db_option = click.option("--db", envvar="MINUTES_DB", default=DEFAULT_URL, show_default=True,
                         help="Database URL (SQLite or PostgreSQL); env MINUTES_DB.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True, help="Output format.")
day = click.DateTime(formats=["%Y-%m-%d"])


@click.group()
def cli() -> None:
    """Mine UK public-body minutes, agendas and papers into a queryable database."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one minutes-extract/1 JSON record per input file.")
def extract(files: tuple[Path, ...], out_dir: Path) -> None:
    """Extract FILES to JSON records (no database): DIR/<file stem>.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in files:
        try:
            record = file_record(extract_file(path))
        except ParseError as e:
            failed += 1
            click.echo(f"failed: {e.path}: {e.reason}: {e.detail}", err=True)
            continue
        except Exception as e:  # an extractor bug must not stop a batch; name the file
            failed += 1
            click.echo(f"failed: {path}: error: {type(e).__name__}: {e}", err=True)
            continue
        (out_dir / f"{path.stem}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
    click.echo(f"{len(files) - failed} extracted, {failed} failed", err=True)
    if failed:
        sys.exit(1)


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
@db_option
def ingest(paths: tuple[Path, ...], db: str) -> None:
    """Store the files under PATHS (files or folders, recursively) in the database.

    Unchanged files are skipped, changed ones replaced; unreadable files are
    recorded as failed and the batch goes on. Exit status 1 if any failed."""
    engine = connect(db)
    files = collect_files(paths)
    if len(files) > PROGRESS_FROM:
        with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
            report = ingest_paths(engine, files, progress=lambda _: bar.update(1))
    else:
        report = ingest_paths(engine, files)
    for f in report.failed:
        click.echo(f"failed: {f.path}: {f.reason}: {' '.join(f.detail.split())}")
    click.echo(f"{len(report.stored)} stored, {len(report.unchanged)} unchanged, "
               f"{len(report.replaced)} replaced, {len(report.failed)} failed")
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
def summary(db: str) -> None:
    """What the database holds: files, documents, meetings, people, facts."""
    for name, value in queries.summary(connect(db)).items():
        click.echo(f"{name:<14}{value:>8}")


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
    emit(rows, fmt)


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
    for status, heading in ATTENDANCE_HEADINGS.items():
        people = [a for a in doc["attendance"] if a["status"] == status]
        out += section(heading, people, lambda a: a["name"] + also(
            a["role"], a["organisation"], a["substitute_for"] and f"for {a['substitute_for']}",
            a["virtual"] and "virtual"))
    out += section("Items", doc["items"], lambda i: f"{i['ref'] or '-'} {i['title']}")
    out += section("Actions", doc["actions"], lambda a: f"{a['text']} [owner: {a['owners'] or '?'}; "
                                                        f"due: {a['due'] or a['due_text'] or '-'}; {a['status']}]")
    out += section("Decisions", doc["decisions"], lambda d: d["text"])
    out += section("Funding", doc["funding"], lambda f: f"£{f['amount']:,}" + (
        f"-£{f['amount_high']:,}" if f["amount_high"] is not None else "") + also(f["kind"], f["period"], f["purpose"]))
    out += section("Targets", doc["targets"], lambda t: t["indicator"] + also(
        t["code"], _measure("baseline", t["baseline"], t["baseline_period"]),
        _measure("target", t["target"], t["target_period"]), t["unit"]))
    nm = doc["next_meeting"]
    if nm:
        out += section("Next meeting", [nm], lambda n: " ".join(
            _text(v) for v in (n["date"] or n["date_text"], n["time"], n["venue"]) if v))
    return out


def _measure(label: str, value: Decimal | None, period: str | None) -> str | None:
    # normalize(): 21.5 rather than the column's 21.5000
    return None if value is None else " ".join(filter(None, [label, f"{value.normalize():f}", period]))


@cli.command()
@click.option("--owner", help="An owner's name, as resolved or as written, contains this (any case).")
@click.option("--body", help="Body name contains this (any case).")
@click.option("--due-before", type=day, help="Due before YYYY-MM-DD (actions without a date are left out).")
@format_option
@db_option
def actions(owner: str | None, body: str | None, due_before: datetime | None, fmt: str, db: str) -> None:
    """List actions with owners and due dates, each with its file and page."""
    rows = queries.list_actions(connect(db), owner=owner, body=body, due_before=due_before and due_before.date())
    emit(rows, fmt, ["id", "due", "owners", "text", "status", "body", "file", "page"])


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
    """List sums of money, then totals per period.

    Totals leave out rates and rows of kind "total" (which restate other
    rows). The table shows both lists; csv and json show the rows, or with
    --totals the totals."""
    rows = queries.list_funding(connect(db), body=body, period=period, purpose=purpose, min_amount=min_amount)
    sums = queries.funding_totals(rows)
    if totals:
        emit(sums, fmt)
        return
    emit(rows, fmt, ["id", "amount", "amount_high", "kind", "period", "purpose", "text", "body", "file", "page"])
    if fmt == "table" and rows:
        click.echo()
        emit(sums, fmt)


if __name__ == "__main__":
    cli()
