"""Decisions."""
from __future__ import annotations

from extract.records import ExtractedDocument, Decision


def extract_decisions(doc: ExtractedDocument) -> list[Decision]:
    return []
