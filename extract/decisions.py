"""Decisions: each numbered part of a RESOLVED block, "It was agreed that
...", "X agreed ...", "approved", minutes "agreed as a true record"
(explicit), and weaker "noted" statements (explicit=False)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from minutes.extract.document import Block
from minutes.extract.items import item_at
from minutes.extract.lexicon import COMMON_TITLES, SPEECH_VERBS, alternation
from minutes.extract.nlp import analyse
from minutes.extract.owners import Roster
from minutes.extract.records import Decision, ExtractedDocument, Section, Span

# Documents that record no meeting's decisions.
NO_DECISIONS = frozenset({"strategy", "report", "work_programme", "agenda"})
RESOLVED = re.compile(r"^\W*(?:RESOLVED|Resolved|DECIDED|Decided|DECISION|Decision)\b\s*(?:that\b)?\s*[:\-–]?\s*"
                      r"(?:[Tt]hat\b\s*:?)?\s*")
PART_LABEL = re.compile(r"^\W{0,3}\(?(\d{1,2}|[a-h])[.)]\s+|^\W{0,3}\(?([ivx]{1,4})[.)]\s+")
# What comes just before / after an "agreed" that reports an earlier, other
# or pending decision: "as agreed", "had been approved", "approved by Cabinet",
# "approved in March 2013", "the agreed projects".
REPORTED_BEFORE = re.compile(r"\b(?:as|been|previously|already|once|if|when|be|being|yet|formally|of|the|an?|these"
                             r"|those)"
                             r"\s*$", re.I)
REPORTED_AFTER = re.compile(r"^\s*(?:by|with|in\s+(?:\d|[A-Z])|on\s+\d"
                            r"|at\s+(?:their|its|the)\s+(?:last\s+|previous\s+)?meeting)",
                            re.I)
# "X reported that Cabinet approved ...": an agreement the meeting hears of, not its own.
REPORTING = re.compile(rf"\b{alternation(SPEECH_VERBS)}\b[^.;]*?\bthat\b", re.I)
# An agreement still to come: "once Medway Council have agreed", "if the Board agrees".
CONDITIONAL = re.compile(r"\b(?:once|if|when|until|unless|provided|subject\s+to)\s+(?:[\w'’-]+\s+){0,4}"
                         r"(?:has|have|is|are|be|been)?\s*$", re.I)
# A person "noted" something: a remark, not the meeting's decision ("She noted that ...").
PERSON_NOTED = re.compile(rf"^(?:he|she|they|[Aa]\s+(?:[Mm]ember|[Cc]ouncillor)|{alternation(COMMON_TITLES)}\.?\s+"
                          r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:also\s+)?$", re.I)
# "RESOLVED that Council:": a short lead-in to the numbered parts below.
LEAD_IN = re.compile(r"[^.;:]{0,40}:")
# A part's "That" opening and its joining tail ("; and", ", or").
_THAT = re.compile(r"^(?:That|that)\s+")
_JOIN_TAIL = re.compile(r"[;,]?\s*(?:and|or)?\s*$")
CLAUSE_BREAK = re.compile(r"(?:,|;)\s+(?:(?:and\s+)?therefore|and|but|so|whilst|while)?\s*")


@dataclass
class Part:
    """One part of a resolution, with its character span."""
    text: str
    start: int
    end: int
    page: int


def resolution_parts(blocks: list[Block]) -> Iterator[tuple[Part, list[Block]]]:
    """Each part of every RESOLVED block, with the blocks it covers: an inline
    "RESOLVED: That the report be noted." is one part; "RESOLVED that:"
    followed by "(1) ...", "2) ..." items gives one part each, with roman
    sub-parts "(i) ..." joined to the part they belong to."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        m = RESOLVED.match(block.text) if block.kind != "table" else None
        if not m:
            i += 1
            continue
        parts: list[tuple[Part, list[Block]]] = []
        rest = block.text[m.end():].strip()
        lead_in = bool(LEAD_IN.fullmatch(rest))
        if rest and not lead_in:
            parts.append((Part(_tidy_part(rest), block.start + m.end(), block.end, block.page), [block]))
        j, expected = i + 1, None if rest and not lead_in else "1"
        roman_top = False  # parts numbered (i), (ii) themselves, not sub-parts of "1)"
        while j < len(blocks) and _is_part(blocks[j], bool(parts), expected):
            b = blocks[j]
            roman = PART_LABEL.match(b.text)
            number = (roman.group(1) if roman else None) or (b.label or "").strip("().")
            if number and number.isdigit():
                expected = str(int(number) + 1)
            is_roman = bool(roman and roman.group(2)) or (b.label or "").strip("().") in {"i", "ii", "iii", "iv", "v"}
            roman_top = roman_top or (is_roman and not parts)
            if parts and is_roman and not roman_top:
                prev, covered = parts[-1]
                parts[-1] = (Part(f"{prev.text} {_tidy_part(b.text)}", prev.start, b.end, prev.page), covered + [b])
            else:
                label = PART_LABEL.match(b.text)
                start = b.start + (label.end() if label else 0)
                parts.append((Part(_tidy_part(b.text[label.end():] if label else b.text), start, b.end, b.page), [b]))
            j += 1
        yield from parts
        i = j


