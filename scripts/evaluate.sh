#!/usr/bin/env bash
# Every extraction figure in one run: the seeds in three formats and the
# gold-wild files against their gold (eval/score.py), and what is found in
# corpus/archives, corpus/breadth and corpus/wild (eval/coverage.py).
# usage: scripts/evaluate.sh [OUT_DIR]   (records are kept in OUT_DIR for diffing)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$top/../shared" && pwd)
out=${1:-$top/out/eval}
bin="$top/.venv/bin/minutes"
rm -rf "$out"; mkdir -p "$out"
for fmt in txt docx pdf; do
  case $fmt in txt) src=$shared/corpus/seeds ;; *) src=$shared/corpus/rendered ;; esac
  mkdir -p "$out/$fmt"
  "$bin" extract "$src"/*."$fmt" --out "$out/$fmt" >/dev/null 2>"$out/$fmt.err"
  echo "== seeds, $fmt"; python3 "$shared/eval/score.py" "$shared/eval/gold" "$out/$fmt"
done
mkdir -p "$out/gold-wild"
files=$(for g in "$shared"/eval/gold-wild/*.json; do ls "$shared/corpus/wild/$(basename "$g" .json)".* 2>/dev/null; done)
"$bin" extract $files --out "$out/gold-wild" >/dev/null 2>"$out/gold-wild.err"
echo "== gold-wild"; python3 "$shared/eval/score.py" "$shared/eval/gold-wild" "$out/gold-wild"
for set in archives breadth wild; do
  mkdir -p "$out/$set"
  start=$(date +%s%N)
  "$bin" extract $(find "$shared/corpus/$set" -type f ! -name '*.tsv' ! -name '*.md' | sort) \
    --out "$out/$set" >/dev/null 2>"$out/$set.err"
  echo "== coverage, corpus/$set ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
  python3 "$shared/eval/coverage.py" "$out/$set"
  grep '^failed' "$out/$set.err" || true
done
