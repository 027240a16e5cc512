#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl in a temp dir, listening
# on 127.0.0.1 only (and a unix socket inside the temp dir), on a free port, with a random password.
#
#   throwaway-postgres.sh start      start one; print its KEY=value lines on stdout (PGHOST PGPORT
#                                    PGUSER PGPASSWORD PGDATABASE ANTOM_TEST_DATABASE_URL
#                                    ANTOM_TEST_PG_DIR); exit 3 when PostgreSQL is not installed
#   throwaway-postgres.sh stop DIR   stop the cluster started in DIR and delete DIR
#   throwaway-postgres.sh run CMD... start, export the variables, run CMD, stop; CMD's exit status
#
# Why not pg_virtualenv: it writes the server's log to the terminal, mixed with the command's own
# output; here the log goes to DIR/server.log. The server refuses to run as root, so as root the
# cluster belongs to the `postgres` system user (the Debian package creates it).
# ANTOM_TEST_PG_BIN overrides where initdb/pg_ctl live (default: the newest /usr/lib/postgresql/*/bin).
set -uo pipefail

log() { printf '[throwaway-postgres] %s\n' "$*" >&2; }

pg_bin_dir() {
  if [[ -n "${ANTOM_TEST_PG_BIN:-}" ]]; then printf '%s\n' "$ANTOM_TEST_PG_BIN"; return; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -n "$dir" ]]; then printf '%s\n' "$dir"; return; fi
  dir="$(command -v pg_ctl 2>/dev/null)"
  [[ -n "$dir" ]] && dirname "$dir"
}

# Run a server binary as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})'
}

start_cluster() {
  local bin
  bin="$(pg_bin_dir)"
  if [[ -z "$bin" || ! -x "$bin/initdb" || ! -x "$bin/pg_ctl" ]]; then
    log "PostgreSQL server binaries not found (apt-get install -y postgresql)."
    return 3
  fi
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "Running as root but there is no 'postgres' user to own the cluster (the postgresql package creates it)."
    return 3
  fi
  local dir password port
  dir="$(mktemp -d "${TMPDIR:-/tmp}/antom-ops-pg.XXXXXX")"
  chmod 755 "$dir"
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$dir/pwfile"
  mkdir -p "$dir/data" "$dir/sock"
  if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres "$dir"; fi
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    log "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1
  fi
  rm -f "$dir/pwfile"
  local attempt
  for attempt in 1 2 3; do
    port="$(free_port)"
    # fsync=off: a test cluster is thrown away, and the tests' crashes are process crashes (the OS
    # keeps the bytes). Benchmarks that need real durability set ANTOM_TEST_PG_FSYNC=on.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=${ANTOM_TEST_PG_FSYNC:-off} -c max_connections=200" >/dev/null 2>&1; then
      printf 'PGHOST=127.0.0.1\nPGPORT=%s\nPGUSER=postgres\nPGPASSWORD=%s\nPGDATABASE=postgres\n' "$port" "$password"
      printf 'ANTOM_TEST_DATABASE_URL=postgresql://postgres:%s@127.0.0.1:%s/postgres\n' "$password" "$port"
      printf 'ANTOM_TEST_PG_DIR=%s\n' "$dir"
      return 0
    fi
    log "pg_ctl start on port $port failed (attempt $attempt); log tail:"; tail -n 5 "$dir/server.log" >&2
  done
  rm -rf "$dir"
  return 1
}

stop_cluster() {
  local dir="$1" bin
  [[ -d "$dir/data" ]] || { rm -rf "$dir"; return 0; }
  bin="$(pg_bin_dir)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) [[ -n "${2:-}" ]] || { log "usage: $0 stop DIR"; exit 2; }; stop_cluster "$2" ;;
  run)
    shift
    env_lines="$(start_cluster)" || exit $?
    while IFS= read -r line; do export "${line?}"; done <<<"$env_lines"
    trap 'stop_cluster "$ANTOM_TEST_PG_DIR"' EXIT
    "$@"
    ;;
  *) log "usage: $0 start | stop DIR | run CMD..."; exit 2 ;;
esac
