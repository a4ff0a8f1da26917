"""Bodies across the archive: the body each document is found to be
(``documents.body_id``) from the body it names (``read_body_id``).

A paper often names its committee without its organisation ("Cabinet",
"Corporate Parenting Panel") or only by initials (an action log headed
"ODUG"). Such a committee-only body is the body of one organisation when
the archive makes that unambiguous:
- another body has the same committee under exactly one organisation;
- a council's own meeting ("County Council") and exactly one organisation
  whose name ends so ("Kent County Council");
- its name is the initials of exactly one other body ("ODUG", "Open Data
  User Group"), or the same name stored as an organisation;
- its papers name exactly one known organisation most often, in full or by
  initials ("KCC"): the committee of that organisation (a body row created for it).
Otherwise it stays as named. Recomputed whole at every relink.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from minutes.extract.bodies import WHOLE_COUNCIL, body_key
from minutes.extract.records import BodyName
from minutes.models.linking import Scope
from minutes.models.rows import get_or_create_bodies
from minutes.models.schema import blocks, bodies, documents

SMALL = frozenset("of and the for on in upon to at by with".split())
MENTIONS_READ = 40  # blocks of each paper read for the organisations it names


def initials(name: str) -> str:
    """ "Open Data User Group" -> "ODUG"; "Kent County Council" -> "KCC"."""
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in SMALL)


def link_bodies(conn: Connection) -> Scope:
    """Set every document's found body; returns the bodies documents left or joined (owed a relink)."""
    rows = {r.id: r for r in conn.execute(select(bodies.c.id, bodies.c.name, bodies.c.organisation,
                                                 bodies.c.committee))}
    found = {b: _resolve(conn, rows, rows[b]) for b in rows if rows[b].organisation is None}
    changed, moved = [], set()
    # Read as pairs (body named, body found) with their counts: the archive's documents are not loaded one by one.
    for read, now, _ in conn.execute(select(documents.c.read_body_id, documents.c.body_id, func.count())
                                     .group_by(documents.c.read_body_id, documents.c.body_id)):
        if found.get(read, read) != now:
            changed.append({"read": read, "now": now, "bid": found.get(read, read)})
            moved |= {read, now, found.get(read, read)}
    if changed:
        conn.execute(update(documents).where(documents.c.read_body_id.is_not_distinct_from(bindparam("read")),
                                             documents.c.body_id.is_not_distinct_from(bindparam("now")))
                     .values(body_id=bindparam("bid")), changed)
    return Scope(frozenset(moved))


def _resolve(conn: Connection, rows: dict[int, Any], b: Any) -> int:
    """The body a committee-only body ``b`` is found to be (itself when nothing is certain)."""
    key = body_key(b.committee)
    with_org = [r for r in rows.values() if r.organisation]
    same = {body_key(r.organisation): r.id for r in with_org if body_key(r.committee) == key}
    if len(same) == 1:
        return next(iter(same.values()))
    if WHOLE_COUNCIL.match(b.committee or ""):
        whole = {body_key(r.organisation): r.id for r in with_org if r.committee is None
                 and body_key(r.organisation).endswith(key.removeprefix("the ").removeprefix("full "))}
        if len(whole) == 1:
            return next(iter(whole.values()))
    others = [r for r in rows.values() if r.id != b.id]
    named = {r.id for r in others if r.committee is None and body_key(r.organisation) == key} | \
        {r.id for r in others if re.fullmatch(r"[A-Z]{2,6}", b.committee or "")
         and initials(r.committee or r.organisation or "") == b.committee}
    if len(named) == 1:
        return named.pop()
    org = _named_organisation(conn, b.id, {body_key(r.organisation): r.organisation for r in with_org})
    if org is None:
        return b.id
    return get_or_create_bodies(conn, {BodyName(org, b.committee)})[BodyName(org, b.committee)]


def _named_organisation(conn: Connection, body_id: int, orgs: dict[str, str]) -> str | None:
    """The one known organisation the body's papers name most often, in full or by initials."""
    if not orgs:
        return None
    # the full name in any case, the initials as printed (KCC, not "kcc")
    patterns = {k: [re.compile(rf"\b{re.escape(name)}\b", re.I)] + (
        [re.compile(rf"\b{initials(name)}\b")] if len(initials(name)) >= 2 else []) for k, name in orgs.items()}
    texts: dict[int, list[str]] = defaultdict(list)
    for doc_id, text in conn.execute(select(blocks.c.document_id, blocks.c.text)
                                     .join(documents, documents.c.id == blocks.c.document_id)
                                     .where(documents.c.read_body_id == body_id).order_by(blocks.c.id)):
        if len(texts[doc_id]) < MENTIONS_READ:
            texts[doc_id].append(" ".join(text.split()))
    counts = Counter({k: sum(len(p.findall(t)) for p in ps for ts in texts.values() for t in ts)
                      for k, ps in patterns.items()})
    best = counts.most_common(2)
    if not best or best[0][1] == 0 or len(best) > 1 and best[1][1] == best[0][1]:
        return None
    return orgs[best[0][0]]
