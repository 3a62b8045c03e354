#!/usr/bin/env bash
# Bytes on disk a recorded decision, measured in the stores themselves: the packaged service decides the shared
# tools' synthetic cases (../shared/tools/invariants.py, each case posted once), first with the PostgreSQL audit in a
# fresh database, then with the journal in a fresh file, and the script prints, for each store, the records and
# the bytes a record (PostgreSQL: pg_total_relation_size of decision_audit, i.e. table, TOAST and indexes; journal:
# the file's size); and then as a portfolio run (`portfolio run`, PostgreSQL audit, a fresh database) over the same
# cases written by ../shared/tools/portfolio.py. The two forms differ where it matters for the size: a request is
# stored exactly as it came, invariants.py posts JSON spaced as Python writes it and portfolio.py writes compact lines
# (as most case systems send), so a payload dictionary must do well on both. Run from the project root after
# ./mvnw package -DskipTests.
#   bench/audit-size.sh [N, default 5000] [SEED, default 7] [AS_OF, default the tools' own]
# BENCH_APP=DIR measures another build (a copy of target/quarkus-app kept from before a change), so two builds can be
# compared on the same cases; BENCH_PORT picks the port (default 18700).
set -euo pipefail
root=$(pwd)
app=${BENCH_APP:-$root/target/quarkus-app}
cases=${1:-5000}
seed=${2:-7}
as_of=(); [ -n "${3:-}" ] && as_of=(--as-of "$3")
port=${BENCH_PORT:-18700}
base=http://127.0.0.1:$port
database=rr_audit_size_$port
scratch=$(mktemp -d)
tools=$root/../shared/tools
pid=

size_psql() {
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

stop_service() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=
    fi
}

# fresh_database: drops and creates the scratch database.
fresh_database() {
    size_psql -c "drop database if exists $database with (force)" -c "create database $database" postgres
}

# table_size LABEL: the scratch database's decision_audit, its records and bytes a record.
table_size() {
    size_psql -d "$database" -F ' ' -c "select count(*), pg_total_relation_size('decision_audit') from decision_audit" |
        awk -v label="$1" '{printf "%s: %d records, %d bytes (table, TOAST and indexes), %.0f bytes a record\n", label, $1, $2, $2 / $1}'
}

clean_up() {
    stop_service
    size_psql -c "drop database if exists $database with (force)" postgres || true
    rm -rf "$scratch"
}
trap clean_up EXIT

# decide_cases STORE_ENV...: starts the service in the scratch folder with the given audit store, posts the cases,
# and stops it (a clean stop: the journal's last lines are flushed).
decide_cases() {
    (cd "$scratch" && exec env "$@" java -Xmx512m -Dquarkus.http.port=$port -jar "$app/quarkus-run.jar" >service.log 2>&1) &
    pid=$!
    for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/q/health/ready" && break; sleep 1; done
    local token
    token=$(cd "$scratch" && java -jar "$app/quarkus-run.jar" token --role decisions 2>/dev/null | tail -1)
    RENTRECOVERY_TOKEN=$token python3 "$tools/invariants.py" "$base" --n "$cases" --seed "$seed" "${as_of[@]}" \
        --sample 0 --max-lines 3 >"$scratch/invariants.log" || true
    tail -1 "$scratch/invariants.log" | sed 's/^/  invariants: /'
    stop_service
}

echo "build $(cat "$app/quarkus-run.jar" | sha1sum | cut -c1-12) ($app), $cases cases, seed $seed; load average $(cut -d' ' -f1-3 /proc/loadavg)"

fresh_database
decide_cases QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$database QUARKUS_DATASOURCE_USERNAME=postgres
table_size postgres

journal=$scratch/journal/decision-journal.ndjson
decide_cases QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL=$journal
records=$(python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import journal_records; print(sum(1 for _ in journal_records.records(sys.argv[2])))" "$root/bench" "$journal")
bytes=$(stat -c %s "$journal")
awk -v r="$records" -v b="$bytes" 'BEGIN {printf "journal: %d records, %d bytes, %.0f bytes a record\n", r, b, b / r}'
fresh_database
python3 "$tools/portfolio.py" --n "$cases" --seed "$seed" "${as_of[@]}" >"$scratch/cases.ndjson"
(cd "$scratch" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$database QUARKUS_DATASOURCE_USERNAME=postgres \
    RENTRECOVERY_POLICY_STORE=embedded java -Xmx512m -jar "$app/quarkus-run.jar" portfolio run cases.ndjson --out run \
    2>/dev/null | grep '^DONE' | sed 's/^/  portfolio run: /')
table_size "postgres, portfolio run"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
