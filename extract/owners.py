"""Who is to do a task: owner mentions resolved against the document's own
people (attendees and apologies). A person is named in minutes by full
name, first name, surname, initials ("JN/AC", "AHop": those the document
prints after a name first, else those the listed names give) or post ("the
Chair"); a mention that fits nobody is kept as written, one that fits more
than one person is kept as written and flagged ambiguous, never guessed.
Groups and posts ("All partners", "CDRU", "Officers") stay as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from minutes.extract.lexicon import (COMMON_TITLES, LINKING_WORDS, ORGANISATION_WORDS, PEOPLE_GROUPS, POST_QUALIFIERS,
                                    POSTS, alternation)
from minutes.extract.names import (INITIALS, initials_fit, name_initials, name_key, resolve, same_person,
                                   strip_honorifics)
from minutes.extract.nlp import phrase_matcher
from minutes.extract.records import Owner, Person

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

# Owners that are groups of people, not one person ("all partners", "Members", "the Board").
GROUP_WORDS = PEOPLE_GROUPS | ORGANISATION_WORDS
# A word of a name, post or group, apostrophes and hyphens kept ("Children's", "Vice-Chair").
WORD = re.compile(r"[A-Za-z'’-]+")
# An organisation's initials ("CDRU", "CCGs"): names an owner on its own.
ACRONYM_WORD = re.compile(r"[A-Z]{2,}s?")
# The same with some letters in lower case, as bodies' initials are written: "MoJ", "DfT", "ShEx".
ACRONYM = re.compile(r"[A-Z]{2,}s?|(?!Mc|Mac|O')(?=(?:[a-z]?[A-Z]){2})[A-Z][A-Za-z]{1,4}")
_SPACES_AND_DOTS = re.compile(r"[\s.]")
# "... on behalf of the partnership": who the owner acts for is no owner.
ON_BEHALF = re.compile(r"\bon behalf of\b.*$", re.I)
# Long numbers and clause punctuation: a clause, not the name of an owner.
NOT_OWNER_MARKS = re.compile(r"\d{3,}|[;:!?]")
# A post's remit of several parts: "Director for Growth, Environment & Transport".
POST_REMIT = re.compile(r"\b(?:for|of)\s+[A-Z][\w-]*(?:(?:\s*,\s*|\s+(?:&|and)\s+)[A-Z][\w-]*)+$")
# A part that ends in a remit's first word ("Cabinet Member for Health" of "... Health and Adult Services").
OPEN_REMIT = re.compile(r"\b(?:for|of)\s+[A-Z][\w-]*$")
# Where one owner ends and the next begins: "CDRU/EDAAT", "A & B", "X and the Y".
OWNER_BREAK = re.compile(r"\s*(?:/|&|;|,)\s*|\s+and\s+(?=the\b)", re.I)
_AND_WORD = re.compile(r"\s+and\s+")
_LEADING_AND = re.compile(r"^\s*and\s+")
# Lookahead so "Later Kieran Dunmore" yields "Kieran Dunmore" as well as "Later Kieran".
_FULL_NAME = re.compile(r"\b(?=([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")

# A title, then a first name or initials, then a surname: "Mr A Wood", "Cllr Jo May", "Mrs J. P. Smith".
_TITLED_NAME = re.compile(rf"\b(?:{alternation(t.title() for t in COMMON_TITLES)})\.?\s+"
                          r"((?:[A-Z]\.?\s*){1,3}|[A-Z][a-z]+\s+)((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


# A name printed with initials after it in running text: "Kieron O'Hara (KO) explained ...".
_DEFINED = re.compile(rf"((?:[A-Z][\w'’-]*\.?\s+){{1,3}}[A-Z][\w'’-]+)\s*\(({INITIALS.pattern})\)")
_BRACKETED_INITIALS = re.compile(rf"\(({INITIALS.pattern})\)")
_NAME_RUN = frozenset("_'’-.")  # with letters, digits and blanks, what _DEFINED's words and gaps hold
# What a mention must look like to be read as initials: two or more capitals, each with up to three
# letters after it ("KO", "JN", "AHop", "N M-E" once spaces and dots are dropped).
_INITIALS_MENTION = re.compile(r"(?:[A-Z][a-z]{0,3}-?){2,4}")


# Initials in brackets closing a mention: "Jo May (JM)".
_INITIALS_AFTER = re.compile(rf"\s*\(({INITIALS.pattern})\)$")


@dataclass
class Roster:
    """The people a document's tasks can be given to, and the initials the
    document gives people it does not list (``defined``: initials -> name)."""
    people: list[Person]
    defined: dict[str, str] = field(default_factory=dict)
    titled: dict[str, set[str]] = field(default_factory=dict)  # surname -> the titled names the text prints

    @classmethod
    def from_document(cls, attendees: list[Person], apologies: list[Person], text: str = "") -> "Roster":
        """People from the lists, with an initialled name ("S. Eastwood")
        completed by a full form the text itself uses ("Steve Eastwood"), and
        initials the text defines ("Kieron O'Hara (KO)") kept for the person."""
        people = list(attendees) + list(apologies)
        keys = [name_key(p.name) for p in people]
        full: dict[tuple[str, str], set[str]] = {}
        if any(len(key) >= 2 and len(key[0]) == 1 for key in keys):  # the text's full names complete only these
            for first, last in _FULL_NAME.findall(text):
                full.setdefault((first[0].lower(), last.lower()), set()).add(f"{first} {last}")
        out = []
        for p, key in zip(people, keys):
            forms = full.get((key[0][0], key[-1]), set()) if len(key) >= 2 and len(key[0]) == 1 else set()
            out.append(replace(p, name=forms.pop()) if len(forms) == 1 else p)
        defined: dict[str, str] = {}
        for name, initials in _defined_initials(text):
            listed = next((p for p in out if same_person(name, p.name)), None)
            if listed is None:
                defined.setdefault(_compact(initials), name)
            elif not listed.initials:
                out[out.index(listed)] = replace(listed, initials=initials)
        titled: dict[str, set[str]] = {}
        for first, last in _TITLED_NAME.findall(text):
            titled.setdefault(last.lower(), set()).add(f"{' '.join(first.split())} {last}")
        return cls(out, defined, titled)

    def titled_name(self, mention: str) -> str | None:
        """The one fuller name the text prints for a titled surname no listed person has: "Mr Wood"
        after "an email from Mr A Wood" is A Wood; None when the text prints none or several."""
        key = name_key(mention)
        if len(key) != 1 or strip_honorifics(mention) == mention:
            return None
        forms = self.titled.get(key[0], set())
        return next(iter(forms)) if len(forms) == 1 else None

    @cached_property
    def keys(self) -> list[tuple[str, ...]]:
        """Each listed person's ``name_key``, made once: every mention of a task is looked up in them."""
        return [name_key(p.name) for p in self.people]

    @cached_property
    def initials(self) -> dict[str, list[Person]]:
        """Listed people by the initials their names give ("AH": Alan Holzer and Alison Hopkins)."""
        out: dict[str, list[Person]] = {}
        for p in self.people:
            for key in name_initials(p.name):
                out.setdefault(key, []).append(p)
        return out

    def _by_initials(self, mention: str) -> list[str]:
        """The names initials can stand for: those the document gives the
        initials to ("(AHop)"), else every listed person whose name they fit."""
        compact = _compact(mention)
        if not _INITIALS_MENTION.fullmatch(compact):
            return []
        given = {p.name for p in self.people if p.initials and _compact(p.initials) == compact}
        if compact in self.defined:
            given.add(self.defined[compact])
        if given:
            return sorted(given)
        return sorted({p.name for p in self.initials.get(compact.upper(), [])} if compact.isupper() else set())

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """A gazetteer of every form a listed person goes by in running text."""
        forms: set[str] = set()
        for p in self.people:
            key = [t for t in strip_honorifics(p.name).replace(".", " ").split() if t]
            if not key:
                continue
            forms.add(" ".join(key))
            if len(key) >= 2:
                forms.update({key[-1]} | ({key[0]} if len(key[0]) > 1 else set()))
        return phrase_matcher("PERSON", sorted(forms))

    def mentions(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans of listed people's names in ``doc``."""
        return [(s, e) for _, s, e in self.matcher(doc)]

    def names_someone(self, mention: str) -> bool:
        """A one-word name that fits at least one listed person (maybe several)."""
        key = name_key(mention)
        return len(key) == 1 and len(key[0]) > 1 and any(key[0] in k for k in self.keys)

    def person(self, mention: str) -> Person | None:
        """The one listed person ``mention`` names, or None."""
        found = resolve(mention, self.people, self.keys)
        if found:
            return found
        names = self._by_initials(mention)
        return next((p for p in self.people if p.name == names[0]), None) if len(names) == 1 else None

    def candidates(self, mention: str) -> list[str]:
        """Every name ``mention`` could stand for: one when it is certain,
        several when initials or a first name fit more than one person ("AH"
        beside Alan Holzer and Alison Hopkins, "Alison" beside two Alisons),
        none when it fits nobody."""
        found = resolve(mention, self.people, self.keys)
        if found:
            return [found.name]
        by_initials = self._by_initials(mention)
        if by_initials:
            return by_initials
        key = name_key(mention)
        if len(key) == 1:  # a first name or a surname several people share
            for i in (0, -1):
                group = sorted({p.name for p, k in zip(self.people, self.keys) if len(k) > 1 and k[i] == key[0]})
                if len(group) > 1:
                    return group
            return []
        return sorted({p.name for p in self.people if same_person(mention, p.name)})


def _compact(initials: str) -> str:
    return _SPACES_AND_DOTS.sub("", initials)


def _defined_initials(text: str) -> list[tuple[str, str]]:
    """(name, initials) for each name the text prints its initials after: the
    fewest last words of the capitalised run that the initials fit ("Dr
    Kieron O'Hara (KO)" -> "Kieron O'Hara")."""
    out = []
    for m in _defined(text):
        words = m.group(1).split()
        for k in range(2, len(words) + 1):
            name = " ".join(words[-k:])
            if initials_fit(m.group(2), name):
                # an organisation's initials ("Eddington Residents' Association (ERA)") name no person
                if not any(w.lower().strip("’'s") in GROUP_WORDS for w in words[-k:]):
                    out.append((name, m.group(2)))
                break
    return out


def _defined(text: str) -> Iterator[re.Match[str]]:
    """``_DEFINED.finditer(text)``, tried only before the brackets of initials
    (rare), not at every capital of a long text. A match runs over word
    characters (``\\w`` is what ``isalnum`` takes, and "_"), apostrophes,
    hyphens, full stops and blanks up to its bracket, so it lies between the
    bracket and the last other character before it."""
    for bracket in _BRACKETED_INITIALS.finditer(text):
        start = bracket.start()
        while start and (text[start - 1] in _NAME_RUN or text[start - 1].isalnum() or text[start - 1].isspace()):
            start -= 1
        m = _DEFINED.search(text, start, bracket.end())
        if m:
            yield m


def clean_mention(text: str) -> str:
    text = ON_BEHALF.sub("", text)
    text = " ".join(text.split()).strip(" ,.;:\"“”‘’'")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text.lstrip("(").strip() if text.count("(") > text.count(")") else text


def is_owner_like(text: str, roster: Roster) -> bool:
    """A name, post, group or organisation, not a clause."""
    words = text.split()
    if not words or len(words) > 9 or NOT_OWNER_MARKS.search(text):
        return False
    if roster.person(text):
        return True
    lower = [w.lower().strip("().,'") for w in words]
    if any(w in GROUP_WORDS or w in POSTS for w in lower):
        return True
    # "CDRU", "Essex Police", "Mark Riley": capitalised words (linking words allowed)
    return all(w[:1].isupper() or w.lower() in LINKING_WORDS or w[:1] == "(" for w in words)


def split_owners(text: str, roster: Roster) -> list[str]:
    """"CDRU and EDAAT", "Target Lead/CDRU", "X and the Y" -> separate owners;
    an "and" inside a post ("Cabinet Member for Health and Adult Services")
    or a body's name ("Health and Social Care Board") is kept."""
    post = POST_REMIT.search(text)
    if post and any(w.lower() in POSTS for w in text[:post.start()].split()):
        return [text]  # one post: "Corporate Director for Growth, Environment & Transport"
    out: list[str] = []
    for chunk in OWNER_BREAK.split(text):
        chunk = _LEADING_AND.sub("", chunk)  # "A, B, and C": the list's last comma
        bits = _AND_WORD.split(chunk)
        if len(bits) > 1 and all(_standalone(b, roster) for b in bits) \
                and not any(OPEN_REMIT.search(b) for b in bits[:-1]):
            out.extend(bits)
        elif chunk.strip():
            out.append(chunk)
    return out


def _standalone(text: str, roster: Roster) -> bool:
    """Can name an owner on its own: a person, an acronym, a group or a post."""
    words = [w.lower().strip("().,'") for w in text.split()]
    return bool(roster.person(text)) or bool(ACRONYM.fullmatch(text.strip())) or \
        any(w in GROUP_WORDS or w in POSTS for w in words)


def resolve_owners(text: str, roster: Roster) -> list[Owner]:
    """Owners named in ``text`` (a subject or a bracket), one per person. A
    post alone ("The Chair") stays as written even where the list says who
    holds it; beside the holder's name ("The Chair, Cllr Quill") it is that
    one person."""
    owners: list[Owner] = []
    post_holders: dict[int, str] = {}  # index in owners of a post -> the listed person holding it
    for part in split_owners(clean_mention(text), roster):
        written = clean_mention(part)
        if not written:
            continue
        m = _INITIALS_AFTER.search(written)
        if m and initials_fit(m.group(1), written[:m.start()]):
            written = written[:m.start()]  # "Jo May (JM)": the name, its initials given again
        person = roster.person(written)
        if person and post_alone(written):
            post_holders[len(owners)] = person.name.lower()
            owners.append(Owner(written, written, False))
            continue
        names = [person.name] if person else roster.candidates(written)
        if len(names) == 1:
            owners.append(Owner(names[0], written, True))
        elif names:  # fits several people: kept as written, never guessed
            owners.append(Owner(written, written, True, ambiguous=True))
        elif titled := roster.titled_name(written):
            owners.append(Owner(titled, written, True))
        else:
            owners.append(Owner(strip_honorifics(written) if _looks_personal(written) else written, written,
                                _looks_personal(written)))
    named = {o.name.lower() for i, o in enumerate(owners) if i not in post_holders}
    out: list[Owner] = []
    seen: set[str] = set()
    for i, owner in enumerate(owners):
        if post_holders.get(i) in named or owner.name.lower() in seen:
            continue
        seen.add(owner.name.lower())
        out.append(owner)
    return out


def post_alone(text: str) -> bool:
    """Only a post's words: "the Chair", "Vice-Chair", "The Acting Clerk"."""
    words = [w.lower() for w in WORD.findall(text)]
    return bool(words) and all(w in POSTS or w in POST_QUALIFIERS or w in {"the", "a", "of"} for w in words) \
        and any(w in POSTS for w in words)


def _looks_personal(text: str) -> bool:
    words = [w.lower() for w in text.split()]
    return bool(words) and not any(w in GROUP_WORDS or w in POSTS for w in words) and \
        not ACRONYM_WORD.fullmatch(text) and all(w[:1].isupper() for w in text.split())
