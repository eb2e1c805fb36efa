#!/usr/bin/env bash
# End-to-end throughput of the worker (planingest watch), not a test:
#   1. text: N small distinct plans (default 2000, and half that to show growth) moved into the inbox at
#      once; documents/s from the move to the last one indexed (status), and the worker's peak RSS.
#   2. scans: P scanned pages (default 100, one-page PNGs made distinct by a trailing comment) through the
#      worker, against plain `tesseract FILE stdout -l vie` over the same pages at the same parallelism
#      (OMP_THREAD_LIMIT=1, xargs -P), wall times and their ratio, and the worker's peak RSS.
# Usage: bash bench/worker-bench.sh [TEXT_DOCS] [PAGES]     (prints uptime first: the machine is shared)
#        TEXT_DOCS=0 runs the scans part alone (bash bench/worker-bench.sh 0 100).
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

scan_sources=(testdata/scans/003-p1.png testdata/scans/003-p2.png testdata/scans/003-p3.png testdata/scans/003-p4.png testdata/scans/003-p5.png testdata/scans/003-p6.png)
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
run_worker "scans-$pages" "$pages" make_scans

ls "$out/scans-$pages/inbox" >/dev/null
mkdir -p "$out/tess"; make_scans "$out/tess" "$pages"
# CPU seconds of the finished children (user + sys), before and after. `times` must run in this shell,
# not in a $(...) subshell, to see this shell's children.
children_cpu() { times > "$out/times"; tail -1 "$out/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'; }
children_cpu > "$out/cpu0"; cpu0=$(cat "$out/cpu0")
start=$(date +%s.%N)
find "$out/tess" -name '*.png' -print0 | OMP_THREAD_LIMIT=1 xargs -0 -P "$jobs" -I{} sh -c 'tesseract "$1" stdout -l vie >/dev/null 2>&1' _ {}
end=$(date +%s.%N)
children_cpu > "$out/cpu1"; cpu1=$(cat "$out/cpu1")
read -r wstart wend wcpu < "$out/scans-$pages/span"
python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); w=float(sys.argv[4])-float(sys.argv[3]); p=int(sys.argv[5]); tc=float(sys.argv[8])-float(sys.argv[7]); wc=int(sys.argv[9])/100; print(f'tesseract ({sys.argv[6]} at a time): {p} pages in {t:.1f} s = {p/t*60:.0f} pages/min, CPU {tc:.1f} s = {tc/p:.2f} s/page; worker/tesseract wall = {w/t:.2f}, CPU = {wc/tc:.2f} (worker {wc/p:.2f} s/page)')" "$start" "$end" "$wstart" "$wend" "$pages" "$jobs" "$cpu0" "$cpu1" "$wcpu"
uptime
