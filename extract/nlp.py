"""The one spaCy pipeline every rule-based extractor shares: a blank English
tokenizer, a sentence splitter that knows minutes' abbreviations, and two
SpanRulers of cue phrases (of tasks: "will provide", "to contact"; of
decisions: "agreed", "noted"), each run on a Doc when its cues are first asked
for. No statistical model is needed; the pipeline is built once per process.

This is the one module that loads spaCy, and it does so on first use
(``get_nlp``), not on import: importing the extractors stays cheap, so the
query commands, which import the ingest code, start in a fraction of the
second spaCy takes (``python -X importtime -c 'import minutes.pipeline'``)."""
from __future__ import annotations

import bisect
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.pipeline import SpanRuler
    from thinc.types import Ints2d
    from spacy.tokens import Doc, Span

from minutes.extract.lexicon import (ABBREVIATIONS, AGREEMENT_VERBS, AGREEMENT_WORDS, ASKED_VERBS, ASKING_BASES,
                                    ASKING_VERBS, BEEN_ASKED_VERBS, FINAL_ABBREVIATIONS,
                                    COLLECT_VERBS, FEEDBACK_WORDS, FUNCTION_WORDS, GENRE_WORDS, MODAL_VERBS,
                                    NOTING_WORDS, OUTCOME_WORDS, RECORD_NOUNS, RECORD_WORDS, REPORT_KINDS,
                                    REPORT_NOUNS, REQUEST_VERBS, SEND_VERBS, STANCE_VERBS,
                                    CONCLUDING, DECISION_NOUNS, IN_AGREEMENT, OUGHT_VERBS, VOTING,
                                    SUGGESTING_VERBS, TASK_GERUNDS, TASK_PARTICIPLES, TASK_VERBS, TO_MEETING_VERBS,
                                    VOLUNTEER_TASKS, VOLUNTEER_VERBS, alternation)

