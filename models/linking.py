"""What linking is owed, and for which bodies it is done.

People are linked within an organisation (across its committees; across
organisations only by an identical full name), and the evidence on an action
lies in later papers of its own body, so a file changes the links of its
bodies, and of those their people may be linked to, alone. The transaction
that stores, replaces or fails a file records its bodies in ``links_owed``
(``owe``); the relink that follows (``models.people.relink``) works on those
bodies only and deletes the debt in its own transaction. A kill, Ctrl-C or an error between
the two leaves the debt on record, and the next run pays it, even when it has
no file to store. An action's status is worked out when asked, from its
evidence (``models.status``), so the days passing owe nothing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import ColumnElement, Connection, delete, insert, or_, select, true

from minutes.models.schema import links_owed


@dataclass(frozen=True)
class Scope:
    """The bodies a relink works on (``None`` standing for documents with no body), or every body."""
    bodies: frozenset[int | None] = frozenset()
    everything: bool = False

    def __or__(self, other: Scope) -> Scope:
        return Scope(self.bodies | other.bodies, self.everything or other.everything)

    def __bool__(self) -> bool:
        return self.everything or bool(self.bodies)

    def where(self, body_id: ColumnElement) -> ColumnElement[bool]:
        """A filter on a body id column: rows of the scope's bodies."""
        if self.everything:
            return true()
        ids = [b for b in self.bodies if b is not None]
        return or_(body_id.in_(ids), body_id.is_(None)) if None in self.bodies else body_id.in_(ids)


EVERYTHING = Scope(everything=True)


def owe(conn: Connection, bodies: Iterable[int | None]) -> None:
    """Record, in the caller's transaction, that these bodies' links must be recomputed."""
    wanted = set(bodies)
    if not wanted:
        return
    known = set(conn.scalars(select(links_owed.c.body_id).distinct()))
    if wanted - known:
        conn.execute(insert(links_owed), [{"body_id": b} for b in wanted - known])


def owed(conn: Connection) -> tuple[int, Scope]:
    """The bodies owed, with the last debt's id (what ``settle`` may delete)."""
    rows = conn.execute(select(links_owed.c.id, links_owed.c.body_id)).all()
    return max((r.id for r in rows), default=0), Scope(frozenset(r.body_id for r in rows))


def settle(conn: Connection, last_debt: int) -> None:
    """The debts up to ``last_debt`` are paid."""
    conn.execute(delete(links_owed).where(links_owed.c.id <= last_debt))
