"""The same meeting in two formats: the .txt, .docx and .pdf of one set of
minutes are three files (three sources, by content) but one meeting. A
document is a copy of another when both are of the same kind and date, their
bodies do not disagree, and their words are nearly the same; the copy keeps
its facts (so removing the other file loses nothing) but ``copy_of_id`` keeps
them out of every listing and count.

The words are compared by a bottom-k sketch (the ``SKETCH`` smallest hashes
of the document's distinct words), stored with each document, so linking
reads one short string per document rather than its text.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterable

from sqlalchemy import Connection, bindparam, select, update

from minutes.models.schema import documents, source_files

SKETCH = 128
# The estimated share of distinct words in common (Jaccard): formats of one paper share over 0.8, two papers seldom 0.3.
SAME_TEXT = 0.7
# Which copy stands for the meeting: the format whose structure is given rather than rebuilt from the page.
FORMAT_RANK = {"docx": 0, "txt": 1, "md": 1, "markdown": 1, "html": 2, "htm": 2, "pdf": 3}
_WORD = re.compile(r"[^\W_]+")


def fingerprint(texts: Iterable[str]) -> str:
    """The sketch of the distinct words of ``texts``: hex hashes, ascending."""
    words = {w for t in texts for w in _WORD.findall(t.lower())}
    hashes = sorted(int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big") for w in words)
    return " ".join(f"{h:016x}" for h in hashes[:SKETCH])


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of the word sets two sketches stand for."""
    sa, sb = set(a.split()), set(b.split())
    if not sa or not sb:
        return 0.0
    union = sorted(sa | sb)[:SKETCH]  # hex of one width sorts as the numbers do
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def link_copies(conn: Connection) -> None:
    """Set every document's ``copy_of_id``: the best-ranked earlier document it
    is a copy of, else NULL. Recomputed whole, so it follows files stored and removed."""
    rows = conn.execute(select(documents.c.id, documents.c.kind, documents.c.meeting_date, documents.c.body_id,
                               documents.c.fingerprint, documents.c.copy_of_id, source_files.c.format)
                        .join(source_files, source_files.c.id == documents.c.source_file_id)).all()
    groups: dict[tuple, list] = defaultdict(list)
    for r in rows:
        groups[(r.kind, r.meeting_date)].append(r)
    changed = []
    for group in groups.values():
        # A document with a body leads one without; then the better format, then the first stored.
        group.sort(key=lambda r: (r.body_id is None, FORMAT_RANK.get(r.format or "", 9), r.id))
        leaders: list = []
        for r in group:
            lead = next((m for m in leaders if (m.body_id is None or r.body_id is None or m.body_id == r.body_id)
                         and similarity(m.fingerprint, r.fingerprint) >= SAME_TEXT), None)
            if lead is None:
                leaders.append(r)
            copy_of = lead.id if lead is not None else None
            if r.copy_of_id != copy_of:
                changed.append({"did": r.id, "copy_of": copy_of})
    if changed:
        conn.execute(update(documents).where(documents.c.id == bindparam("did"))
                     .values(copy_of_id=bindparam("copy_of")), changed)
