"""The time and memory one file may take, and the hook by which slow work
the budget allows for (OCR, a page at a time) says it is starting.

A file's budget is ``seconds`` of wall time plus ``ocr_seconds_per_page``
for each page read by OCR (Tesseract needs seconds where the text layer
needs milliseconds), and ``megabytes`` of resident memory. ``extract.pool``
runs each file in a worker process and stops the worker past either limit;
the file is then recorded as failed ("timeout", "memory") and the batch goes on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

SECONDS = 300.0  # a 200-page born-digital PDF extracts in well under a minute on one core
OCR_SECONDS_PER_PAGE = 30.0  # Tesseract reads a page in 2-5 s here; a slower machine gets room
MEGABYTES = 2048  # a worker runs at 100-200 MB; a file needing ten times that is a bomb, not a paper


@dataclass(frozen=True)
class Budget:
    seconds: float = SECONDS
    ocr_seconds_per_page: float = OCR_SECONDS_PER_PAGE
    megabytes: int = MEGABYTES


DEFAULT = Budget()  # what a batch gets unless told otherwise


_listener: Callable[[], None] | None = None


def listen(callback: Callable[[], None] | None) -> None:
    """Have ``callback`` called for each page OCR starts on (a worker tells its supervisor)."""
    global _listener
    _listener = callback


def ocr_page() -> None:
    """Called by the OCR reader before each page: the budget grows by one OCR page."""
    if _listener is not None:
        _listener()
