-- Load during a policy activation (bench/policy-activation.sh). Every request decides the same case,
-- one and a half weeks in arrears on asOf = $AS_OF: Letter 1 under the old version ($OLD), not under
-- the new one ($NEW). Each answer must be 200 and name one of the two versions, and its escalation
-- step must be the one that version gives: a step from the other version would be a mixed answer.
local as_of = os.getenv("AS_OF")
local old_version = os.getenv("OLD")
local new_version = os.getenv("NEW")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- A token with the decisions role (README, "Security"): RENTRECOVERY_TOKEN=$(java -jar ... token --role decisions)
if os.getenv("RENTRECOVERY_TOKEN") then wrk.headers["Authorization"] = "Bearer " .. os.getenv("RENTRECOVERY_TOKEN") end
wrk.body = '{"caseRef": "LOAD-1", "asOf": "' .. as_of .. '", "landlord": {"type": "LOCAL_AUTHORITY"}, '
    .. '"tenancy": {"type": "SECURE", "startDate": "2015-04-06", "rentFrequency": "WEEKLY", "rentPerPeriod": 100.00, '
    .. '"periodStartDay": "MONDAY"}, "account": {"balance": 150.00}}'

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    ok, failed, mixed, old_count, new_count, other = 0, 0, 0, 0, 0, 0
end

function response(status, headers, body)
    if status ~= 200 then
        failed = failed + 1
        return
    end
    local version = body:match('"policy":{"version":"([^"]+)"')
    local letter1 = body:find('"step":"LETTER_1"', 1, true) ~= nil
    if version == old_version then
        old_count = old_count + 1
        if not letter1 then mixed = mixed + 1 end
    elseif version == new_version then
        new_count = new_count + 1
        if letter1 then mixed = mixed + 1 end
    else
        other = other + 1
    end
    ok = ok + 1
end

function done(summary, latency, requests)
    local t = {ok = 0, failed = 0, mixed = 0, old = 0, new = 0, other = 0}
    for _, thread in ipairs(threads) do
        t.ok = t.ok + thread:get("ok")
        t.failed = t.failed + thread:get("failed")
        t.mixed = t.mixed + thread:get("mixed")
        t.old = t.old + thread:get("old_count")
        t.new = t.new + thread:get("new_count")
        t.other = t.other + thread:get("other")
    end
    io.write(string.format("answers 200: %d, failed (non-200 or socket errors %d): %d, mixed: %d, other version: %d\n",
        t.ok, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, t.failed,
        t.mixed, t.other))
    io.write(string.format("answers under %s: %d, under %s: %d\n", old_version, t.old, new_version, t.new))
    io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000))
end
