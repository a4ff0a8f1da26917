"""Why a file could not be read. Every failure names the file and a reason
kind that a batch can record and count."""
from __future__ import annotations

from typing import Literal

Reason = Literal["unsupported", "corrupt", "encrypted", "empty", "no_text", "unreadable", "timeout"]


class ParseError(Exception):
    def __init__(self, path: str, reason: Reason, detail: str) -> None:
        super().__init__(f"{path}: {reason}: {detail}")
        self.path, self.reason, self.detail = path, reason, detail
