"""The database: one table per record kind of ``extract.records``.

Every extracted row carries its provenance (``source_file_id``, ``page``,
``span_start``, ``span_end``; spans index the parsed text), and every row
hangs off ``source_files`` with ON DELETE CASCADE, so replacing a file is one
delete and one insert. ``bodies`` and ``people`` outlive files: they are
shared by every meeting of a body. ``schema.sql`` describes the same schema
in SQL; tests/test_schema.py keeps the two in step.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable

from sqlalchemy import (DDL, BigInteger, Boolean, CheckConstraint, Date, DateTime, ForeignKey, Identity, Index,
                        Integer, Numeric, String, Table, Text, event, false, inspect)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

MONEY = Numeric(18, 2)  # exact pounds and pence
MEASURE = Numeric(18, 4)


class Base(DeclarativeBase):
    pass


def _table_args(*args: Any) -> tuple:
    # AUTOINCREMENT: SQLite would otherwise reuse the ids of deleted (replaced)
    # files' rows, as PostgreSQL identity columns never do.
    return (*args, {"sqlite_autoincrement": True})


def _identity() -> Mapped[int]:
    return mapped_column(Integer, Identity(), primary_key=True)


def _cascade(target: str) -> Mapped[int]:
    return mapped_column(ForeignKey(target, ondelete="CASCADE"), nullable=False)


class Provenance:
    """Where a fact was read: file, page and character span in its text."""

    @declared_attr
    def source_file_id(cls) -> Mapped[int]:
        return _cascade("source_files.id")

    page: Mapped[int] = mapped_column(Integer, nullable=False)
    span_start: Mapped[int] = mapped_column(Integer, nullable=False)
    span_end: Mapped[int] = mapped_column(Integer, nullable=False)


class SourceFile(Base):
    """One content: a file is known by its bytes (sha256), wherever it lies;
    the paths it was found at are its ``source_locations``."""
    __tablename__ = "source_files"
    id: Mapped[int] = _identity()
    path: Mapped[str] = mapped_column(Text, nullable=False)  # the first of its locations still recorded
    name: Mapped[str] = mapped_column(Text, nullable=False)  # the file's name: the label Datasette shows for its id
    sha256: Mapped[str | None] = mapped_column(String(64))  # null when the file could not be read
    format: Mapped[str | None] = mapped_column(String(16))
    size: Mapped[int | None] = mapped_column(BigInteger)
    pages: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8), nullable=False)
    error_reason: Mapped[str | None] = mapped_column(String(32))
    error_detail: Mapped[str | None] = mapped_column(Text)
    body_given: Mapped[str | None] = mapped_column(Text)  # `ingest --body`: the body of papers that name none
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    __table_args__ = _table_args(
        CheckConstraint("status IN ('ok', 'failed')", name="ck_source_files_status"),
        Index("ux_source_files_sha256", "sha256", unique=True),  # NULLs (unread files) do not collide
        Index("ix_source_files_path", "path"),
    )


class SourceLocation(Base):
    """A path a source's content was found at: the same bytes copied elsewhere are one source, two locations."""
    __tablename__ = "source_locations"
    id: Mapped[int] = _identity()
    source_file_id: Mapped[int] = _cascade("source_files.id")
    path: Mapped[str] = mapped_column(Text, nullable=False)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    __table_args__ = _table_args(
        Index("ux_source_locations_path", "path", unique=True),
        Index("ix_source_locations_source_file", "source_file_id"),
    )


class SourceFileComponent(Base):
    """An extractor component (extract.extractor) and its version, as they
    were when the file was extracted: ingest re-extracts the file when its
    components' versions are no longer these."""
    __tablename__ = "source_file_components"
    id: Mapped[int] = _identity()
    source_file_id: Mapped[int] = _cascade("source_files.id")
    name: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = _table_args(Index("ux_source_file_components", "source_file_id", "name", unique=True))


class SourcePage(Provenance, Base):
    """Each page of a stored file (its span: the page's text) and how its
    text was read: a page read by OCR has Tesseract's mean word confidence
    (0-100), so a fact's (source_file_id, page) tells whether it came from OCR text."""
    __tablename__ = "pages"
    id: Mapped[int] = _identity()
    ocr: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    ocr_confidence: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    __table_args__ = _table_args(Index("ux_pages_source_file_page", "source_file_id", "page", unique=True))


