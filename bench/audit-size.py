#!/usr/bin/env python3
"""Bytes on disk per recorded decision in PostgreSQL, with the compressed audit payload.

Takes decisions from a decision journal (the service's NDJSON journal: request, response and rules
fired of real answers, either as text in lines written before 2026-12-01 or as the compressed payload),
compresses each exactly as the service does (deflate level 9, raw, against the current dictionary
src/main/resources/audit/dictionary-v2.bin, first byte the dictionary number), loads them into a
scratch database created from the project's Flyway migrations, and prints the table's total size
(heap, TOAST and indexes) per record.

Usage: bench/audit-size.py JOURNAL [--n 10000] [--skip-bytes 0] [--db rentrecovery_audit_size]
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIGRATIONS = os.path.join(ROOT, 'src/main/resources/db/migration')

ap = argparse.ArgumentParser()
ap.add_argument('journal')
ap.add_argument('--n', type=int, default=10000)
ap.add_argument('--skip-bytes', type=int, default=0, help='start this far into the journal')
ap.add_argument('--db', default='rentrecovery_audit_size')
args = ap.parse_args()

def dictionary_file(number):
    return open(os.path.join(ROOT, 'src/main/resources/audit/dictionary-v%d.bin' % number), 'rb').read()


CURRENT = 2
dictionaries = {number: dictionary_file(number) for number in (1, 2)}


def text_of(r):
    """The request, answer and rules of a journal line as the service compresses them."""
    if 'payload' in r:
        stored = base64.b64decode(r['payload'])
        inflate = zlib.decompressobj(-15, zdict=dictionaries[stored[0]])
        return inflate.decompress(stored[1:]) + inflate.flush()
    return (json.dumps(r['request'], separators=(',', ':')) + '\n' + json.dumps(r['response'], separators=(',', ':'))
            + ''.join('\n' + rule for rule in r.get('rulesFired', []))).encode()


rows, raw, stored = [], 0, 0
with open(args.journal) as f:
    if args.skip_bytes:
        f.seek(args.skip_bytes)
        f.readline()
    for line in f:
        if len(rows) == args.n:
            break
        r = json.loads(line)
        text = text_of(r)
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionaries[CURRENT])
        payload = bytes([CURRENT]) + deflate.compress(text) + deflate.flush()
        raw += len(text)
        stored += len(payload)
        rows.append('\t'.join([str(uuid.uuid4()), r['caseRef'], r['endpoint'], r['decidedAt'], r['asOf'], r['policyVersion'],
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
