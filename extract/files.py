"""Files on disk as a batch sees them: which files a folder holds, and which
of them are not papers at all."""
from __future__ import annotations

import fnmatch
import io
import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from minutes.extract.parsers import KNOWN_UNSUPPORTED, SUPPORTED, sniff
from minutes.extract.paths import real_path


@dataclass(frozen=True)
class Skipped:
    path: str
    why: str  # what the file is instead of a paper: "an image", "a spreadsheet", ...


def walk(paths: Iterable[str | Path], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[Path]:
    """The files named, and those under the folders named, in order, once
    each (by real path). Hidden files and folders (".name") and Office lock
    files ("~$name") under a folder are left out, and so, when given, are
    files no ``include`` glob matches and those an ``exclude`` glob matches.
    A glob without "/" is matched against the file's name, one with "/"
    against its path below the folder given ("*" crosses "/")."""
    include, exclude = list(include), list(exclude)
    out: dict[str, Path] = {}
    for path in map(Path, paths):
        if not path.is_dir():
            out.setdefault(real_path(path), path)
            continue
        for f in sorted(path.rglob("*")):
            relative = f.relative_to(path)
            if not f.is_file() or any(part.startswith((".", "~$")) for part in relative.parts):
                continue
            if (include and not _matches(relative, include)) or _matches(relative, exclude):
                continue
            out.setdefault(real_path(f), f)
    return list(out.values())


def _matches(relative: Path, globs: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(relative.as_posix() if "/" in g else relative.name, g) for g in globs)


# What a folder says of itself, as text: "README.md", "read_me.txt", "LICENSE", "CHANGELOG".
NOTES_NAME = re.compile(r"read[\s_-]?me(?:[\s_-]?first)?|licen[cs]e|change[\s_-]?log", re.I)
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM", b"\x00\x00\x01\x00")
PAPER_SUFFIXES = set(SUPPORTED) | set(KNOWN_UNSUPPORTED) - {".xls", ".xlsx"}


def not_a_paper(path: Path, data: bytes) -> str | None:
    """What ``data`` is when it is no paper at all (an image, a spreadsheet,
    JSON, a table of data such as a manifest): a batch skips it rather than
    failing it. None for anything that is, or claims by its name to be, a
    paper, readable or not (a broken PDF is a failed paper, not a skip)."""
    if data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "an image"
    kind = sniff(data)
    if kind == "zip":
        names = _zip_names(data)
        if any(n.startswith("xl/") for n in names) or b"opendocument.spreadsheet" in data[:200]:
            return "a spreadsheet"
        return None if path.suffix.lower() in PAPER_SUFFIXES else "a ZIP archive"
    if kind == "ole":
        return "a spreadsheet" if "Workbook".encode("utf-16-le") in data else None
    if kind == "text":
        return "a folder's notes (a read-me)" if NOTES_NAME.fullmatch(path.stem) else _data_text(data)
    if kind is None and path.suffix.lower() not in PAPER_SUFFIXES:
        return "binary data in no paper's format"
    return None


def _zip_names(data: bytes) -> list[str]:
    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError):
        return []


def _data_text(data: bytes) -> str | None:
    """JSON, XML that is not HTML, or rows of a delimited table: data, not prose."""
    text = data[:65536].decode("utf-8", "replace")
    head = text.lstrip()
    if head[:1] in "{[":
        try:
            json.loads(data)
            return "JSON data"
        except ValueError:
            pass
    if head.startswith("<?xml") and "<html" not in head[:2048].lower():
        return "XML data"
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    for sep in ("\t", ",", ";"):
        counts = Counter(line.count(sep) for line in lines)
        width, rows = counts.most_common(1)[0] if counts else (0, 0)
        if width >= 1 and len(lines) >= 3 and rows >= 0.9 * len(lines):
            return "a table of data (" + {"\t": "tab", ",": "comma", ";": "semicolon"}[sep] + "-separated)"
    return None
