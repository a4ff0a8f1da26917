"""The genre's words: how UK minutes, agendas and papers name people's posts,
groups, bodies and organisations, label attendance and action-log status,
and cue tasks, decisions and reports. Data only, kept apart from the rules
that read it (as spaCy keeps a language's data in ``lang/``); the rules build
their patterns from these lists where they use them.

Words are lower case. Each list has one meaning, named for what its words
are; a rule that needs other words uses another list, never a second list of
the same name. A few entries are phrases with optional parts, written as
regular-expression fragments (they say so).
"""
from __future__ import annotations

import re
from typing import Iterable


def alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A non-capturing regex group matching any of ``phrases``, longest first
    (so "chairman" is tried before "chair"); a space in a phrase matches ``space``."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(space.join(re.escape(w) for w in p.split(" ")) for p in ordered) + ")"


# ---- people's names ----------------------------------------------------------------

# Titles and ranks printed before a name, never part of it ("Cllr", "Chief Supt", "Rt Hon").
HONORIFICS = frozenset({
    "cllr", "cllrs", "councillor", "councillors", "dr", "mr", "mrs", "ms", "miss", "mx", "prof",
    "professor", "sir", "dame", "rev", "revd", "reverend", "chief", "supt", "superintendent",
    "super", "inspector", "insp", "ci", "sgt", "sergeant", "acc", "dcc", "temporary", "ch", "det",
    "pc", "commander", "lord", "lady", "hon", "alderman", "baroness", "baron", "viscount",
    "earl", "rt", "cc", "ald", "councilmember", "commissioner", "pcso", "canon", "archdeacon",
})
# Common given names in British papers: two capitalised words after another name are a second person
# when they open with one ("Present: Ann Bell, Carl Dunn"), an organisation otherwise ("Olivia Grant,
# Hallowby Pubwatch"). A short list of the commonest, not every name: a name missing here only leaves a
# two-person line read as the rule for one person and an organisation reads it.
GIVEN_NAMES = frozenset("""
    aaron adam adrian aidan alan alastair albert alex alexander alexandra alfie ali alice alison alistair amanda
    amy andrea andrew andy angela anita ann anna anne annette anthony antony arthur ashley barbara barry ben
    benjamin bernard beth betty beverley bill bob brenda brian bridget bruce callum carl carol caroline carolyn
    catherine charles charlie charlotte chloe chris christine christopher claire clare clive colin craig daniel
    danny dave david dawn dean debbie deborah denise dennis derek diane donald donna dorothy douglas duncan edward
    eileen elaine eleanor elizabeth ellen ellie emily emma eric eve fiona frances frank gail gareth gary gavin
    geoff geoffrey george georgina gerald gillian gordon graham grace greg hannah harry hazel heather helen henry
    howard hugh ian isabel jack jackie jacqueline james jamie jan jane janet janice jason jean jeff jennifer jenny
    jeremy jessica jill jim joan joanna joanne joe john jon jonathan joseph josh joyce judith judy julia julian
    julie karen kate katherine kathryn kathy katie keith kelly ken kenneth kerry kevin kim kirsty laura lauren
    lee lesley leslie lewis linda lindsay lisa liz louise lucy luke lynn lynne malcolm margaret maria marian
    marie mark martin mary matthew maureen megan melanie michael michelle mike neil nicholas nick nicola nigel
    norman oliver pamela pat patricia patrick paul paula pauline peter philip phillip rachel ray raymond rebecca
    richard rob robert robin roger ron ronald rosemary ross roy ruth ryan sally sam samantha sandra sarah scott
    sean sharon sheila shirley simon sophie stephanie stephen steve steven stuart sue susan suzanne terry thomas
    tim timothy tina tom tony tracey tracy trevor valerie vanessa vicky victoria vivien wendy william yvonne
""".split())
# The tier a councillor's title may name before it ("District Councillor Haysey").
COUNCIL_LEVELS = frozenset({"county", "district", "parish", "borough", "town", "city", "ward", "unitary"})
# Letters printed after a name ("Sir Paul Carter, CBE").
POST_NOMINALS = frozenset({"mbe", "obe", "cbe", "jp", "mp", "mep", "esq", "qc", "kc", "dl", "frs", "kbe", "dbe"})
# A plural title before a list of names, and the title each name takes.
PLURAL_TITLES = {"councillors": "Councillor", "cllrs": "Cllr", "cllrs.": "Cllr", "messrs": "Mr",
                 "councilmembers": "Councilmember", "commissioners": "Commissioner"}
