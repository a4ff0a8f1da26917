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

from minutes.extract.lexicon import (COMMON_TITLES, COUNCIL_LEVELS, HONORIFICS, LEADING_ROLES, MEETING_ROLES,
                                    NAME_PARTICLES, PLURAL_TITLES, POST_NOMINALS, POSTS, ROLE_PREFIXES, alternation)
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


def _leading_title(toks: list[str]) -> bool:
    """Whether the first of two or more tokens is a title before the name. "Chief" is a rank only
    before another ("Chief Supt"): "Chief Executive", "Chief Nurse" are posts."""
    first, second = _bare(toks[0]), _bare(toks[1])
    if first in TITLE_WORDS:
        return first != "chief" or second in TITLE_WORDS
    return len(toks) > 2 and first in COUNCIL_LEVELS and second in TITLE_WORDS  # "District Councillor Haysey"


def strip_honorifics(text: str) -> str:
    """Drop leading titles/ranks and trailing post-nominals from a name."""
    toks = text.split()
    while len(toks) > 1 and _leading_title(toks):
        toks.pop(0)
    while len(toks) > 1 and _bare(toks[-1]) in TITLE_WORDS - {"chief"}:
        toks.pop()
    return " ".join(toks).strip(" ,;")


# A bracket closing a text: "(Chair)", "(Ministry of Justice)".
TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
# When someone attended, after their post in one bracket: "(Deputy Headteacher, for item 5)".
ITEM_NOTE = re.compile(r"[,;]?\s*\b(?:for|from|until|during|after|before|at)\s+(?:part\s+of\s+)?(?:agenda\s+)?"
                       r"items?\s+[\w.,&/\s-]*$", re.I)


def clean_name(text: str) -> tuple[str, str | None]:
    """Name without honorifics, and the role printed in brackets or before
    the name ("Clerk J Connelly" -> ("J Connelly", "Clerk")), if any."""
    role = None
    m = TRAILING_BRACKET.search(text)
    if m:
        inner = m.group(1).strip()
        if ROLE.match(inner):
            role = ITEM_NOTE.sub("", inner)
            text = text[:m.start()]
    name = strip_honorifics(" ".join(text.split()).strip(" ,;:-–"))
    m = LEADING_ROLE.match(name)
    if m and looks_like_name(name[m.end():]):
        role = role or name[:m.end()].strip()
        name = strip_honorifics(name[m.end():])
    return name, role


# Initials ("J", "J.", "JP") and a capitalised name word ("McNally", "O'Brien", "Berners-Lee").
NAME_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")
# ... and one capital inside ("DeLuca", "FitzGerald"), or a particle run into it ("deHaan").
NAME_WORD = re.compile(r"(?:Mc|Mac|O['’]|de|da|di|du|le|la|van|von)?[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?"
                       r"(?:-[A-Z][a-zà-ÿ'’]+)?")


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


# A hyphen a PDF line break left a space after, inside a name: "Kennedy- Dalby".
BROKEN_HYPHEN = re.compile(r"(?<=[a-z])- (?=[A-Z][a-z])")
# "/" between two names: "Mr J Kinnear/ Ms R MacCallam" (joint holders of one post).
_SLASH = re.compile(r"\s*/\s*")


def split_names(text: str) -> list[str]:
    """Split "A, B and C" (commas, "and", "&", semicolons; "/" between two
    whole names) outside brackets, carrying a plural title ("Councillors",
    "Messrs", also in mid-list) to the names after it."""
    text = BROKEN_HYPHEN.sub("-", " ".join(text.split())).strip(" .;:")
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
    title = None
    for part in _couples([p.strip() for p in parts if p.strip()]):
        m = PLURAL_TITLE.match(part)
        if m:  # "Mrs R Dawson, Messrs D Myles, N Sneddon": the title goes to the names after it
            title = PLURAL_TITLES[m.group(1).lower()]
            part = part[m.end():]
        elif title and strip_honorifics(part) != part:
            title = None  # a name with a title of its own ends the run
        for p in (q for piece in _slashed(part) for q in _unrun(piece)):
            # "Mrs T Dean, MBE, Mr M Dendor": a post-nominal printed after a comma stays with its name
            if out and all(_bare(t) in POST_NOMINALS for t in p.split()):
                out[-1] = f"{out[-1]} {p}"
            else:
                out.append(f"{title} {p}" if title else p)
    return out


def _couples(parts: list[str]) -> list[str]:
    """"Mr & Mrs Godfrey" is one entry under the surname the two share, not a lone "Mr"."""
    return [p for i, p in enumerate(parts)
            if not (_bare(p) in HONORIFICS and i + 1 < len(parts) and strip_honorifics(parts[i + 1]) != parts[i + 1])]


def _slashed(part: str) -> list[str]:
    """"Mr J Kinnear/ Ms R MacCallam" -> two names; "Chair/Secretary" stays whole."""
    pieces = _SLASH.split(part)
    if len(pieces) > 1 and all(looks_like_name(p) and len(strip_honorifics(p).split()) >= 2 for p in pieces):
        return pieces
    return [part]


# A bracket closing one name with the next name after it, no comma between: "D Richardson (Chair) R Healey".
_AFTER_BRACKET = re.compile(r"(?<=\))\s+(?=[A-Z])")


