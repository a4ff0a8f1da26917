"""`minutes debug-pdf`: what the parser saw on one page, printed and drawn."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from make_files import make_pdf, ruled_grid
from minutes.pipeline import cli
from PIL import Image


def test_debug_pdf_prints_rules_tables_lines_furniture_and_blocks(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    running = (72, 770, 9, "Northfield Board minutes")
    path.write_bytes(make_pdf(
        [[running, (72, 700, 14, "Minutes"), (80, 652, 10, "Name"), (250, 652, 10, "Role"),
          (80, 632, 10, "Ada Quill"), (250, 632, 10, "Chair")],
         [running, (72, 700, 11, "The board met again.")]],
        rules=[ruled_grid([75, 240, 400], [665, 645, 625]), []]))
    result = CliRunner().invoke(cli, ["debug-pdf", str(path), "--page", "1", "--draw", str(tmp_path / "p1.png")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "page 1: 612 x 792 pt" in out and "rules: 3 across, 3 down" in out
    assert "2 rows x 2 columns" in out and "| Ada Quill | Chair" in out
    assert "furniture dropped: 1" in out and "Northfield Board minutes" in out.split("furniture dropped")[1]
    assert "heading level 1: Minutes" in out
    with Image.open(tmp_path / "p1.png") as image:
        assert image.size == (1224, 1584)  # drawn at twice the page's size in points


def test_debug_pdf_names_a_missing_page(tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(make_pdf([[(72, 700, 11, "Only page")]]))
    result = CliRunner().invoke(cli, ["debug-pdf", str(path), "--page", "3"])
    assert result.exit_code == 1 and "no page 3: the PDF has 1" in result.output
