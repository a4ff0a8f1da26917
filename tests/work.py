"""How much work a function does on a text, counted rather than timed (a
timed test would pass or fail with the machine's load): every Python line
and call it runs, plus every character it copies out of the text by slicing.
Doubling a text doubles a linear function's work and quadruples a quadratic one's."""
from __future__ import annotations

import sys
from typing import Any, Callable


class _Counted(str):
    sliced = 0

    def __getitem__(self, key: Any) -> str:
        out = str.__getitem__(self, key)
        if isinstance(key, slice):
            _Counted.sliced += len(out)
        return out


def work(fn: Callable[[str], Any], text: str) -> int:
    events = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal events
        events += 1
        return tracer

    _Counted.sliced = 0
    counted = _Counted(text)
    sys.settrace(tracer)
    try:
        fn(counted)
    finally:
        sys.settrace(None)
    return events + _Counted.sliced


def growth(fn: Callable[[str], Any], make: Callable[[int], str], size: int) -> float:
    """Work on a text of twice ``size`` over work on one of ``size``: about 2 when linear, 4 when quadratic."""
    return work(fn, make(2 * size)) / work(fn, make(size))
