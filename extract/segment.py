"""Cut a parsed file into its documents (agenda, minutes, reports, ...)."""
from __future__ import annotations

from extract.document import ParsedFile
from extract.records import Section


def segment(parsed: ParsedFile) -> list[Section]:
    return [Section("other", parsed.blocks[0].text[:200], parsed.blocks)] if parsed.blocks else []
