# Skeleton for the end-to-end and fault tests of issue 8 (to be written once route planning
# lands; NOT run by .ci/run yet). Source it from a test script:
#
#   source "$(dirname "$0")/stack-lib.sh"      # starts the stack, stops it on exit
#   ADMIN=$(login admin "$LUCKYGAS_ADMIN_PASSWORD")
#   call POST /api/auth/users "$ADMIN" '{"username":"office.e2e",...}'; expect 201 "admin creates an office user"
#   id=$(field id)                              # from the last response body
#   kill_service customer-service; ...; restart_missing
#   finish                                      # prints the tally, exits 1 on any failure
#
# It runs the real stack (embedded PostgreSQL, the four packaged jars, nginx) on its own ports
# (E2E_BASE_PORT/E2E_PG_PORT; defaults 58080/55433) in a temporary directory, with jars already
# built unless E2E_BUILD=1. Everything goes through the ingress, as the office and drivers use it.
set -uo pipefail

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export LUCKYGAS_RUN_DIR=${LUCKYGAS_RUN_DIR:-$(mktemp -d /tmp/luckygas-e2e.XXXXXX)}
export LUCKYGAS_BASE_PORT=${E2E_BASE_PORT:-58080} LUCKYGAS_PG_PORT=${E2E_PG_PORT:-55433}
export LUCKYGAS_ADMIN_PASSWORD="e2e-$(date +%s)-$RANDOM$RANDOM"
[ "${E2E_BUILD:-0}" = 1 ] || export LUCKYGAS_SKIP_BUILD=1
unset LUCKYGAS_DB_URL
BASE="http://localhost:$LUCKYGAS_BASE_PORT"
BODY="$LUCKYGAS_RUN_DIR/last-body"
STATUS=""
e2e_passed=0
e2e_failed=0

e2e_stop() { "$E2E_ROOT/deploy/local/stack" down >/dev/null 2>&1 || true; }
trap e2e_stop EXIT

if ! "$E2E_ROOT/deploy/local/stack" up > "$LUCKYGAS_RUN_DIR/stack-up.log" 2>&1; then
  echo "the stack did not come up:"; tail -n 20 "$LUCKYGAS_RUN_DIR/stack-up.log" "$LUCKYGAS_RUN_DIR"/logs/*.log
  exit 1
fi

# call METHOD PATH [TOKEN] [JSON]: sets STATUS, the body in $BODY; never hangs (10 s at most)
call() {
  local method=$1 path=$2 token=${3:-} json=${4:-}
  local args=(-s -m 10 -o "$BODY" -w '%{http_code}' -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$json" ] && args+=(-H 'Content-Type: application/json' -d "$json")
  STATUS=$(curl "${args[@]}" "$BASE$path") || STATUS=${STATUS:-000}
}

# expect STATUS what: records a check of the last call
expect() {
  if [ "$STATUS" = "$1" ]; then e2e_passed=$((e2e_passed + 1)); echo "ok   $2 ($STATUS)"
  else e2e_failed=$((e2e_failed + 1)); echo "FAIL $2: $STATUS, expected $1: $(head -c 300 "$BODY")"; fi
}

# check CONDITION-COMMAND... what: records any other check
check() {
  local what=${*: -1}
  if "${@:1:$#-1}"; then e2e_passed=$((e2e_passed + 1)); echo "ok   $what"
  else e2e_failed=$((e2e_failed + 1)); echo "FAIL $what"; fi
}

# field NAME: a top-level string or number of the last JSON body (first occurrence)
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" "$BODY" | head -1; }

login() { call POST /api/auth/login "" "{\"username\":\"$1\",\"password\":\"$2\"}"; field accessToken; }

psql_e2e() { psql -X -q -At -h localhost -p "$LUCKYGAS_PG_PORT" -U luckygas luckygas "$@"; }

# Fault injection: the pid files of deploy/local/stack
kill_service() { local pid; pid=$(cat "$LUCKYGAS_RUN_DIR/$1.pid")
                 kill -KILL "$pid" 2>/dev/null || true
                 while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; }
stop_postgres() { kill -TERM "$(cat "$LUCKYGAS_RUN_DIR/postgres.pid")" 2>/dev/null || true
                  while kill -0 "$(cat "$LUCKYGAS_RUN_DIR/postgres.pid")" 2>/dev/null; do sleep 0.2; done; }
# starts whatever is not running (PostgreSQL, services) and waits until ready
restart_missing() { LUCKYGAS_SKIP_BUILD=1 "$E2E_ROOT/deploy/local/stack" up > "$LUCKYGAS_RUN_DIR/stack-restart.log" 2>&1; }

finish() {
  echo "$e2e_passed passed, $e2e_failed failed"
  [ "$e2e_failed" = 0 ]
  exit $?
}