def _unrun(part: str) -> list[str]:
    """Names a list printed without commas: "P Moran Clerk J Connelly" -> ["P Moran", "Clerk J Connelly"],
    "D Richardson (Chair) R Healey" -> ["D Richardson (Chair)", "R Healey"]; a cut is made only after a
    whole name, and after a bracket only before another whole name (not "(Chair) Head of Services")."""
    out: list[str] = []
    start = 0
    cuts = sorted([(m.start(), m.end(), False) for m in _NAME_RUN.finditer(part)]
                  + [(m.start(), m.end(), True) for m in _AFTER_BRACKET.finditer(part)])
    for cut, end, bracket in cuts:
        if cut < start:
            continue
        head = clean_name(part[start:cut])[0]
        if bracket and not _whole_name(part[end:]):
            continue
        if looks_like_name(head) and len(head.split()) >= 2:
            out.append(part[start:cut])
            start = end
    return out + [part[start:]]


def _whole_name(text: str) -> bool:
    """A name of two or more words, or a titled surname, with no post word in it: "R Healey",
    "Cllrs Howells", not "Town Clerk"."""
    name = clean_name(text)[0]
    titled = strip_honorifics(text) != text.strip()
    return looks_like_name(name) and (len(name.split()) >= 2 or titled) and \
        not any(_bare(t) in POSTS for t in name.split())


_KEY_TOKEN = re.compile(r"[a-z0-9]+")  # a lower-case word or number, the unit names are compared in


def name_key(name: str | None) -> tuple[str, ...]:
    return tuple(t for t in _KEY_TOKEN.findall((name or "").lower()) if t not in TITLE_WORDS)


def name_key_text(name: str) -> str:
    """``name_key`` as one string, the form the database keeps and looks
    people up by; a name that is all honorifics ("Dr") keys as itself."""
    return " ".join(name_key(name)) or name.casefold().strip()


def same_person(a: str | None, b: str | None) -> bool:
    return same_keys(name_key(a), name_key(b))


def same_keys(ka: tuple[str, ...], kb: tuple[str, ...]) -> bool:
    """``same_person`` on the names' keys, for a caller that keys each name once."""
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) < 2 or len(kb) < 2 or ka[-1] != kb[-1] or ka[0][0] != kb[0][0]:
        return False
    # two written-out first names must agree ("Chris" ~ "Christopher"; "Mick" and "Mags" Ratford are two people)
    a, b = ka[0], kb[0]
    return len(a) == 1 or len(b) == 1 or a.startswith(b) or b.startswith(a)


def resolve(mention: str, people: Sequence[Person], keys: Sequence[tuple[str, ...]] | None = None) -> Person | None:
    """The single person in ``people`` that ``mention`` names, else None
    (``keys``: their names' ``name_key``, from a caller that holds them)."""
    words = [w for w in _KEY_TOKEN.findall(mention.lower()) if w != "the"]
    if not words:
        return None
    phrase = " ".join(words)
    by_role = [p for p in people if p.role and " ".join(_KEY_TOKEN.findall(p.role.lower())) == phrase]
    if len(by_role) == 1:
        return by_role[0]
    key = name_key(mention)
    if keys is None:
        keys = [name_key(p.name) for p in people]  # each name keyed once, not once a comparison
    exact = [p for p, k in zip(people, keys) if same_keys(key, k)]
    if len(exact) == 1:
        return exact[0]
    if len(key) != 1:
        return None
    first = [p for p, k in zip(people, keys) if k[:1] == key and len(k) > 1]
    last = [p for p, k in zip(people, keys) if k[-1:] == key and len(k) > 1]
    for group in (first, last):
        if len(group) == 1:
            return group[0]
    return None


# Initials as a list prints them after a name: "(DT)", "(AHop)", "(N M-E)", "(S)".
INITIALS = re.compile(r"[A-Z][a-z]{0,3}(?:[\s.-]*[A-Z][a-z]{0,3}){0,3}\.?")
_INITIAL_GROUP = re.compile(r"[A-Z][a-z]*")


def initials_fit(initials: str, name: str) -> bool:
    """Whether ``initials`` abbreviate ``name``: each capital opens a word of
    the name in order (the first word and the last), letters after a capital
    go on spelling its word: "AHop" fits Alison Hopkins, not Alan Holzer;
    "N M-E" fits Natalie Meg-Evans; one letter fits a one-word name only."""
    groups = [g.lower() for g in _INITIAL_GROUP.findall(initials)]
    words = _initial_words(name)
    if not groups or not words or len(groups) > len(words) or (len(groups) == 1) != (len(words) == 1):
        return False
    if not words[0].startswith(groups[0]) or not words[-1].startswith(groups[-1]):
        return False
    middle = iter(words[1:-1])
    return all(any(w.startswith(g) for w in middle) for g in groups[1:-1])


_NAME_TOKEN = re.compile(r"[a-z0-9'’]+")


def _initial_words(name: str) -> list[str]:
    """The words of a name initials are taken from: "Kieron O'Hara" -> kieron, ohara; "Meg-Evans" -> meg, evans."""
    words = [w.replace("'", "").replace("’", "") for w in _NAME_TOKEN.findall(name.lower())]
    return [w for w in words if w and w not in TITLE_WORDS]


def name_initials(name: str) -> set[str]:
    """The initials a listed name goes by unless the document defines others:
    every word's first letter, and the first and last words' ("Deborah Glass
    Woodin": "DGW", "DW")."""
    words = _initial_words(name)
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words).upper(), (words[0][0] + words[-1][0]).upper()}
