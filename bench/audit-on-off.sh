#!/usr/bin/env bash
# Decisions per second with the audit in PostgreSQL, in the journal, and without any audit (the
# build just before the audit, commit f9b7a26, built in its own folder). Run from the project root
# after ./mvnw package -DskipTests; needs wrk, and PostgreSQL on 127.0.0.1 with a database
# "rentrecovery" (createdb -h 127.0.0.1 -U postgres rentrecovery).
#   bench/audit-on-off.sh [folder holding a packaged build without the audit]
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:-}
port=18087
url=http://127.0.0.1:$port/api/decisions/next-action
# bench/next-action.lua sends it (README, "Security"); a build from before sign-in ignores it.
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions)}

run() { # label, folder, env...
    local label=$1 dir=$2; shift 2
    (cd "$dir" && exec env "$@" java -Dquarkus.http.port=$port -jar target/quarkus-app/quarkus-run.jar) >/tmp/bench-$label.log 2>&1 &
    local pid=$!
    for _ in $(seq 1 90); do curl -s -o /dev/null "http://127.0.0.1:$port/q/openapi" && break; sleep 1; done
    wrk -t2 -c16 -d15s -s bench/next-action.lua "$url" >/dev/null   # warm-up
    for c in 16 64; do
        echo "== $label, $c connections, load average $(cut -d' ' -f1-3 /proc/loadavg)"
        wrk -t2 -c$c -d20s --latency -s bench/next-action.lua "$url" | grep -E "Requests/sec|50%|99%|Non-2xx"
    done
    kill $pid; wait $pid 2>/dev/null || true
}

[ -n "$baseline" ] && run no-audit "$baseline"
run postgres . QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/rentrecovery QUARKUS_DATASOURCE_USERNAME=postgres
run journal . RENTRECOVERY_AUDIT_JOURNAL=/tmp/bench-journal/decision-journal.ndjson
