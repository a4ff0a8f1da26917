"""Plain text, markdown and simple HTML: markdown headings, bold, bullet and
numbered lists, tab-separated and pipe table rows, HTML tables. A form feed
starts a new page; otherwise the whole file is page 1."""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterator

from minutes.extract.document import DocumentBuilder, ParsedFile
from minutes.extract.errors import ParseError
from minutes.extract.parsers import UTF16_BOMS, utf16_order

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
BULLET = re.compile(r"^(\s*)([-*+•●▪]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))\s+(.*)$")
PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}")
# HTML elements, found opening tag then closing tag (see _elements)
TABLE = re.compile(r"<table\b", re.I), re.compile(r"</table>", re.I)
ROW = re.compile(r"<tr\b", re.I), re.compile(r"</tr>", re.I)
CELL = re.compile(r"<t[dh]\b[^<>]*>", re.I), re.compile(r"</t[dh]>", re.I)
BOLD_LINE = re.compile(r"^\*\*[^*]{1,200}\*\*$")
# Where plain text written a line per paragraph ends one: a line closing a sentence, or a numbered
# heading with no stop ("EL/23/12 Play area refurbishment"), before a line opening with a capital.
SENTENCE_CLOSE = re.compile(r"[.!?][\"'”’)\]]*$")
NUMBERED_HEAD = re.compile(r"^(?:(?:[A-Z]{1,5}|[A-Z][a-z][A-Z])[/ ]?)?\d{1,3}(?:[./]\d{1,3}){0,3}[a-z]?[.)]?\s+"
                           r"[A-Z][^.;:,]{0,60}[^\W_]$")
OPENS = re.compile(r"[A-Z0-9(]")
ACTION_TAIL = re.compile(r"\bactions?\s*[:\-–]\s*[^.;:]{1,40}$", re.I)  # "... tree lights. ACTION: PD"

# Inline markup. Each class stops at the next opener ("<", "[", "("), so a run
# of unclosed openers is scanned once, not once per opener.
TAG = re.compile(r"<[^<>]+>")
MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>]+)>")


def clean_inline(text: str) -> str:
    """Strip markdown emphasis, links and inline HTML, keep the words."""
    text = MD_LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = TAG.sub("", text)  # a superscript's tags too: "5<sup>th</sup>" reads "5th"
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
    for start, _, _, end in _elements(text, *TABLE):
        _parse_lines(builder, text[pos:start].split("\n"))
        table = text[start:end]
        rows = [[clean_inline(table[a:b][c0:c1]) for _, c0, c1, _ in _elements(table[a:b], *CELL)]
                for a, _, _, b in _elements(table, *ROW)]
        builder.add_table(rows)
        pos = end
    _parse_lines(builder, text[pos:].split("\n"))


def _elements(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> Iterator[tuple[int, int, int, int]]:
    """Each element opened by ``opening`` and closed by the first ``closing``
    after it: (start, content start, content end, end). Once no closing tag
    follows an opening one, none follows a later one either, so the search
    stops there (a lazy ``<table>.*?</table>`` scanned to the end from every
    unclosed tag)."""
    pos = 0
    while (m := opening.search(text, pos)) and (c := closing.search(text, m.end())):
        yield m.start(), m.end(), c.start(), c.end()
        pos = c.end()


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
        if para and OPENS.match(stripped) and NUMBERED_HEAD.match(para[-1]):
            head = para.pop()  # a numbered heading, set apart as a bold one in a PDF is
            flush()
            builder.add("heading", clean_inline(head), level=6)
        elif para and OPENS.match(stripped) and (SENTENCE_CLOSE.search(para[-1]) or ACTION_TAIL.search(para[-1])):
            flush()
        para.append(stripped)
    flush()
