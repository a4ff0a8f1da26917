"""People across meetings: which ``people`` rows (one per name key within a
body) are one human, recorded as ``people.canonical_id``, with every way the
human is written in ``person_aliases``.

Rules, all conservative (a wrong merge is worse than a missed link):
- within one organisation (every committee of "Kent County Council", or a
  body with none), an initialled name ("P. Shah", "Cllr P Bartlett") joins
  the one full name it is compatible with (``names.same_person``) when their
  years of activity are at most ``YEARS_APART`` apart and their
  organisations, where both are known, share one; compatible with two full
  names ("S. Patel" with Sunita and Sam Patel), it joins neither and its
  actions' owners are flagged as ambiguous;
- within one organisation, a surname alone ("Mr Bellsham") joins the one
  person of that surname, a name written alike in two committees (or with
  the organisation's initials after it, "J Connelly EDC") is one person, and
  two spellings of a full name ("Paul" and "Paula Cunningham") printed with
  the same post are one;
- across organisations only an identical full name links;
- then the user's ``person_overrides`` are applied in the order given: merge
  joins two names, split detaches an alias from the person it was linked to;
- an owner written as initials ("IB", in a minute's Action column) is the
  one person of the organisation those initials fit, either printed so
  beside the name ("David Thomas (DT)") or the initials of the name; when
  several fit (or the extractor found several listed people it could be,
  ``action_owners.ambiguous``), the owner is flagged with who they might be
  (``might_be``); a one-word name that is such printed initials in another
  case ("Ahop" beside "Alison Hopkins (AHop)") is that person.
``relink`` recomputes, from the stored rows, the bodies owed a relink
(``models.linking``) and every body one of their people may be linked to
(the organisation's other committees, an identical full name, a merge), so
it is idempotent, and its work follows what changed rather than the archive.
People rows no mention refers to any more (their files replaced or gone) are
deleted first.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import chain

from sqlalchemy import (ColumnElement, Connection, Engine, Row, String, and_, bindparam, delete, exists, func, insert,
                        null, or_, select, true, union, update)

from minutes.extract import names
from minutes.extract.bodies import body_key
from minutes.extract.names import name_key_text
from minutes.extract.progress import STOP
from minutes.extract.unionfind import connected_groups
from minutes.models.db import writing
from minutes.models.linking import EVERYTHING, Scope, owe, owed, settle
from minutes.models.bodies import link_bodies
from minutes.models.copies import link_copies
from minutes.models.evidence import recompute
from minutes.models.queries import list_actions
from minutes.models.schema import (action_owners, actions, attendance, bodies, documents, people, person_aliases,
                                   person_overrides, source_files)
from minutes.models.sql import ORIGINAL, chunks, contains, needle, valid_id
from minutes.models.status import link_rulings

YEARS_APART = 3


@dataclass
class _Row:
    id: int
    body_id: int | None
    name: str
    key: str
    org: str = ""  # the organisation (or body) it is a name in: linking stays within it
    first: date | None = None
    last: date | None = None
    mentions: int = 0
    orgs: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # the posts it is printed with ("SLS Manager")
    canonical: int | None = None

    @property
    def core(self) -> str:
        """The key without an organisation's initials printed after the name ("A Armstrong EDC")."""
        words = self.name.split()
        if len(words) >= 3 and re.fullmatch(r"[A-Z]{2,5}", words[-1]):
            return name_key_text(" ".join(words[:-1]))
        return self.key

    @property
    def full(self) -> bool:
        """A first name and a surname, not initials."""
        toks = self.core.split()
        return len(toks) >= 2 and len(toks[0]) > 1

    @property
    def initialled(self) -> bool:
        toks = self.core.split()
        return len(toks) >= 2 and len(toks[0]) == 1

    @property
    def surname_only(self) -> bool:
        """"Mr Bellsham", "Councillor Richardson": a surname alone, as minutes write a name already given."""
        toks = self.core.split()
        return len(toks) == 1 and len(toks[0]) > 2 and self.name[:1].isupper() and " " not in self.name.strip() \
            or len(toks) == 1 and len(toks[0]) > 2 and bool(re.match(r"(?i)(?:mr|mrs|ms|miss|dr|cllr|councillor)\b",
                                                                      self.name))


