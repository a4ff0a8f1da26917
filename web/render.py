"""The recorded files behind the source view: their bytes, and a PDF page
as a PNG image (pypdfium2). A file is read only by the path the database
recorded for it, and only while its content is what was ingested (its
sha256): a request names a file by id, never by path."""
from __future__ import annotations

import io
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from minutes.extract.parsers import sha256_of

SCALE = 2.0  # pixels per point: sharp on a phone's screen, a few hundred KB a page
_PDFIUM = threading.Lock()  # pdfium is not thread-safe; the server answers on several threads


class Unavailable(Exception):
    """The recorded file cannot be shown: gone, changed, or no such page."""


def recorded_bytes(file: dict[str, Any]) -> bytes:
    """The content of recorded file ``file`` (a ``models.source.source_file`` row), as ingested."""
    if file["status"] != "ok" or not file["sha256"]:
        raise Unavailable("the file was not stored (it failed to ingest)")
    try:
        data = Path(file["path"]).read_bytes()
    except OSError as e:
        raise Unavailable(f"the file is no longer readable where it was ingested ({e.strerror or e})") from e
    if sha256_of(data) != file["sha256"]:
        raise Unavailable("the file has changed since it was ingested: ingest it again to see its pages")
    return data


def page_size(file: dict[str, Any], page: int) -> tuple[float, float]:
    """Width and height of a PDF page in points."""
    return _page(file["path"], file["sha256"], page)[0]


def page_png(file: dict[str, Any], page: int) -> bytes:
    return _page(file["path"], file["sha256"], page)[1]


@lru_cache(maxsize=16)
def _page(path: str, sha256: str, page: int) -> tuple[tuple[float, float], bytes]:
    data = recorded_bytes({"path": path, "sha256": sha256, "status": "ok"})
    with _PDFIUM:
        pdf = pdfium.PdfDocument(data)
        try:
            if not 1 <= page <= len(pdf):
                raise Unavailable(f"the file has no page {page}")
            pg = pdf[page - 1]
            size = pg.get_size()
            image = pg.render(scale=SCALE).to_pil()
        except pdfium.PdfiumError as e:
            raise Unavailable(f"the page cannot be drawn: {e}") from e
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return size, out.getvalue()
