"""The one spaCy pipeline every rule-based extractor shares: a blank English
tokenizer, a sentence splitter that knows minutes' abbreviations, and a
SpanRuler of cue phrases (task verbs, "agreed", "noted", ...). No statistical
model is needed; the pipeline is built once per process.

This is the one module that loads spaCy, and it does so on first use
(``get_nlp``), not on import: importing the extractors stays cheap, so the
query commands, which import the ingest code, start in a fraction of the
second spaCy takes (``python -X importtime -c 'import minutes.pipeline'``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

from minutes.extract.lexicon import (ABBREVIATIONS, AGREEMENT_VERBS, AGREEMENT_WORDS, ASKED_VERBS, ASKING_VERBS,
                                    COLLECT_VERBS, FEEDBACK_WORDS, FUNCTION_WORDS, MODAL_VERBS, NOTING_WORDS, OUTCOME_WORDS,
                                    RECORD_NOUNS, RECORD_WORDS, SEND_VERBS, TASK_VERBS, TO_MEETING_VERBS,
                                    VOLUNTEER_VERBS, alternation)

# Cue phrases, as token patterns; the extractors read doc.spans["cues"].
_TASK = {"LOWER": {"IN": sorted(TASK_VERBS)}}
CUE_PATTERNS = [
    # "Sara will provide", "David Parr would look into", "Partners would need to meet"
    {"label": "MODAL_TASK", "pattern": [{"LOWER": {"IN": list(MODAL_VERBS)}},
                                         {"LOWER": {"IN": ["now", "also", "then"]}, "OP": "?"},
                                         {"LOWER": "need", "OP": "?"}, {"LOWER": "to", "OP": "?"}, _TASK]},
    # "Lesley Sigston to contact", "information to be provided"
    {"label": "TO_TASK", "pattern": [{"LOWER": "to"}, {"LOWER": "re", "OP": "?"}, {"ORTH": "-", "OP": "?"}, _TASK]},
    {"label": "TO_TASK", "pattern": [{"LOWER": "to"}, {"LOWER": "be"}, {"LOWER": {"REGEX": "^[a-z-]+(ed|en|nt)$"}}]},
    # "Paul agreed to circulate", "Jo offered to arrange"
    {"label": "VOLUNTEER", "pattern": [{"LOWER": {"IN": list(VOLUNTEER_VERBS)}},
                                        {"LOWER": "to"}, _TASK]},
    # "partners were asked to consider", "Officers be requested to investigate", "Trustees were asked if they could"
    {"label": "ASKED", "pattern": [{"LOWER": {"IN": ["was", "were", "be", "is", "are"]}},
                                    {"LOWER": {"IN": list(ASKED_VERBS)}},
                                    {"LOWER": {"IN": ["to", "if", "whether"]}}]},
    # "It was requested that DT ask", "it was agreed that Mags & Karen should come" (actions.py reads the rest)
    {"label": "ASK_THAT", "pattern": [{"LOWER": {"IN": ["requested", "agreed", "asked", "decided", "resolved"]}},
                                       {"LOWER": "that"}]},
    # "The group asked Paul to undertake", "requested the Police to advise"
    {"label": "ASK_OBJ", "pattern": [{"LOWER": {"IN": list(ASKING_VERBS)}},
                                      {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["to", "for", "that", "if", "whether"]}},
                                      {"IS_ALPHA": True, "OP": "{0,5}"}, {"LOWER": "to"}, _TASK]},
    # "Lesley requested comments on the plan", "asked for comments to be e-mailed"
    {"label": "COLLECT", "pattern": [{"LOWER": {"IN": list(COLLECT_VERBS)}},
                                      {"LOWER": "for", "OP": "?"}, {"LOWER": "any", "OP": "?"},
                                      {"LOWER": {"IN": list(FEEDBACK_WORDS)}}]},
    # "should be sent to Mark Riley" ("e-mailed" is three tokens: "e", "-", "mailed")
    {"label": "SEND_TO", "pattern": [{"LOWER": {"IN": [v.split("-")[0] for v in SEND_VERBS]}},
                                      {"ORTH": "-", "OP": "?"}, {"LOWER": "mailed", "OP": "?"},
                                      {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["to"]}, "OP": "{0,4}"},
                                      {"LOWER": "to"}, {"ORTH": ":", "OP": "?"},
                                      {"IS_TITLE": True}]},
    # "will be brought to the next meeting", "would be reported to the March meeting"
    {"label": "TO_MEETING", "pattern": [{"LOWER": {"IN": [*MODAL_VERBS, "to"]}}, {"LOWER": "be"},
                                         {"LOWER": {"IN": list(TO_MEETING_VERBS)}},
                                         {"LOWER": "back", "OP": "?"}, {"LOWER": {"IN": ["to", "at"]}}]},
    # decisions
    {"label": "AGREED", "pattern": [{"LOWER": {"IN": [*AGREEMENT_VERBS, *AGREEMENT_WORDS]}}]},
    # "The motion was carried", "duly elected" (decisions.py reads the words around them)
    {"label": "OUTCOME", "pattern": [{"LOWER": {"IN": list(OUTCOME_WORDS)}}]},
    {"label": "NOTED", "pattern": [{"LOWER": {"IN": list(NOTING_WORDS)}}]},
    {"label": "RECORD", "pattern": [{"LOWER": "as"}, {"LOWER": {"IN": ["a", "an", "the"]}},
                                     {"LOWER": {"IN": list(RECORD_WORDS)}, "OP": "+"},
                                     {"LOWER": "and", "OP": "?"},
                                     {"LOWER": {"IN": list(RECORD_WORDS)}, "OP": "?"},
                                     {"LOWER": {"IN": list(RECORD_NOUNS)}}]},
]


# The cue labels that mark a decision ("agreed", "noted", "as a true record", "carried"), not a task.
DECISION_CUES = frozenset({"AGREED", "NOTED", "RECORD", "OUTCOME"})


# Every CUE_PATTERN needs one of these words (or "to <task verb>", "to be ..."),
# so a block without any can skip the pipeline: most paragraphs are narrative
# with no cue, and tokenising them was most of the cost of finding actions.
_CUE_WORDS = (*MODAL_VERBS, *VOLUNTEER_VERBS, *ASKED_VERBS, *ASKING_VERBS, *COLLECT_VERBS, *SEND_VERBS,
              *AGREEMENT_VERBS, *AGREEMENT_WORDS, *OUTCOME_WORDS, *NOTING_WORDS, *RECORD_NOUNS)
_CUE_KEYS = re.compile(rf"\b{alternation(_CUE_WORDS)}\b|\bto\s+(?:be\s|{alternation(TASK_VERBS)})\b", re.I)


def may_have_cues(text: str) -> bool:
    """False only when no cue pattern can match ``text``."""
    return _CUE_KEYS.search(text) is not None


# A paragraph's number at a line's start ("4.3", "10.1").
PARAGRAPH_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})+")
# Marks that open a bulleted line in text a parser left in one block.
BULLETS = frozenset({"o", "•", "-", "–", "*", "▪", "■", "●", "○", "◦"})


def minutes_sentencizer(doc: Doc) -> Doc:
    """Sentences end at . ! ? before a capital, digit or quote (a line break
    between them or not), but not after an abbreviation or an initial ("S.
    Blackwell"); a bullet at a line's start ("o Mags gave an update") opens one."""
    words = [i for i, tok in enumerate(doc) if not tok.is_space]
    for tok in doc:
        tok.is_sent_start = False
    for n, i in enumerate(words):
        tok = doc[i]
        if n == 0:
            tok.is_sent_start = True
            continue
        prev = doc[words[n - 1]]
        start = False
        if prev.text in {".", "!", "?"} or (prev.text.endswith(".") and len(prev.text) > 2 and prev.text[:-1].isalpha()
                                            and prev.text[:-1].lower() not in ABBREVIATIONS):
            before = doc[words[n - 2]].text.lower().rstrip(".") if prev.text == "." and n >= 2 else ""
            abbreviated = prev.text == "." and n >= 2 and (
                before in ABBREVIATIONS or (len(before) == 1 and before.isalpha()))
            first = tok.text[:1]
            start = not abbreviated and (first.isupper() or first.isdigit() or first in "\"'‘“(")
        if not start and "\n" in doc.text[prev.idx:tok.idx] and (tok.text in BULLETS or PARAGRAPH_NUMBER.fullmatch(tok.text)):
            start = True  # a bulleted line, or a numbered paragraph ("4.3 DT was asked ...")
        tok.is_sent_start = start
    return doc


def _spaced(pattern: list[dict]) -> list[dict]:
    """A cue pattern that also matches across a line break ("The Clerk to\ncontact")."""
    out: list[dict] = []
    for token in pattern:
        if out:
            out.append({"IS_SPACE": True, "OP": "*"})
        out.append(token)
    return out


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
    ruler = nlp.add_pipe("span_ruler", name="cue_ruler", config={"spans_key": "cues"})
    ruler.add_patterns([{**p, "pattern": _spaced(p["pattern"])} for p in CUE_PATTERNS])
    return nlp


@lru_cache(maxsize=4096)
def analyse(text: str) -> Doc:
    """The pipeline's Doc for one block's text; cached because actions and
    decisions read the same blocks."""
    return get_nlp()(text)


def phrase_matcher(label: str, phrases: Iterable[str]) -> PhraseMatcher:
    """A matcher of the token sequences ``phrases`` (exact text), under ``label``."""
    from spacy.matcher import PhraseMatcher  # loaded with the pipeline, as above
    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add(label, [nlp.make_doc(p) for p in phrases])
    return matcher
