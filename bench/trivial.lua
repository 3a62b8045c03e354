-- wrk script for the yardstick: POST /bench/trivial with a two-field body.
wrk.method = "POST"
wrk.body   = '{"weeksInArrears": 9.5, "vulnerable": false}'
wrk.headers["Content-Type"] = "application/json"
