#!/usr/bin/env bash
# Bytes the service allocates per answered next-action request (JFR's per-thread allocation counters at the start and
# end of a recording, summed over the service's threads but the recorder's own), after 30 s of warm-up. On a machine
# shared with other work, CPU figures swing with the load; bytes allocated a request do not (docs/benchmarks.md).
#   bench/alloc-per-request.sh [connections, default 8] [seconds, default 20]
# BENCH_AUDIT=journal|postgres (default journal) says where the service records its decisions: the journal on tmpfs,
# or a fresh PostgreSQL database rr_bench_<port> dropped at the end (bench/bench-service.sh). BENCH_PORT (default
# 18099) and BENCH_JOURNAL_DIR (a tmpfs folder, removed before and after) keep runs of several people apart.
# BENCH_CASES=FILE (one case a line, /work/shared/tools/portfolio.py's output) sends those cases in turn
# (bench/cases.lua) instead of bench/next-action.lua's one case. JFR_KEEP=FILE keeps the recording (JFR's "profile"
# settings: allocation samples by weight, for bench/request-buckets.py).
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-8}; secs=${2:-20}
. bench/bench-service.sh alloc 18099
start_bench_service /tmp/bench-alloc-$port.log
script=bench/next-action.lua
[ -z "${BENCH_CASES:-}" ] || { script=bench/cases.lua; export BENCH_CASES; }
wrk -t2 -c"$conns" -d30s -s $script "$base/api/decisions/next-action" >/dev/null
jfr=/tmp/bench-alloc-$port.jfr
jcmd $pid JFR.start name=alloc settings=profile filename=$jfr >/dev/null
out=$(wrk -t2 -c"$conns" -d"${secs}s" -s $script "$base/api/decisions/next-action")
jcmd $pid JFR.stop name=alloc >/dev/null
requests=$(echo "$out" | awk '/requests in/ {print $1}')
echo "$out" | grep -i "non-2xx" >&2 || true
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
echo "audit: $(audit_summary)"
if [ -n "${JFR_KEEP:-}" ]; then mv "$jfr" "$JFR_KEEP"; else rm -f "$jfr"; fi