def relink(engine: Engine, everything: bool = False, processes: int = 1) -> Scope:
    """Find each document's body and the copies of one meeting, link the
    people of the bodies owed a relink (``everything``: of every body), then
    the evidence on their actions (which follows owners; bodies redone whole
    in up to ``processes`` processes at once) and the actions the
    user's rulings name, all in one transaction; returns the scope of the
    evidence recomputed (empty when nothing was owed). Status itself is
    worked out when asked (``models.status``), so the days passing owe nothing."""
    with writing(engine) as conn:
        last_debt, debts = owed(conn)
        if not debts and not everything:
            return Scope()
        # Bodies are found across the archive, copies among the meetings of the bodies owed;
        # the bodies whose documents they moved are owed too.
        debts = debts | link_bodies(conn)
        debts = debts | link_copies(conn, EVERYTHING if everything else debts)
        orgs = _organisations(conn)
        people_scope = EVERYTHING if everything else linked_bodies(conn, debts, orgs)
        evidence_scope = people_scope | found_bodies(conn, people_scope)
        if not evidence_scope.everything and evidence_scope.bodies >= _all_bodies(conn):
            people_scope = evidence_scope = EVERYTHING  # a new database: no list of every body to filter by
        link_people(conn, people_scope, orgs)
        recompute(conn, evidence_scope, processes)
        link_rulings(conn, evidence_scope)
        settle(conn, last_debt)
    return evidence_scope


def _organisations(conn: Connection) -> dict[int | None, str]:
    """The organisation each body named by a paper stands within (that of the
    body it was found to be; the body itself when it has none): people are
    linked within one organisation, across its committees."""
    linked = dict(conn.execute(select(documents.c.read_body_id, documents.c.body_id).distinct()
                               .where(documents.c.read_body_id.is_not(None))).all())
    orgs = {b.id: body_key(b.organisation) or f"#{b.id}" for b in conn.execute(select(bodies.c.id,
                                                                                      bodies.c.organisation))}
    return {b: orgs.get(linked.get(b, b), "#none") for b in orgs} | {None: "#none"}


def _all_bodies(conn: Connection) -> frozenset[int | None]:
    """Every body a document or a person names or was found to be (None for those of no body)."""
    named = union(select(documents.c.body_id), select(documents.c.read_body_id), select(people.c.body_id))
    return frozenset(conn.scalars(named))


def linked_bodies(conn: Connection, start: Scope, orgs: dict[int | None, str]) -> Scope:
    """``start`` and every body one of its people may be linked to: another
    committee of the same organisation, a body with an identical full name,
    or with a name a merge ruling joins to one of its names; so the scope
    holds every person of each cluster its people belong to."""
    if start.everything or not start.bodies:
        return start
    merges = [(o.key_a, o.key_b) for o in conn.execute(
        select(person_overrides.c.key_a, person_overrides.c.key_b).where(person_overrides.c.kind == "merge"))]
    # Every people row, lightly: a full name is matched by its core (the organisation's initials after it cut).
    by_org: dict[str, set[int | None]] = defaultdict(set)
    for body, org in orgs.items():
        by_org[org].add(body)
    names_in: dict[int | None, set[str]] = defaultdict(set)
    bodies_of: dict[str, set[int | None]] = defaultdict(set)
    for body_id, name, key in conn.execute(select(people.c.body_id, people.c.name, people.c.name_key)):
        row = _Row(0, body_id, name, key)
        for k in {key, row.core if row.full else key}:
            names_in[body_id].add(k)
            bodies_of[k].add(body_id)
    seen: set[int | None] = set()
    frontier = set(start.bodies)
    while frontier:
        seen |= frontier
        reach = {b for body in frontier for b in by_org[orgs.get(body, "#none")]}
        keys = {k for body in frontier for k in names_in[body]}
        joined = {k for k in keys if _full(k)} | {k for pair in merges if set(pair) & keys for k in pair}
        reach |= {b for k in joined for b in bodies_of[k]}
        frontier = reach - seen
    return Scope(frozenset(seen))