# The titles most often printed before a name in a list ("Mr A Bell Cllr C Dunn").
COMMON_TITLES = ("mr", "mrs", "ms", "miss", "dr", "cllr", "councillor")
# Lower-case words inside a surname ("de", "van", "O'").
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "da", "di", "le", "la", "du", "bin", "al", "st", "o'"})
# Roles in the meeting, printed in brackets or after a comma, never part of the name ("(Chair)",
# "(Minutes)"); each may follow one of ROLE_PREFIXES ("Vice-Chair", "Acting Clerk").
MEETING_ROLES = ("chair", "chairman", "chairwoman", "chairperson", "vice chair", "vice-chair", "mayor",
                 "deputy mayor", "leader", "deputy leader", "clerk", "minute", "minutes", "minute taker",
                 "secretary", "treasurer", "secretariat", "note taker", "note-taker", "notetaker", "observer",
                 "presenter", "substitute", "rfo", "proper officer", "chairing", "minuting")
ROLE_PREFIXES = ("vice", "deputy", "joint", "acting", "interim")
# Posts printed before a name without a comma ("Clerk J Connelly", "Vice-Chair Ann Hale").
LEADING_ROLES = ("chair", "chairman", "chairwoman", "chairperson", "clerk", "treasurer", "secretary", "mayor", "rfo")

# ---- posts, groups and organisations ---------------------------------------------------

# Nouns that name a post on their own ("the Clerk", "Project Manager", "Cabinet Member").
POSTS = frozenset({
    "officer", "manager", "director", "executive", "head", "chair", "chairman", "chairwoman", "chairperson",
    "vice-chair", "member", "co-ordinator", "coordinator", "adviser", "advisor", "lead", "clerk", "secretary",
    "treasurer", "consultant", "commissioner", "superintendent", "inspector", "governor", "administrator",
    "analyst", "assistant", "leader", "mayor", "councillor", "cllr", "representative", "representatives",
    "minister", "deputy", "principal", "solicitor", "accountant", "engineer", "planner", "president", "chief",
    "specialist", "worker", "supervisor", "controller", "holder", "champion", "nurse", "headteacher", "teacher",
    "practitioner", "doctor", "professional", "ceo", "cfo", "coo", "chancellor", "vice-chancellor", "partner",
})
# Words that qualify a post but name none alone ("Acting", "Senior", "Project" in "Senior Project Officer").
POST_QUALIFIERS = frozenset({
    "vice", "acting", "interim", "senior", "strategic", "general", "area", "regional", "project", "programme",
    "policy", "team", "cabinet", "portfolio", "designated", "asst",
})
# Nouns naming a body that meets ("Committee", "Partnership Board", "Health and Wellbeing Board").
BODY_WORDS = frozenset({
    "committee", "sub-committee", "council", "partnership", "board", "panel", "group", "forum", "cabinet",
    "authority", "trust", "executive", "commission", "assembly", "network",
})
# Words that end or mark an organisation's name: its bodies, and the nouns and
# abbreviations of services, agencies and companies ("Essex Police", "Rochford DC").
ORGANISATION_WORDS = BODY_WORDS | frozenset({
    "service", "services", "unit", "office", "department", "directorate", "agency", "police", "constabulary",
    "prison", "hospital", "centre", "association", "society", "college", "university", "team", "secretariat",
    "housing", "limited", "ltd", "plc", "cdrp", "bc", "dc", "cc", "pct", "nhs", "ccg", "icb",
})
# Words naming several people at once ("all partners", "Members", "everyone").
PEOPLE_GROUPS = frozenset({
    "all", "everyone", "everybody", "partners", "members", "members'", "officers", "councillors", "agencies",
    "organisations", "colleagues", "staff", "trustees", "directors", "governors", "officials", "parents",
    "residents", "volunteers", "parishioners",
})
# Small words allowed inside the capitalised name of a person, post or body
# ("Head of Community Safety", "on behalf of all partners").
LINKING_WORDS = frozenset({"of", "for", "and", "the", "&", "all", "on", "behalf"})

