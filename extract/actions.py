"""Actions: tasks someone is to do after the meeting, with owners, deadline
and source. Explicit forms: "Action:" / "Action 3:" / "Action Agreed 5:"
lines, action-log tables (Action | Owner | Deadline columns), RESOLVED parts
that give a task, "Clerk to respond" lines. Commitments in running text
("Sara will provide a report to the next meeting") are explicit=False."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Iterator

from minutes.extract.dates import DATE_PATTERN, DATED_YEAR, MONTH, YEAR_NUMBER, find_deadline, parse_date
from minutes.extract.decisions import NO_DECISIONS, resolution_parts
from minutes.extract.document import CLOSED, Block, Cell, Marker, unwrapped
from minutes.extract.funding import sentences
from minutes.extract.items import heads_actions, in_list, item_at
from minutes.extract.lexicon import (ASKED_VERBS, ASKING_BASES, AUXILIARY_VERBS, DECISION_VERBS, FEEDBACK_WORDS,
                                    GIVEN_NAMES, LINKING_WORDS, LOG_STATUSES, MONTHS, NARRATION_VERBS,
                                    OTHER_LOG_STATUSES, OUGHT_VERBS, PEOPLE_GROUPS, POSTS, ROUTINE_WORDS,
                                    SPEECH_VERBS, SUGGESTING_VERBS, TASK_VERBS, TO_MEETING_VERBS, VOLUNTEER_VERBS,
                                    WEEKDAYS, alternation)
from minutes.extract.nlp import (analyse, content_words, may_set_task, sentences_of, span_text, task_cues,
                                text_of)
from minutes.extract.owners import (ACRONYM, GROUP_WORDS, WORD, Roster, is_owner_like, post_alone, resolve_owners,
                                    split_owners)
from minutes.extract.records import Action, Due, ExtractedDocument, Owner, Span
from minutes.extract.tables import Table, TablePart, clean, tables

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

# Words after "Action" that make a title, not an owner ("Action Plan", "Action Log").
NOT_NAMES = frozenset({"plan", "plans", "log", "logs", "point", "points", "list", "notes", "sheet", "tracker",
                       "required",
                       "agreed", "taken", "group", "update", "updates", "item", "items", "no", "number"})
# "Action:", "Action 3:", "Agreed action 5 -", "Action MW:" (who, before the colon), "Action by: X", "[ACTION: ...",
# "Action point 2: ...".
_OWNER_INITIALS = rf"(?!(?i:{alternation(NOT_NAMES)})\b)[A-Z][A-Za-z]{{0,4}}(?:\s*[,/&]\s*[A-Z][A-Za-z]{{0,4}})*"
ACTION_LINE = re.compile(rf"^\W{{0,3}}(?i:(?:agreed\s+)?actions?(?:\s+agreed|\s+by|\s+points?)?)"
                         rf"\s*(?:(?i:no)\.?\s*)?\d*[a-z]?(?:\s+(?P<pre>{_OWNER_INITIALS}))?\s*[:\-–]\s*")
# The same inside a paragraph: after a sentence's end, a line break or a comma ("..., Action: Danny to
# contact IAM"), or opening a bracket ("[ACTION: ...]", "(Action: JS)"); a spaced dash may stand for the
# colon ("... before the fete. Action – Clerk").
ACTION_MARK = re.compile(rf"(?:(?<=[.!?)\],])\s+|(?<=\n)|[\[(]\s*)\W{{0,2}}(?i:actions?)"
                         rf"(?:\s+(?P<pre>{_OWNER_INITIALS}))?(?:\s*:|\s+[-–](?=\s))\s*")
# Where the who-and-when words after a mark end: a sentence's end, or a line starting anew.
HEAD_END = re.compile(r"[.;]\s|\n(?=\s*[A-Z(•\-–])|\s*$")
# "DT/MS", "Danny by 03 Nov", "Mel Leitch, by 03 Nov": who acts, and maybe by when, alone.
_OWNER_WORD = r"(?:[A-Z][\w'’.-]*|&|/|,|and|of|the)"
OWNER_ONLY = re.compile(rf"^\W{{0,2}}(?P<who>{_OWNER_WORD}(?:\s*{_OWNER_WORD})*?)"
                        r"\s*,?(?:\s+(?:by|before)\s+(?P<due>[^.;]{2,40}?))?\s*[.;]?\s*$")
OWNER_PARTS = re.compile(r"\s*(?:/|&|,|\band\b|\bof\b|\bthe\b)\s*")
INITIALS = re.compile(r"[A-Z]{1,3}[a-z]{0,3}")
# A task's owner and deadline written after it: "Issue draft agenda ... John Atkinson by 30 Nov".
OWNER_TAIL = re.compile(r"[.,]?\s+(?P<tail>(?:[A-Z][\w'’-]*\s*){1,3},?\s+by\s+[^.;]{2,40})\s*[.;]?\s*$")
# A sentence that carries on an "Action:" mark's tasks: "X to ...", an order ("Discuss at next meeting").
TASK_START = re.compile(rf"^\W*(?:[A-Z][\w'’.-]*(?:\s*[/&]\s*[A-Z][\w'’.-]*)*\s+(?:is\s+|are\s+)?to\s+[a-z]|"
                        rf"(?i:{alternation(TASK_VERBS)})\b)")
# A dash that starts another task: "EM to attend ... – speak with/send any thoughts to EM"; "and" before
# another owner's task: "Danny to contact IAM and John to contact DAM".
TASK_DASH = re.compile(rf"\s[–-]\s+(?=(?:{alternation(TASK_VERBS)})\b|[A-Z][\w'’.-]*\s+to\s+[a-z])|"
                       rf"\s+and\s+(?=[A-Z][\w'’.-]*\s+to\s+(?:{alternation(TASK_VERBS)})\b)")
# Words that set a task, before a dash may start another: "to ...", "will ...", an order.
SETS_TASK = re.compile(rf"\bto\s+[a-z]|\b(?:will|would|shall)\s+[a-z]|^\W*(?i:{alternation(TASK_VERBS)})\b")
PIECE_LEAD = re.compile(r"[\s–-]*(?:and\s+)?")  # what a cut at a dash or "and" leaves before the task
BRACKETS = {"[": "]", "(": ")"}  # a bracketed "Action:" mark ends at its closing bracket
# "(DONE)" after a task in published notes.
DONE_MARK = re.compile(r"\(?\s*(?i:done|completed?)\s*\)?\.?")
# A point of a list set with a bullet character ("○ Action MW: ...", "● Python Workshop").
BULLET_START = re.compile(r"^\s*[●○■▪•◦]")
LIST_MARK = re.compile(r"^\s*[-–•o*]\s+")  # a bullet left at a line's start
ARTICLE = re.compile(r"^(?:the|our)\s+", re.I)
IS_TO = re.compile(r"(?:^|\s+)(?:is|are)(?:\s+(?:also|now|then))?\s*$")  # "Councillor Richardson is [to order]"
CLOSED_PARAGRAPHS = 4  # how far up an owners-only action line reaches
# An owner in trailing brackets: "... by 19th February (all partners)."
TRAILING_OWNER = re.compile(r"\(([^()\d]{2,80})\)\s*\.?\s*(?=$|\s+[A-Z])")
# RESOLVED parts that give a task: "X to liaise", "X be requested to", "X would", "X ensure that"
PART_TASK = re.compile(
    r"^(?P<subj>.+?)(?<!\bthe)(?<!\ban)(?<!\ba)\s+(?:(?P<to>to\s+(?:be\s+[a-z-]+(?:ed|en|nt)\b|[a-z-]+))|"
    r"be\s+(?:requested|asked|invited|instructed|authorised|delegated)\s+to\b|"
    r"(?:will|would|shall)\s+(?!be\b)[a-z-]+|(?P<bare>" +
    alternation(TASK_VERBS) + r")\b)")
# A resolution that hands a task on: "Delegates authority to X to ...", "asks X to ...", "(c) instructed X to ...".
DELEGATE = re.compile(r"\b(?:[Dd]elegate[sd]?|[Aa]sk(?:s|ed)?|[Rr]equest(?:s|ed)?|[Ii]nstruct(?:s|ed)?|"
                      r"[Aa]uthori[sz](?:es|ed)|[Dd]irect(?:s|ed)?)\s+"
                      r"(?:(?:delegated\s+)?authority\s+)?(?:to\s+)?(?=(?:the\s+)?[A-Z])")
# Where the delegate's name ends: "in consultation with ...", "to <verb>", a stop or a bracket.
DELEGATE_END = re.compile(r",?\s+in\s+consultation\s+with\b|\s+(?:authority\s+)?to\s+(?=[a-z])|[;.(]")
# A post held for a body: "Clerk to the Council", "Secretary to the Board"
POST_TO = re.compile(rf"\b((?i:{alternation(POSTS)}))\s+to(?=\s+the\s+[A-Z])")
TO_VERB = re.compile(r"\bto\s+[a-z]")
# "It was requested that [DT ask ...]", "agreed that [Mags & Karen should come ...]": who, and the task's verb.
OWNER_VERB = re.compile(r"\s*(?P<who>(?:the\s+)?(?:[A-Z][\w'’./-]*|"  # or a group in lower case: "that staff provide"
                        rf"{alternation(PEOPLE_GROUPS - {'all', 'everyone', 'everybody'})}\b)"
                        r"(?:\s+(?:[A-Z][\w'’./-]*|&|and))*)\s+"
                        r"(?:should\s+|must\s+|shall\s+)?(?P<verb>[a-z-]+)")
# "It was requested that [a letter be sent]", "agreed that [the hedge be cut by the Clerk]": a task given in the
# passive, whose subject is a few words ("sent", "paid", "made": participles not in -ed/-en).
PASSIVE_THAT = re.compile(r"\s*(?P<subj>[^.;:,()]{1,60}?)\s+(?:should\s+|would\s+|will\s+|must\s+|shall\s+)?be\s+"
                          r"(?P<done>[a-z-]+(?:ed|en)|sent|spent|paid|made|put|set|sought|bought|brought|built|kept|"
                          r"sold|told|done|cut)\b")
# Participles that record, not ask for, something done: "requested that it be minuted", "agreed that X be elected",
# and an event: "the Award would be presented to".
RECORDED = frozenset({"minuted", "recorded", "noted", "elected", "appointed", "co-opted", "needed", "required",
                      "confirmed", "presented"})
# A future passive asked about, or its place or time: "inquired when the schedule would be reviewed", "would check
# where the strategy would be placed"; and one done as a routine (lexicon.ROUTINE_WORDS).
INDIRECT_QUESTION = re.compile(r"\b(?:when|whether|if|how|where|what|why)\b[^,;.:–]*$", re.I)
# "... made aware of where SL would make these savings", "asked whether the Clerk would write": a
# commitment asked about, not made (not "said when the grant arrived she would order": a time)
ASKED_ABOUT = re.compile(r"\b(?:ask(?:ed|s)?|enquir(?:ed|es|y)|inquir(?:ed|es|y)|quer(?:ied|ies|y)|wonder(?:ed|s)?|"
                         r"aware\s+of|know|knew|unclear|unsure|question(?:ed|s)?|clarif(?:y|ied))\s+(?:\w+\s+){0,2}?"
                         r"(?:when|whether|how|where|what|why|if)\b[^,;.:–]*$", re.I)
# "the type of licence that [the information will be published under]": a relative clause, not what was said
# or agreed ("explained that", "it was agreed that", "said that", "... and that").
RELATIVE_THAT = re.compile(r"\b(?![a-z]+ed\b|(?:said|felt|thought|told|was|is|were|are|knew|meant|and|but|or|also|"
                           r"so)\b)[a-z]+\s+that\s*$")
ROUTINE = re.compile(rf"[^.;]{{0,40}}?\b{alternation(ROUTINE_WORDS)}\b", re.I)
CLAUSE_OPEN = re.compile(r".*[.!?)]\s+(?=[A-Z])", re.S)  # see _clause_start
IMPERSONAL = re.compile(r"\b[Ii]t\s+(?:was|is|has\s+been)\s+(?:also\s+|further\s+)?$")  # "It was [requested that]"
# "asked for [their congratulations] to be passed", "requested for the minutes [to be ...]": what is asked for
ASKED_FOR = re.compile(r"\b(?:asked|requested|called)\s+for\s+(?P<what>[^,;:()]{1,50}?)\s*$", re.I)
THAT_SUBJECT_WORDS = 12  # "that" opens the subject: "a copy of the Policy Statement regarding ... [be shared]"
# The join a task clause ends in where the sentence's next task clause starts.
JOIN_END = re.compile(r"(?:[\s,;]+(?:and|but|or)(?:\s+that)?)?[\s,;]*$")
# After a present gerund, a want, a hope or a topic, not work in hand: "is asking [for]", "are looking [forward]",
# "is looking [to] complete" (an aim), "is talking [about] taking over".
NOT_IN_HAND = re.compile(r"(?<=looking)\s+to\b|\s+(?:for|forward|about)\b", re.I)
# A clause that is not the sentence's own: "[As] Mr Joyce is setting up the website, it was agreed ...".
SUBORDINATE = re.compile(r"\s*(?:as|while|whilst|since|because|although|though|if|when|once|until|whether)\b", re.I)
NEGATIONS = frozenset({"not", "no", "nothing"})  # "agreed that another committee would not be needed"
# A name joined by "and" to the subject after it: "[DO and] SF will also collect", "both [the MoJ and] the Home
# Office would", "Z. Maiorca, P. Bader, and [T. Feinberg] need to".
_JOINT_NAME = r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*"
JOINT_BEFORE = re.compile(rf"(?:\bboth\s+)?(?P<who>{_JOINT_NAME}(?:\s*,\s*{_JOINT_NAME})*),?\s*(?:and|&)\s*$")
# A subject with its post or body between commas: "Alan Armstrong, EDC, [is to enquire]".
APPOSITION = re.compile(r"(?P<who>[^,]+),\s*(?P<what>[^,]+),")
# A sentence's subject with a post or a role between commas: "Jane Rowley, the Chair, [will write]"
APPOSED_SUBJECT = re.compile(r"\W*(?P<who>[^,]{2,60},\s*[^,]{2,40},)\s*")
# Where a clause's punctuation last breaks the words before a cue.
PUNCT_BREAK = re.compile(r".*(?:[,;:]|\s[–-]\s)\s*", re.S)
AGREED_CLAUSE = re.compile(PUNCT_BREAK.pattern + r"(?:(?:and|but|then)\s+)?", re.S)  # "..., and [it was agreed]"
# A subject opening its own line after a line that ends in a lower-case word: "... pay both\nClerk [to issue]".
LINE_SUBJECT = re.compile(r"(?<=[a-z])[ \t]*\n(?P<who>[A-Z][^\n]{0,40}?)\s*$")
# Words before a passive "to be done" that make it no task: a verb of their own, or a state.
NOT_PASSIVE_TASK = frozenset({*AUXILIARY_VERBS, "due", "need", "needs", "needed", "going", "likely", "yet", "still",
                              "want", "wants", "wish", "wishes", "able", "seems", "appears", "expected", "hoped",
                              "continue", "continues", "continued", "remain", "remains", "remained", "begin", "begins",
                              "began", "start", "starts", "started", "tend", "tends", "deserve", "deserves", "ought",
                              "used", "about"})
# "in the Mets case for the data [to be released]": a passive's subject holds no preposition.
PREPOSITIONS = frozenset({"in", "for", "on", "at", "from", "into", "about", "than"})
# A line ending in one of these ("will contact", "speak with", "the provider for") goes on into its object.
OBJECT_AFTER = TASK_VERBS | PREPOSITIONS | {"with", "to", "by", "of"}
PASSIVE_SUBJECT_WORDS = 8  # "Timings and venues [to be confirmed]"; a longer run before it is a clause
EVENT_PARTICIPLES = frozenset({"held", "hosted", "run"})  # "the Trophy to be held on 25th September": an event
# "... to be confirmed by the Clerk to the Board": who is to do a passive task.
BY_OWNER = re.compile(r"[^.;]{0,60}?\bby\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*"
                      r"(?:\s+(?:[A-Z][\w'’-]*|of|to|the|and|&))*)")
TRAILING_OWNER = re.compile(r"\((?P<who>[^()]{1,40})\)[\s.;]*$")  # "... with the contractor (Clerk)."
# "It was agreed that [X would ...]": a commitment the meeting gave.
AGREED_THAT = re.compile(r"\b(?:agreed|resolved|decided)(?:\s+that)?\s*$", re.I)
AGREED_THAT_AT = re.compile(r"\b(?:agreed|resolved|decided)\b[^.;]*?\bthat\b", re.I)  # "agreed at X that"
AGREED_BARE = re.compile(r"\b(?:agreed|resolved|decided)\s*$", re.I)  # "agreed [the Clerk should]": no "that"
# Words between a subject and its cue that belong to neither: "Mr Joyce has kindly [offered to]", "Andy
# still [has to speak]", "the PCC would [be asked to]".
SUBJECT_TAIL = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|would|will|may|might|could|should|still|also|"
                          r"again|then|now|[a-z]+ly))+\s*$")
# A sentence's subject, the name or post it opens with ("Cllr Atkins queried ...").
SENTENCE_SUBJECT = re.compile(r"\W*(?P<who>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|&|and))*)\s+[a-z]")
# "Ali said she [would enquire]", "MS stated that he [would talk]": the pronoun is the speaker, who owns the task.
_REPORTING = alternation({*SPEECH_VERBS, *VOLUNTEER_VERBS, 'suggested', 'indicated', 'replied', 'noted', 'shared'})
_SPEAKER = r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|&|and|of|for))*)"  # "The Head of IT"
REPORTER = re.compile(rf"\W*{_SPEAKER}\s+(?:also\s+)?"
                      rf"{_REPORTING}\s+(?:that\s+)?(?:he|she|they)(?:\s+(?:also|then|now|[a-z]+ly))?\s*")
# The same further on in the speaker's sentence, of one person: "Will Minnett (WM) suggested that a document
# ... existed and that he [would look to circulate] it", "SP noted that if the Panel wrote to him he [would try]".
FAR_REPORTER = re.compile(rf"\W*{_SPEAKER}(?:\s+\([A-Z]{{1,5}}\))?\s+(?:also\s+)?{_REPORTING}\s+that\b[^.;]*"
                          r"\b(?:he|she)(?:\s+(?:also|then|now|[a-z]+ly))?\s*")
TO_EVENT = re.compile(r"\s*(?:the|a|an|this|that|these|their|its|our|his|her|next|future)\b", re.I)
POSSIBLE = re.compile(r"\b(?:may|might|could)\s+$")  # "... may [have to obtain]"
HEDGED = re.compile(r"\b(?:may|might|could|would)\s+(?:still\s+|also\s+)?$")  # "... may [need to be paid]"
RULE_WORDING = re.compile(r"\b(?:must|shall)\b", re.I)  # "An application must be supported ... and needs to be"
# A member's view put: "Cllr Day stated the rule [needs to be changed]"
SPOKEN_VIEW = re.compile(rf"\W*{_SPEAKER}\s+(?:also\s+)?{_REPORTING}\b")
QUESTION = re.compile(r"\W*(?:Do|Does|Did|Can|Could|Should|Shall|Will|Would|Is|Are)\s")  # "Do parents need to ...?"
SHARED_CLAUSE = re.compile(r"(?:\band|,)\s*$")  # "... and [agreed to]", "..., [will liaise]"
REPORTED_CLAUSE = re.compile(r"\b(?:that|which|who|whom)\b")
# The speaker's words opening a sentence ("Ms Blythe explained that"), and a reported clause's subject that
# might act: a name, a body, a post ("the Council", "The Clerk"), "they", "we".
SAID_THAT = re.compile(rf"\W*{_SPEAKER}\s+(?:also\s+)?{_REPORTING}\s+that")
REPORTED_AGENT = re.compile(r"\s*(?:(?:the\s+)?[A-Z]|they\b|we\b)")
# "MS will investigate X and also have the signatories updated": two tasks.
ALSO = re.compile(r",?\s+and\s+also\s+(?=[a-z])")
# "X to note / receive / endorse ...": the body's own decision, not a task.
NOT_TASKS = frozenset(verb for verb, _ in DECISION_VERBS)
# The clauses of one resolution: "That A be approved and that the Clerk write to B".
AND_THAT = re.compile(r"[,;]?\s+and\s+that\s+", re.I)
# A resolution that a paper come to a meeting: "a further report be brought to the June meeting".
BE_TO_MEETING = re.compile(rf"\bbe\s+{alternation(TO_MEETING_VERBS)}\s+(?:back\s+)?(?:to|at)\s+(?:a|an|the)\b")
# "... be noted", "... be approved": the resolution records the decision, gives no task.
PASSIVE_DECISION = re.compile(rf"\bbe\s+{alternation(done for _, done in DECISION_VERBS)}\b")
# A resolution that gives one named the task: "that they be signed by the Chair".
SIGNED_BY = re.compile(r"\bbe\s+(?P<done>[a-z]+ed)\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
PASSIVE_DONE = frozenset(done for _, done in DECISION_VERBS)
LEADING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\s+)?\((?:minute|min|item)\s+[\w./]+\)\s*|"  # "104.1 (Minute 88.2)"
                     r"^(?:in\s+the\s+meantime|meanwhile|also|then|therefore|however|additionally|in\s+addition|"
                     r"finally|firstly|secondly|thirdly|first|now|following\s+(?:an?|the)\s+\w+|with|action|"
                     r"\d{1,3}(?:\.\d{1,3})+)\b[\s,]*|^[-–•*]\s+",
                     re.I)
# "It was resolved the Clerk to contact", "agreed for the Clerk to write", "A motion was made for the
# treasurer to approach": the meeting's agreement, then who is to act.
AGREED_LEAD = r"(?<!\bbe )(?<!\bbeen )\b(?:agreed|resolved|decided)(?:\s+(?:that|for))?" \
              r"(?!\s+(?:to|with|by|at|on|in|upon|as|and|but|not)\b)|\b(?:proposed|made|carried|passed)\s+for"
AGREED_BEFORE = re.compile(rf"(?:{AGREED_LEAD})\s*$", re.I)
CLAUSE_START = re.compile(r".*(?:[,;:]|\s[–-]\s|\bwhich\b|\bthat\b|\bwho\b|\bwhom\b|\bwhere\b|\band\b|\bbut\b|"
                          rf"\bso\b|\bthen\b|(?i:{AGREED_LEAD})\b)\s*", re.S)
# An action column headed only "Description" or "Details" (see _log_columns).
WEAK_ACTION_HEADER = re.compile(r"description|details?", re.I)
# The status cell of an action log without a header row ("Carried forward", "Completed").
_STATUS_WORDS = [*(w for words in LOG_STATUSES.values() for w in words), *OTHER_LOG_STATUSES]
STATUS_CELL = re.compile(rf"^{alternation(_STATUS_WORDS)}"
                         r"(?!\w)", re.I)
# An entry that reports where a task stands ("Book the hall – done", "Clerk to chase (ongoing)"): an earlier task's
# review, not a new one, under an "Actions" heading
STATUS_END = re.compile(rf"(?:[–\-:,(.]\s*|\s){alternation(_STATUS_WORDS)}\W*$", re.I)
# "National Address Dataset – Lead HS/BB": the owners of the log rows below a heading.
LEAD_LINE = re.compile(r"(?:^|[-–:]\s*|\s)(?i:lead|owner)s?\s*:?\s+"
                       r"(?P<who>[A-Z][\w.'’]*(?:\s*[/&,]\s*[A-Z][\w.'’]*)*)\s*$")
# A labelled line under an "Action:" line: "Due: September", "Owner: Clerk".
ACTION_FIELD = re.compile(r"^\W{0,3}(?P<field>due(?:\s+date)?|deadline|by\s+when|target\s+date|timescale|owner|lead|"
                          r"responsible|action\s+by|by\s+whom)\s*[:\-–]\s*(?P<value>.+)$", re.I | re.S)
# The same after a task's sentence in its paragraph: "... the application. Due: end of February".
FIELD_AFTER = re.compile(r"\s*(?P<field>due(?:\s+date)?|deadline|by\s+when|target\s+date|owner|lead|responsible|"
                         r"action\s+by)\s*[:\-–]\s*(?P<value>[^.;\n]{2,60}?)\s*(?:[.;]|\n|$)", re.I)
DUE_FIELDS = frozenset({"due", "due date", "deadline", "by when", "target date"})
# Inline owner after a task, as village hall and parish notes write it:
# "... not yet worked out, c/f action Mick." / "Look at the insurance, action Mick."
INLINE_ACTION = re.compile(r"(?:^|[,;:.–-]\s*|\(\s*)(?:c/f\s+)?action(?:ed)?\s*(?:by\s*)?:?\s+"
                           r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*(?:&|and|/)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?)"
                           r"(?=\s*(?:[.;,)]|$|to\s+(?!be\b)[a-z]))")
# "All actions for next meeting unless otherwise stated": a log's default deadline.
ALL_ACTIONS = re.compile(r"^\W{0,3}all\s+actions\b", re.I)
# Who acts, set apart by a dash before or after the task: "OM – book the hall", "Book the hall – OM"
DASH_OWNER_FIRST = re.compile(r"\W{0,3}(?P<who>[A-Z][^–\-:.;()]{0,40}?)\s+[–-]\s+(?=[a-z])")
DASH_OWNER_LAST = re.compile(r"\s[–-]\s+(?P<who>[A-Z][^–\-.;:()]{0,40}?)\s*\.?\s*$")
# A bracketed abbreviation ("PAF", "DfT", "H&S"), and the words before it whose initials it may be.
ABBREVIATION = re.compile(r"[A-Z][A-Za-z&]{1,7}")
TERM = re.compile(r"[A-Za-z][\w'’-]*")
# "Comments to Mark Riley", "returns to: Jo Bloggs": whom an action line's replies go to.
REPLIES_TO = re.compile(rf"\b(?:{alternation(FEEDBACK_WORDS)}|data|information|returns?)\b[^.]*?\bto:?\s+"
                        r"([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})")
# "is asked to note ...", "is asked to:": a recommendation for the body to decide, not a task.
ASKED_TO_DECIDE = re.compile(rf"\s*{alternation(NOT_TASKS)}\b|\s*:")
# The object of "asked X to": "asked [Paul] to", "requested [the Police] to".
ASKED_OBJECT = re.compile(r"\w+\s+(?:authority\s+to\s+)?(.+?)\s+to\s*$")  # "delegated authority to the Clerk to"
# Before an asking verb's infinitive: "[agreed] to [ask]", "RESOLVED [to] [instruct]"; before its imperative, a
# resolution part's label at most ("(6) [Instruct] the Chief Executive to write")
ASKING_TO = re.compile(r"(?:^\W*|\b(?:agreed|resolved|decided)\s+)to\s*$", re.I)
INFINITIVE_TO = re.compile(r"\bto\s*$", re.I)
DELEGATING = frozenset({"ASK_OBJ", "ASK_THAT"})  # cues whose owner is the one asked
IMPERATIVE_AT = re.compile(r"^\W*(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s*)?$")
# Up to three capitalised words: the person a cue sends something to.
CAPITALISED_NAME = re.compile(r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
# A word that stands for something said before it: "track it down", "chase this up".
POINTS_BACK = re.compile(r"\b(?:it|this|that|these|those|them|they)\b", re.I)
# The word "action" anywhere, which every inline action ("..., action Mick.") holds.
ACTION_WORD = re.compile(r"\baction", re.I)


@dataclass
class _Context:
    doc: ExtractedDocument
    roster: Roster
    base: date | None
    meetings: list[date]
    log_due: Due | None = None  # the deadline an action log gives all its rows
    proper: frozenset[str] = frozenset()  # words the document capitalises inside sentences: names ("Portal")
    subjects: dict[str, list[Owner]] = field(default_factory=dict)  # owners found per subject, for _owners_before

    def action(self, text: str, start: int, end: int, page: int, owners: list[Owner],
               explicit: bool, due_text: str | None = None) -> Action:
        text = " ".join(text.split())
        item = item_at(self.doc.items, start)
        return Action(text, Span(page, start, end), owners, self.due(due_text or text), item.ref if item else None,
                      explicit)

    def due(self, text: str) -> Due | None:
        return find_deadline(text, self.base, self.meetings)

    def task(self, block: Block, start: int, end: int, owners: list[Owner], explicit: bool,
             due_text: str | None = None, refer_back: bool = True) -> Action:
        """The action whose words are ``block.text[start:end]`` (offsets in the
        block); a task of a few words ("The Clerk will report.", "Discuss at
        next meeting.") takes the sentence before it, which says what it is
        about, unless ``refer_back`` is False (a later task of the same sentence)."""
        before = [(a, b) for a, b in sentences(block.text[:start]) if len(content_words(block.text[a:b])) >= 2]
        if refer_back and before and \
                _refers_back(block.text[start:end], owners, block.text[before[-1][0]:before[-1][1]]):
            start = before[-1][0]
        text = LIST_MARK.sub("", block.text[start:end]).rstrip(" ,;\n")
        return self.action(text, block.start + start, block.start + start + len(block.text[start:end].rstrip()),
                           block.page, owners, explicit, due_text)


def extract_actions(doc: ExtractedDocument, roster: Roster, meetings: list[date]) -> list[Action]:
    """The document's actions, owners resolved against ``roster``, deadlines
    such as "the next meeting" against ``meetings`` (in order)."""
    section = doc.section
    ctx = _Context(doc, roster, section.meeting_date, meetings, proper=_proper_nouns(section.blocks))
    out: list[Action] = []
    done: set[int] = set()
    for part, blocks in resolution_parts(section.blocks):
        done.update(b.start for b in blocks)
        action = _resolution_action(ctx, part.text, part.start, part.end, part.page)
        # else each clause may give a task ("That the application be deferred, and that the Head of
        # Planning arrange a site visit"), in the part's span
        found = [action] if action else [a for clause in AND_THAT.split(part.text)
                                         if (a := _resolution_action(ctx, clause, part.start, part.end, part.page))]
        out.extend(found)
    resolved = list(out)  # a resolution written in running text ("resolved the Council will pay") is read once
    blocks = unwrapped(section.blocks)
    parts = {id(part.block): (table, part) for table in tables(blocks) for part in table.parts}
    lead: list[Owner] = []  # owners a "– Lead XX" line gives the log rows below it
    heading: str | None = None  # or the heading above them names: read only for a log (most headings head none)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if block.start in done:
            continue
        if block.kind == "table":
            if id(block) in parts:
                if heading is not None:
                    lead, heading = _heading_owners(ctx, heading), None
                out.extend(_table_actions(ctx, *parts[id(block)], lead))
            continue
        m = LEAD_LINE.search(block.text) if len(block.text) < 160 else None
        if m or block.kind == "heading" or _captions_table(block, blocks[i] if i < len(blocks) else None):
            if m:
                lead, heading = resolve_owners(m.group("who"), ctx.roster), None
            else:
                lead, heading = [], block.text
        if ALL_ACTIONS.match(block.text):
            ctx.log_due = ctx.due(block.text)
        if heads_actions(block) and i < len(blocks) and blocks[i].kind == "list_item":
            first = blocks[i]
            while i < len(blocks) and in_list(first, blocks[i]) and blocks[i].start not in done \
                    and not STATUS_END.search(blocks[i].text):
                out.append(_headed_task(ctx, blocks[i]))  # each entry of the list a task
                i += 1
        elif ACTION_LINE.match(block.text):
            *earlier, last = _action_line_runs(block)  # "Action 1 - GH to ..." / "Action 2 - PD to ..."
            for run in earlier:
                out.extend(_action_line(ctx, [run], 0, out)[0])
            found, i = _action_line(ctx, [*blocks[:i - 1], last, *blocks[i:]], i - 1, out)
            out.extend(found)
        elif section.kind not in NO_DECISIONS:
            marks = _action_marks(ctx, block)
            inline = marks + [a for a in _inline_actions(ctx, block) if not _overlaps(a, marks)]
            out.extend(inline)
            out.extend(a for a in _running_text(ctx, block) if not _overlaps(a, inline) and not _overlaps(a, resolved))
    for k, block in enumerate(blocks):
        for marker in block.markers:
            _marker_action(ctx, blocks, k, marker, out)
    out.sort(key=lambda a: a.span.start)
    return out


def _captions_table(block: Block, nxt: Block | None) -> bool:
    """A short line just above a table, with no sentence of its own: the title of the log rows under it
    ("CodePoint with Polygons"), which ends the rows a "– Lead PM" line above it gave an owner."""
    return block.kind == "paragraph" and nxt is not None and nxt.kind == "table" and len(block.text) < 80 \
        and not CLOSED.search(block.text) and "\n" not in block.text.strip()


def _overlaps(a: Action, others: list[Action]) -> bool:
    return any(a.span.start < b.span.end and b.span.start < a.span.end for b in others)


# A word capitalised after a lower-case word: a name ("... with Portal", "returning them to Sainsbury’s").
INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z][\w'’-]*)")


def _proper_nouns(blocks: list[Block]) -> frozenset[str]:
    """Words the document capitalises inside its sentences, twice or more: names, which can own a task."""
    seen: dict[str, int] = {}
    for b in blocks:
        if b.kind in ("paragraph", "list_item"):
            for w in INNER_CAPITAL.findall(b.text):
                seen[w] = seen.get(w, 0) + 1
    return frozenset(w for w, n in seen.items() if n >= 2 and w.lower() not in TASK_VERBS and w.lower() not in CALENDAR)


CALENDAR = frozenset(name for names in (*MONTHS, *WEEKDAYS) for name in names)  # "in December": no owner


MARKER_WORDS = 50  # a block this short is the action a margin marker flags, whole
MARKED_WORDS = 2  # words a task beside a margin marker holds at least
# Where a margin's next task begins: a new line, or a new owner's "to": "... by 5 February NB to share contacts"
MARGIN_TASKS = re.compile(r"\s*\n\s*|\s+(?=(?:[A-Z][\w'’.-]*(?:\s*[/&]\s*[A-Z][\w'’.-]*)*)\s+to\s+[a-z])")
# A task said of someone by a pronoun, whom the margin beside it names: "He will arrange a stall at the gala."
PRONOUN_TASK = re.compile(r"\W*(?:He|She|They)\s+(?:will|would|is\s+to|are\s+to|(?:has\s+|have\s+)?(?:agreed|"
                          r"undertook|offered|volunteered)\s+to)\s+[a-z]")
LABEL_WORDS = 3  # a form's label is this short
NOTE_WORDS = 8  # a note this short ("Look at the insurance, action Mick.") takes the sentence before it
# Words that say when or how a task is followed up, not what it is about ("Discuss at next meeting").
FOLLOW_UP_WORDS = frozenset({"next", "meeting", "meetings", "further", "later", "soon", "again", "back", "future",
                             "agenda", "item", "date", "due", "course", "possible", "asap"})


DEFINITE = re.compile(r"\b(?:the|this|these|those|it|them)\b", re.I)  # "arrange the inspection": one named before


def _refers_back(text: str, owners: list[Owner], before: str) -> bool:
    """A task that names nothing but its owner, a task verb and when ("The
    Clerk will report.", "To be discussed further at the next meeting"), or
    only what the sentence before it names ("The Clerk to contact and
    arrange the inspection" after "... the annual inspection of ...")."""
    named = {w.lower() for o in owners for w in WORD.findall(o.as_written)}
    words = [w for w in content_words(text) if w not in named and w not in FOLLOW_UP_WORDS and
             not {w, w[:-1], w[:-2], w.rstrip("d").rstrip("e")} & TASK_VERBS]
    return not words or bool(DEFINITE.search(text)) and set(words) <= set(content_words(before))


def _marker_action(ctx: _Context, blocks: list[Block], k: int, marker: Marker, out: list[Action]) -> None:
    """The margin of minutes laid out in a table flags an action beside its
    text ("IB" in the Action column): the owner is the marker, the task the
    block, or in a long block the sentences on the line the marker stands
    level with; beside the first point of a list ("the following should be
    added:"), the lead-in and its points. An action already read there takes
    the marker's owners."""
    block = blocks[k]
    # a margin that writes the task itself ("AT to speak to relevant juniors"): its subject owns it
    tasked = _subject_owners(ctx, marker.text)
    owners = tasked or resolve_owners(marker.text, ctx.roster)
    lead = blocks[k - 1] if k else None
    # A list is one task under a lead-in that asks ("should be added:", "requested the following:"), not one
    # that reports ("highlighted the following areas:", "raised some points:"), nor when its first point
    # names the marker's owner itself ("Mark Bee attendance – SK to remind").
    if block.kind == "list_item" and lead is not None and lead.text.rstrip().endswith(":") \
            and len(block.text.split()) <= MARKER_WORDS and not _reports(lead.text) \
            and not re.search(rf"(?<!\w){re.escape(marker.text.strip())}(?!\w)", block.text):
        run = [block]
        for b in blocks[k + 1:k + 12]:
            if b.kind != "list_item" or b.markers:
                break
            run.append(b)
        text = " ".join([lead.text] + [b.text for b in run])
        action = ctx.action(text, lead.start, run[-1].end, lead.page, owners, True)
        action.due = ctx.due(marker.text) or action.due
        out[:] = [a for a in out if not (lead.start <= a.span.start < run[-1].end)]
        out.append(action)
        return
    line_end = block.text.find("\n", marker.anchor - block.start)
    line = (marker.anchor, block.start + line_end if line_end >= 0 else block.end)
    if tasked:  # the margin writes its tasks whole, one to a line: "TH to launch the consultation by 5 February"
        start, end = _level_text(block, line)
        # each on the last sentence beside it (its span, the words it is read with; its deadline the task's own
        # before any that sentence gives)
        cut = [(start + a, start + b) for a, b in sentences(block.text[start - block.start:end - block.start])]
        start, end = cut[-1] if cut else (start, end)
        flagged = block.text[start - block.start:end - block.start]
        for task in (t.strip() for t in MARGIN_TASKS.split(marker.text)):
            action = ctx.action(f"{flagged} – {task}", start, end, block.page, _subject_owners(ctx, task) or tasked,
                                True)
            action.due = ctx.due(task) or action.due
            out.append(action)
        return
    if _form_label(block.text):
        return
    beside = [a for a in out if block.start <= a.span.start < block.end]
    names = {o.name for o in owners if o.is_person}
    # the task the text gives the margin's owner: one naming them, else one said of "he" or "she", else
    # the one level with the marker, else the block's only task given to a post alone ("The Treasurer")
    found = next((a for a in beside if names & {o.name for o in a.owners}), None)
    pronoun = None if found else next(((a, b) for a, b in sentences(block.text)
                                       if PRONOUN_TASK.match(block.text, a)), None)
    if found is None and pronoun is None:
        level = [a for a in beside if a.span.start < line[1] and line[0] < a.span.end]
        posted = [a for a in beside if a.owners and all(post_alone(o.as_written) for o in a.owners)]
        found = level[0] if level else posted[0] if len(posted) == 1 else None
    if found is not None:
        if owners and (not found.explicit or not any(o.is_person for o in found.owners)):
            found.owners = owners  # the margin names who acts; running text only implied it
        found.explicit = True
        return
    if pronoun is not None:  # from the sentence naming whom "he" stands for: "Richard Hunt suggested ... He will"
        named = [a for a, b in sentences(block.text[:pronoun[0]]) if _names_any(block.text[a:b], owners)]
        start, end = block.start + (named[-1] if named else pronoun[0]), block.start + pronoun[1]
    else:
        start, end = _level_text(block, line)
    action = ctx.action(block.text[start - block.start:end - block.start], start, end, block.page, owners, True)
    action.due = ctx.due(marker.text) or action.due
    out.append(action)


def _level_text(block: Block, line: tuple[int, int]) -> tuple[int, int]:
    """What a margin marker flags of the block beside it: the block, or in a long block the sentences
    on the line the marker stands level with (offsets in the document)."""
    if len(block.text.split()) <= MARKER_WORDS:
        return block.start, block.end
    spans = [(block.start + s, block.start + e) for s, e in sentences(block.text)
             if block.start + s < line[1] and line[0] < block.start + e]
    return (spans[0][0], spans[-1][1]) if spans else (block.start, block.end)


def _names_any(text: str, owners: list[Owner]) -> bool:
    """Whether ``text`` names one of the people ``owners`` holds, by any word of their names."""
    words = {w for o in owners if o.is_person for w in WORD.findall(o.name) if len(w) > 2}
    return bool(words & set(WORD.findall(text)))


def _form_label(text: str) -> bool:
    """A form's label or value beside the margin ("Directorate: | All", "Proposed Amount | Proposed Funding
    Source", "£75k | Reduce Contribution to General Reserves"), not a task a margin marker flags: a few words,
    each capitalised or ending in a colon, or fewer than two words at all."""
    words = WORD.findall(text)
    return len(words) < MARKED_WORDS or len(text.split()) <= LABEL_WORDS and (
        text.rstrip().endswith(":") or all(w[:1].isupper() for w in words))


def _reports(lead: str) -> bool:
    """A lead-in whose last sentence tells what someone said ("The General Manager highlighted the following:")."""
    last = re.split(r"[.!?]\s+", lead.strip())[-1]
    return any(w.lower() in NARRATION_VERBS or w.lower() == "raised" for w in WORD.findall(last))


def _owners_before(ctx: _Context, subject: str) -> list[Owner]:
    """The owners a clause's subject names, or [] when it is no owner."""
    subject = LEADING.sub("", subject.strip())
    apposed = APPOSITION.fullmatch(subject)
    if apposed and is_owner_like(apposed.group("who"), ctx.roster) and not ctx.roster.person(apposed.group("what")):
        subject = apposed.group("who")  # "Alan Armstrong, EDC, [is to enquire]": the person, not their body
    subject = subject.strip(" ,–-")  # "Ewan – [report the stiles]": the dash sets the owner apart
    if subject not in ctx.subjects:  # the same subjects come back cue after cue
        owners = resolve_owners(subject, ctx.roster) if _no_clause_words(subject) else []
        ctx.subjects[subject] = owners if owners and all(_is_owner_phrase(o.as_written, ctx) for o in owners) else []
    return [replace(o) for o in ctx.subjects[subject]]


def _no_clause_words(text: str) -> bool:
    words = WORD.findall(POST_TO.sub(r"\1 of", text))  # "The Clerk to the Board" is a post, as "Clerk of"
    return all(not w[:1].islower() or w.lower() in LINKING_WORDS or w.lower() in GROUP_WORDS or w.lower() in POSTS
               for w in words)


def _is_owner_phrase(text: str, ctx: _Context) -> bool:
    """A listed person, a group or post, an acronym, a body of two or more
    capitalised words, or a name the document writes capitalised inside its
    sentences ("Portal", "Sainsbury’s"); not a lone unknown word ("Dawn" once,
    "Training") or a bare "The"."""
    roster = ctx.roster
    if not is_owner_like(text, roster) or not _no_clause_words(text):
        return False
    if roster.person(text) or roster.names_someone(text):
        return True
    found = WORD.findall(text)
    # articles aside, but not an initial: "A Armstrong to report"
    words = [w for k, w in enumerate(found) if w.lower() not in {"the", "a", "an"} or
             w == "A" and k + 1 < len(found) and found[k + 1][:1].isupper()]
    lower = {w.lower() for w in words}
    # one of a group of people ("Parishioner is to investigate", "A resident will write")
    one_of = any(f"{w}s" in PEOPLE_GROUPS for w in lower)
    return bool(lower & (GROUP_WORDS | POSTS)) or one_of or bool(ACRONYM.fullmatch(" ".join(words))) or \
        sum(w[:1].isupper() for w in words) >= 2 or (len(words) == 1 and words[0] in ctx.proper)


def _trailing_owners(ctx: _Context, text: str) -> list[Owner]:
    for m in TRAILING_OWNER.finditer(text):
        inner = m.group(1)
        if _abbreviates(inner, text[:m.start()]):
            continue  # "Postcode Address File (PAF)" names a thing, not its owner
        owners = resolve_owners(inner, ctx.roster)
        if owners and all(_is_owner_phrase(o.as_written, ctx) for o in owners):
            return owners
    return []


def _delegated_to(ctx: _Context, text: str) -> list[Owner]:
    """Whom a resolution gives a task: "Delegates authority to the Corporate
    Director, in consultation with ..., to approve", "asks the Monitoring
    Officer to update"."""
    m = DELEGATE.search(text)
    if not m:
        return []
    rest = text[m.end():]
    who = DELEGATE_END.split(rest, maxsplit=1)[0]
    if not TO_VERB.search(rest) or not is_owner_like(who, ctx.roster):
        return []
    return resolve_owners(who, ctx.roster)


def _abbreviates(inner: str, before: str) -> bool:
    """``inner`` is the initials of the capitalised words just before it."""
    inner = inner.strip()
    if not ABBREVIATION.fullmatch(inner):
        return False
    words = TERM.findall(before)[-len(inner) - 2:]
    initials = "".join(w[0] for w in words if w[0].isupper())
    return initials.endswith(inner.replace("&", "").upper()) or inner.upper() in initials


def _resolution_action(ctx: _Context, text: str, start: int, end: int, page: int) -> Action | None:
    delegated = _delegated_to(ctx, text)
    if delegated:
        return ctx.action(text, start, end, page, delegated, True)
    m = PART_TASK.match(text)
    if m and m.group("to") and m.group("to").split()[1] in NOT_TASKS:
        return None  # "the Panel to note the report" records a decision, gives no task
    if m and PASSIVE_DECISION.search(text[:m.end() + 20]):
        return None
    owners = _owners_before(ctx, m.group("subj")) if m else []
    # "to be reported ...", "(3) a further report be brought to the June meeting": work with no one named
    passive = m is not None and bool(m.group("to")) and m.group("to").startswith("to be") \
        or not owners and BE_TO_MEETING.search(text) is not None
    if not owners and not passive:
        by = SIGNED_BY.search(text)  # "... were a correct record and that they be signed by the Chair"
        owners = _owners_before(ctx, by.group("who")) if by and by.group("done") not in PASSIVE_DONE else []
        return ctx.action(text, start, end, page, owners, True) if owners else None
    return ctx.action(text, start, end, page, [] if passive else owners, True)


def _action_line(ctx: _Context, blocks: list[Block], i: int, out: list[Action]) -> tuple[list[Action], int]:
    """An "Action:" line (as ``unwrapped`` joined it to the lines it wraps
    onto; a paragraph after it is its own even when the line has no stop),
    with the "Due:" / "Owner:" lines under it; a line
    naming only who acts ("ACTION: DT/MS") closes the paragraphs above it,
    which give the tasks. Returns the actions and the index of the first
    block it leaves."""
    first = blocks[i]
    head = ACTION_LINE.match(first.text)
    assert head is not None, "called on an action line"
    only = _owner_only(ctx, first.text[head.end():])
    pre = _named_before_colon(ctx, head)
    if only is not None and not pre:
        return _closed_tasks(ctx, blocks, i, *only, out), i + 1
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if not first.text[head.end():].strip() and not pre and nxt is not None and nxt.kind in ("paragraph", "list_item"):
        return [_headed_task(ctx, nxt)], i + 2  # "Actions:" alone on its line heads the task below it
    text, end, j = first.text, first.end, i + 1
    fields: dict[str, str] = {}
    k = j
    while k < len(blocks) and k - j < 4:
        b = blocks[k]
        m = ACTION_FIELD.match(b.text) if b.kind != "table" else None
        if m:
            field = m.group("field").lower()
            fields["owner" if field in ("owner", "lead", "responsible", "action by", "by whom") else "due"] = \
                " ".join(m.group("value").split())
            end, k = b.end, k + 1
            j = k
        elif b.is_furniture:
            k += 1  # a running header/footer ("UNCLASSIFIED") between the action and its deadline
        else:
            break
    head = ACTION_LINE.match(text)
    body = text[head.end():] if head else text
    if j == i + 1 and not fields and _cut_tasks(body):  # "Action: SP to contact ODI ... and HMCTS to come back"
        return _mark_body(ctx, first, len(first.text) - len(body), len(first.text), pre), j
    owners = pre or (resolve_owners(fields["owner"], ctx.roster) if "owner" in fields else _trailing_owners(ctx, body))
    if not owners:
        owners = _subject_owners(ctx, body) or _set_apart(ctx, body)
    if not owners:
        m = REPLIES_TO.search(body)
        if m and ctx.roster.person(m.group(1)):
            owners = resolve_owners(m.group(1), ctx.roster)
    action = ctx.action(text, first.start, end, first.page, owners, True)
    if "due" in fields:
        action.due = _cell_due(ctx, fields["due"])
    return [action], j


# An action line opening any line of a block.
ACTION_LINES = re.compile(ACTION_LINE.pattern, re.M)


def _action_line_runs(block: Block) -> list[Block]:
    """A block of action lines cut where each line opens another action, so
    that each is read as one ("Action: SA to share ..." / "Action: TB and NH to
    visit ..."): the block itself when it opens only one."""
    starts = [m.start() for m in ACTION_LINES.finditer(block.text)]
    if len(starts) < 2:
        return [block]
    runs = [block.text[a:b].rstrip() for a, b in zip(starts, [*starts[1:], len(block.text)])]
    return [replace(block, text=run, start=block.start + a, end=block.start + a + len(run))
            for a, run in zip(starts, runs)]


def _headed_task(ctx: _Context, block: Block) -> Action:
    """The task a paragraph or list entry under an "Actions:" line sets, its owner the subject of the task
    ("Portal to provide"), who is set apart by a dash or brackets ("OM – book the hall", "Book the hall – OM",
    "Circulate the paper (JV)") or the sentence's subject ("Heather Savory was tasked with ...")."""
    subject = SENTENCE_SUBJECT.match(block.text)
    owners = _subject_owners(ctx, block.text) or _set_apart(ctx, block.text) \
        or (_owners_before(ctx, subject.group("who")) if subject else [])
    return ctx.action(block.text, block.start, block.end, block.page, owners, True)


def _set_apart(ctx: _Context, task: str) -> list[Owner]:
    """The owners a task names apart from its words: in brackets after it, or by a dash before or after it."""
    owners = _trailing_owners(ctx, task)
    for m in (DASH_OWNER_FIRST.match(task), DASH_OWNER_LAST.search(task)):
        if owners or m is None:
            continue
        found = resolve_owners(m.group("who"), ctx.roster)
        # set apart, a first name alone is someone even where no list names them ("Lorna – chase the invoice")
        if found and all(_is_owner_phrase(o.as_written, ctx) or INITIALS.fullmatch(o.as_written)
                         or _first_name_alone(o.as_written) for o in found):
            owners = found
    return owners


FIRST_NAME = re.compile(r"[A-Z][a-z]{2,11}")
NOUN_ENDING = re.compile(r"(?:ing|ion|ment|ness|ity|ship|ance|ence|ics|age|ure|ism)$")  # "Training", "Signage"


def _first_name_alone(text: str) -> bool:
    """One capitalised word that reads as a first name: a known one, or one with no noun's ending
    that is no month or day ("Lorna", "Morag"; not "Training", "June")."""
    return bool(FIRST_NAME.fullmatch(text)) and (text.lower() in GIVEN_NAMES or (
        not NOUN_ENDING.search(text) and text.lower() not in CALENDAR))


def _subject_owners(ctx: _Context, task: str) -> list[Owner]:
    """The owners a task names as its subject: "Portal to provide", "MK will update", "Upon receipt of
    the note, SP to provide" (after a clause that opens the line); none for whom a passive task is
    done to ("Transparency Board to be updated on ...")."""
    m = PART_TASK.match(task)
    if not m or m.group("subj").lower().startswith("it ") or (m.group("to") or "").startswith("to be "):
        return []
    subject = IS_TO.sub("", m.group("subj"))
    owners = _owners_before(ctx, subject)
    if not owners and "," in subject.strip(" ,"):
        owners = _owners_before(ctx, subject.strip(" ,").rsplit(",", 1)[1])
    return owners


def _named_before_colon(ctx: _Context, head: re.Match[str]) -> list[Owner]:
    """"Action MW:", "Action EG, SP:": the owners an action line names before its colon."""
    who = head.group("pre")
    if not who or who.split()[0].lower() in NOT_NAMES:
        return []
    owners = resolve_owners(who, ctx.roster)
    return owners if all(_is_owner_phrase(o.as_written, ctx) or INITIALS.fullmatch(o.as_written) for o in owners) \
        else []


def _owner_only(ctx: _Context, text: str) -> tuple[list[Owner], str | None] | None:
    """(owners, deadline words) where ``text`` only says who acts, maybe by
    when: "DT/MS", "TRUSTEES/SF", "Danny by 03 Nov", "Mel Leitch, by 03 Nov",
    "Membership Secretary and Treasurer by end January"; None for a task."""
    m = OWNER_ONLY.match(text)
    if not m:
        return None
    who = m.group("who")
    parts = [p for p in OWNER_PARTS.split(who) if p]
    # a one-word task ("Action: Circulate") is no owner, but a post that is a verb too ("Action: Chair") is
    if not parts or any(len(p.split()) > 3 or p.split()[0].lower() in NOT_NAMES or
                        (len(p.split()) == 1 and p.lower() in TASK_VERBS and p.lower() not in POSTS) for p in parts):
        return None
    return resolve_owners(who, ctx.roster), m.group("due")


def _closed_tasks(ctx: _Context, blocks: list[Block], i: int, owners: list[Owner], due: str | None,
                  out: list[Action]) -> list[Action]:
    """The tasks an owners-only "ACTION: X" line closes: the sentences of the
    paragraphs above it (back to the item's heading or the last action line)
    that set a task, or the paragraph just above when none does. An action
    already read in them becomes explicit and, just above the line, takes its
    owners; one further up keeps its own owners if it names any."""
    found: list[Action] = []
    for depth, b in enumerate(_paragraphs_above(ctx, blocks, i)):
        spans = _task_sentences(ctx, b)
        if not spans and depth == 0:
            spans = [(b.start, b.end)]
        for start, end in spans:
            known = [a for a in out if a.span.start < end and start < a.span.end]
            for a in known:
                a.explicit = True
                if depth == 0 or not a.owners:
                    a.owners = owners
                if due:
                    a.due = ctx.due(f"by {due}") or a.due
            if known:
                continue
            text = b.text[start - b.start:end - b.start]
            action = ctx.action(LIST_MARK.sub("", text), start, end, b.page, owners, True)
            if due:
                action.due = ctx.due(f"by {due}") or action.due
            found.append(action)
    return found


def _paragraphs_above(ctx: _Context, blocks: list[Block], i: int) -> Iterator[Block]:
    """The paragraphs an action line closes, nearest first: back to a
    heading, an item's start, a table or the action line before."""
    starts = {item.span.start for item in ctx.doc.items}
    for b in reversed(blocks[max(0, i - CLOSED_PARAGRAPHS):i]):
        if b.kind not in ("paragraph", "list_item") or ACTION_LINE.match(b.text) or b.is_furniture:
            return
        yield b
        if b.start in starts:
            return


def _task_sentences(ctx: _Context, block: Block) -> list[tuple[int, int]]:
    """Spans of the sentences in ``block`` that set a task ("to be posted",
    "will monitor", "agreed to include"; not "the administration to collect
    a further £1", a purpose)."""
    if not may_set_task(block.text):
        return []
    nlp_doc = analyse(block.text)
    tasks = task_cues(nlp_doc)
    out = []
    for sent in sentences_of(nlp_doc):
        cues = [c for c in tasks if sent.start <= c.start < sent.end]
        # a proposal, what "should" be done, or a request ("had a request from X to pay"), sets a task only if
        # it names who acts; work said to be needed, or arranged, only where _commitment takes it
        if any(c.label_ not in ("TO_TASK", "NEED_TASK", "NEED_PASSIVE", "ARRANGED")
               and c[0].lower_ not in SUGGESTING_VERBS + OUGHT_VERBS + ASKING_BASES
               or _commitment(ctx, sent, c) for c in cues):
            out.append((block.start + sent.start_char, block.start + sent.start_char + len(span_text(sent).rstrip())))
    return out


def _action_marks(ctx: _Context, block: Block) -> list[Action]:
    """"Action:" marks inside a paragraph, as notes and bracketed minutes
    write them: "... by 03 Nov. Action: Danny by 03 Nov" (who and when, for
    the sentence before), "Action: EM to attend further meetings with SBC –
    speak with/send any thoughts to EM. Parents to write letter to SBC?"
    (the tasks themselves, one per sentence or dash), "[ACTION: ERA to
    contact ... Portal to provide ...]"."""
    if block.kind not in ("paragraph", "list_item", "heading") or not ACTION_WORD.search(block.text):
        return []
    text = block.text
    marks = [m for m in ACTION_MARK.finditer(text) if m.start() > 0 or "[" in m.group(0) or "(" in m.group(0)]
    out: list[Action] = []
    boundary = 0  # where the text that a who-and-when mark refers back to starts
    for n, m in enumerate(marks):
        stop = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        bracket = next((b for b in "[(" if b in m.group(0)), None)
        close = text.find(BRACKETS[bracket], m.end(), stop) if bracket else -1
        stop = close if close >= 0 else stop
        head = HEAD_END.search(text, m.end(), stop)
        head_end = head.start() if head else stop
        only = _owner_only(ctx, text[m.end():head_end])
        pre = _named_before_colon(ctx, m)
        if only is not None and not pre:
            owners, due = only
            before = text[boundary:m.start()]
            sents = [sp for sp in sentences(before) if before[sp[0]:sp[1]].strip(" -–•o")]
            if sents:
                s0, s1 = sents[-1]
                out.append(ctx.task(block, boundary + s0, boundary + s1, owners, True,
                                    due_text=f"by {due}" if due else None))
            boundary = head_end
            continue
        out.extend(_mark_body(ctx, block, m.end(), stop, pre))
        boundary = stop
    return out


def _mark_body(ctx: _Context, block: Block, start: int, stop: int, pre: list[Owner]) -> list[Action]:
    """The tasks an "Action:" mark's words give: the first sentence, and the
    sentences after it that are tasks too ("Parents to write letter to
    SBC?", "EM to ask Berwickshire Swap."), each cut at a dash that starts
    another ("– speak with ..."); "(DONE)" marks the one before done, and a
    line naming only who and when ("John Atkinson by 30 Nov") gives the one
    before its owner and deadline."""
    text = block.text
    body = text[start:stop]
    out: list[Action] = []
    for n, (s0, s1) in enumerate(sentences(body)):
        sent = body[s0:s1]
        if DONE_MARK.fullmatch(sent.strip()):
            if out:  # "(DONE)": kept in the task's words; the task was still set at this meeting
                out[-1].text = f"{out[-1].text} {sent.strip()}"
                out[-1].span.end = block.start + start + s1
            continue
        only = _owner_only(ctx, sent)
        if only is not None and out:
            out[-1].owners = out[-1].owners or only[0]
            if only[1]:
                out[-1].due = ctx.due(f"by {only[1]}") or out[-1].due
            out[-1].span.end = block.start + start + s1
            continue
        if n and not TASK_START.match(sent):
            break
        cuts = [0] + _cut_tasks(sent) + [len(sent)]
        for a, b in zip(cuts, cuts[1:]):
            lead = PIECE_LEAD.match(sent, a, b)
            at = lead.end() if lead else a
            piece = sent[at:b].rstrip(" –-")
            if not piece:
                continue
            tail = OWNER_TAIL.search(piece)
            owners = pre or _subject_owners(ctx, piece)
            due = None
            if tail and not owners:
                found = _owner_only(ctx, tail.group("tail"))
                if found is not None:
                    owners, due = found
                    piece = piece[:tail.start()]
            begin = start + s0 + at
            # the pieces of one sentence share its deadline ("Danny to contact IAM and John ..., by end January")
            out.append(ctx.task(block, begin, begin + len(piece), owners, True, due_text=f"by {due}" if due else sent,
                                refer_back=a == 0))
    return out


def _cut_tasks(sent: str) -> list[int]:
    """Where a dash or "and" starts another task in a task's sentence; none where the words before
    the first set no task ("Next PFA meeting (1 June) – set out a timetable": one task, with its date)."""
    dashes = [c.start() for c in TASK_DASH.finditer(sent)]
    return dashes if dashes and SETS_TASK.search(sent[:dashes[0]]) else []


def _table_actions(ctx: _Context, table: Table, part: TablePart, lead: list[Owner]) -> list[Action]:
    """The rows of one part of an action log (a part the log continued on a
    later page reads its columns from the log's header). A log's header names
    the action column and an owner, deadline or status column; a log without
    a header is a table whose rows end in a status ("Carried forward")."""
    block = part.block
    col = _log_columns(table)
    rows = part.rows
    if col is None:
        if not all(len(r) >= 2 and STATUS_CELL.match(r[-1].text.strip()) and len(r[0].text.split()) >= 2
                   for r in block.rows):
            return []
        col, rows = {"action": 0, "status": len(block.rows[0]) - 1}, block.rows
    out = []
    for row in rows:
        cells = {k: row[i] for k, i in col.items() if i < len(row)}
        task = cells.get("action")
        if task is None or len(task.text.split()) < 2:
            continue
        owners = resolve_owners(cells["owner"].text, ctx.roster) if cells.get("owner") and cells["owner"].text else []
        if not owners and "owner" not in cells:
            owners = _row_subject(ctx, task.text) or lead
        action = ctx.action(task.text, task.start, task.end, block.page, owners, True)
        raised = _row_date(cells.get("raised"))
        if cells.get("due") and cells["due"].text:
            action.due = _cell_due(ctx, cells["due"].text, raised)
        elif action.due is None and "due" not in cells:
            action.due = ctx.log_due
        if cells.get("status") and cells["status"].text.strip():
            action.log_status = " ".join(cells["status"].text.split())
        out.append(action)
    return out


def _row_subject(ctx: _Context, task: str) -> list[Owner]:
    """The owners a log row's task names as its subject: "Home Office team to
    share the analytics", "URI project team to discuss"."""
    m = PART_TASK.match(task)
    if not m or not m.group("to"):
        return []
    owners = _owners_before(ctx, m.group("subj"))
    if owners:
        return owners
    words = m.group("subj").split()
    # a short noun phrase ending in a group or post word: "PDC project team"
    return resolve_owners(m.group("subj"), ctx.roster) if len(words) <= 5 and words[0][:1].isupper() and \
        words[-1].lower() in GROUP_WORDS | POSTS else []


def _heading_owners(ctx: _Context, text: str) -> list[Owner]:
    """A heading that names a group or post alone ("Secretariat") owns the log rows under it."""
    words = {w.lower() for w in WORD.findall(text)}
    if len(text) > 60 or not words & (GROUP_WORDS | POSTS):
        return []
    return [o for o in resolve_owners(text, ctx.roster) if _is_owner_phrase(o.as_written, ctx)]


def _log_columns(table: Table) -> dict[str, int] | None:
    """Column index per role (action, owner, due, status, raised) of an action
    log, or None when the table's header names no action column beside an
    owner, deadline or status column. "Description"/"Details" name an action
    column only beside a deadline or status column: an agenda table is
    "Item | Description | Lead"."""
    col = {role: j for role, j in table.roles.items() if role in ("action", "owner", "due", "status", "raised")}
    if "action" not in col or not col.keys() & {"owner", "due", "status"}:
        return None
    if WEAK_ACTION_HEADER.fullmatch(clean(table.header_rows[-1][col["action"]].text).strip(" :*")) \
            and not col.keys() & {"due", "status"}:
        return None
    return col


def _row_date(cell: Cell | None) -> date | None:
    """The date a row's "Meeting date" cell gives ("11/01/2011")."""
    m = DATE_PATTERN.search(cell.text) if cell else None
    parsed = parse_date(m.group(0)) if m and DATED_YEAR.search(m.group(0)) else None
    return parsed[0] if parsed else None


# Deadline cells in spreadsheet style: "Mar-2011", "23-Mar".
MONTH_DASH = re.compile(rf"^(?:(?P<day>\d{{1,2}})-(?P<m1>{MONTH})|(?P<m2>{MONTH})-(?P<year>\d{{2}}|\d{{4}}))$", re.I)
END_OF = re.compile(r"(?:the\s+)?end\s+(?:of\s+)?", re.I)  # a deadline cell "End of March", "end Feb"
# A month without a day or year, maybe "early", "mid" or "late": "June", "late Sept".
BARE_MONTH = re.compile(rf"^(?:early\s+|mid[- ]|late\s+)?({MONTH})\b(?!\s*\d)", re.I)


def _cell_due(ctx: _Context, text: str, raised: date | None = None) -> Due:
    """A deadline column holds the date alone ("19/02/2010", "March 2010",
    "Mar-2011", "Ongoing"); a date without a year follows the meeting, or
    the row's own meeting date in a log that spans meetings."""
    base = ctx.base or raised
    text = " ".join(text.split())
    dashed = MONTH_DASH.match(text)
    if dashed:
        year = dashed.group("year")
        when = f"{dashed.group('day')} {dashed.group('m1')}" if dashed.group("day") else \
            f"{dashed.group('m2')} {'20' + year if len(year) == 2 else year}"
        due = find_deadline(f"by {when}", base, ctx.meetings)
        return Due(text, due.date, due.precision) if due and due.date else Due(text)
    if END_OF.match(text):  # "End of Feb": the cell's "by" left unsaid
        ended = find_deadline(f"by {text}", base, ctx.meetings)
        if ended and ended.date:
            return Due(text, ended.date, ended.precision)
    found = find_deadline(text, base, ctx.meetings)
    if found and found.date:
        return found
    month = BARE_MONTH.match(text)
    if month and base:  # a bare month, "June": the next such month, counting the meeting's own
        dated = find_deadline(f"by {month.group(1)}", base, [])
        if dated and dated.date:
            return Due(text, dated.date, dated.precision)
    m = DATE_PATTERN.search(text)
    placed = m is not None and bool(base or YEAR_NUMBER.search(m.group(0)))  # a year, or a meeting to count from
    parsed = parse_date(m.group(0), base, prefer_future=True) if m and placed else None
    return Due(text, parsed[0], parsed[1]) if parsed else (found or Due(text))


def _inline_actions(ctx: _Context, block: Block) -> list[Action]:
    """Sentences that end by naming who acts: "..., action Mick." (explicit)."""
    if block.kind not in ("paragraph", "list_item") or not ACTION_WORD.search(block.text):
        return []
    out = []
    sents = sentences_of(analyse(block.text))
    for k, sent in enumerate(sents):
        for m in INLINE_ACTION.finditer(span_text(sent)):
            who = m.group("who")
            if who.split()[0].lower() in NOT_NAMES or (m.start() == 0 and not ctx.roster.person(who.split()[0])):
                continue  # "Action Plan", "Action Group to meet": a title, not an owner
            start = sent.start_char
            note = span_text(sent)
            if k and not LIST_MARK.match(note) and len(content_words(note)) < NOTE_WORDS \
                    and not _names_its_doer(ctx, note, who):
                start = sents[k - 1].start_char  # "Are we responsible? Look at the insurance, action Mick."
            text = block.text[start:sent.end_char].strip()
            out.append(ctx.action(LIST_MARK.sub("", text), block.start + start, block.start + start + len(text),
                                  block.page, resolve_owners(who, ctx.roster), True))
            break
    return out


def _names_its_doer(ctx: _Context, note: str, who: str) -> bool:
    """A short note that opens with who acts ("Karen to email round the rates,
    action Karen.") is a task whole, the sentence before it not its context;
    unless it points back to that sentence ("Jon offered to track it down")."""
    first = TERM.match(note)
    return first is not None and (first.group(0) == who.split()[0] or ctx.roster.person(first.group(0)) is not None) \
        and not POINTS_BACK.search(note)


def _running_text(ctx: _Context, block: Block) -> Iterator[Action]:
    """Commitments in running text, one per task clause."""
    if not (block.kind in ("paragraph", "list_item") or LIST_MARK.match(block.text)) or block.text[:1] in "\"“" \
            or not may_set_task(block.text):
        return  # a motion's quoted wording ("Council is asked to ...") is no task yet; a heading sets none
    nlp_doc = analyse(block.text)
    cues = task_cues(nlp_doc)
    for sent in sentences_of(nlp_doc):
        found: list[tuple[int, list[Owner], bool]] = []
        needed = []  # work said to be needed: read only where the sentence sets no other task
        for cue in (c for c in cues if sent.start <= c.start and c.end <= sent.end):
            if cue.label_ == "NEED_PASSIVE":
                needed.append(cue)
                continue
            hit = _commitment(ctx, sent, cue)
            same = next((n for n, f in enumerate(found) if hit and f[0] == hit[0]), None)
            if hit and same is None:
                found.append(hit)
            elif hit and same is not None and hit[1] and (not found[same][1] or cue.label_ in DELEGATING):
                # one clause, two cues: the one that names who acts; who is asked, not who asks
                # ("Members agreed to request that the Clerk obtains", "agreed to commission X to prepare")
                found[same] = hit
        if not found:
            found.extend(next(([hit] for cue in needed if (hit := _commitment(ctx, sent, cue))), []))
        found.sort(key=lambda f: f[0])
        found = _object_relatives(block.text, found)
        if len(found) == 1:
            found[0] = (sent.start_char, found[0][1], found[0][2])  # the whole sentence is the task's context
        for i, (start, owners, explicit) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else sent.end_char
            text = JOIN_END.sub("", block.text[start:end])  # "... working on this and [the Manager will ...]"
            also = ALSO.search(text)
            pieces = [(0, also.start()), (also.end(), len(text))] if also else [(0, len(text))]
            for a, b in pieces:
                action = ctx.task(block, start + a, start + b, owners, explicit)
                if i + 1 == len(found):
                    _fields_after(ctx, action, block.text, sent.end_char)
                yield action


def _object_relatives(text: str, found: list[tuple[int, list[Owner], bool]]) -> list[tuple[int, list[Owner], bool]]:
    """One task where a request names its work and a relative clause who does it: "Trustees asked for a
    breakdown by estate, which Tom will provide" is Tom's task, whole, not an ownerless request and a task
    of "Tom will provide"."""
    out = found[:1]
    for start, owners, explicit in found[1:]:
        if not out[-1][1] and owners and OBJECT_RELATIVE.search(text, out[-1][0], start):
            out[-1] = (out[-1][0], owners, explicit)
        else:
            out.append((start, owners, explicit))
    return out


OBJECT_RELATIVE = re.compile(r",?\s+(?:which|that)\s*\Z")


def _fields_after(ctx: _Context, action: Action, text: str, at: int) -> None:
    """The labelled fields that follow a task's sentence in its paragraph ("Kate to submit the application.
    Responsible: KD. Deadline: 14 February 2012") give its deadline, and its owners where it names none."""
    while m := FIELD_AFTER.match(text, at):
        field = m.group("field").lower()
        if field in DUE_FIELDS and action.due is None:
            value = m.group("value")
            dated = ctx.due(f"by {value}")  # "Due: end of February" is "by the end of February"
            action.due = Due(value, dated.date, dated.precision) if dated and dated.date else _cell_due(ctx, value)
        elif field not in DUE_FIELDS and not action.owners:
            action.owners = resolve_owners(m.group("value"), ctx.roster)
        at = m.end()


# A short label before a colon opening the sentence: an action's reference, "Note:", "Update:".
LABEL_BEFORE = re.compile(r"\W*[\w/.-]+(?:\s+[\w/.-]+)?\s*:")


def _new_clause(clause: str, led: bool) -> bool:
    """Whether the words before a subject leave it a clause of its own: at
    the sentence's start, after a dash ("... dangerous – Councillor Tepp to
    contact") or a label ("QSC/24/38: KR to update"), or after a comma closing a clause ("... acceptable, clerk to
    complete", "..., with AB to take the lead"); not inside a list of names
    ("attended the Windmill Hill, Norton North Forum to raise") or after
    "and", "which" ("links between CDT and Registered Social Landlords to ensure")."""
    clause = clause.rstrip()
    if not clause or clause[-1] in "–-" or AGREED_BEFORE.search(clause) or LABEL_BEFORE.fullmatch(clause):
        return True
    if clause[-1] not in ",;:":
        return False
    words = clause[:-1].split()
    return led or not words or words[-1][:1].islower()


def _joint_subject(ctx: _Context, text: str, sent_start: int, subj_start: int) -> int:
    """Where a subject starts that "and" joins to a name before it ("DO and SF
    will"), at the sentence's start, after a clause's punctuation (a dash too:
    "... refreshments – Pat and Liz offered") or "that"."""
    before = text[sent_start:subj_start]
    m = JOINT_BEFORE.search(before)
    opens = LIST_MARK.sub("", before[:m.start()]).rstrip() if m else ""  # "o Z. Maiorca, P. Bader and ..."
    if m and (not opens or opens[-1] in ",;:(–-" or opens.endswith(" that")) and _owners_before(ctx, m.group("who")):
        return sent_start + m.start("who")
    return subj_start


def _shared_subject(ctx: _Context, text: str, sent_start: int, clause_start: int) -> tuple[int, list[Owner]]:
    """(where the sentence starts, its subject's owners) for a task clause that
    shares the sentence's subject: "Cllr Atkins queried whether ... and agreed
    to contact the editor", "KL has press release ready, will liaise with ...";
    none after a clause of reported speech whose subject may be the one acting ("X
    reported that the Council ... and agreed to"), but after one whose subject is
    no one ("Ms Blythe explained that agency costs had fallen and agreed to ...")."""
    before = text[sent_start:clause_start]
    m = SENTENCE_SUBJECT.match(text, sent_start, clause_start)
    reported = [r.end() for r in REPORTED_CLAUSE.finditer(before)]
    said = len(reported) == 1 and SAID_THAT.fullmatch(before, 0, reported[0]) \
        and not REPORTED_AGENT.match(before, reported[0])  # "X said that vacancies had fallen and [undertook to]"
    if m is None or not SHARED_CLAUSE.search(before) or reported and not said:
        return clause_start, []
    return sent_start, _owners_before(ctx, m.group("who"))


def _to_task(ctx: _Context, sent: TokenSpan, cue: TokenSpan, subj_start: int, subject: str,
             clause: str) -> tuple[int, list[Owner], bool] | None:
    """"Clerk to respond", "... – Councillor Tepp to contact", "Councillor
    Richardson is to order": minute shorthand for an action (explicit)."""
    words = [t for t in cue if not t.is_space]
    if len(words) > 1 and words[1].lower_ == "be":
        return _passive_task(ctx, sent, cue)
    text = text_of(sent.doc)
    joint = _joint_subject(ctx, text, sent.start_char, subj_start)
    if joint != subj_start:  # "Cllr Reed and Cllr Bell to inspect", "The Clerk and the Chair to sign"
        subj_start, subject, clause = joint, text[joint:cue.start_char], text[sent.start_char:joint]
    named = IS_TO.sub("", subject)
    if not named.strip() and IS_TO.search(subject):  # "Alan Armstrong, EDC, is to enquire"
        named, subj_start, clause = IS_TO.sub("", text[sent.start_char:cue.start_char]), sent.start_char, ""
    elif not named.strip() and clause.rstrip().endswith(("–", "-")) and \
            _owners_before(ctx, clause.rstrip()[:-1]):  # "Tom Reed – to obtain three quotes": the owner alone
        named, subj_start, clause = clause.rstrip()[:-1], sent.start_char, ""
    lead = LEADING.match(named)
    named = named[lead.end():] if lead else named
    if named[:1].islower() and ARTICLE.sub("", named.strip()).lower() not in POSTS:
        return None  # "..., all to ensure that": a purpose, not a task; "(the) clerk to complete" is one
    # "... and Councillors are to check", "stating that X is to give": "is to" makes a task after any word
    # "British Gypsum, the Clerk to write": a post with its article opens a clause after any comma
    post = bool(ARTICLE.match(named.strip())) and ARTICLE.sub("", named.strip()).lower() in POSTS and \
        clause.rstrip().endswith(",")
    owners = _owners_before(ctx, named) if _new_clause(clause, bool(lead)) or IS_TO.search(subject) or post else []
    if owners:
        return subj_start + (lead.end() if lead else 0), owners, True
    line = LINE_SUBJECT.search(text, sent.start_char, cue.start_char)
    above = text[sent.start_char:line.start()].split() if line else []
    if line is None or not above or not above[-1][:1].islower() \
            or line.group("who").split()[0].lower() in CALENDAR or above[-1].lower() in OBJECT_AFTER:
        # "funded by the Cohesive\nCommunities Fund": one name over two lines; "in\nDecember"; "will
        # contact\nGeoff Dobson to ...": the line's first words are the object of the verb above
        return None
    owners = _owners_before(ctx, line.group("who"))  # "... resolved to pay both" / "Clerk to issue cheques"
    return (line.start("who"), owners, True) if owners else None


def _passive_task(ctx: _Context, sent: TokenSpan, cue: TokenSpan) -> tuple[int, list[Owner], bool] | None:
    """"Notification to be put on facebook", "To be discussed at the next
    meeting", "Timings and venues to be confirmed by the Clerk": a task too
    (explicit), its owner the "by X" after it, where the words before it (back
    to the clause's punctuation) are no clause of their own ("the hotel is due
    to be completed", "the seat is still to be repaired")."""
    text = text_of(sent.doc)
    punct = PUNCT_BREAK.match(text, sent.start_char, cue.start_char)
    start = punct.end() if punct else sent.start_char
    asked = ASKED_FOR.search(text, start, cue.start_char)
    if asked:  # "The Board asked for their congratulations to be passed to ...": a task asked for (implicit)
        if asked.group("what").lower() == "it" or cue[-1].lower_ in RECORDED:
            return None  # "asked for it to be noted that ...": a record, or a view put
        by = BY_OWNER.match(text, cue.end_char)
        return sent.start_char, _owners_before(ctx, by.group("who")) if by else [], False
    words = text[start:cue.start_char].split()
    if len(words) > PASSIVE_SUBJECT_WORDS or any(w.lower() in NOT_PASSIVE_TASK or w.lower() in PREPOSITIONS
                                                 for w in words) \
            or not _new_clause(punct.group(0) if punct else "", False) \
            or PASSIVE_DECISION.match(text, cue.start_char + 3) or cue[-1].lower_ in EVENT_PARTICIPLES:
        return None
    by = BY_OWNER.match(text, cue.end_char)
    return start, _owners_before(ctx, by.group("who")) if by else _bracket_owner(ctx, text, cue.end_char,
                                                                                 sent.end_char), True


def _bracket_owner(ctx: _Context, text: str, start: int, end: int) -> list[Owner]:
    """"A site meeting to be arranged with the contractor (Clerk)": the listed person or the post
    in brackets closing the sentence ("(see Appendix A)" names no one)."""
    m = TRAILING_OWNER.search(text, start, end)
    if m is None:
        return []
    parts = split_owners(m.group("who"), ctx.roster)
    if not parts or not all(ctx.roster.person(p) or post_alone(p) for p in parts):
        return []
    return _owners_before(ctx, m.group("who"))


def _clause_start(text: str, start: int, cue_start: int) -> int:
    """Where the clause holding a cue starts in a sentence the splitter left
    whole: after a bracket or stop before a capital ("... (approx £130) It was
    also suggested that")."""
    m = CLAUSE_OPEN.match(text, start, cue_start)
    return m.end() if m else start


def _base_form(verb: str) -> str:
    """A task verb from its third person ("contacts", "researches", "applies"), or ``verb`` as it is."""
    for ending, base in (("ies", "y"), ("es", ""), ("s", "")):
        if verb.endswith(ending) and verb[:-len(ending)] + base in TASK_VERBS:
            return verb[:-len(ending)] + base
    return verb


def _passive_that(ctx: _Context, sent: TokenSpan, cue: TokenSpan) -> tuple[int, list[Owner], bool] | None:
    """"It was requested that a letter be sent to ...", "Cllr Morris asked
    that maps be made available", "agreed that the accounts be checked by
    the Treasurer": a task in the passive, asked for, or given to the "by X"
    after it; not a decision's passive ("be approved"), a record ("be
    minuted"), one denied ("would not be needed"), one that names whom it
    asks ("be asked to", read as such), nor one agreed with no owner
    ("agreed that the proposals be submitted" is the meeting's decision)."""
    text = text_of(sent.doc)
    m = PASSIVE_THAT.match(text, cue.end_char, sent.end_char)
    if m is None:
        return None
    words = [w.lower() for w in m.group("subj").split()]
    done = m.group("done")
    if len(words) > THAT_SUBJECT_WORDS or any(w in NOT_PASSIVE_TASK or w in NEGATIONS for w in words) \
            or done in PASSIVE_DONE or done in RECORDED or done in EVENT_PARTICIPLES or done in ASKED_VERBS:
        return None
    owners = _passive_agent(ctx, text, m.end(), sent.end_char)
    # a request that something be done ("Cllr Morris asked that maps be made available"), not that people be
    # given something ("requested that Councillors be given the opportunity")
    things = cue[0].lower_ in ("requested", "asked") and not _owners_before(ctx, m.group("subj"))
    if owners or things:  # the meeting's own request ("It was requested that") gives the task; a member's asks
        given = bool(owners) or bool(IMPERSONAL.search(text, sent.start_char, cue.start_char))
        suggested = cue[0].lower_ in SUGGESTING_VERBS
        return _clause_start(text, sent.start_char, cue.start_char), owners, given and not suggested
    return None


def _passive_agent(ctx: _Context, text: str, start: int, end: int) -> list[Owner]:
    """The owners a passive task's "by X" names, in its own clause: "arranged
    by the Clerk to the Board", "circulated by the Transparency Team [to the
    Transparency Board]"."""
    by = BY_OWNER.match(text, start, end)
    if by is None or "," in text[start:by.start("who")]:
        return []
    who = by.group("who")
    return _owners_before(ctx, who) or (_owners_before(ctx, who.rsplit(" to ", 1)[0]) if " to " in who else [])


def _commitment(ctx: _Context, sent: TokenSpan, cue: TokenSpan) -> tuple[int, list[Owner], bool] | None:
    """(start of the task clause, owners, explicit) for one cue, or None."""
    before = text_of(sent.doc)[sent.start_char:cue.start_char]
    clause = CLAUSE_START.match(before)
    subj_start = sent.start_char + (clause.end() if clause else 0)
    subject = text_of(sent.doc)[subj_start:cue.start_char]
    label = cue.label_
    if label == "ASKED" and (ASKED_TO_DECIDE.match(text_of(sent.doc)[cue.end_char:])
                             or TO_EVENT.match(text_of(sent.doc), cue.end_char)):
        return None  # "Members are asked to note ...": a recommendation to decide; "invited to the Away Day"
    if label == "IN_HAND" and (NOT_IN_HAND.match(text_of(sent.doc), cue.end_char) or SUBORDINATE.match(subject)):
        return None  # "Residents are asking for a crossing", "is looking to"; "As Mr Joyce is setting up the site, ..."
    if label == "NEED_TASK" and POSSIBLE.search(before):
        return None  # "the other occupants may have to obtain a licence": a possibility, not a task
    if label == "TO_TASK":
        return _to_task(ctx, sent, cue, subj_start, subject, clause.group(0) if clause else "")
    if label == "ASK_THAT":
        m = OWNER_VERB.match(text_of(sent.doc), cue.end_char)
        suggested = cue[0].lower_ in SUGGESTING_VERBS  # put forward, not given; "proposed that X approve": a motion
        verb = _base_form(m.group("verb")) if m else ""  # "asked that the Clerk write", "... contacts"
        owners = _owners_before(ctx, m.group("who")) if m and verb in TASK_VERBS and not (
            suggested and verb in NOT_TASKS) else []
        return (_clause_start(text_of(sent.doc), sent.start_char, cue.start_char), owners, not suggested) if owners \
            else _passive_that(ctx, sent, cue)
    if label in ("MODAL_TASK", "NEED_TASK", "VOLUNTEER", "ASKED", "IN_HAND"):
        text = text_of(sent.doc)
        if cue[0].lower_ in OUGHT_VERBS and not AGREED_BARE.search(text, sent.start_char, subj_start):
            return None  # "The council should consider": advice; "agreed that X should" is ASK_THAT's
        if label == "MODAL_TASK" and ASKED_ABOUT.search(text, sent.start_char, cue.start_char):
            return None
        subj_start = _joint_subject(ctx, text, sent.start_char, subj_start)
        subject = SUBJECT_TAIL.sub("", text[subj_start:cue.start_char])  # "Mr Joyce has kindly [offered to]"
        if QUESTION.match(subject) and span_text(sent).rstrip().endswith("?"):
            return None  # "Do parents need to help ...?": a question, not a task
        lead = LEADING.match(subject)
        owners = _owners_before(ctx, subject)
        apposed = None if owners else APPOSED_SUBJECT.fullmatch(text, sent.start_char, cue.start_char)
        if apposed:  # "Jane Rowley, the Chair, will write", "Owen Lloyd, as NED lead, will meet"
            subj_start, owners = sent.start_char, _owners_before(ctx, apposed.group("who"))
        if not owners and not subject.strip():
            subj_start, owners = _shared_subject(ctx, text, sent.start_char, subj_start)
        speaker = (REPORTER.fullmatch(text, sent.start_char, cue.start_char)
                   or FAR_REPORTER.fullmatch(text, sent.start_char, cue.start_char)) if not owners else None
        if speaker:
            subj_start, owners = sent.start_char, _owners_before(ctx, speaker.group("who"))
        if not owners:
            return None
        # "It was agreed that Mags & Karen would ...", "RESOLVED that the Clerk be instructed to ...": the meeting
        # gave the task (not "agreed that partners were asked to": a report of asking)
        given = label in ("MODAL_TASK", "NEED_TASK") or (label == "ASKED" and cue[0].lower_ == "be")
        explicit = given and bool(AGREED_THAT.search(text, sent.start_char, subj_start))
        if explicit:  # the task's clause holds the agreement: "..., [again it was resolved that] the Council would"
            punct = AGREED_CLAUSE.match(text, sent.start_char, subj_start)
            return punct.end() if punct else sent.start_char, owners, explicit
        return subj_start + (lead.end() if lead else 0), owners, explicit
    if label == "ASK_OBJ":
        # the infinitive or imperative: a task the meeting gives ("agreed to ask the Clerk to", "Instruct the Chief
        # Executive to"); not a third party's present ("Residents request the Council to repair the wall")
        base = cue[0].lower_ in ASKING_BASES
        if base and not (INFINITIVE_TO.search(before) or IMPERATIVE_AT.match(before)):
            return None
        obj = ASKED_OBJECT.match(text_of(sent.doc)[cue.start_char:cue.end_char - len(cue[-1].text)])
        who = obj.group(1) if obj else ""
        # "requested Mr Armstrong, EDC to look into": the person with their body in apposition (see _owners_before)
        owners = _owners_before(ctx, f"{who}," if "," in who else who) if who else []
        explicit = base and bool(ASKING_TO.search(before) or IMPERATIVE_AT.match(before))
        return (sent.start_char, owners, explicit) if owners else None
    if label == "REPORT_ASKED":  # a paper asked for, to come by a time the sentence gives after it
        due = ctx.due(text_of(sent.doc)[cue.end_char:sent.end_char])
        return (sent.start_char, [], False) if due is not None and (due.date or "meeting" in due.text.lower()) \
            else None
    if label == "ARRANGED":  # a meeting or visit set up for a day the sentence gives
        due = ctx.due(text_of(sent.doc)[cue.start_char:sent.end_char])
        return (sent.start_char, [], False) if due is not None and due.date else None
    if label == "COLLECT":
        people = [sent.doc[s:e].text for s, e in ctx.roster.mentions(sent.doc) if sent.start <= s < cue.start]
        owners = resolve_owners(people[0], ctx.roster) if people else []
        return (sent.start_char, owners, False) if owners else None
    if label == "SEND_TO":
        name = CAPITALISED_NAME.match(text_of(sent.doc)[cue[-1].idx:])
        if name is None:
            return None
        person = ctx.roster.person(name.group(1))
        return (sent.start_char, resolve_owners(name.group(1), ctx.roster), False) if person or (
            len(name.group(1).split()) >= 2) else None
    if label == "TO_MEETING":
        return sent.start_char, [], False
    if label == "WILL_PASSIVE":
        return _future_passive(ctx, sent, cue)
    if label == "NEED_PASSIVE":
        return _need_passive(ctx, sent, cue)
    return None


def _need_passive(ctx: _Context, sent: TokenSpan, cue: TokenSpan) -> tuple[int, list[Owner], bool] | None:
    """"The issue is outstanding, and needs to be followed up", "a cost which
    needs to be explored", "This data needs to be submitted by 28th June": work
    the minutes say is wanted (not explicit), its owner the "by X" after it;
    not one that may be ("may need to be paid"), a member's view ("X stated
    the rule needs to be changed"), a condition or question ("if ... this will
    need to be agreed", "Who needs to be involved?"), what a noun before it is
    ("the process that needs to be followed"), a standing rule ("needs to be
    passed each year", "must be supported ... and needs to be agreed"), a
    record ("needs to be noted"), nor what the meeting agreed naming no one
    (its decision)."""
    text, sentence = text_of(sent.doc), span_text(sent)
    before = text[sent.start_char:cue.start_char]
    if HEDGED.search(before) or RELATIVE_THAT.search(before) or INDIRECT_QUESTION.search(before) \
            or SPOKEN_VIEW.match(before) or cue[-1].lower_ in RECORDED or RULE_WORDING.search(sentence) \
            or ROUTINE.search(sentence) or sentence.rstrip().endswith("?"):
        return None
    owners = _passive_agent(ctx, text, cue.end_char, sent.end_char)
    if not owners and AGREED_THAT_AT.search(before):
        return None  # "It was agreed [at the meeting] that the priorities need to be categorised": a decision
    return sent.start_char, owners, False


def _future_passive(ctx: _Context, sent: TokenSpan, cue: TokenSpan) -> tuple[int, list[Owner], bool] | None:
    """"A spreadsheet will be circulated by the Transparency Team", "Contacts
    would be forwarded to ...", "It will be confirmed at the next meeting": a task
    in the future passive (not explicit), its owner the "by X" after it; its
    subject a few words opening their clause, not a clause of its own ("the
    hall, which was closed, will be ...") nor a state ("is due to")."""
    text = text_of(sent.doc)
    before = text[sent.start_char:cue.start_char]
    clause = CLAUSE_START.match(before)
    start = sent.start_char + (clause.end() if clause else 0)
    words = [w.lower() for w in LEADING.sub("", text[start:cue.start_char]).split()]
    if not words or len(words) > PASSIVE_SUBJECT_WORDS or any(w in NOT_PASSIVE_TASK or w in NEGATIONS for w in words) \
            or INDIRECT_QUESTION.search(text, sent.start_char, cue.start_char) \
            or ROUTINE.match(text, cue.end_char, sent.end_char) \
            or RELATIVE_THAT.search(before, 0, start - sent.start_char):
        return None
    return start, _passive_agent(ctx, text, cue.end_char, sent.end_char), False
