# Shared by the benchmark commands (customer-service/bench/run, delivery-service/bench/run):
# a private stack on its own ports, the admin's token, psql on its database, and hey runs.
# Source it; it starts the stack and stops it on exit.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export LUCKYGAS_RUN_DIR=${LUCKYGAS_RUN_DIR:-$(mktemp -d /tmp/luckygas-bench.XXXXXX)}
export LUCKYGAS_BASE_PORT=${LUCKYGAS_BASE_PORT:-28080}
export LUCKYGAS_PG_PORT=${LUCKYGAS_PG_PORT:-25433}
export LUCKYGAS_ADMIN_PASSWORD="bench-$RANDOM$RANDOM$RANDOM"
unset LUCKYGAS_DB_URL
BASE="http://localhost:$LUCKYGAS_BASE_PORT"
REQUESTS=${BENCH_REQUESTS:-2000}
CONCURRENCY=${BENCH_CONCURRENCY:-15}
WARMUP=${BENCH_WARMUP:-2000}

need() { # command package
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1
  fi
  command -v "$1" >/dev/null || { echo "bench: needs $1 (apt-get install $2)"; exit 1; }
}
need hey hey
need psql postgresql-client

trap '"$ROOT/deploy/local/stack" down >/dev/null 2>&1 || true; rm -rf "$LUCKYGAS_RUN_DIR" /tmp/hey.$$' EXIT
"$ROOT/deploy/local/stack" up >/dev/null

# The admin's access token (TOKEN). It lives 15 minutes and a slow run takes longer: measure() logs
# in again before each row (a 2026-12-02 run measured its last row as 401s with the first token).
login() {
  TOKEN=$(curl -s "$BASE/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$LUCKYGAS_ADMIN_PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$TOKEN" ] || { echo "bench: login failed"; exit 1; }
}
login
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$LUCKYGAS_PG_PORT" -U luckygas luckygas)

urlencode() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/\(..\)/%\1/g'; }

hey_run() { # clients requests args... : sets P50 P99 RPS ERRORS
  local clients=$1 requests=$2; shift 2
  hey -n "$requests" -c "$clients" "$@" > /tmp/hey.$$ 2>&1
  P50=$(awk '/ 50% in/ {printf "%.1f", $3 * 1000}' /tmp/hey.$$)
  P99=$(awk '/ 99% in/ {printf "%.1f", $3 * 1000}' /tmp/hey.$$)
  RPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' /tmp/hey.$$)
  ERRORS=$(awk '/Status code distribution/ {on=1; next} on && /\[/ && $1 !~ /^\[20[01]\]$/ {n += $2} END {print n + 0}' /tmp/hey.$$)
  # what the errors were (a status, or the client's own: a timeout, a reset), on stderr
  [ "$ERRORS" = 0 ] || sed -n '/Status code distribution/,$p' /tmp/hey.$$ | grep '\[' | grep -v '\[20[01]\]' | head -5 >&2
}

# One table row: warm-up (WARMUP requests by CONCURRENCY clients), then REQUESTS/2 requests by one client, then REQUESTS by CONCURRENCY clients.
measure() { # label method url [body-file]
  local label=$1 method=$2 url=$3 body=${4:-}
  login
  local args=(-m "$method" -H "Authorization: Bearer $TOKEN")
  [ -n "$body" ] && args+=(-T application/json -D "$body")
  hey_run "$CONCURRENCY" "$WARMUP" "${args[@]}" "$url"
  hey_run 1 "$((REQUESTS / 2))" "${args[@]}" "$url"
  local one_p50=$P50 one_p99=$P99 one_errors=$ERRORS
  hey_run "$CONCURRENCY" "$REQUESTS" "${args[@]}" "$url"
  printf '| %-7s | %-40s | %6s | %6s | %6s | %6s | %6s | %s |\n' "${BOOK:-}" "$label" "$one_p50" "$one_p99" \
    "$P50" "$P99" "$RPS" "$((one_errors + ERRORS))"
}

table_header() {
  printf '| data | request | 1 client p50 ms | p99 ms | %s clients p50 ms | p99 ms | req/s | errors |\n' "$CONCURRENCY"
  printf '| --- | --- | --- | --- | --- | --- | --- | --- |\n'
}
