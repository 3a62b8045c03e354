-- next-action at a steady rate for bench/soak.sh: each connection waits SOAK_DELAY_MS between requests,
-- so the rate is about connections * 1000 / (SOAK_DELAY_MS + latency), whatever the service could do.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("RENTRECOVERY_TOKEN") then wrk.headers["Authorization"] = "Bearer " .. os.getenv("RENTRECOVERY_TOKEN") end
local f = io.open("bench/secure-notice-case.json", "r"); wrk.body = f:read("*a"); f:close()
local wait = tonumber(os.getenv("SOAK_DELAY_MS") or "0")
function delay() return wait end
