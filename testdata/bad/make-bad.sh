#!/usr/bin/env bash
# make-bad.sh - generate malformed / hostile input fixtures for PlanIngest.
#
# Run by developers only (outputs are committed; CI never runs this).
# Needs: qpdf, python3 (Debian: apt-get install -y qpdf python3).
# Uses ../scans/004-text.pdf (made by ../scans/make-scans.sh) as the "real PDF".
# Re-runnable; everything is byte-stable except encrypted.pdf (qpdf uses random salts).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$HERE/../scans/004-text.pdf"
[ -f "$SRC" ] || { echo "missing $SRC: run testdata/scans/make-scans.sh first" >&2; exit 1; }
command -v qpdf >/dev/null || { echo "missing qpdf (apt-get install qpdf)" >&2; exit 1; }
cd "$HERE"

: > empty.pdf                                                   # 0 bytes
size=$(stat -c %s "$SRC"); head -c $((size * 40 / 100)) "$SRC" > truncated.pdf
qpdf --encrypt user-secret owner-secret 256 -- "$SRC" encrypted.pdf

python3 - <<'PY'
import hashlib, struct, zlib

def png(path, w, h, row, bit_depth, color_type):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    z = zlib.compressobj(9)
    raw = b"".join(z.compress(b"\x00" + row) for _ in range(h)) + z.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bit_depth, color_type, 0, 0, 0))
                + chunk(b"IDAT", raw) + chunk(b"IEND", b""))

# a small valid PNG (64x64 gray) with a .pdf name
png("png-named.pdf", 64, 64, bytes(range(0, 256, 4)), 8, 0)
# 20000x20000 1-bit white image: ~400 Mpixel when decoded, tiny on disk
png("huge.png", 20000, 20000, b"\xff" * 2500, 1, 0)
# 4 KiB of (deterministic) pseudo-random bytes
out, h = b"", b"planingest-random.bin"
while len(out) < 4096:
    h = hashlib.sha256(h).digest()
    out += h
open("random.bin", "wb").write(out[:4096])
PY
ls -l "$HERE"
