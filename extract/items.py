"""Agenda items and minute headings with their printed references."""
from __future__ import annotations

from extract.records import Item, Section


def extract_items(section: Section) -> list[Item]:
    return []


def item_at(items: list[Item], offset: int) -> Item | None:
    """The item whose heading last precedes ``offset`` (items are in text order)."""
    current = None
    for item in items:
        if item.span.start > offset:
            break
        current = item
    return current
