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
from typing import TYPE_CHECKING, Any, Iterable, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.pipeline import SpanRuler
    from spacy.tokens import Doc

from minutes.extract.lexicon import (ABBREVIATIONS, AGREEMENT_VERBS, ASKED_VERBS, ASKING_VERBS, COLLECT_VERBS,
                                    FEEDBACK_WORDS, MODAL_VERBS, NOTING_WORDS, RECORD_WORDS, TO_MEETING_VERBS,
                                    SEND_VERBS, TASK_VERBS, VOLUNTEER_VERBS, alternation)

# Cue phrases, as token patterns; the extractors read doc.spans["cues"].
_TASK = {"LOWER": {"IN": sorted(TASK_VERBS)}}
CUE_PATTERNS: list[dict[str, Any]] = [
    # "Sara will provide", "David Parr would look into", "Partners would need to meet"
    {"label": "MODAL_TASK", "pattern": [{"LOWER": {"IN": list(MODAL_VERBS)}},
                                         {"LOWER": {"IN": ["now", "also", "then"]}, "OP": "?"},
                                         {"LOWER": "need", "OP": "?"}, {"LOWER": "to", "OP": "?"}, _TASK]},
    # "Lesley Sigston to contact", "information to be provided"
    {"label": "TO_TASK", "pattern": [{"LOWER": "to"}, _TASK]},
    {"label": "TO_TASK", "pattern": [{"LOWER": "to"}, {"LOWER": "be"}, {"LOWER": {"REGEX": "^[a-z-]+(ed|en|nt)$"}}]},
    # "Paul agreed to circulate", "Jo offered to arrange"
    {"label": "VOLUNTEER", "pattern": [{"LOWER": {"IN": list(VOLUNTEER_VERBS)}},
                                        {"LOWER": "to"}, _TASK]},
    # "partners were asked to consider", "Officers be requested to investigate"
    {"label": "ASKED", "pattern": [{"LOWER": {"IN": ["was", "were", "be", "is", "are"]}},
                                    {"LOWER": {"IN": list(ASKED_VERBS)}},
                                    {"LOWER": "to"}]},
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
    {"label": "AGREED", "pattern": [{"LOWER": {"IN": list(AGREEMENT_VERBS)}}]},
    {"label": "NOTED", "pattern": [{"LOWER": {"IN": list(NOTING_WORDS)}}]},
    {"label": "RECORD", "pattern": [{"LOWER": "as"}, {"LOWER": {"IN": ["a", "an", "the"]}},
                                     {"LOWER": {"IN": list(RECORD_WORDS)}, "OP": "+"},
                                     {"LOWER": "and", "OP": "?"},
                                     {"LOWER": {"IN": list(RECORD_WORDS)}, "OP": "?"},
                                     {"LOWER": "record"}]},
]


# Every CUE_PATTERN needs one of these words (or "to <task verb>", "to be ..."),
# so a block without any can skip the pipeline: most paragraphs are narrative
# with no cue, and tokenising them was most of the cost of finding actions.
_CUE_WORDS = (*MODAL_VERBS, *VOLUNTEER_VERBS, *ASKED_VERBS, *ASKING_VERBS, *COLLECT_VERBS, *SEND_VERBS,
              *AGREEMENT_VERBS, *NOTING_WORDS, "record")
_CUE_KEYS = re.compile(rf"\b{alternation(_CUE_WORDS)}\b|\bto\s+(?:be\s|{alternation(TASK_VERBS)})\b", re.I)


def may_have_cues(text: str) -> bool:
    """False only when no cue pattern can match ``text``."""
    return _CUE_KEYS.search(text) is not None


def minutes_sentencizer(doc: Doc) -> Doc:
    """Sentences end at . ! ? before a capital, digit or quote, but not after
    an abbreviation or an initial ("S. Blackwell")."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        start = False
        if prev.text in {".", "!", "?"} or (prev.text.endswith(".") and len(prev.text) > 2 and prev.text[:-1].isalpha()
                                            and prev.text[:-1].lower() not in ABBREVIATIONS):
            before = doc[i - 2].text.lower().rstrip(".") if prev.text == "." and i >= 2 else ""
            abbreviated = prev.text == "." and i >= 2 and (
                before in ABBREVIATIONS or (len(before) == 1 and before.isalpha()))
            first = tok.text[:1]
            start = not abbreviated and (first.isupper() or first.isdigit() or first in "\"'‘“(")
        tok.is_sent_start = start
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import spacy  # the deliberate lazy import (see the module docstring)
    spacy.Language.component("minutes_sentencizer", func=minutes_sentencizer)
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_sentencizer")
    ruler = cast("SpanRuler", nlp.add_pipe("span_ruler", name="cue_ruler", config={"spans_key": "cues"}))
    ruler.add_patterns(CUE_PATTERNS)
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
