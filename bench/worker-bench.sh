#!/usr/bin/env bash
# End-to-end throughput of the worker (planingest watch), not a test:
#   1. text: N small distinct plans (default 2000, and half that to show growth) moved into the inbox at
#      once; documents/s from the move to the last one indexed (status), and the worker's peak RSS.
#   2. scans: P scanned pages (default 100, one-page PNGs made distinct by a trailing comment) through a
#      fresh worker, against plain `tesseract FILE stdout -l vie` over the same pages at the same parallelism
#      (OMP_THREAD_LIMIT=1, xargs -P nproc). Plain tesseract's own wall time moves ~9% between runs minutes
#      apart, so the two sides are interleaved: ROUNDS rounds (default 3), the order alternating (round 1
#      worker first, round 2 tesseract first, ...); each round prints both walls, CPU s/page and ratios, and
#      the end prints the median ratio of wall time and of CPU per page over the rounds.
#      Two page sets, each measured that way: "all" = 003-p1 ... p6 repeated, and "upright" = the same without
#      003-p2, the page turned 90 degrees (issue 7 compares OCR with tesseract on upright pages). Both readers
#      handle p2's quarter turn in Tesseract's own layout analysis and read it once (the worker's orientation
#      pass runs only under 0.75 confidence; p2 reads at 0.95), so both sets compare the same work.
# Usage: bash bench/worker-bench.sh [TEXT_DOCS] [PAGES]     (prints uptime first: the machine is shared)
#        TEXT_DOCS=0 runs the scans part alone (bash bench/worker-bench.sh 0 100); PAGES=0 skips it.
# Env:   ROUNDS=3   interleaved rounds per page set;   SETS="all upright"   which page sets, in that order.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-2000}
pages=${2:-100}
jobs=${PLANINGEST_OCR_THREADS:-$(nproc)}
# PLANINGEST_DLL measures another build of the worker (e.g. a published one) with the same drops.
dll=${PLANINGEST_DLL:-src/Ingest.Worker/bin/Release/net10.0/planingest.dll}
out=$(mktemp -d /tmp/planingest-bench-XXXXXX)
trap 'kill "$worker" 2>/dev/null || true; rm -rf "$out"' EXIT
uptime

# Waits until nothing is queued or in flight and indexed+failed >= expected. One Python process reads the
# catalog read-only every 0.2 s: polling `planingest status` instead would start a .NET process twice a
# second on the same two cores and slow down what is being measured.
wait_settled() { # data expected
  python3 - "$1/catalog.db" "$2" <<'PY'
import sqlite3, sys, time
path, n = sys.argv[1], int(sys.argv[2])
while True:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        counts = dict(db.execute("SELECT state, count(*) FROM jobs GROUP BY state").fetchall())
        db.close()
        busy = sum(counts.get(s, 0) for s in ("queued", "reading", "extracted"))
        if busy == 0 and counts.get("indexed", 0) + counts.get("failed", 0) >= n:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.2)
PY
}

