"""The extractors as an ordered registry of named components, in the spirit of
spaCy's factories and ``analyze_pipes``.

A file is parsed, cut into documents (``segment``), and each document goes
through ``PIPELINE``: its components run in the order they are registered,
each reading what it ``requires`` and returning exactly what it ``assigns``.
Those are fields of ``ExtractedDocument`` (attendees, items, actions, ...) or
of the document's ``Context`` (roster, meetings: what components share and
the record does not keep). ``section`` and ``standalone`` are given.

A component is declared on a function of ``(doc, context)`` that returns its
fields by name::

    @PIPELINE.component("decisions", version=1, requires=("section", "items", "roster"),
                        assigns=("decisions",))
    def _decisions(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
        return {"decisions": extract_decisions(doc, context.roster)}

Registering checks the order, so a mistake fails when this module is
imported: a name used twice, a field assigned twice or unknown, or a field
required that no earlier component assigns is a ``PipelineError``.

Bump a component's version whenever a change alters what it finds: the names
and versions are stored with each source file, and ``ingest`` re-extracts a
stored file whose versions differ.

A component that raises loses only its own fields. The exception becomes an
``ExtractionWarning`` against the file (component@version, exception type and
message), the fields it assigns keep their empty defaults, and the later
components still run. A component whose requirement failed runs on that
empty default: actions with an empty roster are still found, with owners as
written, where stopping would lose every action because attendance failed.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, Callable, Collection, Iterable

from minutes.extract.actions import extract_actions
from minutes.extract.attendance import extract_attendance
from minutes.extract.bodies import read_body
from minutes.extract.dates import parse_date
from minutes.extract.decisions import extract_decisions
from minutes.extract.document import ParsedFile
from minutes.extract.funding import extract_funding
from minutes.extract.items import extract_items
from minutes.extract.meetings import extract_next_meeting, future_meetings
from minutes.extract.nlp import analyse, get_nlp, learn, reading
from minutes.extract.owners import Roster
from minutes.extract.parsers import PARSER, PARSER_VERSION, parse_file
from minutes.extract.parsers.ocr import OcrMode
from minutes.extract.records import ExtractedDocument
from minutes.extract.segment import segment
from minutes.extract.targets import extract_targets

# segment(), which cuts a file into documents, is no per-document component,
# but what it cuts decides everything after it: its version is stored too.
SEGMENT = "segment"
SEGMENT_VERSION = 11


@dataclass
class Context:
    """What one document's components share beyond its record, built once per document."""
    standalone: bool  # the document is the only one in its file
    roster: Roster = field(default_factory=lambda: Roster([]))  # the people tasks can be given to
    meetings: list[date] = field(default_factory=list)  # the next meeting's date, then later ones listed


Run = Callable[[ExtractedDocument, Context], dict[str, Any]]
GIVEN = frozenset({"section", "standalone"})
_ON_DOCUMENT = frozenset(f.name for f in fields(ExtractedDocument))
_ON_CONTEXT = frozenset(f.name for f in fields(Context))
assert not _ON_DOCUMENT & _ON_CONTEXT, "a field name must say where it lives"


class PipelineError(Exception):
    """Components declared so that they cannot run in order."""


