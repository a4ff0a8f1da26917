"""Full-text search over every block of every document.

The user writes a web-search query (words, "quoted phrases", ``or``,
``-word``). PostgreSQL reads it with ``websearch_to_tsquery`` against the
blocks' stored tsvector; SQLite gets the same query translated to FTS5 syntax
against ``blocks_fts``. Both stem English words, so "drugs" finds "drug".
PostgreSQL also drops English stop words ("the", "of"), which SQLite keeps:
a query of content words gives the same blocks on both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import ColumnElement, Engine, FromClause, Integer, column, func, literal_column, select, table

from minutes.models.schema import blocks, bodies, documents, source_files
from minutes.models.sql import MAX_LIMIT, QueryError, Row, check_query, document_filters

HIGHLIGHT = ("**", "**")  # around each matched word in a snippet, unless the caller asks for other marks
# What the databases put round matched words: private-use characters no paper's text holds, replaced by
# the caller's marks afterwards (so a mark may be empty, or HTML the site adds after escaping the text).
_SENTINELS = ("\ue000", "\ue001")
SNIPPET_WORDS = 16
# A search by rank scores the blocks first stored among those matching (and meeting the filters), this
# many at most: a common word matches a large share of an archive's blocks, and scoring every one of them
# to keep the best 20 takes a second at 100,000 meetings. A query matching fewer is ranked in full; an
# archive stored in date order keeps the ties (best first, then by date) it had when all were scored.
CANDIDATES = 10_000
Order = Literal["rank", "date"]

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def fts5_query(query: str) -> str | None:
    """``query`` in FTS5 syntax with websearch meaning: terms are ANDed, ``or``
    joins its neighbours (binding tighter than AND, as in PostgreSQL), ``-``
    excludes. Every term is quoted, so no user text is read as FTS5 syntax.
    None when nothing searchable is left."""
    groups: list[list[str]] = []  # AND of ORs
    excluded: list[str] = []
    join_next = False
    for negate, phrase, bare in _TOKEN.findall(query):
        if bare.lower() == "or" and groups:
            join_next = True
            continue
        if bare.startswith("-") and len(bare) > 1:
            negate, bare = "-", bare[1:]
        words = _WORD.findall(phrase or bare)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'  # a hyphenated word is a phrase, as in websearch_to_tsquery
        if negate:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        return None
    out = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    return " ".join([out, *(f"NOT {t}" for t in excluded)])


# SQLite's FTS5 table: its rowid is the block id; the table's own name is the
# column MATCH, bm25() and snippet() take.
_fts = table("blocks_fts", column("rowid", Integer))
_fts_self: ColumnElement[str] = literal_column("blocks_fts")


@dataclass
class Match:
    """How one dialect finds the blocks of a query: what to select from, the
    condition, a score (higher is better), the order of storing (that the
    text index can give the matches in, without sorting) and, for SQLite,
    the snippet (FTS5 builds it only in the query that matches)."""
    source: FromClause
    where: ColumnElement[bool]
    score: ColumnElement
    stored: ColumnElement
    snippet: ColumnElement | None


def match(dialect: str, query: str) -> Match | None:
    """The blocks matching ``query`` in a database of ``dialect``, or None
    when the query has no searchable words."""
    check_query("query", query, [w for w in _WORD.findall(query) if w.lower() != "or"])
    if dialect == "postgresql":
        if not _WORD.search(query):
            return None
        tsq = func.websearch_to_tsquery("english", query)
        tsv: ColumnElement[str] = literal_column("blocks.tsv")
        return Match(blocks, tsv.op("@@")(tsq), func.ts_rank(tsv, tsq, 1), blocks.c.id,  # 1: shorter blocks
                     None)                                                               # first, as bm25
    fts_query = fts5_query(query)
    if fts_query is None:
        return None
    return Match(blocks.join(_fts, _fts.c.rowid == blocks.c.id), _fts_self.op("MATCH")(fts_query),
                 -func.bm25(_fts_self), _fts.c.rowid, func.snippet(_fts_self, 0, *_SENTINELS, "…", SNIPPET_WORDS))


def search(engine: Engine, query: str, body: str | None = None, date_from: date | None = None,
           date_to: date | None = None, kind: str | None = None, limit: int = 20,
           order: Order = "rank", marks: tuple[str, str] = HIGHLIGHT) -> list[Row]:
    """Blocks matching ``query``, best first (``order="rank"``; ties by date)
    or by meeting date (undated documents last), each with a snippet whose
    matched words are between ``marks``, its document, body, date, file and page."""
    return search_more(engine, query, body, date_from, date_to, kind, limit, order, marks)[0]


def search_more(engine: Engine, query: str, body: str | None = None, date_from: date | None = None,
                date_to: date | None = None, kind: str | None = None, limit: int = 20,
                order: Order = "rank", marks: tuple[str, str] = HIGHLIGHT) -> tuple[list[Row], bool]:
    """``search``, and whether more than ``limit`` blocks match."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit: from 1 to {MAX_LIMIT:,} (not {limit:,})")
    m = match(engine.dialect.name, query)
    if m is None:
        return [], False
    # The snippet is made for the blocks shown only: made beside the score, SQLite
    # would build it for every match before sorting (a third of a second per
    # 100,000 matches of a common word).
    hits = select(blocks.c.id, m.score.label("score"), documents.c.meeting_date, blocks.c.document_id) \
        .select_from(m.source.join(documents, documents.c.id == blocks.c.document_id)
                     .outerjoin(bodies, bodies.c.id == documents.c.body_id)) \
        .where(m.where, *document_filters(body, date_from, date_to, kind))
    if order == "rank":  # scored only for the candidates, read from the index in storing order
        hits = hits.order_by(m.stored).limit(max(CANDIDATES, limit + 1))
    found_hits = hits.subquery()

    def ordered(q: Any) -> tuple[ColumnElement, ...]:  # the order of ``order`` over a subquery of hits
        return (*((q.c.score.desc(),) if order == "rank" else ()), q.c.meeting_date.is_(None), q.c.meeting_date,
                q.c.document_id, q.c.id)
    ranked = select(found_hits).order_by(*ordered(found_hits)).limit(limit + 1).subquery()
    snippet = literal_column("NULL") if m.snippet is not None else func.ts_headline(
        "english", blocks.c.text, func.websearch_to_tsquery("english", query),
        f"StartSel={_SENTINELS[0]}, StopSel={_SENTINELS[1]}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}")
    rows = select(
        ranked.c.score, documents.c.meeting_date.label("date"), bodies.c.name.label("body"), documents.c.kind,
        blocks.c.kind.label("block_kind"), snippet.label("snippet"), blocks.c.document_id,
        blocks.c.id.label("block_id"),
        source_files.c.path.label("file"), blocks.c.page,
    ).select_from(ranked.join(blocks, blocks.c.id == ranked.c.id)
                  .join(documents, documents.c.id == blocks.c.document_id)
                  .join(source_files, source_files.c.id == blocks.c.source_file_id)
                  .outerjoin(bodies, bodies.c.id == documents.c.body_id)) \
        .order_by(*ordered(ranked))
    with engine.connect() as conn:
        found = [dict(r) | {"score": round(r["score"], 4)} for r in conn.execute(rows).mappings()]
        more, found = len(found) > limit, found[:limit]
        if m.snippet is not None and found:
            snippets = dict(conn.execute(select(_fts.c.rowid, m.snippet).select_from(_fts).where(
                m.where, _fts.c.rowid.in_([r["block_id"] for r in found]))).all())
            for r in found:
                r["snippet"] = snippets[r["block_id"]]
    for r in found:
        r["snippet"] = _marked(r["snippet"], marks)
    return found, more


def _marked(snippet: str, marks: tuple[str, str]) -> str:
    return snippet.replace(_SENTINELS[0], marks[0]).replace(_SENTINELS[1], marks[1])
