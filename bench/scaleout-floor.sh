#!/usr/bin/env bash
# The inherent floor of the scale-out OCR ratio (issue 11, 4(b)), not a test: the plain `tesseract` command
# (`-l vie`, OMP_THREAD_LIMIT=1) over the scale-out bench's six source pages, one at a time and then two at a time
# (two streams side by side, as two workers run), printing each way's CPU seconds per page (the children's own
# user + system time from wait4) and wall time. Two times over one is how much more CPU a page costs when two
# Tesseracts share the machine's two vCPUs (caches, memory bandwidth, the hypervisor) with no worker code at all:
# what no change to the worker can remove. Rounds alternate (one, two, one, two, ...) so that other load falls on
# both ways alike, and the load average is printed beside each.
#   MODE=list (default): each stream is one tesseract process reading its pages from a list file (the model loaded
#     once, as a worker keeps its engine); MODE=page: one process per page (the model loaded every page);
#     MODE=extract: each stream is one `planingest extract --json` process with one OCR thread (the worker's whole
#     read path: cleaning, Tesseract with word choices, the syllable correction, extraction; JIT included, each
#     process's own) and no catalog, queue or index: what the scale-out bench adds on top of it is the worker's.
# Usage: [ROUNDS=3] [MODE=list|page|extract] [REPEAT=2] bash bench/scaleout-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/planingest-floor-XXXXXX); trap 'rm -rf "$work"' EXIT
OMP_THREAD_LIMIT=1 python3 - "${ROUNDS:-3}" "${MODE:-list}" "${REPEAT:-2}" "$work" "$PWD"/testdata/scans/003-p{1,2,3,4,5,6}.png <<'PY'
import os, subprocess, sys, time, threading, statistics
rounds, mode, repeat, work, pages = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]

def run(args):
    p = subprocess.Popen(["tesseract", *args, "stdout", "-l", "vie"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0: raise SystemExit(f"tesseract {args} failed")
    return ru.ru_utime + ru.ru_stime

dll = "src/Ingest.Worker/bin/Release/net10.0/planingest.dll"

def distinct(order, name):  # copies made distinct by bytes after IEND, as the scale-out bench makes its pages
    paths = []
    for i, page in enumerate(order):
        path = os.path.join(work, f"{name}-{i:02d}.png")
        with open(page, "rb") as f, open(path, "wb") as g: g.write(f.read() + f"floor-{name}-{i}".encode())
        paths.append(path)
    return paths

def stream(order, name, out):  # CPU seconds for reading `order`, one way or the other
    if mode == "extract":
        p = subprocess.Popen(["dotnet", dll, "extract", "--json", "--no-pages", *distinct(order, name)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, "PLANINGEST_OCR_THREADS": "1"})
        _, status, ru = os.wait4(p.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0: raise SystemExit("planingest extract failed")
        out.append(ru.ru_utime + ru.ru_stime)
    elif mode == "page":
        out.append(sum(run([page]) for page in order))
    else:
        listing = os.path.join(work, name + ".txt")
        with open(listing, "w") as f: f.write("\n".join(order) + "\n")
        out.append(run([listing]))

def load(): return open("/proc/loadavg").read().split()[0]

streams = [pages * repeat, (pages[3:] + pages[:3]) * repeat]  # the same pages, the second stream starting elsewhere
count = sum(len(s) for s in streams)
totals = {1: [], 2: []}
for r in range(rounds):
    for n in (1, 2):
        cpu = []; l0 = load(); t0 = time.monotonic()
        if n == 1:
            for i, s in enumerate(streams): stream(s, f"s{i}", cpu)
        else:
            ts = [threading.Thread(target=stream, args=(s, f"s{i}", cpu)) for i, s in enumerate(streams)]
            for t in ts: t.start()
            for t in ts: t.join()
        wall = time.monotonic() - t0
        totals[n].append(sum(cpu) / count)
        print(f"round {r + 1}, {n} at a time ({mode}): {count} pages, {sum(cpu) / count:.3f} CPU s/page, wall {wall:.1f} s = {count / wall * 60:.1f} pages/min, {sum(cpu) / wall:.2f} cores busy; load {l0} -> {load()}", flush=True)
one, two = statistics.median(totals[1]), statistics.median(totals[2])
print(f"median of {rounds} rounds: one at a time {one:.3f} CPU s/page, two at a time {two:.3f} CPU s/page: {(two / one - 1) * 100:+.1f}% when two run side by side")
PY
