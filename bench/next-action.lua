wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("bench/secure-notice-case.json", "r"); wrk.body = f:read("*a"); f:close()
