#!/usr/bin/env bash
# make-scans.sh - render seeds 003 and 004 into "scanned" test fixtures.
#
# Run by developers only (the outputs are committed; CI never runs this).
# Needs these Debian packages (bookworm):
#   apt-get install -y pango1.0-tools imagemagick img2pdf qpdf poppler-utils \
#                      fonts-liberation2 python3
#   (poppler-utils is only used for the sanity checks at the end.)
# No ImageMagick policy.xml edit is needed: ImageMagick is only used for
# PNG/PGM/TIFF/JPEG raster work (never for PDF, which Debian's policy blocks);
# PDFs are made with img2pdf, pango-view (cairo) and qpdf, plus a small python
# writer for the JBIG2 page (Debian has no JBIG2 encoder; see below).
# NOTE: some machines have a fake /usr/local/bin/convert; we use
# ${IM:-/usr/bin/convert} explicitly.
#
# Idempotent: fixed noise seeds / skew angles, no timestamps in PNG/PDF, so
# re-running produces the same files (modulo tool versions).
#
# Outputs (in this directory):
#   003-pN.png    seed 003, one 1-bit PNG per page, 2480x3508 @300dpi, skewed,
#                 noised; page 2 is additionally rotated 90 deg clockwise
#   003-pN.txt    exact NFC text rendered on page N of 003 (ground truth)
#   004.tif       seed 004, multi-page 1-bit CCITT G4 TIFF (same page geometry)
#   004-pN.txt    exact NFC text rendered on page N of 004
#   003-image.pdf seed 003, image-only, gray JPEG (DCTDecode) q60, upright
#   004-ccitt.pdf page 1 of 004, image-only, CCITTFaxDecode (G4) (img2pdf)
#   004-flate.pdf page 2 of 004, image-only, FlateDecode 1-bit (img2pdf from PNG)
#   004-jbig2.pdf page 3 of 004, image-only, JBIG2Decode (generic region, MMR)
#   004-text.pdf  seed 004 with a real text layer (pango-view/cairo), A4 pages
#   mixed.pdf     page 1 = text layer (004 p1), page 2 = image-only JPEG (004 p2)
#   004.docx      seed 004 as minimal WordprocessingML (closing block in a table)
#   manifest.tsv  file<TAB>truth<TAB>pages<TAB>notes
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
IM="${IM:-/usr/bin/convert}"

for t in pango-view img2pdf qpdf python3; do
  command -v "$t" >/dev/null || { echo "missing $t (see header for apt packages)" >&2; exit 1; }
