"""Performance targets: an indicator with its baseline and the value it is to
reach by a date, from sentences ("reduce X from 24% in 2003 to 17% by March
2006") and from tables whose columns are headed "Baseline" and "Target" (or
years beside a baseline), with a rate column ("Rate per 1,000") paired to the
count column on its left."""
from __future__ import annotations

import re

from minutes.extract.dates import MONTH
from minutes.extract.funding import sentences
from minutes.extract.periods import CALENDAR_YEAR, FY_PATTERN, find_periods, normalise_period
from minutes.extract.records import ExtractedDocument, Span, Target
from minutes.extract.tables import Table, clean

CODE = re.compile(r"\b(?:NI|BVPI|LI|PSA|KPI|LAA)\s?\d+(?:\.\d+)?\b")
_NUM = r"\d[\d,]*(?:\.\d+)?"
_VALUE_UNIT = r"\s*(?:%|per\s?cent\b|(?:per|/)\s?[\d,]+\b)?"
_WHEN = rf"(?:{MONTH}\s+)?(?:19|20)\d{{2}}(?:\s?[/-]\s?\d{{1,4}})?"
# "from 24.65% in 2003 to 17% by March 2006", "from 1256 to 1187 by 2010/11"
FROM_TO = re.compile(
    rf"\bfrom\s+(?P<base>{_NUM})(?P<bu>{_VALUE_UNIT})(?:\s+(?:in|at)\s+(?P<bp>{_WHEN}))?\s+to\s+"
    rf"(?P<tgt>{_NUM})(?P<tu>{_VALUE_UNIT})\s+(?:by|in)\s+(?:the\s+end\s+of\s+)?(?P<tp>{_WHEN})", re.I)
# "to 21% by 2008", "target 95.4% by 2010"
TO_BY = re.compile(rf"\b(?:to|target(?:\s+of)?)\s+(?P<tgt>{_NUM})(?P<tu>\s*%|\s*per\s?cent\b|\s*(?:per|/)\s?[\d,]+\b)"
                   rf"\s+by\s+(?P<tp>{_WHEN})", re.I)
_VALUE = re.compile(rf"(?P<n>{_NUM})(?P<u>{_VALUE_UNIT})", re.I)
_RATE_HEADER = re.compile(r"\brate\b|per\s?[\d,]+", re.I)
# Units: a percentage, or a rate "per 1,000" (the group is the base).
_PERCENT = re.compile(r"%|per\s?cent", re.I)
# "per 1000", "Rate Per 1,000": a whole word "per" and a figure that starts
# with a digit ("paper, ink" and "paper, AM" are no rates).
_RATE_BASE = re.compile(r"\bper\s?(\d[\d,]*)", re.I)
# "X - target ...": the indicator's name ends at its target.
_TARGET_TAIL = re.compile(r"\s*[-–]\s*target\b.*$", re.I)
_TARGET = re.compile(r"target", re.I)
_INDICATOR = re.compile(r"\bindicator", re.I)
_LEAD = re.compile(r"^[-•*\s]*(?:(?:a|the)\s+)?(?:local\s+)?(?:target\s+(?:is\s+)?to\s+|to\s+)?", re.I)


def extract_targets(doc: ExtractedDocument) -> list[Target]:
    found: list[Target] = []
    for block in doc.section.blocks:
        if not block.is_table and _may_hold_target(block.text):
            for start, end in sentences(block.text):
                found.extend(sentence_targets(block.text[start:end], block.start + start, block.page))
    for table in doc.section.tables:
        found.extend(table_targets(table))
    return sorted(found, key=lambda t: t.span.start)


_DIGIT = re.compile(r"\d")


def _may_hold_target(text: str) -> bool:
    """What FROM_TO ("from") or TO_BY ("by") needs, and a figure: most blocks have no
    such sentence, and are spared cutting into sentences and three regexes on each."""
    folded = text.casefold()
    return ("from" in folded or "by" in folded) and bool(_DIGIT.search(text))


def unit_of(text: str) -> str | None:
    """"%", "rate per 1,000" (from "per 1000", "Rate Per 1,000"), or None."""
    if _PERCENT.search(text):
        return "%"
    m = _RATE_BASE.search(text)
    return f"rate per {int(m.group(1).replace(',', '')):,}" if m else None


