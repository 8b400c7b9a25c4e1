#!/usr/bin/env bash
# Starts (or stops) a local single-node Kafka (KRaft) and a PostgreSQL on 127.0.0.1 for trying
# `bulwark monitor --kafka HOST:PORT --postgres JDBC-URL --role follower|worker|all`.
#
#   scripts/monitor-cluster.sh start    prints exactly two lines: KAFKA=HOST:PORT, POSTGRES=JDBC-URL
#   scripts/monitor-cluster.sh stop     stops both (data kept; `stop --clean` deletes it)
#
# Kafka comes from Maven Central (kafka_2.13 and kafka-tools, resolved with ./mvnw), PostgreSQL
# from Debian's `postgresql` package (installed with apt-get when missing). Everything else goes
# to stderr. Environment: BULWARK_CLUSTER_DIR (default $TMPDIR/bulwark-monitor-cluster),
# KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), PG_PORT (15432).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${BULWARK_CLUSTER_DIR:-${TMPDIR:-/tmp}/bulwark-monitor-cluster}"
KAFKA_VERSION=4.3.1
KAFKA_PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
PG_PORT="${PG_PORT:-15432}"

log() { echo "monitor-cluster: $*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

wait_port() { # port seconds
  local i
  for ((i = 0; i < $2 * 2; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  return 1
}

kafka_classpath() {
  if [ -s "$DIR/kafka.classpath" ]; then return; fi
  log "resolving Kafka $KAFKA_VERSION from Maven Central"
  cat > "$DIR/kafka-pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.bulwark.local</groupId><artifactId>monitor-cluster-kafka</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>2.0.17</version></dependency>
  </dependencies>
</project>
POM
  (cd "$ROOT" && ./mvnw -q -B -f "$DIR/kafka-pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$DIR/kafka.classpath") >&2
}

start_kafka() {
  local k="$DIR/kafka"
  mkdir -p "$k"
  if [ -f "$k/pid" ] && kill -0 "$(cat "$k/pid")" 2>/dev/null; then
    log "Kafka already running (pid $(cat "$k/pid"))"
    return
  fi
  kafka_classpath
  local cp
  cp="$(cat "$DIR/kafka.classpath")"
  cat > "$k/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$k/logs
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ! -f "$k/logs/meta.properties" ]; then
    local id
    id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid)"
    java -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$k/server.properties" \
      --standalone >&2
  fi
  nohup java -Xmx512m -cp "$cp" kafka.Kafka "$k/server.properties" > "$k/broker.log" 2>&1 &
  echo $! > "$k/pid"
  if ! wait_port "$KAFKA_PORT" 120; then
    log "Kafka did not open port $KAFKA_PORT; see $k/broker.log"
    exit 1
  fi
  log "Kafka up on 127.0.0.1:$KAFKA_PORT (pid $(cat "$k/pid"))"
}

start_postgres() {
  local bin p="$DIR/pg"
  bin="$(pg_bin)"
  if [ -z "$bin" ]; then
    log "installing Debian's postgresql package"
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) >&2
    bin="$(pg_bin)"
  fi
  mkdir -p "$p"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$p"
    chmod 755 "$DIR"
    # PostgreSQL runs as the postgres user, who must be able to reach the folder: a parent that
    # only root may enter (a `mktemp -d` folder, a home folder) would fail initdb half-way.
    if ! as_postgres test -w "$p"; then
      log "the postgres user cannot reach $p: put BULWARK_CLUSTER_DIR under a folder others may enter (e.g. /tmp), or chmod o+x its parents"
      exit 1
    fi
  fi
  if [ ! -f "$p/data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$p/data" -A trust -U bulwark >&2
  fi
  if as_postgres "$bin/pg_ctl" -D "$p/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running"
    return
  fi
  as_postgres "$bin/pg_ctl" -D "$p/data" \
    -o "-p $PG_PORT -k $p -c listen_addresses=127.0.0.1" -l "$p/log" -w start >&2
  log "PostgreSQL up on 127.0.0.1:$PG_PORT"
}

stop_all() {
  local k="$DIR/kafka" bin
  if [ -f "$k/pid" ]; then
    local pid
    pid="$(cat "$k/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$k/pid"
    log "Kafka stopped"
  fi
  bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -f "$DIR/pg/data/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >&2 || true
    log "PostgreSQL stopped"
  fi
}

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    start_postgres
    start_kafka
    echo "KAFKA=127.0.0.1:$KAFKA_PORT"
    echo "POSTGRES=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=bulwark"
    ;;
  stop)
    stop_all
    if [ "${2:-}" = "--clean" ]; then rm -rf "$DIR"; log "removed $DIR"; fi
    ;;
  *)
    echo "usage: $0 start|stop [--clean]" >&2
    exit 2
    ;;
esac
