#!/usr/bin/env bash
# Every public page kind under load, next to nginx serving the identical bytes in the same run.
# Starts the packaged portal on the embedded database (or uses BASE=http://host:port), adds
# synthetic published businesses up to SIZE (default 10000, like bench/directory.sh), then per page:
# a warm-up, the measured wrk run (1 thread, 32 connections), and nginx with the page's bytes saved
# by curl. Prints one Markdown table: req/s, p50, p99, bytes, nginx req/s, share of nginx; then the
# portal JVM's peak resident memory under this load (VmHWM; not with BASE).
#
# Usage: bench/pages.sh                       (defaults: DURATION=8s WARMUP=10s SIZE=10000)
#        DURATION=3s WARMUP=2s bench/pages.sh (a quick run)
#        BASE=http://127.0.0.1:8080 bench/pages.sh (an already running portal; seeding needs PGPORT)
#        JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java JAR=/tmp/other.jar bench/pages.sh
#        JAVA_OPTS="-Xmx256m -XX:+UseSerialGC" bench/pages.sh  (other JVM options than deploy/jvm.options,
#                                                   the recommended ones; JAVA_OPTS= for the JVM's defaults)
#        ONLY="/ /veranstaltungen" bench/pages.sh  (just these paths)
#        COMPARE_JAR=/tmp/main.jar bench/pages.sh  (another build, page by page next to this one:
#                                                   before and after in the same run, same load)
# Needs wrk, curl, psql (seeding) and nginx (/usr/sbin/nginx; apt-get install -y wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8s}
# the recommended JVM options (deploy/jvm.options) unless JAVA_OPTS is set, also to nothing
JAVA_OPTS=${JAVA_OPTS-$(sed 's/#.*//' deploy/jvm.options | xargs)}
WARMUP=${WARMUP:-10s}
# The warm-up runs with few connections: with 32 busy request threads on two cores the JIT's compiler threads
# hardly get the CPU, and a page measured after a warm-up at 32 connections ran partly interpreted (the same
# build's varied search: about 350 req/s after 10 s at 32 connections, 700-900 after 60-100 s at 4).
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-4}
SIZE=${SIZE:-10000}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18190}
NGINX_PORT=${NGINX_PORT:-18191}
NGINX=${NGINX:-/usr/sbin/nginx}
DATA=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$DATA/nginx.pid" ] && kill "$(cat "$DATA/nginx.pid")" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT

for tool in wrk curl; do command -v $tool >/dev/null || { echo "$tool missing (apt-get install -y $tool)" >&2; exit 1; }; done

# start_portal jar port dir: the packaged portal on its own embedded database
start_portal() {
  # shellcheck disable=SC2086
  "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$1" --server.port="$2" --management.server.port=0 \
    --portal.embedded-database.data-directory="$3/pg" >"$3.log" 2>&1 &
  echo $! >"$3.pid"
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$2/readyz" 2>/dev/null | grep -q UP && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$2/readyz" >/dev/null || { echo "portal did not start:" >&2; tail -30 "$3.log" >&2; exit 1; }
}

# seed pgport: synthetic published businesses up to SIZE
seed() {
  sql() { psql -qtA -h 127.0.0.1 -p "$1" -U postgres -d stadtportal -v ON_ERROR_STOP=1 -c "$2"; }
  local have
  have=$(sql "$1" "SELECT count(*) FROM business")
  if [ "$have" -lt "$SIZE" ]; then
    echo "adding $((SIZE - have)) synthetic businesses to $have" >&2
    # the same synthetic rows as bench/directory.sh
    sql "$1" "INSERT INTO business (slug, name, category_id, district_id, description, tags, street, postal_code, status, example)
         SELECT 'synth-' || g,
                (ARRAY['Bäckerei','Metzgerei','Friseur','Café','Elektro','Tischlerei','Blumen','Optik','Apotheke','Kiosk'])[1 + g % 10]
                  || ' ' || (ARRAY['Schmidt','Müller','Schulte','Wessels','Kamp','Yilmaz','Becker','Hoffmann','Brinkhoff','Tenbrink'])[1 + (g / 10) % 10]
                  || ' ' || g,
                (SELECT id FROM category ORDER BY id LIMIT 1 OFFSET g % 6),
                (SELECT id FROM district ORDER BY id LIMIT 1 OFFSET g % 12),
                'Synthetischer Eintrag für den Lasttest mit Beschreibung, Angeboten und Service in Bottrop.',
                'Lasttest, Bottrop', 'Teststraße ' || g, '46236', 'PUBLISHED', TRUE
         FROM generate_series($have + 1, $SIZE) AS g" >/dev/null
    # as autovacuum would soon after such a load (moves the GIN indexes' pending entries)
    sql "$1" "VACUUM ANALYZE business" >/dev/null
  fi
}

