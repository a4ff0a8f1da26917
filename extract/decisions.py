"""Decisions: what the meeting itself decided.

Explicit: each numbered part of a RESOLVED block; "It was agreed / resolved /
decided that ...", "The Board approved / accepted / adopted ...", and their
passives ("the policy was accepted by the Board", "unanimously approved");
"Proposed ... Seconded ... Carried", votes ("3 for, 1 against") and
elections ("duly elected"); minutes "agreed as a true record"; the decision
cells of tables ("Councillors resolved to pay", "£2,500 approved").
Weaker (explicit=False): "noted" statements, and a council's response to a
planning application ("No objection", "Comment re ...").

A short or anaphoric statement ("This was agreed.", "Rule 11 carried")
takes what it refers to into its text: the sentence before it, the cells
before it in its row, or the item's title; a vote takes the motion it
carries. An agreement the meeting hears of from another body ("Suffolk
County Council have agreed", "approved by Cabinet"), one still to come ("once
the county has agreed"), and a person's own undertaking or remark ("Jo agreed
to write", "Tony agreed that ...") are no decisions of this meeting."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterator

from minutes.extract.document import Block, unwrapped
from minutes.extract.funding import sentences
from minutes.extract.items import heads_actions, item_at
from minutes.extract.lexicon import (AGREEMENT_VERBS, AGREEMENT_WORDS, AUXILIARY_VERBS, BODY_WORDS, COMMON_TITLES,
                                    CONCLUDING, DECISION_NOUNS, FUNCTION_WORDS, IN_AGREEMENT, VOTING,
                                    HONORIFICS, LINKING_WORDS, ORGANISATION_WORDS, OUTCOME_WORDS, PEOPLE_GROUPS,
                                    PLANNING_RESPONSES, POST_QUALIFIERS, POSTS, SPEECH_VERBS, STANCE_VERBS, TASK_VERBS,
                                    alternation)
from minutes.extract.nlp import analyse, content_words, decision_cues, sentences_of, span_text, text_of
from minutes.extract.owners import GROUP_WORDS, Roster
from minutes.extract.records import Decision, ExtractedDocument, Section, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

# Documents that record no meeting's decisions.
NO_DECISIONS = frozenset({"strategy", "report", "work_programme", "agenda"})
# A resolution's label ("RESOLVED that", "Decision:", "AGREED –"), and a committee's recommendation to the
# council above it ("RECOMMENDED to Council that the fees rise")
RESOLVED = re.compile(r"^\W*(?:(?:RESOLVED|Resolved|DECIDED|Decided|DECISION|Decision)\b|"
                      r"(?:RESOLUTION|Resolution|AGREED|Agreed|Recommended|Recommendation)(?=\s*[:\-–])|"
                      r"RECOMMENDED\b(?:\s+(?i:to\s+(?:the\s+)?(?:full\s+)?(?:council|cabinet)\b))?)"
                      r"\s*(?:that\b)?\s*[:\-–]?\s*"
                      r"(?:\((?:[^()]*\d[^()]*|(?i:unanimously|nem\.?\s*con\.?))\)\s*)?"  # "(7 for, 1 against)"
                      r"(?:[Tt]hat\b\s*:?)?\s*")
# A motion's "This Council resolves to:", "The Board resolved to invite the Executive to:" over its parts (only as
# a lead-in: "The Council resolved to approve the budget." is read as running text)
BODY_RESOLVES = re.compile(r"^\W*(?:This|The)\s+(?:[A-Z][\w&'’-]*\s+){1,4}(?i:resolves|resolved)\b\s*"
                           r"(?=[^.;:]{0,40}:\s*$)")
# The body over a resolution's parts, on its own line under the label: "The Integration Joint Board:".
BODY_LEAD = re.compile(r"^\W*(?:The|This)\s+(?:[A-Z][\w&'’-]*\s+){0,5}[A-Z][\w&'’-]*\s*:\s*$")
PART_LABEL = re.compile(r"^\W{0,3}\(?(\d{1,2}|[a-h])[.)]\s+|^\W{0,3}\(?([ivx]{1,4})[.)]\s+")
# What comes just before / after an "agreed" that reports an earlier, other
# or pending decision: "as agreed", "had been approved", "approved in March
# 2013", "the agreed projects", "agreed with Unison".
REPORTED_BEFORE = re.compile(r"\b(?:as|been|previously|already|once|if|when|whenever|be|being|yet|of|the|an?|"
                             r"these|those|by|general)\s*$", re.I)
REPORTED_AFTER = re.compile(r"^\s*(?:with|in\s+(?-i:\d|[A-Z])|on\s+\d|at\s+(?:their|its|the)\s+(?:last\s+|previous\s+)?"
                            r"meeting|when\b|earlier\b|previously\b|last\s+(?:year|month|week)\b)", re.I)
# "approved by Cabinet" is another body's; "accepted by the Board", "agreed by all",
# "passed by 100% of the vote", "carried by 6 votes" are the meeting's own.
BY_AGENT = re.compile(r"^\s*\(?\s*by\s+(?P<agent>(?:(?!\s+and\s)[^,.;:()\n]){1,60})", re.I)  # "by X and signed by Y"
OWN_AGENT = re.compile(rf"^(?:(?:the|this)\s+(?:other\s+|remaining\s+)?(?:{alternation(BODY_WORDS)}\s+)?"
                       rf"{alternation(BODY_WORDS | PEOPLE_GROUPS | {'meeting', 'trustees', 'membership'})}\b|"
                       rf"{alternation(PEOPLE_GROUPS)}\b|(?:an?\s+)?(?:majority|show|vote|unanimous|acclamation|"
                       r"consensus|general|\d))", re.I)  # "the other board members", "the membership", "a 5-0 vote"
# "X reported that Cabinet approved ...": an agreement the meeting hears of, not its own.
REPORTING = re.compile(rf"\b{alternation(SPEECH_VERBS)}\b[^.;]*?\bthat\b", re.I)
AGENT_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
PRESENT_STANCE = ("support", "supports")  # read only with the body named just before: a noun or a verb otherwise
NAMED_JUST_BEFORE = re.compile(r"(?:\b[A-Z][\w&'’-]*|\b(?i:councillors|members|trustees|all))"
                               r"(?:\s+(?:fully|also|all|strongly|unanimously|therefore))?\s+$")
BEEN_BEFORE = re.compile(r"\b(?:has|have)\s+been\s*$", re.I)  # "has been [accepted by the Board]"
WITH_AFTER = re.compile(r"^\s*with\b", re.I)
# An agreement still to come: "once Medway Council have agreed", "if the Board agrees".
CONDITIONAL = re.compile(r"\b(?:once|if|when|whenever|until|unless|provided|subject\s+to)\s+(?:[\w'’-]+\s+){0,4}"
                         r"(?:has|have|is|are|be|been)?\s*$", re.I)
# An agreement denied: "Nothing been decided yet", "it was not agreed".
NEGATED = re.compile(r"\b(?:not|no|nothing|never|n['’]t)\b(?:\s+[\w'’-]+){0,2}\s*$", re.I)
# A person "noted" something: a remark, not the meeting's decision ("She noted that ...").
PERSON_NOTED = re.compile(rf"^(?:he|she|they|[Aa]\s+(?:[Mm]ember|[Cc]ouncillor)|{alternation(COMMON_TITLES)}\.?\s+"
                          r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:also\s+)?$", re.I)
# "RESOLVED that Council:", "That the Committee recommends to the Authority that:": a lead-in to
# the numbered parts below (a sentence's worth: a long one with no parts after it is a part itself).
LEAD_IN = re.compile(r"[^.;:]{0,120}:")
# A part's "That" opening and its joining tail ("; and", ", or").
_THAT = re.compile(r"^(?:That|that)\s+")
_JOIN_TAIL = re.compile(r"[;,]?\s*(?:and|or)?\s*$")
CLAUSE_BREAK = re.compile(r"(?:,|;)\s+(?:(?:and\s+)?therefore|and|but|so|whilst|while)?\s*")
# Where the clause holding a cue begins: its subject follows.
CLAUSE_START = re.compile(r".*(?:[,;:–]|\s-\s|\bwhich\b|\bthat\b|\bwho\b|\band\b|\bbut\b|\bso\b|\bthen\b)\s*", re.S)
# "Jo agreed to write": an undertaking, the meeting's decision only where the meeting gives it.
UNDERTAKING = re.compile(rf"^\s+to\s+{alternation(TASK_VERBS)}\b", re.I)
THAT_AFTER = re.compile(r"\s+that\b", re.I)  # "concluded that ...": what was concluded follows
# "resolved this was acceptable", "agreed to this": what was agreed is said before.
POINTS_BACK = re.compile(r"\b(?:agreed|resolved|decided|accepted|approved)\s+(?:to\s+)?(?:this|these|it)\b"
                         r"(?!\s+(?:that|to)\b)", re.I)
# "... was discussed and [resolved]": a passive clause before, so the one resolving is the meeting.
PASSIVE_AND = re.compile(r"\b(?:was|were|is|are|been)\s+\w+ed\b[^,;]*\band\s*$", re.I)
THAT_COLON = re.compile(r"\bthat\s*:$", re.I)  # "noted that:", "RESOLVED that:"
# A bulleted line in a block: "o ", "• ", "- ", "1. " at a line's start (after its break)
POINT_LINE = re.compile(r"[^\S\n]*\n[^\S\n]*(?:[-–•o*▪■●○◦]|\d{1,2}[.)])[^\S\n]+")
# The rest of a cue's line before a line of its own ("Resolved to pay" / "Confirmation that ...").
LINE_AFTER_CUE = re.compile(r"(?:[ \t]+(?:not[ \t]+)?to[ \t]+[a-z]+(?:[ \t]+[a-z]+)?)?[ \t]*(?=\n[A-Z])")
# Words that open a sentence before its subject ("At the same time, Essex County Council ...").
SENTENCE_LEAD = re.compile(r"^\W*(?:at\s+the\s+same\s+time|in\s+addition|also|however|meanwhile|additionally|again|"
                           r"(?:after|following)\s+(?:a\s+|some\s+|further\s+|much\s+|full\s+|lengthy\s+|brief\s+)?"
                           r"(?:discussions?|debate|consideration)|"
                           r"furthermore|then|therefore|subsequently)\b[\s,]*", re.I)
# Words between a subject and its verb ("The Board was also", "Councillors unanimously").
_VERB_LEAD = frozenset({*AUXILIARY_VERBS, "also", "then", "unanimously", "duly", "formally", "subsequently",
                        "therefore", "both", "later", "all", "now", "had", "have"})
# "agreed and adopted", "agreed and unanimously approved": one decision, twice worded.
_SAME_CUE = re.compile(r"^[\s,]*(?:and|&)?\s*(?:\w+ly\s+)?(?:was\s+|were\s+)?$", re.I)
# A statement that leans on what came before: "This was agreed.", "These were accepted", "And was carried."
ANAPHOR = re.compile(r"^\W*(?:this|that|these|those|it|they|which|and|all\s+agreed\s+(?:this|that|these))\b"
                     r"(?!\s+(?:was|is|has\s+been)\s+(?:\w+\s+)?(?:agreed|resolved|decided|noted|proposed|accepted)"
                     r"\s+(?:that|to|at|by)\b)", re.I)
DECISION_WORDS = frozenset({*AGREEMENT_VERBS, *AGREEMENT_WORDS, *OUTCOME_WORDS, "unanimously", "noted"})
CONTEXT_WORDS = 3  # a statement with fewer content words than this takes its context into its text
CONTEXT_SENTENCES = 3  # the most sentences a statement's context reaches back over
# "the report be noted", "the update was noted": which report the item's title says.
GENERIC_REF = re.compile(r"(?:^\W*(?:that\s+)?|\b(?:notes?|noted|approved?|accept(?:ed)?|adopt(?:ed)?|receive[sd]?|"
                         r"endorse[sd]?|agreed?)\s+)(?:the|this|these)\s+(?-i:[a-z]\w*\s+)?(?:report|update|"
                         r"information|paper|presentation|recommendations?|proposals?|documents?|letter|item|"
                         r"polic(?:y|ies))s?\b(?!\s+(?:on|of|for|from|about|regarding|re|to|that)\b)", re.I)
# "Proposed by Cllr Blake and seconded by Cllr Bradbury.": part of the decision before it.
PROPOSER = re.compile(r"^\W*\(?(?:proposed|seconded)\b", re.I)
# A motion a vote carries: "The Chairman proposed a resolution that ...", "A motion was made for ...".
# (and "It was moved by Cllr Ames and seconded by Cllr Bell that ...", the formal wording of a motion put)
MOTION = re.compile(r"\b(?:motion|resolution|propos(?:ed|al)|amendment|recommend(?:ed|ation)?|rule|moved)\b", re.I)
# A sentence that words the motion itself, not just names it ("The resolution was passed").
MOTION_TEXT = re.compile(r"\b(?:motion|resolution|propos\w*|amendment|recommend\w*|moved)\b.*?\b(?:that|to|for)\b",
                         re.I | re.S)
# "Mr Kirby declared that Mr Wait and Mr Webster had been duly elected": the result, announced at the meeting.
OUTCOME_ALONE = re.compile(r"\s*(?:unanimously|nem\.?\s*con\.?|by\b[^.;\n]{1,25})?\s*(?:[.;)\n]|$)", re.I)
DECLARED = re.compile(r"\bdeclared\b", re.I)
VOTE_OUTCOMES = frozenset({"carried", "passed", "lost", "defeated"})
MOTION_BLOCKS = 12  # how far back a vote's motion may be worded (the count of votes, names, between)
# A vote's count: "Voting was 3 for the resolution, 1 against and 2 abstained".
VOTE = re.compile(r"\b\d+\s+(?:votes?\s+)?(?:for|in\s+favour)\b.{0,80}?\b\d+\s+against\b", re.I | re.S)
# A show of hands with no count, on a sentence of its own after the motion: "All in favour."
ALL_IN_FAVOUR = re.compile(r"^\W*(?:all|everyone|all\s+present|unanimously)\s+(?:were\s+)?in\s+favou?r\b[\s.!]*$",
                           re.I)
# "carried out", "passed to the Clerk", "lost the key": no vote's outcome ("carried on a show of hands" is one).
NOT_OUTCOME_AFTER = re.compile(r"^\s*(?:out|forward|forwards|over|on(?!\s+(?:a\s+)?(?:show\s+of\s+hands|vote|"
                               r"majority)\b)|onto|to|away|through|back|around|round|into|"
                               r"across|"
                               r"along|down|up|off|it|them|their|his|her|its|our|the|a|an|this|that|these|those|"
                               r"(?:at|in)\b[^.;]{0,40}\b(?:19|20)\d\d)\b", re.I)  # "passed at the APCM in 1999"
GENERAL_AGREEMENT = re.compile(r"\W*there\s+was\s+(?:a\s+)?(?:(?:general|broad|full|unanimous|clear)\s+)?$", re.I)
AGREEMENT_ON = re.compile(r"^\s+(?:that|to|on|for)\b", re.I)
# The noun opening its sentence, then made: "[Unanimous] agreement was reached that ...", "A decision was
# taken to ..."; not one reported ("the decision of the Inspector", "awaiting a decision").
NOUN_OPENS = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:the|a|an)\s+)?"
                        r"(?:(?:general|broad|full|unanimous|clear|final|joint|firm)\s+)?$", re.I)
NOUN_MADE = re.compile(r"^\s+was\s+(?:then\s+|therefore\s+|subsequently\s+|finally\s+)?(?:taken|made|reached)"
                       r"\s+(?:that|on|to\s+(?!(?:the|a|an|his|her|their|its|our)\b)[a-z])", re.I)
NOUN_CUES = frozenset({*IN_AGREEMENT, *DECISION_NOUNS})
SIGNED_OFF = "signed off"  # the meeting's approval of a plan or paper, said so
ALL_HELD = re.compile(r"\W*(?:all|everyone|all\s+present)\s+(?:were|was|are)\s+(?:all\s+)?in\s+"
                      r"(?:full\s+|complete\s+)?$", re.I)
# "were in agreement", "were in full agreement"
IN_BEFORE = re.compile(r"\b(?:were|was|are|is)\s+(?:all\s+)?(?P<in>in)\s+(?:full\s+|complete\s+)?$", re.I)
# "voted in", "voted onto the committee": elected; "voted to accept", "voted unanimously in favour", "voted against"
VOTED_IN = re.compile(r"^\s+(?:in|on|onto)\b(?!\s+favou?r)", re.I)
# How the body voted: "voted unanimously to", "voted in favour", "voted 5 to 2 in favour of the motion".
VOTED_HOW = re.compile(r"^\s+(?:\w+ly\s+)?(?:(?:by\s+)?\d+\s*(?:votes?\s+)?(?:to|-|–)\s*\d+\s+)?"
                       r"(?:to\s+\w|in\s+favou?r\b|against\b|for\b)", re.I)
BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|duly|unanimously|and)\s+(?:\w+\s+)?$", re.I)
ELECTED_AFTER = re.compile(r"^\s*(?:as|unopposed|with|to\s+(?:the|serve|be)|en\s+bloc|for)\b", re.I)
# A decision word that only describes a noun before the sentence's own verb: "the area agreed for
# maintenance ... has not been touched", "the date agreed for the fair is no longer suitable".
REDUCED_RELATIVE = re.compile(r"\s+(?:for|with|at|in|on|during|upon|between)\s"
                              r"(?:(?!\b(?:that|which|who|whom|and|but|or)\b|\bto\s+(?!(?:the|a|an|its|their|our)\b)[a-z])"
                              r"[^.;:,!?])*?"
                              r"\b(?:is|was|are|were|has|have|had|will|would|remains?|remained)\b", re.I)
# A capitalised decision word as the adjective of a label over a list ("Agreed actions:", "Agreed next steps:").
LABEL_AFTER = re.compile(r"^[^\S\n]+(?!(?:that|to|the|this|these|unanimously|by|with|as|on|in|upon|and|for)\b)"
                         r"[a-z]+(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*:", re.I)
# A table cell's decision word used as an adjective ("Approved budget"): no decision.
ADJECTIVE_AFTER = re.compile(r"^\s*(?!to\b|in\b|by\b|with\b|subject\b|unanimously\b|and\b|that\b|as\b|for\b|at\b|"
                             r"on\b|without\b|unless\b|pending\b)[A-Za-z]", re.I)
# A planning application's reference ("3/18/1963/HH", "18/01561/NMV2", "DC/16/2345/FUL").
PLANNING_REF = re.compile(r"\b(?:(?:[A-Z]{1,4}/)?\d{1,4}/\d{2,6}(?:/[A-Z0-9]{1,6})+|[A-Z]{1,4}/\d{2,4}/\d{3,6})\b")
# A district's own two-part numbering in brackets ("(17/1046)"): an application's only where the text says so.
SHORT_PLANNING_REF = re.compile(r"\(\d{2}/\d{3,5}\)")
APPLICATION = re.compile(r"\bapplication\b", re.I)
PLANNING_HEAD = re.compile(r"\bplanning\b", re.I)
# The body's response in a sentence of its own: "Councillors had no objection to these plans", "The Council
# raised no objections", "Members supported the application", "The Council objects on the grounds of ..."
BODY_RESPONSE = re.compile(r"\b(?:the\s+)?(?:parish\s+|town\s+)?(?:council|councillors|members|committee)\s+"
                           r"(?:(?:had|has|have|raised|made|raise|make)\s+no\s+(?:objections?|comments?)|"
                           r"(?:objected|supported)\s+(?:to\s+)?the\s+(?:application|proposals?|plans?)|"
                           r"(?:objects|objected)\s+(?:on|to|because|as)\b)\b", re.I)
# The council's response: at the start of the text or of a line, after a sentence, or after a dash
PLANNING_RESPONSE = re.compile(rf"(?:^|(?<=[.:])\s+|\n|\s+-{{2,}}\s*|\s+[–—]\s+)\W*"
                               rf"{alternation(PLANNING_RESPONSES)}\b[^.\n]{{0,80}}", re.I)
STATUS_ROW_CELLS = 4  # a row wider than this is a tracker's, whose "Approved" is a status, not a decision
RESPONSE_WORDS = 12  # a planning response is a few words, not a paragraph about support
# Short lines under a lead-in ("the following were elected:" / "Chair – Tony Brown").
ENTRY_WORDS = 15
_ENUMERATED = re.compile(r"[;,]\s*(?:and|or)?\s*$")  # "Procurement; and"
# A lead-in to one election per line ("the following were elected to the Board roles:").
ELECTION = re.compile(r"\b(?:elected|appointed|re-elected)\b", re.I)
_WORD = re.compile(r"[A-Za-z0-9£][\w'’£-]*")
MEETING_ACRONYMS = frozenset({"agm", "egm", "sgm", "apcm"})  # the meeting itself, by its initials
# Words a subject in capitals may be that are no organisation's initials: "ALL AGREED", "IT WAS AGREED", "AGM"
NOT_INITIALS = FUNCTION_WORDS | PEOPLE_GROUPS | MEETING_ACRONYMS
ACRONYM = re.compile(r"[A-Z]{2,5}")  # "EDC Planning approved ...": an organisation's initials


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
        m = RESOLVED.match(block.text) or BODY_RESOLVES.match(block.text) if block.kind != "table" else None
        if not m:
            i += 1
            continue
        parts: list[tuple[Part, list[Block]]] = []
        rest = block.text[m.end():].strip()
        lead_in = bool(LEAD_IN.fullmatch(rest))
        if rest and not lead_in:
            parts.append((Part(_tidy_part(rest), block.start + m.end(), block.end, block.page), [block]))
        j, expected = i + 1, None if rest and not lead_in else "1"
        if not rest and j < len(blocks) and BODY_LEAD.match(blocks[j].text):
            j += 1  # "Decision" over "The Integration Joint Board:" over its parts
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
        if lead_in and not parts:
            parts.append((Part(_tidy_part(rest), block.start + m.end(), block.end, block.page), [block]))
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


@dataclass
class _Source:
    """Text to read decisions in: a block, or one cell of a table row, with
    what a short statement at its start refers to (``lead``)."""
    text: str
    start: int
    page: int
    lead: str | None = None
    # the motion a vote here carries, worded in an earlier block (start, words); looked up only for a vote
    motion: Callable[[], tuple[int, str] | None] = lambda: None
    title: str | None = None  # the item's title, for "the report be noted"
    continues: bool = False  # the source carries on a sentence the block before began


@dataclass
class _Reader:
    doc: ExtractedDocument
    roster: Roster

    def decision(self, text: str, start: int, end: int, page: int, explicit: bool) -> Decision:
        item = item_at(self.doc.items, start)
        return Decision(" ".join(text.split()), Span(page, start, end), item.ref if item else None, explicit)

    def opening(self, offset: int) -> str | None:
        """The first sentence of the item holding ``offset``, where it comes before ``offset``."""
        item = item_at(self.doc.items, offset)
        if item is None:
            return None
        for b in self.doc.section.blocks:
            if item.span.end <= b.start < offset and _is_prose(b) and not RESOLVED.match(b.text):
                return sentences_of(analyse(b.text))[0].text
        return None

    def title(self, offset: int) -> str | None:
        item = item_at(self.doc.items, offset)
        return item.title if item and item.span.start != offset else None


def extract_decisions(doc: ExtractedDocument, roster: Roster) -> list[Decision]:
    """The document's decisions; ``roster`` tells a listed person's remark or
    undertaking ("Gareth Lloyd noted that ...") from the meeting's own."""
    section = doc.section
    reader = _Reader(doc, roster)
    out: list[Decision] = []
    done: set[int] = set()
    for part, blocks in resolution_parts(section.blocks):
        done.update(b.start for b in blocks)
        text = part.text
        if _needs_context(text):  # "the report be noted": the item's title and opening say which report
            title = reader.title(part.start)
            opening = reader.opening(part.start)
            context = _joined(title, opening) if opening else title
            text = _joined(context, f"RESOLVED that {text}") if title else text
        out.append(reader.decision(text, part.start, part.end, part.page, True))
    if section.kind not in NO_DECISIONS:
        out.extend(_prose_decisions(reader, section, done))
        out.extend(_table_decisions(reader, section))
        out.extend(_planning_responses(reader, section.blocks, {d.span.start for d in out}))
    out.sort(key=lambda d: d.span.start)
    return out


