#!/bin/sh
# The install-guard benchmark (issue 5): the guard's own overhead on a 300-package npm install
# plan against a loopback registry of synthetic packuments and tarballs (bulwark-eval
# dev.bulwark.bench.GuardBench, GuardBenchData). No real npm and no network beyond 127.0.0.1.
#
# 1. In process: one discarded JVM warm-up, then RUNS x (cold: empty metadata and scan caches;
#    warm: both filled). Prints medians, the warm/cold ratio, registry requests (a warm run must
#    make none) and where the time went (metadata, download, scan, heuristics).
# 2. The whole CLI, `bulwark npm --yes install` with a fake npm on PATH that writes the planned
#    lockfile (what `npm install --package-lock-only --ignore-scripts` would write) and does
#    nothing else: fresh JVM per run, cold then warm.
# Environment: PACKAGES (300), RUNS (5), JOBS (8), LATENCY_MS (0: per-request delay the loopback
# registry adds, to imitate a remote one), CLI (1; 0 skips part 2). The machine's load average is printed: on a shared
# machine, compare medians of the same run only.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
work=${1:-/tmp/bulwark-bench-guard}
packages=${PACKAGES:-300}
runs=${RUNS:-5}
jobs=${JOBS:-8}
latency=${LATENCY_MS:-0}
cd "$root"
./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package
java=${JAVA:-java}
cp="$root/bulwark-eval/target/classes:$root/bulwark-eval/target/lib/*"
bench() { "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.bulwark.bench.GuardBench "$@"; }

rm -rf "$work"; mkdir -p "$work"
echo "== in process: $packages packages, $runs runs, jobs $jobs, latency $latency ms"
bench run "$work/inproc" "$packages" "$runs" "$jobs" "$latency"

[ "${CLI:-1}" = 1 ] || exit 0
echo "== whole CLI (fresh JVM per run)"
srv="$work/cli"
mkdir -p "$srv"
bench serve "$srv" "$packages" "$latency" > "$work/serve.log" 2>&1 &
server=$!
trap 'touch "$srv/stop"; wait $server 2>/dev/null || true' EXIT
i=0
while [ ! -s "$srv/registry.url" ]; do
  i=$((i + 1)); [ $i -lt 600 ] || { echo "registry did not start" >&2; exit 3; }
  sleep 0.1
done
url=$(cat "$srv/registry.url")
bin="$work/fakebin"; mkdir -p "$bin"
# The fake npm: plans by copying the lockfile a real `--package-lock-only` run would write; the
# guarded real install afterwards only logs its arguments.
cat > "$bin/npm" <<SH
#!/bin/sh
for a in "\$@"; do case "\$a" in --package-lock-only) cp '$srv/after-lock.json' "\$PWD/package-lock.json"; exit 0;; esac; done
echo "npm \$*" >> '$work/npm.log'
SH
chmod +x "$bin/npm"
./bulwark --version >/dev/null 2>&1 || true   # build the CLI before timing it
cli() {
  (cd "$srv/project" && PATH="$bin:$PATH" XDG_CACHE_HOME="$work/xdg" /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" \
    "$root/bulwark" npm --registry "$url" --db "$work/db/advisories.db" --jobs "$jobs" --yes install \
    > "$work/cli.out" 2> "$work/cli.err") || { echo "bulwark npm failed:" >&2; cat "$work/cli.err" >&2; exit 3; }
  tail -n 1 "$work/time.txt"
}
cli >/dev/null   # builds the advisory database from the bundled sample once; not timed
grep -h "checked" "$work/cli.err"
cold=""; warm=""; ccpu=""; wcpu=""
for i in $(seq 1 "$runs"); do
  rm -rf "$work/xdg/bulwark/registry" "$work/db/scans.db"
  set -- $(cli); cold="$cold $1"; ccpu="$ccpu $(echo "$3 + $4" | bc)"
  set -- $(cli); warm="$warm $1"; wcpu="$wcpu $(echo "$3 + $4" | bc)"; rss=$2
done
med() { echo "$@" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cmed=$(med $cold); wmed=$(med $warm)
echo "whole CLI cold: median $cmed s wall of [$cold ]; CPU (user+sys) median $(med $ccpu) s"
echo "whole CLI warm: median $wmed s wall of [$warm ]; CPU (user+sys) median $(med $wcpu) s; peak RSS $((rss / 1024)) MB"
python3 -c "import sys; c,w=float(sys.argv[1]),float(sys.argv[2]); print('whole CLI warm/cold ratio: %.3f' % (w/c))" "$cmed" "$wmed"
echo "real command ran $(wc -l < "$work/npm.log") time(s) (the fake npm, args: $(tail -n 1 "$work/npm.log"))"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
