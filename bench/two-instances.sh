#!/usr/bin/env bash
# Two portals on one PostgreSQL behind nginx round-robin, on loopback. Instance A starts the embedded
# database (throw-away), instance B uses it (Flyway off). Checks: a login through A holds on B
# (sessions in PostgreSQL, Spring Session JDBC) and through the balancer; a change shows on both at
# once (page caches and ETags keyed by data versions in the database); a scheduled job (the
# directory's confirmation reminder, set to every 2 s on both) mails once; then requests/s of one
# instance against two behind the same nginx. Usage: bench/two-instances.sh [duration, default 8s].
# Needs wrk, curl, psql and nginx (/usr/sbin/nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-8s}
A=18290; B=18291; BOTH=18292; ONE=18293
DATA=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$DATA/nginx.pid" ] && kill "$(cat "$DATA/nginx.pid")" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT
JOB='--portal.directory.reminder-cron=*/2 * * * * *'
PAGE=/unternehmen/baeckerei-kamphues

JAR=${JAR:-$(ls target/stadtportal-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package >/dev/null; JAR=$(ls target/stadtportal-*.jar | head -1); }
java -jar "$JAR" --server.port=$A --management.server.port=0 "$JOB" \
  --portal.embedded-database.data-directory="$DATA/pg" >"$DATA/a.log" 2>&1 &
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$A/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$A/readyz" >/dev/null || { echo "portal on port $A did not start"; exit 1; }
PGPORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
java -jar "$JAR" --server.port=$B --management.server.port=0 "$JOB" --spring.flyway.enabled=false \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/stadtportal" --spring.datasource.username=postgres >"$DATA/b.log" 2>&1 &
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$B/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$B/readyz" >/dev/null || { echo "portal on port $B did not start"; exit 1; }
sql() { psql -qtA -h 127.0.0.1 -p "$PGPORT" -U postgres -d stadtportal -v ON_ERROR_STOP=1 -c "$1"; }

mkdir -p "$DATA/tmp"
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
  upstream both { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 32; }
  upstream one { server 127.0.0.1:$A; keepalive 32; }
  server { listen 127.0.0.1:$BOTH; location / { proxy_pass http://both; proxy_http_version 1.1; proxy_set_header Connection "";
    proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr; add_header X-Upstream \$upstream_addr always; } }
  server { listen 127.0.0.1:$ONE; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection "";
    proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr; } }
}
CONF
/usr/sbin/nginx -c "$DATA/nginx.conf"

checks=()
check() { checks+=("$1|$([ "$2" = 0 ] && echo pass || echo FAIL)"); }

# a business owner ({noop}: a password hash the delegating encoder accepts, for this throw-away database only)
EMAIL=bench-$$@test.example; PASSWORD=Bench-Passwort-2026
ACCOUNT=$(sql "INSERT INTO account (email, password_hash, email_verified) VALUES ('$EMAIL', '{noop}$PASSWORD', TRUE) RETURNING id" | head -1)
sql "INSERT INTO account_role (account_id, role) VALUES ($ACCOUNT, 'BUSINESS')"

# 1. log in through A, go on through B and through the balancer
COOKIES=$DATA/cookies
TOKEN=$(curl -s -c "$COOKIES" "http://127.0.0.1:$A/konto/anmelden" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
LOGIN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$COOKIES" -c "$COOKIES" --data-urlencode "username=$EMAIL" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$TOKEN" "http://127.0.0.1:$A/konto/anmelden")
check "login through A ($LOGIN)" "$([[ "$LOGIN" == 302*/konto ]] && echo 0 || echo 1)"
ON_B=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "http://127.0.0.1:$B/konto")
check "the session holds on B: /konto answers $ON_B" "$([ "$ON_B" = 200 ] && echo 0 || echo 1)"
SEEN=""; OK=0
for _ in 1 2 3 4 5 6; do
  out=$(curl -s -D - -o /dev/null -b "$COOKIES" "http://127.0.0.1:$BOTH/konto" | tr -d '\r')
  [ "$(echo "$out" | head -1 | cut -d' ' -f2)" = 200 ] || OK=1
  SEEN="$SEEN $(echo "$out" | awk -F': ' 'tolower($1)=="x-upstream" {print $2}')"
