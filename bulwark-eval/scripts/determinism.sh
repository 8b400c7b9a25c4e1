#!/bin/sh
# Issue 13: verdicts and scores must not depend on machine load. Scans one benign set with
# `bulwark eval` twice: alone, then with every core kept busy by `yes > /dev/null` (one per core),
# and compares the verdict and score of every package. Also prints packages/s, p50/p99 per
# package and the peak RSS of each run. Exit 1 when any package differs.
# Usage: bulwark-eval/scripts/determinism.sh [SET] (default ~/.cache/bulwark-corpus/pypi-debian);
# MAX=N limits each run to an evenly spread subset of N packages (eval's --max-per-set).
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
set_dir=${1:-${BULWARK_CORPUS_CACHE:-$HOME/.cache/bulwark-corpus}/pypi-debian}
tmp=$(mktemp -d)
busy=""
cleanup() { for p in $busy; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
"$root/bulwark" --version > /dev/null 2>&1 || true   # build first

run() {
  /usr/bin/time -f "%e %M" -o "$tmp/$1.time" "$root/bulwark" eval --benign "$set_dir" --jobs "$(nproc)" \
    ${MAX:+--max-per-set "$MAX"} --format json -o "$tmp/$1.json" > "$tmp/$1.txt" 2>&1 || true
  set -- "$1" $(cat "$tmp/$1.time")
  python3 - "$tmp/$1.json" "$1" "$2" "$3" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ms = sorted(s.get("millis", 0) for s in d["samples"])
def pct(p):
    return ms[max(0, -(-len(ms) * p // 100) - 1)] if ms else 0
n = len(d["samples"])
print(f"{sys.argv[2]}: {n} packages in {sys.argv[3]} s = {n / float(sys.argv[3]):.1f} packages/s (whole command), "
      f"p50 {pct(50)} ms, p99 {pct(99)} ms per package, peak RSS {int(sys.argv[4]) // 1024} MB")
PY
}

echo "set: $set_dir; load average $(cut -d' ' -f1-3 /proc/loadavg)"
run alone
for i in $(seq 1 "$(nproc)"); do yes > /dev/null & busy="$busy $!"; done
run busy
for p in $busy; do kill "$p" 2>/dev/null || true; done; busy=""
python3 - "$tmp/alone.json" "$tmp/busy.json" <<'PY'
import json, sys
a = {s["id"]: (s["verdict"], s["score"]) for s in json.load(open(sys.argv[1]))["samples"]}
b = {s["id"]: (s["verdict"], s["score"]) for s in json.load(open(sys.argv[2]))["samples"]}
diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
print(f"compared {len(a)} packages: {len(diff)} differ in verdict or score")
for k in diff[:20]:
    print("  ", k, a.get(k), "->", b.get(k))
sys.exit(1 if diff else 0)
PY
