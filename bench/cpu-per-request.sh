#!/usr/bin/env bash
# CPU time the portal spends per request of a page: (utime + stime of the JVM) / requests served,
# while wrk (1 thread, 4 connections) loads it. Unlike requests/s this hardly depends on what else
# runs on the machine, so two builds can be compared on a busy one.
# Usage: bench/cpu-per-request.sh PID BASE path…   (DURATION, default 5s)
#   SCRIPT=bench/directory-queries.lua: wrk runs that script against each path (varied queries,
#     e.g. SCRIPT=bench/directory-queries.lua bench/cpu-per-request.sh PID BASE /unternehmen /suche);
#   PGDATA=dir: also the CPU time of PostgreSQL (its postmaster and all its processes) per request.
# "workers" is the CPU time of Tomcat's request threads alone (http-nio-*): without the JIT compiler,
# GC and scheduled jobs, so it settles sooner after a start and moves less with the machine's load.
set -euo pipefail
PID=$1 BASE=$2; shift 2
HZ=$(getconf CLK_TCK)
WRK_SCRIPT=()
[ -n "${SCRIPT:-}" ] && WRK_SCRIPT=(-s "$SCRIPT")
ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
worker_ticks() {
  for t in /proc/"$PID"/task/*; do grep -q '^http-nio' "$t/comm" 2>/dev/null && awk '{ print $14 + $15 }' "$t/stat"; done | awk '{ s += $1 } END { print s + 0 }'
}
pg_ticks() {
  [ -n "${PGDATA:-}" ] || { echo 0; return; }
  local postmaster; postmaster=$(sed -n 1p "$PGDATA/postmaster.pid")
  for p in $postmaster $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'
}
for path in "$@"; do
  wrk -t1 -c4 -d2s "${WRK_SCRIPT[@]}" "$BASE$path" >/dev/null
  before=$(ticks) workers_before=$(worker_ticks) pg_before=$(pg_ticks)
  out=$(wrk -t1 -c4 -d"${DURATION:-5s}" "${WRK_SCRIPT[@]}" "$BASE$path")
  after=$(ticks) workers_after=$(worker_ticks) pg_after=$(pg_ticks)
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  bad=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  [ -n "$bad" ] && echo "$path: $bad answers not 2xx" >&2
  awk -v t=$((after - before)) -v wt=$((workers_after - workers_before)) -v pt=$((pg_after - pg_before)) -v r="$requests" -v hz="$HZ" -v p="$path" -v pg="${PGDATA:-}" \
    'BEGIN { printf "%-45s %6d requests  %7.2f ms CPU/request (workers %.2f)", p, r, 1000 * t / hz / r, 1000 * wt / hz / r;
             if (pg != "") printf "  PostgreSQL %7.2f ms CPU/request", 1000 * pt / hz / r; printf "\n" }'
done