done
"$IM" -version 2>/dev/null | grep ImageMagick >/dev/null || { echo "$IM is not ImageMagick (apt-get install imagemagick)" >&2; exit 1; }
[ -n "$(fc-list "Liberation Serif")" ] || { echo "Liberation Serif missing (apt-get install fonts-liberation2)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

export HERE REPO IM WORK
python3 - <<'PY'
import os, struct, subprocess, unicodedata, zipfile, zlib

HERE, REPO, IM, WORK = (os.environ[k] for k in ("HERE", "REPO", "IM", "WORK"))
SEEDS = {"003": "testdata/seeds/003_18ac981a5225b00c.txt",
         "004": "testdata/seeds/004_f85f75833570a4c3.txt"}
FONT = "Liberation Serif 13"
# A4 @300dpi = 2480x3508. Margins like a Vietnamese admin document:
# left 30 mm (354 px), right 20 mm (236 px), top/bottom 20 mm (236 px).
W, H, LEFT, TOP = 2480, 3508, 354, 236
TEXT_W_PT = 453          # (2480-354-236) px = 1890 px = 453.6 pt
TEXT_H_PX = H - 2 * TOP  # 3036 px
PANGO = ["pango-view", "-q", "--font=" + FONT, "--width=%d" % TEXT_W_PT,
         "--justify", "--hinting=none", "--hint-metrics=off"]
ANGLES = [0.8, -1.2, 0.6, -0.9, 1.4, -0.5, 1.1, -1.3, 0.7, -1.0]

def run(*a, **kw):
    subprocess.run(list(a), check=True, **kw)

def png_size(path):
    with open(path, "rb") as f:
        h = f.read(24)
    return struct.unpack(">II", h[16:24])

def render_png(text, out):
    p = os.path.join(WORK, "chunk.txt")
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    run(*PANGO, "--dpi=300", "--margin=0", "-o", out, p)
    return png_size(out)

def paginate(lines):
    """Greedy pagination at source-line (= paragraph) boundaries."""
    pages, i, n = [], 0, len(lines)
    tmp = os.path.join(WORK, "measure.png")
    while i < n:
        while i < n and not lines[i].strip():
            i += 1
        if i >= n:
            break
        lo, hi = i + 1, n       # find the largest j with height(lines[i:j]) <= TEXT_H_PX
        if render_png("\n".join(lines[i:lo]), tmp)[1] > TEXT_H_PX:
            raise SystemExit("paragraph too tall for one page: %r" % lines[i][:60])
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if render_png("\n".join(lines[i:mid]), tmp)[1] <= TEXT_H_PX:
                lo = mid
            else:
                hi = mid - 1
        chunk = lines[i:lo]
        while chunk and not chunk[-1].strip():
            chunk.pop()
        pages.append("\n".join(chunk) + "\n")
        i = lo
    return pages

def page_base(text, angle, out_pgm):
    """Render page text onto an A4 canvas, skew it, blur slightly (8-bit gray)."""
    chunk = os.path.join(WORK, "page.png")
    render_png(text, chunk)
    run(IM, "-size", "%dx%d" % (W, H), "xc:white", chunk, "-geometry", "+%d+%d" % (LEFT, TOP),
        "-composite", "-colorspace", "Gray", "-background", "white", "-rotate", str(angle),
        "+repage", "-gravity", "center", "-extent", "%dx%d" % (W, H), "-blur", "0x0.8",
        "-depth", "8", out_pgm)

def bilevel(base, seed, out, extra=()):
    """Noisy 1-bit version: gaussian noise, threshold (ragged edges), sparse specks."""
    run(IM, base, "-seed", str(seed), "-attenuate", "0.4", "+noise", "Gaussian",
        "-threshold", "55%", "-seed", str(seed + 1000), "-attenuate", "0.015", "+noise", "Impulse",
        *extra, "-type", "bilevel", "-units", "PixelsPerInch", "-density", "300",
        # not -strip: for PNG it also drops pHYs (the 300 dpi), and img2pdf needs it for page size
        "-define", "png:exclude-chunks=date,time,tEXt,zTXt,iTXt", out)

def gray_jpeg(base, seed, out):
    run(IM, base, "-seed", str(seed), "-attenuate", "0.3", "+noise", "Gaussian", "-blur", "0x0.7",
        "+level", "4%,94%", "-density", "300", "-units", "PixelsPerInch", "-strip",
        "-quality", "60", out)

def img2pdf(dst, *imgs):
    # img2pdf's /ID is time-based; qpdf --empty --pages drops it, --deterministic-id sets one from the content; streams untouched
    tmp = os.path.join(WORK, "img2pdf.pdf")
    run("img2pdf", "--nodate", "--producer", "", "-o", tmp, *imgs)
    run("qpdf", "--empty", "--deterministic-id", "--stream-data=preserve", "--pages", tmp, "--", dst)

def out(name):
    return os.path.join(HERE, name)

manifest = []
pages = {}
for sid, rel in SEEDS.items():
    with open(os.path.join(REPO, rel), encoding="utf-8") as f:
        text = unicodedata.normalize("NFC", f.read())  # 003 has 3 decomposed marks
    pages[sid] = paginate(text.split("\n"))
    for k, t in enumerate(pages[sid], 1):
        with open(out("%s-p%d.txt" % (sid, k)), "w", encoding="utf-8") as f:
            f.write(t)
    print("seed %s: %d pages" % (sid, len(pages[sid])), flush=True)

# ---- seed 003: per-page PNG (page 2 rotated 90 cw) + JPEG image-only PDF
jpgs = []
for k, t in enumerate(pages["003"], 1):
    base = os.path.join(WORK, "003-%d.pgm" % k)
    angle = ANGLES[(k - 1) % len(ANGLES)]
    page_base(t, angle, base)
    extra = ("-rotate", "90") if k == 2 else ()
    bilevel(base, 300 + k, out("003-p%d.png" % k), extra)
    j = os.path.join(WORK, "003-%d.jpg" % k)
    gray_jpeg(base, 400 + k, j)
    jpgs.append(j)
    note = "1-bit PNG 300dpi, skew %+.1f deg, noise" % angle
    if k == 2:
        note += ", ROTATED 90 deg clockwise (text runs top-to-bottom)"
    manifest.append(("003-p%d.png" % k, SEEDS["003"], "1", note + "; page truth 003-p%d.txt" % k))
    print("003 page %d done" % k, flush=True)
img2pdf(out("003-image.pdf"), *jpgs)
manifest.append(("003-image.pdf", SEEDS["003"], str(len(jpgs)),
                 "image-only, gray JPEG (DCTDecode) q60 300dpi, skewed, upright; page truth 003-pN.txt"))

# ---- seed 004: multi-page G4 TIFF + single-page PDFs
tifs, jpg4 = [], {}
for k, t in enumerate(pages["004"], 1):
    base = os.path.join(WORK, "004-%d.pgm" % k)
    angle = ANGLES[(k + 4) % len(ANGLES)]
    page_base(t, angle, base)
    p = os.path.join(WORK, "004-%d.png" % k)
    bilevel(base, 500 + k, p)
    tifs.append(p)
    if k == 2:
        jpg4[k] = os.path.join(WORK, "004-%d.jpg" % k)
        gray_jpeg(base, 600 + k, jpg4[k])
    print("004 page %d done" % k, flush=True)
run(IM, *tifs, "-compress", "Group4", "-define", "tiff:rows-per-strip=%d" % H, "-density", "300",
    "-units", "PixelsPerInch", "-strip", out("004.tif"))
manifest.append(("004.tif", SEEDS["004"], str(len(tifs)),
                 "multi-page 1-bit TIFF, CCITT G4, 300dpi, skewed, noise; page truth 004-pN.txt"))

# page 1 -> CCITT G4 PDF (img2pdf passes a single-strip G4 TIFF through as CCITTFaxDecode)
g4 = os.path.join(WORK, "004-1.tif")
run(IM, tifs[0], "-compress", "Group4", "-define", "tiff:rows-per-strip=%d" % H, "-density", "300",
    "-units", "PixelsPerInch", "-strip", g4)
img2pdf(out("004-ccitt.pdf"), g4)
manifest.append(("004-ccitt.pdf", SEEDS["004"], "1",
                 "image-only, page 1 of 004 only, CCITTFaxDecode G4 (K -1); page truth 004-p1.txt"))

# page 2 -> Flate PDF (img2pdf embeds the 1-bit PNG IDAT as FlateDecode + PNG predictor)
img2pdf(out("004-flate.pdf"), tifs[1])
manifest.append(("004-flate.pdf", SEEDS["004"], "1",
                 "image-only, page 2 of 004 only, 1-bit FlateDecode (PNG predictor); page truth 004-p2.txt"))

# page 3 -> JBIG2 PDF. Debian has no JBIG2 encoder (jbig2enc is not packaged), so we
# wrap the G4 (T.6/MMR) bitstream of the page in a JBIG2 embedded stream: page
# information segment + immediate lossless generic region with MMR=1 (no end-of-page
# segment: PDF 7.4.7 says embedded streams carry none, and poppler rejects it).
# Checked: jbig2dec -e decodes it bit-exact vs the TIFF page; poppler's MMR decoder
# differs on ~200 isolated pixels (a poppler quirk, text unaffected).
def tiff_strip(path):
    d = open(path, "rb").read()
    e = "<" if d[:2] == b"II" else ">"
    ifd = struct.unpack(e + "I", d[4:8])[0]
    n = struct.unpack(e + "H", d[ifd:ifd + 2])[0]
    tags = {}
    for i in range(n):
        tag, typ, cnt, val = struct.unpack(e + "HHI4s", d[ifd + 2 + 12 * i: ifd + 14 + 12 * i])
        v = struct.unpack(e + ("H" if typ == 3 else "I"), val[:2] if typ == 3 else val)[0]
        tags[tag] = (cnt, v)
    w, h = tags[256][1], tags[257][1]
    assert tags[259][1] == 4, "not G4"
    assert tags.get(266, (1, 1))[1] == 1, "FillOrder must be MSB"
    assert tags[273][0] == 1, "need a single strip"
    inverted = tags[262][1] == 1  # BlackIsZero: codes describe inverted pixels
    return w, h, d[tags[273][1]: tags[273][1] + tags[279][1]], inverted

def jbig2_segment(num, typ, data, page=1):
    return struct.pack(">IBBBI", num, typ, 0, page, len(data)) + data

def write_image_pdf(path, w, h, filt, data, decode_parms=""):
    pw, ph = w * 72 / 300, h * 72 / 300
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>" % (pw, ph),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /%s %s/Length %d >>\nstream\n" % (w, h, filt.encode(), decode_parms.encode(), len(data)) + data + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    buf = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(buf))
        buf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        buf += b"%010d 00000 n \n" % o
    buf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(path, "wb").write(bytes(buf))

