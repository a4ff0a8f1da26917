"""OCR of page images with Tesseract (through pytesseract), read as hOCR so
every word keeps its box and every line its baseline and type size: the PDF
parser lays those words out exactly as it lays out a text layer's runs.

Tesseract is a separate program (Debian: tesseract-ocr, tesseract-ocr-eng);
without it, ``available()`` is False and scans fail with that advice.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

OcrMode = Literal["auto", "never", "always"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "never", "always")
DPI = 300  # Tesseract reads best with capitals 20-40 px tall: body type at 300 dpi
PAGE_TIMEOUT = 90  # seconds; a page needs 2-5 s, so past this the scan is stuck, not slow
LANGUAGE = "eng"
INSTALL = "install Tesseract with English data (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOISE = re.compile(r"[\W_]+")  # a low-confidence word of punctuation only is a speck, not text
NOISE_CONFIDENCE = 50
LINE_CONFIDENCE = 50  # text reads at 90 and more; pictures read as letters at under 50
MISREAD = {"Clir": "Cllr", "Clirs": "Cllrs", "ClIr": "Cllr", "ClIrs": "Cllrs"}
ORDINAL_QUOTE = re.compile(r'\d{1,2}["”“°*]')
MONTH = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
INK = 128  # grey levels below this are ink
RULE_LENGTH, RULE_THICKNESS = 15.0, 3.0  # points: a rule is this long at least and this thick at most
BOLD_STROKE = 1.3  # strokes this much thicker than the page's usual are bold
WIPE = 3  # pixels
BULLET_FILL = 0.55  # a solid disc fills 0.79 of its box, an "o" or "e" under 0.45


@dataclass
class Word:
    """A recognised word, in image pixels from the top left: its box, the
    baseline under it, the type size of its line and Tesseract's confidence."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float
    size: float
    confidence: float
    bold: bool = False


Rule = tuple[float, float, float]  # as in pdf.py: position across, start and end along (pixels here)


@dataclass
class OcrPage:
    words: list[Word]
    across: list[Rule]  # horizontal rules drawn in the image: (y, x0, x1)
    down: list[Rule]  # vertical rules: (x, top, bottom)

    @property
    def confidence(self) -> float:
        """Mean word confidence (0-100), as Tesseract reports it; 0 for no words."""
        return round(statistics.fmean(w.confidence for w in self.words), 1) if self.words else 0.0


class OcrTimeout(Exception):
    pass


@functools.cache
def available() -> bool:
    """Tesseract and its English data are installed (checked once per process)."""
    if shutil.which("tesseract") is None:
        return False
    import pytesseract
    try:
        return LANGUAGE in pytesseract.get_languages(config="")
    except pytesseract.TesseractError:
        return False


def read_page(image: Image.Image, dpi: int = DPI, timeout: float = PAGE_TIMEOUT) -> OcrPage:
    """The rules drawn on one page image, and the words Tesseract finds once
    the rules are wiped out (read as characters, they come out as "|" and "__")."""
    import numpy as np
    from PIL import Image
    pixels = np.array(image.convert("L"))
    dark = pixels < INK
    span, thickness = RULE_LENGTH * dpi / 72, RULE_THICKNESS * dpi / 72
    across, wipe_across = _rules(dark, span, thickness)
    down, wipe_down = _rules(dark.T, span, thickness)
    for row0, row1, col0, col1 in wipe_across:
        pixels[row0:row1, col0:col1] = 255
    for col0, col1, row0, row1 in wipe_down:
        pixels[row0:row1, col0:col1] = 255
    words = _tesseract(Image.fromarray(pixels), dpi, timeout)
    ink = pixels < INK
    _mark_bold(words, ink)
    _restore_bullets(words, ink)
    return OcrPage(words, across, down)


def _tesseract(image: Image.Image, dpi: int, timeout: float) -> list[Word]:
    import pytesseract
    # One thread a page: a batch runs a worker per core, and Tesseract's OpenMP
    # threads spin against them (a page took 9 s instead of 1.4 s on 2 busy cores).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        # --psm 6, one block: the layout is ours to read, and Tesseract's own
        # page analysis drops narrow columns such as item numbers in the margin
        hocr = pytesseract.image_to_pdf_or_hocr(image, lang=LANGUAGE, extension="hocr",
                                                config=f"--dpi {dpi} --psm 6", timeout=timeout)
    except RuntimeError as e:  # pytesseract kills Tesseract at the timeout and says so
        if "timeout" in str(e).lower():
            raise OcrTimeout(f"OCR of a page took over {timeout:g} s") from e
        raise
    return words_of_hocr(hocr)


