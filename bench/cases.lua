-- wrk script: next-action with each request's body the next line of the file BENCH_CASES (one case a line, e.g.
-- python3 /work/shared/tools/portfolio.py --n 5000 --seed 7 --as-of 2026-11-23 > cases.ndjson), each wrk thread
-- going through the lines in order from its own starting line, round and round: a portfolio's mix instead of
-- bench/next-action.lua's one case.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("RENTRECOVERY_TOKEN") then wrk.headers["Authorization"] = "Bearer " .. os.getenv("RENTRECOVERY_TOKEN") end
local cases = {}
local path = os.getenv("BENCH_CASES")
assert(path, "BENCH_CASES: a file of cases, one a line")
for line in io.lines(path) do
    if #line > 0 then cases[#cases + 1] = line end
end
local next_case = 0
local thread_count = 0
function setup(thread)
    thread:set("first_case", thread_count * 7919)
    thread_count = thread_count + 1
end
function init(args)
    next_case = (tonumber(first_case) or 0) % #cases
end
function request()
    next_case = next_case % #cases + 1
    return wrk.format(nil, nil, nil, cases[next_case])
end
