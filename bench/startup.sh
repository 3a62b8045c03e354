#!/usr/bin/env bash
# Start-up of the packaged service (./mvnw package first), from a scratch folder that persists between calls
# (so the second call is a restart: policy store, signing key and checked-models memo already there):
# milliseconds from `java -jar` to the first 200 from /q/health/ready, the CPU seconds the service used by then (all
# threads: on a shared machine the better measure), Quarkus' own "started in", the load average.
# BENCH_JAR=PATH measures another build's jar (e.g. a copy of target/quarkus-app kept from before a change).
#   bench/startup.sh SCRATCH_DIR [extra JVM flags...]      e.g. bench/startup.sh /tmp/start -XX:SharedArchiveFile=app.jsa
set -euo pipefail
jar=${BENCH_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/quarkus-app/quarkus-run.jar}
dir=$1; shift
port=${BENCH_PORT:-$((18600 + RANDOM % 400))}
mkdir -p "$dir" && cd "$dir"
load_before=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s%N)
QUARKUS_DATASOURCE_JDBC_URL= java -Xmx512m "$@" -Dquarkus.http.port=$port -jar "$jar" >service.log 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "the service stopped: $dir/service.log"; exit 1; }
    sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
cpu=$(awk '{print ($14+$15)/100}' /proc/$pid/stat)
echo "ready after ${ready} ms, ${cpu} s of CPU; $(grep -o 'started in [0-9.]*s' service.log); load average $load_before -> $(cut -d' ' -f1 /proc/loadavg)"
kill $pid; wait $pid 2>/dev/null || true