class Body(Base):
    """Who meets: an organisation and its committee (extract.bodies); ``name``
    shows both ("Kent County Council – Cabinet"), ``key`` is what two spellings share."""
    __tablename__ = "bodies"
    id: Mapped[int] = _identity()
    name: Mapped[str] = mapped_column(Text, nullable=False)
    organisation: Mapped[str | None] = mapped_column(Text)
    committee: Mapped[str | None] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, nullable=False)  # organisation key | committee key
    __table_args__ = _table_args(Index("ux_bodies_key", "key", unique=True), Index("ix_bodies_name", "name"))


class Document(Provenance, Base):
    __tablename__ = "documents"
    id: Mapped[int] = _identity()
    # The body as the paper names it, and the body it is found to be across the archive (models.bodies:
    # "Cabinet" of the one organisation the paper names, an action log headed "ODUG"); NULL when unknown.
    read_body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    position: Mapped[int] = mapped_column(Integer, nullable=False)  # order in its file
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    meeting_date: Mapped[date | None] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(Text)
    next_meeting_date: Mapped[date | None] = mapped_column(Date)
    next_meeting_time: Mapped[str | None] = mapped_column(Text)
    next_meeting_venue: Mapped[str | None] = mapped_column(Text)
    next_meeting_date_text: Mapped[str | None] = mapped_column(Text)
    next_meeting_page: Mapped[int | None] = mapped_column(Integer)
    next_meeting_span_start: Mapped[int | None] = mapped_column(Integer)
    next_meeting_span_end: Mapped[int | None] = mapped_column(Integer)
    # The words of the text as a bottom-k sketch (models.copies), and the document this one is a copy of:
    # the same meeting in another format. A copy's facts are kept but never listed or counted.
    fingerprint: Mapped[str] = mapped_column(Text, nullable=False, server_default="")
    copy_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    __table_args__ = _table_args(
        Index("ix_documents_source_file", "source_file_id"),
        Index("ix_documents_copy_of", "copy_of_id"),
        Index("ix_documents_body_date", "body_id", "meeting_date"),
        Index("ix_documents_meeting_date", "meeting_date"),
    )


class Person(Base):
    """One per name within a body; linking aliases across meetings comes later."""
    __tablename__ = "people"
    id: Mapped[int] = _identity()
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    name: Mapped[str] = mapped_column(Text, nullable=False)
    name_key: Mapped[str] = mapped_column(Text, nullable=False)
    # The row standing for the human this name is (itself when canonical); set by models.people.relink.
    canonical_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    # NULL body_ids do not collide in a unique index: the store looks those up itself.
    __table_args__ = _table_args(
        Index("ux_people_body_name_key", "body_id", "name_key", unique=True),
        Index("ix_people_name_key", "name_key"),
        Index("ix_people_canonical", "canonical_id"),
    )


class Attendance(Provenance, Base):
    __tablename__ = "attendance"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    role: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    as_written: Mapped[str | None] = mapped_column(Text)
    substitute_for: Mapped[str | None] = mapped_column(Text)
    virtual: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    initials: Mapped[str | None] = mapped_column(Text)  # as the list prints them after the name ("AHop")
    category: Mapped[str | None] = mapped_column(Text)  # the label or sub-heading listing the person
    __table_args__ = _table_args(
        CheckConstraint("status IN ('present', 'apologies', 'in_attendance', 'substitute', 'absent')",
                        name="ck_attendance_status"),
        Index("ix_attendance_document", "document_id"),
        Index("ix_attendance_person", "person_id"),
        Index("ix_attendance_source_file", "source_file_id"),
    )


class Item(Provenance, Base):
    __tablename__ = "items"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    ref: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = _table_args(
        Index("ix_items_document", "document_id"),
        Index("ix_items_source_file", "source_file_id"),
    )


