"""Runs every extractor over a parsed file: segment it into documents, then
pull people, items, actions, decisions, money and targets from each."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minutes.extract.actions import extract_actions
from minutes.extract.attendance import extract_attendance
from minutes.extract.decisions import extract_decisions
from minutes.extract.document import ParsedFile
from minutes.extract.funding import extract_funding
from minutes.extract.items import extract_items
from minutes.extract.meetings import extract_next_meeting
from minutes.extract.parsers import parse_file
from minutes.extract.parsers.ocr import OcrMode
from minutes.extract.records import ExtractedDocument
from minutes.extract.segment import segment
from minutes.extract.targets import extract_targets


@dataclass
class FileExtraction:
    parsed: ParsedFile
    documents: list[ExtractedDocument]


def extract_parsed(parsed: ParsedFile) -> list[ExtractedDocument]:
    out = []
    sections = segment(parsed)
    for section in sections:
        doc = ExtractedDocument(section)
        doc.attendees, doc.apologies = extract_attendance(section)
        doc.items = extract_items(section, standalone=len(sections) == 1)
        doc.next_meeting = extract_next_meeting(section)
        doc.actions = extract_actions(doc)
        doc.decisions = extract_decisions(doc)
        doc.funding = extract_funding(doc)
        doc.targets = extract_targets(doc)
        out.append(doc)
    return out


def extract_file(path: str | Path, ocr: OcrMode = "auto") -> FileExtraction:
    """Parse and extract one file; raises ``ParseError`` when it cannot be read."""
    parsed = parse_file(path, ocr)
    return FileExtraction(parsed, extract_parsed(parsed))
