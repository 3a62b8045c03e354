#!/usr/bin/env bash
# Where next-action's tail comes from (issue 16: p99 <= 20 ms at 80% of the maximum rate): one service with its GC
# and safepoint logs on (stamped with the wall clock), warmed up, its closed-loop maximum with wrk, then
# org.rentrecovery.bench.RateP99 at RATE_PERCENT (default 80) of it for SECONDS, ROUNDS times, each with a latency
# timeline in 100 ms slices and bench/machine-sampler.py sampling the cores and the service alongside. Then
# bench/tail-timeline.py lays them side by side: each stall (a run of slices whose longest latency is over
# STALL_MS, default 20) with the pauses, safepoints and CPU of its minutes.
#   bench/tail-timeline.sh [seconds, default 20] [rounds, default 3]
# BENCH_WARM_SECONDS (default 60), CONNECTIONS (8), OUT (default /tmp/tail-timeline), and bench/bench-service.sh's
# BENCH_AUDIT, BENCH_PORT, BENCH_JOURNAL_DIR, BENCH_SERVICE_CPUS, BENCH_GENERATOR_CPUS.
# Build first: ./mvnw -Dworkbench.skip -DskipTests package.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}; rounds=${2:-3}
percent=${RATE_PERCENT:-80}; conns=${CONNECTIONS:-8}; out=${OUT:-/tmp/tail-timeline}
rm -rf "$out"; mkdir -p "$out"
SERVICE_OPTS="${SERVICE_OPTS:-} -Xlog:gc:file=$out/gc.log:timemillis -Xlog:safepoint:file=$out/safepoint.log:timemillis"
. bench/bench-service.sh timeline 18097
compile_load_generator
start_bench_service "$out/service.log"
bench/machine-sampler.py "$pid" "$out/machine.txt" &
sampler=$!
warm_up 60
for round in $(seq 1 "$rounds"); do
    max=$("${generator_pin[@]}" wrk -t2 -c"$conns" -d"${secs}s" -s bench/next-action.lua "$base/api/decisions/next-action" |
        awk '/Requests\/sec/ {print int($2)}')
    printf 'round %d: maximum %d/s (wrk), at %d%%: ' "$round" "$max" "$percent"
    "${generator_pin[@]}" java -Xmx128m -XX:+UseSerialGC -Dbench.timeline-file="$out/timeline-$round.txt" -cp "$classes" \
        org.rentrecovery.bench.RateP99 "$base/api/decisions/next-action" $((max * percent / 100)) "$secs" "$conns" 5 \
        @bench/secure-notice-case.json "$pid"
done
kill "$sampler" 2>/dev/null || true
bench/tail-timeline.py --stall-ms "${STALL_MS:-20}" "$out"/timeline-*.txt --gc "$out/gc.log" --safepoints "$out/safepoint.log" \
    --machine "$out/machine.txt"
