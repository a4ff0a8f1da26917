"""Parsers: one per format, each turning a file into a ``ParsedFile``.

A file is read by what it holds, not by its name: PDF, Word (.docx, and the
legacy .doc, .rtf and .odt that LibreOffice converts) and text are known by
their first bytes, so a PDF without an extension or a .doc named .docx is
read all the same. The name only tells text formats apart (markdown, HTML)
and names what a file we do not read is.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from minutes.extract.document import ParsedFile
from minutes.extract.errors import ParseError
from minutes.extract.paths import safe_text
from minutes.extract.parsers.ocr import OcrMode

# Bumped when a parser reads files differently (the blocks it makes change):
# stored with each file beside the extractor components' versions, so the
# next ingest re-reads files the old parsers read.
PARSER = "parse"
PARSER_VERSION = 8  # 3: list numbers in the text layer, a running head kept where it opens page 1; 4: a cell
# line wrapped after a word ("Circulate the|draft") keeps its space; 5: plain text written a line per
# paragraph is cut into paragraphs (text.SENTENCE_CLOSE, NUMBERED_HEAD, ACTION_TAIL); 6: a "No. | Minute |
# Action" grid is layout; 7: a layout row's number cell may carry its title (a heading), its "Action" margin
# whole tasks, and a line break in a Word margin parts two entries; 8: a plain-text numbered heading's code
# may be in mixed case ("BoD 23/101")

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md", ".markdown": "md",
             ".html": "html", ".htm": "html", ".doc": "doc", ".dot": "doc", ".rtf": "rtf", ".odt": "odt"}
TEXT_FORMATS = {"txt", "md", "html"}
# Formats met in archives that we do not read, named so the batch report says what to do.
KNOWN_UNSUPPORTED = {
    ".docm": "macro-enabled Word file (.docm); save it as .docx",
    ".wpd": "WordPerfect document (.wpd); save it as .docx",
    ".xls": "Excel spreadsheet (.xls)",
    ".xlsx": "Excel spreadsheet (.xlsx)",
    ".ppt": "PowerPoint presentation (.ppt)",
    ".pptx": "PowerPoint presentation (.pptx)",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def file_format(path: Path) -> str | None:
    """The format a file's name claims (what a failed file is recorded as)."""
    return SUPPORTED.get(path.suffix.lower())


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff(data: bytes) -> str | None:
    """The format ``data`` is, from its content: pdf, docx, odt, doc, rtf,
    text, "zip" or "ole" (containers of something else); None for other binary."""
    if b"%PDF" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError):
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        return "odt" if "content.xml" in names and _odf_text(data) else "zip"
    if data.startswith(OLE_MAGIC):
        # Word 97-2003 keeps its text in a stream named WordDocument (names are UTF-16)
        return "doc" if "WordDocument".encode("utf-16-le") in data else "ole"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return "text" if is_text(data) else None


def _odf_text(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "mimetype" in z.namelist() and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text")


def is_text(data: bytes) -> bool:
    """Text in some encoding: UTF-16 (marked, or by its zero bytes), or bytes
    with no zero and almost no control characters."""
    head = data[:4096]
    if head.startswith(UTF16_BOMS) or utf16_order(head):
        return True
    if b"\x00" in head:
        return False
    control = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f")
    return control <= len(head) // 100


def utf16_order(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for unmarked UTF-16 of Latin text: every
    other byte is zero (the high byte of each character)."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 16:
        return None
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _format(path: Path, data: bytes) -> str:
    """What to read ``data`` as; raises ParseError for what we cannot read."""
    named, found = file_format(path), sniff(data)
    if found == "text":
        return named if named in TEXT_FORMATS else ("html" if b"<html" in data[:2048].lower() else "txt")
    if found in ("pdf", "docx", "odt", "doc", "rtf"):
        return found
    if found == "ole" and "EncryptedPackage".encode("utf-16-le") in data:
        raise ParseError(str(path), "encrypted", "password-protected Word file")
    known = KNOWN_UNSUPPORTED.get(path.suffix.lower())
    if known:
        raise ParseError(str(path), "unsupported", known)
    if named in ("pdf", "docx"):  # the parser says what is wrong with it
        return named
    what = {"zip": "a ZIP archive", "ole": "an Office file"}.get(found or "", "binary content")
    raise ParseError(str(path), "unsupported",
                     f"{what} in no format we read (named {path.suffix or '(no extension)'!r}); "
                     f"we read PDF, Word (.docx, .doc, .rtf, .odt), text, markdown and HTML")


def parse_file(path: str | Path, ocr: OcrMode = "auto") -> ParsedFile:
    """Parse any supported file; raise ``ParseError`` naming the file and reason.
    ``ocr`` says which PDF pages are read by OCR (see ``pdf.parse_pdf``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ParseError(str(path), "unreadable", e.strerror or str(e)) from e
    if not data.strip():
        raise ParseError(str(path), "empty", "file is empty")
    fmt = _format(path, data)
    digest = sha256_of(data)
    if fmt == "pdf":
        from minutes.extract.parsers.pdf import parse_pdf
        parsed = parse_pdf(path, data, digest, ocr)
    elif fmt in ("docx", "doc", "rtf", "odt"):
        from minutes.extract.parsers.word import parse_docx
        if fmt != "docx":
            from minutes.extract.parsers.legacy import to_docx
            data = to_docx(path, data, fmt)
        parsed = parse_docx(path, data, digest, fmt)
    else:
        from minutes.extract.parsers.text import parse_text
        parsed = parse_text(path, data, digest, fmt)
    if not parsed.text.strip():
        raise ParseError(str(path), "empty", "no text found")
    parsed.path = safe_text(parsed.path)  # the name goes into records and the database as text
    return parsed
