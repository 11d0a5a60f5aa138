# The helpers of the whole-system tests (deploy/e2e/e2e-test, deploy/e2e/fault-test, both run by
# deploy/e2e/run-all from .ci/run). Source it from a test script:
#
#   source "$(dirname "$0")/stack-lib.sh"      # starts the stack, stops it on exit (unless shared)
#   login ADMIN admin "$LUCKYGAS_ADMIN_PASSWORD"  # a recorded check; the token in $ADMIN
#   call POST /api/auth/users "$ADMIN" '{"username":"office.e2e",...}'; expect 201 "admin creates an office user"
#   id=$(field id)                              # from the last response body; has TEXT, has_json NAME VALUE
#   kill_service customer-service; ...; restart_missing;  stop_postgres; start_postgres
#   finish NAME                                 # prints the tally, exits 1 on any failure
#
# It runs the real stack (embedded PostgreSQL, the four packaged jars, nginx) on its own ports
# (E2E_BASE_PORT/E2E_PG_PORT; defaults 19080/19433, below the ephemeral range 32768–60999 from
# which outgoing connections take their ports) in a temporary directory, with jars already
# built unless E2E_BUILD=1. Everything goes through the ingress, as the office and drivers use it.
# With E2E_STACK_UP=1 (set by run-all for its children) it uses the stack already running. The
# services' business clock starts at 07:30 of today in Taipei (LUCKYGAS_CLOCK_START), so that the
# day can be planned whatever the hour; day-test restarts two services with the clock at 14:00.
set -uo pipefail

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATUS=""
SECONDS_TAKEN=""
e2e_passed=0
e2e_failed=0
e2e_started=$(date +%s)

if [ "${E2E_STACK_UP:-0}" = 1 ]; then
  # deploy/e2e/run-all started the stack and passes its settings on: use it, leave it running
  : "${LUCKYGAS_RUN_DIR:?}" "${LUCKYGAS_ADMIN_PASSWORD:?}"
else
  export LUCKYGAS_RUN_DIR=${LUCKYGAS_RUN_DIR:-$(mktemp -d /tmp/luckygas-e2e.XXXXXX)}
  export LUCKYGAS_BASE_PORT=${E2E_BASE_PORT:-19080} LUCKYGAS_PG_PORT=${E2E_PG_PORT:-19433}
  export LUCKYGAS_ADMIN_PASSWORD="e2e-$(date +%s)-$RANDOM$RANDOM"
  # The services' business clock starts at 07:30 of today (Taipei) whatever the hour the tests run:
  # today's plans start from now, and at 23:00 a day has no room left for anything.
  export LUCKYGAS_CLOCK_START=${LUCKYGAS_CLOCK_START:-"$(TZ=Asia/Taipei date +%F)T07:30"}
  [ "${E2E_BUILD:-0}" = 1 ] || export LUCKYGAS_SKIP_BUILD=1
  unset LUCKYGAS_DB_URL

  e2e_stop() {
    "$E2E_ROOT/deploy/local/stack" down >/dev/null 2>&1 || true
    [ "${E2E_KEEP_RUN_DIR:-0}" = 1 ] || rm -rf "$LUCKYGAS_RUN_DIR"
  }
  trap e2e_stop EXIT

  mkdir -p "$LUCKYGAS_RUN_DIR"
  echo "starting the stack (ingress http://localhost:$LUCKYGAS_BASE_PORT, PostgreSQL $LUCKYGAS_PG_PORT, $LUCKYGAS_RUN_DIR)"
  if ! "$E2E_ROOT/deploy/local/stack" up > "$LUCKYGAS_RUN_DIR/stack-up.log" 2>&1; then
    echo "FAIL the stack did not come up:"; tail -n 20 "$LUCKYGAS_RUN_DIR/stack-up.log" "$LUCKYGAS_RUN_DIR"/logs/*.log
    exit 1
  fi
  echo "stack up in $(( $(date +%s) - e2e_started ))s"
  export E2E_STACK_UP=1
fi
BASE="http://localhost:$LUCKYGAS_BASE_PORT"
BODY="$LUCKYGAS_RUN_DIR/last-body.$$"

# call METHOD PATH [TOKEN] [JSON] [more curl arguments]: sets STATUS and SECONDS_TAKEN, the body
# in $BODY and the headers in $HEADERS; never hangs (E2E_MAX_TIME seconds at most, 10 by default)
HEADERS="$LUCKYGAS_RUN_DIR/last-headers"
call() {
  local method=$1 path=$2 token=${3:-} json=${4:-}
  local args=(-s -m "${E2E_MAX_TIME:-10}" -o "$BODY" -D "$HEADERS" -w '%{http_code} %{time_total}' -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$json" ] && args+=(-H 'Content-Type: application/json' -d "$json")
  args+=("${@:5}")
  : > "$BODY"; : > "$HEADERS"
  local out
  out=$(curl "${args[@]}" "$BASE$path") || true
  STATUS=${out%% *}; SECONDS_TAKEN=${out#* }
  [ -n "$STATUS" ] || STATUS=000
}

# header NAME: a header of the last response (value only)
header() { tr -d '\r' < "$HEADERS" | sed -n "s/^$1: *//Ip" | tail -1; }

