#!/usr/bin/env bash
# What the audit costs next-action besides the service's own CPU, the yardstick (POST /bench/trivial) and next-action
# alternately: per wrk run, the rate, the service's CPU a request, the CPU a request of the PostgreSQL backends serving
# the bench's database and of every PostgreSQL process (the WAL writer and checkpointer included; other databases'
# work too, if any), the machine's idle share of its cores (from /proc/stat; a closed loop that leaves the cores idle
# is bound by latency, e.g. commit round trips, not by CPU), and the audit's mean batch (records a commit or fsync,
# from /q/metrics: rentrecovery_audit_batch_size).
#   bench/audit-cost.sh [connections, default 8] [seconds per measurement, default 15] [rounds, default 2]
# BENCH_AUDIT=journal|postgres, BENCH_PORT (default 18095), BENCH_JOURNAL_DIR, SERVICE_OPTS as in bench/bench-service.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-8}; secs=${2:-15}; rounds=${3:-2}
. bench/bench-service.sh cost 18095
start_bench_service /tmp/bench-cost-$port.log
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_ticks() { local total=0 p; for p in "$@"; do total=$((total + $(ticks "$p"))); done; echo "$total"; }
own_backends() { [ "$audit" = postgres ] && bench_psql -c "select pid from pg_stat_activity where datname = '$bench_database'" || true; }
all_postgres() { pgrep -x postgres || true; }
idle_ticks() { awk '/^cpu / {print $5+$6, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
batches() { # count and sum of the batch-size summary
    curl -s -H "Authorization: Bearer $RENTRECOVERY_TOKEN" "$base/q/metrics" |
        awk '/^rentrecovery_audit_batch_size_(count|sum)/ {v[$1 ~ /count/ ? "c" : "s"] += $NF} END {printf "%d %d\n", v["c"], v["s"]}'
}
measure() { # label, path, script
    local out requests own all svc0 svc1 own0 own1 all0 all1 idle0 idle1 b0 b1
    own=$(own_backends); all=$(all_postgres)
    svc0=$(ticks "$pid"); own0=$(sum_ticks $own); all0=$(sum_ticks $all); idle0=$(idle_ticks); b0=$(batches)
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$3" "$base$2")
    svc1=$(ticks "$pid"); own1=$(sum_ticks $own); all1=$(sum_ticks $all); idle1=$(idle_ticks); b1=$(batches)
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    python3 - "$1" "$requests" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
        "$svc0" "$svc1" "$own0" "$own1" "$all0" "$all1" "$idle0" "$idle1" "$b0" "$b1" "$(cut -d' ' -f1 /proc/loadavg)" <<'EOF'
import sys
a = sys.argv[1:]
label, requests, rate, p50 = a[0], int(a[1]), float(a[2]), a[3]
svc, own, allpg = (int(a[5]) - int(a[4])), (int(a[7]) - int(a[6])), (int(a[9]) - int(a[8]))
idle0, total0 = map(int, a[10].split()); idle1, total1 = map(int, a[11].split())
c0, s0 = map(int, a[12].split()); c1, s1 = map(int, a[13].split())
ms = lambda t: t * 10.0 / requests
batch = "%.1f" % ((s1 - s0) / (c1 - c0)) if c1 > c0 else "-"
print("%-12s %8.1f/s p50 %-8s service %.3f ms  pg backends %.3f ms  all postgres %.3f ms a request  idle %4.1f%%  batch %s  load %s"
      % (label, rate, p50, ms(svc), ms(own), ms(allpg), 100.0 * (idle1 - idle0) / (total1 - total0), batch, a[14]))
EOF
}
warm_then_alternate "$rounds"
audit_summary