# Cue phrases, as token patterns; the extractors read them with ``task_cues`` and ``decision_cues``.
_TASK = {"LOWER": {"IN": sorted(TASK_VERBS)}}
_MODAL_ADVERBS = ("now", "also", "then")  # "will now contact"
_MODAL_ADVERB = "(?:now|also|then|[a-z]+ly)"  # "will now contact", "will hopefully raise"
_MODAL_LEADS = ("need", "continue", "try")  # "would need to meet", "would continue to monitor"
_WILLING = ("happy", "pleased", "willing", "glad", "look", "try", "like")  # "would [be] happy to", "try and"
_BE_FORMS = ("was", "were", "be", "is", "are")  # "were asked to"
_IN_HAND_ADVERBS = ("currently", "now", "still", "also")  # "is currently drafting"
# Task verbs in the progressive present; not "taking" ("is taking the lead", "are taking ownership": a stance)
_IN_HAND_GERUNDS = sorted(TASK_GERUNDS - {"taking"})
_ASKED_ADVERB = "(?:[a-z]+ly|also|again|now)"  # "were politely asked to"
_PARTICIPLE = "[a-z-]+(?:ed|en|nt)"  # "to be provided", "to be taken", "to be sent"
_ARRANGED = ("arranged", "scheduled", "booked", "organised", "organized", "planned")
_SEND_FIRST = tuple(v.split("-")[0] for v in SEND_VERBS)  # the first token of each ("e" of "e-mailed")
# "requested that", "agreed to request that"
_THAT_VERBS = ("requested", "agreed", "asked", "decided", "resolved", "request", *SUGGESTING_VERBS)
CUE_PATTERNS: list[dict[str, Any]] = [
    # "Sara will provide", "David Parr would look into", "Partners would need to meet"
    {"label": "MODAL_TASK", "pattern": [{"LOWER": {"IN": list(MODAL_VERBS)}},
                                         {"LOWER": {"REGEX": f"^{_MODAL_ADVERB}$"}, "OP": "?"},
                                         {"LOWER": {"IN": list(_MODAL_LEADS)}, "OP": "?"}, {"LOWER": "to", "OP": "?"},
                                         _TASK]},
    # "he would be happy to talk", "would look to circulate", "would try and provide", "would like to get"
    {"label": "MODAL_TASK", "pattern": [{"LOWER": {"IN": list(MODAL_VERBS)}},
                                         {"LOWER": {"IN": list(_MODAL_ADVERBS)}, "OP": "?"},
                                         {"LOWER": "be", "OP": "?"}, {"LOWER": {"IN": list(_WILLING)}},
                                         {"LOWER": {"IN": ["to", "and"]}}, _TASK]},
    # "It was agreed the Clerk should write" (actions.py takes it only after such an agreement)
    {"label": "MODAL_TASK", "pattern": [{"LOWER": {"IN": list(OUGHT_VERBS)}},
                                         {"LOWER": {"REGEX": f"^{_MODAL_ADVERB}$"}, "OP": "?"}, _TASK]},
    # "CC will be arranging a meeting", "she will now be contacting the school"
    {"label": "MODAL_TASK", "pattern": [{"LOWER": {"IN": list(MODAL_VERBS)}},
                                         {"LOWER": {"IN": list(_MODAL_ADVERBS)}, "OP": "?"}, {"LOWER": "be"},
                                         {"LOWER": {"IN": sorted(TASK_GERUNDS)}}]},
    # "MG needs to ask", "Andy still has to speak", "Mel is going to follow up"
    {"label": "NEED_TASK", "pattern": [{"LOWER": {"IN": ["need", "needs", "has", "have", "going"]}},
                                         {"LOWER": "to"}, _TASK]},
    # "Lesley Sigston to contact", "information to be provided"
    # ("to re-circulate", "to e-mail": the tokens "e", "-", "mail")
    {"label": "TO_TASK", "pattern": [{"LOWER": "to"}, {"LOWER": {"IN": ["re", "e"]}, "OP": "?"},
                                     {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": sorted(TASK_VERBS | {"mail"})}}]},
    {"label": "TO_TASK", "pattern": [{"LOWER": "to"}, {"LOWER": "be"}, {"LOWER": {"REGEX": f"^{_PARTICIPLE}$"}}]},
    # "The issue needs to be followed up", "the reserves need to be addressed" (actions.py: only where the
    # sentence sets no other task)
    {"label": "NEED_PASSIVE", "pattern": [{"LOWER": {"IN": ["need", "needs"]}}, {"LOWER": "to"}, {"LOWER": "be"},
                                           {"LOWER": {"REGEX": f"^{_PARTICIPLE}$"}}]},
    # "A meeting with the architect has been arranged for 31st January" (actions.py wants the day after it)
    {"label": "ARRANGED", "pattern": [{"LOWER": {"IN": ["has", "have"]}}, {"LOWER": "been"},
                                       {"LOWER": {"IN": list(_ARRANGED)}}, {"LOWER": "for"}]},
    # "Paul agreed to circulate", "Jo offered to arrange"
    {"label": "VOLUNTEER", "pattern": [{"LOWER": {"IN": list(VOLUNTEER_VERBS)}},
                                        {"LOWER": "to"}, {"LOWER": {"IN": sorted(TASK_VERBS | VOLUNTEER_TASKS)}}]},
    # "partners were asked to consider", "Officers be requested to investigate", "Trustees were asked if they could"
    # ("Councillors are politely asked to send", "were also asked to")
    {"label": "ASKED", "pattern": [{"LOWER": {"IN": list(_BE_FORMS)}},
                                    {"LOWER": {"REGEX": f"^{_ASKED_ADVERB}$"}, "OP": "?"},
                                    {"LOWER": {"IN": list(ASKED_VERBS)}},
                                    {"LOWER": {"IN": ["to", "if", "whether"]}}]},
    # "The Clerk has been asked to contact": given a task ("has been invited to attend" reports an invitation)
    {"label": "ASKED", "pattern": [{"LOWER": "been"}, {"LOWER": {"REGEX": f"^{_ASKED_ADVERB}$"}, "OP": "?"},
                                    {"LOWER": {"IN": list(BEEN_ASKED_VERBS)}}, {"LOWER": "to"}]},
    # "It was requested that DT ask", "it was agreed that Mags & Karen should come" (actions.py reads the rest)
    # "It was suggested that Mr Wood obtain", "DO proposed that FHCL prepare": a task put forward
    {"label": "ASK_THAT", "pattern": [{"LOWER": {"IN": list(_THAT_VERBS)}}, {"LOWER": "that"}]},
    # "The group asked Paul to undertake", "requested the Police to advise", "requested Mr Armstrong, EDC to look"
    # (and "agreed to ask the Clerk to obtain", "Instruct the Chief Executive to write": actions.py wants the infinitive
    # or the imperative of ASKING_BASES)
    {"label": "ASK_OBJ", "pattern": [{"LOWER": {"IN": [*ASKING_VERBS, *ASKING_BASES]}},
                                      {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["to", "for", "that", "if", "whether"]}},
                                      {"TEXT": {"REGEX": r"^(?:[^\W\d_][\w'’-]*|,)$"}, "OP": "{0,5}"},
                                      {"LOWER": "to"}, _TASK]},
    # "Lesley requested comments on the plan", "asked for comments to be e-mailed"
    {"label": "COLLECT", "pattern": [{"LOWER": {"IN": list(COLLECT_VERBS)}},
                                      {"LOWER": "for", "OP": "?"}, {"LOWER": "any", "OP": "?"},
                                      {"LOWER": {"IN": list(FEEDBACK_WORDS)}}]},
    # "The Board requested an update on recruitment in March" (actions.py wants a time to come after it)
    {"label": "REPORT_ASKED", "pattern": [{"LOWER": {"IN": list(REQUEST_VERBS)}}, {"LOWER": "for", "OP": "?"},
                                           {"LOWER": {"IN": ["a", "an", "the", "further"]}, "OP": "?"},
                                           {"LOWER": {"IN": list(REPORT_KINDS)}, "OP": "?"},
                                           {"LOWER": {"IN": list(REPORT_NOUNS)}}]},
    # "should be sent to Mark Riley" ("e-mailed" is three tokens: "e", "-", "mailed")
    {"label": "SEND_TO", "pattern": [{"LOWER": {"IN": list(_SEND_FIRST)}},
                                      {"ORTH": "-", "OP": "?"}, {"LOWER": "mailed", "OP": "?"},
                                      {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["to"]}, "OP": "{0,4}"},
                                      {"LOWER": "to"}, {"ORTH": ":", "OP": "?"},
                                      {"IS_TITLE": True}]},
    # "A spreadsheet will be circulated by the Team", "Contacts would be forwarded to ...": a task in the passive
    {"label": "WILL_PASSIVE", "pattern": [{"LOWER": {"IN": ["will", "would"]}},  # "shall be": a rule's wording
                                           {"LOWER": {"IN": list(_MODAL_ADVERBS)}, "OP": "?"}, {"LOWER": "be"},
                                           {"LOWER": {"IN": sorted(TASK_PARTICIPLES)}}]},
    # Work in hand: "Karen is obtaining a sample", "The Chair is currently meeting with ..." (actions.py wants
    # who as the subject), "A statement is being prepared" (as WILL_PASSIVE)
    {"label": "IN_HAND", "pattern": [{"LOWER": {"IN": ["is", "are"]}},
                                      {"LOWER": {"IN": list(_IN_HAND_ADVERBS)}, "OP": "?"},
                                      {"LOWER": {"IN": _IN_HAND_GERUNDS}}]},
    {"label": "WILL_PASSIVE", "pattern": [{"LOWER": {"IN": ["is", "are"]}},
                                           {"LOWER": {"IN": list(_IN_HAND_ADVERBS)}, "OP": "?"}, {"LOWER": "being"},
                                           {"LOWER": {"IN": sorted(TASK_PARTICIPLES)}}]},
    # "will be brought to the next meeting", "would be reported to the March meeting", and what was asked
    # or agreed to come ("asked that a review be presented to the Quality Committee in July"); not "not be"
    {"label": "TO_MEETING", "pattern": [{"LOWER": {"NOT_IN": ["not", "never", "n't"]}}, {"LOWER": "be"},
                                         {"LOWER": {"IN": list(TO_MEETING_VERBS)}},
                                         {"LOWER": "back", "OP": "?"}, {"LOWER": {"IN": ["to", "at"]}}]},
    # decisions
    # "agreed", "Consensus", and a vote's or election's outcome: "The motion was carried", "duly elected"
    # (one pattern, as each pattern costs a pass of the matcher; decisions.py tells outcomes by their word)
    {"label": "AGREED", "pattern": [{"LOWER": {"IN": [*AGREEMENT_VERBS, *AGREEMENT_WORDS, *OUTCOME_WORDS,
                                                       *STANCE_VERBS, *CONCLUDING, *VOTING,
                                                       *IN_AGREEMENT, *DECISION_NOUNS]}}]},
    # "The Board signed off the action plan": the meeting's approval (decisions.py wants the body as its subject)
    {"label": "AGREED", "pattern": [{"LOWER": "signed"}, {"LOWER": "off"}]},
    {"label": "NOTED", "pattern": [{"LOWER": {"IN": list(NOTING_WORDS)}}]},
    {"label": "RECORD", "pattern": [{"LOWER": "as"}, {"LOWER": {"IN": ["a", "an", "the"]}},
                                     {"LOWER": {"IN": list(RECORD_WORDS)}, "OP": "+"},
                                     {"LOWER": "and", "OP": "?"},
                                     {"LOWER": {"IN": list(RECORD_WORDS)}, "OP": "?"},
                                     {"LOWER": {"IN": list(RECORD_NOUNS)}}]},
]


# The cue labels that mark a decision ("agreed", "carried", "noted", "as a true record"), not a task.
DECISION_CUES = frozenset({"AGREED", "NOTED", "RECORD"})


# Every task cue pattern (none of DECISION_CUES) can match only where one of these regexes does, so a
# block where none does can skip the pipeline in the search for tasks: most paragraphs are narrative
# with no cue, and tokenising them was most of the cost of finding actions. (Decisions look for their
# own words: ``decisions.DECISION_HINT``.) Each regex matches wherever its patterns can in the
# lower-cased text (only spaces between words, as ``_spaced`` lets only space tokens come between the
# tokens); the verbs alone opened many blocks for nothing ("the report was submitted", "Ann advised").
# MODAL_TASK, and TO_MEETING and WILL_PASSIVE after a modal verb: "will [now] [need|continue] [to] <task verb>",
# "would [also] [be] happy to <task verb>", "would [also] be <reported>", "will [now] be <arranging>"
_MODAL_CUE = (rf"{alternation(MODAL_VERBS)}\s*(?:(?:{_MODAL_ADVERB}\s*)?"
              rf"(?:{alternation(_MODAL_LEADS)}\s*)?(?:to\s*)?{alternation(TASK_VERBS)}"
              rf"|(?:{alternation(_MODAL_ADVERBS)}\s*)?(?:be\s*)?{alternation(_WILLING)}\s*(?:to|and)\s*"
              rf"{alternation(TASK_VERBS)}"
              rf"|(?:{alternation(_MODAL_ADVERBS)}\s*)?be\s*"
              rf"{alternation({*TO_MEETING_VERBS, *TASK_PARTICIPLES, *TASK_GERUNDS})})")
_OUGHT_CUE = rf"{alternation(OUGHT_VERBS)}\s*(?:{_MODAL_ADVERB}\s*)?{alternation(TASK_VERBS)}"  # "should [now] write"
# ASKED: "were [also] asked to", "be requested to", "was asked if"
_ASKED_CUE = (rf"{alternation(_BE_FORMS)}\s*(?:{_ASKED_ADVERB}\s*)?{alternation(ASKED_VERBS)}\s*(?:to|if|whether)"
              rf"|been\s*(?:{_ASKED_ADVERB}\s*)?{alternation(BEEN_ASKED_VERBS)}\s*to")
# IN_HAND, and WILL_PASSIVE in the present: "is [currently] <arranging>", "are [now] being <circulated>"
_IN_HAND_CUE = (rf"\b(?:is|are)\s*(?:{alternation(_IN_HAND_ADVERBS)}\s*)?"
                rf"(?:{alternation(_IN_HAND_GERUNDS)}|being\s*{alternation(TASK_PARTICIPLES)})\b")
# COLLECT: "requested [for] [any] comments"
_COLLECT_CUE = rf"{alternation(COLLECT_VERBS)}\s*(?:for\s*)?(?:any\s*)?{alternation(FEEDBACK_WORDS)}"
# REPORT_ASKED: "requested [for] [a] [further] update"
_REPORT_CUE = (rf"{alternation(REQUEST_VERBS)}\s*(?:for\s*)?(?:(?:a|an|the|further)\s*)?"
               rf"(?:{alternation(REPORT_KINDS)}\s*)?{alternation(REPORT_NOUNS)}")
_ARRANGED_CUE = rf"\b(?:has|have)\s*been\s*{alternation(_ARRANGED)}\s*for\b"  # ARRANGED
_PHRASE_CUE_WORDS = (*MODAL_VERBS, *OUGHT_VERBS, *_THAT_VERBS, *ASKED_VERBS, *COLLECT_VERBS, *REQUEST_VERBS, "been")
_PHRASE_CUE = re.compile("|".join((_MODAL_CUE, _OUGHT_CUE, rf"{alternation(_THAT_VERBS)}\s*that", _ASKED_CUE,
                                   _COLLECT_CUE, _REPORT_CUE, _ARRANGED_CUE)))
_IN_HAND = re.compile(_IN_HAND_CUE)
# The patterns with a "to": TO_TASK ("to [re-] <task verb>", "to be <participle>"), TO_MEETING after
# it ("to be brought"), VOLUNTEER, ASK_OBJ and SEND_TO ("sent [a few words] to [:] <Name>": letters,
# spaces and hyphens only up to the "to"; tried last, as the word "e" of "e-mailed" gives no
# substring to look for first).
_TO_NEXT = re.compile(r"\bto[\s-]+([a-z-]+)")  # "to contact", "to re-send", "to-place", "to e-mail"
_TO_WORDS = frozenset(TASK_VERBS | VOLUNTEER_TASKS | {"mail"})  # VOLUNTEER: "offered to assist"
_TO_BE = re.compile(rf"to\s*be\s*(?:{_PARTICIPLE}(?![a-z])|{alternation(TO_MEETING_VERBS)})")
_SEND_CUE = re.compile(rf"\b{alternation(_SEND_FIRST)}\b(?:[^\W\d_]|[\s-])*?to(?:\s+|\s*:\s*)\w")


def may_set_task(text: str) -> bool:
    """False only when no task cue pattern (none of ``DECISION_CUES``) can match
    ``text``. Substring tests come first: a scan for many words at once is slow in
    ``re``, and most paragraphs hold none."""
    low = text.lower()
    if any(word in low for word in _PHRASE_CUE_WORDS) and _PHRASE_CUE.search(low):
        return True
    if "ing" in low and _IN_HAND.search(low):
        return True
    return "to" in low and (any(word in _TO_WORDS or word.removeprefix("re-").removeprefix("e-") in _TO_WORDS
                                for word in _TO_NEXT.findall(low))
                            or _TO_BE.search(low) is not None or _SEND_CUE.search(low) is not None)


# Where a sentence may end: a stop, or a line break (before a bullet or a paragraph's number).
SENTENCE_MARK = re.compile(r"[.!?]|\n")
# A sentence a clerk left without its stop after a bracket: "... (approx £130) [It was] also suggested".
MISSING_STOP = r"(?<=\))[ \t]+(?=It\s+(?:was|is|has|had|will)\b)"  # also where funding.sentences split
UNSTOPPED = re.compile(MISSING_STOP)
# A paragraph's number at a line's start ("4.3", "10.1").
PARAGRAPH_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})+")
# Marks that open a bulleted line in text a parser left in one block.
BULLETS = frozenset({"o", "•", "-", "–", "*", "▪", "■", "●", "○", "◦"})