# ---- attendance ----------------------------------------------------------------------

# Labels that open an attendance list, with the status they give the names after them
# (regular-expression fragments, matched case-blind). The last is the catch-all "present".
ROLL_CALL = r"roll\s+call"  # opens the list, or the "Present:" / "Absent:" labels after it
ATTENDANCE_LABELS = (
    # "Apologies received from" printed as a label over the names
    (r"apologies(?:\s+(?:for\s+absence|given|received|and\s+substitut(?:ions|es)))?(?:\s+(?:received\s+)?from)?",
     "apologies"),
    (r"(?:also,?\s+(?:present|attending)|(?:also|staff)\s+in\s+attendance|in\s+attendance|other\s+members|"
     r"other\s+representatives|"
     r"members?\s+of\s+(?:the\s+)?public|"
     r"officers?(?:\s+(?:present|in\s+attendance))?|employees|staff(?:\s+present)?|others?\s+present|"
     r"observers?|presenters?|presenting|guests?(?:\s+appearances?)?|advisers?|officials|secretariat|clerk|"
     r"invited|invitees)",
     "in_attendance"),
    (r"substitutes?(?:\s+members?)?", "substitute"),
    (r"(?:[a-z]+\s+)?absent(?:\s+without\s+apologies)?|not\s+present", "absent"),  # "Commissioners Absent"
    # "Transparency Board Members:", "Commissioners Present": a body or a group names the list
    # "In the chair:" names the chair; "Featuring:", "Participants:" and "Attended:" are what some bodies print
    # for "Present"; "Voting Members Present:" and "Non-Voting Members Present:" (a joint board's two lists)
    (r"(?:those\s+)?present|members(?:\s+present)?|attendees|attendance|attending|attended|participants|featuring|"
     r"in\s+the\s+chair|(?:[a-z][\w&'’-]*\s+){1,4}(?:members|attendees)(?:\s+present)?|[a-z]+\s+present|"
     + ROLL_CALL,
     "present"),
)
# The public at a meeting, listed under their own label ("Members of the Public - Two"), and the
# words that count them rather than name them.
PUBLIC = r"members?\s+of\s+(?:the\s+)?public"
COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
NONE_WORDS = ("none", "nil", "no", "n/a", "ntr")
# Labels that name a post rather than a list ("In the chair: J Alexander", "Clerk: Mrs E Jones"):
# the role each gives.
POST_LABELS = ((r"in\s+the\s+chair", "Chair"), (r"clerk", "Clerk"))
# How a person attended from elsewhere ("attended virtually", "(remote)"), and over what ("via Teams").
REMOTE_WORDS = ("virtually", "virtual", "remotely", "remote", "online")
MEETING_MEDIA = ("teams", "zoom", "video", "telephone", "phone", "skype", "webex")
# Phrases saying who a substitute stands in for ("substituting for", "in place of").
SUBSTITUTION_PHRASES = ("substituting for", "substitute for", "as substitute for", "sub for", "in place of",
                        "replacing", "deputising for")

# ---- tasks, decisions, reports -------------------------------------------------------

# Verbs that name a task someone can be given ("X to liaise", "X would look into").
TASK_VERBS = frozenset("""
    action add address advise agree amend apply approach arrange ask attend book bring buy
    chase check circulate clarify collate collect come commission compile complete confirm
    consider contact convene co-ordinate coordinate cut deliver develop discuss distribute draft
    e-mail email ensure establish explore facilitate feed finalise finalize find fix flag follow
    forward get give identify implement include inform inspect invite investigate invoice issue
    lead liaise look meet monitor notify obtain order organise organize pay phone prepare present
    produce progress provide publicise publicize publish purchase pursue put raise re-circulate
    recirculate refer remind repair replace reply report request research resend respond revert
    review schedule seek send set share source speak submit table take telephone undertake update
    visit write host capture chair clear enquire inquire sign return post print promote install assess
    allocate approve ascertain carry supply talk keep place represent proceed recruit
    push canvass canvas ring clean remove tidy test renew cancel register upload lobby negotiate query nominate
    redraft re-draft edit deal create hold make
    read consult advertise design survey measure paint display sort brief train mow fit claim draw
""".split())
# Auxiliary verbs: a line holding one is a sentence, not a title or a list of names.
AUXILIARY_VERBS = ("was", "were", "is", "are", "has", "have", "had", "will", "would", "should", "been", "being", "can",
                   "could", "may", "must")