# The meeting's view (see _meeting_view): "It was (generally) felt that", "There was a feeling that", an option
# "was preferred", and the body's subject before "felt/said/stated that", "thanked" or "welcomed the ..." (not "felt
# privileged", a sentiment, nor "welcomed Leon to the team", a greeting).
IMPERSONAL_VIEW = re.compile(r"(?:^|[,;:]\s)\W*(?:it\s+was\s+(?:also\s+|generally\s+|strongly\s+|further\s+)?"
                             r"(?:felt|thought)|there\s+was\s+an?\s+(?:general\s+|strong\s+)?feeling)\s+that\b",
                             re.I)
PREFERRED = re.compile(r"\b(?:was|were)\s+(?:the\s+one\s+)?preferred\s*(?:[.;,]|$)")
BODY_VIEW = re.compile(r"\W*(?P<subject>(?:[Tt]he\s+|[Aa]ll\s+)?[A-Z]\w*(?:\s+[A-Z]\w*)?)\s+(?:also\s+|then\s+)?"
                       r"(?:(?:felt|said|stated|considered|believed)\s+that|thanked|welcomed\s+(?:the|this|these)\b)\b")
# Blocks worth a look: they hold a decision cue word. spaCy reads only these.
DECISION_HINT = re.compile(r"agreed|approve[sd]|endorse[sd]|adopt(?:ed|s)|ratifie[sd]|resolved|decided|accept(?:ed|s)|"
                           r"support(?:s|ed)?\b|declined|rejected|refused|recommend(?:ed|s)\b|concluded\s+that|voted|"
                           r"agreement|decision\s+was\s+(?:\w+\s+)?(?:taken|made|reached)|signed\s+off|concur|consensus|"
                           r"unanimous|carried(?!\s+(?:out|forward|over))|passed(?!\s+(?:on|to|away))|elected|lost|"
                           r"defeated|noted|(?:true|accurate|correct|fair)\s+(?:record|account)|felt|thought|thanked|"
                           r"preferred|feeling|in\s+favou?r\b|(?:said|stated|considered|believed)\s+that|welcomed|"
                           r"\d\s+(?:votes?\s+)?(?:for|in\s+favour)\b.{0,80}?\d+\s+against", re.I | re.S)
