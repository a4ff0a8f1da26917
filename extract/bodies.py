"""Who meets: a body as its organisation and its committee.

"Kent County Council" holds "Cabinet" and "Corporate Parenting Panel";
"Suffolk Libraries IPS" holds its "Board" and its "Annual General Meeting";
"Milburn Parish Council" meets as itself (no committee). Minutes print the
two in many ways, and this module reads them into one form:

- the body the segmenter read ("Open Board Meeting", "Trustees of The Friends
  of Halesworth County Library", "TB (7)1.ii Transparency Board Action Log")
  is cleaned of references, genre words and meeting qualifiers and split at
  "X of Y", "X - Y" or after an organisation's name;
- a header table's "Title of Meeting" row, or an organisation's name printed
  alone at the head of the paper ("Suffolk's Libraries IPS"), gives the
  organisation where the body line does not;
- a paper with no body line is named by its title when the title is a
  short name ("Milburn Parish Council A.G.M. - 3rd May 2016").

A council's full meeting, and its annual meeting, are the council itself
(no committee); a society's annual general meeting is its members' meeting,
a body of its own. ``body_key`` is what two spellings of one body share.
"""
from __future__ import annotations

import re

from minutes.extract.dates import first_full_date
from minutes.extract.document import Block
from minutes.extract.records import BodyName, Section

HEAD = 8  # blocks read at the start of a document
SMALL = frozenset("of and the for on in upon to at by with".split())
# The last word of an organisation's name.
ORG_END = re.compile(r"(?:council|ips|ltd\.?|limited|plc|cic|llp|trust|society|association|club|charity|foundation|"
                     r"federation|institute|college|university|school|church|library|libraries|partnership|"
                     r"authority|agency|nhs|icb|ccg|company|commissioning\s+group|integrated\s+care\s+board|"
                     r"co-operative|cooperative|hospice|hospital|academy|alliance|consortium)$", re.I)
LEGAL = re.compile(r"[\s,]+(?:ltd\.?|limited|plc|cic|llp)$", re.I)
# The last word of a committee's name (what an organisation meets as).
COMMITTEE_END = re.compile(r"(?:board|committee|sub-committee|panel|cabinet|executive|forum|group|commission|"
                           r"trustees|governors|directors|members|council|meeting|assembly|steering\s+group|"
                           r"working\s+group|task\s+group|task\s+force|team)$", re.I)
# Words around a body's name that say what the paper or the meeting is, not who meets.
GENRE = re.compile(r"\s*[-–:,]?\s*\b(?:action\s+log|actions?\s+list|action\s+notes|minutes|agenda(?:\s+pack)?|"
                   r"notes|papers|meeting\s+notes|draft|unconfirmed|unapproved)\b\.?\s*$", re.I)
QUALIFIER = re.compile(r"^(?:(?:open|public|ordinary|regular|special|extraordinary|monthly|quarterly|bi-monthly|"
                       r"virtual|remote|reconvened|adjourned|inaugural|additional|part\s+[ab12i]+)\s+)+", re.I)
MEETING_TAIL = re.compile(r"(?:\s+(?:meeting|mtg\.?))?(?:\s+(?:held\s+)?in\s+(?:public|private))?$", re.I)
REF = re.compile(r"^(?:[A-Z]{1,6}\s*\(\d+\)\s*[\w.]*|item\s+\d+\w*|[A-Z]{1,6}\d+[\w.]*)\s+(?=\S)")
AGM = re.compile(r"^(?:(?:the\s+)?annual\s+general\s+meeting|a\.?g\.?m\.?|annual\s+meeting|annual\s+parish\s+"
                 r"council\s+meeting)(?:\s+(?:and|&)\s+.+)?$", re.I)
# "Trustees of the Friends of ...": a committee of an organisation.
OF_ORG = re.compile(r"^(?P<committee>(?:[\w&'’-]+\s+){0,3}?(?:trustees|board|committee|panel|executive|governors|"
                    r"directors|members|cabinet|forum|group|general\s+meeting))\s+of(?:\s*the\b)?\s*(?P<org>\S.*)$",
                    re.I)