def _rules(dark: np.ndarray, span: float, thickness: float) -> tuple[list[Rule], list[tuple[int, int, int, int]]]:
    """Horizontal rules in a page's ink (pass the transpose for vertical ones):
    runs of ink at least ``span`` long on consecutive rows, no thicker than
    ``thickness`` (thicker is a filled area: a photo, a logo, a shaded box).
    Returns the rules (row, start, end) and the rectangles of ink they take
    (row from, row to, column from, column to) to wipe out before OCR."""
    import numpy as np
    rows, cols = dark.shape
    edges = np.diff(np.pad(dark, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    start_rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # row-major order: the i-th end closes the i-th start
    long = ends - starts >= span
    groups: list[list[int]] = []  # [first row, last row, start, end] of runs stacked row on row
    previous: list[list[int]] = []  # the groups reaching the row above
    current: list[list[int]] = []
    row_at = -1
    for row, start, end in zip(start_rows[long].tolist(), starts[long].tolist(), ends[long].tolist()):
        if row != row_at:
            previous, current, row_at = (current if row == row_at + 1 else []), [], row
        group = next((g for g in previous if start < g[3] and end > g[2]), None)
        if group is None:
            group = [row, row, start, end]
            groups.append(group)
        else:
            group[1], group[2], group[3] = row, min(group[2], start), max(group[3], end)
        current.append(group)
    kept = [g for g in groups if g[1] - g[0] + 1 <= thickness]
    rules = [((g[0] + g[1] + 1) / 2, float(g[2]), float(g[3])) for g in kept]
    # with a margin: the grey edge a scan or anti-aliasing leaves beside a rule reads as a letter
    return rules, [(max(g[0] - WIPE, 0), min(g[1] + 1 + WIPE, rows), g[2], g[3]) for g in kept]


def _mark_bold(words: list[Word], dark: np.ndarray) -> None:
    """Bold type has thicker strokes. A stroke's width is twice its ink over
    its outline (ink edges counted across and down), whatever the letters;
    a word is bold when its strokes are clearly thicker than the page's
    usual ones in type of its size."""
    import numpy as np
    widths = []
    for word in words:
        ink = dark[int(word.top):int(word.bottom) + 1, int(word.x0):int(word.x1) + 1]
        outline = np.count_nonzero(ink[:, 1:] != ink[:, :-1]) + np.count_nonzero(ink[1:] != ink[:-1])
        # relative to the type size, so headings in large type are not all bold
        widths.append(2 * np.count_nonzero(ink) / outline / word.size if outline else 0.0)
    usual = weighted_median([(wd, len(w.text)) for wd, w in zip(widths, words) if wd])
    for word, width in zip(words, widths):
        word.bold = usual > 0 and width > BOLD_STROKE * usual


def _restore_bullets(words: list[Word], dark: np.ndarray) -> None:
    """Tesseract reads a list bullet as "e", "«" or "¢": a one-character word
    that is a small, round, solid blob of ink is a bullet."""
    for word in words:
        height, width = word.bottom - word.top + 1, word.x1 - word.x0 + 1
        if len(word.text) != 1 or not 0.2 * word.size <= height <= 0.45 * word.size \
                or not 0.7 <= width / height <= 1.4:
            continue
        if dark[int(word.top):int(word.bottom) + 1, int(word.x0):int(word.x1) + 1].mean() >= BULLET_FILL:
            word.text = "•"


def weighted_median(values: list[tuple[float, int]]) -> float:
    """The median of (value, weight) pairs; 0 for none."""
    total, seen = sum(n for _, n in values), 0
    for value, n in sorted(values):
        seen += n
        if 2 * seen >= total:
            return value
    return 0.0


def _props(title: str) -> dict[str, str]:
    """hOCR's title attribute: "bbox 1 2 3 4; baseline 0.01 -3; x_size 40"."""
    out = {}
    for part in title.split(";"):
        key, _, value = part.strip().partition(" ")
        out[key] = value
    return out


def words_of_hocr(hocr: bytes) -> list[Word]:
    words: list[Word] = []
    root = ET.fromstring(hocr)
    for line in root.iter(f"{XHTML}span"):
        if line.get("class") not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            continue
        props = _props(line.get("title", ""))
        lx0, _, _, lbottom = map(float, props["bbox"].split())
        slope, offset = (map(float, props["baseline"].split()) if "baseline" in props else (0.0, 0.0))
        found = []
        for span in line.iter(f"{XHTML}span"):
            if span.get("class") != "ocrx_word":
                continue
            text = "".join(span.itertext()).strip()
            wprops = _props(span.get("title", ""))
            confidence = float(wprops.get("x_wconf", 0))
            if not text or (confidence < NOISE_CONFIDENCE and NOISE.fullmatch(text)):
                continue
            x0, top, x1, bottom = map(float, wprops["bbox"].split())
            base = lbottom + offset + slope * ((x0 + x1) / 2 - lx0)
            # x_size is the row's height from ascender to descender: the type size
            size = float(props["x_size"]) if "x_size" in props else bottom - top
            found.append(Word(text, x0, top, x1, bottom, base, size, confidence))
        # a line Tesseract itself doubts throughout is a picture read as letters (a seal, a logo)
        if found and statistics.fmean(w.confidence for w in found) >= LINE_CONFIDENCE:
            words += _mend(found)
    return words


def _mend(line: list[Word]) -> list[Word]:
    """Tesseract's usual misreadings in minutes: "Clir" for "Cllr", and a
    superscript ordinal read as a quote mark ("18" March")."""
    for word, after in zip(line, line[1:] + [None]):
        word.text = MISREAD.get(word.text, word.text)
        if after is not None and ORDINAL_QUOTE.fullmatch(word.text) and MONTH.match(after.text):
            word.text = word.text[:-1]
    return line