# expect STATUS what: records a check of the last call
expect() {
  if [ "$STATUS" = "$1" ]; then e2e_passed=$((e2e_passed + 1)); echo "ok   $2 ($STATUS)"
  else e2e_failed=$((e2e_failed + 1)); echo "FAIL $2: $STATUS, expected $1: $(head -c 300 "$BODY")"; fi
}

# check CONDITION-COMMAND... what: records any other check
check() {
  local what=${*: -1}
  if "${@:1:$#-1}"; then e2e_passed=$((e2e_passed + 1)); echo "ok   $what"
  else e2e_failed=$((e2e_failed + 1)); echo "FAIL $what; last body: $(head -c 300 "$BODY")"; fi
}

# field NAME: a string or number of the last JSON body (its first occurrence)
field() { grep -o "\"$1\":\"\\{0,1\\}[^\",}]*" "$BODY" | head -1 | sed "s/^\"$1\":\"\\{0,1\\}//"; }

# has TEXT: the last body contains TEXT (fixed string)
has() { grep -qF -- "$1" "$BODY"; }
# has_json NAME VALUE: the last body has "NAME":VALUE, spaced or not (PostgreSQL's json_build_object
# writes "name" : value); VALUE is an extended regular expression
has_json() { grep -Eq -- "\"$1\" ?: ?$2([,}]| )" "$BODY"; }

# login VAR USERNAME PASSWORD: logs in (a recorded check) and puts the access token in VAR
login() { call POST /api/auth/login "" "{\"username\":\"$2\",\"password\":\"$3\"}"
          expect 200 "$2 logs in"; printf -v "$1" '%s' "$(field accessToken)"; }

psql_e2e() { psql -X -q -At -h localhost -p "$LUCKYGAS_PG_PORT" -U luckygas luckygas "$@"; }

# Fault injection: the pid files of deploy/local/stack
kill_service() { local pid; pid=$(cat "$LUCKYGAS_RUN_DIR/$1.pid")
                 kill -KILL "$pid" 2>/dev/null || true
                 while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; }
stop_postgres() { kill -TERM "$(cat "$LUCKYGAS_RUN_DIR/postgres.pid")" 2>/dev/null || true
                  while kill -0 "$(cat "$LUCKYGAS_RUN_DIR/postgres.pid")" 2>/dev/null; do sleep 0.2; done; }
# start_postgres: the embedded PostgreSQL again, on the same data directory, as deploy/local/stack
# starts it (the services stay as they are); waits until it accepts connections (60 s at most)
start_postgres() {
  local dir="$E2E_ROOT/deploy/local/embedded-postgres/target" log="$LUCKYGAS_RUN_DIR/logs/postgres.log" i
  : > "$log"
  nohup java -cp "$(ls "$dir"/embedded-postgres-launcher-*.jar):$dir/lib/*" com.luckygas.localstack.LocalPostgres \
    "$LUCKYGAS_RUN_DIR/pgdata" "$LUCKYGAS_PG_PORT" >> "$log" 2>&1 &
  echo $! > "$LUCKYGAS_RUN_DIR/postgres.pid"
  for ((i = 0; i < 600; i++)); do
    grep -q '^READY' "$log" && return 0
    kill -0 "$(cat "$LUCKYGAS_RUN_DIR/postgres.pid")" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# starts whatever is not running (PostgreSQL, services) and waits until ready
restart_missing() { LUCKYGAS_SKIP_BUILD=1 "$E2E_ROOT/deploy/local/stack" up > "$LUCKYGAS_RUN_DIR/stack-restart.log" 2>&1; }

# finish NAME: prints the tally and the time taken; exits 1 on any failure
finish() {
  echo "${1:-e2e}: $e2e_passed passed, $e2e_failed failed in $(( $(date +%s) - e2e_started ))s"
  [ "$e2e_failed" = 0 ] && [ "$e2e_passed" -gt 0 ]
  exit $?
}