def _abbreviation(word: str, first: str) -> bool:
    """A stop after ``word`` does not end the sentence when the next word starts
    with ``first``: "Cllr." before a name; but "Jan." before a capital does."""
    return word in ABBREVIATIONS and not (word in FINAL_ABBREVIATIONS and first.isupper())


def minutes_sentencizer(doc: Doc) -> Doc:
    """Sentences end at . ! ? before a capital, digit or quote (a line break
    between them or not), but not after an abbreviation or an initial ("S.
    Blackwell"); a bullet at a line's start ("o Mags gave an update") opens one,
    and so does "It was" after a bracket (a stop left out).
    Only the tokens after a stop or a line break are looked at, found in the
    text (making a Token object of every token was most of the time spent here)."""
    import numpy
    text = text_of(doc)
    rows = doc.to_array(["IDX", "LENGTH", "IS_SPACE"]).tolist()
    if not rows:
        return doc
    starts = [-1] * len(rows)
    starts[0] = 1
    offsets = [r[0] for r in rows]
    words = [i for i, r in enumerate(rows) if not r[2]]  # token indices of words, in order
    place = {t: n for n, t in enumerate(words)}  # token index -> its position among the words

    def word(n: int) -> str:
        idx, length, _ = rows[words[n]]
        return text[idx:idx + length]

    for m in SENTENCE_MARK.finditer(text):
        t = bisect.bisect_right(offsets, m.start()) - 1  # the token holding the mark
        if m.group(0) == "\n":  # a line break: a bullet or a paragraph number after it opens a sentence
            n = bisect.bisect_right(words, t)  # the first word after it
            if 0 < n < len(words) and (word(n) in BULLETS or PARAGRAPH_NUMBER.fullmatch(word(n))):
                starts[words[n]] = 1
            continue
        at = place.get(t)
        if at is None or at + 1 >= len(words):
            continue
        n = at
        nxt = words[n + 1]
        last = word(n)
        first = word(n + 1)[:1]
        if not (last in {".", "!", "?"} or (last.endswith(".") and len(last) > 2 and last[:-1].isalpha()
                                            and not _abbreviation(last[:-1].lower(), first))):
            continue
        if rows[t][0] + rows[t][1] != m.end():
            continue  # the mark is inside its token ("U.K.", "1.5"), not at its end
        ante = word(n - 1).lower().rstrip(".") if last == "." and n else ""
        if last == "." and n and (_abbreviation(ante, first) or (len(ante) == 1 and ante.isalpha())):
            continue
        if first.isupper() or first.isdigit() or first in "\"'‘“(":
            starts[nxt] = 1
    for m in UNSTOPPED.finditer(text):
        t = bisect.bisect_right(offsets, m.end()) - 1
        if offsets[t] == m.end():
            starts[t] = 1
    doc.from_array(["SENT_START"], cast("Ints2d", numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1)))
    return doc


