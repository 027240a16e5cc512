#!/usr/bin/env bash
# `npm test`: runs the test stages against a real OS keychain.
#
# The keychain tests need a Secret Service (gnome-keyring) on a D-Bus session bus. Without a bus
# (CI, SSH, containers) or with ANTOM_TEST_FRESH_KEYRING=1 this script re-runs itself inside a
# private `dbus-run-session` and starts a throwaway, unlocked gnome-keyring whose files live in a
# temp dir (HOME is never changed: npm reads its config from there). Inside a desktop session it
# uses the session's own Secret Service; the tests file their items under a unique service name
# and delete them.
#
# Stages are functions so later stages (e.g. the e2e run) can be appended to run_stages.
# Arguments are passed to vitest: `npm test -- test/core/keychain`.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2

log() { printf '[run-tests] %s\n' "$*" >&2; }

KEYRING_PID=""
KEYRING_TMP=""
PG_DIR=""

cleanup() {
  if [[ -n "$KEYRING_PID" ]]; then kill "$KEYRING_PID" 2>/dev/null; wait "$KEYRING_PID" 2>/dev/null; fi
  if [[ -n "$KEYRING_TMP" ]]; then rm -rf "$KEYRING_TMP"; fi
  if [[ -n "$PG_DIR" ]]; then bash "$ROOT/scripts/throwaway-postgres.sh" stop "$PG_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Stage 0: make sure we are on a D-Bus session bus we may start a keyring on.
enter_dbus_session() {
  if [[ "${ANTOM_TEST_IN_PRIVATE_DBUS:-}" == "1" ]]; then return 0; fi
  if [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" && "${ANTOM_TEST_FRESH_KEYRING:-}" != "1" ]]; then return 0; fi
  if command -v dbus-run-session >/dev/null 2>&1; then
    export ANTOM_TEST_IN_PRIVATE_DBUS=1
    exec dbus-run-session -- bash "$0" "$@"
  fi
  log "dbus-run-session is not installed, so the keychain tests cannot reach a real Secret Service."
  log "Install: apt-get install -y dbus gnome-keyring libsecret-tools dbus-x11"
  if [[ "${CI:-}" == "true" ]]; then
    log "CI=true: the keychain tests will FAIL (not skip) without it."
  else
    log "Continuing: the keychain tests will skip and say why."
  fi
}

# True once some process owns the Secret Service name. Asking this way never triggers D-Bus
# activation, which would race our daemon with a second, auto-started gnome-keyring.
secret_service_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

wait_for_our_daemon() {
  local i
  for ((i = 0; i < 100; i++)); do
    if secret_service_owned; then return 0; fi
    if ! kill -0 "$KEYRING_PID" 2>/dev/null; then return 1; fi
    sleep 0.05
  done
  return 1
}

# Wait (bounded) until the Secret Service stores and returns a probe item.
wait_for_secret_service() {
  local probe_service="antom-ops-test-probe-$$"
  local i
  for ((i = 0; i < 50; i++)); do
    if printf 'probe' | timeout 5 secret-tool store --label='antom-ops test probe' service "$probe_service" account probe 2>/dev/null &&
      [[ "$(timeout 5 secret-tool lookup service "$probe_service" account probe 2>/dev/null)" == "probe" ]]; then
      timeout 5 secret-tool clear service "$probe_service" account probe 2>/dev/null
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# Stage 1: a real, unlocked keyring for the keychain tests.
start_keyring() {
  unset ANTOM_KEYRING_READY
  if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
    log "No D-Bus session bus: keychain tests will not have a keyring."
    return 0
  fi
  if ! command -v secret-tool >/dev/null 2>&1; then
    log "secret-tool is missing (apt-get install -y libsecret-tools): keychain tests will not have a keyring."
    return 0
  fi

  if [[ "${ANTOM_TEST_IN_PRIVATE_DBUS:-}" == "1" ]]; then
    if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
      log "gnome-keyring-daemon is missing (apt-get install -y gnome-keyring): keychain tests will not have a keyring."
      return 0
    fi
    KEYRING_TMP="$(mktemp -d "${TMPDIR:-/tmp}/antom-ops-keyring.XXXXXX")"
    export XDG_DATA_HOME="$KEYRING_TMP/data" XDG_CACHE_HOME="$KEYRING_TMP/cache" XDG_RUNTIME_DIR="$KEYRING_TMP/runtime"
    mkdir -p "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
    mkdir -m 700 "$XDG_RUNTIME_DIR"
    # --foreground keeps the daemon our child so the EXIT trap can stop it by pid. It prints
    # env lines (e.g. GNOME_KEYRING_CONTROL) once ready; keep only NAME=value lines.
    local env_file="$KEYRING_TMP/keyring.env"
    printf 'antom-ops-test-password' |
      gnome-keyring-daemon --foreground --unlock --components=secrets >"$env_file" 2>"$KEYRING_TMP/keyring.log" &
    KEYRING_PID=$!
    if ! wait_for_our_daemon || ! wait_for_secret_service; then
      log "gnome-keyring did not answer in time; its log:"
      cat "$KEYRING_TMP/keyring.log" >&2
      return 0
    fi
    local line
    while IFS= read -r line; do
      if [[ "$line" =~ ^[A-Z_][A-Z0-9_]*=.*$ ]]; then export "${line?}"; fi
    done <"$env_file"
    log "Private gnome-keyring running (pid $KEYRING_PID, files in $KEYRING_TMP)."
  else
    if ! wait_for_secret_service; then
      log "This D-Bus session has no working Secret Service; set ANTOM_TEST_FRESH_KEYRING=1 to use a private one."
      return 0
    fi
    log "Using this desktop session's Secret Service (items are filed under a unique test service and removed)."
  fi
  export ANTOM_KEYRING_READY=1
}

# Stage 1b: a throwaway PostgreSQL cluster for the shared-journal tests (scripts/throwaway-postgres.sh:
# initdb + pg_ctl in a temp dir, 127.0.0.1 on a free port). Exports PG* and ANTOM_TEST_DATABASE_URL;
# test/support/postgres.ts gives each test file its own database in it. Without the server the
# PostgreSQL tests skip and say why (they fail instead under CI=true). ANTOM_TEST_DATABASE_URL
# already set: that server is used and nothing is started.
start_postgres() {
  unset ANTOM_TEST_POSTGRES_READY
  if [[ -n "${ANTOM_TEST_DATABASE_URL:-}" ]]; then
    export ANTOM_TEST_POSTGRES_READY=1
    log "Using the PostgreSQL server of ANTOM_TEST_DATABASE_URL."
    return 0
  fi
  local env_lines line status
  env_lines="$(bash "$ROOT/scripts/throwaway-postgres.sh" start)"
  status=$?
  if [[ $status -ne 0 ]]; then
    if [[ "${CI:-}" == "true" ]]; then log "CI=true: the PostgreSQL tests will FAIL (not skip) without a server."
    else log "Continuing: the PostgreSQL tests will skip and say why."; fi
    return 0
  fi
  while IFS= read -r line; do export "${line?}"; done <<<"$env_lines"
  PG_DIR="$ANTOM_TEST_PG_DIR"
  export ANTOM_TEST_POSTGRES_READY=1
  log "Throwaway PostgreSQL on 127.0.0.1:$PGPORT (files in $PG_DIR)."
}

# Stage 2: unit and integration tests (vitest).
run_unit_tests() {
  npx vitest run "$@"
}

# Stage 3: both TypeScript configs (node: main, shared, tests, bench; web: renderer).
run_typecheck() {
  npx tsc --noEmit -p tsconfig.node.json || return $?
  npx tsc --noEmit -p tsconfig.web.json
}

# Stage 3b: ESLint with typescript-eslint (eslint.config.mjs): import boundaries between the rooms
# and doors, no floating promises, the house style. Type-aware, so it runs after the typecheck.
run_lint() {
  npx eslint .
}

# Stage 4: end-to-end tests in Debian's chromium against the browser preview (playwright.config.ts).
# They keep keys in the keyring of stage 1 (ANTOM_KEYRING_READY). Screenshots of every dashboard
# land in test-results/screenshots/. E2E_ARGS passes extra Playwright arguments (e.g. "--grep capture").
run_e2e() {
  if [[ ! -x "${ANTOM_OPS_CHROMIUM:-/usr/bin/chromium}" ]]; then
    if [[ "${CI:-}" == "true" ]]; then
      log "FAIL: chromium is not installed (apt-get install -y chromium); CI must run the e2e tests."
      return 1
    fi
    log "Skipping the e2e tests: chromium is not installed (apt-get install -y chromium)."
    return 0
  fi
  # shellcheck disable=SC2086 # E2E_ARGS is a list of words on purpose
  npx playwright test ${E2E_ARGS:-}
}

# Stage 5: @doyensec/electronegativity on src-main + src-renderer; fails on high/medium findings
# not explained in .electronegativity/accepted-findings.json (skips with its reason when the tool
# is not installed, fails instead under CI=true).
run_electronegativity() {
  node scripts/electronegativity-gate.mjs
}

# ANTOM_TEST_STAGES=unit,typecheck,lint,e2e,electronegativity picks stages (default: all). Arguments
# select vitest files, so a run with arguments is a targeted unit run unless stages are named.
stage_enabled() {
  local wanted="${ANTOM_TEST_STAGES:-}"
  if [[ -z "$wanted" ]]; then
    [[ "$1" == "unit" || "$ARGC" -eq 0 ]]
    return
  fi
  [[ ",$wanted," == *",$1,"* ]]
}

run_stages() {
  ARGC=$#
  start_keyring
  if stage_enabled unit; then start_postgres; run_unit_tests "$@" || return $?; fi
  if stage_enabled typecheck; then log "Stage: typecheck"; run_typecheck || return $?; fi
  if stage_enabled lint; then log "Stage: lint (eslint)"; run_lint || return $?; fi
  if stage_enabled e2e; then log "Stage: e2e (playwright + chromium)"; run_e2e || return $?; fi
  if stage_enabled electronegativity; then log "Stage: electronegativity"; run_electronegativity || return $?; fi
  if [[ "$ARGC" -gt 0 && -z "${ANTOM_TEST_STAGES:-}" ]]; then
    log "Arguments given: ran the selected vitest files only (set ANTOM_TEST_STAGES to add typecheck,lint,e2e,electronegativity)."
  fi
}

enter_dbus_session "$@"
run_stages "$@"
exit $?
