#!/usr/bin/env python3
"""Where the time of bench/scaleout-ocr.sh's workers goes (issue 11), not a test.

  scaleout-trace.py sample OUT PID...   every 100 ms, each worker thread's time on a CPU and waiting for one
                                         (/proc/PID/task/TID/schedstat) and the machine's idle time (/proc/stat),
                                         until SIGTERM; then writes OUT (JSON)
  scaleout-trace.py report OUT JOBS START END LOG...
                                         prints per worker: the OCR thread's busy share, the CPU of its other
                                         threads, the time it was runnable but had no CPU (load), its idle gaps,
                                         its tail, and per job the wait from queued to claimed

An "idle gap" is a stretch of at least two samples (200 ms) in which no thread of the worker wanted as much as
half a CPU (neither ran nor waited in the run queue): nothing to do, as opposed to waiting for a core that
another process held. A worker reads one page at a time (one OCR thread), so on a machine with a core free for
each worker its busiest thread should be busy the whole run, its idle gaps none but the tail after its last page.
JOBS is a TSV from the catalog: name, queued, claimed, finished (epoch seconds), seconds in hand.
"""
import json
import os
import re
import signal
import statistics
import sys
import time

STEP = 0.1


NAMES = {}


def threads(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            run, wait, _ = open(f"/proc/{pid}/task/{tid}/schedstat").read().split()
            if tid not in NAMES:
                NAMES[tid] = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
        except OSError:
            continue
        out[tid] = (int(run) / 1e9, int(wait) / 1e9)
    return out


def machine():
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return f[3] + f[4], sum(f[:8])


def server_cpu(postmaster):
    """CPU seconds of the PostgreSQL server: the postmaster, its live backends and the ones that have ended."""
    if not postmaster:
        return 0.0
    hz = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if pid == postmaster:
            total += sum(int(x) for x in f[11:15])
        elif f[1] == postmaster:
            total += int(f[11]) + int(f[12])
    return total / hz


def sample(out, pids):
    postmaster = os.environ.get("POSTMASTER", "")
    server0 = server_cpu(postmaster)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    rows = {p: [] for p in pids}
    named = {p: {} for p in pids}  # CPU seconds per thread name over the whole sampling
    cpu = []
    last = {p: threads(p) for p in pids}
    lastm = machine()
    t0 = time.time()
    next_at = t0 + STEP
    while not stop:
        time.sleep(max(0.0, next_at - time.time()))
        next_at += STEP
        now = time.time()
        for p in pids:
            try:
                cur = threads(p)
            except OSError:
                continue
            d = []
            for tid, (run, wait) in cur.items():
                r0, w0 = last[p].get(tid, (0.0, 0.0))
                d.append((run - r0, wait - w0))
                name = NAMES.get(tid, "?")
                named[p][name] = named[p].get(name, 0.0) + run - r0
            last[p] = cur
            busiest = max((r for r, _ in d), default=0.0)
            wanting = max((r + w for r, w in d), default=0.0)
            rows[p].append((now, busiest, wanting, sum(r for r, _ in d), sum(w for _, w in d), sum(r + w for r, w in d)))
        m = machine()
        cpu.append((now, (m[0] - lastm[0]) / max(1, m[1] - lastm[1])))
        lastm = m
    own = os.times()
    json.dump({"step": STEP, "workers": {str(p): r for p, r in rows.items()}, "named": {str(p): n for p, n in named.items()}, "idle": cpu, "own_cpu": own.user + own.system, "server_cpu": server_cpu(postmaster) - server0}, open(out, "w"))


def gaps(rows, lo, hi, wanted_of, dt):
    """Stretches within [lo, hi) of two or more samples where wanted_of(row) < dt/2."""
    found, run = [], []
    for row in rows:
        if not lo <= row[0] - dt < hi:
            continue
        if wanted_of(row) < dt / 2:
            run.append(row[0])
        else:
            if len(run) >= 2:
                found.append(len(run) * dt)
            run = []
    if len(run) >= 2:
        found.append(len(run) * dt)
    return found


def report(trace, jobs_tsv, start, end, logs):
    data = json.load(open(trace))
    dt = data["step"]
    jobs = {}
    for line in open(jobs_tsv):
        name, queued, claimed, finished, held = line.rstrip("\n").split("\t")
        jobs[name] = (float(queued), float(claimed), float(finished), float(held or 0))
    span = end - start
    idle = [f for t, f in data["idle"] if start <= t - dt < end]
    print(f"  machine: {statistics.mean(idle) * 100 if idle else 0:.0f}% of its CPU idle during the run ({span:.1f} s); the PostgreSQL server {data['server_cpu']:.1f} CPU s ({data['server_cpu'] / span:.2f} cores); this sampler {data['own_cpu']:.1f} CPU s")
    for (pid, rows), log in zip(data["workers"].items(), logs):
        names = re.findall(r" (page-[0-9]+\.png): ", open(log).read())
        mine = sorted((jobs[n] for n in names if n in jobs), key=lambda j: j[1])
        if not mine:
            print(f"  worker {pid}: no pages")
            continue
        last = max(j[2] for j in mine)
        inrun = [r for r in rows if start <= r[0] - dt < last]
        busy = sum(r[1] for r in inrun)
        total = sum(r[3] for r in inrun)
        # The thread that most wanted a CPU is the OCR thread; what it wanted beyond what it got, it waited for.
        # (Approximate: the run-queue wait is booked when the thread gets its CPU, so a long wait can land in a later sample.)
        worked = last - start
        waited = min(worked, sum(max(0.0, r[2] - r[1]) for r in inrun))
        ocr_gaps = gaps(rows, start, last, lambda r: r[2], dt)
        proc_gaps = gaps(rows, start, last, lambda r: r[5], dt)
        waits = [j[1] - j[0] for j in mine]
        held = [j[3] for j in mine]
        print(f"  worker {pid}: {len(mine)} pages; busy {worked:.1f} s, then a tail of {end - last:.1f} s idle (until the last page of all)")
        print(f"    busiest thread (OCR) on a CPU {busy / worked * 100:.0f}% of its busy time; all threads {total:.1f} CPU s = {total / len(mine):.2f} s/page, "
              f"of which {(total - busy) / len(mine):.2f} s/page off the busiest thread; the OCR thread runnable but without a CPU {waited / worked * 100:.0f}% of the time (other load)")
        print(f"    idle gaps (no thread wanting a CPU, >= {2 * dt * 1000:.0f} ms): {len(proc_gaps)}, {sum(proc_gaps):.2f} s in all, longest {max(proc_gaps, default=0):.2f} s; "
              f"gaps of the OCR thread alone: {len(ocr_gaps)}, {sum(ocr_gaps):.2f} s")
        by_name = sorted(data["named"][pid].items(), key=lambda kv: -kv[1])
        print("    CPU by thread name over the run: " + ", ".join(f"{n} {c:.1f} s" for n, c in by_name if c >= 0.05))
        print(f"    queued -> claimed: first {waits[0]:.2f} s after queueing (start of run +{mine[0][1] - start:.2f} s); "
              f"claims {len(mine)}, pages held {statistics.median(held):.1f} s median (in hand, OCR and waiting for the engine)")


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2], [int(p) for p in sys.argv[3:]])
    else:
        report(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6:])
