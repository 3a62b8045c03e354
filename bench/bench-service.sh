# Sourced once by each bench script, from the project root:  . bench/bench-service.sh NAME DEFAULT_PORT
# It sets what the scripts share and stops the service, removes its journal and drops its database when the script
# exits:
#   $port (BENCH_PORT, else DEFAULT_PORT), $base (http://127.0.0.1:$port), $audit (BENCH_AUDIT), $journal
#   (BENCH_JOURNAL_DIR, else /dev/shm/bench-NAME-journal), and a decisions token in RENTRECOVERY_TOKEN unless one is
#   set (bench/next-action.lua and the load generator send it).
# BENCH_AUDIT picks where the service records each decision before answering it:
#   journal   (default) the append-only journal under $journal, a tmpfs folder emptied at each start;
#   postgres  a fresh PostgreSQL database rr_bench_<port> on 127.0.0.1:5432 (user postgres, trust), created with psql
#             at each start (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME) and dropped at the end.
# BENCH_SERVICE_CPUS and BENCH_GENERATOR_CPUS (taskset lists, e.g. 0 and 1) pin the service and the load generators
# (wrk, wrk2, RateP99) to cores of their own, so that a generator's threads do not take the service's core at
# random moments; the JVM then sizes itself (collector, event loops, compiler threads) for the cores it is given.
# The service has no mode without an audit (every decision is recorded before it is answered, docs/audit.md), so
# there is no "off": an older build without the audit is what bench/audit-on-off.sh compares with.
bench_name=${1:?usage: . bench/bench-service.sh NAME DEFAULT_PORT}
port=${BENCH_PORT:-${2:?usage: . bench/bench-service.sh NAME DEFAULT_PORT}}
base=http://127.0.0.1:$port
audit=${BENCH_AUDIT:-journal}
journal=${BENCH_JOURNAL_DIR:-/dev/shm/bench-$bench_name-journal}
bench_database=rr_bench_$port
service_pin=(); generator_pin=()
[ -n "${BENCH_SERVICE_CPUS:-}" ] && service_pin=(taskset -c "$BENCH_SERVICE_CPUS")
[ -n "${BENCH_GENERATOR_CPUS:-}" ] && generator_pin=(taskset -c "$BENCH_GENERATOR_CPUS")
case $audit in
    journal | postgres) ;;
    off)
        echo "BENCH_AUDIT=off: the service cannot run without its audit (docs/audit.md); use journal or postgres" >&2
        exit 2 ;;
    *)
        echo "BENCH_AUDIT=$audit: use journal or postgres" >&2
        exit 2 ;;
esac
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$(java -jar target/quarkus-app/quarkus-run.jar token --role decisions 2>/dev/null)}

bench_psql() {
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# start_bench_service LOG: starts the packaged service on $port with SERVICE_OPTS, the yardstick's model
# (bench/trivial.dmn) and its audit as BENCH_AUDIT says (a new, empty journal or database), logging to LOG; sets
# $pid and returns once it answers.
start_bench_service() {
    local store
    rm -rf "$journal"
    if [ "$audit" = postgres ]; then
        bench_psql -c "drop database if exists $bench_database with (force)" -c "create database $bench_database"
        store=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$bench_database QUARKUS_DATASOURCE_USERNAME=postgres)
    else
        store=(QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL=$journal/decision-journal.ndjson)
    fi
    env "${store[@]}" "${service_pin[@]}" java -Xmx512m ${SERVICE_OPTS:-} -Dquarkus.http.port=$port \
        -Drentrecovery.bench.trivial-dmn=bench/trivial.dmn -jar target/quarkus-app/quarkus-run.jar >"$1" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do curl -s -o /dev/null "$base/q/openapi" && break; sleep 1; done
}

# stop_bench_service: stops the service (waiting for it to end), removes the journal and drops the database.
stop_bench_service() {
    if [ -n "${pid:-}" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=
    fi
    rm -rf "$journal"
    if [ "$audit" = postgres ]; then
        bench_psql -c "drop database if exists $bench_database with (force)" || true
    fi
}
trap stop_bench_service EXIT

# audit_summary: what the audit holds, e.g. "journal: 1234 records, 987654 bytes".
audit_summary() {
    if [ "$audit" = postgres ]; then
        bench_psql -d "$bench_database" -F ' ' -c "select count(*), pg_total_relation_size('decision_audit') from decision_audit" |
            awk -v db="$bench_database" '{print "postgres " db ": " $1 " records, " $2 " bytes (table, indexes and TOAST)"}'
    else
        echo "journal: $(python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import journal_records; print(sum(1 for _ in journal_records.records(sys.argv[2])))" bench "$journal/decision-journal.ndjson") records, $(stat -c %s "$journal/decision-journal.ndjson") bytes"
    fi
}

# compile_load_generator: the open-loop generator (org.rentrecovery.bench.RateP99, JDK only) compiled into $classes
# (bench/rate-p99.sh, bench/gc-tail.sh).
compile_load_generator() {
    classes=target/bench-classes
    rm -rf "$classes"
    javac -d "$classes" $(find src/test/java/org/rentrecovery/bench -name '*.java' ! -name '*Test.java')
}

# warm_up [SECONDS, default 20]: warms the yardstick (10 s) and next-action (BENCH_WARM_SECONDS, else SECONDS) with
# $conns connections, on the generators' cores.
warm_up() {
    "${generator_pin[@]}" wrk -t2 -c"$conns" -d10s -s bench/trivial.lua "$base/bench/trivial" >/dev/null
    "${generator_pin[@]}" wrk -t2 -c"$conns" -d"${BENCH_WARM_SECONDS:-${1:-20}}s" -s bench/next-action.lua \
        "$base/api/decisions/next-action" >/dev/null
}

# warm_then_alternate ROUNDS: warm_up, then calls the script's measure LABEL PATH SCRIPT for each endpoint,
# alternately, ROUNDS times.
warm_then_alternate() {
    warm_up
    for _ in $(seq 1 "$1"); do
        measure trivial /bench/trivial bench/trivial.lua
        measure next-action /api/decisions/next-action bench/next-action.lua
    done
}
