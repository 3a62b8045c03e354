#!/usr/bin/env bash
# Soak (issue 17 item 8): the packaged service (./mvnw package -DskipTests first) recording in PostgreSQL,
# next-action at half its measured maximum for SOAK_MINUTES (default 10) minutes, in one-minute slices. Before
# the first slice and after every slice: heap used after a full GC (jcmd GC.run, then GC.heap_info), the
# service's RSS and the load average; each slice prints its rate, p50 and p99. Flat heap after GC = no leak.
#   bench/soak.sh [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-16}
minutes=${SOAK_MINUTES:-10}
port=${BENCH_PORT:-18098}
db=${SOAK_DB:-rentrecovery_soak}
base=http://127.0.0.1:$port
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions 2>/dev/null)}

psql -h 127.0.0.1 -U postgres -tAc "drop database if exists $db" >/dev/null
createdb -h 127.0.0.1 -U postgres "$db"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
    RENTRECOVERY_POLICY_STORE=embedded RENTRECOVERY_POLICY_DIRECTORY=/tmp/soak-policy-$$ \
    java -Xmx512m -Dquarkus.http.port=$port -jar target/quarkus-app/quarkus-run.jar >/tmp/soak-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -tAc "drop database if exists $db" >/dev/null' EXIT
for _ in $(seq 1 90); do curl -sf -o /dev/null "$base/q/health/ready" && break; sleep 1; done

heap() { # heap used after a full GC, in MB, with RSS and load average
    jcmd "$pid" GC.run >/dev/null
    local used
    used=$(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
    printf "heap after GC %d MB, RSS %d MB, load average %s" $((used / 1024)) \
        $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) "$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "== warm-up 30 s, then the maximum over 20 s ($conns connections, no delay)"
SOAK_DELAY_MS=0 wrk -t2 -c"$conns" -d30s -s bench/soak.lua "$base/api/decisions/next-action" >/dev/null
max=$(SOAK_DELAY_MS=0 wrk -t2 -c"$conns" -d20s -s bench/soak.lua "$base/api/decisions/next-action" \
    | awk '/Requests\/sec/{print int($2)}')
target=$((max / 2))
delay=$((conns * 1000 / target))
echo "maximum $max/s; target $target/s (50%): each connection waits $delay ms between requests"
echo "start: $(heap)"
for minute in $(seq 1 "$minutes"); do
    out=$(SOAK_DELAY_MS=$delay wrk -t2 -c"$conns" -d60s --latency -s bench/soak.lua "$base/api/decisions/next-action")
    rate=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
    echo "minute $minute: $rate/s, p50 $p50, p99 $p99 ${errors:+($errors)}; $(heap)"
done
echo "== recorded decisions: $(psql -h 127.0.0.1 -U postgres -tAc 'select count(*) from decision_audit' "$db")"
echo "== service CPU seconds: $(awk '{print ($14+$15)/100}' /proc/$pid/stat)"
