#!/usr/bin/env python3
"""Lays a latency timeline beside what the service and the machine did (bench/tail-timeline.sh).

   bench/tail-timeline.py [--stall-ms 20] TIMELINE... [--gc GC_LOG] [--safepoints LOG] [--machine SAMPLES]

A TIMELINE has one line per 100 ms slice of intended starts: epoch ms, answers, longest latency in ms (RateP99 with
-Dbench.timeline-file). A stall is a run of slices whose longest latency is over --stall-ms, joined when less than a
slice apart. For each stall: when it started, how long its slices ran, its longest latency and its answers; then,
from 200 ms before it to its end, the GC pauses and the safepoints over 1 ms (both logged with -Xlog:...:timemillis,
so stamped when they ended) and the machine's samples (bench/machine-sampler.py: all cores busy %, the service's % of
one core, steal %, runnable tasks). Last, for each timeline, its slices over --stall-ms and how many of its answers
were meant to start in a stall.
"""
import argparse, re

SLICE_MS = 100
PAUSE = re.compile(r"^\[(\d+)ms\].*\bGC\(\d+\) (Pause [^0-9]*?)\s.*?([0-9.]+)ms$")
SAFEPOINT = re.compile(r'^\[(\d+)ms\] Safepoint "([^"]+)".*Total: (\d+) ns')


def read_timeline(path):
    with open(path) as lines:
        return [(int(a), int(b), float(c)) for a, b, c in (line.split() for line in lines if line.strip())]


def stalls(slices, stall_ms):
    runs = []
    for start, answers, longest in slices:
        if longest <= stall_ms:
            continue
        if runs and start - runs[-1]["end"] <= SLICE_MS:
            run = runs[-1]
            run["end"] = start + SLICE_MS
            run["answers"] += answers
            run["longest"] = max(run["longest"], longest)
        else:
            runs.append({"start": start, "end": start + SLICE_MS, "answers": answers, "longest": longest})
    return runs


def events(path, pattern, minimum_ms):
    found = []
    if path:
        with open(path, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = pattern.match(line.strip())
                if match:
                    millis = float(match.group(3)) / (1e6 if pattern is SAFEPOINT else 1)
                    if millis >= minimum_ms:
                        found.append((int(match.group(1)), match.group(2).strip(), millis))
    return found


def machine_samples(path):
    samples = []
    if path:
        with open(path) as lines:
            for line in lines:
                parts = line.split()
                if len(parts) == 5:
                    samples.append((int(parts[0]), parts[1], parts[2], parts[3], parts[4]))
    return samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("timelines", nargs="+")
    parser.add_argument("--stall-ms", type=float, default=20)
    parser.add_argument("--gc")
    parser.add_argument("--safepoints")
    parser.add_argument("--machine")
    options = parser.parse_args()
    pauses = events(options.gc, PAUSE, 0)
    safepoints = events(options.safepoints, SAFEPOINT, 1)
    samples = machine_samples(options.machine)
    for path in options.timelines:
        slices = read_timeline(path)
        runs = stalls(slices, options.stall_ms)
        in_stalls = sum(r["answers"] for r in runs)
        total = sum(s[1] for s in slices)
        print(f"== {path}: {len(slices)} slices, {total} answers; {len(runs)} stalls over {options.stall_ms:g} ms "
              f"holding {in_stalls} answers ({100 * in_stalls / max(total, 1):.2f}%)")
        for run in runs:
            since, until = run["start"] - 200, run["end"]
            print(f"stall at {run['start']}: {run['end'] - run['start']} ms of slices, longest {run['longest']:.1f} ms, "
                  f"{run['answers']} answers")
            for at, what, millis in pauses:
                if since <= at <= until:
                    print(f"    gc        {at - run['start']:+6d} ms  {what} {millis:.1f} ms")
            for at, what, millis in safepoints:
                if since <= at <= until:
                    print(f"    safepoint {at - run['start']:+6d} ms  {what} {millis:.1f} ms")
            for at, busy, service, steal, runnable in samples:
                if since <= at <= until + SLICE_MS:
                    print(f"    cpu       {at - run['start']:+6d} ms  cores {busy}%  service {service}%  steal {steal}%  "
                          f"runnable {runnable}")


if __name__ == "__main__":
    main()
