"""People across meetings: which ``people`` rows (one per name key within a
body) are one human, recorded as ``people.canonical_id``, with every way the
human is written in ``person_aliases``.

Rules, all conservative (a wrong merge is worse than a missed link):
- within a body, an initialled name ("P. Shah", "Cllr P Shah") joins the one
  full name it is compatible with (``names.same_person``) when their years of
  activity are at most ``YEARS_APART`` apart and their organisations, where
  both are known, share one; compatible with two full names ("S. Patel" with
  Sunita and Sam Patel), it joins neither;
- across bodies (a partnership and its sub-groups) only an identical full
  name links;
- then the user's ``person_overrides`` are applied in the order given: merge
  joins two names, split detaches an alias from everything.
``relink`` recomputes everything from the stored rows, so it is idempotent.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import Connection, Engine, String, bindparam, delete, func, insert, or_, select, update

from minutes.extract import names
from minutes.extract.names import name_key_text
from minutes.extract.unionfind import connected_groups
from minutes.models.bodies import link_bodies
from minutes.models.copies import link_copies
from minutes.models.queries import list_actions
from minutes.models.sql import ORIGINAL
from minutes.models.schema import (action_owners, actions, attendance, bodies, documents, people, person_aliases,
                                   person_overrides, source_files)
from minutes.models.evidence import recompute
from minutes.models.status import link_rulings

YEARS_APART = 3


@dataclass
class _Row:
    id: int
    body_id: int | None
    name: str
    key: str
    first: date | None = None
    last: date | None = None
    mentions: int = 0
    orgs: set[str] = field(default_factory=set)
    canonical: int | None = None

    @property
    def full(self) -> bool:
        """A first name and a surname, not initials."""
        toks = self.key.split()
        return len(toks) >= 2 and len(toks[0]) > 1

    @property
    def initialled(self) -> bool:
        toks = self.key.split()
        return len(toks) >= 2 and len(toks[0]) == 1


def relink(engine: Engine) -> None:
    """Find each document's body, then copies of one meeting, link people, then
    the evidence on actions (which follows owners) and the actions the user's
    rulings name, in one transaction."""
    with engine.begin() as conn:
        link_bodies(conn)
        link_copies(conn)
        link_people(conn)
        recompute(conn)
        link_rulings(conn)


def link_people(conn: Connection) -> None:
    rows = _load(conn)
    edges = _rule_edges(rows)
    for ov in conn.execute(select(person_overrides).order_by(person_overrides.c.created_at, person_overrides.c.id)):
        a, b = _matching(rows, ov.key_a, ov.body_id), _matching(rows, ov.key_b, ov.body_id)
        if ov.kind == "merge":
            edges |= {(x, y) for x in a[:1] for y in a[1:] + b}
        else:
            edges = {e for e in edges if not set(e) & set(b)}
    canonical = _clusters(rows, edges)
    changed = [{"pid": i, "cid": c} for i, c in canonical.items() if rows[i].canonical != c]
    if changed:
        conn.execute(update(people).where(people.c.id == bindparam("pid")).values(canonical_id=bindparam("cid")),
                     changed)
    _write_aliases(conn, canonical)


def _load(conn: Connection) -> dict[int, _Row]:
    rows = {r.id: _Row(r.id, r.body_id, r.name, r.name_key, canonical=r.canonical_id)
            for r in conn.execute(select(people.c.id, people.c.body_id, people.c.name, people.c.name_key,
                                         people.c.canonical_id))}
    for table in (attendance, action_owners):
        fact = table.join(actions, actions.c.id == table.c.action_id) if table is action_owners else table
        doc_id = actions.c.document_id if table is action_owners else table.c.document_id
        query = select(table.c.person_id, func.min(documents.c.meeting_date), func.max(documents.c.meeting_date),
                       func.count()).select_from(fact.join(documents, documents.c.id == doc_id)) \
            .where(table.c.person_id.is_not(None), ORIGINAL).group_by(table.c.person_id)
        for pid, first, last, n in conn.execute(query):
            r = rows[pid]
            r.first = min(filter(None, (r.first, first)), default=None)
            r.last = max(filter(None, (r.last, last)), default=None)
            r.mentions += n
    for pid, org in conn.execute(select(attendance.c.person_id, attendance.c.organisation).distinct()
                                 .join(documents, documents.c.id == attendance.c.document_id)
                                 .where(attendance.c.organisation.is_not(None), ORIGINAL)):
        rows[pid].orgs.add(" ".join(name_key_text(org).split()))
    return rows


def _rule_edges(rows: dict[int, _Row]) -> set[tuple[int, int]]:
    edges: set[tuple[int, int]] = set()
    by_surname: dict[tuple[int | None, str], list[_Row]] = defaultdict(list)
    by_full_key: dict[str, list[_Row]] = defaultdict(list)
    for r in rows.values():
        if r.full or r.initialled:
            by_surname[(r.body_id, r.key.split()[-1])].append(r)
        if r.full:
            by_full_key[r.key].append(r)
    for group in by_full_key.values():  # the same full name in two bodies
        edges |= {(group[0].id, r.id) for r in group[1:]}
    for group in by_surname.values():
        fulls = [r for r in group if r.full]
        for r in (r for r in group if r.initialled):
            fits = [f for f in fulls if names.same_person(r.key, f.key)]
            if len(fits) == 1 and _plausible(r, fits[0]):
                edges.add((fits[0].id, r.id))
    return edges


def _plausible(a: _Row, b: _Row) -> bool:
    """Active within a few years of each other, and no organisation says otherwise."""
    if a.orgs and b.orgs and not a.orgs & b.orgs:
        return False
    if a.first and b.first and a.last and b.last:
        gap = max(a.first, b.first) - min(a.last, b.last)
        return gap.days <= 365 * YEARS_APART
    return True


def _matching(rows: dict[int, _Row], key: str, body_id: int | None) -> list[int]:
    return sorted(r.id for r in rows.values() if r.key == key and (body_id is None or r.body_id == body_id))


def _clusters(rows: dict[int, _Row], edges: set[tuple[int, int]]) -> dict[int, int]:
    """Each row's canonical row: per connected group, the full name mentioned most (then the lowest id)."""
    out: dict[int, int] = {}
    for members in connected_groups(rows, edges):
        best = min(members, key=lambda i: (not rows[i].full, -rows[i].mentions, i))
        out.update((i, best) for i in members)
    return out