# What a body does with a paper itself, as (verb, participle): "the Panel to note the report",
# "the report be noted" record its decision and give nobody a task.
DECISION_VERBS = (("note", "noted"), ("receive", "received"), ("welcome", "welcomed"), ("thank", "thanked"),
                  ("accept", "accepted"), ("approve", "approved"), ("endorse", "endorsed"),
                  ("support", "supported"), ("adopt", "adopted"), ("ratify", "ratified"),
                  ("comment", "commented"), ("agree", "agreed"))
# Cue words of the spaCy cue patterns (``nlp.CUE_PATTERNS``), one list per cue:
MODAL_VERBS = ("will", "would", "shall")  # "Sara will provide"
OUGHT_VERBS = ("should", "must")  # a task only as the meeting agreed it: "It was agreed the Clerk should write"
VOLUNTEER_VERBS = ("agreed", "offered", "undertook", "volunteered", "promised", "agree", "agrees")  # "Jo offered to"
# Verbs a person offers or agrees to as a task, too general for a task after "will" or "to" ("The Council would
# work with partners", "Support staff to help them"): "Evelyn offered to assist", "Alison agreed to work with Ali"
VOLUNTEER_TASKS = frozenset({"work", "help", "assist"})
# "partners were asked to consider", "Officers be requested to investigate"
ASKED_VERBS = ("asked", "requested", "invited", "advised", "encouraged", "reminded", "tasked", "instructed",
               "authorised", "delegated", "directed")
BEEN_ASKED_VERBS = ("asked", "requested", "tasked", "instructed")  # "has been asked to": not "has been invited to"
SUGGESTING_VERBS = ("suggested", "proposed")  # "It was suggested that Mr Wood obtain": a task put forward, not given
# "The group asked Paul to undertake", "The Board directed staff to prepare"
ASKING_VERBS = ("asked", "requested", "invited", "tasked", "instructed", "directed", "authorised", "authorized",
                "delegated")
# The same in the infinitive or the imperative, the form a resolution gives a task in: "agreed to ask the Clerk to
# obtain quotes", "RESOLVED to instruct officers to write", "Instruct the Chief Executive to write" (not "invite":
# "agreed to invite the police to attend" is the inviter's task)
ASKING_BASES = ("ask", "request", "instruct", "direct", "authorise", "authorize", "task", "commission", "delegate")
COLLECT_VERBS = ("requested", "invited", "welcomed", "asked", "sought")  # "Lesley requested comments"
# "Members requested a report on the budget at the next meeting": a paper asked for, to come
REQUEST_VERBS = ("requested", "asked", "sought")
REPORT_NOUNS = ("report", "update", "briefing", "paper", "presentation", "breakdown")
REPORT_KINDS = ("further", "full", "written", "progress", "detailed", "verbal")
FEEDBACK_WORDS = ("comments", "views", "feedback", "responses", "suggestions")
SEND_VERBS = ("sent", "e-mailed", "emailed", "forwarded", "returned", "submitted", "passed", "given", "directed")
# "will be brought to the next meeting", "would be reported to the March meeting"
TO_MEETING_VERBS = ("brought", "presented", "reported", "submitted", "taken", "tabled", "considered", "circulated",
                     "discussed")
