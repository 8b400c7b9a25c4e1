#!/bin/sh
# Issue 13: `bulwark scan` of many tarballs, one CLI command, against `tar -xzf` of the same
# tarballs (one tar process per tarball, into a temp folder deleted afterwards), with the same
# parallelism (one job per core), measured in the same run. Rounds alternate the order, so machine
# noise hits both. Prints wall times, the scan's user CPU, the ratio per round and the median,
# and the scan's peak RSS.
# Usage: bulwark-eval/scripts/bench-scan-tar.sh [DIR_OF_TGZ] [ROUNDS]
# (default ~/.cache/bulwark-corpus/npm, 3 rounds). Nothing inside the tarballs is run.
# SCAN_JSON=FILE keeps the last round's JSON report (to compare verdicts and scores between builds).
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
set_dir=${1:-${BULWARK_CORPUS_CACHE:-$HOME/.cache/bulwark-corpus}/npm}
rounds=${2:-3}
jobs=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$set_dir"/*.tgz | sort > "$tmp/list"
n=$(wc -l < "$tmp/list")
bytes=$(cat "$tmp/list" | tr '\n' '\0' | xargs -0 du -cb | tail -n 1 | cut -f1)
echo "set: $n tarballs, $((bytes / 1000000)) MB compressed, $jobs jobs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bulwark" --version > /dev/null 2>&1 || true   # build first, not timed

untar() {
  mkdir -p "$tmp/x"
  tr '\n' '\0' < "$tmp/list" | xargs -0 -P "$jobs" -n 1 sh -c \
    'd=$(mktemp -d -p "$0"); tar -xzf "$1" -C "$d" 2>/dev/null; rm -rf "$d"' "$tmp/x"
}
scan() {
  # shellcheck disable=SC2046
  /usr/bin/time -f "%e %M %U" -o "$tmp/scan.time" "$root/bulwark" scan --format json -o "$tmp/scan.json" \
    $(cat "$tmp/list") > /dev/null 2>&1 || true
}
timed() { s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }

ratios=""
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then t=$(timed untar); s=$(timed scan); else s=$(timed scan); t=$(timed untar); fi
  rss=$(cut -d' ' -f2 "$tmp/scan.time")
  ratio=$(echo "scale=2; $s / $t" | bc)
  ratios="$ratios $ratio"
  printf 'round %d: scan %.1f s (%s s user CPU), tar -xzf %.1f s, scan/tar %s, scan peak RSS %d MB\n' "$r" "$s" "$(cut -d' ' -f3 "$tmp/scan.time")" "$t" "$ratio" $((rss / 1024))
done
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["summary"]; print("scan result:", s["targets"], "targets,", s["malicious"], "malicious,", s["suspicious"], "suspicious,", s["errors"], "errors")' "$tmp/scan.json"
[ -n "${SCAN_JSON:-}" ] && cp "$tmp/scan.json" "$SCAN_JSON"
echo "median scan/tar ratio: $(echo $ratios | tr ' ' '\n' | sort -n | sed -n "$(( (rounds + 1) / 2 ))p") (rounds:$ratios); load average $(cut -d' ' -f1-3 /proc/loadavg)"