class ItemLink:
    """The agenda item a fact belongs to: the ref as written, and the item row when one has that ref."""

    @declared_attr
    def item_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("items.id", ondelete="SET NULL"))

    item_ref: Mapped[str | None] = mapped_column(Text)


class Action(Provenance, ItemLink, Base):
    __tablename__ = "actions"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    text: Mapped[str] = mapped_column(Text, nullable=False)
    explicit: Mapped[bool] = mapped_column(Boolean, nullable=False)
    due_date: Mapped[date | None] = mapped_column(Date)  # first day of the month for month precision
    due_precision: Mapped[str | None] = mapped_column(String(16))
    due_text: Mapped[str | None] = mapped_column(Text)
    # Status is not stored: it is worked out from the evidence (action_updates) for the day asked (models.status).
    log_status: Mapped[str | None] = mapped_column(Text)  # an action-log row's status cell, as written
    # A log row or later action restating an earlier action: the action it follows (models.evidence).
    follows_action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"))
    __table_args__ = _table_args(
        Index("ix_actions_document", "document_id"),
        Index("ix_actions_source_file", "source_file_id"),
        Index("ix_actions_item", "item_id"),
        Index("ix_actions_due_date", "due_date"),
        Index("ix_actions_follows", "follows_action_id"),
    )


class ActionOwner(Provenance, Base):
    """An owner as resolved (``name``) and as written; the span is its action's."""
    __tablename__ = "action_owners"
    id: Mapped[int] = _identity()
    action_id: Mapped[int] = _cascade("actions.id")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(Text, nullable=False)
    as_written: Mapped[str] = mapped_column(Text, nullable=False)
    is_person: Mapped[bool] = mapped_column(Boolean, nullable=False)
    # initials or a first name that fit several listed people: kept as written, linked to nobody
    ambiguous: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    # Set by models.people.relink: the person initials as written ("IB") were found to be, the only one of the
    # organisation's people they fit; or, when several fit, who they might be ("Sunita Patel; Sam Patel").
    linked_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    might_be: Mapped[str | None] = mapped_column(Text)
    __table_args__ = _table_args(
        Index("ix_action_owners_action", "action_id"),
        Index("ix_action_owners_person", "person_id"),
        Index("ix_action_owners_linked_person", "linked_person_id"),
        # an owner asked for by name: its distinct names and spellings are read from these (models.queries)
        Index("ix_action_owners_name", "name"),
        Index("ix_action_owners_as_written", "as_written"),
        Index("ix_action_owners_source_file", "source_file_id"),
    )


class PersonAlias(Provenance, Base):
    """A way one human is written in a body's papers, derived by models.people.relink;
    the provenance is the first sighting."""
    __tablename__ = "person_aliases"
    id: Mapped[int] = _identity()
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), nullable=False)  # canonical row
    people_id: Mapped[int] = mapped_column(ForeignKey("people.id"), nullable=False)  # the row it was stored as
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    alias: Mapped[str] = mapped_column(Text, nullable=False)
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date)
    mentions: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = _table_args(
        Index("ix_person_aliases_person", "person_id"),
        Index("ix_person_aliases_source_file", "source_file_id"),
    )


class PersonOverride(Base):
    """A user's ruling the linking rules cannot make: merge two names, or split
    an alias off a person. Re-applied by every relink."""
    __tablename__ = "person_overrides"
    id: Mapped[int] = _identity()
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    name_a: Mapped[str] = mapped_column(Text, nullable=False)
    name_b: Mapped[str] = mapped_column(Text, nullable=False)
    key_a: Mapped[str] = mapped_column(Text, nullable=False)
    key_b: Mapped[str] = mapped_column(Text, nullable=False)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))  # NULL: every body
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    __table_args__ = _table_args(
        CheckConstraint("kind IN ('merge', 'split')", name="ck_person_overrides_kind"),
    )