def found_bodies(conn: Connection, scope: Scope) -> Scope:
    """The bodies the documents of ``scope``'s people were found to be
    (people rows keep the body a paper names, evidence follows the body found)."""
    if scope.everything or not scope.bodies:
        return scope
    return Scope(frozenset(conn.scalars(select(documents.c.body_id).distinct()
                                        .where(scope.where(documents.c.read_body_id)))))


def _full(key: str) -> bool:
    """A first name and a surname, not initials."""
    toks = key.split()
    return len(toks) >= 2 and len(toks[0]) > 1


def link_people(conn: Connection, scope: Scope = EVERYTHING, orgs: dict[int | None, str] | None = None) -> None:
    """Link the people of ``scope``'s bodies, which ``linked_bodies`` closed
    over clusters, and the owners of their actions written as initials."""
    _delete_unmentioned(conn, scope)
    orgs = orgs if orgs is not None else _organisations(conn)
    rows = _load(conn, scope, orgs)
    edges, competing = _rule_edges(rows)
    declared = _declared(conn, rows, scope)
    edges |= _written_as_initials(rows, declared)
    said: dict[str, set[int]] = defaultdict(set)  # a name no people row has (an ambiguous owner) -> who a merge says
    for ov in conn.execute(select(person_overrides).order_by(person_overrides.c.created_at, person_overrides.c.id)):
        a, b = _matching(rows, ov.key_a, ov.body_id), _matching(rows, ov.key_b, ov.body_id)
        if ov.kind == "merge" and bool(a) != bool(b):
            said[ov.key_b if a else ov.key_a].update(a or b)
        if ov.kind == "merge":
            edges |= {(x, y) for x in a[:1] for y in a[1:] + b}
        else:  # the alias no longer joins the person: neither directly nor through another of its names
            group = _group_of(rows, edges, a)
            edges = {e for e in edges if not (set(e) & set(b) and set(e) & group)}
    canonical = _clusters(rows, edges)
    changed = [{"pid": i, "cid": c} for i, c in canonical.items() if rows[i].canonical != c]
    if changed:
        conn.execute(update(people).where(people.c.id == bindparam("pid")).values(canonical_id=bindparam("cid")),
                     changed)
    _link_owners(conn, rows, canonical, competing, scope, orgs, said,
                 {k: {canonical[i] for i in ids} for k, ids in declared.items()})
    _write_aliases(conn, canonical, scope)


def _delete_unmentioned(conn: Connection, scope: Scope) -> None:
    """People rows of ``scope`` that no attendance or owner refers to any more (their files replaced or gone)."""
    # NOT EXISTS per row, by the person indexes: the archive's mentions are not scanned.
    gone = list(conn.scalars(select(people.c.id).where(
        scope.where(people.c.body_id), ~exists().where(attendance.c.person_id == people.c.id),
        ~exists().where(action_owners.c.person_id == people.c.id))))
    for chunk in chunks(gone):
        conn.execute(delete(person_aliases).where(or_(person_aliases.c.people_id.in_(chunk),
                                                      person_aliases.c.person_id.in_(chunk))))
        conn.execute(update(people).where(people.c.canonical_id.in_(chunk)).values(canonical_id=None))
        conn.execute(delete(people).where(people.c.id.in_(chunk)))


def _mentions_of(person_id: ColumnElement, scope: Scope) -> ColumnElement[bool]:
    """Mentions of the people rows of ``scope``'s bodies (a row keeps the body its paper names)."""
    return true() if scope.everything else person_id.in_(select(people.c.id).where(scope.where(people.c.body_id)))


