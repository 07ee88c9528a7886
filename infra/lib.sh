# Helpers shared by infra/kafka/kafka.sh and infra/postgres/pg.sh. Sourced, never run.
# The callers set `set -euo pipefail`; these functions return non-zero instead of exiting.

# System tools (runuser, useradd) live in sbin, which a minimal PATH (cron, CI, env -i) may lack.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac

# Prints a message on stderr, prefixed with the calling script's name, and exits 1.
die() {
  echo "${script_name:-infra}: $*" >&2
  exit 1
}

# Prints a note on stderr (stdout carries only the KEY=value result, so callers can eval or grep it).
note() {
  echo "${script_name:-infra}: $*" >&2
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a loopback port nobody listens on, avoiding the ports given as arguments. Picked from 20000-32767,
# below Linux's ephemeral range (32768-60999), so it never collides with an outgoing connection's local port.
# Port 0 is not an option for Kafka: its advertised listener must name the real port.
free_port() {
  local port tries=0
  while ((tries < 200)); do
    tries=$((tries + 1))
    port=$((20000 + RANDOM % 12768))
    case " $* " in *" $port "*) continue ;; esac
    if command -v ss >/dev/null 2>&1 && ss -Htan "sport = :$port" 2>/dev/null | grep -q .; then
      continue
    fi
    port_answers "$port" && continue
    echo "$port"
    return 0
  done
  echo "no free loopback port found in 200 tries" >&2
  return 1
}

# True when the pid in file $1 names a live process.
pid_alive() {
  local pid
  [ -s "$1" ] || return 1
  pid="$(cat "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Sends TERM to the pid in file $1, waits up to $2 seconds (default 15) for it to exit, then KILLs it.
stop_pid() {
  local pidfile="$1" wait_s="${2:-15}" pid i
  pid_alive "$pidfile" || return 0
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  note "pid $pid still running after ${wait_s}s; sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
}
