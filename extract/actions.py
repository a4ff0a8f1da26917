"""Actions."""
from __future__ import annotations

from extract.records import ExtractedDocument, Action


def extract_actions(doc: ExtractedDocument) -> list[Action]:
    return []