# Lower-case pieces of every DECISION_HINT word, found by a substring test before the regex runs
# (a scan for many words at once is slow in ``re``, and most blocks hold none).
HINT_KEYS = ("agree", "approv", "endors", "adopt", "ratif", "resolv", "decid", "accept", "support", "declined",
             "rejected", "refused", "recommend", "concluded", "voted", "signed", "concur",
             "consensus", "unanim", "carried", "passed", "elect", "lost", "defeat", "noted", "record", "account",
             "against", "felt", "thought", "thanked", "preferred", "feeling", "decision", "favo", "said", "stated",
             "considered", "believed", "welcomed")


def _hinted(text: str) -> bool:
    low = text.lower()
    return any(key in low for key in HINT_KEYS) and DECISION_HINT.search(text) is not None


RECOMMENDING = frozenset({"recommended", "recommends"})
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I)  # "was [recommended]"
# "had been noted", "be noted": a report of noting, not the meeting's own.
NOTED_BEFORE = re.compile(r"\b(?:been|be|had|has)\s+noted\b", re.I)


def _is_prose(block: Block) -> bool:
    """A paragraph or list item, or a heading that is a sentence (a bold
    "George Barrell is duly elected as Socials Secretary.")."""
    if block.kind in ("paragraph", "list_item"):
        return True
    words = block.text.split()
    return block.kind == "heading" and len(words) >= 4 and (block.text.rstrip().endswith(".") or
                                                            any(w.lower() in AUXILIARY_VERBS for w in words))