def _owned_by(scope: Scope) -> ColumnElement[bool]:
    """Owners that are (or are linked to) people rows of ``scope``'s bodies, found by the owners' person index."""
    return or_(_mentions_of(action_owners.c.person_id, scope),
               and_(action_owners.c.person_id.is_(None), _mentions_of(action_owners.c.linked_person_id, scope)))


def _group_of(rows: dict[int, _Row], edges: set[tuple[int, int]], members: list[int]) -> set[int]:
    return next((set(g) for g in connected_groups(rows, edges) if set(g) & set(members)), set(members))


INITIALS = re.compile(r"[A-Z][A-Za-z]{1,4}")  # "IB", "AHop": how an Action column writes an owner
DECLARED = re.compile(r"\(([A-Z][A-Za-z]{1,4})\)")  # "David Thomas (DT)": initials printed beside a name


def _initials(key: str) -> str:
    return "".join(t[0] for t in key.split())


def _fits(mark: str, key: str) -> bool:
    """Whether the capitals of ``mark`` are the initials of the name ``key`` (all, or first and last)."""
    caps, initials = re.sub(r"[^A-Z]", "", mark).lower(), _initials(key)
    return bool(initials) and caps in (initials, initials[0] + initials[-1])


def _declared(conn: Connection, rows: dict[int, _Row], scope: Scope) -> dict[tuple[str, str], set[int]]:
    """The people rows each (organisation, initials) is printed beside: "David Thomas (DT)"."""
    declared: dict[tuple[str, str], set[int]] = defaultdict(set)
    for pid, written in conn.execute(select(attendance.c.person_id, attendance.c.as_written)
                                     .where(attendance.c.as_written.like("%(%)%"),
                                            _mentions_of(attendance.c.person_id, scope))):
        for m in DECLARED.finditer(written or ""):
            # the capitals are the name's initials ("AHop" for Alison Hopkins), not a bracketed post ("(SCC)"),
            # printed after this name: a list line ("..., Alan Holzer (AHol), Alison Hopkins (AHop)") is each
            # person's as_written
            if pid in rows and _fits(m.group(1), rows[pid].key) and \
                    name_key_text(written[max(0, m.start() - 40):m.start()]).endswith(rows[pid].key.split()[-1]):
                declared[(rows[pid].org, m.group(1))].add(pid)
    return declared


def _written_as_initials(rows: dict[int, _Row], declared: dict[tuple[str, str], set[int]]) -> set[tuple[int, int]]:
    """A one-word name that is, in another case, the initials printed beside
    one name of its organisation ("Ahop", "AHOP" where "Alison Hopkins (AHop)"
    is listed): that person, written as a paper's owner column had it."""
    beside: dict[tuple[str, str], set[int]] = defaultdict(set)  # (org, initials in lower case) -> the rows
    for (org, mark), ids in declared.items():
        beside[(org, mark.lower())] |= ids
    edges = set()
    for r in rows.values():
        ids = beside.get((r.org, r.key), set()) if len(r.key.split()) == 1 else set()
        if len({rows[i].core for i in ids}) == 1 and r.id not in ids:  # one human, however many committees
            edges.add((min(ids), r.id))
    return edges


