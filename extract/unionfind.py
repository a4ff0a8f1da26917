"""Connected groups by union-find, for the PDF parser (cells sharing a corner
are one table) and the people linker (names joined by a rule are one human).
Here, under extract/, so both sides can use it: models may import extract,
never the other way."""
from __future__ import annotations

from typing import Hashable, Iterable, TypeVar

T = TypeVar("T", bound=Hashable)


def connected_groups(members: Iterable[T], links: Iterable[tuple[T, T]]) -> list[list[T]]:
    """``members`` in groups joined by ``links`` (each a pair of members),
    every group in the order of ``members``, groups by their first member."""
    order = list(members)
    parent = {m: m for m in order}

    def root(m: T) -> T:
        while parent[m] != m:
            parent[m] = parent[parent[m]]  # path halving keeps the trees flat
            m = parent[m]
        return m

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[T, list[T]] = {}
    for m in order:
        groups.setdefault(root(m), []).append(m)
    return list(groups.values())
