#!/bin/sh
# Issue 15: a third benign npm set, for false positives. A seeded random sample of the names of
# ../shared/data/popular/npm-high-impact-top-download.txt below its first FROM entries (the less
# downloaded part of that list: small utilities, CLIs, plugins, bundled UI kits), minus the names
# of the given lists and type-only packages, pinned at their latest versions.
# Usage: bulwark-eval/scripts/collect-npm-midtail.sh OUT.tsv COUNT SEED FROM [KNOWN.tsv ...]
# Example (measured in docs/eval.md):
#   bulwark-eval/scripts/collect-npm-midtail.sh /tmp/mt.tsv 800 15 3000 ../shared/corpus/benign/npm-dev.tsv \
#     ../shared/corpus/benign/npm-longtail-dev.tsv bulwark-eval/data/npm-neighbours-2026-12-07.tsv
#   ../shared/corpus/benign/fetch-npm /tmp/mt.tsv ~/.cache/bulwark-corpus/npm-midtail
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
usage="usage: collect-npm-midtail.sh OUT.tsv COUNT SEED FROM [KNOWN.tsv ...]"
out=${1:?$usage}; count=${2:?$usage}; seed=${3:?$usage}; from=${4:?$usage}
shift 4
ranked=$here/../../../shared/data/popular/npm-high-impact-top-download.txt
PYTHONPATH="$here" python3 - "$ranked" "$count" "$seed" "$from" "$@" <<'PY' | "$here/pin-npm-latest.sh" "a seeded sample of the less downloaded part of the high-impact list" > "$out"
import random, sys
ranked, count, seed, start, known_lists = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
from known_names import names_in
known = names_in(known_lists)
names = [l.strip() for l in open(ranked, encoding="utf-8") if l.strip()][start:]
pool = sorted(n for n in set(names) - known if not n.startswith("@types/"))
for n in sorted(random.Random(seed).sample(pool, min(count, len(pool)))):
    print(n)
PY
echo "$(grep -vc '^#' "$out") packages in $out" >&2