def _link_owners(conn: Connection, rows: dict[int, _Row], canonical: dict[int, int],
                 competing: dict[int, list[int]], scope: Scope, orgs: dict[int | None, str],
                 said: dict[str, set[int]], declared: dict[tuple[str, str], set[int]]) -> None:
    """The owners of ``scope``'s actions written as initials: the one person
    of the organisation they fit (``linked_person_id``; ``declared``: the
    people printed beside them), or the people they might be (``might_be``);
    owners stored as a name several full names compete for are flagged too,
    and so are those the extractor found ambiguous (several listed people
    fit), which are linked only where a merge (``said``) names the person of
    their organisation they are."""
    fulls: dict[tuple[str, str], set[int]] = defaultdict(set)
    firsts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows.values():
        if r.full and canonical[r.id] == r.id:
            fulls[(r.org, _initials(r.key))].add(r.id)
            firsts[(r.org, r.core.split()[0])].add(r.id)
    owners = select(action_owners.c.id, action_owners.c.person_id, action_owners.c.as_written,
                    action_owners.c.ambiguous, action_owners.c.linked_person_id, action_owners.c.might_be,
                    documents.c.read_body_id, documents.c.body_id) \
        .join(actions, actions.c.id == action_owners.c.action_id) \
        .join(documents, documents.c.id == actions.c.document_id).where(scope.where(documents.c.read_body_id))
    # An owner stored as a person none compete for, linked to no one and flagged as no one, stays so: only
    # the others are read.
    others = or_(action_owners.c.person_id.is_(None), action_owners.c.linked_person_id.is_not(None),
                 action_owners.c.might_be.is_not(None))
    queries = [owners.where(others)] + [owners.where(~others, action_owners.c.person_id.in_(chunk))
                                        for chunk in chunks(sorted(competing))]
    updates = []
    for o in chain.from_iterable(map(conn.execute, queries)):
        linked, maybe = None, None
        mark = o.as_written.strip()
        org = orgs.get(o.read_body_id, "#none")
        if o.person_id is not None and o.person_id in competing and canonical[o.person_id] == o.person_id:
            maybe = sorted({rows[canonical[i]].name for i in competing[o.person_id]})
        elif o.person_id is None and o.ambiguous and (named := [i for i in said.get(name_key_text(mark), ())
                                                                 if rows[i].org == org]):
            linked = canonical[min(named)]
        elif o.person_id is None and INITIALS.fullmatch(mark) and mark.lower() not in STOP:
            fits = declared.get((org, mark)) or (fulls.get((org, mark.lower())) if mark.isupper() else None) \
                or (firsts.get((org, name_key_text(mark))) if o.ambiguous else None) or set()
            if len(fits) == 1 and not o.ambiguous:
                linked = next(iter(fits))
            elif len(fits) > 1:
                maybe = sorted(rows[i].name for i in fits)
        text = "; ".join(maybe) if maybe else None
        if (linked, text) != (o.linked_person_id, o.might_be):
            updates.append({"oid": o.id, "lid": linked, "maybe": text})
    if updates:
        conn.execute(update(action_owners).where(action_owners.c.id == bindparam("oid"))
                     .values(linked_person_id=bindparam("lid"), might_be=bindparam("maybe")), updates)


def _load(conn: Connection, scope: Scope, orgs: dict[int | None, str]) -> dict[int, _Row]:
    rows = {r.id: _Row(r.id, r.body_id, r.name, r.name_key, org=orgs.get(r.body_id, "#none"),
                       canonical=r.canonical_id)
            for r in conn.execute(select(people.c.id, people.c.body_id, people.c.name, people.c.name_key,
                                         people.c.canonical_id).where(scope.where(people.c.body_id)))}
    for table in (attendance, action_owners):
        in_scope = _mentions_of(table.c.person_id, scope)
        fact = table.join(actions, actions.c.id == table.c.action_id) if table is action_owners else table
        doc_id = actions.c.document_id if table is action_owners else table.c.document_id
        query = select(table.c.person_id, func.min(documents.c.meeting_date), func.max(documents.c.meeting_date),
                       func.count()).select_from(fact.join(documents, documents.c.id == doc_id)) \
            .where(table.c.person_id.is_not(None), in_scope, ORIGINAL).group_by(table.c.person_id)
        for pid, first, last, n in conn.execute(query):
            r = rows[pid]
            r.first = min(filter(None, (r.first, first)), default=None)
            r.last = max(filter(None, (r.last, last)), default=None)
            r.mentions += n
    for pid, role in conn.execute(select(attendance.c.person_id, attendance.c.role).distinct()
                                  .where(attendance.c.role.is_not(None), _mentions_of(attendance.c.person_id, scope))):
        rows[pid].roles.add(" ".join(name_key_text(role).split()))
    for pid, org in conn.execute(select(attendance.c.person_id, attendance.c.organisation).distinct()
                                 .join(documents, documents.c.id == attendance.c.document_id)
                                 .where(attendance.c.organisation.is_not(None),
                                        _mentions_of(attendance.c.person_id, scope), ORIGINAL)):
        rows[pid].orgs.add(" ".join(name_key_text(org).split()))
    return rows


