#!/usr/bin/env bash
# Issue 11's "How it will be checked", rehearsed end to end with the real CLI, loopback only.
#
# A loopback npm registry (CheckRegistryMain, bulwark-monitor's test classes) publishes real
# hold-out packages (benign from ~/.cache/bulwark-corpus, malicious npm samples from
# ../shared/corpus decrypted in memory) behind a replication changes feed that answers every
# ERRORS-th request (feed, packument or tarball) with a 500. Then:
#   embedded:    `bulwark monitor --state DIR --npm-changes URL --since 0` killed with -9 mid-run,
#                restarted with --until-idle; MORE versions published; --until-idle again.
#   distributed: `scripts/monitor-cluster.sh start`; a `--role follower` and two `--role worker`
#                processes, one worker killed with -9 mid-run; all judged; MORE versions
#                published and the follower and two workers run again (--until-idle); `stop`.
# After each step: every published version has exactly one verdict row (counted in the store
# itself), none is missing, and it is malicious exactly when `bulwark scan` of its tarball says
# malicious. Exit 0 when every check passed.
#
# Usage: scripts/monitor-check.sh [embedded|distributed|all]   (default all)
# Environment: FIRST (versions published at start, default 30), MORE (published later, default
# 15), ERRORS (default 5), MAX_KB (largest tarball, default 1024), KEEP=1 keeps the work folder.
# The tarballs the check scans go to a temp folder that is deleted at exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE="${1:-all}"
FIRST="${FIRST:-30}"
MORE="${MORE:-15}"
ERRORS="${ERRORS:-5}"
MAX_KB="${MAX_KB:-1024}"
B="$ROOT/bulwark"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-monitor-check.XXXXXX")"
chmod 755 "$WORK" # the PostgreSQL of monitor-cluster.sh runs as the postgres user
PIDS=()
FAILED=0

log() { echo "monitor-check: $*" >&2; }

cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ -f "$WORK/cluster.env" ]; then
    BULWARK_CLUSTER_DIR="$WORK/cluster" scripts/monitor-cluster.sh stop --clean >/dev/null 2>&1 || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'log "stopped: a command failed at line $LINENO (KEEP=1 keeps the logs)"' ERR

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# ---- the registry ----
log "building (bulwark-monitor test classes, and the CLI)"
./mvnw -q -B -o -DskipTests -pl bulwark-monitor -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >&2
"$B" --version >/dev/null
CP="$ROOT/bulwark-monitor/target/test-classes:$ROOT/bulwark-monitor/target/classes:$(cat "$WORK/cp")"
(cd bulwark-monitor && exec java -Xmx768m -cp "$CP" dev.bulwark.monitor.CheckRegistryMain \
  url-file="$WORK/urls" first="$FIRST" errors="$ERRORS" max-kb="$MAX_KB") \
  > "$WORK/registry.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do [ -s "$WORK/urls" ] && break; sleep 0.5; done
[ -s "$WORK/urls" ] || { log "the registry did not start:"; cat "$WORK/registry.log" >&2; exit 1; }
REG="$(sed -n 1p "$WORK/urls")"
CTL="$(sed -n 2p "$WORK/urls")"
log "registry $REG (control $CTL), $FIRST versions, a 500 every $ERRORS requests"

publish() { curl -sf -X POST "$CTL/publish?n=$1" >/dev/null; log "published $1 more"; }

# ---- the check ----
mkdir -p "$WORK/tgz"
touch "$WORK/scanned.tsv" # sha256 TAB scan verdict

