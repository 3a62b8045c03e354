#!/usr/bin/env python3
# One case at a time through one open batch request (a chunked body): send a line, wait for its answer, repeat;
# prints the round trip per case. Usage: bench/batch-interactive.py PORT TOKEN CASES.ndjson N
# (bench/one-case-sequential.py is the same walk through POST /api/decisions/next-action, for comparison)
import socket, sys, time
port, token, cases, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = open(cases, 'rb').read().splitlines()[:n]
s = socket.create_connection(('localhost', port)); s.settimeout(20)
s.sendall(b"POST /api/decisions/next-action/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode()
          + b"\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
raw = b""; body_newlines = 0; headers_done = False; pending = None  # pending: bytes left of the current chunk
def take():
    """Reads what has arrived, de-chunks it and counts the answer lines ended so far."""
    global raw, body_newlines, headers_done, pending
    raw += s.recv(65536)
    if not headers_done:
        end = raw.find(b"\r\n\r\n")
        if end < 0: return
        raw = raw[end + 4:]; headers_done = True; pending = 0
    while True:
        if pending == 0:
            crlf = raw.find(b"\r\n")
            if crlf < 0: return
            size_text = raw[:crlf]
            if size_text == b"":       # the CRLF that ends the previous chunk's data
                raw = raw[2:]; continue
            pending = int(size_text, 16); raw = raw[crlf + 2:]
            if pending == 0: return
        piece = raw[:pending]
        body_newlines += piece.count(b"\n"); pending -= len(piece); raw = raw[len(piece):]
        if not raw: return
times = []
for i, line in enumerate(lines):
    body = line + b"\n"
    t0 = time.perf_counter()
    s.sendall(b"%x\r\n" % len(body) + body + b"\r\n")
    while body_newlines <= i:
        take()
    times.append((time.perf_counter() - t0) * 1000)
s.sendall(b"0\r\n\r\n")
times.sort()
print("%d cases one at a time through one open batch request: p50 %.2f ms, p90 %.2f ms, max %.2f ms" % (n, times[n//2], times[int(n*0.9)], times[-1]))
