#!/bin/sh
# The dense audit benchmark (issue 13): a 10,000-package package-lock.json against 300,000
# synthetic OSV records that give each of its names 30 advisories. Generated data goes to WORK
# (default /tmp/bulwark-bench-dense), never into the repository; it is reused by later runs.
# Prints, all measured in this run: the record import rate, the audit step in process (cold and
# warm median), the whole `bulwark audit` command cold and warm (median of 5) with peak RSS, and
# the baseline: python3 json.load of the same lockfile (median of 5, whole process), each with wall
# time and user+sys CPU (on a shared machine the CPU figures are the steadier ones), and the load average.
# Usage: bulwark-eval/scripts/bench-audit-dense.sh [WORK]   (NPM_PACKAGES, ADVISORIES override)
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
work=${1:-/tmp/bulwark-bench-dense}
npm=${NPM_PACKAGES:-10000}
records=${ADVISORIES:-300000}
cd "$root"
./mvnw -q -B -o -DskipTests -pl bulwark-cli,bulwark-eval -am package
java=${JAVA:-java}
cp="$root/bulwark-eval/target/classes:$root/bulwark-eval/target/lib/*"
# The same heap as the launcher gives the CLI.
run() { "$java" --enable-native-access=ALL-UNNAMED -Xmx640m -cp "$cp" dev.bulwark.bench.AuditBench "$@"; }

# Generation is deterministic (fixed seeds): an existing data set of the same size is reused.
mkdir -p "$work"
if [ -f "$work/advisories.zip" ] && [ "$(cat "$work/size" 2>/dev/null)" = "$npm $records" ]; then
  echo "reusing the generated data in $work"
else
  rm -rf "$work"; mkdir -p "$work"
  run dense "$work" "$npm" "$records"
  echo "$npm $records" > "$work/size"
fi
./bulwark --version >/dev/null 2>&1 || true   # build the CLI first
run import "$work"
run audit "$work" 10

lock="$work/project/package-lock.json"
echo "lockfile: $(wc -c < "$lock") bytes"
cli() { /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" ./bulwark audit --db "$work/bench.db" --format json -o "$work/out.json" "$work/project" || true; tail -n 1 "$work/time.txt"; }
set -- $(cli); echo "whole command, first run: $1 s wall ($3 s user + $4 s sys), peak RSS $(($2 / 1024)) MB"
# The first audit after a build records the launcher's class-data archive, built in the background
# when it ends (docs/cli.md, "Launcher"): let that finish before the warm runs.
cds="${XDG_CACHE_HOME:-$HOME/.cache}/bulwark/cds"
for i in $(seq 1 120); do
  ls "$cds"/*.classes >/dev/null 2>&1 || break
  sleep 1
done
warm=""; base=""; cpu=""; bcpu=""; con=""
for i in 1 2 3 4 5; do
  set -- $(cli); warm="$warm $1"; rss=$2; cpu="$cpu $(echo "$3 $4" | awk '{printf "%.2f", $1 + $2}')"
  /usr/bin/time -f "%e %M %U %S" -o "$work/t3.txt" sh -c './bulwark audit --db "$1/bench.db" "$1/project" > "$1/out.txt"' sh "$work" || true
  set -- $(tail -n 1 "$work/t3.txt"); con="$con $(echo "$3 $4" | awk '{printf "%.2f", $1 + $2}')"
  /usr/bin/time -f "%e %M %U %S" -o "$work/t2.txt" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$lock"
  set -- $(cat "$work/t2.txt"); base="$base $1"; bcpu="$bcpu $(echo "$3 $4" | awk '{printf "%.2f", $1 + $2}')"
done
med() { echo $* | tr ' ' '\n' | sort -n | sed -n 3p; }
wmed=$(med $warm)
bmed=$(med $base)
echo "whole command, warm: median $wmed s wall of [$warm ], user+sys median $(med $cpu) s of [$cpu ], peak RSS $((rss / 1024)) MB"
echo "whole command, console report to a file, warm: user+sys median $(med $con) s of [$con ]"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("findings:", d["summary"]["findings"], "dependencies:", d["summary"]["dependencies"])' "$work/out.json"
echo "baseline, python3 json.load of the lockfile (whole process): median $bmed s wall of [$base ], user+sys median $(med $bcpu) s"
python3 -c "import sys; print('ratio whole command (warm) / baseline: %.1fx wall, %.1fx user+sys' % (float(sys.argv[1]) / max(float(sys.argv[2]), 0.001), float(sys.argv[3]) / max(float(sys.argv[4]), 0.001)))" "$wmed" "$bmed" "$(med $cpu)" "$(med $bcpu)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
