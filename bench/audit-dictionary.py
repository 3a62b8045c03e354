#!/usr/bin/env python3
"""Picks a preset dictionary for the audit payload (src/main/resources/audit/dictionary-vN.bin) from real answers.

For the deflate formats (1 to 4) only: the zstd dictionaries of formats 5 on are trained by AuditDictionaryTrainer
(src/test/java/org/rentrecovery/audit), whose javadoc says how.

Reads a decision journal (NDJSON lines, text or compressed, or binary records: bench/journal_records.py), shuffles the decisions, and
builds a 32 KB dictionary greedily: at each step it tries some decision texts, appended to the end of the dictionary
so far (deflate reaches the end of a preset dictionary most cheaply) or put before it, keeps the one that makes 200
other decisions compress smallest, and stops after a few steps; the best dictionary seen is written. It then reports
the mean compressed size of held-out decisions with the current dictionary and the new one. A new dictionary is
added under the next number (AuditPayload.DICTIONARIES); a dictionary already used by records is never changed.

Usage: bench/audit-dictionary.py JOURNAL OUT.bin [--steps 5] [--tries 30] [--seed 2]
"""
import argparse
import os
import random
import re
import statistics
import sys
import zlib

import audit_payload
import journal_records

ap = argparse.ArgumentParser()
ap.add_argument('journal')
ap.add_argument('out')
ap.add_argument('--steps', type=int, default=5)
ap.add_argument('--tries', type=int, default=30)
ap.add_argument('--seed', type=int, default=2)
args = ap.parse_args()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZE = 32768


def load_dictionary(number):
    return open(os.path.join(ROOT, 'src/main/resources/audit/dictionary-v%d.bin' % number), 'rb').read()


# From format 3 on the service stores the answer's decision id as one byte (AuditPayload): the texts are compressed
# in that form here too, so the dictionary is not picked for ids that are never stored.
DECISION_ID = re.compile(rb'(?<="decisionId":")[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=")')


def text_of(r):
    import base64
    import json
    if 'payload' in r:
        stored = base64.b64decode(r['payload'])
        text = audit_payload.text(stored)
    else:
        text = (json.dumps(r['request'], separators=(',', ':')) + '\n' + json.dumps(r['response'], separators=(',', ':'))
                + ''.join('\n' + rule for rule in r.get('rulesFired', []))).encode()
    return DECISION_ID.sub(b'\x01', text, count=1)


def compressed(text, dictionary):
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionary)
    return len(deflate.compress(text) + deflate.flush())


def mean_size(dictionary, texts):
    return statistics.mean(compressed(t, dictionary) for t in texts)


texts = [text_of(r) for r in journal_records.records(args.journal)]
random.seed(args.seed)
random.shuffle(texts)
held_out, validation, candidates = texts[:2000], texts[2000:2200], texts[2200:]
if len(candidates) < args.tries:
    sys.exit('too few decisions in the journal: %d' % len(texts))

dictionary, best = b'', (float('inf'), b'')
for step in range(args.steps):
    tried = []
    for text in random.sample(candidates, args.tries):
        for grown in ((dictionary + text)[-SIZE:], (text + dictionary)[-SIZE:]):
            tried.append((mean_size(grown, validation), grown))
    score, dictionary = min(tried, key=lambda t: t[0])
    best = min(best, (score, dictionary), key=lambda t: t[0])
    print('step %d: %d bytes, %.0f bytes a validation decision' % (step + 1, len(dictionary), score), flush=True)

with open(args.out, 'wb') as out:
    out.write(best[1])
current = max(int(n[len('dictionary-v'):-len('.bin')]) for n in os.listdir(os.path.join(ROOT, 'src/main/resources/audit'))
              if n.startswith('dictionary-v') and n.endswith('.bin'))  # the newest deflate dictionary; zstd's: AuditDictionaryTrainer
print('held out (%d decisions): dictionary v%d %.0f bytes, new %.0f bytes' % (
    len(held_out), current, mean_size(load_dictionary(current), held_out), mean_size(best[1], held_out)))
