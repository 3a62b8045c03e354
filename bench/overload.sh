#!/usr/bin/env bash
# Overload (issue 17 item 5): next-action's rate and latency alone, then while 8 clients send scenario runs
# back to back (each is refused with 429 while the bulkhead is full). Packaged service, embedded journal on
# tmpfs, so the audit's cost does not hide the suites' effect.
#   bench/overload.sh [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-16}
port=${BENCH_PORT:-18099}
base=http://127.0.0.1:$port
jar=target/quarkus-app/quarkus-run.jar
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar $jar token --role decisions 2>/dev/null)}
TESTER=$(java -jar $jar token --role tester 2>/dev/null)
rm -rf /dev/shm/overload-journal
QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL=/dev/shm/overload-journal/decision-journal.ndjson \
    java -Xmx512m -Dquarkus.http.port=$port -jar $jar >/tmp/overload-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf /dev/shm/overload-journal /tmp/overload-codes.*' EXIT
for _ in $(seq 1 90); do curl -sf -o /dev/null "$base/q/health/ready" && break; sleep 1; done
measure() {
    echo "== $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk -t2 -c"$conns" -d20s --latency -s bench/next-action.lua "$base/api/decisions/next-action" \
        | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
wrk -t2 -c"$conns" -d15s -s bench/next-action.lua "$base/api/decisions/next-action" >/dev/null   # warm-up
measure "next-action alone"
for i in $(seq 1 8); do
    ( while :; do curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base/api/scenarios/run" -H "Authorization: Bearer $TESTER" \
        -H 'Content-Type: application/json' -d '{}' >>/tmp/overload-codes.$i; done ) &
done
sleep 2
measure "next-action while 8 clients hammer POST /api/scenarios/run (every stored suite)"
kill $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
echo "== scenario runs answered: $(cat /tmp/overload-codes.* | sort | uniq -c | tr '\n' ' ')"
