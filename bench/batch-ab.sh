#!/usr/bin/env bash
# The batch endpoint, two packaged builds side by side: each round starts each build's service afresh
# (journal audit under /tmp), warms it with the whole file once, then times the file sent with
# Content-Length and sent chunked, in an order that alternates by round (the first timed upload of
# a fresh JVM is the slower one whatever its kind).
# Usage: bench/batch-ab.sh OLD_APP_DIR NEW_APP_DIR CASES.ndjson [ROUNDS]
#   (an APP_DIR holds quarkus-run.jar; cases from ../shared/tools/portfolio.py)
set -euo pipefail
old=$1 new=$2 cases=$3 rounds=${4:-4}
port=18920
count=$(grep -c . "$cases")
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
post() { # token, extra curl arguments...
    local token=$1; shift
    curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' "$@" \
        "localhost:$port/api/decisions/next-action/batch"
}
for round in $(seq 1 "$rounds"); do
    for build in old new; do
        app=$([ "$build" = old ] && echo "$old" || echo "$new")
        work=$(mktemp -d) && cd "$work" && mkdir j
        QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL= RENTRECOVERY_AUDIT_JOURNAL="$work/j/decision-journal.ndjson" \
            java -jar "$app/quarkus-run.jar" > svc.log 2>&1 &
        pid=$!
        until curl -sf "localhost:$port/q/health/ready" > /dev/null; do sleep 0.3; done
        token=$(java -jar "$app/quarkus-run.jar" token --role decisions 2> /dev/null | tail -1)
        post "$token" --data-binary "@$cases" > /dev/null
        modes=$([ $((round % 2)) = 0 ] && echo "chunked length" || echo "length chunked")
        for mode in $modes; do
            t0=$(ticks $pid); s0=$(date +%s.%N)
            if [ "$mode" = length ]; then
                post "$token" --data-binary "@$cases" > out.ndjson
            else
                post "$token" -H 'Transfer-Encoding: chunked' --data-binary @- < "$cases" > out.ndjson
            fi
            s1=$(date +%s.%N); t1=$(ticks $pid)
            decided=$(grep -c decisionId out.ndjson || true)
            python3 -c "w = $s1 - $s0; print('round $round %-3s %-7s %6.2f s %6.0f cases/s  cpu %.3f ms a case  decided $decided of $count  load %s'
                % ('$build', '$mode', w, $count / w, ($t1 - $t0) * 10.0 / $count, open('/proc/loadavg').read().split()[0]))"
        done
        kill $pid; wait $pid 2> /dev/null || true
        cd / && rm -rf "$work"
    done
done
