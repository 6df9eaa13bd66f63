#!/usr/bin/env bash
# Measures (1) the cold start of `./mvnw spring-boot:run` (warm Maven cache, existing data
# directory) until /readyz answers UP, and (2) requests/s and latency of a Reallabor
# page under wrk (32 connections, 30 s) against the packaged portal on the embedded database.
# Usage: bench/reallabor.sh [duration, default 30s]. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
PORT=18080
PAGE=/reallabore/hybride-formen-des-handels
DATA=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

wait_until_up() {
  local started=$1
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$PORT/readyz" 2>/dev/null | grep -q UP; then
      echo "$(( $(date +%s%N) / 1000000 - started ))"
      return 0
    fi
    sleep 0.1
  done
  echo "portal did not start" >&2; return 1
}

./mvnw -B -q -DskipTests package >/dev/null

echo "== cold start of ./mvnw spring-boot:run (first run creates the database) =="
for run in first second; do
  start=$(( $(date +%s%N) / 1000000 ))
  ./mvnw -B -q spring-boot:run -Dspring-boot.run.arguments="--server.port=$PORT --management.server.port=0 --portal.embedded-database.data-directory=$DATA/pg" >"$DATA/run-$run.log" 2>&1 &
  pid=$!
  ms=$(wait_until_up "$start")
  echo "$run start: ${ms} ms until health UP"
  kill "$pid"; pkill -f "server.port=$PORT" || true; wait "$pid" 2>/dev/null || true
  sleep 2
done

echo "== wrk on $PAGE ($DURATION, 32 connections, 2 threads), packaged jar =="
java -jar target/stadtportal-*.jar --server.port=$PORT --management.server.port=0 --portal.embedded-database.data-directory="$DATA/pg" >"$DATA/jar.log" 2>&1 &
wait_until_up "$(( $(date +%s%N) / 1000000 ))" >/dev/null
wrk -t2 -c32 -d5s "http://127.0.0.1:$PORT$PAGE" >/dev/null   # warm-up for the JIT
wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$PORT$PAGE"
