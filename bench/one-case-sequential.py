#!/usr/bin/env python3
# One case at a time through POST /api/decisions/next-action on one kept-alive connection; prints the round trip per case.
# Usage: bench/one-case-sequential.py PORT TOKEN CASES.ndjson N
import http.client, sys, time
port, token, cases, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = open(cases, 'rb').read().splitlines()[:n]
c = http.client.HTTPConnection('localhost', port); times = []
for line in lines:
    t0 = time.perf_counter()
    c.request('POST', '/api/decisions/next-action', body=line, headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    r = c.getresponse(); r.read()
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print("%d cases, one-case endpoint, one connection: p50 %.2f ms, p90 %.2f ms, max %.2f ms" % (n, times[n//2], times[int(n*0.9)], times[-1]))