BASE_GIVEN=${BASE:-}
if [ -z "${BASE:-}" ]; then
  if [ -z "${JAR:-}" ]; then
    ./mvnw -B -q -DskipTests package >/dev/null
    JAR=$(ls target/stadtportal-*.jar | grep -v original | head -1)
  fi
  start_portal "$JAR" "$PORT" "$DATA/main"
  BASE="http://127.0.0.1:$PORT"
  PGPORT=$(sed -n 4p "$DATA/main/pg/postmaster.pid")
fi
if [ -n "${PGPORT:-}" ]; then
  seed "$PGPORT"
else
  echo "BASE given without PGPORT: no businesses added" >&2
fi
# COMPARE_JAR: a second build (e.g. main's) measured page by page next to the first, in the same run
if [ -n "${COMPARE_JAR:-}" ]; then
  start_portal "$COMPARE_JAR" "$((PORT + 2))" "$DATA/compare"
  COMPARE_BASE="http://127.0.0.1:$((PORT + 2))"
  seed "$(sed -n 4p "$DATA/compare/pg/postmaster.pid")"
fi

# a published event and a Reallabor as the portal lists them
EVENT=$(curl -fs "$BASE/veranstaltungen" | grep -o 'href="/veranstaltungen/[a-z0-9-]*"' | grep -v -E '/(archiv|abmelden)"' | head -1 | sed 's/href="//; s/"$//')
REALLABOR=$(curl -fs "$BASE/reallabore" | grep -o 'href="/reallabore/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
MONTH=$(date +%Y-%m)

# label|path|wrk script (optional)
PAGES=(
  "start|/"
  "directory search, one hot query|/unternehmen?q=B%C3%A4ckerei"
  "directory search, varied queries|/unternehmen|bench/directory-queries.lua"
  "portal search, one hot query|/suche?q=Fairtrade"
  "portal search, varied queries|/suche|bench/directory-queries.lua"
  "business detail|/unternehmen/baeckerei-kamphues"
  "map|/unternehmen/karte"
  "topic page|/wochenmarkt"
  "events list|/veranstaltungen"
  "events month|/veranstaltungen?ansicht=monat&monat=$MONTH"
  "event detail|${EVENT:-/veranstaltungen}"
  "iCalendar feed|/veranstaltungen.ics"
  "Atom feed|/veranstaltungen.atom"
  "Sprechtag|/sprechtag"
  "Handwerk|/handwerk"
  "Reallabor|${REALLABOR:-/reallabore}"
  "Fairtrade|/fairtrade"
  "Fairtrade, where to buy|/fairtrade/einkaufen"
  "Fachkräfte|/fachkraefte"
  "Fachkräfte, offers|/fachkraefte/angebote"
  "Impressum (layout only)|/impressum"
)

mkdir -p "$DATA/www" "$DATA/nginx-tmp"
# as root, nginx runs its worker as nobody, which cannot read or write in the mktemp folder (0700):
# every "static" answer was a 403 and the proxy cache stayed empty
NGINX_USER=$([ "$(id -u)" = 0 ] && echo "user root;" || true)
cat >"$DATA/nginx.conf" <<CONF
$NGINX_USER
worker_processes 1; pid $DATA/nginx.pid; error_log $DATA/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; default_type text/html; client_body_temp_path $DATA/nginx-tmp; proxy_temp_path $DATA/nginx-tmp;
  fastcgi_temp_path $DATA/nginx-tmp; uwsgi_temp_path $DATA/nginx-tmp; scgi_temp_path $DATA/nginx-tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $DATA/www; } }
CONF
"$NGINX" -c "$DATA/nginx.conf"

# wrk's latency figure in ms
ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

