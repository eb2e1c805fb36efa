#!/usr/bin/env bash
# ocr-bench.sh [N] - compare plain tesseract throughput with `planingest extract`.
#
# SET=hard takes the pages of testdata/hard instead (photocopies, faxes, sealed pages).
# Every round also times planingest with PLANINGEST_OCR_CLEAN=0 PLANINGEST_OCR_CORRECT=0 ("bare"):
# the ratio planingest/bare is what page cleaning and the syllable correction add to OCR time.
#
# Takes N (default 8) page images from testdata/scans (003-pK.png and the pages
# of 004.tif, repeated as needed; the 90-degree-rotated page 003-p2.png is
# skipped so both sides do the same work), copies them into a temp dir as
# separate PNG files, then times:
#   (a) tesseract IMG OUT -l vie, OMP_THREAD_LIMIT=1, $(nproc)-way parallel (xargs -P)
#   (b) planingest extract --json FILES...   (it parallelises pages itself)
# and prints wall times, pages/s, s/page and the ratio planingest/tesseract.
#
# Needs: tesseract-ocr tesseract-ocr-vie imagemagick (for TIFF->PNG; uses
# /usr/bin/convert, not a stand-in on PATH), and a built planingest:
#   PLANINGEST="dotnet src/Ingest.Worker/bin/Release/net10.0/planingest.dll" (default)
# Env: TESSDATA_DIR=... to pass --tessdata-dir to (a); KEEP=1 keeps the temp dir.
set -euo pipefail

N="${1:-8}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SCANS="$REPO/testdata/scans"
IM="${IM:-/usr/bin/convert}"
PLANINGEST="${PLANINGEST:-dotnet src/Ingest.Worker/bin/Release/net10.0/planingest.dll}"
P="$(nproc)"

TMP="$(mktemp -d)"
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$TMP"' EXIT; else echo "temp dir: $TMP"; fi
mkdir -p "$TMP/src" "$TMP/in" "$TMP/tess"

# source pages (upright only)
if [ "${SET:-scans}" = hard ]; then
  cp "$REPO"/testdata/hard/{pc,fx,sg}-*.{jpg,png} "$TMP/src/" 2>/dev/null || true
else
  for f in "$SCANS"/003-p*.png; do
    [ "$(basename "$f")" = 003-p2.png ] && continue
    cp "$f" "$TMP/src/"
  done
  "$IM" "$SCANS/004.tif" "$TMP/src/004-p%d.png"