done
check "six requests through the balancer, all logged in (upstreams:$SEEN)" "$OK"

# 2. a change on one shows on the other at once
for port in $A $B; do curl -s "http://127.0.0.1:$port$PAGE" >/dev/null; curl -s "http://127.0.0.1:$port/unternehmen?q=Kamphues" >/dev/null; done
ETAG_A=$(curl -s -D - -o /dev/null "http://127.0.0.1:$A$PAGE" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
ETAG_B=$(curl -s -D - -o /dev/null "http://127.0.0.1:$B$PAGE" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
check "same ETag from A and B ($ETAG_A)" "$([ -n "$ETAG_A" ] && [ "$ETAG_A" = "$ETAG_B" ] && echo 0 || echo 1)"
NOT_MODIFIED=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG_A" "http://127.0.0.1:$B$PAGE")
check "B answers A's ETag with $NOT_MODIFIED" "$([ "$NOT_MODIFIED" = 304 ] && echo 0 || echo 1)"
sql "UPDATE business SET name = 'Bäckerei Kamphues am Markt' WHERE slug = 'baeckerei-kamphues'"
for port in $A $B; do
  detail=$(curl -s "http://127.0.0.1:$port$PAGE" | grep -c 'Bäckerei Kamphues am Markt' || true)
  search=$(curl -s "http://127.0.0.1:$port/unternehmen?q=Kamphues" | grep -c 'Bäckerei Kamphues am Markt' || true)
  changed=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG_A" "http://127.0.0.1:$port$PAGE")
  check "port $port shows the change at once (detail, cached search; old ETag → $changed)" \
    "$([ "$detail" -gt 0 ] && [ "$search" -gt 0 ] && [ "$changed" = 200 ] && echo 0 || echo 1)"
done

# 3. the reminder job runs on both every 2 s; the owner of one stale listing gets one mail
# one transaction: a run between owner and staleness would remind, and the reset after it would remind again
sql "INSERT INTO business_owner (business_id, account_id) SELECT id, $ACCOUNT FROM business WHERE slug = 'baeckerei-kamphues';
     UPDATE business SET last_confirmed_at = now() - interval '3 years', reminder_sent_at = NULL WHERE slug = 'baeckerei-kamphues'"
sleep 10
# only the reminder counts (the login itself may mail the owner too)
MAILS=$(sql "SELECT count(*) FROM outbox_mail WHERE recipient = '$EMAIL' AND body LIKE '%/konto/eintraege%'")
check "scheduled job on both instances mailed once ($MAILS reminder; all mails to the owner: $(sql "SELECT string_agg(subject, ' / ') FROM outbox_mail WHERE recipient = '$EMAIL'"))" "$([ "$MAILS" = 1 ] && echo 0 || echo 1)"

# 4. throughput: one instance against two, behind the same nginx
for port in $A $B; do wrk -t1 -c32 -d5s "http://127.0.0.1:$port$PAGE" >/dev/null; done
rate() { wrk -t1 -c32 -d"$DURATION" --latency "$1" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {printf "%.0f req/s, p99 %s", r, p}'; }
ONE_RATE=$(rate "http://127.0.0.1:$ONE$PAGE")
BOTH_RATE=$(rate "http://127.0.0.1:$BOTH$PAGE")

printf '\n| check | result |\n|---|---|\n'
for c in "${checks[@]}"; do printf '| %s | %s |\n' "${c%%|*}" "${c##*|}"; done
printf '\n| %s through nginx, no proxy cache | requests/s, p99 |\n|---|---|\n| one instance | %s |\n| two instances | %s |\n' "$PAGE" "$ONE_RATE" "$BOTH_RATE"
echo; echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); wrk 1 thread 32 connections $DURATION; both instances and PostgreSQL share the cores"
