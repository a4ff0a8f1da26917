"""An action-log row's status cell ("Done - see minute 4", "c/f", "Ongoing")
read as open / done / carried_forward / overdue. Kept apart from the action
extractor so storage can read statuses without loading spaCy."""
from __future__ import annotations

import re

from minutes.extract.records import Action

STATUS_WORDS = [
    ("overdue", re.compile(r"\boverdue\b", re.I)),
    ("done", re.compile(r"\b(?:done|complete[d]?|closed|discharged|achieved|delivered|circulated)\b", re.I)),
    ("carried_forward", re.compile(r"\b(?:carried\s+forward|c/f|deferred|rolled\s+forward)(?!\w)", re.I)),
    ("open", re.compile(r"\b(?:ongoing|on-going|in\s+progress|open|pending|under\s*way|on\s+track)\b", re.I)),
]


def log_status(text: str | None) -> str | None:
    """The status a log cell gives: its first status word ("Overdue - carried forward" is overdue)."""
    found = [(m.start(), status) for status, pat in STATUS_WORDS if (m := pat.search(text or ""))]
    return min(found)[1] if found else None


def is_task(action: Action) -> bool:
    """A task still to do after the meeting: not a log row that reports it done."""
    return log_status(action.log_status) != "done"
