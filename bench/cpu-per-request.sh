#!/usr/bin/env bash
# CPU of the service per request, the yardstick (POST /bench/trivial) and next-action alternately, on the packaged
# service with its audit in the journal on tmpfs or in PostgreSQL (BENCH_AUDIT). On a machine shared with other work,
# throughput swings with the load; the CPU the service spends per answered request (utime+stime from /proc over each
# measurement) moves much less.
#   bench/cpu-per-request.sh [connections, default 8] [seconds per measurement, default 15] [rounds, default 3]
# SERVICE_OPTS adds JVM flags, e.g. the "before" of the switchable changes:
#   SERVICE_OPTS="-Drentrecovery.security.verified-tokens.size=0 -Drentrecovery.rules.fresh-instances=true"
# BENCH_WARM_SECONDS (default 20) is how long next-action is warmed up before the first round (the JIT needs longer on a busy machine).
# BENCH_AUDIT=journal|postgres (default journal) says where the service records its decisions: the journal on tmpfs,
# or a fresh PostgreSQL database rr_bench_<port> dropped at the end (bench/bench-service.sh). BENCH_PORT (default
# 18097) and BENCH_JOURNAL_DIR (a tmpfs folder, removed before and after) keep runs of several people apart.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-8}; secs=${2:-15}; rounds=${3:-3}
. bench/bench-service.sh cpu 18097
start_bench_service /tmp/bench-cpu-$port.log
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
measure() { # label, path, script
    local before after out requests
    before=$(cpu)
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$3" "$base$2")
    after=$(cpu)
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    printf '%-12s %8d requests %8.1f/s  p50 %-9s p99 %-9s CPU %6.2f s  %.3f ms CPU a request  load %s\n' "$1" "$requests" \
        "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
        "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "($after-$before)/100" | bc -l)" \
        "$(echo "($after-$before)*10/$requests" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}
warm_then_alternate "$rounds"
audit_summary
