#!/usr/bin/env bash
# Directory benchmark: fills the embedded database with N synthetic published businesses
# (default 10000 and 100000), then loads the search page and a detail page with wrk
# (32 connections) and, for comparison, the same page's bytes served statically by nginx.
# Two portals run on the same database: one as configured (identical searches reuse a result for
# 30 s, DirectorySearchCache) and one with that cache switched off
# (portal.http-cache.pages=0). The search is measured with one hot query on both, and
# with varied queries (bench/directory-queries.lua, mostly distinct) on both.
# Usage: bench/directory.sh [duration, default 20s] [sizes, default "10000 100000"].
# Also the portal-wide search /suche with varied queries, and the memory the portal then holds (both search indexes).
# JAVA_OPTS sets the portals' JVM options (e.g. the README's). JAR=/path/to.jar measures that jar instead of building this checkout (a before/after comparison in one
# sitting: run it once per jar). Each portal line also gives the CPU time per request of the portal's JVM
# and of PostgreSQL (all its processes) during the measured run, and the load average, since requests/s
# depend on whatever else runs on the machine.
# Needs wrk and psql; nginx (apt-get install -y nginx-light) for the static comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20s}
SIZES=${2:-"10000 100000"}
PORT=18090
NGINX_PORT=18091
UNCACHED_PORT=18092
DATA=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$DATA/nginx.pid" ] && kill "$(cat "$DATA/nginx.pid")" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT
SEARCH="/unternehmen?q=B%C3%A4ckerei"
DETAIL="/unternehmen/baeckerei-kamphues"

if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q -DskipTests package >/dev/null
  JAR=$(ls target/stadtportal-*.jar)
fi
echo "jar: $JAR"
# JAVA_OPTS: the JVM options to measure with (e.g. the README's -Xmx256m …), none by default
java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --management.server.port=0 --portal.embedded-database.data-directory="$DATA/pg" >"$DATA/jar.log" 2>&1 &
CACHED_PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
PGPORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
sql() { psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d stadtportal -v ON_ERROR_STOP=1 -c "$1"; }
# the second portal uses the first one's database
java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$UNCACHED_PORT --management.server.port=0 --portal.http-cache.pages=0 --spring.flyway.enabled=false \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/stadtportal" --spring.datasource.username=postgres \
  >"$DATA/jar-uncached.log" 2>&1 &
UNCACHED_PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$UNCACHED_PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

# CPU ticks (user + system) of a process, and of PostgreSQL's postmaster with all its children
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
  local postmaster; postmaster=$(sed -n 1p "$DATA/pg/postmaster.pid")
  for p in $postmaster $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'
}

# load [port] label path [wrk options]: 5 s warm-up, then the measured run with CPU time per request
load() {
  local port=$1 label=$2 path=$3; shift 3
  local pid=$CACHED_PID; [ "$port" = "$UNCACHED_PORT" ] && pid=$UNCACHED_PID
  wrk -t1 -c4 -d5s "$@" "http://127.0.0.1:$port$path" >/dev/null
  echo "-- portal $label ($path)"
  local j0 p0 j1 p1 out
  j0=$(ticks "$pid"); p0=$(pg_ticks)
  out=$(wrk -t2 -c32 -d"$DURATION" --latency "$@" "http://127.0.0.1:$port$path")
  j1=$(ticks "$pid"); p1=$(pg_ticks)
  echo "$out" | grep -E "Requests/sec| 50%| 99%|Non-2xx"
  echo "$out" | awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    '/requests in/ { printf "  CPU per request: JVM %.2f ms, PostgreSQL %.2f ms (load average %s)\n", 1000 * j / hz / $1, 1000 * p / hz / $1, load }'
}

run() {
  local label=$1 path=$2
  load "$PORT" "$label" "$path"
  if command -v nginx >/dev/null; then
    mkdir -p "$DATA/www"
    curl -s "http://127.0.0.1:$PORT$path" >"$DATA/www/page.html"
    curl -fs "http://127.0.0.1:$NGINX_PORT/page.html" | cmp -s - "$DATA/www/page.html" \
      || { echo "nginx does not serve the saved page (see $DATA/nginx-error.log)" >&2; exit 1; }
    echo "-- nginx, same bytes ($(wc -c <"$DATA/www/page.html") bytes)"
    wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/page.html" | grep -E "Requests/sec| 50%| 99%"
  fi
}

if command -v nginx >/dev/null; then
  mkdir -p "$DATA/www" "$DATA/nginx-tmp"
  # as root, nginx runs its worker as nobody, which cannot read or write in the mktemp folder (0700):
  # every "static" answer was a 403 and the proxy cache stayed empty
  NGINX_USER=$([ "$(id -u)" = 0 ] && echo "user root;" || true)
  cat >"$DATA/nginx.conf" <<CONF
