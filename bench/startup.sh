#!/usr/bin/env bash
# Start-up of the packaged service (./mvnw package first), from a scratch folder that persists between calls
# (so the second call is a restart: policy store, signing key and checked-models memo already there):
# milliseconds from `java -jar` to the first 200 from /q/health/ready, the CPU seconds the service used by then (all
# threads: on a shared machine the better measure), how much of it the JIT compiler threads and the main thread took, Quarkus' own
# "started in", the load average.
# BENCH_THREADS=1 also lists the CPU of each thread (by name) at ready.
# BENCH_JAR=PATH measures another build's jar (e.g. a copy of target/quarkus-app kept from before a change).
# BENCH_JAVA=PATH runs it on another JVM, e.g. JDK 25 (the jar is still built by JDK 17; docs/benchmarks.md,
# "Start-up on JDK 25"). With a JDK 25 java, BENCH_AOT=train makes an ahead-of-time cache (JEP 483/514/515) in
# SCRATCH_DIR/app.aot by a training start (`ready`: goes to ready and exits) and BENCH_AOT=use starts with it.
#   bench/startup.sh SCRATCH_DIR [extra JVM flags...]      e.g. bench/startup.sh /tmp/start -XX:SharedArchiveFile=app.jsa
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java BENCH_AOT=train bench/startup.sh /tmp/start25; BENCH_AOT=use …
set -euo pipefail
jar=${BENCH_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/quarkus-app/quarkus-run.jar}
java=${BENCH_JAVA:-java}
dir=$1; shift
port=${BENCH_PORT:-$((18600 + RANDOM % 400))}
# A port another service already answers on would read that service's ready as this start's (it happened once: "ready
# after 20 ms"), so a random port is drawn again and a given one refused.
while curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    [ -z "${BENCH_PORT:-}" ] || { echo "port $port is taken by another service: choose another BENCH_PORT" >&2; exit 1; }
    port=$((18600 + RANDOM % 400))
done
mkdir -p "$dir" && cd "$dir"
case ${BENCH_AOT:-} in
    train)
        # The training start writes the cache when it exits (JDK 25 runs the assembly in a second JVM of its own).
        QUARKUS_DATASOURCE_JDBC_URL= "$java" -Xmx512m -XX:AOTCacheOutput=app.aot "$@" -jar "$jar" ready >aot-training.log 2>&1
        ls -l app.aot | awk '{print "AOT cache made: " $5 " bytes"}'
        exit 0 ;;
    use) set -- -XX:AOTCache=app.aot "$@" ;;
    '') ;;
    *) echo "BENCH_AOT is train, use or unset" >&2; exit 2 ;;
esac
load_before=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s%N)
QUARKUS_DATASOURCE_JDBC_URL= "$java" -Xmx512m "$@" -Dquarkus.http.port=$port -jar "$jar" >service.log 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "the service stopped: $dir/service.log"; exit 1; }
    sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
cpu=$(awk '{print ($14+$15)/100}' /proc/$pid/stat)
# The JIT's share: the C1/C2 compiler threads' own CPU (named "C1 CompilerThre…" in /proc; the name has a space, so the
# fields are counted after its closing parenthesis: utime and stime are the 12th and 13th).
jit=$(for task in /proc/$pid/task/*; do
          if grep -q 'CompilerThre' "$task/comm" 2>/dev/null; then sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}'; fi
      done | awk '{ticks += $1} END {print ticks / 100}')
# The main thread's own CPU: Quarkus' boot and the start-up observers, the path every start waits on before ready (the
# JVM names it "java"; the launcher's own first thread, also "java", sleeps meanwhile).
main=$(for task in /proc/$pid/task/*; do
           if [ "$(cat "$task/comm" 2>/dev/null)" = java ]; then sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}'; fi
       done | awk '{ticks += $1} END {print ticks / 100}')
if [ -n "${BENCH_THREADS:-}" ]; then
    # BENCH_THREADS=1: every thread's CPU at ready, by name (numbers dropped, so a pool's threads add up), largest first.
    for task in /proc/$pid/task/*; do
        name=$(tr -d '0-9' < "$task/comm" 2>/dev/null) && sed 's/.*) //' "$task/stat" | awk -v n="$name" '{print n "\t" $12 + $13}'
    done | awk -F'\t' -v total="$cpu" '{t[$1] += $2; all += $2}
        END {for (n in t) if (t[n] > 0) printf "  %6.2f s  %s\n", t[n] / 100, n
             printf "  %6.2f s  (threads ended by then, e.g. the early model compilation)\n", total - all / 100}' | sort -rn
fi
echo "ready after ${ready} ms, ${cpu} s of CPU (JIT ${jit} s, main thread ${main} s); $(grep -ao 'started in [0-9.]*s' service.log); load average $load_before -> $(cut -d' ' -f1 /proc/loadavg)"
kill $pid; wait $pid 2>/dev/null || true