def _prose_decisions(reader: _Reader, section: Section, done: set[int]) -> Iterator[Decision]:
    """Decisions in running text, read in blocks as the minutes wrote their sentences (a sentence a
    page break cut in two is one); ``done``: where the blocks a resolution's parts took start."""
    blocks = unwrapped(section.blocks)
    entries: set[int] = set()  # blocks a lead-in's decision has taken
    for i, block in enumerate(blocks):
        if block.start in done or id(block) in entries or not _is_prose(block) or block.text[:1] in "\"“" \
                or RESOLVED.match(block.text) or not _hinted(block.text) or heads_actions(block):
            continue  # (a line heading the tasks below, "Actions agreed", is no agreement)
        prev = blocks[i - 1] if i else None
        continues = block.text[:1].islower() and prev is not None and _is_prose(prev)
        lead = sentences_of(analyse(prev.text))[-1].text if continues and prev else _block_lead(reader, blocks, i)
        source = _Source(block.text, block.start, block.page, lead, partial(_motion_before, reader, blocks, i),
                         reader.title(block.start), continues)
        found = list(_statements(reader, section, source))
        if found and block.text.rstrip().endswith(":") and (found[-1].explicit or found[-1].text.endswith(":")):
            # what is below belongs to the block's last decision: a lead-in ("It was noted that:"), or an agreement
            # the last sentence goes on with ("... should be arranged. The following expressed an interest:"); not
            # a weaker statement before a sentence of its own ("The Board thanked ... . In discussion the
            # following points were made:")
            found, taken = _with_entries(reader, section, blocks, i, found[-1], found[:-1])
            entries.update(taken)
        yield from found