g4_3 = os.path.join(WORK, "004-3.tif")
run(IM, tifs[2], "-compress", "Group4", "-define", "tiff:rows-per-strip=%d" % H, "-strip", g4_3)
w, h, mmr, inverted = tiff_strip(g4_3)
assert not inverted, "expected MinIsWhite G4 TIFF"
page_info = struct.pack(">IIIIBH", w, h, 11811, 11811, 0x01, 0)   # 300 dpi = 11811 px/m, lossless
region = struct.pack(">IIIIB", w, h, 0, 0, 0) + bytes([0x01]) + mmr  # generic region flags: MMR=1
jb2 = jbig2_segment(0, 48, page_info) + jbig2_segment(1, 39, region)
write_image_pdf(out("004-jbig2.pdf"), w, h, "JBIG2Decode", jb2)
manifest.append(("004-jbig2.pdf", SEEDS["004"], "1",
                 "image-only, page 3 of 004 only, JBIG2Decode (embedded stream, generic region MMR; hand-built); page truth 004-p3.txt"))

# ---- text-layer PDF of 004 (same page split as the TIFF), A4 pages via margins
parts = []
for k, t in enumerate(pages["004"], 1):
    p = os.path.join(WORK, "t%d.txt" % k)
    open(p, "w", encoding="utf-8").write(t)
    m = os.path.join(WORK, "m.png")   # measure at 72 dpi: 1 px = 1 pt (layout is a bit taller than @300)
    run(*PANGO, "--dpi=72", "--margin=0", "-o", m, p)
    bottom = max(0, 842 - 57 - png_size(m)[1])
    pdf = os.path.join(WORK, "t%d.pdf" % k)
    run(*PANGO, "--dpi=72", "--margin", "57 71 %d" % bottom, "-o", pdf, p)
    parts.append(pdf)
