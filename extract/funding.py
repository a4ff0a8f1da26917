"""Fundings."""
from __future__ import annotations

from extract.records import ExtractedDocument, Funding


def extract_funding(doc: ExtractedDocument) -> list[Funding]:
    return []
