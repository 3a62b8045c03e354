#!/usr/bin/env bash
# Next-action's tail latency under each collector setting (issue 16: p99 <= 20 ms at 80% of the maximum rate), in
# interleaved rounds: every setting once per round, in the same order, so each round's settings share its minutes of
# machine load. For each setting: a fresh service (bench/bench-service.sh, -Xmx512m, a new journal or database) with
# its GC log on, warmed by wrk (10 s yardstick, WARM_SECONDS of next-action), its closed-loop maximum with wrk over
# MAX_SECONDS, then org.rentrecovery.bench.RateP99 at each rate of RATES (the same offered rates for every setting),
# each with 5 s of warm-up and SECONDS measured; beside each run's latencies, the stop-the-world pauses that ended
# in its measured window (bench/gc-pauses.py).
#   bench/gc-tail.sh [rounds, default 2] [seconds per rate, default 20]
# RATES (default "1000 1600"), CONNECTIONS (8), WARM_SECONDS (30), MAX_SECONDS (15); GC_SETTINGS, one setting a line,
# "label: JVM options" (default below). Build first: ./mvnw -Dworkbench.skip -DskipTests package.
# BENCH_AUDIT=journal|postgres (default journal, a new journal or database for each service: bench/bench-service.sh).
# BENCH_PORT (default 18096) and BENCH_JOURNAL_DIR keep runs of several people apart; GC logs go to GC_LOG_DIR
# (default /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}; secs=${2:-20}
rates=${RATES:-1000 1600}; conns=${CONNECTIONS:-8}; warm_secs=${WARM_SECONDS:-30}; max_secs=${MAX_SECONDS:-15}
logs=${GC_LOG_DIR:-/tmp}
settings=${GC_SETTINGS:-"g1: -XX:+UseG1GC
g1-fixed: -XX:+UseG1GC -Xms512m -Xmn320m -XX:+AlwaysPreTouch
parallel: -XX:+UseParallelGC
zgc: -XX:+UseZGC
shenandoah: -XX:+UseShenandoahGC"}
. bench/bench-service.sh gc 18096
compile_load_generator
now_ms() { date +%s%3N; }
for round in $(seq 1 "$rounds"); do
    while IFS= read -r setting; do
        [ -n "$setting" ] || continue
        label=${setting%%:*}; opts=${setting#*:}
        gc_log=$logs/gc-tail-$port-$label-$round.log
        SERVICE_OPTS="$opts -Xlog:gc,gc+phases:file=$gc_log:timemillis" start_bench_service "$logs/gc-tail-$port-$label.out"
        wrk -t2 -c"$conns" -d10s -s bench/trivial.lua "$base/bench/trivial" >/dev/null
        wrk -t2 -c"$conns" -d"${warm_secs}s" -s bench/next-action.lua "$base/api/decisions/next-action" >/dev/null
        from=$(now_ms)
        out=$(wrk -t2 -c"$conns" -d"${max_secs}s" --latency -s bench/next-action.lua "$base/api/decisions/next-action")
        printf 'round %s %-11s maximum %s/s (wrk)  %s  load %s\n' "$round" "$label" \
            "$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')" "$(bench/gc-pauses.py "$gc_log" "$from" "$(now_ms)")" \
            "$(cut -d' ' -f1 /proc/loadavg)"
        for rate in $rates; do
            line=$(java -Xmx128m -XX:+UseSerialGC -Dbench.window-file="$logs/gc-tail-$port.window" -cp "$classes" \
                org.rentrecovery.bench.RateP99 \
                "$base/api/decisions/next-action" "$rate" "$secs" "$conns" 5 @bench/secure-notice-case.json "$pid")
            # The pauses of the measured window only (the generator's 5 s of warm-up come first).
            printf 'round %s %-11s %s\n    %s\n' "$round" "$label" "$line" \
                "$(bench/gc-pauses.py "$gc_log" $(cat "$logs/gc-tail-$port.window"))"
        done
        stop_bench_service
    done <<< "$settings"
done
