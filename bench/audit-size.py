#!/usr/bin/env python3
"""Bytes on disk per recorded decision in PostgreSQL, with an older, deflate-compressed audit payload (formats 1 to 4).

The stores have written zstd payloads (format 5 on) since 2026-12-02, which this script does not make: for what the
service writes today, measure the stores themselves with bench/audit-size.sh. This script stays to reproduce the
figures of the dated sections of docs/benchmarks.md that used it.

Takes decisions from a decision journal (the service's journal, read by bench/journal_records.py: request, response and
rules fired of real answers, either as text in lines written before 2026-12-01 or as the compressed payload),
compresses each exactly as the service's PostgreSQL store does (deflate level 9, or --level; raw, against the current dictionary
src/main/resources/audit/dictionary-v3.bin, the store's, or --dictionary), first byte the dictionary number, second byte the flags: the answer's
decision id left out, AuditPayload), loads them into a
scratch database created from the project's Flyway migrations, and prints the table's total size
(heap, TOAST and indexes) per record.

Usage: bench/audit-size.py JOURNAL [--n 10000] [--skip-bytes 0] [--db rentrecovery_audit_size] [--level 9]
Needs psql and a local PostgreSQL (user postgres, trust auth), as the tests do.
"""
import argparse
import base64
import json
import os
import subprocess
import tempfile
import uuid
import zlib

import audit_payload
import journal_records

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIGRATIONS = os.path.join(ROOT, 'src/main/resources/db/migration')

ap = argparse.ArgumentParser()
ap.add_argument('journal')
ap.add_argument('--n', type=int, default=10000)
ap.add_argument('--skip-bytes', type=int, default=0, help='start this far into the journal')
ap.add_argument('--db', default='rentrecovery_audit_size')
ap.add_argument('--level', type=int, default=9, help='deflate level (AuditPayload.DATABASE; 6 gave 15 bytes more a record)')
ap.add_argument('--dictionary', type=int, default=3, choices=(1, 2, 3, 4), help='dictionary number (AuditPayload.DATABASE: 3)')
args = ap.parse_args()

def dictionary_file(number):
    return open(os.path.join(ROOT, 'src/main/resources/audit/dictionary-v%d.bin' % number), 'rb').read()


dictionaries = {number: dictionary_file(number) for number in (1, 2, 3, 4)}
ID_ELIDED = 1  # AuditPayload.DECISION_ID_ELIDED


def text_of(r):
    """The request, answer and rules of a journal line as text (the answer's decision id in place)."""
    if 'payload' in r:
        stored = base64.b64decode(r['payload'])
        flags = stored[1] if stored[0] >= 3 else 0
        text = audit_payload.text(stored)
        if flags & ID_ELIDED:
            text = text.replace(b'"decisionId":"\x01"', b'"decisionId":"' + r['decisionId'].encode() + b'"', 1)
        return text
    return (json.dumps(r['request'], separators=(',', ':')) + '\n' + json.dumps(r['response'], separators=(',', ':'))
            + ''.join('\n' + rule for rule in r.get('rulesFired', []))).encode()


def payload_of(text, decision_id):
    """The stored form, as AuditPayload.encode makes it."""
    request, rest = text.split(b'\n', 1)
    field = b'"decisionId":"' + decision_id.encode() + b'"'
    flags = 0
    if field in rest and b'\x01' not in rest.split(b'\n', 1)[0] and rest.find(b'"decisionId":"') == rest.find(field):
        rest, flags = rest.replace(field, b'"decisionId":"\x01"', 1), ID_ELIDED
    deflate = zlib.compressobj(args.level, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionaries[args.dictionary])
    return bytes([args.dictionary, flags]) + deflate.compress(request + b'\n' + rest) + deflate.flush()


rows, raw, stored = [], 0, 0
for r in journal_records.records(args.journal, args.skip_bytes):
    if len(rows) == args.n:
        break
    text = text_of(r)
    decision_id = r.get('decisionId') or str(uuid.uuid4())
    payload = payload_of(text, decision_id)
    raw += len(text)
    stored += len(payload)
    rows.append('\t'.join([decision_id, r['caseRef'], r['endpoint'], r['decidedAt'], r['asOf'], r['policyVersion'],
                           r['policyBuild'], str(r['evaluationMicros']), '\\\\x' + payload.hex(),
                           r.get('runId') or '\\N']))

psql = ['psql', '-q', '-h', '127.0.0.1', '-U', 'postgres']
subprocess.run(psql + ['-c', 'DROP DATABASE IF EXISTS ' + args.db, '-c', 'CREATE DATABASE ' + args.db], check=True)
for migration in sorted(os.listdir(MIGRATIONS), key=lambda n: [int(p) for p in n[1:n.index('__')].split('_')]):
    subprocess.run(psql + ['-f', os.path.join(MIGRATIONS, migration), args.db], check=True)
with tempfile.NamedTemporaryFile('w', suffix='.tsv', delete=False) as tsv:
    tsv.write('\n'.join(rows) + '\n')
subprocess.run(psql + [args.db, '-c', "\\copy decision_audit (decision_id, case_ref, endpoint, decided_at, as_of, "
                       "policy_version, policy_build, evaluation_micros, payload, run_id) FROM '" + tsv.name + "'",
                       '-c', 'VACUUM ANALYZE decision_audit'], check=True)
os.unlink(tsv.name)
print('records: %d; request+answer+rules as text: %.0f bytes each; payload: %.0f bytes each'
      % (len(rows), raw / len(rows), stored / len(rows)))
subprocess.run(psql + [args.db, '-c', "SELECT count(*) AS records, pg_total_relation_size('decision_audit') AS total_bytes, "
                       "pg_indexes_size('decision_audit') AS index_bytes, round(pg_total_relation_size('decision_audit')::numeric "
                       "/ count(*)) AS bytes_per_record FROM decision_audit"], check=True)
