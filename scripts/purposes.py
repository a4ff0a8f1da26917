#!/usr/bin/env python3
"""How well funding purposes name what gold says each sum is for: score.py
matches sums by amount and period only, so this is the yardstick for
``purpose``. For every gold sum matched to a predicted one of the same amount
(the best-named of them), the token F1 of the two purposes (small words left
out); the mean over the seeds (txt) and gold-wild.

    python scripts/purposes.py OUT_DIR [N]

OUT_DIR is what ``scripts/evaluate.sh OUT_DIR`` kept; N prints the N worst
pairs (gold purpose, predicted purpose).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SMALL = {"the", "a", "an", "of", "for", "to", "and", "in", "on"}


def tokens(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (text or "").lower())) - SMALL


def overlap(gold: str | None, pred: str | None) -> float:
    a, b = tokens(gold), tokens(pred)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def sums(path: Path) -> list[dict]:
    return [f for d in json.loads(path.read_text())["documents"] for f in d.get("funding", [])]


def same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= max(1.0, 0.005 * abs(a))


def main() -> None:
    out = Path(sys.argv[1])
    worst = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    pairs: list[tuple[float, str | None, str | None]] = []
    for sub, gold_dir in (("txt", "gold"), ("gold-wild", "gold-wild")):
        for gold in sorted((EVAL / gold_dir).glob("*.json")):
            found = sorted((out / sub).glob(f"{gold.stem}*.json"))
            if not found:
                continue
            pred, used = sums(found[0]), set()
            for g in sums(gold):
                scored = [(overlap(g.get("purpose"), p.get("purpose")), i) for i, p in enumerate(pred)
                          if i not in used and None not in (g.get("amount_gbp"), p.get("amount_gbp"))
                          and same_amount(g["amount_gbp"], p["amount_gbp"])]
                if scored:
                    best, i = max(scored)
                    used.add(i)
                    pairs.append((best, g.get("purpose"), pred[i].get("purpose")))
    print(f"purpose token F1 {sum(p[0] for p in pairs) / len(pairs):.3f} over {len(pairs)} amount-matched sums")
    for score, gold_purpose, pred_purpose in sorted(pairs, key=lambda p: p[0])[:worst]:
        print(f"{score:.2f}  {gold_purpose!r}  <-  {pred_purpose!r}")


if __name__ == "__main__":
    main()
