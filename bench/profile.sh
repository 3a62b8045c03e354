#!/usr/bin/env bash
# A JFR profile of next-action under load (the cheapest audit: the journal on tmpfs), summarised by
# bench/jfr-summary.py. Run from the project root after ./mvnw package -DskipTests.
#   bench/profile.sh [output.jfr, default /tmp/next-action.jfr] [connections, default 16] [seconds, default 20]
# Stacks are recorded 256 frames deep (JFR keeps 64 by default, which cuts the outer frames off a deep decision, so
# the summary could not tell which stage of the request such a sample was in).
# BENCH_PORT and BENCH_JOURNAL_DIR (a tmpfs folder, removed before and after) keep runs of several people apart.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/next-action.jfr}
conns=${2:-16}
secs=${3:-20}
port=${BENCH_PORT:-18098}
url=http://127.0.0.1:$port/api/decisions/next-action
# bench/next-action.lua sends it (README, "Security"): next-action needs the decisions role; the yardstick is
# outside /api and open, so next-action's figures include checking the token and the yardstick's do not.
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions 2>/dev/null || true)}
journal=${BENCH_JOURNAL_DIR:-/dev/shm/profile-journal}
rm -rf "$journal"
QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL=$journal/decision-journal.ndjson \
    java -Xmx512m -XX:FlightRecorderOptions:stackdepth=256 -Dquarkus.http.port=$port -jar target/quarkus-app/quarkus-run.jar >/tmp/profile-service.log 2>&1 &
pid=$!
for _ in $(seq 1 90); do curl -s -o /dev/null "http://127.0.0.1:$port/q/openapi" && break; sleep 1; done
wrk -t2 -c"$conns" -d10s -s bench/next-action.lua "$url" >/dev/null     # warm-up
jcmd $pid JFR.start name=na settings=profile filename="$out" >/dev/null
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c"$conns" -d"${secs}s" -s bench/next-action.lua "$url" | grep -E "Requests/sec"
jcmd $pid JFR.stop name=na >/dev/null
kill $pid; wait $pid 2>/dev/null || true
rm -rf "$journal"
bench/jfr-summary.py "$out"