# Participles of a task set in the future passive ("A spreadsheet will be circulated by the Team", "Contacts would
# be forwarded to ..."); not of a service or works described ("Drinks will be provided", "the furniture will be
# replaced"), an event or a state ("will be held", "will be closed"), nor of what is done to its subject ("we will
# be informed", "she would be invited").
TASK_PARTICIPLES = frozenset("""
    circulated sent forwarded distributed shared emailed e-mailed arranged organised organized booked ordered
    purchased bought obtained sought contacted written drafted prepared produced updated revised amended reviewed
    investigated checked chased pursued explored progressed put placed posted published issued submitted raised
    requested developed collated compiled finalised finalized confirmed graded
""".split())
# Task verbs in the progressive future: "CC will be arranging a meeting", "she will be reverting to her role"; not
# a visit or a guest's coming ("Kinetic Adventure will be attending during half term").
TASK_GERUNDS = frozenset("""
    arranging contacting writing sending preparing organising organizing looking checking following circulating
    reviewing updating liaising meeting speaking talking producing drafting providing investigating chasing
    pursuing exploring progressing obtaining seeking submitting reporting working taking putting setting
    getting reverting emailing e-mailing booking ordering compiling collating researching developing approaching
    asking inviting forwarding sharing publishing issuing raising requesting leading hosting
""".split())
# Words after a future passive that make it a routine, not a task ("Both policies will be reviewed annually").
ROUTINE_WORDS = ("annually", "regularly", "each year", "every year", "on an annual basis", "on a regular basis",
                 "in due course", "over time")
AGREEMENT_VERBS = ("agreed", "approved", "endorsed", "adopted", "ratified", "resolved", "concur", "concurred",
                   "decided", "accepted")
# The body's own stance ("The Board supported the aims", "The Committee approves the policy"): a decision only
# when the body itself is the subject. Not "supports": papers describe what a body or fund does with it ("The
# Partnership supports a broad range of activities").
STANCE_VERBS = ("supported", "support", "supports", "approves", "endorses", "adopts", "ratifies", "accepts",
                # and its refusals ("The Councillors declined the invitation", "The Board rejected the bid")
                "declined", "rejected", "refused",
                # and what it puts to the body above it ("The Panel recommended to Cabinet that ...")
                "recommended", "recommends")
# The meeting's conclusion ("It was concluded that ...", "The Board concluded that ..."): a decision only
# with "that" after it and the body itself, or no one ("it was"), as the subject; not "She concluded by ...",
# "negotiations have been concluded".
CONCLUDING = ("concluded",)
# The body's vote ("Members voted to accept the quotation", "The Council voted unanimously against"), a
# decision only with the body itself as subject; and an election by vote ("were voted in by the membership").
VOTING = ("voted",)
# "All were in agreement", "the Councillors were in agreement": the body's agreement, with the body (or all of
# it) as subject; not "she was not in agreement".
IN_AGREEMENT = ("agreement",)
# The meeting's decision said as a noun: "A decision was made to ...", "The decision was taken that ...".
DECISION_NOUNS = ("decision",)
# Setting a precept for the coming year, and what is received or paid of one (``periods.precept_year``)
PRECEPT_SETTING = ("set", "sets", "setting", "agree", "agreed", "approve", "approved", "request", "requested",
                   "increase", "increased", "reduce", "reduced", "raise", "raised", "freeze", "frozen", "fix",
                   "fixed", "resolved", "remain", "remains", "kept")
PRECEPT_PAID = ("received", "receipt", "paid", "banked", "credited", "instalment", "half", "payment")
# Nouns and adjectives that record the meeting's agreement ("Consensus for the new name", "Unanimous adoption").
AGREEMENT_WORDS = ("consensus", "unanimous")
# How a vote or an election came out ("The motion was carried", "duly elected", "Rule 11 carried").
OUTCOME_WORDS = ("carried", "passed", "elected", "lost", "defeated")
NOTING_WORDS = ("noted", "note", "notes")
RECORD_WORDS = ("true", "accurate", "correct", "fair")  # "agreed as a true and accurate record"
RECORD_NOUNS = ("record", "account")  # "confirmed as a true account of discussions"
# A council's response to a planning application ("No objection", "Comment re excessive development").
PLANNING_RESPONSES = ("no comment", "no comments", "no objection", "no objections", "objection", "objections",
                      "object", "objects", "support", "supported", "comment re", "comments re",
                      "planning permission required", "recommend approval", "recommend refusal")
