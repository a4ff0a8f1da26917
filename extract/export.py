"""The ``minutes-extract/1`` JSON record (see ../shared/eval/SCHEMA.md), with
page and span added to every fact so a reader can check it at its source."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from minutes.extract.action_log import log_status
from minutes.extract.bodies import body_key
from minutes.extract.extractor import FileExtraction
from minutes.extract.paths import path_text, safe_text
from minutes.extract.records import Action, ExtractedDocument, Funding, Person, Span, Target

SCHEMA = "minutes-extract/1"


def _where(span: Span) -> dict[str, int]:
    return {"page": span.page, "start": span.start, "end": span.end}


def _json_number(value: Any) -> Any:
    """Exact amounts as JSON numbers: whole pounds as integers, pence as decimals."""
    if not isinstance(value, Decimal):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _person_record(p: Person, with_role: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name}
    if with_role:
        out["role"] = p.role
    out["organisation"] = p.organisation
    out.update(status=p.status, category=p.category, initials=p.initials, as_written=p.as_written,
               **_where(p.span))
    if p.substitute_for:
        out["substitute_for"] = p.substitute_for
    if p.virtual:
        out["virtual"] = True
    return out


def _action(a: Action) -> dict[str, Any]:
    return {
        "text": a.text,
        "owners": [o.name for o in a.owners],
        "owners_as_written": [o.as_written for o in a.owners],
        "owners_ambiguous": [o.ambiguous for o in a.owners],  # fits several listed people: kept as written
        "due": a.due.iso() if a.due else None,
        "due_text": a.due.text if a.due else None,
        "due_precision": a.due.precision if a.due else None,
        "item_ref": a.item_ref,
        "explicit": a.explicit,
        # a log row's status as its cell gives it ("Completed" -> done): a task reported done is still the
        # task the log sets out, as the record's gold counts it
        "status": log_status(a.log_status),
        **_where(a.span),
    }


# The fields a funding line or target is written with, its span aside (written as page, start, end). All
# are plain values, so they are read as they are: dataclasses.asdict's deep copy cost more than the rest
# of the record.
_FUNDING_FIELDS = tuple(f.name for f in fields(Funding) if f.name != "span")
_TARGET_FIELDS = tuple(f.name for f in fields(Target) if f.name != "span")


def _funding(f: Funding) -> dict[str, Any]:
    return {k: _json_number(getattr(f, k)) for k in _FUNDING_FIELDS} | _where(f.span)


def _funding_mentions(f: Funding) -> list[dict[str, Any]]:
    """The record's entries for one sum: one per mention, so a range printed with both its ends in pounds
    ("between £150k and £170k") is two entries, low and high, each with its words and span and the range's
    words as ``amount_range`` (the database keeps the one range: its totals count it once)."""
    entry = _funding(f)
    first = f.text.find("£")
    second = f.text.find("£", first + 1) if f.amount_high_gbp is not None and first >= 0 else -1
    if second < 0:
        return [entry]
    low_text = RANGE_JOIN.sub("", f.text[:second])
    common = {"amount_high_gbp": None, "amount_range": f.text}
    return [entry | common | {"text": low_text, "end": f.span.start + len(low_text)},
            entry | common | {"amount_gbp": _json_number(f.amount_high_gbp), "text": f.text[second:],
                              "start": f.span.start + second}]


RANGE_JOIN = re.compile(r"[\s,]*(?:-|–|to|and)?\s*$")  # what joins a range's low end to its high: "£150k [and ]"


def _body(doc: ExtractedDocument) -> str | None:
    """The body named whole, as minutes name it in full: its organisation then
    its committee ("Kent County Council Corporate Parenting Panel"); the body
    line as printed where no organisation is known."""
    name = doc.body_name
    if name is None or name.organisation is None:
        return doc.section.body or (name.committee if name else None)
    if name.committee is None:
        return name.organisation
    if body_key(name.organisation) in body_key(name.committee):
        return name.committee
    org, committee = name.organisation.split(), name.committee.split()
    if org[-1].lower() == committee[0].lower():  # "... Safety Partnership" + "Partnership Board"
        committee = committee[1:]
    return " ".join(org + committee)


def document_record(doc: ExtractedDocument) -> dict[str, Any]:
    s = doc.section
    nm = doc.next_meeting
    return {
        "kind": s.kind,
        "title": s.title,
        "body": _body(doc),
        "organisation": doc.body_name.organisation if doc.body_name else None,
        "committee": doc.body_name.committee if doc.body_name else None,
        "meeting_date": s.meeting_date.isoformat() if s.meeting_date else None,
        "venue": s.venue,
        **_where(s.span),
        "attendees": [_person_record(p, True) for p in doc.attendees],
        "apologies": [_person_record(p, False) for p in doc.apologies],
        "items": [{"ref": i.ref, "title": i.title, "parent_ref": i.parent_ref, "printed_ref": i.printed_ref,
                   **_where(i.span)} for i in doc.items],
        "actions": [_action(a) for a in doc.actions],
        "decisions": [{"text": d.text, "item_ref": d.item_ref, "explicit": d.explicit, **_where(d.span)}
                      for d in doc.decisions],
        # the record's funding is in pounds; sums in other currencies are kept apart, with their currency
        "funding": [entry for f in doc.funding if f.currency == "GBP" for entry in _funding_mentions(f)],
        "funding_other_currencies": [_funding(f) for f in doc.funding if f.currency != "GBP"],
        "targets": [{k: getattr(t, k) for k in _TARGET_FIELDS} | _where(t.span) for t in doc.targets],
        "next_meeting": None if nm is None else {
            "date": nm.iso(), "time": nm.time, "venue": nm.venue,
            "date_text": nm.date_text, **_where(nm.span)},
    }


def _mark_ocr(fact: dict[str, Any], ocr_pages: dict[int, float]) -> None:
    """``"ocr": true`` on a fact, and on each fact it holds, read from a page read by OCR."""
    if fact.get("page") in ocr_pages:
        fact["ocr"] = True
    for value in fact.values():
        for inner in (value if isinstance(value, list) else [value]):
            if isinstance(inner, dict):
                _mark_ocr(inner, ocr_pages)


def file_record(fx: FileExtraction) -> dict[str, Any]:
    p = fx.parsed
    ocr_pages = p.ocr_pages()
    documents = [document_record(d) for d in fx.documents]
    if ocr_pages:  # a file with no page read by OCR has no fact to mark
        for doc in documents:
            _mark_ocr(doc, ocr_pages)
    source = {"file": Path(p.path).name, "path": p.path, "sha256": p.sha256, "format": p.format,
              "pages": len(p.pages)}
    if ocr_pages:  # the pages read by OCR, with Tesseract's mean word confidence (0-100)
        source["ocr_pages"] = [{"page": n, "confidence": c} for n, c in ocr_pages.items()]
    return {
        "schema": SCHEMA, "source": source, "documents": documents,
        # not in the schema (extra keys are allowed): components that raised, whose fields are left empty
        "warnings": [{"component": f"{w.component}@{w.version}", "document": w.document, "error": w.error,
                      "message": w.message} for w in fx.warnings],
    }


def record_names(paths: list[Path]) -> list[str]:
    """A JSON file name for each input's record, never two alike: ``<stem>.json``
    where no other input has the stem (the name the baseline records use;
    eval/score.py pairs by the record's source file either way),
    ``<name>.json`` where two differ by extension (``a.pdf.json``,
    ``a.docx.json``), and the name with a digest of the whole path where two
    inputs in different folders share a name too."""
    unique = {path_text(p): p for p in paths}.values()  # a file named twice is one input
    stems, names = Counter(p.stem for p in unique), Counter(p.name for p in unique)
    out = []
    for p in paths:
        if stems[p.stem] == 1:
            name = p.stem
        elif names[p.name] == 1:
            name = p.name
        else:
            name = f"{p.name}-{hashlib.sha1(path_text(p).encode()).hexdigest()[:8]}"
        out.append(safe_text(name) + ".json")
    return out
