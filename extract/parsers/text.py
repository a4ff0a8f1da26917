"""Plain text, markdown and simple HTML: markdown headings, bold, bullet and
numbered lists, tab-separated and pipe table rows, HTML tables. A form feed
starts a new page; otherwise the whole file is page 1."""
from __future__ import annotations

import html
import re
from pathlib import Path

from minutes.extract.document import DocumentBuilder, ParsedFile
from minutes.extract.errors import ParseError
from minutes.extract.parsers import UTF16_BOMS, utf16_order

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
BULLET = re.compile(r"^(\s*)([-*+•●▪]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))\s+(.*)$")
PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}")
HTML_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
HTML_ROW = re.compile(r"<tr\b.*?</tr>", re.S | re.I)
HTML_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S | re.I)
BOLD_LINE = re.compile(r"^\*\*[^*]{1,200}\*\*$")
TAG = re.compile(r"<[^>]+>")
MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>]+)>")


def clean_inline(text: str) -> str:
    """Strip markdown emphasis, links and inline HTML, keep the words."""
    text = MD_LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = re.sub(r"<sup>(.*?)</sup>", r"\1", text, flags=re.I)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = TAG.sub("", text)
    text = text.replace("**", " ").replace("__", " ")
    text = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", text)
    text = html.unescape(text)
    return re.sub(r"[ \u00a0]+", " ", text).strip()


def _decode(data: bytes) -> str:
    """UTF-16 (marked or not) and UTF-8 (marked or not) first. A file mostly
    in UTF-8 with a stray bad byte or two stays UTF-8, the bad bytes replaced;
    one whose only non-ASCII bytes are not UTF-8 is Windows-1252."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    order = utf16_order(data[:4096])
    if order:
        return data.decode(order, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    if good > bad:
        return text
    return data.decode("cp1252", errors="replace")  # five byte values are unassigned in Windows-1252


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip().strip("|")
    return [clean_inline(c) for c in inner.split("|")]


def parse_text(path: Path, data: bytes, sha256: str, fmt: str) -> ParsedFile:
    text = _decode(data)
    if "\x00" in text[:4096]:
        raise ParseError(str(path), "corrupt", "binary content in a text file")
    text = text.replace("\x00", "")  # a stray NUL further on: no database stores it in text
    builder = DocumentBuilder(str(path), fmt, sha256)
    for page_text in text.split("\f"):
        builder.new_page()
        _parse_page(builder, page_text.replace("\r\n", "\n"))
    return builder.build()


def _parse_page(builder: DocumentBuilder, text: str) -> None:
    # HTML tables become table blocks; the text around them is parsed as lines.
    pos = 0
    for m in HTML_TABLE.finditer(text):
        _parse_lines(builder, text[pos:m.start()].split("\n"))
        rows = [[clean_inline(c) for c in HTML_CELL.findall(r)] for r in HTML_ROW.findall(m.group(0))]
        builder.add_table(rows)
        pos = m.end()
    _parse_lines(builder, text[pos:].split("\n"))


def _parse_lines(builder: DocumentBuilder, lines: list[str]) -> None:
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            # line breaks are kept: in minutes a line is often a unit (a name, a post)
            builder.add("paragraph", "\n".join(clean_inline(line) for line in para))
            para.clear()
        if table:
            builder.add_table(table)
            table.clear()

    # "**A****B**": converters glue separate bold paragraphs into one line
    lines = [part for raw in lines for part in raw.replace("****", "**\n**").split("\n")]
    for raw in lines:
        line = raw.rstrip()
        if not line.strip() or line.strip() == "---":
            flush()
            continue
        if line.lstrip().startswith("|"):
            if para:
                flush()
            if not PIPE_RULE.match(line.strip()):
                table.append(_pipe_cells(line))
            continue
        # a row whose other cells are empty ("Capital Funding:\t\t\t") is still a table row
        if "\t" in line.strip("\t ") or (line.startswith("\t") and line.strip()) or raw.rstrip(" ").endswith("\t"):
            if para:
                flush()
            table.append([clean_inline(c) for c in line.split("\t")])
            continue
        if table:
            flush()
        m = HEADING.match(line)
        if m:
            flush()
            builder.add("heading", clean_inline(m.group(2)), level=len(m.group(1)))
            continue
        m = BULLET.match(line)
        if m:
            flush()
            depth = len(m.group(1).expandtabs(4)) // 2
            marker, body = m.group(2), m.group(3)
            nested = BULLET.match(body)  # "- 1) That ..." carries its own number
            if marker in "-*+•●▪" and nested and nested.group(2) not in "-*+•●▪":
                marker, body = nested.group(2), nested.group(3)
            builder.add("list_item", clean_inline(body), level=depth, label=marker)
            continue
        stripped = line.strip().rstrip("\\ ")
        if BOLD_LINE.match(stripped) and not para:
            # a paragraph that is bold throughout is a heading in all but style
            builder.add("heading", clean_inline(stripped), level=6)
            continue
        para.append(stripped)
    flush()
