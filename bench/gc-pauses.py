#!/usr/bin/env python3
"""The service's stop-the-world pauses in a time window, from its GC log (docs/benchmarks.md, GC and tail latency).

   bench/gc-pauses.py GC_LOG FROM_EPOCH_MS TO_EPOCH_MS

The log is written with -Xlog:gc,gc+phases:file=GC_LOG:timemillis (gc+phases for ZGC, whose pauses are logged
there). A pause is any line "GC(n) Pause ... <t>ms" (G1, Parallel, Serial, ZGC, Shenandoah); ZGC's allocation stalls
are threads held too, so they are counted on their own. Prints one line: the count, nearest-rank p50/p99/max and
the sum of the pauses that ended in the window, and the stalls.
"""
import re, sys

LINE = re.compile(r"^\[(\d+)ms\].*\bGC\(\d+\) (Pause|Allocation Stall)\b.* ([0-9.]+)ms$")


def nearest_rank(ordered, percent):
    return ordered[max(0, -(-len(ordered) * percent // 100) - 1)]


def summary(path, start, end):
    pauses, stalls = [], []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = LINE.match(line.strip())
            if match and start <= int(match.group(1)) <= end:
                (pauses if match.group(2) == "Pause" else stalls).append(float(match.group(3)))
    pauses.sort()
    if not pauses:
        text = "pauses 0"
    else:
        text = "pauses %d p50 %.2fms p99 %.2fms max %.2fms sum %.0fms" % (
            len(pauses), nearest_rank(pauses, 50), nearest_rank(pauses, 99), pauses[-1], sum(pauses))
    return text + ("  allocation stalls %d max %.2fms" % (len(stalls), max(stalls)) if stalls else "")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    print(summary(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
