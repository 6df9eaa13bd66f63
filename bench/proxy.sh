#!/usr/bin/env bash
# The deployment recipe measured on loopback: the packaged portal on a throw-away embedded database,
# nginx (/usr/sbin/nginx) in front of it with the cache settings of deploy/nginx/stadtportal.conf
# (plain HTTP here: TLS would cost the same for every column), and nginx serving the same bytes as
# static files. For each page: the portal alone, through the proxy's cache, and static; the target
# is "cached ≥ 50 % of static". Also checks that a request with a session cookie is not answered
# from the cache. Usage: bench/proxy.sh [duration, default 8s]. Needs wrk, curl and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-8s}
PORT=18190; PROXY=18191; STATIC=18192
DATA=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$DATA/nginx.pid" ] && kill "$(cat "$DATA/nginx.pid")" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT
PAGES=${PAGES:-"/ /impressum /unternehmen/baeckerei-kamphues /veranstaltungen /reallabore/hybride-formen-des-handels /en/unternehmen"}

JAR=${JAR:-$(ls target/stadtportal-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package >/dev/null; JAR=$(ls target/stadtportal-*.jar | head -1); }
java -jar "$JAR" --server.port=$PORT --management.server.port=0 \
  --portal.embedded-database.data-directory="$DATA/pg" >"$DATA/jar.log" 2>&1 &
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "portal on port $PORT did not start"; exit 1; }

mkdir -p "$DATA/www" "$DATA/tmp" "$DATA/cache"
# as root, nginx runs its worker as nobody, which cannot read or write in the mktemp folder (0700):
# every "static" answer was a 403 and the proxy cache stayed empty
NGINX_USER=$([ "$(id -u)" = 0 ] && echo "user root;" || true)
cat >"$DATA/nginx.conf" <<CONF
$NGINX_USER
worker_processes 1; pid $DATA/nginx.pid; error_log $DATA/nginx-error.log; daemon on;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path $DATA/tmp; proxy_temp_path $DATA/tmp;
  fastcgi_temp_path $DATA/tmp; uwsgi_temp_path $DATA/tmp; scgi_temp_path $DATA/tmp;
  proxy_cache_path $DATA/cache levels=1:2 keys_zone=stadtportal:10m max_size=64m inactive=10m use_temp_path=off;
  upstream stadtportal { server 127.0.0.1:$PORT; keepalive 32; }
  map \$http_cookie \$stadtportal_session { default 0; "~(^|;)\\s*SESSION=" 1; }
  server { listen 127.0.0.1:$STATIC; root $DATA/www; }
  server {
    listen 127.0.0.1:$PROXY;
    location / {
      proxy_pass http://stadtportal; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Accept-Encoding ""; proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr; proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_cache stadtportal; proxy_cache_key \$scheme\$host\$request_uri;
      proxy_cache_bypass \$stadtportal_session; proxy_no_cache \$stadtportal_session;
      proxy_cache_revalidate on; proxy_cache_lock on; proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on; add_header X-Cache-Status \$upstream_cache_status always;
    }
  }
}
CONF
/usr/sbin/nginx -c "$DATA/nginx.conf"

rate() { wrk -t1 -c32 -d"$DURATION" --latency "$1" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {printf "%s %s", r, p}'; }
echo "warming up the portal (20 s)"
for page in $PAGES; do wrk -t1 -c32 -d3s "http://127.0.0.1:$PORT$page" >/dev/null; done

checks=()
curl -s -o /dev/null "http://127.0.0.1:$PROXY/impressum"
hit=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PROXY/impressum" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status" {print $2}')
checks+=("anonymous page from the cache (X-Cache-Status: $hit)|$([ "$hit" = HIT ] && echo pass || echo FAIL)")
bypass=$(curl -s -D - -o /dev/null -H "Cookie: SESSION=abc" "http://127.0.0.1:$PROXY/impressum" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status" {print $2}')
checks+=("request with session cookie bypasses the cache ($bypass)|$([ "$bypass" = BYPASS ] && echo pass || echo FAIL)")
private=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PROXY/mitmachen" >/dev/null; curl -s -D - -o /dev/null "http://127.0.0.1:$PROXY/mitmachen" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status" {print $2}')
checks+=("page with a form (/mitmachen) never cached ($private)|$([ "$private" = MISS ] && echo pass || echo FAIL)")

printf '\n| page | bytes | portal req/s | p99 | via nginx cache req/s | p99 | nginx static req/s | p99 | cached / static |\n|---|---|---|---|---|---|---|---|---|\n' >"$DATA/table"
for page in $PAGES; do
  file="p$(echo "$page" | tr '/' '_').html"
  curl -s "http://127.0.0.1:$PORT$page" >"$DATA/www/$file"
  curl -fs "http://127.0.0.1:$STATIC/$file" | cmp -s - "$DATA/www/$file" \
    || { echo "nginx does not serve $file as saved (see $DATA/nginx-error.log)" >&2; exit 1; }
  read -r direct dp99 <<<"$(rate "http://127.0.0.1:$PORT$page")"
  read -r cached cp99 <<<"$(rate "http://127.0.0.1:$PROXY$page")"
  read -r static sp99 <<<"$(rate "http://127.0.0.1:$STATIC/$file")"
  share=$(awk -v c="$cached" -v s="$static" 'BEGIN {printf "%.0f %%", 100 * c / s}')
  printf '| `%s` | %s | %.0f | %s | %.0f | %s | %.0f | %s | %s |\n' "$page" "$(wc -c <"$DATA/www/$file")" \
    "$direct" "$dp99" "$cached" "$cp99" "$static" "$sp99" "$share" >>"$DATA/table"
  ok=$(awk -v c="$cached" -v s="$static" 'BEGIN {print (c >= 0.5 * s) ? "pass" : "FAIL"}')
  checks+=("$page cached ≥ 50 % of static|$ok")
done
cat "$DATA/table"
printf '\n| check | result |\n|---|---|\n'
for c in "${checks[@]}"; do printf '| %s | %s |\n' "${c%%|*}" "${c##*|}"; done
echo; echo "machine: $(nproc) cores, $(uname -m); load average $(cut -d' ' -f1-3 /proc/loadavg); plain HTTP on loopback, wrk 1 thread 32 connections $DURATION"