# check LABEL ROWS_SQL_RUNNER results-args...: compares the store with the registry
check() {
  local label="$1" rows="$2"
  shift 2
  curl -sf "$CTL/versions" > "$WORK/versions.tsv"
  "$B" monitor results "$@" --format json > "$WORK/results.json"
  # fetch and scan tarballs not scanned yet (one `bulwark scan` for all of them)
  local name version url id sha
  local -A todo=()
  : > "$WORK/shas.tsv"
  while IFS=$'\t' read -r name version url; do
    id="${url##*/}"
    [ -f "$WORK/tgz/$id" ] || curl -sf --retry 5 --retry-delay 1 -o "$WORK/tgz/$id" "$url"
    sha="$(sha256sum "$WORK/tgz/$id" | cut -d' ' -f1)"
    printf '%s\t%s\t%s\n' "$name" "$version" "$sha" >> "$WORK/shas.tsv"
    grep -q "^$sha" "$WORK/scanned.tsv" || todo[$sha]="$WORK/tgz/$id"
  done < "$WORK/versions.tsv"
  if [ "${#todo[@]}" -gt 0 ]; then
    "$B" scan --no-audit --format json "${todo[@]}" > "$WORK/scan.json" || true
    jq -r '.targets[] | [.path, .verdict] | @tsv' "$WORK/scan.json" | while IFS=$'\t' read -r p v; do
      printf '%s\t%s\n' "$(sha256sum "$p" | cut -d' ' -f1)" "$v"
    done >> "$WORK/scanned.tsv"
  fi
  # expected: name, version, scan says malicious (true/false)
  jq -Rn --rawfile scanned "$WORK/scanned.tsv" '
    ($scanned | split("\n") | map(select(length > 0) | split("\t")) | map({(.[0]): .[1]}) | add) as $s
    | [inputs | split("\t") | {name: .[0], version: .[1], scan: $s[.[2]]}]' \
    "$WORK/shas.tsv" > "$WORK/expected.json"
  local dup
  dup="$($rows)"
  local report
  report="$(jq -r --slurpfile exp "$WORK/expected.json" '
    ($exp[0]) as $e
    | [.versions[] | select(.ecosystem == "npm")] as $got
    | ($got | group_by(.name + "@" + .version) | map(select(length > 1)) | length) as $dups
    | ($e | map(.name + "@" + .version)) as $want
    | ($got | map(.name + "@" + .version)) as $have
    | ($want - $have) as $missing
    | ($have - $want) as $extra
    | ($e | map(select(.scan == null)) | length) as $unscanned
    | ($got | map({key: (.name + "@" + .version), value: .verdict}) | from_entries) as $v
    | [$e[] | select(.scan != null)
        | select((.scan == "malicious") != ($v[.name + "@" + .version] == "malicious"))
        | "\(.name)@\(.version): monitor \($v[.name + "@" + .version]), scan \(.scan)"] as $wrong
    | "versions \($want | length), verdicts \($got | length), malicious \($got | map(select(.verdict == "malicious")) | length), errors \($got | map(select(.verdict == "error")) | length), duplicated \($dups), missing \($missing | length), extra \($extra | length), unscanned \($unscanned), disagreeing with scan \($wrong | length)"
      + (if ($missing | length) > 0 then "\n  missing: " + ($missing | join(" ")) else "" end)
      + (if ($wrong | length) > 0 then "\n  " + ($wrong | join("\n  ")) else "" end)' \
    "$WORK/results.json")"
  local ok=1
  if ! grep -q "duplicated 0, missing 0, extra 0, unscanned 0, disagreeing with scan 0" <<< "$report"; then ok=0; fi
  if [ "$dup" != 0 ]; then ok=0; fi
  if [ "$ok" = 1 ]; then
    echo "PASS $label: $report; store rows per version > 1: $dup; registry $(curl -sf "$CTL/stats")"
  else
    echo "FAIL $label: $report; store rows per version > 1: $dup"
    FAILED=1
  fi
}

verdict_count() { # results-args: number of npm verdicts
  "$B" monitor results "$@" --format json 2>/dev/null | jq '[.versions[] | select(.ecosystem == "npm")] | length' 2>/dev/null || echo 0
}

wait_count() { # want seconds results-args
  local want="$1" secs="$2" n=0
  shift 2
  for _ in $(seq 1 "$((secs / 2))"); do
    n="$(verdict_count "$@")"
    [ "$n" -ge "$want" ] && return 0
    sleep 2
  done
  log "only $n of $want verdicts after ${secs}s"
  return 1
}

# kill -9 of a launcher's JVM (the launcher execs java, except on a run that records its class
# list, where java is its child)
kill9() { kill -9 $(pgrep -P "$1" || true) "$1" 2>/dev/null || true; }

live_versions() { curl -sf "$CTL/versions" | wc -l; }

