"""People's names as UK minutes print them, normalised once for every extractor.

API (all pure functions):

- ``clean_name(text) -> (name, role)``: "Councillor T Skipper (Chair)" ->
  ("T Skipper", "Chair"); "Chief Supt Steven Glover" -> ("Steven Glover", None).
  Honorifics and ranks are dropped from the name; a bracketed role is returned.
- ``split_names(text) -> list[str]``: a run of names as written, "Councillors
  A Bell, C Dunn and E Fox" -> ["Councillor A Bell", "Councillor C Dunn",
  "Councillor E Fox"] (the plural title is carried to each; brackets are kept
  whole, so "A Bell (Chair), C Dunn" splits in two).
- ``looks_like_name(text) -> bool``: a short run of capitalised words or
  initials, not a post, organisation or sentence.
- ``name_key(name) -> tuple[str, ...]``: lower-case tokens without honorifics,
  the key two spellings of one person share; ``name_key_text`` joins them
  into the string the database stores.
- ``same_person(a, b) -> bool``: "S Blackwell" ~ "Simon Blackwell" ~ "Cllr S.
  Blackwell"; a bare surname never matches here (see ``resolve``).
- ``resolve(mention, people) -> Person | None``: the one attendee a mention
  names: a full or initialled name, a unique first name ("Sara"), a unique
  surname ("Councillor Skipper") or a role ("the Chair"); None when ambiguous.
"""
from __future__ import annotations

import re
from typing import Sequence

from minutes.extract.lexicon import (COMMON_TITLES, HONORIFICS, LEADING_ROLES, MEETING_ROLES, NAME_PARTICLES,
                                    PLURAL_TITLES, POST_NOMINALS, ROLE_PREFIXES, alternation)
from minutes.extract.records import Person

# Words around a name that are not part of it: titles and ranks before, letters after.
TITLE_WORDS = HONORIFICS | POST_NOMINALS
# Roles printed in brackets or after a comma; kept, never part of the name.
ROLE = re.compile(rf"^(?:{alternation(ROLE_PREFIXES)}[- ]?)?{alternation(MEETING_ROLES, ' ')}\b", re.I)
_LEADING = rf"(?:(?:vice|deputy)[- ]?)?{alternation(LEADING_ROLES)}"
# A post printed before a name: "Clerk J Connelly", "Vice-Chair Ann Hale".
LEADING_ROLE = re.compile(rf"^{_LEADING}\s+(?=[A-Z])", re.I)
# Where a name ends and the next begins without a comma: "P Moran Clerk J Connelly Mr L Page"
_NAME_RUN = re.compile(rf"\s+(?=(?i:{_LEADING}|{alternation(COMMON_TITLES)})\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z])")


def _bare(token: str) -> str:
    return token.lower().strip(".,;:")


def strip_honorifics(text: str) -> str:
    """Drop leading titles/ranks and trailing post-nominals from a name."""
    toks = text.split()
    while len(toks) > 1 and _bare(toks[0]) in TITLE_WORDS:
        toks.pop(0)
    while len(toks) > 1 and _bare(toks[-1]) in TITLE_WORDS - {"chief"}:
        toks.pop()
    return " ".join(toks).strip(" ,;")


# A bracket closing a text: "(Chair)", "(Ministry of Justice)".
TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")


def clean_name(text: str) -> tuple[str, str | None]:
    """Name without honorifics, and the role printed in brackets or before
    the name ("Clerk J Connelly" -> ("J Connelly", "Clerk")), if any."""
    role = None
    m = TRAILING_BRACKET.search(text)
    if m:
        inner = m.group(1).strip()
        if ROLE.match(inner):
            role = inner
            text = text[:m.start()]
    name = strip_honorifics(" ".join(text.split()).strip(" ,;:-–"))
    m = LEADING_ROLE.match(name)
    if m and looks_like_name(name[m.end():]):
        role = role or name[:m.end()].strip()
        name = strip_honorifics(name[m.end():])
    return name, role


# Initials ("J", "J.", "JP") and a capitalised name word ("McNally", "O'Brien", "Berners-Lee").
NAME_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")
NAME_WORD = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?")


