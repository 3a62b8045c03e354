#!/usr/bin/env bash
# Bytes the service allocates per answered next-action request (JFR's per-thread allocation counters at the start and
# end of a recording, summed over the service's threads but the recorder's own), after 30 s of warm-up. On a machine
# shared with other work, CPU figures swing with the load; bytes allocated a request do not (docs/benchmarks.md).
#   bench/alloc-per-request.sh [connections, default 8] [seconds, default 20]
# BENCH_PORT and BENCH_JOURNAL_DIR (a tmpfs folder, removed before and after) keep runs of several people apart.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-8}; secs=${2:-20}
port=${BENCH_PORT:-18099}
base=http://127.0.0.1:$port
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions 2>/dev/null)}
journal=${BENCH_JOURNAL_DIR:-/dev/shm/bench-alloc-journal}
. bench/bench-service.sh
start_bench_service /tmp/bench-alloc-$port.log
wrk -t2 -c"$conns" -d30s -s bench/next-action.lua "$base/api/decisions/next-action" >/dev/null
jfr=/tmp/bench-alloc-$port.jfr
jcmd $pid JFR.start name=alloc settings=profile filename=$jfr >/dev/null
out=$(wrk -t2 -c"$conns" -d"${secs}s" -s bench/next-action.lua "$base/api/decisions/next-action")
jcmd $pid JFR.stop name=alloc >/dev/null
requests=$(echo "$out" | awk '/requests in/ {print $1}')
jfr print --json --events jdk.ThreadAllocationStatistics $jfr | python3 -c '
import json, sys
first, last = {}, {}
for event in json.load(sys.stdin)["recording"]["events"]:
    if event["values"]["thread"]["javaName"].startswith(("JFR", "Attach")): continue
    thread, allocated = event["values"]["thread"]["javaThreadId"], event["values"]["allocated"]
    first.setdefault(thread, allocated); last[thread] = allocated
total = sum(last[t] - first[t] for t in last); requests = int(sys.argv[1])
print("%d requests, %.1f MB allocated, %.1f KB a request" % (requests, total / 1e6, total / 1e3 / requests))
' "$requests"
rm -rf "$journal" "$jfr"