@dataclass(frozen=True)
class Component:
    name: str
    version: int
    requires: frozenset[str]
    assigns: frozenset[str]
    run: Run

    def __str__(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class ExtractionWarning:
    """A component that raised on one document of a file; its fields were left empty."""
    component: str
    version: int
    document: int  # the document's position in its file
    error: str  # the exception's type
    message: str

    def __str__(self) -> str:
        return f"{self.component}@{self.version}: {self.error}: {' '.join(self.message.split())}"


class StageError(Exception):
    """A file-level stage (segment) raised: the file has no documents to keep."""

    def __init__(self, stage: str, version: int, error: Exception) -> None:
        super().__init__(f"{stage}@{version}: {type(error).__name__}: {' '.join(str(error).split())}")


@dataclass
class FileExtraction:
    parsed: ParsedFile
    documents: list[ExtractedDocument]
    warnings: list[ExtractionWarning] = field(default_factory=list)
    components: dict[str, int] = field(default_factory=dict)  # name -> version of what extracted it


class Pipeline:
    """Components in the order they run, checked as each is added."""

    def __init__(self, components: Iterable[Component] = ()) -> None:
        self.components: list[Component] = []
        for c in components:
            self.add(c)

    def add(self, c: Component) -> None:
        assigned = GIVEN.union(*(earlier.assigns for earlier in self.components))
        if any(c.name == earlier.name for earlier in self.components) or c.name in (SEGMENT, PARSER):
            raise PipelineError(f"{c}: a component of that name is already registered")
        unknown = (c.requires | c.assigns) - _ON_DOCUMENT - _ON_CONTEXT
        if unknown:
            raise PipelineError(f"{c}: no field {', '.join(sorted(unknown))} on ExtractedDocument or Context")
        if c.assigns & assigned:
            raise PipelineError(f"{c} assigns {', '.join(sorted(c.assigns & assigned))}, already assigned before it")
        if c.requires - assigned:
            raise PipelineError(f"{c} requires {', '.join(sorted(c.requires - assigned))}, "
                                "which no earlier component assigns")
        self.components.append(c)

    def component(self, name: str, version: int, requires: Collection[str] = (),
                  assigns: Collection[str] = ()) -> Callable[[Run], Run]:
        """Register the decorated function as the next component."""
        def register(run: Run) -> Run:
            self.add(Component(name, version, frozenset(requires), frozenset(assigns), run))
            return run
        return register

    def without(self, *names: str) -> Pipeline:
        """The same pipeline less the named components (checked again)."""
        return Pipeline(c for c in self.components if c.name not in names)

    def versions(self) -> dict[str, int]:
        """What is stored with each file: the parsers' version, segment's and every component's."""
        return {PARSER: PARSER_VERSION, SEGMENT: SEGMENT_VERSION} | {c.name: c.version for c in self.components}

    def run(self, doc: ExtractedDocument, context: Context, position: int = 0,
            only: Collection[str] | None = None) -> list[ExtractionWarning]:
        """Run the components (``only`` those named, for tests that fill in
        the others' fields themselves) over one document, in order."""
        warnings = []
        for c in self.components:
            if only is not None and c.name not in only:
                continue
            try:
                out = c.run(doc, context)
                if out.keys() != c.assigns:
                    raise PipelineError(f"returned {sorted(out)}, declared {sorted(c.assigns)}")
            except Exception as e:  # one component's bug must not lose the others' facts
                warnings.append(ExtractionWarning(c.name, c.version, position, type(e).__name__, str(e)))
                continue
            for name, value in out.items():
                setattr(context if name in _ON_CONTEXT else doc, name, value)
        return warnings

    def extract(self, parsed: ParsedFile) -> FileExtraction:
        try:
            sections = segment(parsed)
        except Exception as e:
            raise StageError(SEGMENT, SEGMENT_VERSION, e) from e
        documents, warnings = [], []
        for position, section in enumerate(sections):
            doc = ExtractedDocument(section)
            warnings += self.run(doc, Context(standalone=len(sections) == 1), position)
            documents.append(doc)
        return FileExtraction(parsed, documents, warnings, self.versions())


PIPELINE = Pipeline()


@PIPELINE.component("attendance", 24, requires=("section",), assigns=("attendees", "apologies"))
def _attendance(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    attendees, apologies = extract_attendance(doc.section)
    return {"attendees": attendees, "apologies": apologies}


@PIPELINE.component("items", 15, requires=("section", "standalone"), assigns=("items",))
def _items(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"items": extract_items(doc.section, standalone=context.standalone)}


@PIPELINE.component("next_meeting", 9, requires=("section",), assigns=("next_meeting",))
def _next_meeting(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"next_meeting": extract_next_meeting(doc.section)}


@PIPELINE.component("roster", 2, requires=("section", "attendees", "apologies"), assigns=("roster",))
def _roster(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    # The text completes an initialled name ("S. Eastwood") where it writes the full form.
    text = "\n".join(b.text for b in doc.section.blocks)
    return {"roster": Roster.from_document(doc.attendees, doc.apologies, text)}


@PIPELINE.component("meeting_dates", 3, requires=("section", "next_meeting"), assigns=("meetings",))
def _meeting_dates(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"meetings": future_meetings(doc)}


@PIPELINE.component("actions", 58, requires=("section", "items", "roster", "meetings"), assigns=("actions",))
def _actions(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"actions": extract_actions(doc, context.roster, context.meetings)}


@PIPELINE.component("decisions", 39, requires=("section", "items", "roster"), assigns=("decisions",))
def _decisions(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"decisions": extract_decisions(doc, context.roster)}


@PIPELINE.component("funding", 10, requires=("section", "items"), assigns=("funding",))
def _funding(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"funding": extract_funding(doc)}


@PIPELINE.component("targets", 1, requires=("section",), assigns=("targets",))
def _targets(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"targets": extract_targets(doc)}


@PIPELINE.component("body", 5, requires=("section",), assigns=("body_name",))
def _body(doc: ExtractedDocument, context: Context) -> dict[str, Any]:
    return {"body_name": read_body(doc.section)}


def warm() -> None:
    """Load now what extraction loads on first use (spaCy's pipeline,
    dateparser's data): a worker that starts with it holds the same whatever
    files it is given, and workers forked after it share it."""
    get_nlp()
    parse_date("next March")  # no whole date: read by dateparser


def ready_worker() -> None:
    """Ready this process to extract file after file, as each pool worker
    does before its first: warm, and what it holds then left out of the
    garbage collector's full passes for its life, so that they walk only what
    files make (they walked spaCy's and dateparser's objects too, ~45 ms each)."""
    warm()
    gc.freeze()


def extract_file(path: str | Path, pipeline: Pipeline = PIPELINE, ocr: OcrMode = "auto") -> FileExtraction:
    """Parse (with OCR where ``ocr`` says) and extract one file; raises
    ``ParseError`` when it cannot be read, ``StageError`` when it cannot be
    cut into documents."""
    # spaCy forgets the words it learnt from the file when it is done, and the file's Docs
    # go with them: held on, they would grow a worker's memory with the archive. Those met in
    # an earlier file too are learnt for good after it (``nlp.learn``, up to a bound).
    with get_nlp().memory_zone(), reading() as texts:
        try:
            parsed = parse_file(path, ocr)
            fx = pipeline.extract(parsed)
        finally:
            analyse.cache_clear()
    learn(texts, parsed.sha256)
    return fx