def looks_like_name(text: str) -> bool:
    """A person's name (honorifics allowed): 1-5 tokens, each capitalised, an
    initial or a particle, and at least one real word."""
    name = strip_honorifics(text)
    toks = name.split()
    if not toks or len(toks) > 5 or len(name) > 45:
        return False
    words = 0
    for t in toks:
        if NAME_INITIALS.fullmatch(t):
            continue
        if t.lower() in NAME_PARTICLES:
            continue
        if not NAME_WORD.fullmatch(t):
            return False
        words += 1
    return words >= 1 and not ROLE.match(name)


# A plural title opening a list of names: "Councillors A Bell and C Dunn", "Messrs".
PLURAL_TITLE = re.compile(rf"({alternation(PLURAL_TITLES)})\s+", re.I)
# What parts a list of names, brackets kept as tokens so a part inside them is not cut.
_LIST_TOKEN = re.compile(r"(\(|\)|,|;|\s+and\s+|\s+&\s+)")
# "and" or "&" between two names
LIST_AND = re.compile(r"\s+(?:and|&)\s+")


def split_names(text: str) -> list[str]:
    """Split "A, B and C" (commas, "and", "&", semicolons) outside brackets,
    carrying a plural title ("Councillors") to every name."""
    text = " ".join(text.split()).strip(" .;:")
    title = None
    m = PLURAL_TITLE.match(text)
    if m:
        title = PLURAL_TITLES[m.group(1).lower()]
        text = text[m.end():]
    parts, depth, cur = [], 0, ""
    for tok in _LIST_TOKEN.split(text):
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(depth - 1, 0)
        if depth == 0 and (tok in (",", ";") or LIST_AND.fullmatch(tok or "")):
            parts.append(cur)
            cur = ""
        else:
            cur += tok or ""
    parts.append(cur)
    out: list[str] = []
    for p in (q for part in parts if part.strip() for q in _unrun(" ".join(part.split()))):
        # "Mrs T Dean, MBE, Mr M Dendor": a post-nominal printed after a comma stays with its name
        if out and all(_bare(t) in POST_NOMINALS for t in p.split()):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return [f"{title} {p}" for p in out] if title else out


def _unrun(part: str) -> list[str]:
    """Names a list printed without commas: "P Moran Clerk J Connelly" -> ["P Moran", "Clerk J Connelly"];
    a cut is made only after a whole name."""
    out: list[str] = []
    start = 0
    for m in _NAME_RUN.finditer(part):
        head = clean_name(part[start:m.start()])[0]
        if looks_like_name(head) and len(head.split()) >= 2:
            head = part[start:m.start()]
            out.append(head)
            start = m.end()
    return out + [part[start:]]


_KEY_TOKEN = re.compile(r"[a-z0-9]+")  # a lower-case word or number, the unit names are compared in


def name_key(name: str | None) -> tuple[str, ...]:
    return tuple(t for t in _KEY_TOKEN.findall((name or "").lower()) if t not in TITLE_WORDS)


def name_key_text(name: str) -> str:
    """``name_key`` as one string, the form the database keeps and looks
    people up by; a name that is all honorifics ("Dr") keys as itself."""
    return " ".join(name_key(name)) or name.casefold().strip()


def same_person(a: str | None, b: str | None) -> bool:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) < 2 or len(kb) < 2 or ka[-1] != kb[-1] or ka[0][0] != kb[0][0]:
        return False
    # two written-out first names must agree ("Chris" ~ "Christopher"; "Mick" and "Mags" Ratford are two people)
    a, b = ka[0], kb[0]
    return len(a) == 1 or len(b) == 1 or a.startswith(b) or b.startswith(a)


def resolve(mention: str, people: Sequence[Person]) -> Person | None:
    """The single person in ``people`` that ``mention`` names, else None."""
    words = [w for w in _KEY_TOKEN.findall(mention.lower()) if w != "the"]
    if not words:
        return None
    phrase = " ".join(words)
    by_role = [p for p in people if p.role and " ".join(_KEY_TOKEN.findall(p.role.lower())) == phrase]
    if len(by_role) == 1:
        return by_role[0]
    exact = [p for p in people if same_person(mention, p.name)]
    if len(exact) == 1:
        return exact[0]
    key = name_key(mention)
    if len(key) != 1:
        return None
    first = [p for p in people if name_key(p.name)[:1] == key and len(name_key(p.name)) > 1]
    last = [p for p in people if name_key(p.name)[-1:] == key and len(name_key(p.name)) > 1]
    for group in (first, last):
        if len(group) == 1:
            return group[0]
    return None
