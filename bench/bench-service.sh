# Sourced by the bench scripts. start_bench_service LOG: starts the packaged service on $port with SERVICE_OPTS, the
# yardstick's model (bench/trivial.dmn) and the decision journal under $journal (a tmpfs folder, emptied first), logging
# to LOG; sets $pid, stops the service when the script exits, and returns once it answers.
start_bench_service() {
    rm -rf "$journal"
    QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL=$journal/decision-journal.ndjson \
        java -Xmx512m ${SERVICE_OPTS:-} -Dquarkus.http.port=$port -Drentrecovery.bench.trivial-dmn=bench/trivial.dmn \
        -jar target/quarkus-app/quarkus-run.jar >"$1" 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/q/openapi" && break; sleep 1; done
}

# compile_load_generator: the open-loop generator (org.rentrecovery.bench.RateP99, JDK only) compiled into $classes,
# and a decisions token in RENTRECOVERY_TOKEN unless one is set (bench/rate-p99.sh, bench/gc-tail.sh).
compile_load_generator() {
    export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions 2>/dev/null)}
    classes=target/bench-classes
    rm -rf "$classes"
    javac -d "$classes" $(find src/test/java/org/rentrecovery/bench -name '*.java' ! -name '*Test.java')
}
