#!/usr/bin/env bash
# Where the service's CPU goes per request, by thread: the CPU time (user and system, from /proc/PID/task/*/stat)
# each kind of thread spent over a wrk run, divided by the requests answered, for the yardstick (POST /bench/trivial)
# and next-action alternately. JFR's execution samples see only threads running Java code: time in the kernel (socket
# I/O, waking another thread, fsync) and the JVM's own threads (GC, JIT) are missing from them, so a profile's shares
# overstate what runs in Java. This splits the whole CPU a request costs, which the samples then divide further.
#   bench/cpu-by-thread.sh [connections, default 8] [seconds per measurement, default 15] [rounds, default 2]
# With JFR=FILE, a JFR recording (settings=profile, 256 frames) is taken over the last round's next-action run.
# BENCH_AUDIT=journal|postgres, BENCH_PORT (default 18096) and BENCH_JOURNAL_DIR as in bench/bench-service.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-8}; secs=${2:-15}; rounds=${3:-2}
SERVICE_OPTS="${SERVICE_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256"
. bench/bench-service.sh thread 18096
start_bench_service /tmp/bench-thread-$port.log
snapshot() { # one line per thread: id, name (spaces made _), user ticks, system ticks
    python3 - "$pid" <<'EOF'
import glob, sys
for path in glob.glob("/proc/%s/task/*/stat" % sys.argv[1]):
    try:
        text = open(path).read()
    except OSError:
        continue
    name = text[text.index("(") + 1:text.rindex(")")].replace(" ", "_")
    fields = text[text.rindex(")") + 2:].split()
    print(path.split("/")[-2], name, fields[11], fields[12])
EOF
}
measure() { # label, path, script, jfr file or empty
    local out requests
    snapshot >/tmp/bench-thread-$port.before
    [ -n "$4" ] && jcmd $pid JFR.start name=threads settings=profile filename="$4" >/dev/null
    out=$(wrk -t2 -c"$conns" -d"${secs}s" -s "$3" "$base$2")
    [ -n "$4" ] && jcmd $pid JFR.stop name=threads >/dev/null
    snapshot >/tmp/bench-thread-$port.after
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$1: $requests requests, $(echo "$out" | awk '/Requests\/sec/ {print $2}')/s, load $(cut -d' ' -f1 /proc/loadavg)"
    python3 - /tmp/bench-thread-$port.before /tmp/bench-thread-$port.after "$requests" <<'EOF'
import collections, re, sys
def read(path):
    return {l.split()[0]: l.split()[1:] for l in open(path) if l.strip()}
before, after, requests = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
KINDS = [("HTTP event loop (vert.x-eventloop)", r"^vert\.x-eventloo"), ("request workers (executor-thread)", r"^executor-thread"),
         ("audit journal writer", r"^decision-journ"), ("GC", r"^(GC_|G1_|VM_Periodic)"), ("JIT compilers", r"^C[12]_Compi"),
         ("JFR and attach", r"^(JFR|Attach)"), ("VM thread", r"^VM_Thread")]
user, system = collections.Counter(), collections.Counter()
for tid, (name, u, s) in after.items():
    u0, s0 = (int(before[tid][1]), int(before[tid][2])) if tid in before and before[tid][0] == name else (0, 0)
    kind = next((k for k, p in KINDS if re.search(p, name)), "other: " + re.sub(r"[-#]?\d+$", "", name))
    user[kind] += int(u) - u0; system[kind] += int(s) - s0
total = sum(user.values()) + sum(system.values())
print("  %-40s %9s %9s %9s %6s" % ("threads", "user ms", "sys ms", "a request", "share"))
for kind in sorted(user, key=lambda k: -(user[k] + system[k])):
    t = user[kind] + system[kind]
    if t == 0: continue
    print("  %-40s %9.0f %9.0f %8.3f ms %5.1f%%" % (kind, user[kind] * 10, system[kind] * 10, t * 10 / requests, 100 * t / total))
print("  %-40s %9.0f %9.0f %8.3f ms" % ("all", sum(user.values()) * 10, sum(system.values()) * 10, total * 10 / requests))
EOF
}
wrk -t2 -c"$conns" -d10s -s bench/trivial.lua "$base/bench/trivial" >/dev/null
wrk -t2 -c"$conns" -d20s -s bench/next-action.lua "$base/api/decisions/next-action" >/dev/null
for round in $(seq 1 "$rounds"); do
    measure trivial /bench/trivial bench/trivial.lua ""
    measure next-action /api/decisions/next-action bench/next-action.lua "$([ "$round" = "$rounds" ] && echo "${JFR:-}")"
done
rm -f /tmp/bench-thread-$port.before /tmp/bench-thread-$port.after
