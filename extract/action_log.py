"""An action-log row's status cell ("Done - see minute 4", "c/f", "Ongoing")
read as open / done / carried_forward / overdue. Kept apart from the action
extractor so storage can read statuses without loading spaCy."""
from __future__ import annotations

import re

from minutes.extract.lexicon import LOG_STATUSES, alternation

# One pattern per status, from the lexicon's status words ("c/f" ends in no word character).
STATUS_WORDS = [(status, re.compile(rf"\b{alternation(words)}(?!\w)", re.I)) for status, words in LOG_STATUSES.items()]


def log_status(text: str | None) -> str | None:
    """The status a log cell gives: its first status word ("Overdue - carried forward" is overdue)."""
    found = [(m.start(), status) for status, pat in STATUS_WORDS if (m := pat.search(text or ""))]
    return min(found)[1] if found else None