# qpdf --empty drops cairo's CreationDate (keeps the output reproducible)
run("qpdf", "--empty", "--deterministic-id", "--stream-data=preserve", "--pages", *parts, "--", out("004-text.pdf"))
manifest.append(("004-text.pdf", SEEDS["004"], str(len(parts)),
                 "real text layer (pango/cairo, Liberation Serif embedded, ToUnicode), no images; page truth 004-pN.txt"))

img2 = os.path.join(WORK, "img2.pdf")
img2pdf(img2, jpg4[2])
run("qpdf", "--empty", "--deterministic-id", "--stream-data=preserve", "--pages", out("004-text.pdf"), "1", img2, "--", out("mixed.pdf"))
manifest.append(("mixed.pdf", SEEDS["004"], "2",
                 "page 1 = text layer (004 p1, truth 004-p1.txt), page 2 = image-only gray JPEG (004 p2, truth 004-p2.txt); only pages 1-2 of the seed"))

# ---- DOCX of 004
def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def para(s):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(s)

with open(os.path.join(REPO, SEEDS["004"]), encoding="utf-8") as f:
    lines = unicodedata.normalize("NFC", f.read()).split("\n")
while lines and not lines[-1].strip():
    lines.pop()
# closing block, as in real documents: "Nơi nhận:" list on the left, signature on the right
cut = max(i for i, l in enumerate(lines) if l.strip().startswith("Nơi nhận"))
sig = max(i for i, l in enumerate(lines) if l.strip() == "TRƯỞNG BAN")
body = "".join(para(l) for l in lines[:cut])
cell = lambda ls: '<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>%s</w:tc>' % ("".join(para(l) for l in ls) or "<w:p/>")
table = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
         '<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
         '<w:tr>%s%s</w:tr></w:tbl>' % (cell(lines[cut:sig]), cell(lines[sig:])))
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body>%s%s<w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
       '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/>'
       '</w:sectPr></w:body></w:document>') % (body, table)
ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
with zipfile.ZipFile(out("004.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
        zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data.encode("utf-8"))
manifest.append(("004.docx", SEEDS["004"], "", "minimal WordprocessingML, one w:p per source line; closing block (Nơi nhận | TRƯỞNG BAN) in a 2-column table"))

with open(out("manifest.tsv"), "w", encoding="utf-8") as f:
    f.write("file\ttruth\tpages\tnotes\n")
    for row in manifest:
        f.write("\t".join(row) + "\n")
PY

# sanity checks (poppler-utils), non-fatal
if command -v pdfimages >/dev/null; then
  for f in 003-image.pdf 004-ccitt.pdf 004-flate.pdf 004-jbig2.pdf mixed.pdf; do
    echo "== $f"; pdfimages -list "$HERE/$f" | sed -n '3,$p' | awk '{print "  page",$1,$4"x"$5,$6,"bpc="$8,"enc="$9}'
  done
  echo "== 004-text.pdf text chars: $(pdftotext "$HERE/004-text.pdf" - | wc -m)"
fi
ls -l "$HERE"

# ---- added later: a standalone JPEG scan, and the upside-down page for orientation detection
/usr/bin/convert "$HERE/003-p6.png" -colorspace Gray -blur 0x0.6 -quality 60 -density 300 -units PixelsPerInch "$HERE/003-p6.jpg"
/usr/bin/convert "$HERE/003-p6.png" -rotate 180 "$HERE/003-p6-upside-down.png"
cp "$HERE/003-p6.txt" "$HERE/003-p6-upside-down.txt"
# whole-document truths for eval-ocr (a scan's truth is NAME.txt beside it)
cat "$HERE"/003-p{1,2,3,4,5,6}.txt > "$HERE/003-image.txt"
cat "$HERE"/004-p{1,2,3,4,5}.txt > "$HERE/004.txt"
cp "$HERE/004.txt" "$HERE/004-text.txt"
cp "$HERE/004-p1.txt" "$HERE/004-ccitt.txt"; cp "$HERE/004-p2.txt" "$HERE/004-flate.txt"; cp "$HERE/004-p3.txt" "$HERE/004-jbig2.txt"
cat "$HERE"/004-p{1,2}.txt > "$HERE/mixed.txt"
printf '003-p6.jpg\ttestdata/seeds/003_18ac981a5225b00c.txt\t1\tgray JPEG q60 300dpi of 003-p6.png (standalone JPEG scan); page truth 003-p6.txt\n003-p6-upside-down.png\ttestdata/seeds/003_18ac981a5225b00c.txt\t1\t003-p6.png turned 180 deg (orientation detection); truth 003-p6-upside-down.txt\n' >> "$HERE/manifest.tsv"
