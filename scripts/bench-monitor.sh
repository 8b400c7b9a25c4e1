#!/bin/sh
# The registry-monitor benchmark (issue 11), embedded mode, everything on loopback.
#   throughput: N versions (default 5000) published at once, judged with 1 and then 2 workers;
#               versions/s, the ratio to a direct engine scan of the same tarballs in the same
#               run, CPU-ms per version by size class.
#   latency:    1 version/s for STEADY seconds (default 120), then 10/s for BURST seconds
#               (default 30); publication-to-verdict p50/p95/p99.
#   distributed:  the same N versions through the distributed mode (DistBench, real Kafka and
#                 PostgreSQL started for the run): embedded 1 worker thread as the baseline, then
#                 1 and 2 worker processes; each worker process's peak RSS.
#               EMBEDDED="1 2" the embedded runs' worker threads (default 1; the first is the
#               baseline), BASELINE_VERSIONS=K their size (default N), DIST_WORKERS="1 2" the
#               worker-process counts.
#   dist-latency: RATE versions/s (default 1) for STEADY s then 10x RATE for BURST s, follower +
#                 2 worker processes; RATE=6 BURST=0 is the sustained-rate run.
# WORKER_JVM_OPTS: extra flags of the worker processes (default: the launcher's -Xss4m and native-heap
# trim); TRIM=off runs every JVM without the trim (docs/monitor.md, "Memory").
# WORKERS="1 2" the worker counts of `throughput`; MONITOR_BENCH=nobaseline skips its baseline.
# MONITOR_BENCH_BASELINE=K caps the direct-scan baseline of `throughput` at K tarballs.
# Tarballs: the long-tail npm corpus (fetch it first, see ../shared/README.md) and the train side
# of ../shared/corpus/malicious (decrypted in memory). Run from the repository root.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
n=${VERSIONS:-5000}
steady=${STEADY:-120}
burst=${BURST:-30}
./mvnw -q -B -o -DskipTests -pl bulwark-eval -am package
java=${JAVA:-java}
cp="$root/bulwark-eval/target/classes:$root/bulwark-eval/target/lib/*"
# BENCH_XMX: the heap (default the launcher's 640m, under which the embedded mode runs one
# worker thread: two scans in flight need 4/5 of the heap to hold 2 x 256 MiB).
run() { "$java" --enable-native-access=ALL-UNNAMED -Xss4m -XX:+UseSerialGC \
  $([ "${TRIM:-on}" = off ] || echo -XX:TrimNativeHeapInterval=10000) -Xmx"${BENCH_XMX:-640m}" -cp "$cp" dev.bulwark.bench.MonitorBench "$@"; }
dist() {
  # One invocation: the reactor resolves bulwark-core to its compiled classes (nothing installed).
  ./mvnw -q -B -o -DskipTests -pl bulwark-monitor -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/bulwark-monitor-bench.cp
  dcp="$root/bulwark-monitor/target/test-classes:$root/bulwark-monitor/target/classes:$(cat /tmp/bulwark-monitor-bench.cp)"
  # Worker processes get what the launcher gives `bulwark monitor` (WORKER_JVM_OPTS overrides;
  # TRIM=off leaves the native-heap trim out of both, to compare).
  trim="-XX:TrimNativeHeapInterval=10000"
  [ "${TRIM:-on}" = off ] && trim=""
  (cd bulwark-monitor && WORKER_JVM_OPTS="${WORKER_JVM_OPTS:--Xss4m $trim}" \
    "$java" --enable-native-access=ALL-UNNAMED -Xss4m -XX:+UseSerialGC $trim \
    -Xmx1g -cp "$dcp" dev.bulwark.monitor.DistBench "$@")
}
case "${1:-all}" in
  throughput) run throughput "$n" ${WORKERS:-1 2} ;;
  distributed) dist throughput "$n" ;;
  dist-latency) dist latency "$steady" "$burst" "${RATE:-1}" ;;
  latency) run latency "$steady" "$burst" ;;
  all) run throughput "$n" 1 2; run latency "$steady" "$burst" ;;
esac
