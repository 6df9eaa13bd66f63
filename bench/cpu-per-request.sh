#!/usr/bin/env bash
# CPU time the portal spends per request of a page: (utime + stime of the JVM) / requests served,
# while wrk (1 thread, 4 connections) loads it. Unlike requests/s this hardly depends on what else
# runs on the machine, so two builds can be compared on a busy one.
# Usage: bench/cpu-per-request.sh PID BASE path…   (DURATION, default 5s)
set -euo pipefail
PID=$1 BASE=$2; shift 2
HZ=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
for path in "$@"; do
  wrk -t1 -c4 -d2s "$BASE$path" >/dev/null
  before=$(ticks)
  requests=$(wrk -t1 -c4 -d"${DURATION:-5s}" "$BASE$path" | awk '/requests in/ { print $1 }')
  after=$(ticks)
  awk -v t=$((after - before)) -v r="$requests" -v hz="$HZ" -v p="$path" \
    'BEGIN { printf "%-45s %6d requests  %7.2f ms CPU/request\n", p, r, 1000 * t / hz / r }'
done
