#!/usr/bin/env bash
# p99 at 80% of the maximum rate (issue 16), the yardstick (POST /bench/trivial) and next-action, on the packaged
# service with its audit per BENCH_AUDIT (the journal on tmpfs by default). For each endpoint in each round: its
# maximum rate with wrk (closed loop, as bench/cpu-per-request.sh), then an open-loop run at RATE_PERCENT (default 80)
# of that maximum with org.rentrecovery.bench.RateP99 (src/test/java/org/rentrecovery/bench): requests at fixed
# intended start times over the same number of connections, latency counted from the intended start (a request that
# waits for a free connection waits on the service's account), the service's CPU a request from /proc over the
# measured window, the generator's own CPU a request and the load average. wrk's own CPU a request is shown beside its
# maximum, to compare.
#   bench/rate-p99.sh [connections, default 8] [seconds per measurement, default 20] [rounds, default 2]
# Build first: ./mvnw -Dworkbench.skip -DskipTests package (the generator is compiled here with javac, JDK only).
# BENCH_WARM_SECONDS (default 20) is how long next-action is warmed up before the first round.
# BENCH_AUDIT=journal|postgres (default journal, bench/bench-service.sh). BENCH_PORT (default 18096) and
# BENCH_JOURNAL_DIR (a tmpfs folder, removed before and after) keep runs of several people apart.
# WRK2=/path/to/wrk2 runs the open-loop part with Gil Tene's wrk2 instead (github.com/giltene/wrk2, built with make;
# not packaged by Debian): the same connections and rate, latency from each request's intended start, its own 10 s
# calibration before the measured seconds; printed beside it, the service's CPU a request over the whole wrk2 run.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-8}; secs=${2:-20}; rounds=${3:-2}
percent=${RATE_PERCENT:-80}; warm=${RATE_WARM_UP_SECONDS:-5}
. bench/bench-service.sh rate 18096
compile_load_generator
start_bench_service /tmp/bench-rate-$port.log
trivial_body='{"weeksInArrears": 9.5, "vulnerable": false}'
maximum() { # label, path, wrk script: prints the label's line, sets $max
    local out cpu requests
    out=$( { "${generator_pin[@]}" /usr/bin/time -f 'wrk-cpu %U %S' wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$3" "$base$2"; } 2>&1)
    max=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    cpu=$(echo "$out" | awk '/^wrk-cpu/ {print $2+$3}')
    printf '%-12s maximum %6d/s (wrk, closed loop)  p50 %-9s p99 %-9s  wrk CPU %.3fms a request  load %s\n' "$1" "$max" \
        "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
        "$(echo "$cpu*1000/$requests" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}
at_rate() { # label, path, body, wrk script
    printf '%-12s at %s%%: ' "$1" "$percent"
    if [ -n "${WRK2:-}" ]; then
        at_rate_with_wrk2 "$2" "$4"
        return
    fi
    "${generator_pin[@]}" java -Xmx128m -XX:+UseSerialGC -cp "$classes" org.rentrecovery.bench.RateP99 "$base$2" $((max * percent / 100)) \
        "$secs" "$conns" "$warm" "$3" "$pid"
}
at_rate_with_wrk2() { # path, wrk script
    local rate=$((max * percent / 100)) out cpu0 cpu1 requests
    cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    out=$("${generator_pin[@]}" "$WRK2" -t2 -c"$conns" -d"$((secs + 10))s" -R"$rate" --latency -s "$2" "$base$1")
    cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$rate/s asked, $(echo "$out" | awk '/Requests\/sec/ {print $2}')/s answered (wrk2, ${secs} s measured)" \
        "$(echo "$out" | awk '$1 == "50.000%" || $1 == "90.000%" || $1 == "99.000%" || $1 == "99.900%" || $1 == "100.000%" {
            printf "p%s %s  ", $1 + 0, $2 } /Non-2xx|Socket errors/ { printf "[%s]  ", $0 }')" \
        "CPU a request: service $(echo "($cpu1 - $cpu0) * 1000 / $(getconf CLK_TCK) / $requests" | bc -l | cut -c1-5)ms" \
        " load $(cut -d' ' -f1 /proc/loadavg)"
}
warm_up 20
for round in $(seq 1 "$rounds"); do
    echo "== round $round"
    maximum trivial /bench/trivial bench/trivial.lua
    at_rate trivial /bench/trivial "$trivial_body" bench/trivial.lua
    maximum next-action /api/decisions/next-action bench/next-action.lua
    at_rate next-action /api/decisions/next-action @bench/secure-notice-case.json bench/next-action.lua
done
