#!/usr/bin/env bash
# Where a page's time goes: records a JFR profile of a running portal (its pid) while wrk loads one
# page, then prints the hottest frames (bench/jfr-top.py). Start the portal as bench/pages.sh does
# (it keeps running while you use it, e.g. BASE unset and a long DURATION), or any java -jar.
# Usage: bench/profile.sh PID http://127.0.0.1:18190 / /veranstaltungen ...   (DURATION, default 8s)
set -euo pipefail
cd "$(dirname "$0")/.."
PID=$1 BASE=$2; shift 2
DURATION=${DURATION:-8s}
OUT=${OUT:-$(mktemp -d)}
for path in "$@"; do
  name=$(echo "$path" | tr -c 'a-zA-Z0-9\n' '_')
  wrk -t1 -c32 -d"${WARMUP:-5s}" "$BASE$path" >/dev/null
  jcmd "$PID" JFR.start name=page settings=profile filename="$OUT/$name.jfr" >/dev/null
  wrk -t1 -c32 -d"$DURATION" "$BASE$path" | grep "Requests/sec"
  jcmd "$PID" JFR.stop name=page >/dev/null
  echo "== $path"
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT/$name.jfr" | bench/jfr-top.py "${TOP:-12}"
done
echo "recordings in $OUT"