def _rule_edges(rows: dict[int, _Row]) -> tuple[set[tuple[int, int]], dict[int, list[int]]]:
    """The links the rules make, and the initialled names several full names compete for."""
    edges: set[tuple[int, int]] = set()
    competing: dict[int, list[int]] = {}
    by_surname: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    by_full_key: dict[str, list[_Row]] = defaultdict(list)
    for r in rows.values():
        if r.full or r.initialled or r.surname_only:
            by_surname[(r.org, r.core.split()[-1])].append(r)
        if r.full:
            by_full_key[r.core].append(r)
    for group in by_full_key.values():  # the same full name in two bodies
        edges |= {(group[0].id, r.id) for r in group[1:]}
    for group in by_surname.values():
        fulls = [r for r in group if r.full]
        for r in (r for r in group if r.initialled):
            fits = [f for f in fulls if names.same_person(r.core, f.core)]
            # one full name in several committees is one candidate, not several
            humans = {min(f.id for f in fits if f.core == k) for k in {f.core for f in fits}}
            if len(humans) == 1 and _plausible(r, rows[next(iter(humans))]):
                edges.add((next(iter(humans)), r.id))
            elif len(humans) > 1:
                competing[r.id] = sorted(humans)
    # two spellings of one full name ("Paul" and "Paula Cunningham") printed with the same post
    for group in by_surname.values():
        fulls = [r for r in group if r.full]
        for i, a in enumerate(fulls):
            for b in fulls[i + 1:]:
                if a.core == b.core or not a.roles & b.roles or not names.same_person(a.core, b.core):
                    continue
                if not any(c.core not in (a.core, b.core) and names.same_person(c.core, a.core) for c in fulls):
                    edges.add((a.id, b.id))
    # one name written alike in two of the organisation's committees (or with and without its initials,
    # "J Connelly EDC") is one human, unless full names compete for it there
    by_core: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for r in rows.values():
        by_core[(r.org, r.core)].append(r)
    for group in by_core.values():
        if not any(r.id in competing for r in group):
            edges |= {(group[0].id, r.id) for r in group[1:]}
    # a surname alone is the one human of the organisation with that surname, if only one
    groups = {i: min(g) for g in connected_groups(rows, edges) for i in g}
    for group in by_surname.values():
        for r in (r for r in group if r.surname_only):
            humans = {groups.get(o.id, o.id) for o in group
                      if not o.surname_only and names.looks_like_name(o.name) and _plausible(r, o)}
            if len(humans) == 1:
                edges.add((next(iter(humans)), r.id))
            elif len(humans) > 1:
                competing[r.id] = sorted(humans)
    # a first name alone ("Paul") that two of the organisation's people have: flagged, never linked here
    firsts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows.values():
        if r.full:
            firsts[(r.org, r.core.split()[0])].add(groups.get(r.id, r.id))
    for r in rows.values():
        if r.surname_only and r.id not in competing and not any(r.id in e for e in edges):
            humans = firsts.get((r.org, r.core), set())
            if len(humans) > 1:
                competing[r.id] = sorted(humans)
    return edges, competing


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
    """Each row's canonical row: per connected group, the full name mentioned most (then the one seen
    first, then by its key: not by id, which follows the order files happened to be stored in)."""
    out: dict[int, int] = {}
    for members in connected_groups(rows, edges):
        best = min(members, key=lambda i: (not rows[i].full, -rows[i].mentions, rows[i].first or date.max,
                                           rows[i].key, i))
        out.update((i, best) for i in members)
    return out


