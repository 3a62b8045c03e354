#!/usr/bin/env bash
# next-action against the trivial KIE DMN yardstick (bench/trivial.dmn), in the same run, on the packaged
# service (./mvnw package -DskipTests first). Two services in turn: the cheapest audit (the journal on tmpfs,
# so its fsync costs nothing) and the PostgreSQL audit. In each, the yardstick and next-action are measured
# alternately, after a warm-up (8 s for the yardstick, BENCH_WARM_SECONDS, default 20, for next-action), 20 s
# each, and the load average is printed before every measurement.
#   bench/speed.sh [connections, default 32]  [PG database, default rentrecovery_bench]
# ONLY=journal or ONLY=postgres runs one of the two; SERVICE_OPTS adds JVM flags to the service, e.g. the
# "before" of a change that has a switch: SERVICE_OPTS="-Drentrecovery.security.verified-tokens.size=0
# -Drentrecovery.rules.fresh-instances=true" (every token verified, new rule-unit instances per decision).
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-32}
db=${2:-rentrecovery_bench}
port=${BENCH_PORT:-18097}
base=http://127.0.0.1:$port
# bench/next-action.lua sends it (README, "Security"): next-action needs the decisions role; the yardstick is
# outside /api and open, so next-action's figures include checking the token and the yardstick's do not.
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions 2>/dev/null || true)}

measure() { # label, path, script
    echo "== $1, $conns connections, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t2 -c"$conns" -d20s --latency -s "$3" "$base$2" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}

serve() { # label, env...
    local label=$1; shift
    env "$@" java -Xmx512m ${SERVICE_OPTS:-} -Dquarkus.http.port=$port -Drentrecovery.bench.trivial-dmn=bench/trivial.dmn \
        -jar target/quarkus-app/quarkus-run.jar >/tmp/bench-speed-$label.log 2>&1 &
    local pid=$!
    for _ in $(seq 1 90); do curl -s -o /dev/null "$base/q/openapi" && break; sleep 1; done
    wrk -t2 -c"$conns" -d8s -s bench/trivial.lua "$base/bench/trivial" >/dev/null
    # 8 s was too short: on the ninth machine (2026-12-06) round 1's next-action still ran partly interpreted (6,820/s
    # against round 2's 9,871/s), as bench/cpu-per-request.sh found on loaded machines before.
    wrk -t2 -c"$conns" -d"${BENCH_WARM_SECONDS:-20}"s -s bench/next-action.lua "$base/api/decisions/next-action" >/dev/null
    for round in 1 2; do
        measure "$label trivial (round $round)" /bench/trivial bench/trivial.lua
        measure "$label next-action (round $round)" /api/decisions/next-action bench/next-action.lua
    done
    echo "== $label CPU seconds of the service: $(awk '{print ($14+$15)/100}' /proc/$pid/stat)"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

rm -rf /dev/shm/bench-journal
[ "${ONLY:-}" = postgres ] || serve journal-tmpfs QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL=/dev/shm/bench-journal/decision-journal.ndjson
rm -rf /dev/shm/bench-journal
[ "${ONLY:-}" = journal ] && exit 0
if psql -h 127.0.0.1 -U postgres -tAc "select 1" >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -tAc "drop database if exists $db" >/dev/null
    createdb -h 127.0.0.1 -U postgres "$db"
    # The policy store stays embedded: on an empty database its own Flyway history makes the audit's
    # migration refuse a "non-empty schema" at start (main as of 2026-11-30 22:10).
    serve postgres QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
        RENTRECOVERY_POLICY_STORE=embedded RENTRECOVERY_POLICY_DIRECTORY=/tmp/bench-speed-policy
    psql -h 127.0.0.1 -U postgres -tAc "drop database if exists $db" >/dev/null
fi
