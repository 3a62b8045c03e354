#!/usr/bin/env python3
"""Samples, every 100 ms until killed, what the machine's cores and one process did in the slice just past, to lay
beside a latency timeline (bench/tail-timeline.sh): one line a slice, its end in epoch milliseconds, then the busy
share of all cores, the process's share (user and system, as a share of one core), the steal share, and how many
tasks were runnable at the end (/proc/loadavg's fourth field, before the slash).

   bench/machine-sampler.py PID OUT_FILE
"""
import os, sys, time

TICKS = os.sysconf("SC_CLK_TCK")


def machine():
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields[:8]), idle, fields[7]


def process(pid):
    try:
        text = open(f"/proc/{pid}/stat").read()
    except FileNotFoundError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def main():
    pid, out = sys.argv[1], sys.argv[2]
    cores = os.cpu_count()
    with open(out, "w", buffering=1) as sink:
        last_total, last_idle, last_steal = machine()
        last_proc = process(pid)
        while last_proc is not None:
            time.sleep(0.1)
            total, idle, steal = machine()
            proc = process(pid)
            if proc is None:
                break
            slice_ticks = max(total - last_total, 1)
            runnable = open("/proc/loadavg").read().split()[3].split("/")[0]
            sink.write("%d %.0f %.0f %.0f %s\n" % (time.time() * 1000, 100 * (slice_ticks - (idle - last_idle)) / slice_ticks,
                       100 * cores * (proc - last_proc) / slice_ticks, 100 * (steal - last_steal) / slice_ticks, runnable))
            last_total, last_idle, last_steal, last_proc = total, idle, steal, proc


if __name__ == "__main__":
    main()
