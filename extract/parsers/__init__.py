"""Parsers: one per format, each turning a file into a ``ParsedFile``."""
from __future__ import annotations

import hashlib
from pathlib import Path

from minutes.extract.document import ParsedFile
from minutes.extract.errors import ParseError
from minutes.extract.files import safe_text

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md", ".markdown": "md",
             ".html": "html", ".htm": "html"}
# Formats met in archives that we do not read, named so the batch report says what to do.
KNOWN_UNSUPPORTED = {
    ".doc": "legacy Word 97-2003 .doc; save it as .docx",
    ".dot": "legacy Word 97-2003 template; save it as .docx",
    ".rtf": "Rich Text Format (.rtf); save it as .docx",
    ".odt": "OpenDocument text (.odt); save it as .docx",
    ".docm": "macro-enabled Word file (.docm); save it as .docx",
    ".wpd": "WordPerfect document (.wpd); save it as .docx",
    ".xls": "Excel spreadsheet (.xls)",
    ".xlsx": "Excel spreadsheet (.xlsx)",
    ".ppt": "PowerPoint presentation (.ppt)",
    ".pptx": "PowerPoint presentation (.pptx)",
}


def file_format(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_file(path: str | Path) -> ParsedFile:
    """Parse any supported file; raise ``ParseError`` naming the file and reason."""
    path = Path(path)
    fmt = file_format(path)
    known = KNOWN_UNSUPPORTED.get(path.suffix.lower())
    if known:
        raise ParseError(str(path), "unsupported", known)
    if fmt is None:
        raise ParseError(str(path), "unsupported",
                         f"unsupported format {path.suffix or '(no extension)'!r}; "
                         f"supported: {', '.join(sorted(SUPPORTED))}")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ParseError(str(path), "unreadable", e.strerror or str(e)) from e
    if not data.strip():
        raise ParseError(str(path), "empty", "file is empty")
    digest = sha256_of(data)
    if fmt == "pdf":
        from minutes.extract.parsers.pdf import parse_pdf
        parsed = parse_pdf(path, data, digest)
    elif fmt == "docx":
        from minutes.extract.parsers.word import parse_docx
        parsed = parse_docx(path, data, digest)
    else:
        from minutes.extract.parsers.text import parse_text
        parsed = parse_text(path, data, digest, fmt)
    if not parsed.text.strip():
        raise ParseError(str(path), "empty", "no text found")
    parsed.path = safe_text(parsed.path)  # the name goes into records and the database as text
    return parsed
