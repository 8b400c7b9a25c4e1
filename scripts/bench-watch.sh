#!/bin/sh
# The organisation-watch benchmark (issue 12), embedded mode, loopback only, generated data
# (nothing is written into the repository; the state goes to a temp folder).
#   bench-watch.sh [PROJECTS DEPS POOL VERDICTS GAP_MS]   (default 1000 1000 20000 200 100)
# Prints: load time, index vs scan-every-project baseline (same run), verdict -> webhook
# p50/p95/p99, 10,000-package upload -> first alert, heap and RSS.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
# One reactor build: the classpath file is written per module, the monitor's last.
./mvnw -q -B -o -DskipTests -pl bulwark-monitor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/bulwark-monitor/target/watch-bench.cp" -Dmdep.includeScope=test
cp="$root/bulwark-monitor/target/test-classes:$root/bulwark-monitor/target/classes:$root/bulwark-core/target/classes:$(cat bulwark-monitor/target/watch-bench.cp)"
java=${JAVA:-java}
exec "$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx${HEAP:-640m} -cp "$cp" \
  dev.bulwark.monitor.watch.WatchBench "$@"