def _write_aliases(conn: Connection, canonical: dict[int, int], scope: Scope) -> None:
    """Rebuild ``scope``'s person_aliases: one row per (people row, text as written), first sighting first."""
    seen: dict[tuple[int, str], dict] = {}
    owner = func.coalesce(action_owners.c.person_id, action_owners.c.linked_person_id)
    mention_queries = [
        select(attendance.c.person_id, people.c.name, attendance.c.as_written, documents.c.meeting_date,
               documents.c.body_id, attendance.c.source_file_id, attendance.c.page, attendance.c.span_start,
               attendance.c.span_end)
        .select_from(attendance.join(people, people.c.id == attendance.c.person_id)
                     .join(documents, documents.c.id == attendance.c.document_id))
        .where(_mentions_of(attendance.c.person_id, scope), ORIGINAL),
        select(owner, people.c.name, action_owners.c.as_written, documents.c.meeting_date, documents.c.body_id,
               action_owners.c.source_file_id, action_owners.c.page, action_owners.c.span_start,
               action_owners.c.span_end)
        .select_from(action_owners.join(people, people.c.id == owner)
                     .join(actions, actions.c.id == action_owners.c.action_id)
                     .join(documents, documents.c.id == actions.c.document_id))
        .where(_owned_by(scope), ORIGINAL),
    ]
    spelt: dict[tuple[str | None, str], str] = {}  # a name is written alike in many a mention
    listed: dict[str, list[str]] = {}  # and a line of names is shared by each person it lists
    for query in mention_queries:
        for pid, name, written, day, body_id, file_id, page, start, end in conn.execute(query):
            alias = spelt.get((written, name))
            if alias is None:
                if written and written not in listed:
                    listed[written] = [_name_part(p) for p in names.split_names(written)]
                alias = spelt[(written, name)] = _alias(written, name, listed.get(written or ""))
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
    conn.execute(delete(person_aliases).where(person_aliases.c.people_id.in_(
        select(people.c.id).where(scope.where(people.c.body_id)))))
    if seen:
        conn.execute(insert(person_aliases), [seen[k] for k in sorted(seen)])


def _alias(written: str | None, name: str, parts: list[str] | None) -> str:
    """How ``name`` is written in ``written``: the one of the names a shared
    line lists (``parts``: "Christine Frazer", "Richard Gorst", ...) that is
    this person's; the name itself when none is."""
    if not written or not parts:
        return name
    surname = name.split()[-1].lower() if name.split() else ""
    # "Richard Hunt (RH)(Observer) Ian Brookman (IB)": the first name of a line two share is not Ian Brookman's
    another = len(name.split()) > 1 and surname in written.lower() and surname not in parts[0].lower()
    if len(parts) == 1 and not another and (INITIALS.fullmatch(parts[0])
                                            or names.looks_like_name(names.clean_name(parts[0])[0])):
        return parts[0]  # "Cllr P Shah", "AW", "The General Manager" (a post the extractor resolved)
    return next((p for p in parts if names.same_person(names.clean_name(p)[0], name)), name)


def _name_part(as_written: str) -> str:
    """ "Cllr P Shah - Wexmoor District Council" -> "Cllr P Shah": the name without role or organisation."""
    return re.split(r"\s*(?:[,|(]|\s[-–]\s)", " ".join(as_written.split()), maxsplit=1)[0] or as_written.strip()