$NGINX_USER
worker_processes 1; pid $DATA/nginx.pid; error_log $DATA/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $DATA/nginx-tmp; proxy_temp_path $DATA/nginx-tmp;
  fastcgi_temp_path $DATA/nginx-tmp; uwsgi_temp_path $DATA/nginx-tmp; scgi_temp_path $DATA/nginx-tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $DATA/www; } }
CONF
  nginx -c "$DATA/nginx.conf"
fi

# JIT warm-up of both portals (detail, hot and varied searches), so the first size is not measured cold. With
# few connections: with 32 busy request threads on two cores the JIT's compiler threads hardly get the CPU, and
# after a warm-up at 32 connections the varied search ran partly interpreted (about half the requests/s it
# reaches after this one). WARMUP (seconds) sets the varied search's share.
WARMUP=${WARMUP:-60}
echo "warming up both portals ($(( 2 * (10 + WARMUP) )) s)"
for port in $PORT $UNCACHED_PORT; do
  wrk -t1 -c4 -d10s "http://127.0.0.1:$port$DETAIL" >/dev/null
  BENCH_SIZE=60 wrk -t1 -c4 -d"${WARMUP}s" -s bench/directory-queries.lua "http://127.0.0.1:$port/unternehmen" >/dev/null
done

have=60
for size in $SIZES; do
  add=$((size - have))
  echo "== $size businesses (adding $add synthetic ones) =="
  start=$(date +%s)
  sql "INSERT INTO business (slug, name, category_id, district_id, description, tags, street, postal_code, status, example)
       SELECT 'synth-' || g,
              (ARRAY['Bäckerei','Metzgerei','Friseur','Café','Elektro','Tischlerei','Blumen','Optik','Apotheke','Kiosk'])[1 + g % 10]
                || ' ' || (ARRAY['Schmidt','Müller','Schulte','Wessels','Kamp','Yilmaz','Becker','Hoffmann','Brinkhoff','Tenbrink'])[1 + (g / 10) % 10]
                || ' ' || g,
              (SELECT id FROM category ORDER BY id LIMIT 1 OFFSET g % 6),
              (SELECT id FROM district ORDER BY id LIMIT 1 OFFSET g % 12),
              'Synthetischer Eintrag für den Lasttest mit Beschreibung, Angeboten und Service in Bottrop.',
              'Lasttest, Bottrop', 'Teststraße ' || g, '46236', 'PUBLISHED', TRUE
       FROM generate_series($have + 1, $size) AS g" >/dev/null
  # VACUUM, as autovacuum would soon after such a load: it moves the GIN indexes' pending entries
  # of the bulk insert into the index proper (until then every full-text search reads them all)
  sql "VACUUM ANALYZE business" >/dev/null
  echo "generated in $(( $(date +%s) - start )) s"
  # until the portal-wide search's documents hold them (its next refresh, within 2 minutes): each batch it writes
  # is a new data version, which rebuilds the directory's index, so no measurement may include that work
  for _ in $(seq 1 60); do
    synced=$(psql -qAt -h 127.0.0.1 -p "$PGPORT" -U postgres -d stadtportal -c "SELECT (SELECT count(*) FROM search_document
      WHERE kind = 'business' AND language = 'de') >= (SELECT count(*) FROM business WHERE status = 'PUBLISHED')")
    [ "$synced" = t ] && break
    sleep 5
  done
  sql "VACUUM ANALYZE search_document" >/dev/null
  echo "search documents written after $(( $(date +%s) - start )) s"
  have=$size
  run "search, one hot query, cache on" "$SEARCH"
  load "$UNCACHED_PORT" "search, one hot query, cache off" "$SEARCH"
  BENCH_SIZE=$size load "$PORT" "search, varied queries, cache on" "/unternehmen" -s bench/directory-queries.lua
  BENCH_SIZE=$size load "$UNCACHED_PORT" "search, varied queries, cache off" "/unternehmen" -s bench/directory-queries.lua
  BENCH_SIZE=$size load "$UNCACHED_PORT" "portal-wide search /suche, varied queries, cache off" "/suche" -s bench/directory-queries.lua
  # both search indexes of this size are built now: what the uncached portal holds after a full collection
  echo "-- memory of the portal with the cache off: RSS $(awk '/VmRSS/ { print int($2 / 1024) " MB" }' /proc/$UNCACHED_PID/status)," \
    "heap after a full GC $(jcmd $UNCACHED_PID GC.run >/dev/null 2>&1; jcmd $UNCACHED_PID GC.heap_info 2>/dev/null | awk '/generation|heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[K,]/, "", v); s += v } } END { print int(s / 1024) " MB" }')"
  run "detail" "$DETAIL"
done
