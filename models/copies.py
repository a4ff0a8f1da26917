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

from sqlalchemy import Connection, and_, bindparam, or_, select, tuple_, update

from minutes.models.linking import EVERYTHING, Scope
from minutes.models.schema import documents, source_files

SKETCH = 128
# Estimated share of distinct words in common (Jaccard): formats of one paper
# share over 0.8, two papers seldom 0.3.
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


def link_copies(conn: Connection, scope: Scope = EVERYTHING) -> Scope:
    """Set the ``copy_of_id`` of ``scope``'s documents: the best-ranked earlier
    document each is a copy of, else NULL. Recomputed from the stored rows, so
    it follows files stored and removed; only documents of one meeting (kind
    and date) and of compatible bodies can be copies, so a scope needs its
    bodies' documents and, on the same meetings, those of no body. Returns
    the bodies of the documents that became or ceased to be copies."""
    query = select(documents.c.id, documents.c.kind, documents.c.meeting_date, documents.c.body_id,
                   documents.c.read_body_id, documents.c.fingerprint, documents.c.copy_of_id, source_files.c.format) \
        .join(source_files, source_files.c.id == documents.c.source_file_id)
    if not scope.everything:
        mine = or_(scope.where(documents.c.body_id), scope.where(documents.c.read_body_id))
        meetings = select(documents.c.kind, documents.c.meeting_date).where(mine)
        undated = select(documents.c.kind).where(mine, documents.c.meeting_date.is_(None))
        query = query.where(or_(mine, documents.c.body_id.is_(None)),
                            or_(tuple_(documents.c.kind, documents.c.meeting_date).in_(meetings),
                                and_(documents.c.meeting_date.is_(None), documents.c.kind.in_(undated))))
    rows = conn.execute(query).all()
    groups: dict[tuple, list] = defaultdict(list)
    for r in rows:
        groups[(r.kind, r.meeting_date)].append(r)
    changed, moved = [], set()
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
                moved |= {r.body_id, r.read_body_id}
    if changed:
        conn.execute(update(documents).where(documents.c.id == bindparam("did"))
                     .values(copy_of_id=bindparam("copy_of")), changed)
    return Scope(frozenset(moved))
