"""Agenda items and minute headings with their printed references."""
from __future__ import annotations

from extract.records import Item, Section


def extract_items(section: Section) -> list[Item]:
    return []