def _motion_before(reader: _Reader, blocks: list[Block], i: int) -> tuple[int, str] | None:
    """The motion a vote in block ``i`` carries, worded in an earlier block of
    the same item (past the lines of the vote's count): its start and words,
    with the quoted motion under a "... seconded the motion that" line."""
    title = reader.title(blocks[i].start)
    for j in range(i - 1, max(i - MOTION_BLOCKS, 0) - 1, -1):
        prev = blocks[j]
        if not _is_prose(prev) or reader.title(prev.start) != title:
            return None
        if not MOTION.search(prev.text):
            continue
        found = [s for s in sentences_of(analyse(prev.text)) if MOTION_TEXT.search(span_text(s))]
        if found:
            words = span_text(found[-1]).strip()
            if words.endswith(("that", ":")) and j + 1 < i:
                words = f"{words} {blocks[j + 1].text}"
            return prev.start + found[-1].start_char, " ".join(words.split())
    return None


def _block_lead(reader: _Reader, blocks: list[Block], i: int) -> str | None:
    """What a statement opening block ``i`` may refer to: the item's title,
    and a proposer's line just before it ("Proposed Alan Heath / Seconded ...")."""
    title = reader.title(blocks[i].start)
    prev = blocks[i - 1] if i else None
    proposer = prev is not None and _is_prose(prev) and bool(PROPOSER.match(prev.text)) and \
        len(prev.text.split()) <= 20 and reader.title(prev.start) == title
    return _joined(title, prev.text) if proposer and prev else title


def _with_entries(reader: _Reader, section: Section, blocks: list[Block], i: int, lead: Decision,
                  before: list[Decision]) -> tuple[list[Decision], set[int]]:
    """A decision ending in a colon ("the following were elected to the Board
    roles:", "it was noted that:") and the entries under it: phrases ("to
    cover: Funding; Strategic Assessments") join the decision; the points
    under a "noted that:", or one election per line, are each a decision of
    the same strength, a short one with the lead-in as context (an entry
    holding its own decision is read on its own); the sentences under an
    agreement (a motion's wording) are left to it."""
    taken: set[int] = set()
    run: list[Block] = []
    for b in blocks[i + 1:i + 13]:
        if b.kind == "table" or b.kind == "heading" or RESOLVED.match(b.text) or reader.title(b.start) != \
                reader.title(blocks[i].start):
            break
        if b.kind != "list_item" and len(b.text.split()) > ENTRY_WORDS or (run and b.kind != run[0].kind) \
                or b.text.rstrip().endswith(":"):
            break
        run.append(b)
    if not run:
        return before + [lead], taken
    sentences = any(len(sentences_of(analyse(b.text))) > 1 or len(b.text.split()) > ENTRY_WORDS for b in run)
    enumerated = len(run) > 1 and all(_ENUMERATED.search(b.text) for b in run[:-1])
    election = bool(ELECTION.search(lead.text))
    if not election and (enumerated or not sentences or lead.explicit):
        if sentences and not enumerated:
            return before + [lead], taken  # "agreed the amendment, which became the motion:" over its wording
        last = run[-1]
        text = " ".join([lead.text] + [b.text for b in run])
        taken.update(id(b) for b in run)
        return before + [Decision(" ".join(text.split()), Span(lead.span.page, lead.span.start, last.end),
                                  lead.item_ref, lead.explicit)], taken
    out = list(before)
    for b in run:
        own = list(_statements(reader, section, _Source(b.text, b.start, b.page))) \
            if _hinted(b.text) else []
        if own:
            out.extend(own)
        else:
            text = _joined(lead.text, b.text) if len(b.text.split()) < 12 else b.text
            out.append(reader.decision(text, b.start, b.end, b.page, lead.explicit))
        taken.add(id(b))
    return out, taken


# A "Decision" cell that says what a paper is for, or that none was made: "For decision", "To note", "N/A"
PURPOSE_CELL = re.compile(r"\W*(?:(?:for|to)\s+)?(?:decision|information|noting|note|approval|discussion|comment|"
                          r"assurance|consideration)\W*$|\W*(?:n/?a|none|nil|no\s+decision\b.*|tbc|-+)\W*$", re.I)


def _table_decisions(reader: _Reader, section: Section) -> Iterator[Decision]:
    """Decision cells of tables: "Councillors resolved to sign" beside a
    policy's name, "£2,500 approved" in a grant schedule, a label | value
    row "Minutes: | The Minutes ... were agreed". A row's earlier cells say
    what was decided. Action logs hold tasks, not decisions."""
    for table in section.tables:
        if "action" in table.roles:
            continue
        decided = table.roles.get("decision")  # a "Decision" column: each of its cells is one
        for block, _, row, _ in table.body():
            for j, cell in enumerate(row):
                lead = " - ".join(c.text for c in row[:j] if c.text.strip()) or None
                short = len(_content(cell.text)) < CONTEXT_WORDS
                if j == decided and _content(cell.text) and not PURPOSE_CELL.match(cell.text):
                    text = _joined(lead, cell.text) if short and lead else cell.text
                    yield reader.decision(text, cell.start, cell.start + len(cell.text), block.page, True)
                    continue
                if not cell.text or not _hinted(cell.text):
                    continue
                if short and (lead is None or sum(bool(c.text.strip()) for c in row) > STATUS_ROW_CELLS):
                    continue  # a bare "Approved" heading a column, or one project's status in a tracker
                for d in _statements(reader, section, _Source(cell.text, cell.start, block.page, lead), cell=True):
                    yield d


