wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- A token with the decisions role (README, "Security"): RENTRECOVERY_TOKEN=$(java -jar ... token --role decisions)
if os.getenv("RENTRECOVERY_TOKEN") then wrk.headers["Authorization"] = "Bearer " .. os.getenv("RENTRECOVERY_TOKEN") end
local f = io.open("bench/secure-notice-case.json", "r"); wrk.body = f:read("*a"); f:close()
