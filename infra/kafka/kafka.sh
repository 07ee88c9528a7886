#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, no ZooKeeper, no Docker) for tests and the local hub.
# The broker's own jars come from Maven Central (pom.xml beside this file) and run on the machine's Java 17+.
#
#   kafka.sh fetch    resolve the broker jars into the cache (skipped when already there)
#   kafka.sh start    fetch, then start a broker on free loopback ports; prints KAFKA_BROKERS=127.0.0.1:<port>
#   kafka.sh stop     stop the broker and delete its run dir (data, logs)
#   kafka.sh pause    stop the broker process but keep its run dir (data, ports): an outage to recover from
#   kafka.sh resume   start a paused broker again on the same ports with its data; prints KAFKA_BROKERS=…
#   kafka.sh status   print KAFKA_BROKERS=… and exit 0 when running, exit 3 when not
#
# Environment:
#   KAFKA_VERSION     broker version (default 3.9.1; 4.1.1 and 4.4.0 also pass kafkajs' checks)
#   KAFKA_CACHE_DIR   where the jars go (default infra/.cache/kafka-<version>, git-ignored)
#   KAFKA_RUN_DIR     config, data, logs, pid and `brokers` file (default infra/.run/kafka, git-ignored)
#   KAFKA_HEAP        JVM heap (default 512m)
#   KAFKA_START_TIMEOUT  seconds to wait for the port to answer (default 60)
#
# Only the KAFKA_BROKERS=… line goes to stdout, so `eval "$(infra/kafka/kafka.sh start)"` exports it.
set -euo pipefail

script_name="kafka.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
infra="$(dirname "$here")"
# shellcheck source=../lib.sh
source "$infra/lib.sh"

version="${KAFKA_VERSION:-3.9.1}"
cache_dir="${KAFKA_CACHE_DIR:-$infra/.cache/kafka-$version}"
libs="$cache_dir/libs"
run_dir="${KAFKA_RUN_DIR:-$infra/.run/kafka}"
heap="${KAFKA_HEAP:-512m}"
start_timeout="${KAFKA_START_TIMEOUT:-60}"
pidfile="$run_dir/kafka.pid"

require_java() {
  command -v java >/dev/null 2>&1 || die "java not found on PATH; Kafka needs Java 17+ (apt-get install -y openjdk-17-jre-headless)"
}