class ActionUpdate(Provenance, Base):
    """Later evidence on an action (a log row, a later action restating it, a
    report in later minutes, an item that delivers it, "all actions
    completed"), derived by models.evidence; the provenance is the evidence's,
    ``text`` the words quoted."""
    __tablename__ = "action_updates"
    id: Mapped[int] = _identity()
    action_id: Mapped[int] = _cascade("actions.id")
    document_id: Mapped[int] = _cascade("documents.id")
    meeting_date: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    due_date: Mapped[date | None] = mapped_column(Date)  # a deadline the evidence restates
    text: Mapped[str] = mapped_column(Text, nullable=False)
    __table_args__ = _table_args(
        CheckConstraint("kind IN ('log', 'restated', 'report', 'item', 'all_completed')",
                        name="ck_action_updates_kind"),
        CheckConstraint("status IN ('done', 'in_progress', 'not_done')", name="ck_action_updates_status"),
        Index("ix_action_updates_action", "action_id"),
        Index("ix_action_updates_source_file", "source_file_id"),
    )


class ActionThread(Base):
    """What the last evidence recompute (models.evidence) found of one action: the earlier action it
    restates (``kind`` 'log' or 'restated'; the match itself, its thread's first action being followed
    from it) and its owners as linked then, so a relink redoes only the actions whose inputs changed."""
    __tablename__ = "action_threads"
    id: Mapped[int] = _identity()
    action_id: Mapped[int] = _cascade("actions.id")
    restates_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"))
    kind: Mapped[str | None] = mapped_column(String(16))
    owners: Mapped[str] = mapped_column(Text, nullable=False)
    __table_args__ = _table_args(
        Index("ux_action_threads_action", "action_id", unique=True),
        Index("ix_action_threads_restates", "restates_id"),
    )


class EvidenceMeeting(Base):
    """A meeting date of a body as the last evidence recompute saw it: its documents (id and kind), so
    the next one knows which meetings changed and redoes only the actions they can give evidence to."""
    __tablename__ = "evidence_meetings"
    id: Mapped[int] = _identity()
    body_id: Mapped[int] = _cascade("bodies.id")
    meeting_date: Mapped[date] = mapped_column(Date, nullable=False)
    documents: Mapped[str] = mapped_column(Text, nullable=False)
    __table_args__ = _table_args(Index("ux_evidence_meetings_body_date", "body_id", "meeting_date", unique=True))


class EvidenceRules(Base):
    """The version of the evidence rules (and of the window of meetings they read) a body's evidence
    was last worked out under (``models.evidence.rules``): under other rules, its stored evidence,
    threads and meetings say nothing of what the rules now find, and its next relink redoes it all."""
    __tablename__ = "evidence_rules"
    id: Mapped[int] = _identity()
    body_id: Mapped[int] = _cascade("bodies.id")
    rules: Mapped[str] = mapped_column(String(64), nullable=False)
    __table_args__ = _table_args(Index("ux_evidence_rules_body", "body_id", unique=True))


class ActionRuling(Base):
    """A user's ruling on an action's status (``minutes actions set`` / ``reopen``),
    kept across re-ingests: it names the action by its body, meeting date and
    words, and every relink finds the action again (``action_id``)."""
    __tablename__ = "action_rulings"
    id: Mapped[int] = _identity()
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    meeting_date: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, nullable=False)  # the action's words when ruled on
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    __table_args__ = _table_args(
        CheckConstraint("status IN ('done', 'in_progress', 'open')", name="ck_action_rulings_status"),
        Index("ix_action_rulings_action", "action_id"),
    )


class Decision(Provenance, ItemLink, Base):
    __tablename__ = "decisions"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    text: Mapped[str] = mapped_column(Text, nullable=False)
    explicit: Mapped[bool] = mapped_column(Boolean, nullable=False)
    __table_args__ = _table_args(
        Index("ix_decisions_document", "document_id"),
        Index("ix_decisions_source_file", "source_file_id"),
        Index("ix_decisions_item", "item_id"),
    )