def add_override(engine: Engine, kind: str, name_a: str, name_b: str, body: str | None = None) -> None:
    """Record a merge or split (the names must be known, in ``body`` if given), then relink."""
    with writing(engine) as conn:
        body_id = None
        if body:
            body_id = conn.execute(select(bodies.c.id).where(bodies.c.name == body)).scalar()
            if body_id is None:
                raise ValueError(f"no body named {body!r}")
        humans = []
        for n in (name_a, name_b):
            query = select(people.c.body_id, func.coalesce(people.c.canonical_id, people.c.id)) \
                .where(people.c.name_key == name_key_text(n))
            if body_id is not None:
                query = query.where(people.c.body_id == body_id)
            found = conn.execute(query).all() or _ambiguous_owners(conn, n, body_id)
            if not found:
                raise ValueError(f"no person named {n!r}" + (f" in {body}" if body else ""))
            owe(conn, {f.body_id for f in found})
            humans.append({f[1] for f in found if f[1] is not None})
        if kind == "split" and not humans[0] & humans[1]:
            raise ValueError(f"{name_b!r} is not linked to {name_a!r}: nothing to split")
        conn.execute(insert(person_overrides), {
            "kind": kind, "name_a": name_a, "name_b": name_b,
            "key_a": name_key_text(name_a), "key_b": name_key_text(name_b),
            "body_id": body_id, "created_at": datetime.now(timezone.utc)})
    relink(engine)


def _ambiguous_owners(conn: Connection, name: str, body_id: int | None) -> list[Row]:
    """(body, no person) for each body where ``name`` is written as an owner
    the extractor found ambiguous ("Paul" of two Pauls): a merge says who it is."""
    query = select(documents.c.read_body_id.label("body_id"), null()).distinct() \
        .join(actions, actions.c.document_id == documents.c.id) \
        .join(action_owners, action_owners.c.action_id == actions.c.id) \
        .where(action_owners.c.ambiguous, func.lower(action_owners.c.as_written) == " ".join(name.split()).lower())
    if body_id is not None:
        query = query.where(documents.c.read_body_id == body_id)
    return list(conn.execute(query).all())


def person_report(engine: Engine, name: str, body: str | None = None) -> list[dict]:
    """Every human one of whose names contains ``name`` (any case; initials
    such as "AW" match only those initials as written; in a body whose name
    contains ``body``): aliases, meetings attended and apologies
    per body and year, roles, and actions owned with their status and sources."""
    key = name_key_text(needle("name", name))
    with engine.connect() as conn:
        query = select(person_aliases.c.person_id).distinct().join(people, people.c.id == person_aliases.c.people_id)
        if INITIALS.fullmatch(name.strip()) and name.strip()[:2].isupper():  # "AW": those initials, not "Shaw"
            query = query.where(person_aliases.c.alias == name.strip())
        else:
            query = query.where(or_(contains(person_aliases.c.alias, name, "name"),
                                    *([people.c.name_key.contains(key, autoescape=True)] if key else [])))
        if body is not None:
            query = query.join(bodies, bodies.c.id == person_aliases.c.body_id) \
                .where(contains(bodies.c.name, body, "body"))
        return [_report(conn, engine, pid)
                for (pid,) in conn.execute(query.order_by(person_aliases.c.person_id)).all()]


def person_by_id(engine: Engine, person_id: int) -> dict | None:
    """The report of ``person_report`` for one human, by the id of any of its
    people rows; None when there is no such person."""
    if not valid_id(person_id):
        return None
    with engine.connect() as conn:
        found = conn.execute(select(func.coalesce(people.c.canonical_id, people.c.id))
                             .where(people.c.id == person_id)).scalar()
        return None if found is None else _report(conn, engine, found)


def _report(conn: Connection, engine: Engine, pid: int) -> dict:
    """One human (canonical people row ``pid``): aliases, meetings, roles and
    actions owned (copies of a meeting in another format left out)."""
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
    owned = conn.execute(select(action_owners.c.action_id).distinct().where(or_(
        action_owners.c.person_id.in_(members), action_owners.c.linked_person_id.in_(members)))).scalars().all()
    return {"id": pid, "name": head, "aliases": aliases, "meetings": meetings, "roles": roles,
            "actions": [a for a in list_actions(engine, threads=True) if a["id"] in set(owned)]}