fi
mapfile -t SRC < <(ls "$TMP/src"/*.{png,jpg} 2>/dev/null | sort)
[ "${#SRC[@]}" -gt 0 ] || { echo "no source pages" >&2; exit 1; }

for ((i = 0; i < N; i++)); do
  src="${SRC[$((i % ${#SRC[@]}))]}"
  cp "$src" "$(printf '%s/in/page-%03d.%s' "$TMP" "$i" "${src##*.}")"
done

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
TD=()
[ -n "${TESSDATA_DIR:-}" ] && TD=(--tessdata-dir "$TESSDATA_DIR")

echo "pages: $N  cores: $P  tesseract: $(tesseract --version 2>&1 | head -1)"

# This VM's speed drifts by 20% between runs, so the two tools alternate, ROUNDS times (default 3),
# and the medians are compared.
ROUNDS="${ROUNDS:-3}"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# CPU seconds (user + sys) of the finished children so far: far steadier than wall time on a shared machine.
# (`times` must run in this shell, not in a $(...) subshell, to see this shell's children.)
cpu_now() { times > "$TMP/times"; CPU=$(tail -1 "$TMP/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'); }
TESS_RUNS=(); PI_RUNS=(); BARE_RUNS=(); TESS_CPU=(); PI_CPU=(); BARE_CPU=(); rc=0
for ((round = 1; round <= ROUNDS; round++)); do
  # (a) plain tesseract, one thread per process, P processes
  cpu_now; c0=$CPU
  t0=$(now)
  ls "$TMP/in"/* | OMP_THREAD_LIMIT=1 xargs -P "$P" -I{} \
    sh -c 'i=$1 o=$2; shift 2; tesseract "$i" "$o/$(basename "$i")" -l vie "$@" >/dev/null 2>&1' _ {} "$TMP/tess" ${TD[@]+"${TD[@]}"}
  t1=$(now)
  TESS_RUNS+=("$(calc "$t1 - $t0")")
  cpu_now; c1=$CPU; TESS_CPU+=("$(calc "$c1 - $c0")")

  # (b) planingest: the whole pipeline (read, OCR, normalise, extract, JSON), one process for all pages
  t0=$(now)
  set +e
  $PLANINGEST extract --json "$TMP/in"/* > "$TMP/planingest.json" 2> "$TMP/planingest.err"
  rc=$?
  t1=$(now)
  PI_RUNS+=("$(calc "$t1 - $t0")")
  cpu_now; c2=$CPU; PI_CPU+=("$(calc "$c2 - $c1")")

  # (c) the same without page cleaning and correction
  t0=$(now)
  PLANINGEST_OCR_CLEAN=0 PLANINGEST_OCR_CORRECT=0 $PLANINGEST extract --json "$TMP/in"/* > "$TMP/bare.json" 2>> "$TMP/planingest.err" || rc=$?
  t1=$(now)
  BARE_RUNS+=("$(calc "$t1 - $t0")")
  cpu_now; c3=$CPU; BARE_CPU+=("$(calc "$c3 - $c2")")
  set -e
  if [ $rc -ne 0 ]; then
    echo "planingest failed (rc=$rc):" >&2
    tail -20 "$TMP/planingest.err" >&2
    break
  fi
  echo "round $round: tesseract ${TESS_RUNS[-1]} s (cpu ${TESS_CPU[-1]}), planingest ${PI_RUNS[-1]} s (cpu ${PI_CPU[-1]}), bare ${BARE_RUNS[-1]} s (cpu ${BARE_CPU[-1]})"
done
TESS=$(printf '%s\n' "${TESS_RUNS[@]}" | median)
PI=$(printf '%s\n' "${PI_RUNS[@]}" | median)
BARE=$(printf '%s\n' "${BARE_RUNS[@]}" | median)
TESS_C=$(printf '%s\n' "${TESS_CPU[@]}" | median)
PI_C=$(printf '%s\n' "${PI_CPU[@]}" | median)
BARE_C=$(printf '%s\n' "${BARE_CPU[@]}" | median)

printf '%-12s %9s %9s %9s %12s\n' tool wall_s pages/s s/page cpu_s/page
printf '%-12s %9.2f %9.3f %9.2f %12.2f\n' tesseract "$TESS" "$(calc "$N / $TESS")" "$(calc "$TESS / $N")" "$(calc "$TESS_C / $N")"
printf '%-12s %9.2f %9.3f %9.2f %12.2f\n' planingest "$PI" "$(calc "$N / $PI")" "$(calc "$PI / $N")" "$(calc "$PI_C / $N")"
printf '%-12s %9.2f %9.3f %9.2f %12.2f\n' bare "$BARE" "$(calc "$N / $BARE")" "$(calc "$BARE / $N")" "$(calc "$BARE_C / $N")"
printf 'ratio planingest/tesseract (medians of %d rounds): %.2f\n' "${#PI_RUNS[@]}" "$(calc "$PI / $TESS")"
printf 'ratio planingest/bare (cleaning + correction overhead): %.2f wall, %.2f cpu\n' "$(calc "$PI / $BARE")" "$(calc "$PI_C / $BARE_C")"
printf 'ratio planingest/tesseract in cpu: %.2f\n' "$(calc "$PI_C / $TESS_C")"
echo "load: $(uptime | sed 's/.*load average/load average/')"
exit $rc