class Funding(Provenance, ItemLink, Base):
    __tablename__ = "funding"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    amount: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    amount_high: Mapped[Decimal | None] = mapped_column(MONEY)  # upper end of a range
    currency: Mapped[str] = mapped_column(String(3), nullable=False, server_default="GBP")
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    period: Mapped[str | None] = mapped_column(Text)  # as written: "2010/11"
    period_start: Mapped[date | None] = mapped_column(Date)  # financial years only: 2010-04-01
    period_end: Mapped[date | None] = mapped_column(Date)
    purpose: Mapped[str | None] = mapped_column(Text)
    table_row: Mapped[int | None] = mapped_column(Integer)
    table_col: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    # A sum repeated in one document is one fact: every mention points at the first (itself for the first).
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("funding.id", ondelete="SET NULL"))
    __table_args__ = _table_args(
        CheckConstraint("kind IN ('allocation', 'cost', 'rate', 'total', 'estimate', 'balance', 'quote', 'payment', "
                        "'other')", name="ck_funding_kind"),
        Index("ix_funding_fact", "fact_id"),
        Index("ix_funding_document", "document_id"),
        Index("ix_funding_source_file", "source_file_id"),
        Index("ix_funding_item", "item_id"),
        Index("ix_funding_period", "period_start", "period_end"),
    )


class Target(Provenance, Base):
    __tablename__ = "targets"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    indicator: Mapped[str] = mapped_column(Text, nullable=False)
    code: Mapped[str | None] = mapped_column(Text)
    baseline: Mapped[Decimal | None] = mapped_column(MEASURE)
    baseline_period: Mapped[str | None] = mapped_column(Text)
    target: Mapped[Decimal | None] = mapped_column(MEASURE)
    target_period: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    __table_args__ = _table_args(
        Index("ix_targets_document", "document_id"),
        Index("ix_targets_source_file", "source_file_id"),
        Index("ix_targets_code", "code"),
    )


class ExtractionWarning(Provenance, Base):
    """A component that raised on a document: its facts are missing, the
    other components' are kept. The provenance is the document's."""
    __tablename__ = "extraction_warnings"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    component: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    error: Mapped[str] = mapped_column(String(64), nullable=False)  # the exception's type
    message: Mapped[str] = mapped_column(Text, nullable=False)
    __table_args__ = _table_args(
        Index("ix_extraction_warnings_document", "document_id"),
        Index("ix_extraction_warnings_source_file", "source_file_id"),
    )


class LinkOwed(Base):
    """A body whose people and action statuses must be linked again (NULL: the
    documents with no body). Written in the transaction that stores, replaces
    or fails a file of the body, deleted by the relink that does the work, so a
    kill or an error between the two leaves the debt on record for the next run."""
    __tablename__ = "links_owed"
    id: Mapped[int] = _identity()
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"))
    __table_args__ = _table_args()


class Block(Provenance, Base):
    """Every block of every document (heading, paragraph, list item, table),
    for full-text search; the text index is dialect-specific (below)."""
    __tablename__ = "blocks"
    id: Mapped[int] = _identity()
    document_id: Mapped[int] = _cascade("documents.id")
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    # PDF only: where the text is printed, JSON [[span_start, span_end, x0, top, x1, bottom], ...] in
    # points from the page's top left (extract.document.TextBox); the source view highlights a fact with them.
    boxes: Mapped[str | None] = mapped_column(Text)
    __table_args__ = _table_args(
        Index("ix_blocks_document", "document_id"),
        Index("ix_blocks_source_file", "source_file_id"),
    )