TITLE_ROW = re.compile(r"^(?:title\s+of\s+(?:the\s+)?meeting|meeting(?:\s+(?:title|name))?|name\s+of\s+meeting)$", re.I)
# A council's own meeting as its committee: "County Council", "Full Council", "This Council".
WHOLE_COUNCIL = re.compile(r"^(?:(?:the|this|full|joint)\s+)?(?:(?:city|county|district|borough|town|parish|community|"
                           r"metropolitan\s+borough|county\s+borough)\s+)?council$", re.I)
_HEAD_FROM = re.compile(r"^(?:draft\s+|confirmed\s+|approved\s+)?(?:minutes|agenda|notes)\s+(?:of|from|for)\s+"
                        r"(?:an?\s+|the\s+)?"
                        r"(?:(?:special|extraordinary|annual|ordinary|regular|general)\s+)?(?:meeting\s+of\s+)?"
                        r"(?:the\s+)?", re.I)
_DATE_TAIL = re.compile(r"\s*(?:[-–,:]\s*|\b(?:held\s+)?(?:on|of)\s+)?"
                        r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                        r"\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}.*$|\s*[-–]?\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}.*$", re.I)


# A body known by its initials alone ("ODUG"), and one named as its annual general meeting ("... A.G.M.").
_INITIALS = re.compile(r"[A-Z]{2,6}")
_AGM_END = re.compile(r"\ba\.?g\.?m\.?$", re.I)


def body_key(text: str | None) -> str:
    """What two spellings of one name share: lower case, no possessive, no
    legal suffix ("Suffolk's Libraries IPS Ltd." ~ "Suffolk Libraries IPS"),
    "&" as "and", no leading "the", words only."""
    if not text:
        return ""
    text = LEGAL.sub("", " ".join(text.split()))
    text = re.sub(r"['’]s\b", "", text.lower()).replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", text)
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def _display(text: str) -> str:
    """A name printed in capitals in title case, keeping short acronyms ("SUFFOLK LIBRARIES IPS")."""
    text = " ".join(text.split()).strip(" .,;:-–")
    if not text.isupper() or len(text) <= 5:
        return text
    return " ".join(w.lower() if w.lower() in SMALL and i else w if len(w) <= 3 and w.isalpha() and w.lower()
                    not in SMALL and i else w.capitalize() for i, w in enumerate(text.split()))