embedded() {
  local state="$WORK/state"
  sqlite_dups() {
    sqlite3 "$state/monitor.db" "SELECT count(*) FROM (SELECT ecosystem, name, version FROM verdicts GROUP BY 1, 2, 3 HAVING count(*) > 1)"
  }
  log "embedded: a run killed with -9 mid-run"
  BULWARK_HEAP=768m "$B" monitor --state "$state" --npm-changes "$REG" --since 0 --poll 1 \
    --workers 2 > "$WORK/embedded-1.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 300); do
    [ -f "$state/monitor.db" ] && [ "$(sqlite3 "$state/monitor.db" 'SELECT count(*) FROM verdicts' 2>/dev/null || echo 0)" -ge 5 ] && break
    sleep 0.5
  done
  kill9 "$pid"
  wait "$pid" 2>/dev/null || true
  log "killed with -9 after $(sqlite3 "$state/monitor.db" 'SELECT count(*) FROM verdicts') verdicts of $(live_versions)"
  log "embedded: restarted with --until-idle"
  BULWARK_HEAP=768m "$B" monitor --state "$state" --npm-changes "$REG" --since 0 --workers 2 --poll 1 \
    --until-idle > "$WORK/embedded-2.log" 2>&1
  check "embedded, after kill -9 and --until-idle" sqlite_dups --state "$state"
  publish "$MORE"
  BULWARK_HEAP=768m "$B" monitor --state "$state" --npm-changes "$REG" --since 0 --workers 2 --poll 1 \
    --until-idle > "$WORK/embedded-3.log" 2>&1
  check "embedded, after $MORE more versions and --until-idle" sqlite_dups --state "$state"
}

distributed() {
  log "distributed: scripts/monitor-cluster.sh start"
  BULWARK_CLUSTER_DIR="$WORK/cluster" KAFKA_PORT="$(free_port)" \
    KAFKA_CONTROLLER_PORT="$(free_port)" PG_PORT="$(free_port)" \
    scripts/monitor-cluster.sh start > "$WORK/cluster.env"
  # shellcheck disable=SC1091
  . "$WORK/cluster.env"
  local pg="$POSTGRES" kafka="$KAFKA"
  pg_dups() {
    local port="${pg#jdbc:postgresql://127.0.0.1:}"
    port="${port%%/*}"
    psql -h 127.0.0.1 -p "$port" -U bulwark -d postgres -tAc \
      "SELECT count(*) FROM (SELECT ecosystem, name, version FROM verdicts GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
  }
  local d=(--kafka "$kafka" --postgres "$pg" --npm-changes "$REG" --poll 1)
  local total
  total="$(live_versions)"
  "$B" monitor "${d[@]}" --role worker > "$WORK/worker-a.log" 2>&1 &
  local wa=$!
  PIDS+=("$wa")
  "$B" monitor "${d[@]}" --role worker > "$WORK/worker-b.log" 2>&1 &
  local wb=$!
  PIDS+=("$wb")
  sleep 5
  "$B" monitor "${d[@]}" --role follower --since 0 > "$WORK/follower.log" 2>&1 &
  local fo=$!
  PIDS+=("$fo")
  log "follower $fo, workers $wa and $wb"
  for _ in $(seq 1 300); do
    [ "$(grep -c '' "$WORK/worker-b.log")" -ge 1 ] && [ "$(verdict_count --postgres "$pg")" -ge 5 ] && break
    sleep 1
  done
  kill9 "$wb"
  wait "$wb" 2>/dev/null || true
  log "worker $wb killed with -9 after $(verdict_count --postgres "$pg") verdicts of $total"
  wait_count "$total" 600 --postgres "$pg" || true
  check "distributed, 1 of 2 workers killed with -9" pg_dups --postgres "$pg"
  kill "$fo" "$wa"
  wait "$fo" "$wa" 2>/dev/null || true
  publish "$MORE"
  total="$(live_versions)"
  "$B" monitor "${d[@]}" --role follower --since 0 --until-idle > "$WORK/follower-2.log" 2>&1
  "$B" monitor "${d[@]}" --role worker --until-idle > "$WORK/worker-c.log" 2>&1 &
  local wc=$!
  "$B" monitor "${d[@]}" --role worker --until-idle > "$WORK/worker-d.log" 2>&1 &
  local wd=$!
  wait "$wc" "$wd" || true
  check "distributed, after $MORE more versions (follower and 2 workers, --until-idle)" pg_dups --postgres "$pg"
  BULWARK_CLUSTER_DIR="$WORK/cluster" scripts/monitor-cluster.sh stop --clean >&2
  rm -f "$WORK/cluster.env"
}

case "$MODE" in
  embedded) embedded ;;
  distributed) distributed ;;
  all) embedded; distributed ;;
  *) echo "usage: $0 [embedded|distributed|all]" >&2; exit 2 ;;
esac
[ "$FAILED" = 0 ] && log "all checks passed" || log "some checks FAILED (logs: KEEP=1 keeps $WORK)"
exit "$FAILED"