# wrk [script] url -> "req/s p50 p99 non2xx timeouts" (a 10 s timeout, so slow answers count in p99)
measure() {
  local script=$1 url=$2 out
  if [ -n "$script" ]; then
    out=$(BENCH_SIZE=$SIZE wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$script" "$url")
  else
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$url")
  fi
  local rps p50 p99 bad timeouts
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%d", $2 }')
  p50=$(ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  bad=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
  timeouts=$(echo "$out" | awk '/Socket errors/ { gsub(",", ""); print $NF }')
  echo "$rps $p50 $p99 ${bad:-0} ${timeouts:-0}"
}

echo "load: $(uptime | sed 's/.*load average: //')" >&2
ROWS=()
i=0
for entry in "${PAGES[@]}"; do
  IFS='|' read -r label path script <<<"$entry"
  if [ -n "${ONLY:-}" ] && ! [[ " $ONLY " == *" $path "* ]]; then continue; fi
  i=$((i + 1))
  sample=$path
  [ -n "$script" ] && sample="$path?q=Optik%20Yilmaz"
  curl -fs -o "$DATA/www/p$i.html" "$BASE$sample" || { echo "$path failed" >&2; continue; }
  bytes=$(wc -c <"$DATA/www/p$i.html")
  # nginx must answer the very bytes (a 403 is fast too)
  curl -fs "http://127.0.0.1:$NGINX_PORT/p$i.html" | cmp -s - "$DATA/www/p$i.html" \
    || { echo "nginx does not serve p$i.html as saved (see $DATA/nginx-error.log)" >&2; exit 1; }
  # warm-up and measured run of one portal: base -> "req/s p50 p99 non2xx timeouts"
  run_portal() {
    echo "$label ($1$path): warm-up $WARMUP" >&2
    if [ -n "$script" ]; then
      BENCH_SIZE=$SIZE wrk -t1 -c"$WARMUP_CONNECTIONS" -d"$WARMUP" -s "$script" "$1$path" >/dev/null
    else
      wrk -t1 -c"$WARMUP_CONNECTIONS" -d"$WARMUP" "$1$path" >/dev/null
    fi
    measure "$script" "$1$path"
  }
  if [ -n "${COMPARE_BASE:-}" ]; then
    read -r crps _ cp99 _ _ <<<"$(run_portal "$COMPARE_BASE")"
  fi
  read -r rps p50 p99 bad timeouts <<<"$(run_portal "$BASE")"
  read -r nrps _ _ _ _ <<<"$(measure "" "http://127.0.0.1:$NGINX_PORT/p$i.html")"
  share=$(awk -v a="$rps" -v b="$nrps" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
  note=""
  [ "$bad" != "0" ] && note=" ($bad non-2xx)"
  [ "$timeouts" != "0" ] && note="$note ($timeouts timeouts)"
  echo "  $rps req/s, p50 $p50 ms, p99 $p99 ms, $bytes bytes; nginx $nrps req/s$note${COMPARE_BASE:+; compared build $crps req/s, p99 $cp99 ms}" >&2
  ROWS+=("| $label | \`$path\` | $rps | $p50 | $p99 | $bytes | $nrps | $share %$note |${COMPARE_BASE:+ $crps | $cp99 |}")
done

echo
echo "wrk -t1 -c$CONNECTIONS, $DURATION after $WARMUP warm-up per page at $WARMUP_CONNECTIONS connections; $SIZE businesses; $(nproc) cores, load $(uptime | sed 's/.*load average: //')"
echo
echo "| page | path | req/s | p50 ms | p99 ms | bytes | nginx req/s | share of nginx |${COMPARE_BASE:+ compared build req/s | compared build p99 ms |}"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |${COMPARE_BASE:+ ---: | ---: |}"
printf '%s\n' "${ROWS[@]}"
# the JVM's resident memory: its peak during the run (VmHWM) and now (the embedded PostgreSQL not counted)
rss() { awk '/^VmHWM|^VmRSS/ { printf "%s %d MB ", $1, $2 / 1024 }' "/proc/$(cat "$1.pid")/status" 2>/dev/null; }
echo
echo "portal JVM memory: $(rss "$DATA/main")${COMPARE_BASE:+; compared build: $(rss "$DATA/compare")}"
[ -n "${BASE_GIVEN:-}" ] || echo "JVM options: ${JAVA_OPTS:-none (the defaults of the JVM)}"
