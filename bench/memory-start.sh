#!/usr/bin/env bash
# Cold start and memory of the packaged portal on the embedded database (throw-away data directory,
# so every first start includes initdb, Flyway and the demo data; a second start on the same data shows
# the everyday case). The ways to run it: the JVM's defaults, the options the README recommends, those
# plus Spring Boot's CDS archive (Java 17-24) and those plus the JVM's AOT cache (Java 25 or later,
# JEP 483/514/515: classes loaded and linked ahead of time, method profiles). CDS and AOT cache use the
# extracted jar and a training run: the extracted portal starts on a throw-away database until /readyz
# answers, every page of PAGES is read once, and it is stopped; the JVM writes the archive as it exits.
# (Spring Boot's documented -Dspring.context.exit=onRefresh stops before the JPA repositories, which
# start after the refresh, the ready event's work and the first requests, and so leaves those classes out.)
# Start = launch until /readyz answers 200. CPU = the JVM's user + system time until then
# (/proc/<pid>/stat; PostgreSQL's processes are not in it), which a busy machine inflates far less than
# the wall clock. RSS = the JVM's resident memory (VmHWM, the peak) after a load of public pages with
# wrk (32 connections).
# Usage: bench/memory-start.sh [load duration per page, default 5s]. Needs wrk and curl. PORT (default
# 18390) must be free.
# JAVA (default: java on the PATH) runs the first three ways; JAVA25 (default: JAVA if that is 25 or
# later, else /usr/lib/jvm/*25*/bin/java if present) the AOT cache. REPEAT=n starts every way n times on
# its existing data (default 1) and prints each.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-5s}
REPEAT=${REPEAT:-1}
PORT=${PORT:-18390}
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is taken by another process: PORT=<free port> $0" >&2; exit 1
fi
DATA=$(mktemp -d)
stop_training_databases() {
  for pidfile in "$DATA"/train-*/postmaster.pid; do
    [ -f "$pidfile" ] && kill -INT "$(head -1 "$pidfile")" 2>/dev/null || true
  done
}
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; stop_training_databases; rm -rf "$DATA"' EXIT
RECOMMENDED=$(sed 's/#.*//' deploy/jvm.options | xargs)
PAGES="/ /impressum /unternehmen /unternehmen?q=B%C3%A4ckerei /unternehmen/baeckerei-kamphues /unternehmen/karte /veranstaltungen /sprechtag /handwerk /reallabore/hybride-formen-des-handels /fairtrade /fachkraefte /suche?q=Handwerk /en/veranstaltungen /veranstaltungen.ics"
JAVA=${JAVA:-java}
feature() { "$1" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}'; }
if [ -z "${JAVA25:-}" ]; then
  if [ "$(feature "$JAVA")" -ge 25 ] 2>/dev/null; then JAVA25=$JAVA; else JAVA25=$(ls /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1 || true); fi
fi

JAR=${JAR:-$(ls target/stadtportal-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package >/dev/null; JAR=$(ls target/stadtportal-*.jar | head -1); }

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DATA/app" >/dev/null
APP=$DATA/app/$(basename "$JAR")

wait_ready() {
  for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && return 0; sleep 0.05; done
  return 1
}

# train name java archive-option: the training run described above
train() {
  local name=$1 java=$2 option=$3 pid
  (cd "$DATA" && exec "$java" $RECOMMENDED "$option" -jar "$APP" --server.port=$PORT --management.server.port=0 \
    --portal.embedded-database.data-directory="$DATA/train-$name" >"$DATA/train-$name.log" 2>&1) &
  pid=$!
  if wait_ready; then
    for page in $PAGES; do curl -fs -o /dev/null "http://127.0.0.1:$PORT$page" || true; done
  fi
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  stop_training_databases
}

# run label java options data-dir jar load: prints start seconds, the JVM's CPU seconds until ready and,
# after the load, peak RSS in MB
run() {
  local label=$1 java=$2 options=$3 dir=$4 jar=$5 load=$6
  local t0 t1 pid stat
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$java" $options -jar "$jar" --server.port=$PORT --management.server.port=0 --portal.embedded-database.data-directory="$dir" >"$DATA/run.log" 2>&1 &
  pid=$!
  if ! wait_ready || ! kill -0 "$pid" 2>/dev/null; then
    printf '| %s | not ready, see the log below | | | |\n' "$label" >>"$DATA/table"; tail -20 "$DATA/run.log"
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; return
  fi
  t1=$(date +%s.%N)
  stat=$(cut -d')' -f2 /proc/$pid/stat)
  local start cpu
  start=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
  cpu=$(echo "$stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($12 + $13) / hz}')
  if grep -qiE 'Unable to use shared archive|error.*\[aot\]|Unable to map shared' "$DATA/run.log"; then
    label="$label (ARCHIVE NOT USED, see the JVM's warning)"
  fi
  local rss="–" now="–"
  if [ "$load" = yes ]; then
    for page in $PAGES; do wrk -t1 -c32 -d"$DURATION" "http://127.0.0.1:$PORT$page" >/dev/null; done
    rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
    now=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '| %s | %s s | %s s | %s | %s |\n' "$label" "$start" "$cpu" "$rss" "$now" >>"$DATA/table"
}

# way label java options jar: a first start with load, then REPEAT starts on the same data
way() {
  local label=$1 java=$2 options=$3 jar=$4 dir i
  dir=$DATA/data-$(echo "$label" | tr -c 'a-zA-Z0-9' '-')
  run "$label, first start (initdb, migrations, demo data)" "$java" "$options" "$dir" "$jar" yes
  for i in $(seq 1 "$REPEAT"); do run "$label, second start (same data)" "$java" "$options" "$dir" "$jar" no; done
}

printf '| run | start until ready | JVM CPU until ready | peak RSS under load (MB) | RSS after load (MB) |\n|---|---|---|---|---|\n' >"$DATA/table"
JAVA_VERSION=$(feature "$JAVA")
way "Java $JAVA_VERSION, defaults" "$JAVA" "" "$JAR"
way "Java $JAVA_VERSION, recommended options" "$JAVA" "$RECOMMENDED" "$JAR"
if [ "$JAVA_VERSION" -lt 25 ] 2>/dev/null; then
  train cds "$JAVA" "-XX:ArchiveClassesAtExit=$DATA/app.jsa"
  if [ -f "$DATA/app.jsa" ]; then
    way "Java $JAVA_VERSION, recommended + CDS (extracted jar)" "$JAVA" "$RECOMMENDED -XX:SharedArchiveFile=$DATA/app.jsa" "$APP"
  else
    echo "(no CDS archive: see the training log)"; tail -5 "$DATA/train-cds.log"
  fi
fi
if [ -n "$JAVA25" ]; then
  train aot "$JAVA25" "-XX:AOTCacheOutput=$DATA/app.aot"
  if [ -f "$DATA/app.aot" ]; then
    way "Java $(feature "$JAVA25"), recommended + AOT cache (extracted jar)" "$JAVA25" "$RECOMMENDED -XX:AOTCache=$DATA/app.aot" "$APP"
  else
    echo "(no AOT cache: see the training log)"; tail -5 "$DATA/train-aot.log"
  fi
else
  echo "(no Java 25 found: set JAVA25 to measure the AOT cache)"
fi
cat "$DATA/table"
echo; echo "recommended: $RECOMMENDED"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); pages loaded: $PAGES"