fetch() {
  # A `.complete` marker, written last, tells a finished download from one interrupted half way.
  if [ -f "$libs/.complete" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH; it resolves the broker jars (apt-get install -y maven)"
  mkdir -p "$cache_dir"
  # Download into a private folder and rename it into place: two runs fetching at once never see half a libs dir.
  local tmp
  tmp="$(mktemp -d "$cache_dir/libs.tmp.XXXXXX")"
  note "resolving org.apache.kafka:kafka_2.13:$version from Maven Central into $libs"
  # Maven's output is kept for a failure only (-q still leaves terminal escape codes behind).
  if ! mvn -q -B -f "$here/pom.xml" "-Dkafka.version=$version" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime "-DoutputDirectory=$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    rmdir "$cache_dir" 2>/dev/null || true
    die "mvn could not resolve Kafka $version (is Maven Central reachable? is the version right?)"
  fi
  rm -f "$tmp.log"
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || {
    rm -rf "$tmp"
    die "mvn finished but no kafka_2.13 jar arrived in $tmp"
  }
  touch "$tmp/.complete"
  if ! mv -T "$tmp" "$libs" 2>/dev/null; then
    # Someone else finished first; theirs is as good as ours.
    rm -rf "$tmp"
    [ -f "$libs/.complete" ] || die "could not move the jars into $libs"
  fi
}

# 16 random bytes as base64url without padding (22 characters), the top bit of the first byte cleared so the
# id never starts with '-' (what Kafka's own Uuid.randomUuid() does).
cluster_id() {
  local hex first
  hex="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  first=$((0x${hex:0:2} & 0x7f))
  hex="$(printf '%02x' "$first")${hex:2}"
  printf '%b' "$(sed 's/../\\x&/g' <<<"$hex")" | base64 | tr '+/' '-_' | tr -d '=\n'
}

brokers_line() {
  cat "$run_dir/brokers"
}

running() {
  local line
  pid_alive "$pidfile" && [ -s "$run_dir/brokers" ] || return 1
  line="$(cat "$run_dir/brokers")"
  port_answers "${line##*:}"
}

start() {
  require_java
  if running; then
    note "already running (pid $(cat "$pidfile"))"
    brokers_line
    return 0
  fi
  if pid_alive "$pidfile"; then
    die "a broker process (pid $(cat "$pidfile")) from $run_dir is alive but not answering; run 'kafka.sh stop' first"
  fi
  fetch
  rm -rf "$run_dir"
  mkdir -p "$run_dir/data" "$run_dir/logs"

  local port cport
  port="$(free_port)"
  cport="$(free_port "$port")"
  # Single-node KRaft: one process is broker and controller. Replication factors of the internal topics must
  # be 1, or consumers never find a group coordinator. Never advertise the controller listener.
  cat >"$run_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$run_dir/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS

  if ! java "${java_opts[@]}" -cp "$libs/*" kafka.tools.StorageTool format \
    -t "$(cluster_id)" -c "$run_dir/server.properties" --ignore-formatted >"$run_dir/logs/format.log" 2>&1; then
    cat "$run_dir/logs/format.log" >&2
    die "formatting the KRaft storage in $run_dir/data failed (output above)"
  fi
  echo "$port" >"$run_dir/port"
  launch "$port"
}

java_opts=(
  "-Xmx$heap"
  "-Dlog4j.configuration=file:$here/log4j.properties"
  "-Dkafka.logs.dir=$run_dir/logs"
  -XX:+UseSerialGC
)

# Starts the broker of $run_dir/server.properties in the background and waits until port $1 answers.
launch() {
  local port="$1"
  # setsid + all three streams redirected: the broker outlives this script and holds no pipe of its caller's,
  # so `$(kafka.sh start)` and Node's execFile return as soon as the script ends.
  setsid java "${java_opts[@]}" -cp "$libs/*" kafka.Kafka "$run_dir/server.properties" \
    </dev/null >"$run_dir/logs/stdout.log" 2>&1 &
  echo $! >"$pidfile"

  local deadline=$((SECONDS + start_timeout))
  until port_answers "$port"; do
    if ! pid_alive "$pidfile"; then
      tail -n 40 "$run_dir/logs/stdout.log" "$run_dir/logs/server.log" >&2 2>/dev/null || true
      die "the broker exited during start-up (logs above, full logs in $run_dir/logs)"
    fi
    if ((SECONDS >= deadline)); then
      stop_pid "$pidfile" 5
      die "the broker did not answer on 127.0.0.1:$port within ${start_timeout}s (logs in $run_dir/logs)"
    fi
    sleep 0.1
  done

  echo "KAFKA_BROKERS=127.0.0.1:$port" | tee "$run_dir/brokers"
}

stop() {
  if [ ! -d "$run_dir" ]; then
    note "not running"
    return 0
  fi
  if pid_alive "$pidfile"; then
    stop_pid "$pidfile" 15
    note "stopped"
  else
    note "not running"
  fi
  rm -rf "$run_dir"
}

pause() {
  pid_alive "$pidfile" || die "no broker is running from $run_dir"
  [ -s "$run_dir/port" ] || die "$run_dir has no port file (a broker started by an older kafka.sh); stop and start it"
  stop_pid "$pidfile" 15
  rm -f "$pidfile"
  note "paused (data and ports kept in $run_dir; 'kafka.sh resume' starts it again)"
}

resume() {
  require_java
  if running; then
    note "already running (pid $(cat "$pidfile"))"
    brokers_line
    return 0
  fi
  [ -s "$run_dir/port" ] && [ -f "$run_dir/server.properties" ] || die "nothing paused in $run_dir; use 'kafka.sh start'"
  launch "$(cat "$run_dir/port")"
}

status() {
  if running; then
    brokers_line
    note "running (pid $(cat "$pidfile"), run dir $run_dir)"
    return 0
  fi
  note "not running"
  return 3
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  status) status ;;
  *)
    echo "usage: $0 fetch|start|stop|pause|resume|status   (env: KAFKA_VERSION, KAFKA_RUN_DIR, KAFKA_CACHE_DIR)" >&2
    exit 2
    ;;
esac