def _write_aliases(conn: Connection, canonical: dict[int, int]) -> None:
    """Rebuild person_aliases: one row per (people row, text as written), first sighting first."""
    seen: dict[tuple[int, str], dict] = {}
    mention_queries = [
        select(attendance.c.person_id, func.coalesce(attendance.c.as_written, people.c.name), documents.c.meeting_date,
               documents.c.body_id, attendance.c.source_file_id, attendance.c.page, attendance.c.span_start,
               attendance.c.span_end)
        .select_from(attendance.join(people, people.c.id == attendance.c.person_id)
                     .join(documents, documents.c.id == attendance.c.document_id)).where(ORIGINAL),
        select(action_owners.c.person_id, action_owners.c.as_written, documents.c.meeting_date, documents.c.body_id,
               action_owners.c.source_file_id, action_owners.c.page, action_owners.c.span_start,
               action_owners.c.span_end)
        .select_from(action_owners.join(actions, actions.c.id == action_owners.c.action_id)
                     .join(documents, documents.c.id == actions.c.document_id))
        .where(action_owners.c.person_id.is_not(None), ORIGINAL),
    ]
    for query in mention_queries:
        for pid, alias, day, body_id, file_id, page, start, end in conn.execute(query):
            alias = _name_part(alias)
            row = seen.get((pid, alias))
            if row is None:
                seen[(pid, alias)] = row = {
                    "person_id": canonical[pid], "people_id": pid, "body_id": body_id, "alias": alias,
                    "first_seen": day, "last_seen": day, "mentions": 0, "source_file_id": file_id, "page": page,
                    "span_start": start, "span_end": end}
            row["mentions"] += 1
            if day and (row["first_seen"] is None or day < row["first_seen"]):
                row.update(first_seen=day, source_file_id=file_id, page=page, span_start=start, span_end=end)
            if day and (row["last_seen"] is None or day > row["last_seen"]):
                row["last_seen"] = day
    conn.execute(delete(person_aliases))
    if seen:
        conn.execute(insert(person_aliases), [seen[k] for k in sorted(seen)])


def _name_part(as_written: str) -> str:
    """ "Cllr P Shah - Wexmoor District Council" -> "Cllr P Shah": the name without role or organisation."""
    return re.split(r"\s*(?:[,|(]|\s[-–]\s)", " ".join(as_written.split()), maxsplit=1)[0] or as_written.strip()