def _titled(text: str) -> bool:
    words = [w.strip("()[],.&–-'’\"") for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and len(words) <= 12 and all(w[0].isupper() or w[0].isdigit() or w.lower() in SMALL
                                                    for w in words)


def organisation_like(text: str) -> bool:
    """A name of an organisation: a titled run of words ending in an
    organisation's word ("Milburn Parish Council", "Suffolk's Libraries IPS"),
    or "Friends of ..."."""
    text = " ".join(text.split()).strip(" .,;:")
    # a comma or a spaced dash joins a person and a post ("Paul Warren, Chief Executive ... Council")
    if not text or len(text) > 90 or re.search(r"[:,]|\s[-–]\s", text) or not _titled(text) \
            or WHOLE_COUNCIL.match(text) or re.search(r"\bof\s+(?:the|this)\s+council$", text, re.I):
        return False
    return bool(ORG_END.search(text) or re.match(r"^(?:the\s+)?friends\s+of\s+\w", text, re.I)) \
        and len(text.split()) >= 2


def _clean(text: str) -> str:
    """A body's name without the reference, genre words and meeting qualifiers printed around it."""
    text = " ".join(text.split()).strip(" *#:–-,.")
    text = REF.sub("", text)
    for _ in range(2):
        text = GENRE.sub("", text).strip(" -–:,")
    bare = QUALIFIER.sub("", text)
    if len(bare.split()) <= 2:  # "Open Board Meeting" is the Board; "Open Data User Group" is a name
        text = bare
    if not AGM.match(text):
        text = MEETING_TAIL.sub("", text)
    return text.strip(" -–:,")


def _committee(committee: str | None, organisation: str | None) -> str | None:
    """The committee as stored: None for a council meeting as itself."""
    if not committee:
        return None
    council = bool(organisation and re.search(r"council$", organisation, re.I))
    if AGM.match(committee) or re.fullmatch(r"annual\s+general\s+meeting", committee, re.I):
        return None if council else "Annual General Meeting"
    if WHOLE_COUNCIL.match(committee) and (council or organisation is None and committee.lower() != "council"):
        return None if council else committee
    if organisation and body_key(organisation).startswith(body_key(committee)):
        return None  # the organisation's name again, or the first words of it
    return committee


def split_body(text: str | None) -> BodyName | None:
    """One printed body name as organisation and committee."""
    if not text:
        return None
    text = _clean(_HEAD_FROM.sub("", " ".join(text.split())))
    if not text:
        return None
    org: str | None = None
    committee: str | None = text
    parts = re.split(r"\s+[-–:]\s+|\s*:\s+", text, maxsplit=1)
    m = OF_ORG.match(text)
    if len(parts) == 2 and organisation_like(parts[0]):
        org, committee = parts[0], _clean(parts[1])
    elif m and organisation_like(m.group("org")):
        org, committee = m.group("org"), m.group("committee")
    elif organisation_like(text):
        org, committee = text, None
    else:  # "Kent County Council Cabinet", "OCLT AGM": an organisation's name, then what it meets as
        words = text.split()
        for i in range(len(words) - 1, 0, -1):
            head = " ".join(words[:i])
            if organisation_like(head) and ORG_END.search(words[i - 1]) or \
                    i == 1 and re.fullmatch(r"[A-Z]{2,6}", head) and AGM.match(" ".join(words[i:])):
                org, committee = head, " ".join(words[i:])
                break
    if org:
        org = re.sub(r"^the\s+", "", org, flags=re.I)
    org = _display(org) if org else None
    committee = _committee(_display(committee) if committee else None, org)
    if not org and not committee:
        return None
    return BodyName(org, committee)


def _title_row(blocks: list[Block]) -> str | None:
    """The value of a header table's "Title of Meeting" row."""
    for b in blocks:
        for row in b.rows:
            cells = [c.text.strip() for c in row if c.text.strip()]
            if len(cells) >= 2 and TITLE_ROW.match(cells[0].rstrip(":")):
                return cells[1]
        m = re.match(r"^(?:title\s+of\s+(?:the\s+)?meeting|meeting\s+title)\s*:\s*(.+)$", b.text.split("\n")[0], re.I)
        if m:
            return m.group(1)
    return None


def _head_organisation(blocks: list[Block]) -> str | None:
    """An organisation's name printed alone at the head of the paper (not in
    a table, where attendees' organisations are listed)."""
    for b in blocks:
        if b.kind == "table":
            continue
        for line in [b.text.split("\n", 1)[0]]:
            line = _HEAD_FROM.sub("", " ".join(line.split()).strip(" *#"))
            name = GENRE.sub("", line).strip(" -–:,")
            if organisation_like(name) and not first_full_date(name):
                return name
    return None


def _from_title(title: str) -> BodyName | None:
    """A short title that is a name: "Milburn Parish Council A.G.M. - 3rd May 2016", "ODUG Action Log – 14 May 2013"."""
    text = _HEAD_FROM.sub("", " ".join(title.split()))
    text = _DATE_TAIL.sub("", text)
    text = GENRE.sub("", text).strip(" -–:,")
    if not text or len(text.split()) > 10 or not _titled(text):
        return None
    cleaned = _clean(text)
    if not (organisation_like(cleaned) or COMMITTEE_END.search(cleaned) or OF_ORG.match(cleaned)
            or _INITIALS.fullmatch(cleaned) or AGM.search(cleaned) or _AGM_END.search(cleaned)):
        return None
    return split_body(text)


def read_body(section: Section) -> BodyName | None:
    """The document's body: its title row, else the body line the segmenter
    read, else its title; the organisation completed from the head of the paper."""
    head = section.blocks[:HEAD]
    row = _title_row(head)
    found = split_body(row) if row else None
    if found is None and section.body:
        found = split_body(section.body)
    if found is None:
        found = _from_title(section.title)
    # A paper in a pack took its body from the meeting it was sent to: its own head names its author.
    if found is not None and found.organisation is None and (section.kind in ("minutes", "agenda") or row):
        org = _head_organisation(head)
        if org and body_key(org) != body_key(found.committee):
            org = _display(re.sub(r"^the\s+", "", org, flags=re.I))
            found = BodyName(org, _committee(found.committee, org))
    if found is None:
        org = _head_organisation(head)
        return split_body(org) if org else None
    return found
