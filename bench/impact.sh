#!/usr/bin/env bash
# The impact of the README's Letter 1 draft (row letter-1 of EscalationStep from >= 1 to >= 2 weeks) over a
# portfolio, on a running packaged service: makes the draft, uploads the edited ladder, runs
# POST /api/policies/{id}/impact and prints the wall-clock time with the tally's totals.
#   bench/impact.sh BASE_URL PORTFOLIO.ndjson   (run from the project root; the service's data/keys signs the token)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
cases=$2
author=$(java -jar target/quarkus-app/quarkus-run.jar token --role policy-author --user bench-author 2>/dev/null)
seed=$(curl -sf -H "Authorization: Bearer $author" "$base/api/policies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["inForceToday"])')
draft=$(curl -sf -X POST "$base/api/policies" -H "Authorization: Bearer $author" -H 'Content-Type: application/json' \
    -d "{\"from\": \"$seed\", \"note\": \"bench: Letter 1 from two weeks of arrears\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ladder=$(mktemp)
curl -sf -H "Authorization: Bearer $author" "$base/api/policies/$draft/models/escalation/escalation-ladder.dmn" > "$ladder.seed"
# The cell's text may be on the line after its element (the KIE editor's layout) or on the same line.
perl -0pe 's|(id="EscalationStep-row-17-weeksInArrears">\s*<text>)&gt;= 1</text>|$1&gt;= 2</text>|' < "$ladder.seed" > "$ladder"
! cmp -s "$ladder.seed" "$ladder" || { echo "the Letter 1 cell was not found in the ladder" >&2; exit 1; }
curl -sf -o /dev/null -X PUT "$base/api/policies/$draft/models/escalation/escalation-ladder.dmn" -H "Authorization: Bearer $author" \
    -H 'Content-Type: application/xml' --data-binary @"$ladder"
rm -f "$ladder" "$ladder.seed"
echo "draft $draft from $seed; load average $(cut -d' ' -f1-3 /proc/loadavg)"
curl -sf -X POST "$base/api/policies/$draft/impact" -H "Authorization: Bearer $author" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$cases" -w '\n%{time_total}\n' > /tmp/bench-impact.json
seconds=$(tail -1 /tmp/bench-impact.json)
head -n -1 /tmp/bench-impact.json | python3 -c "import json,sys; r=json.load(sys.stdin); print('cases', r['cases'], 'invalid', r['invalid'], 'changed', r['changed'], 'in $seconds s;', round(r['cases']/float('$seconds')), 'cases/s')"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
