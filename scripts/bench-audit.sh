#!/bin/sh
# The audit benchmark (issue 2): a generated npm lockfile of 10,000 packages and a PyPI lockfile of
# 2,000 packages against 300,000 synthetic, real-shaped OSV records.
# Prints: import throughput, the audit step alone (in process), the whole CLI command cold and warm
# with peak RSS, and the ratio to plain JSON parsing of the same lockfile (python3 json.load),
# all measured in this run.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
work=${1:-/tmp/bulwark-bench-audit}
npm=${NPM_PACKAGES:-10000}
pypi=${PYPI_PACKAGES:-2000}
records=${ADVISORIES:-300000}
cd "$root"
./mvnw -q -B -DskipTests package
java=${JAVA:-java}
cp="$root/bulwark-eval/target/classes:$root/bulwark-eval/target/lib/*"
run() { "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.bulwark.bench.AuditBench "$@"; }

rm -rf "$work"; mkdir -p "$work"
run generate "$work" "$npm" "$pypi" "$records"
./bulwark --version >/dev/null 2>&1 || true   # build the CLI before timing it
run import "$work"
run audit "$work" 10

lock="$work/project/package-lock.json"
echo "lockfile: $(wc -c < "$lock") bytes"
# Cold: the first CLI run after the page cache is dropped (when permitted) and with a fresh JVM.
sync; (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null && echo "(page cache dropped)" || echo "(page cache not dropped: no permission)"
cli() { /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" ./bulwark audit --db "$work/bench.db" --format json -o "$work/out.json" "$work/project" || true; tail -n 1 "$work/time.txt"; }
set -- $(cli); echo "whole command, cold: $1 s wall ($3 s user + $4 s sys), peak RSS $(($2 / 1024)) MB"
warm=""
for i in 1 2 3 4 5; do set -- $(cli); warm="$warm $1"; rss=$2; done
wmed=$(echo $warm | tr ' ' '\n' | sort -n | sed -n 3p)
echo "whole command, warm: median $wmed s of [$warm ], peak RSS $((rss / 1024)) MB"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("findings:", d["summary"]["findings"], "dependencies:", d["summary"]["dependencies"])' "$work/out.json"
base=""
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e" -o "$work/t2.txt" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$lock"
  base="$base $(cat "$work/t2.txt")"
done
bmed=$(echo $base | tr ' ' '\n' | sort -n | sed -n 3p)
echo "plain JSON parse of package-lock.json (python3 json.load, process): median $bmed s of [$base ]"
python3 -c "import sys; print('ratio whole command (warm) / plain JSON parse: %.1fx' % (float(sys.argv[1]) / max(float(sys.argv[2]), 0.001)))" "$wmed" "$bmed"
