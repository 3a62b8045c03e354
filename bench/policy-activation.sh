#!/usr/bin/env bash
# Activation under load: wrk decides one case continuously while a policy version is activated from
# today and, later, rolled back. Reports non-200 answers, answers whose step does not match the
# version they name (a mixed-version answer), and how long each activation call took (the timeline
# is installed in the engine before the call returns).
#   bench/policy-activation.sh BASE_URL NEW_VERSION_ID APPROVER [SECONDS]
# Tokens are made with the local key (README, "Security"): APPROVER as policy-approver, the load as decisions.
# NEW_VERSION_ID must be approved and give no Letter 1 at 1.5 weeks' arrears (the Letter 1 threshold
# walk-through in README, "Changing policy"). Run from the project root.
set -euo pipefail
base=${1:?base URL, e.g. http://127.0.0.1:8080}
new=${2:?the approved version to activate}
approver=${3:?the acting user}
seconds=${4:-30}
token="java -jar target/quarkus-app/quarkus-run.jar token"
approver_token=$($token --role policy-approver --user "$approver")
export RENTRECOVERY_TOKEN=${RENTRECOVERY_TOKEN:-$($token --role decisions)}
today=$(curl -sf -H "Authorization: Bearer $approver_token" "$base/api/policies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["today"])')
old=$(curl -sf -H "Authorization: Bearer $approver_token" "$base/api/policies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["inForceToday"])')
echo "load: ${seconds}s, asOf $today, in force: $old, activating: $new; load average $(cut -d' ' -f1-3 /proc/loadavg)"
AS_OF=$today OLD=$old NEW=$new wrk -t2 -c16 -d"${seconds}s" -s bench/policy-activation.lua "$base/api/decisions/next-action" \
    > /tmp/policy-activation-wrk.$$ 2>&1 &
wrk_pid=$!
sleep $((seconds / 3))
curl -sf -o /dev/null -w "activate $new from $today: HTTP %{http_code} in %{time_total} s\n" -X POST \
    "$base/api/policies/$new/activate" -H "Authorization: Bearer $approver_token" -H 'Content-Type: application/json' \
    -d "{\"effectiveFrom\": \"$today\", \"note\": \"load run: activation\"}"
sleep $((seconds / 3))
curl -sf -o /dev/null -w "roll back to $old from $today: HTTP %{http_code} in %{time_total} s\n" -X POST \
    "$base/api/policies/rollback" -H "Authorization: Bearer $approver_token" -H 'Content-Type: application/json' \
    -d '{"note": "load run: rollback"}'
wait $wrk_pid
cat /tmp/policy-activation-wrk.$$
rm -f /tmp/policy-activation-wrk.$$
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