def _float(text: str) -> float:
    return float(text.replace(",", ""))


def _indicator(sentence: str, cut: int) -> str:
    words = _LEAD.sub("", sentence[:cut]).strip(" -–:,")
    words = _TARGET_TAIL.sub("", words)
    return " ".join(words.split()[:14]) or " ".join(sentence.split()[:14])


def sentence_targets(sentence: str, offset: int, page: int) -> list[Target]:
    out: list[Target] = []
    code = CODE.search(sentence)
    for pattern in (FROM_TO, TO_BY):
        for m in pattern.finditer(sentence):
            if any(t.span.start <= offset + m.start() < t.span.end for t in out):
                continue
            groups = m.groupdict()
            unit = unit_of(groups.get("tu") or "") or unit_of(groups.get("bu") or "") or "count"
            out.append(Target(
                indicator=_indicator(sentence, m.start()), span=Span(page, offset + m.start(), offset + m.end()),
                code=code.group(0) if code else None,
                baseline=_float(groups["base"]) if groups.get("base") else None,
                baseline_period=normalise_period(groups["bp"]) if groups.get("bp") else None,
                target=_float(groups["tgt"]), target_period=normalise_period(groups["tp"]), unit=unit))
    return out


def _cell_value(text: str) -> tuple[float, str | None] | None:
    """The first figure in a cell that is not a year, with its unit."""
    text = FY_PATTERN.sub(" ", clean(text))
    text = CALENDAR_YEAR.sub(" ", text)
    m = _VALUE.search(text)
    return (_float(m.group("n")), unit_of(m.group("u") or "")) if m else None


def _column_roles(table: Table) -> list[tuple[str | None, str | None, str | None]]:
    """Per column: role ("baseline" | "target" | None), period and unit; a
    "Rate per 1,000" column takes the role and period of the column on its left."""
    has_baseline = any("baseline" in h.lower() for h in table.columns)
    roles: list[tuple[str | None, str | None, str | None]] = []
    for header in table.columns:
        period = next((p.period for p in find_periods(header)), None)
        role = "baseline" if "baseline" in header.lower() else (
            "target" if _TARGET.search(header) or (has_baseline and period) else None)
        if role is None and _RATE_HEADER.search(header) and roles and roles[-1][0]:
            role, period = roles[-1][0], roles[-1][1]
        roles.append((role, period, unit_of(header) if _RATE_HEADER.search(header) else None))
    return roles


def _indicator_col(table: Table) -> int:
    for j, header in enumerate(table.columns):
        if _INDICATOR.search(header):
            return j
    return table.label_col


def _name(cell: str, code: str | None) -> str:
    """The indicator's words: up to its code "(NI 17)", without the asterisk marking national ones."""
    if not code or code not in cell:
        return cell.strip(" *")
    before, after = cell.split(code, 1)
    return before.strip(" *(-–:") or after.strip(" *)-–:") or cell


def table_targets(table: Table) -> list[Target]:
    roles = _column_roles(table)
    if not any(r[0] == "target" for r in roles):
        return []
    out: list[Target] = []
    ic = _indicator_col(table)
    for block, _, row, _ in table.body():
        if ic >= len(row) or not clean(row[ic].text):
            continue
        name = clean(row[ic].text)
        code = next((m.group(0) for c in row for m in [CODE.search(clean(c.text))] if m), None)
        baselines: dict[str | None, tuple[float, str | None]] = {}
        for j, cell in enumerate(row):
            if j < len(roles) and roles[j][0] == "baseline" and (value := _cell_value(cell.text)):
                own = find_periods(clean(cell.text))
                baselines.setdefault(roles[j][2] or value[1], (value[0], own[0].period if own else roles[j][1]))
        for j, cell in enumerate(row):
            if j >= len(roles) or roles[j][0] != "target" or j == ic:
                continue
            value = _cell_value(cell.text)
            if value is None:
                continue
            unit = roles[j][2] or value[1]
            base = baselines.get(unit) or (next(iter(baselines.values())) if len(baselines) == 1 else None)
            out.append(Target(
                indicator=_name(name, code), span=Span(block.page, cell.start, cell.end),
                code=code, baseline=base[0] if base else None, baseline_period=base[1] if base else None,
                target=value[0], target_period=roles[j][1], unit=unit or "count"))
    return out

