"""File names as text.

A file name is bytes on Linux, and need not be valid UTF-8 (an archive copied
from an old Windows share often has Latin-1 names). Python keeps the bad
bytes as lone surrogates, which no database, JSON file or terminal accepts;
``path_text`` writes them as ``\\xNN`` escapes instead, the same way every
time, so the name can be stored, printed and matched again on the next run."""
from __future__ import annotations

import os
import re
from pathlib import Path


def safe_text(text: str) -> str:
    """``text`` with any undecodable bytes it carries (lone surrogates) as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def path_text(path: str | Path) -> str:
    """The absolute path of ``path`` as storable, printable text."""
    return safe_text(os.path.abspath(os.fsdecode(path)))


def real_path(path: str | Path) -> str:
    """The file's key: its real path as text, so a folder reached through a
    symbolic link holds the same files as the folder itself."""
    return path_text(os.path.realpath(os.fsdecode(path)))


_ESCAPED = re.compile(rb"\\x([0-9a-f]{2})")


def exists(text: str) -> bool:
    """Whether the file a stored path names is still there: the text as it
    is, or with its ``\\xNN`` escapes as the bytes they stand for."""
    raw = text.encode("utf-8")
    return os.path.lexists(raw) or os.path.lexists(_ESCAPED.sub(lambda m: bytes([int(m[1], 16)]), raw))