def _statements(reader: _Reader, section: Section, source: _Source, cell: bool = False) -> Iterator[Decision]:
    """Decisions in one source's sentences, split where one sentence holds
    two ("X agreed A, therefore X agreed B")."""
    nlp_doc = analyse(source.text)
    text = text_of(nlp_doc)
    sents = sentences_of(nlp_doc)
    cues = decision_cues(nlp_doc)
    decided_to = 0  # where the last decision found in this source ends
    for k, sent in enumerate(sents):
        labels = [c for c in cues if c.start >= sent.start and c.end <= sent.end]
        agreed = [c for c in labels if _own_agreement(reader, section, text, sent, c, cell)]
        agreed = _merged(text, agreed)
        vote = VOTE.search(span_text(sent)) or ALL_IN_FAVOUR.match(span_text(sent))
        noted = [c for c in labels if c.label_ == "NOTED" and c.text.lower() == "noted"
                 and not _remark(reader.roster, text[sent.start_char:c.start_char])
                 and not _APOLOGIES.match(text[c.end_char:].lstrip())]
        if not agreed and not vote and not (noted and not NOTED_BEFORE.search(span_text(sent))) \
                and not _meeting_view(span_text(sent)):
            continue
        explicit = bool(agreed or vote)
        motion = vote is not None or any(c.text.lower() in VOTE_OUTCOMES for c in agreed)
        pieces = _split_clauses(sent.start_char, span_text(sent), [c.start_char for c in agreed]) if agreed \
            else [(sent.start_char, span_text(sent).strip())]
        nxt = sents[k + 1] if k + 1 < len(sents) else None
        proposer = nxt is not None and bool(PROPOSER.match(span_text(nxt)))
        for n, (start, piece) in enumerate(pieces):
            end = start + len(piece)
            line_end = LINE_AFTER_CUE.match(text, agreed[-1].end_char, end) if agreed and n == len(pieces) - 1 else None
            if line_end:  # "Resolved to pay" / "Confirmation that ...": the next line is the next entry
                end = line_end.end()
                piece = text[start:end].strip()
            points = _points(text, end) if n == len(pieces) - 1 and THAT_COLON.search(piece) and not proposer else []
            if points:  # "The Board also noted that:" over bulleted lines: each completes it, a decision of each
                # with the lead-in as context (not "made the following points:", one view in parts)
                for p_start, p_end in points:
                    yield reader.decision(_joined(piece, " ".join(text[p_start:p_end].split())),
                                          source.start + p_start, source.start + p_end, source.page, explicit)
                decided_to = len(text)
                break
            if n == len(pieces) - 1 and nxt is not None and (proposer or piece.endswith(":")):
                end = nxt.end_char if proposer else len(text.rstrip())  # "noted that:" and the text below
                piece = text[start:end].strip()
            context_start = start
            if n == 0 and (motion or cell or (source.continues and k == 0) or _needs_context(piece)):
                context_start, piece = _in_context(source, text, sents, k, start, end, motion, decided_to)
            decided_to = end
            yield reader.decision(piece, source.start + context_start, source.start + end, source.page, explicit)


def _meeting_view(sentence: str) -> bool:
    """The meeting's view or thanks, weaker than a resolution: "It was felt
    that clogs should not be allowed", "There was a general feeling that ...",
    "The Board thanked the Met Office for ...", "The fawn colour was
    preferred"; not one person's ("Cllr Day felt that", "The Chair thanked")."""
    if IMPERSONAL_VIEW.search(sentence) or PREFERRED.search(sentence):
        return True
    body = BODY_VIEW.match(sentence)
    return body is not None and _the_body(body.group("subject"))


def _in_context(source: _Source, text: str, sents: list[TokenSpan], k: int, start: int, end: int,
                motion: bool, decided_to: int) -> tuple[int, str]:
    """(start, text) of a statement that leans on what came before: with the
    motion a vote carries, else with the sentences before it back to one that
    does not lean on its own predecessor, and not into a decision already
    found (``decided_to``), so that "X invoice received for £671. This is
    more than last year. Also ... Resolved to pay" names the invoice; else
    with the item's title where it names its subject only as "this" or "the
    report"; else with the source's lead."""
    own = text[start:end]
    if motion and not MOTION_TEXT.search(span_text(sents[k])):
        for j in range(k - 1, -1, -1):
            if MOTION_TEXT.search(span_text(sents[j])):
                return sents[j].start_char, text[sents[j].start_char:end]
        before = source.motion()
        if before is not None:
            return before[0] - source.start, f"{before[1]} {text[:end]}"
    if GENERIC_REF.search(own) and source.title:
        return start, _joined(source.title, own)  # "the policy was accepted": the item names the policy
    if k:
        j = k - 1
        while j > 0 and k - j < CONTEXT_SENTENCES and sents[j].start_char >= decided_to \
                and _leans_back(span_text(sents[j])):
            j -= 1
        prev = sents[j].start_char
        left = text[decided_to:start].lstrip()  # what the decision before leaves of the sentence it ends in
        if prev < decided_to < start and _content(left):
            prev = start - len(left)
        return prev, text[prev:end]
    return start, _joined(source.lead, own)


def _leans_back(sentence: str) -> bool:
    """A sentence that goes on from the one before it: "This is more than ...", "Also the ..."."""
    return bool(ANAPHOR.match(sentence) or SENTENCE_LEAD.match(sentence))


