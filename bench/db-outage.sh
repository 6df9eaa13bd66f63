#!/usr/bin/env bash
# Database outage drill (issue 15, point 10): loads the packaged portal with a few curl loops on
# loopback, stops its PostgreSQL for a while, starts it again and prints what visitors got: answers
# per status code, the longest wait, and how long after PostgreSQL was back the first and the
# last failure happened (time to recover).
#
# Usage: bench/db-outage.sh [outage seconds, default 10] [parallel loops, default 4] [port, default 18085]
# Embedded PostgreSQL (default): the script starts the portal itself on a throw-away database.
# External PostgreSQL: start the portal yourself, then
#   PORTAL_URL=http://127.0.0.1:8080 PGDATA=/var/lib/postgresql/18/main bench/db-outage.sh
# (run as the postgres user that owns PGDATA). Keep the loops few: this is a drill, not a benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
OUTAGE=${1:-10}
LOOPS=${2:-4}
PORT=${3:-18085}
WORK=$(mktemp -d)
PORTAL_PID=
cleanup() {
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

if [ -z "${PORTAL_URL:-}" ]; then
  PORTAL_URL="http://127.0.0.1:$PORT"
  PGDATA="$WORK/pg"
  ls target/stadtportal-*.jar >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package >/dev/null
  JAR=$(ls target/stadtportal-*.jar | grep -v original | head -1)
  java -jar "$JAR" --server.port="$PORT" --management.server.port=0 --portal.embedded-database.data-directory="$PGDATA" \
    --portal.mail.scheduler-enabled=false >"$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 900); do
    curl -fs "$PORTAL_URL/readyz" 2>/dev/null | grep -q UP && break
    sleep 0.2
  done
fi
curl -fs "$PORTAL_URL/readyz" | grep -q UP || { echo "portal not up at $PORTAL_URL" >&2; exit 1; }
[ -f "$PGDATA/postmaster.pid" ] || { echo "no PostgreSQL running in $PGDATA" >&2; exit 1; }
POSTMASTER=$(head -1 "$PGDATA/postmaster.pid")
OPTS=$(cat "$PGDATA/postmaster.opts")   # the exact command line PostgreSQL was started with

# Load: each loop asks for a search page (a new query each time, so no cache answers it).
for loop in $(seq 1 "$LOOPS"); do
  (
    while true; do
      start=$(now_ms)
      out=$(curl -s -o /dev/null -m 60 -w '%{http_code} %{time_total}' "$PORTAL_URL/unternehmen?q=drill$loop-$RANDOM" || echo "000 60")
      echo "$start $out" >>"$WORK/requests-$loop.log"
    done
  ) &
done

sleep 5
echo "stopping PostgreSQL for $OUTAGE s"
kill -INT "$POSTMASTER"   # fast shutdown, as pg_ctl stop -m fast
while kill -0 "$POSTMASTER" 2>/dev/null; do sleep 0.1; done
STOPPED=$(now_ms)
sleep "$OUTAGE"
echo "starting PostgreSQL again"
(cd / && eval "$OPTS" >"$WORK/postgres.log" 2>&1 &)
# up when postmaster.pid says "ready" (its 8th line)
for _ in $(seq 1 200); do grep -q ready "$PGDATA/postmaster.pid" 2>/dev/null && break; sleep 0.1; done
STARTED=$(now_ms)
sleep 15
for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
sleep 1

cat "$WORK"/requests-*.log | sort -n >"$WORK/all.log"
echo
echo "== $(wc -l <"$WORK/all.log") requests, PostgreSQL down for $(( (STARTED - STOPPED) / 1000 )) s =="
echo "answers by status (000 = no answer / connection failed):"
awk '{print $2}' "$WORK/all.log" | sort | uniq -c | sed 's/^/  /'
awk '{ if ($3 > max) max = $3 } END { printf "longest wait: %.2f s\n", max }' "$WORK/all.log"
awk -v stopped="$STOPPED" -v started="$STARTED" '
  $1 >= stopped && $1 < started { during++; if ($2 == 503) unavailable++ }
  $2 != 200 && $1 >= started { last = $1 + $3 * 1000 }
  $2 == 200 && $1 >= stopped && !first && $1 + 0 >= started { first = $1 + $3 * 1000 }
  END {
    printf "during the outage: %d requests, %d of them 503\n", during, unavailable
    printf "first 200 after PostgreSQL was back: %.1f s\n", (first - started) / 1000
    if (last) printf "last failure after PostgreSQL was back: %.1f s (time to recover)\n", (last - started) / 1000
    else print "no failure after PostgreSQL was back (time to recover: 0 s)"
  }' "$WORK/all.log"
echo "errors in the portal log: $(grep -c ' ERROR ' "$WORK/portal.log" 2>/dev/null || echo n/a)"