def add_override(engine: Engine, kind: str, name_a: str, name_b: str, body: str | None = None) -> None:
    """Record a merge or split (the names must be known, in ``body`` if given), then relink."""
    with engine.begin() as conn:
        body_id = None
        if body:
            body_id = conn.execute(select(bodies.c.id).where(bodies.c.name == body)).scalar()
            if body_id is None:
                raise ValueError(f"no body named {body!r}")
        for n in (name_a, name_b):
            query = select(people.c.id).where(people.c.name_key == name_key_text(n))
            if body_id is not None:
                query = query.where(people.c.body_id == body_id)
            if conn.execute(query.limit(1)).first() is None:
                raise ValueError(f"no person named {n!r}" + (f" in {body}" if body else ""))
        conn.execute(insert(person_overrides), {
            "kind": kind, "name_a": name_a, "name_b": name_b, "key_a": name_key_text(name_a), "key_b": name_key_text(name_b),
            "body_id": body_id, "created_at": datetime.now(timezone.utc)})
    relink(engine)


def person_report(engine: Engine, name: str, body: str | None = None) -> list[dict]:
    """Every human one of whose names contains ``name`` (any case; in a body
    whose name contains ``body``): aliases, meetings attended and apologies
    per body and year, roles, and actions owned with their status and sources."""
    needle = name_key_text(name)
    with engine.connect() as conn:
        query = select(person_aliases.c.person_id).distinct().join(people, people.c.id == person_aliases.c.people_id)
        query = query.where(or_(people.c.name_key.contains(needle, autoescape=True),
                                func.lower(person_aliases.c.alias).contains(name.lower(), autoescape=True)))
        if body:
            query = query.join(bodies, bodies.c.id == person_aliases.c.body_id) \
                .where(func.lower(bodies.c.name).contains(body.lower(), autoescape=True))
        out = []
        for (pid,) in conn.execute(query.order_by(person_aliases.c.person_id)).all():
            members = select(people.c.id).where(people.c.canonical_id == pid)
            head = conn.execute(select(people.c.name).where(people.c.id == pid)).scalar_one()
            aliases = [dict(r) for r in conn.execute(
                select(person_aliases.c.alias, bodies.c.name.label("body"), person_aliases.c.first_seen,
                       person_aliases.c.last_seen, person_aliases.c.mentions, source_files.c.path.label("file"),
                       person_aliases.c.page)
                .join(source_files, source_files.c.id == person_aliases.c.source_file_id)
                .outerjoin(bodies, bodies.c.id == person_aliases.c.body_id)
                .where(person_aliases.c.person_id == pid)
                .order_by(person_aliases.c.first_seen, person_aliases.c.alias)).mappings()]
            year = func.substr(func.cast(documents.c.meeting_date, String), 1, 4)
            meetings = [dict(r) for r in conn.execute(
                select(bodies.c.name.label("body"), year.label("year"), attendance.c.status,
                       func.count(func.distinct(attendance.c.document_id)).label("meetings"))
                .select_from(attendance.join(documents, documents.c.id == attendance.c.document_id)
                             .outerjoin(bodies, bodies.c.id == documents.c.body_id))
                .where(attendance.c.person_id.in_(members), ORIGINAL)
                .group_by(bodies.c.name, year, attendance.c.status)
                .order_by(bodies.c.name, year, attendance.c.status)).mappings()]
            roles = [dict(r) for r in conn.execute(
                select(attendance.c.role, bodies.c.name.label("body"),
                       func.min(documents.c.meeting_date).label("first_seen"),
                       func.max(documents.c.meeting_date).label("last_seen"))
                .select_from(attendance.join(documents, documents.c.id == attendance.c.document_id)
                             .outerjoin(bodies, bodies.c.id == documents.c.body_id))
                .where(attendance.c.person_id.in_(members), attendance.c.role.is_not(None), ORIGINAL)
                .group_by(attendance.c.role, bodies.c.name).order_by(func.min(documents.c.meeting_date))).mappings()]
            owned = conn.execute(select(action_owners.c.action_id).distinct()
                                 .where(action_owners.c.person_id.in_(members))).scalars().all()
            out.append({"name": head, "aliases": aliases, "meetings": meetings, "roles": roles,
                        "actions": [a for a in list_actions(engine, threads=True) if a["id"] in set(owned)]})
    return out
