#!/usr/bin/env bash
# Creates the customer and delivery schemas in a fresh database the way their services would at
# start (their Flyway migrations, in order), for the importer's benchmark and manual runs without
# starting the services.   Usage: importer/bench/schemas.sh psql-args...
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for schema in customer delivery; do
  dir="$ROOT/$schema-service/src/main/resources/db/migration"
  {
    echo "CREATE SCHEMA IF NOT EXISTS $schema; SET search_path = $schema;"
    for f in $(ls "$dir" | sort -V); do cat "$dir/$f"; echo; done
  } | psql -q -X -v ON_ERROR_STOP=1 "$@" >/dev/null
done