def _own_agreement(reader: _Reader, section: Section, text: str, sent: TokenSpan, cue: TokenSpan, cell: bool) -> bool:
    """An agreement, vote or election of this meeting's, not one reported,
    still to come, denied, another body's, or one person's."""
    if cue.label_ not in ("AGREED", "RECORD"):
        return False
    before = text[max(sent.start_char, cue.start_char - 60):cue.start_char]
    after = text[cue.end_char:cue.end_char + 60].replace("\n", " ")  # "accepted by the\nBoard": one agent
    outcome = cue.text.lower() in OUTCOME_WORDS
    if outcome and not _outcome(text, sent.start_char, cue):
        return False
    declared = outcome and DECLARED.search(text, sent.start_char, cue.start_char)
    if cue.label_ != "RECORD" and not declared:
        by = BY_AGENT.match(after)
        # "this application has been accepted by the Board": a passive the body itself is the agent of
        agent = AGENT_NAME.match(by.group("agent").strip()) if by else None  # "the Board [subject to ...]"
        by_body = agent is not None and (_the_body(agent.group(0)) or _in_body(agent.group(0), section.body))
        # "The Board agreed with the proposals": the body's agreement, not a member's with a view ("agreed with Jo")
        with_body = WITH_AFTER.match(after) is not None and _the_body(_subject(text, sent.start_char, cue.start_char))
        if REPORTED_BEFORE.search(before[-30:]) and cue.text.lower() not in NOUN_CUES \
                and not (by_body and BEEN_BEFORE.search(before)) \
                or (not outcome and cue.text.lower() not in NOUN_CUES and REPORTED_AFTER.match(after)
                    and not with_body) \
                or CONDITIONAL.search(before) \
                or NEGATED.search(before[-40:]) or REPORTING.search(text, sent.start_char, cue.start_char) \
                or (cue.start_char > 0 and text[cue.start_char - 1] in "(-‐"):  # "(agreed ...)", "pre-agreed"
            return False
        if by and not _own_agent(by.group("agent"), section.body):
            return False
        if cell and ADJECTIVE_AFTER.match(after) and not before.strip():
            return False
        if cue.text[:1].isupper() and LABEL_AFTER.match(after):
            return False
    if outcome:
        return True  # the elected, or the motion carried, is its subject, not who decided
    if cue.text.lower() in VOTING and VOTED_IN.match(after):
        return bool(BE_BEFORE.search(before))  # "were voted in": an election's outcome, as "elected"
    subject = _subject(text, sent.start_char, cue.start_char)
    if not BE_BEFORE.search(before) and REDUCED_RELATIVE.match(text, cue.end_char, sent.end_char) \
            and not _the_body(subject):
        return False
    if cue.text.lower() in VOTING and not (_the_body(subject) and VOTED_HOW.match(after)):
        return False  # "we voted to support" (a vote reported), "Cllr Bell voted against": not the meeting's
    if cue.text.lower() in NOUN_CUES and NOUN_MADE.match(after):
        return bool(NOUN_OPENS.fullmatch(text, sent.start_char, cue.start_char))
    if cue.text.lower() in DECISION_NOUNS:
        return False
    if cue.text.lower() in IN_AGREEMENT:  # "All were in agreement": who was, before "in"
        if GENERAL_AGREEMENT.match(text, sent.start_char, cue.start_char):
            return bool(AGREEMENT_ON.match(after))  # "There was general agreement that ..."
        held = IN_BEFORE.search(before)
        return held is not None and (bool(ALL_HELD.match(text, sent.start_char, cue.start_char)) or _all_of_the_body(
            _subject(text, sent.start_char, cue.start_char - len(before) + held.start("in"))))
    if cue.text.lower() == SIGNED_OFF:  # "The Board signed off the plan", "signed off by the Board"
        return bool(BY_AGENT.match(after)) if BE_BEFORE.search(before) else _the_body(subject)
    if cue.text.lower() in RECOMMENDING and PASSIVE_BEFORE.search(before):
        return False  # "the Board was recommended to support": advice put to the body, not its stance
    if cue.text.lower() in STANCE_VERBS and not (_the_body(subject) and _names_own_kind(subject, section.body)
                                                 or _in_body(subject or "", section.body)):
        return False  # "The fund approves grants", "Cllr Smith supported it": not the meeting's stance ("PFA support")
    if cue.text.lower() in PRESENT_STANCE and not NAMED_JUST_BEFORE.search(before):
        return False  # "PFA support the idea"; not a verb sharing a subject ("provides oversight of and supports")
    if cue.text.lower() in CONCLUDING and not (THAT_AFTER.match(after) and (_the_body(subject)
                                                                           or (subject or "").lower() == "it")):
        return False  # "She concluded by ...", "MCO concluded that ...": not the meeting's conclusion
    if subject is None or _personal(subject, reader.roster) or _other_body(subject, section.body) \
            or _APOLOGIES.match(subject) or _APOLOGIES.match(span_text(sent).lstrip()):
        return False  # (and "Apologies were received and accepted from ...": no decision of the meeting's)
    # Lines listed without stops ("...\nClerks & Councils Direct\nEDC Planning approved for ..."): a subject
    # too long to be one is read from the cue's line, unless an agent is named ("accepted by the Board")
    line = text.rfind("\n", sent.start_char, cue.start_char) + 1
    if len(subject.split()) > 7 and line > sent.start_char and not BY_AGENT.match(after):
        named = _subject(text, line, cue.start_char) or ""
        if len(named.split()) > 1 and _other_body(named, section.body):
            return False
    lower = {w.lower() for w in _WORD.findall(subject) if not w[0].isdigit()}  # "9.4 Agreed to": no one's undertaking
    sentence = span_text(sent)
    if cell and lower - {"it"} and not lower & GROUP_WORDS and not (
            sentence.rstrip().endswith(".") and any(w.lower() in AUXILIARY_VERBS for w in sentence.split())):
        return False  # "GO-East agreed Baseline and Targets": a source cited in a cell, no decision
    # "DO agreed to look into it", "ERA agreed to contact": a party's undertaking (an action)
    return not (UNDERTAKING.match(after) and lower - {"it"} and not lower & GROUP_WORDS and not _the_body(subject))


def _all_of_the_body(subject: str | None) -> bool:
    """The body, or all of those at the meeting: "All", "Everyone", "All the Board", "the Councillors"."""
    words = (subject or "").lower().split()
    if words[:1] == ["all"] and len(words) > 1:
        words = words[1:]
    return words in (["all"], ["everyone"], ["all", "present"]) or _the_body(" ".join(words))


def _the_body(subject: str | None) -> bool:
    """The meeting itself as a subject: "The Council", "the Parish Council",
    "Members", "All Councillors" (not "This Council", a motion's wording)."""
    words = [w.lower() for w in (subject or "").split()]
    if not words or len(words) > 4:
        return False
    if words[0] == "the":
        return words[-1] in BODY_WORDS or words[-1] in ("meeting", "trustees", "members", "councillors") \
            or words[-1] in MEETING_ACRONYMS
    return all(w in PEOPLE_GROUPS for w in words) and words[-1] != "all"


def _outcome(text: str, sent_start: int, cue: TokenSpan) -> bool:
    """"carried", "passed", "lost", "elected" where they give a vote's result."""
    before = text[max(sent_start, cue.start_char - 30):cue.start_char]
    after = text[cue.end_char:cue.end_char + 30]
    if cue.text.lower() == "elected":
        return bool(BE_BEFORE.search(before) or ELECTED_AFTER.match(after))
    if NOT_OUTCOME_AFTER.match(after):
        return False
    alone = not before.strip(" \t\n-–•(") and OUTCOME_ALONE.match(after)  # "Carried unanimously." under the motion
    return bool(alone or BE_BEFORE.search(before) or MOTION.search(text, sent_start, cue.start_char))


def _own_agent(agent: str, body: str | None) -> bool:
    return bool(OWN_AGENT.match(agent.strip())) or _in_body(agent, body)


def _names_own_kind(subject: str | None, body: str | None) -> bool:
    """"The Council" names the meeting's own body unless the body is known and is
    of another kind: in a library board's minutes "The Council supports ..." is the
    county council's stance, not the board's."""
    words = [w.lower() for w in _WORD.findall(subject or "")]
    kind = words[-1] if words and words[-1] in BODY_WORDS else None
    return kind is None or body is None or kind in {w.lower() for w in _WORD.findall(body)}


def _in_body(name: str, body: str | None) -> bool:
    words = {w.lower() for w in _WORD.findall(name)} - {"the"}
    return bool(words) and body is not None and words <= {w.lower() for w in _WORD.findall(body)}


def _subject(text: str, sent_start: int, cue_start: int) -> str | None:
    """The subject of the clause a cue stands in ("The Board", "It", "Cllr
    Atkins" of "Cllr Atkins queried ... and agreed to"), without the words
    between it and the verb; None in a clause about someone ("a supporter
    who has kindly agreed to donate")."""
    before = text[sent_start:cue_start]
    clause = CLAUSE_START.match(before)
    if clause and re.search(r"\bwho\s*$", clause.group(0)):
        return None
    subject = SENTENCE_LEAD.sub("", before[clause.end():] if clause else before)  # "..., again it [was resolved]"
    words = subject.split()
    while words and (words[-1].lower() in _VERB_LEAD or words[-1].lower().endswith("ly")):
        words.pop()
    if not words and clause and (PASSIVE_AND.search(before) or PROPOSER.match(before)):
        return ""  # "The Precept was discussed and resolved ...", "Proposed AP, seconded AH and agreed": the meeting
    if not words and clause and re.search(r"\band\s*$", before):
        lead: list[str] = []
        for w in SENTENCE_LEAD.sub("", before).split():
            if not (w[:1].isupper() or w.lower() in LINKING_WORDS) or len(lead) >= 6:
                break
            lead.append(w)
        words = lead
    return " ".join(words).strip(" ,–-")


def _personal(subject: str, roster: Roster) -> bool:
    """A listed person, a person by title or pronoun, or a post alone ("The
    Chairman"): an undertaking or a remark, not the meeting's decision."""
    words = subject.split()
    if not words or len(words) > 5:
        return False
    lower = [w.lower().strip(".,'’") for w in words]
    if lower[0] in ("he", "she", "i", "they") or roster.person(subject) or \
            (len(words) == 1 and roster.names_someone(subject)):
        return True
    if lower[0] in HONORIFICS and len(words) <= 3 and all(w[:1].isupper() for w in words[1:]) and len(words) > 1:
        return True
    return all(w in POSTS or w in POST_QUALIFIERS or w in ("the", "a", "of", "to") for w in lower) and \
        any(w in POSTS for w in lower) and not any(w in PEOPLE_GROUPS for w in lower)


