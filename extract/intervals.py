"""Spans already taken: does a position fall inside one? Sorted once and
bisected, so checking each of a long text's matches against every span found
before it costs n log n, not n squared."""
from __future__ import annotations

import bisect
from itertools import accumulate
from typing import Iterable


class Taken:
    """Half-open spans [start, end)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))  # the furthest end so far: spans may nest

    def covers(self, position: int) -> bool:
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._reach[i]