def _is_part(block: Block, after_part: bool, expected: str | None) -> bool:
    """A resolution part: a list item or a labelled paragraph whose number
    follows the previous part's ("45. Next item" after "(2)" is not one)."""
    if block.kind == "table" or RESOLVED.match(block.text):
        return False
    m = PART_LABEL.match(block.text)
    label = (block.label or "").strip("().") if block.kind == "list_item" else (m.group(1) or m.group(2) if m else "")
    if m and m.group(1) and block.kind != "list_item":
        label = m.group(1)
    if not label:
        return False
    if label.isdigit():
        return expected is not None and label == expected
    return after_part or label in {"a", "-"} or block.kind == "list_item"


def _tidy_part(text: str) -> str:
    text = " ".join(text.split())
    text = _THAT.sub("", text)
    return _JOIN_TAIL.sub("", text).strip()


def extract_decisions(doc: ExtractedDocument, roster: Roster) -> list[Decision]:
    """The document's decisions; ``roster`` tells a listed person's remark
    ("Gareth Lloyd noted that ...") from the meeting's own "noted"."""
    section = doc.section
    out: list[Decision] = []
    resolved_blocks: set[int] = set()
    for part, blocks in resolution_parts(section.blocks):
        resolved_blocks.update(id(b) for b in blocks)
        out.append(Decision(part.text, Span(part.page, part.start, part.end), _ref(doc, part.start)))
    if section.kind not in NO_DECISIONS:
        for block in _prose(section, resolved_blocks):
            out.extend(_statements(doc, block, roster))
    out.sort(key=lambda d: d.span.start)
    return out


# Blocks worth a look for "agreed" / "noted" statements. Narrower than the AGREED cue words
# ("adopted", "ratified", "resolved" alone do not let a block in): widening it changes results.
DECISION_HINT = re.compile(r"agreed|approved|endorsed|noted|record\b|concur", re.I)
# "had been noted", "be noted": a report of noting, not the meeting's own.
NOTED_BEFORE = re.compile(r"\b(?:been|be|had|has)\s+noted\b", re.I)


def _prose(section: Section, skip: set[int]) -> Iterator[Block]:
    for block in section.blocks:
        if block.kind in ("paragraph", "list_item") and id(block) not in skip and block.text[:1] not in "\"“" and \
                DECISION_HINT.search(block.text):
            yield block


def _statements(doc: ExtractedDocument, block: Block, roster: Roster) -> Iterator[Decision]:
    """"agreed" / "noted" sentences of one block, split where one sentence
    holds two decisions ("X agreed A, therefore X agreed B")."""
    nlp_doc = analyse(block.text)
    cues = nlp_doc.spans["cues"]
    for sent in nlp_doc.sents:
        labels = [c for c in cues
                  if c.start >= sent.start and c.end <= sent.end and c.label_ in ("AGREED", "NOTED", "RECORD")]
        agreed = [c for c in labels if c.label_ in ("AGREED", "RECORD")]
        noted = [c for c in labels if c.label_ == "NOTED" and c.text.lower() == "noted"]
        text = sent.text
        agreed = [c for c in agreed if not _reported(nlp_doc.text, c.start_char, c.end_char)
                  and not REPORTING.search(nlp_doc.text, sent.start_char, c.start_char)]
        noted = [c for c in noted if not _remark(roster, nlp_doc.text[sent.start_char:c.start_char])]
        if agreed:
            pieces = _split_clauses(sent.start_char, text, [c.start_char for c in agreed])
            for start, piece in pieces:
                yield _decision(doc, block, start, piece, True)
        elif noted and not NOTED_BEFORE.search(text):
            yield _decision(doc, block, sent.start_char, text, False)


def _reported(text: str, start: int, end: int) -> bool:
    return bool(REPORTED_BEFORE.search(text[max(0, start - 30):start]) or REPORTED_AFTER.match(text[end:end + 40])
                or CONDITIONAL.search(text[max(0, start - 60):start]))


# The subject of a "noted": apologies, or a name of up to three words ("Gareth Lloyd [also]").
_APOLOGIES = re.compile(r"apologies\b", re.I)
_SUBJECT_NAME = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:\s+also)?")


def _remark(roster: Roster, subject: str) -> bool:
    """"noted" said by one person ("Gareth Lloyd noted that"), or of apologies."""
    subject = subject.strip()
    if _APOLOGIES.match(subject) or PERSON_NOTED.match(subject + " "):
        return True
    name = _SUBJECT_NAME.fullmatch(subject)
    return name is not None and roster.person(name.group(1)) is not None


_BREAK_TAIL = re.compile(r"[\s,;]*(?:,|;)\s*(?:(?:and\s+)?therefore|and|but|so)?\s*$")  # ", and therefore"


def _split_clauses(offset: int, text: str, cue_starts: list[int]) -> list[tuple[int, str]]:
    """Cut a sentence before each further decision cue's clause."""
    cuts = [0]
    for cue in cue_starts[1:]:
        breaks = [m for m in CLAUSE_BREAK.finditer(text, 0, cue - offset)]
        if breaks and breaks[-1].end() > cuts[-1]:
            cuts.append(breaks[-1].end())
    bounds = cuts + [len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        if a != 0 or b != len(text):
            piece = _BREAK_TAIL.sub("", piece)
        out.append((offset + a, piece.strip()))
    return out


def _decision(doc: ExtractedDocument, block: Block, start: int, text: str, explicit: bool) -> Decision:
    text = text.strip()
    begin = block.start + start
    return Decision(" ".join(text.split()), Span(block.page, begin, begin + len(text)), _ref(doc, begin), explicit)


def _ref(doc: ExtractedDocument, offset: int) -> str | None:
    item = item_at(doc.items, offset)
    return item.ref if item else None