run_worker() { # name count make-files-command
  local name=$1 count=$2
  local dir=$out/$name; mkdir -p "$dir/inbox" "$dir/staging"; : >"$dir/log"
  "$3" "$dir/staging" "$count"
  dotnet "$dll" watch "$dir/inbox" --data "$dir/data" --Worker:StabilityInterval=00:00:00.200 --Worker:RescanInterval=00:00:01 >"$dir/log" 2>&1 &
  worker=$!
  until grep -q " watching " "$dir/log"; do sleep 0.2; done
  local start=$(date +%s.%N)
  find "$dir/staging" -type f -exec mv -t "$dir/inbox" {} +
  wait_settled "$dir/data" "$count"
  local end=$(date +%s.%N)
  local rss=$(grep VmHWM /proc/$worker/status | awk '{print $2}')
  # CPU seconds the worker spent (user + system, from its start): the figure a busy shared machine moves least.
  local cpu=$(awk '{print $14 + $15}' /proc/$worker/stat)
  # Of which the runtime's background JIT (re-compiling hot methods optimised): a cost fixed per process, not per document.
  local jit=$(cat /proc/$worker/task/*/stat 2>/dev/null | awk '/\(.NET Tiered Com/ { n = split($0, f, ") "); split(f[n], g, " "); t += g[12] + g[13] } END { print t + 0 }')
  kill -TERM "$worker"; wait "$worker" || true
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]}: {sys.argv[4]} in {s:.1f} s = {int(sys.argv[4])/s:.1f}/s ({int(sys.argv[4])/s*60:.0f}/min); worker CPU {int(sys.argv[6])/100:.1f} s (background JIT {int(sys.argv[7])/100:.1f} s); peak RSS {int(sys.argv[5])//1024} MB')" "$start" "$end" "$name" "$count" "$rss" "$cpu" "$jit"
  echo "$start $end $cpu" > "$dir/span"
}

make_text() { python3 - "$1" "$2" <<'PY'
import sys, os
folder, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    with open(os.path.join(folder, f"plan-{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"ỦY BAN NHÂN DÂN\nHUYỆN THỬ NGHIỆM {i % 17}\nSố: {i}/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                f"Thử Nghiệm, ngày {1 + i % 28} tháng {1 + i % 12} năm 2024\n\nKẾ HOẠCH\nTổ chức hội nghị số {i} về chuyển đổi số năm 2024\n\n"
                f"Căn cứ Chỉ thị số 13/CT-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh;\nI. MỤC ĐÍCH, YÊU CẦU\n"
                f"Phấn đấu đạt {50 + i % 50}% hồ sơ được số hóa trước ngày 31/12/2024.\n")
PY
}

all_pages=(testdata/scans/003-p1.png testdata/scans/003-p2.png testdata/scans/003-p3.png testdata/scans/003-p4.png testdata/scans/003-p5.png testdata/scans/003-p6.png)
upright_pages=(testdata/scans/003-p1.png testdata/scans/003-p3.png testdata/scans/003-p4.png testdata/scans/003-p5.png testdata/scans/003-p6.png)
scan_sources=("${all_pages[@]}")
make_scans() {
  for i in $(seq 1 "$2"); do
    src=${scan_sources[$(( (i - 1) % ${#scan_sources[@]} ))]}
    # Bytes after IEND are ignored by PNG decoders and make each copy distinct content (no deduplication).
    { cat "$src"; printf 'bench-%05d' "$i"; } > "$1/page-$(printf %05d "$i").png"
  done
}

if [ "$docs" -gt 0 ]; then
  run_worker "text-$((docs / 2))" $((docs / 2)) make_text
  run_worker "text-$docs" "$docs" make_text
fi
[ "$pages" -gt 0 ] || exit 0

# CPU seconds of the finished children (user + sys). `times` must run in this shell, not in a $(...)
# subshell, to see this shell's children.
children_cpu() { times > "$out/times"; tail -1 "$out/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'; }
load() { uptime | sed 's/.*load average: //'; }

# Plain tesseract over the same pages, $jobs at a time; writes "start end cpu-centiseconds" to $out/NAME/span.
run_tesseract() {
  local dir=$out/$1; rm -rf "$dir"; mkdir -p "$dir/pages"
  make_scans "$dir/pages" "$pages"
  children_cpu > "$out/cpu0"
  local start; start=$(date +%s.%N)
  find "$dir/pages" -name '*.png' -print0 | OMP_THREAD_LIMIT=1 xargs -0 -P "$jobs" -I{} sh -c 'tesseract "$1" stdout -l vie >/dev/null 2>&1' _ {}
  local end; end=$(date +%s.%N)
  children_cpu > "$out/cpu1"
  echo "$start $end $(python3 -c "import sys; print(round((float(open(sys.argv[2]).read()) - float(open(sys.argv[1]).read())) * 100))" "$out/cpu0" "$out/cpu1")" > "$dir/span"
  rm -rf "$dir/pages"
}

# One line per round and set, for the medians: set round worker_wall tesseract_wall worker_cpu tesseract_cpu
rounds=${ROUNDS:-3}
sets=${SETS:-all upright}
: > "$out/rounds"
for round in $(seq 1 "$rounds"); do
  for set in $sets; do
    case $set in
      all) scan_sources=("${all_pages[@]}") ;;
      upright) scan_sources=("${upright_pages[@]}") ;;
      *) echo "unknown page set '$set' (all, upright)" >&2; exit 2 ;;
    esac
    l0=$(load)
    if [ $((round % 2)) -eq 1 ]; then
      run_worker "scans-$set-$round" "$pages" make_scans; run_tesseract "tess-$set-$round"
    else
      run_tesseract "tess-$set-$round"; run_worker "scans-$set-$round" "$pages" make_scans
    fi
    l1=$(load)
    read -r ws we wc < "$out/scans-$set-$round/span"
    read -r ts te tc < "$out/tess-$set-$round/span"
    rm -rf "$out/scans-$set-$round/data" "$out/scans-$set-$round/inbox"
    python3 - "$set" "$round" "$pages" "$jobs" "$ws" "$we" "$wc" "$ts" "$te" "$tc" "$l0" "$l1" "$out/rounds" <<'PY'
import sys
s, r, p, j = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
w = float(sys.argv[6]) - float(sys.argv[5]); wc = int(sys.argv[7]) / 100
t = float(sys.argv[9]) - float(sys.argv[8]); tc = int(sys.argv[10]) / 100
first = "worker first" if r % 2 else "tesseract first"
print(f"round {r} [{s}, {first}]: worker {w:.1f} s ({p / w * 60:.0f} pages/min), CPU {wc / p:.2f} s/page; "
      f"tesseract ({j} at a time) {t:.1f} s ({p / t * 60:.0f} pages/min), CPU {tc / p:.2f} s/page; "
      f"wall ratio {w / t:.3f}, CPU ratio {wc / tc:.3f}; load {sys.argv[11]} -> {sys.argv[12]}", flush=True)
with open(sys.argv[13], "a") as f:
    f.write(f"{s} {r} {w} {t} {wc} {tc}\n")
PY
  done
done
python3 - "$out/rounds" "$pages" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
p = int(sys.argv[2])
med = statistics.median
for s in dict.fromkeys(r[0] for r in rows):
    rs = [tuple(map(float, r[2:])) for r in rows if r[0] == s]
    print(f"{s} ({len(rs)} rounds of {p} pages): median wall ratio {med(w / t for w, t, _, _ in rs):.3f} "
          f"(rounds {', '.join(f'{w / t:.3f}' for w, t, _, _ in rs)}), median CPU ratio {med(wc / tc for _, _, wc, tc in rs):.3f} "
          f"(rounds {', '.join(f'{wc / tc:.3f}' for _, _, wc, tc in rs)}); median worker {med(r[0] for r in rs):.1f} s, "
          f"{med(r[2] for r in rs) / p:.2f} CPU s/page; tesseract {med(r[1] for r in rs):.1f} s, {med(r[3] for r in rs) / p:.2f} CPU s/page")
PY
uptime
