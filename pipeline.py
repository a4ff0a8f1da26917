"""The ``minutes`` command line: a thin shell over ``extract`` and ``models``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extract.errors import ParseError
from extract.export import file_record
from extract.extractor import extract_file


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
        (out_dir / f"{path.stem}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
    click.echo(f"{len(files) - failed} extracted, {failed} failed", err=True)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    cli()
