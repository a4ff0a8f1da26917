"""What later minutes say about an earlier task: words for matching a report
to its action, and the progress a sentence reports.

- ``stems(text)``: the content words of a text, cut to a crude stem so
  "write" / "written", "circulate" / "circulated", "email" / "e-mailed" meet;
  words every minute uses ("meeting", "agreed", "will") are left out.
- ``progress(sentence)``: "done" ("DT has written to ...", "the gully had
  been cleared", "Completed"), "in_progress" ("is being arranged", "ongoing",
  "carried forward", "deferred to the next meeting"), "not_done" ("no word
  as yet", "has not been put in place", "still awaiting"), or None when the
  sentence reports no progress.
Pure functions, no spaCy: storage reads them at every relink.
"""
from __future__ import annotations

import re
from functools import lru_cache

from minutes.extract.action_log import log_status

# Past forms the suffix rules cannot undo.
IRREGULAR = {
    "written": "write", "wrote": "write", "sent": "send", "spoken": "speak", "spoke": "speak", "met": "meet",
    "held": "hold", "given": "give", "gave": "give", "made": "make", "done": "do", "did": "do", "taken": "take",
    "took": "take", "brought": "bring", "found": "find", "told": "tell", "sought": "seek", "bought": "buy",
    "begun": "begin", "began": "begin", "paid": "pay", "laid": "lay", "chosen": "choose", "chose": "choose",
    "drawn": "draw", "drew": "draw", "shown": "show", "known": "know", "built": "build", "kept": "keep",
    "left": "leave", "sold": "sell", "won": "win", "got": "get", "gotten": "get", "went": "go", "gone": "go",
    "emailed": "email", "e-mailed": "email", "e-mail": "email", "rang": "ring", "rung": "ring",
}
STOP = frozenset("""a an and the of to for on in at by with from into as is be been being will would should could
shall may might must can all each any this that these those their its our his her they we it are was were has have
had not per via also which who whom whose what when where there here then than so such very more most other some
about after before again further once only same own just now yet still being both few over under up down out off
next meeting meetings action actions item items agenda minute minutes asap possible soon agreed agree noted note
discussed discuss resolved resolve decided decide requested request asked ask suggested suggest
confirmed confirm mr mrs ms dr cllr councillor councillors member members board council committee
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "s")
_NOUN_AL = re.compile(r"(?<=[vsw])als?$")  # approval, proposal, renewal: the verb's stem


@lru_cache(maxsize=1 << 16)  # a body's papers repeat their words: evidence stems every block of them
def stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    w = IRREGULAR.get(w, w).replace("-", "")
    if len(w) > 6 and _NOUN_AL.search(w):
        w = _NOUN_AL.sub("", w)
    else:
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[:-len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
                break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # planned -> plann -> plan
    return w.removesuffix("e") if len(w) > 3 else w


# Verbs and fillers any task is written with: they say what is to be done, not what it is about, so
# they weigh little when a report is matched to its task.
COMMON = frozenset(stem(w) for w in """get make take look organise organize arrange carry require need provide ensure
contact write send inform check ascertain consider review prepare draft forward circulate attend invite obtain set put
give keep help work use find see come go know think include allow continue follow show hold bring meet call raise
update present speak visit approach chase pursue explore investigate liaise support produce complete finalise seek
place move change add remove enquire respond reply regarding whichever possible following further required necessary
relevant appropriate able any few every day date time way week month year regard matter issue thing point part
detail details information again already well more less many much future current recent new old good best first last
fine sure clear group team""".split())


@lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str:
    """``word``'s stem; "" for a word too short or too common to say what a text is about."""
    return stem(word) if len(word) >= 3 and word.lower() not in STOP else ""


def stems(text: str) -> set[str]:
    """The content words of ``text`` as stems (three letters or more, not
    stop words); a hyphenated word also as its parts ("Inter-library")."""
    words = _WORD.findall(text)
    words += [part for w in words if "-" in w for part in w.split("-")]
    out = {_content_stem(w) for w in words}
    out.discard("")
    return out


_NOT_DONE = re.compile(
    r"\b(?:(?:has|have|had|is|are|was|were)\s*n[o']t\b|not\s+(?:yet\s+|been\s+|now\s+)*(?:\w+ed|\w+en|done|sent|"
    r"held|made|set|paid|received|possible|available|happened|progressed)\b|no\s+(?:word|response|reply|update|"
    r"progress|news|further\s+(?:news|progress|update))\b|(?:is|are|was|were)\s+(?:still\s+)?waiting\b|"
    r"still\s+(?:awaiting|waiting|outstanding|to\s+be|"
    r"not)\b|outstanding\b|awaiting\b|awaited\b|yet\s+to\b|to\s+date\s+no\b|not\s+yet\b|nothing\s+(?:further|"
    r"yet|has\s+been)\b|(?:was|were|has\s+been|had\s+been)\s+unable\b|cancell?ed\b|re-?scheduled\b|postponed\b|"
    r"re-?arranged\s+for\b)", re.I)
_IN_PROGRESS = re.compile(
    r"\b(?:ongoing|on-going|in\s+progress|in\s+hand|under\s*way|progressing|continu(?:e|es|ing)|"
    r"(?:is|are|was|were)\s+(?:now\s+|still\s+|currently\s+)?(?:being\s+\w+|working|looking|helping|"
    r"investigating|arranging|organising|organizing|progressing|liaising|considering|preparing|"
    r"pursuing|chasing|seeking|following)\b|working\s+(?:on|with)\b|carried\s+forward|c/f|deferred|held\s+over|"
    r"rolled\s+forward|brought\s+forward\s+to|will\s+be\s+(?:\w+ed|\w+en)\b|(?:to\s+be|will\s+be)\s+"
    r"(?:discussed|considered|brought|reviewed|taken)\b|at\s+the\s+next\s+meeting|delayed|postponed|pending|"
    r"in\s+the\s+process\s+of|on\s+track)\b", re.I)
# Past tenses that report a discussion or a new decision, not a task carried out.
_SAYING = (r"resolved|agreed|decided|discussed|noted|suggested|proposed|requested|asked|considered|felt|thought|"
           r"raised|queried|questioned|mentioned|advised|stated|explained|expressed|recommended|welcomed|"
           r"thanked|invited|tabled|presented|reported|informed|hoped|expected|planned|intended|needed|required|"
           r"supported|recorded|minuted|seconded|moved|elected|appointed|co-opted")
_DONE = re.compile(
    r"\b(?:completed?|done|closed|finished|achieved|delivered|actioned|resolved\s+now|now\s+(?:in\s+place|up\s+and\s+"
    r"running|live|open|available|installed|complete)|in\s+place|up\s+and\s+running|"
    rf"(?:has|have|had)\s+(?:now\s+|also\s+|already\s+|duly\s+|since\s+|successfully\s+|recently\s+)?"
    rf"(?:been\s+(?:now\s+|duly\s+|successfully\s+)?)?(?!(?:{_SAYING})\b)[a-z]+(?:ed|en|wn|nt|lt|ld|ne|de|ot|ut|et)\b|"
    rf"(?:was|were)\s+(?:now\s+|duly\s+|successfully\s+)?(?!(?:{_SAYING})\b)(?!\w+ing\b)[a-z]+(?:ed|en|wn|nt|lt|ld|ut|et)\b|"
    r"(?<!to\s)(?<!be\s)(?<!will\s)(?<!would\s)(?<!being\s)(?:contacted|wrote|emailed|e-mailed|sent|circulated|arranged|booked|met|spoke|"
    r"visited|obtained|informed|installed|repaired|cleared|painted|ordered|paid|signed|submitted|published|"
    r"provided|forwarded|replied|responded|attended|organised|organized|purchased|bought|fixed|filled|removed|"
    r"finalised|finalized|launched|recruited|rang|telephoned|phoned|chased|updated|amended|uploaded|"
    r"distributed|delivered|collected|refurbished|replaced|trimmed|secured|drafted|spoken)\b)", re.I)


# Brought to this very meeting: the task of bringing it is done.
_HERE = re.compile(r"\b(?:discussed|presented|considered|tabled|reviewed|received|given|brought)\s+(?:today|"
                   r"at\s+this\s+meeting|to\s+this\s+meeting)\b", re.I)


def progress(sentence: str) -> str | None:
    """The progress ``sentence`` reports on a task: done, in_progress,
    not_done, or None. Not done outranks the rest ("has not been sent");
    otherwise the first of done and in progress in the sentence wins."""
    if _NOT_DONE.search(sentence):
        return "not_done"
    if _HERE.search(sentence):
        return "done"
    logged = log_status(sentence)
    if logged in ("carried_forward", "open"):
        return "in_progress"
    done, going = _DONE.search(sentence), _IN_PROGRESS.search(sentence)
    if done and (not going or done.start() <= going.start()):
        return "done"
    return "in_progress" if going else None


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)|\t|\n(?=\s*(?:[-–•*]|\(?(?:\d{1,2}|[a-z])[.)])\s)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` (a line break inside one is not an
    end; a tab, as between table cells, and a new list entry are)."""
    out, start = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 3:
            out.append((a, b))
        start = m.end() if m else len(text)
    return out