# Small words that carry no content, for telling a bare "This was agreed." from a statement.
FUNCTION_WORDS = frozenset("""
    a an and are as at be been by for from had has have he her his i in into is it its of on or our she that the
    their them they this these those to was we were which will with would
""".split())
# Verbs that report what someone said ("X reported that Cabinet approved ..."): an
# agreement after them is one the meeting hears of, not its own.
SPEECH_VERBS = frozenset({"reported", "confirmed", "advised", "informed", "explained", "said", "stated", "announced",
                          "told", "mentioned", "highlighted", "updated"})
# Verbs that narrate a person's part in an item ("Tim explained", "Jo presented the report").
NARRATION_VERBS = SPEECH_VERBS | {"noted", "presented", "introduced", "outlined", "gave", "asked"}

# ---- action logs -----------------------------------------------------------------------

# What an action log's status cell says, by the status it means; the first word found decides.
LOG_STATUSES = {
    "overdue": ("overdue",),
    "done": ("done", "complete", "completed", "closed", "discharged", "achieved", "delivered", "circulated"),
    "carried_forward": ("carried forward", "c/f", "deferred", "rolled forward"),
    "open": ("ongoing", "on-going", "in progress", "open", "pending", "under way", "underway", "on track"),
}
# Status cells that mean none of those ("New", "Withdrawn"): still a status column.
OTHER_LOG_STATUSES = ("new", "outstanding", "superseded", "not started", "withdrawn")

# ---- page furniture ----------------------------------------------------------------------

# Protective markings printed at the head or foot of every page ("OFFICIAL - SENSITIVE").
PROTECTIVE_MARKINGS = ("official", "official sensitive", "official - sensitive", "official-sensitive",
                       "official – sensitive", "unclassified", "restricted", "not protectively marked")

# ---- meetings ---------------------------------------------------------------------------

# The words of a venue that may be printed in lower case: linking words and a place's common nouns
# ("Committee Room 2 of the Town Hall", "Village hall", "Online via Zoom").
VENUE_WORDS = frozenset({"of", "the", "and", "at", "on", "upon", "in", "by", "via", "hall", "room", "rooms", "centre",
                         "center", "library", "church", "school", "pavilion", "chambers", "office", "offices",
                         "building", "house", "club", "online", "zoom", "teams", "video", "call"})

# ---- calendar --------------------------------------------------------------------------

# Month names with the abbreviations papers print.
MONTHS = (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
          ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
          ("november", "nov"), ("december", "dec"))
WEEKDAYS = (("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"), ("thursday", "thurs", "thur", "thu"),
            ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))
# Abbreviations a full stop follows without ending the sentence ("Chief Supt. Glover", "re. the plan").
ABBREVIATIONS = frozenset({
    "re", "supt", "cllr", "cllrs", "dr", "mr", "mrs", "ms", "st", "no", "nos", "insp", "sgt",
    "det", "ch", "prof", "rev", "revd", "approx", "para", "paras", "ref", "fig", "vol", "cf",
    "etc", "inc", "ltd", "dept", "co", "min", "mins", "tel", "ext", "vs", "v", "pp", "p", "ed", "al",
}) | {short for _, *shorts in MONTHS for short in shorts}
# Of these, the ones that end a sentence before a capitalised word ("... in Jan. Karen to email", "... etc. The
# Clerk"): a month's date has its number after or before it ("Jan. 5", "5 Jan. 2014").
FINAL_ABBREVIATIONS = frozenset({"etc"}) | {short for _, *shorts in MONTHS for short in shorts}


def _entries(value: object) -> Iterable[str]:
    """The strings in a list above, its nested tuples and a dict's keys and values included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (frozenset, tuple, dict)):
        for entry in value:
            yield from _entries(entry)
            if isinstance(value, dict):
                yield from _entries(value[entry])


# Every plain word the lists above name (their phrases split; their regular-expression fragments,
# which hold other characters, left out): the genre's own words and the function words, which
# most paragraphs hold. spaCy learns them for good when it loads (``nlp.get_nlp``).
GENRE_WORDS = frozenset(word for value in list(globals().values()) for entry in _entries(value)
                        for word in entry.split() if re.fullmatch(r"[a-z][a-z'’-]*", word))