def _other_body(subject: str, body: str | None) -> bool:
    """A named organisation other than the meeting's own body ("Suffolk
    County Council have agreed", "SCC agreed" in a library board's minutes);
    "the Board", "the Parish Council", "PFA" in a PFA's minutes are its own."""
    words = subject.split()
    if not words or words[0].lower() in ("the", "this", "our") or len(words) > 7:
        return False
    if len(words) == 1 and ACRONYM.fullmatch(words[0]):  # "SCC agreed"; not "ALL AGREED", "The AGM resolved"
        return body is not None and words[0].lower() not in NOT_INITIALS and not _own_initials(words[0], body)
    named = [w for w in words if w[:1].isupper()]
    return len(named) >= 2 and any(w.lower() in ORGANISATION_WORDS or ACRONYM.fullmatch(w) for w in words) \
        and not _in_body(subject, body)


def _own_initials(acronym: str, body: str) -> bool:
    """Whether ``acronym`` is the body's: one of its words ("PFA"), or the
    initials of a run of its words ("FOHCL", "FHCL", "HCL" of the Friends of
    Halesworth County Library)."""
    words = [w.lower() for w in _WORD.findall(body)]
    letters = acronym.lower()
    return letters in words or any(letters in "".join(w[0] for w in run) for run in
                                   (words, [w for w in words if w not in LINKING_WORDS]))


def _merged(text: str, cues: list[TokenSpan]) -> list[TokenSpan]:
    """One cue for "agreed and adopted", "agreed and unanimously approved"."""
    out: list[TokenSpan] = []
    for c in cues:
        if out and _SAME_CUE.match(text[out[-1].end_char:c.start_char]):
            continue
        out.append(c)
    return out


def _needs_context(text: str) -> bool:
    return bool(ANAPHOR.match(text) or GENERIC_REF.search(text) or POINTS_BACK.search(text)) or \
        len(_content(text)) < CONTEXT_WORDS


def _content(text: str) -> list[str]:
    """The words saying what was decided (not its function words or the decision's own)."""
    return [w for w in content_words(text) if w not in DECISION_WORDS]


def _points(text: str, at: int) -> list[tuple[int, int]]:
    """The spans of the bulleted lines that follow a lead-in ending at ``at``
    in the same block ("noted that:\no The issue ...\no Metrics ..."), two at
    least, the first straight after it; none otherwise. A point runs to the
    next line's mark, its wrapped lines with it."""
    marks = list(POINT_LINE.finditer(text, at))
    if len(marks) < 2 or marks[0].start() != at:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text.rstrip())]
    return [(m.end(), end) for m, end in zip(marks, ends)]


def _joined(context: str | None, text: str) -> str:
    if not context:
        return text
    context = " ".join(context.split())
    return f"{context} {text}" if context[-1:] in ".!?:;" else f"{context}: {text}"


def _split_clauses(offset: int, text: str, cue_starts: list[int]) -> list[tuple[int, str]]:
    """Cut a sentence before each further decision cue's clause: at a clause
    break, or at a line that starts a new entry ("... resolved to pay" /
    "Churchyard Donation of £250.00 Councillors resolved to pay")."""
    cuts = [0]
    for prev, cue in zip(cue_starts, cue_starts[1:]):
        between = (prev - offset, cue - offset)
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, *between)]
        lines = [between[0] + m.end() for m in re.finditer(r"\n(?=[A-Z£])", text[between[0]:between[1]])]
        at = max(breaks + lines, default=0)
        if at > cuts[-1]:
            cuts.append(at)
    bounds = cuts + [len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        if a != 0 or b != len(text):
            piece = _BREAK_TAIL.sub("", piece)
        out.append((offset + a, piece.strip()))
    return out


_BREAK_TAIL = re.compile(r"[\s,;]*(?:,|;)\s*(?:(?:and\s+)?therefore|and|but|so)?\s*$")  # ", and therefore"
# The subject of a "noted": apologies, or a name of up to three words ("Gareth Lloyd [also]").
_APOLOGIES = re.compile(r"apologies\b", re.I)
_SUBJECT_NAME = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:\s*\([A-Z]{1,4}\))?(?:\s+also)?")


def _remark(roster: Roster, subject: str) -> bool:
    """"noted" said by one person ("Gareth Lloyd noted that"), or of apologies."""
    subject = subject.strip()
    if _APOLOGIES.match(subject) or PERSON_NOTED.match(subject + " "):
        return True
    name = _SUBJECT_NAME.fullmatch(subject)
    return name is not None and roster.person(name.group(1)) is not None


def _planning_responses(reader: _Reader, blocks: list[Block], taken: set[int]) -> Iterator[Decision]:
    """The council's response to each planning application it considered:
    "3/18/1963/HH Kestrel Cottage ... No comment.", or the response on its
    own line after the application. Weaker than a resolution (explicit=False)."""
    planning_head = False  # the heading above is a planning one ("Planning Applications:")
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            planning_head = bool(PLANNING_HEAD.search(block.text))
        # under a planning heading, or in an item with a planning title ("17.03.6 Planning Application 17/0110")
        under_planning = planning_head or bool(PLANNING_HEAD.search(reader.title(block.start) or ""))
        if block.kind == "table" or block.start in taken:
            continue
        said = BODY_RESPONSE.search(block.text) if under_planning and block.kind != "heading" else None
        if said is not None:  # "Councillors had no objection to these plans": the council's response, in a sentence
            a, b = next(sp for sp in sentences(block.text) if sp[0] <= said.start() < sp[1])
            start, end = block.start + a, block.start + b
            yield reader.decision(_span_text(blocks, start, end), start, end, block.page, False)
            continue
        if not _application(block, under_planning):
            continue
        m = _response(block.text, own_block=False)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if m is not None:
            end = block.start + m.end()
        elif nxt is not None and nxt.kind != "table" and not PLANNING_REF.search(nxt.text) \
                and _response(nxt.text, own_block=True):
            end = nxt.end
        else:
            continue
        yield reader.decision(_span_text(blocks, block.start, end), block.start, end, block.page, False)


def _application(block: Block, under_planning: bool) -> bool:
    """A planning application the council considered: one with its reference ("18/01561/NMV2"; a bracketed
    "(17/1046)" where the text says it is an application), or listed under a planning heading."""
    if "/" in block.text and (PLANNING_REF.search(block.text)
                              or SHORT_PLANNING_REF.search(block.text) and APPLICATION.search(block.text)):
        return True
    return under_planning and block.kind == "list_item"


def _response(text: str, own_block: bool) -> re.Match[str] | None:
    m = PLANNING_RESPONSE.search(text)
    if m is None or len(m.group(0).split()) > RESPONSE_WORDS:
        return None
    return m if not own_block or m.start() == 0 else None


def _span_text(blocks: list[Block], start: int, end: int) -> str:
    return " ".join(b.text[max(start, b.start) - b.start:end - b.start]
                    for b in blocks if b.start < end and start < b.end)
