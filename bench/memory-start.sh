#!/usr/bin/env bash
# Cold start and memory of the packaged portal on the embedded database (throw-away data directory,
# so every start includes initdb, Flyway and the demo data; a second start on the same data shows
# the everyday case). Three ways to run it: the JVM's defaults, the options the README recommends,
# and those plus Spring Boot's CDS archive (extracted jar, training run with
# -XX:ArchiveClassesAtExit and -Dspring.context.exit=onRefresh, as Spring Boot documents it).
# Start = launch until /readyz answers 200. RSS = the JVM's resident memory (VmHWM, the peak) after
# a load of public pages with wrk (32 connections); PostgreSQL's own processes are not in it.
# Usage: bench/memory-start.sh [load duration per page, default 5s]. Needs wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-5s}
PORT=18390
DATA=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT
RECOMMENDED="-Xmx256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m"
PAGES="/ /impressum /unternehmen /unternehmen?q=B%C3%A4ckerei /unternehmen/baeckerei-kamphues /unternehmen/karte /veranstaltungen /sprechtag /handwerk /reallabore/hybride-formen-des-handels /fairtrade /fachkraefte /suche?q=Handwerk /en/veranstaltungen /veranstaltungen.ics"

JAR=${JAR:-$(ls target/stadtportal-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package >/dev/null; JAR=$(ls target/stadtportal-*.jar | head -1); }

java -Djarmode=tools -jar "$JAR" extract --destination "$DATA/app" >/dev/null
APP=$DATA/app/$(basename "$JAR")
# training run for CDS: the context refreshes (the embedded database starts and is migrated) and exits
(cd "$DATA" && java -XX:ArchiveClassesAtExit="$DATA/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" \
  --server.port=$PORT --management.server.port=0 --portal.embedded-database.data-directory="$DATA/training" >"$DATA/training.log" 2>&1) || true

# run label options data-dir jar: prints start seconds and, after the load, peak RSS in MB
run() {
  local label=$1 options=$2 dir=$3 jar=$4 load=$5
  local t0 t1 pid
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $options -jar "$jar" --server.port=$PORT --management.server.port=0 --portal.embedded-database.data-directory="$dir" >"$DATA/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  t1=$(date +%s.%N)
  local start; start=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
  local rss="–" now="–"
  if [ "$load" = yes ]; then
    for page in $PAGES; do wrk -t1 -c32 -d"$DURATION" "http://127.0.0.1:$PORT$page" >/dev/null; done
    rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
    now=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '| %s | %s s | %s | %s |\n' "$label" "$start" "$rss" "$now" >>"$DATA/table"
}

printf '| run | start until ready | peak RSS under load (MB) | RSS after load (MB) |\n|---|---|---|---|\n' >"$DATA/table"
run "defaults, first start (initdb, migrations, demo data)" "" "$DATA/d1" "$JAR" yes
run "defaults, second start (same data)" "" "$DATA/d1" "$JAR" no
run "recommended options, first start" "$RECOMMENDED" "$DATA/r1" "$JAR" yes
run "recommended options, second start" "$RECOMMENDED" "$DATA/r1" "$JAR" no
if [ -f "$DATA/app.jsa" ]; then
  run "recommended + CDS (extracted jar), first start" "$RECOMMENDED -XX:SharedArchiveFile=$DATA/app.jsa" "$DATA/c1" "$APP" yes
  run "recommended + CDS, second start" "$RECOMMENDED -XX:SharedArchiveFile=$DATA/app.jsa" "$DATA/c1" "$APP" no
else
  echo "(no CDS archive: see $DATA/training.log)"
fi
cat "$DATA/table"
echo; echo "recommended: $RECOMMENDED"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); pages loaded: $PAGES"
