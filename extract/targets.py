"""Targets."""
from __future__ import annotations

from extract.records import ExtractedDocument, Target


def extract_targets(doc: ExtractedDocument) -> list[Target]:
    return []