# The text index, created with the table. SQLite: an FTS5 table over blocks
# (external content, so the text is stored once), kept in step by triggers,
# which also fire for the rows a replaced file's cascade deletes (content="blocks"
# in double quotes, the spelling sqlite-utils and Datasette look for to find it). PostgreSQL: a
# stored tsvector with a GIN index. Both stem English words (porter/english).
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE blocks_fts USING fts5(text, content=\"blocks\", content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER blocks_fts_insert AFTER INSERT ON blocks BEGIN "
    "INSERT INTO blocks_fts (rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER blocks_fts_delete AFTER DELETE ON blocks BEGIN "
    "INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER blocks_fts_update AFTER UPDATE OF text ON blocks BEGIN "
    "INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO blocks_fts (rowid, text) VALUES (new.id, new.text); END",
]
POSTGRESQL_FTS = [
    "ALTER TABLE blocks ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_blocks_tsv ON blocks USING gin (tsv)",
]
for _statement in SQLITE_FTS:
    event.listen(Block.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRESQL_FTS:
    event.listen(Block.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql"))


# Views for the common questions, for Datasette, sqlite-utils and SQL users;
# the CLI and the site ask models/ instead. Standard SQL that both databases run.
VIEWS = {
    # One row per action no paper and no ruling reports done, and owner (restating rows and copies in
    # another format left out), with what the papers last said (last_said: in_progress, not_done, or
    # NULL for nothing) and its words. Its status for a day, with overdue and the meetings silent on
    # it, is worked out by models.status: `minutes actions`.
    "open_actions": """
SELECT a.id AS action_id, o.name AS owner, a.text, a.due_date, a.due_text,
       (SELECT u.status FROM action_updates u WHERE u.action_id = a.id
        ORDER BY u.meeting_date DESC, u.id DESC LIMIT 1) AS last_said,
       (SELECT u.text FROM action_updates u WHERE u.action_id = a.id
        ORDER BY u.meeting_date DESC, u.id DESC LIMIT 1) AS evidence,
       b.name AS body, d.meeting_date, d.id AS document_id, d.title AS document, a.item_ref,
       f.id AS source_file_id, f.name AS file, f.path, a.page, a.span_start, a.span_end
FROM actions a
JOIN documents d ON d.id = a.document_id
JOIN source_files f ON f.id = a.source_file_id
LEFT JOIN bodies b ON b.id = d.body_id
LEFT JOIN action_owners o ON o.action_id = a.id
WHERE a.follows_action_id IS NULL AND d.copy_of_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM action_updates u WHERE u.action_id = a.id AND u.status = 'done')
  AND NOT EXISTS (SELECT 1 FROM action_rulings r WHERE r.action_id = a.id AND r.status = 'done')""",
    # Who was at which meeting, under the person's resolved name (models.people) and as written.
    "attendance_by_person": """
SELECT c.id AS person_id, c.name AS person, p.name AS name_as_stored, t.as_written, t.status, t.role,
       t.organisation, b.name AS body, d.meeting_date, d.id AS document_id, d.title AS document,
       f.id AS source_file_id, f.name AS file, t.page, t.span_start, t.span_end
FROM attendance t
JOIN people p ON p.id = t.person_id
JOIN people c ON c.id = COALESCE(p.canonical_id, p.id)
JOIN documents d ON d.id = t.document_id
JOIN source_files f ON f.id = t.source_file_id
LEFT JOIN bodies b ON b.id = d.body_id""",
}


def _view_missing(name: str) -> Callable[..., bool]:
    # Checked rather than CREATE ... IF NOT EXISTS, which PostgreSQL has no form of for views.
    return lambda ddl, target, bind, **kw: name not in inspect(bind).get_view_names()


for _name, _select in VIEWS.items():
    event.listen(Base.metadata, "after_create",
                 DDL(f"CREATE VIEW {_name} AS{_select}").execute_if(callable_=_view_missing(_name)))
    event.listen(Base.metadata, "before_drop", DDL(f"DROP VIEW IF EXISTS {_name}"))


def _table(model: type[Base]) -> Table:
    # The metadata's own Table: a mapped class's __table__ is typed as any FromClause.
    return Base.metadata.tables[model.__tablename__]


# The table handles every other models module uses.
source_files = _table(SourceFile)
source_locations = _table(SourceLocation)
source_file_components = _table(SourceFileComponent)
source_pages = _table(SourcePage)
bodies = _table(Body)
documents = _table(Document)
people = _table(Person)
attendance = _table(Attendance)
items = _table(Item)
actions = _table(Action)
action_owners = _table(ActionOwner)
person_aliases = _table(PersonAlias)
person_overrides = _table(PersonOverride)
action_updates = _table(ActionUpdate)
action_rulings = _table(ActionRuling)
action_threads = _table(ActionThread)
evidence_meetings = _table(EvidenceMeeting)
evidence_rules = _table(EvidenceRules)
decisions = _table(Decision)
funding = _table(Funding)
targets = _table(Target)
extraction_warnings = _table(ExtractionWarning)
links_owed = _table(LinkOwed)
blocks = _table(Block)