def _spaced(pattern: list[dict]) -> list[dict]:
    """A cue pattern that also matches across a line break ("The Clerk to\ncontact")."""
    out: list[dict] = []
    for token in pattern:
        if out:
            out.append({"IS_SPACE": True, "OP": "*"})
        out.append(token)
    return out


def _ruler_patterns(nlp: Language, cue: dict[str, Any]) -> list[dict[str, Any]]:
    """A cue pattern as the SpanRuler takes it. A pattern of one word from a list
    becomes a phrase pattern a word (each word the tokenizer keeps whole), which
    the ruler's PhraseMatcher finds by one lookup a token: its Matcher tries every
    token pattern at every token, with a Python call for each word list."""
    pattern = cue["pattern"]
    if len(pattern) > 1 or list(pattern[0]) != ["LOWER"] or list(pattern[0]["LOWER"]) != ["IN"]:
        return [{**cue, "pattern": _spaced(pattern)}]
    whole = [w for w in pattern[0]["LOWER"]["IN"] if len(nlp.make_doc(w)) == 1]
    rest = [w for w in pattern[0]["LOWER"]["IN"] if w not in whole]
    return [{"label": cue["label"], "pattern": w} for w in whole] + \
        ([{**cue, "pattern": [{"LOWER": {"IN": rest}}]}] if rest else [])


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content, in lower case (not "the", "was", "to")."""
    return [w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS]


_WORD = re.compile(r"[a-z0-9£][\w'’£-]*")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import spacy  # the deliberate lazy import (see the module docstring)
    spacy.Language.component("minutes_sentencizer", func=minutes_sentencizer)
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_sentencizer")
    # Two cue rulers, kept out of the pipeline and run on a Doc when its cues are asked for
    # (``task_cues``, ``decision_cues``): actions read only the task cues, decisions only theirs,
    # and many blocks are read for one kind or for their sentences alone.
    for name, decision in (("task_cues", False), ("decision_cues", True)):
        ruler = cast("SpanRuler", nlp.add_pipe("span_ruler", name=name,
                                               config={"spans_key": name, "phrase_matcher_attr": "LOWER"}))
        ruler.add_patterns([rule for p in CUE_PATTERNS if (p["label"] in DECISION_CUES) == decision
                            for rule in _ruler_patterns(nlp, p)])
        nlp.disable_pipe(name)
    # Learnt now, outside any memory zone, spaCy keeps these words (the genre's, and English stop
    # words) and its tokenisation of them for good; inside a file's zone (``extract_file``) it caches
    # no tokenisation and makes each word it meets anew, which was a third of the cost of tokenising.
    for word in sorted(GENRE_WORDS | nlp.Defaults.stop_words):
        nlp.make_doc(word)
        nlp.make_doc(word.capitalize())
    return nlp


# A paper's own words are made anew in its memory zone and forgotten after it (``extract_file``),
# which is most of what tokenising costs; the words a worker meets in two papers (a body's
# members, places and business recur from meeting to meeting) are learnt for good instead, up
# to a bound, as the genre's words are at load. Learnt or not, a word is tokenised alike.
LEARNT_WORDS = 30_000  # words learnt for good at most (~0.4 KB each with their tokenisation)
MET_ONCE = 100_000  # words met in one paper remembered at most (then forgotten, to start again)
_met: list[str] | None = None  # the texts analysed for the paper in hand, while one is read
_once: dict[str, str] = {}  # a word met in one paper -> that paper (its sha256)
_learnt: set[str] = set()


@contextmanager
def reading() -> Iterator[list[str]]:
    """Within: the texts ``analyse`` reads are collected in the list given (for ``learn``)."""
    global _met
    met: list[str] = []
    _met = met
    try:
        yield met
    finally:
        _met = None


def learn(texts: list[str], paper: str) -> None:
    """Learn for good the words of ``texts`` (what paper ``paper`` was read for) met in another
    paper before. Called outside any memory zone: inside one, spaCy would forget them too."""
    if len(_once) > MET_ONCE:
        _once.clear()
    nlp = get_nlp()
    for word in {w for text in texts for w in text.split()}:
        if word in _learnt or len(_learnt) >= LEARNT_WORDS:
            continue
        first = _once.setdefault(word, paper)
        if first != paper:
            nlp.make_doc(word)
            _learnt.add(word)
            del _once[word]


@lru_cache(maxsize=4096)
def analyse(text: str) -> Doc:
    """The pipeline's Doc for one block's text; cached because actions and
    decisions read the same blocks."""
    if _met is not None:
        _met.append(text)
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def span_text(span: Span) -> str:
    """``span.text``, cut from the text ``analyse`` read (spaCy joins it from the tokens)."""
    return text_of(span.doc)[span.start_char:span.end_char]


def text_of(doc: Doc) -> str:
    """The text ``analyse`` read: spaCy joins ``doc.text`` anew from the tokens on every access."""
    return doc.user_data.get("text") or doc.text


def sentences_of(doc: Doc) -> list[Span]:
    """The Doc's sentences, made once: spaCy builds them anew on every ``doc.sents``."""
    if "sents" not in doc.user_data:
        doc.user_data["sents"] = list(doc.sents)
    return doc.user_data["sents"]


def task_cues(doc: Doc) -> list[Span]:
    """The Doc's task cue spans (``CUE_PATTERNS`` but ``DECISION_CUES``), found once."""
    return _cues(doc, "task_cues")


def decision_cues(doc: Doc) -> list[Span]:
    """The Doc's decision cue spans (``DECISION_CUES``), found once."""
    return _cues(doc, "decision_cues")


def _cues(doc: Doc, ruler: str) -> list[Span]:
    if ruler not in doc.user_data:
        get_nlp().get_pipe(ruler)(doc)
        doc.user_data[ruler] = list(doc.spans[ruler])
    return doc.user_data[ruler]


def phrase_matcher(label: str, phrases: Iterable[str]) -> PhraseMatcher:
    """A matcher of the token sequences ``phrases`` (exact text), under ``label``."""
    from spacy.matcher import PhraseMatcher  # loaded with the pipeline, as above
    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add(label, [nlp.make_doc(p) for p in phrases])
    return matcher
