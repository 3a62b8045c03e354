"""The records of a decision journal, for bench/audit-size.py and bench/audit-dictionary.py: each as the dict of an
NDJSON journal line (decisionId, caseRef, endpoint, decidedAt, asOf, policyVersion, policyBuild, evaluationMicros,
runId, and the payload in base64, or request, response and rulesFired in older lines), whether the journal holds
NDJSON lines, binary records (JournalFrame, from 2026-12-02: format byte 0xB1, body length, CRC-32C, body), or both.
"""
import base64
import datetime
import json
import struct
import uuid

FORMAT_1 = 0xB1
HEADER = 9


def _binary(body):
    at = 0

    def take(n):
        nonlocal at
        part = body[at:at + n]
        at += n
        return part

    def text():
        return take(struct.unpack('>H', take(2))[0]).decode('utf-8')

    r = {'decisionId': str(uuid.UUID(bytes=take(16)))}
    flags = take(1)[0]
    r['caseRef'] = text() if flags & 1 else None
    r['endpoint'] = text() if flags & 2 else None
    if flags & 4:
        second, nano, offset = struct.unpack('>qii', take(16))
        local = datetime.datetime.fromtimestamp(second, datetime.timezone(datetime.timedelta(seconds=offset)))
        zone = 'Z' if offset == 0 else local.isoformat()[-6:]
        r['decidedAt'] = local.strftime('%Y-%m-%dT%H:%M:%S') + ('.%09d' % nano).rstrip('0').rstrip('.') + zone
    if flags & 8:
        r['asOf'] = (datetime.date(1970, 1, 1) + datetime.timedelta(days=struct.unpack('>q', take(8))[0])).isoformat()
    r['policyVersion'] = text() if flags & 16 else None
    r['policyBuild'] = text() if flags & 32 else None
    r['evaluationMicros'] = struct.unpack('>q', take(8))[0]
    if flags & 64:
        r['runId'] = str(uuid.UUID(bytes=take(16)))
    r['payload'] = base64.b64encode(body[at:]).decode('ascii')
    return r


def records(path, skip_bytes=0):
    """Every whole record from the first one that starts at or after skip_bytes; stops at a torn tail."""
    with open(path, 'rb') as f:
        data = f.read()
    at = 0
    while at < len(data):
        if data[at] == FORMAT_1:
            if at + HEADER > len(data):
                return
            end = at + HEADER + struct.unpack('>i', data[at + 1:at + 5])[0]
            if end > len(data):
                return
            if at >= skip_bytes:
                yield _binary(data[at + HEADER:end])
            at = end
        elif data[at] == ord('{'):
            end = data.find(b'\n', at)
            if end < 0:
                return
            if at >= skip_bytes:
                yield json.loads(data[at:end])
            at = end + 1
        else:
            return
