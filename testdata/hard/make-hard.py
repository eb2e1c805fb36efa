#!/usr/bin/python3
"""make-hard.py - makes the hard-scan fixtures of testdata/hard from our own clean texts.

Levels (see README.md beside this file):
  photocopy  200 dpi grey JPEG: grey uneven paper, bleed-through from the back of the sheet,
             two punched holes, a staple and its shadow, a dark copier edge, sparse
             salt-and-pepper specks, toner drop-outs, skew up to 3 degrees
  fax        200 dpi 1-bit PNG of a photocopy-like page with dense specks and streaks
  seal       200 dpi colour JPEG of a signature page: a red seal (con dau) stamped over the
             signer's title and name, a blue signature scribbled between them
  clean      300 dpi 1-bit PNG, light noise and skew under 1.5 degrees (like testdata/scans)

Every page has NAME.txt beside it (the exact text drawn, NFC); seal pages also NAME.signer.txt
("title<TAB>name" as CONTRACT.md §1a writes them). Deterministic: fixed seeds, no timestamps.

Needs Debian's python3-pil, python3-numpy and fonts-liberation2 (make-hard.sh installs them).
Run: bash testdata/hard/make-hard.sh [OUTDIR]   (default: this folder)
"""
import math
import os
import sys
import unicodedata

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE
FONTS = "/usr/share/fonts/truetype/liberation2/"
DPI = 300
W, H = 2480, 3508                    # A4 at 300 dpi
LEFT, RIGHT, TOP = 354, 236, 236     # 30 mm left, 20 mm right/top (Decree 30/2020 margins)
SIZE = 54                            # 13 pt at 300 dpi
LINE = 66
MM = DPI / 25.4


def font(bold=False, italic=False, size=SIZE):
    name = "LiberationSerif-" + ("BoldItalic" if bold and italic else "Bold" if bold else "Italic" if italic else "Regular")
    return ImageFont.truetype(FONTS + name + ".ttf", size)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def is_heading(p):
    head = p.split(" ", 1)[0]
    return p.upper() == p or head.rstrip(".") in ("I", "II", "III", "IV", "V", "VI")


def wrap(draw, text, f, width, indent):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        trial = (cur + " " + w).strip()
        room = width - (indent if not lines else 0)
        if cur and draw.textlength(trial, font=f) > room:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


def render_body(paragraphs, top=TOP, draw_on=None):
    """Draws paragraphs (black on white, 'L'); returns the image, the y below the text, and the text drawn."""
    img = draw_on or Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    y, width, drawn = top, W - LEFT - RIGHT, []
    for p in paragraphs:
        p = nfc(p.strip())
        if not p:
            continue
        bold = is_heading(p)
        f = font(bold=bold)
        indent = 0 if p.startswith("-") and False else 118  # first line indented 1 cm
        for i, line in enumerate(wrap(d, p, f, width, indent)):
            d.text((LEFT + (indent if i == 0 else 0), y), line, font=f, fill=0)
            drawn.append(line)
            y += LINE
        y += 10
    return img, y, "\n".join(drawn) + "\n"


# ---------------------------------------------------------------------------------------------
# Degradations. Images are float arrays: 1.0 paper white, 0.0 black.

def ink_of(img):
    return 1.0 - np.asarray(img, dtype=np.float32) / 255.0


def blur(arr, sigma):
    """Separable Gaussian blur of a float array (Pillow's filters take 8-bit images only)."""
    radius = max(1, int(3 * sigma))
    k = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2).astype(np.float32)
    k /= k.sum()
    out = arr
    for axis in (0, 1):
        padded = np.pad(out, [(radius, radius) if a == axis else (0, 0) for a in range(out.ndim)], mode="edge")
        acc = np.zeros_like(out)
        n = out.shape[axis]
        for i, w in enumerate(k):
            acc += w * (padded[i:i + n] if axis == 0 else padded[:, i:i + n])
        out = acc
    return out


def rotate(arr, degrees, fill=0.0):
    im = Image.fromarray(arr.astype(np.float32), mode="F")
    return np.asarray(im.rotate(degrees, resample=Image.BICUBIC, fillcolor=fill), dtype=np.float32)


def smooth_noise(rng, shape, scale, amplitude):
    """Low-frequency noise: a coarse random grid blown up smoothly (uneven paper, toner density)."""
    h, w = shape
    coarse = rng.standard_normal((max(2, h // scale), max(2, w // scale))).astype(np.float32)
    im = Image.fromarray(coarse, mode="F").resize((w, h), Image.BICUBIC)
    return np.asarray(im, dtype=np.float32) * amplitude


def disk(arr, cx, cy, r, value, soft=2.0):
    h, w = arr.shape
    y0, y1, x0, x1 = max(0, int(cy - r - 4)), min(h, int(cy + r + 4)), max(0, int(cx - r - 4)), min(w, int(cx + r + 4))
    yy, xx = np.mgrid[y0:y1, x0:x1]
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    cover = np.clip((r - dist) / soft + 0.5, 0, 1)
    arr[y0:y1, x0:x1] = arr[y0:y1, x0:x1] * (1 - cover) + value * cover


def bar(arr, x, y, length, thickness, degrees, value, soft=1.5):
    """A dark straight bar (a staple) from (x, y)."""
    h, w = arr.shape
    a = math.radians(degrees)
    ex, ey = x + length * math.cos(a), y + length * math.sin(a)
    y0, y1 = max(0, int(min(y, ey) - thickness - 4)), min(h, int(max(y, ey) + thickness + 4))
    x0, x1 = max(0, int(min(x, ex) - thickness - 4)), min(w, int(max(x, ex) + thickness + 4))
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    dx, dy = ex - x, ey - y
    t = np.clip(((xx - x) * dx + (yy - y) * dy) / (dx * dx + dy * dy), 0, 1)
    dist = np.sqrt((xx - (x + t * dx)) ** 2 + (yy - (y + t * dy)) ** 2)
    cover = np.clip((thickness / 2 - dist) / soft + 0.5, 0, 1)
    arr[y0:y1, x0:x1] = arr[y0:y1, x0:x1] * (1 - cover) + value * cover


def specks(rng, arr, density, max_size, value):
    """Salt (value 1) or pepper (value 0) specks of 1..max_size pixels, in place."""
    h, w = arr.shape
    n = int(density * h * w)
    ys, xs = rng.integers(0, h - max_size, n), rng.integers(0, w - max_size, n)
    sizes = rng.integers(1, max_size + 1, n)
    for y, x, s in zip(ys, xs, sizes):
        sy = s if rng.random() < 0.7 else max(1, s - 1)
        arr[y:y + sy, x:x + s] = value


def paper_and_copy(rng, ink, back_ink, skew, strength):
    """A photocopy at 300 dpi: toner ink on grey uneven paper, the back page showing through."""
    ink = rotate(ink, skew)
    back = rotate(np.fliplr(back_ink), skew + rng.uniform(-0.4, 0.4))
    back = blur(back, 2.5)
    toner = np.clip(0.86 + smooth_noise(rng, ink.shape, 300, 0.05), 0.7, 0.97)
    dropout = np.clip(1 - np.maximum(0, smooth_noise(rng, ink.shape, 6, 0.35) - 0.25), 0.3, 1)
    paper = 0.88 + smooth_noise(rng, ink.shape, 700, 0.035 * strength)
    h, w = ink.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    paper -= 0.06 * strength * (xx / w) * (yy / h)          # the copier's lamp falls off toward a corner
    page = paper * (1 - toner * ink * dropout) * (1 - 0.22 * strength * back)
    # A dark copier edge along the right side, ragged and fading into the page.
    edge = 40 + smooth_noise(rng, (h, 1), 40, 12)[:, 0]
    fade = np.clip((xx - (w - edge[:, None] - 60)) / 60, 0, 1)
    page = page * (1 - 0.8 * fade)
    # Two punched holes (a copy shows them dark) and a staple with its shadow, top left.
    for cy in (h / 2 - 40 * MM, h / 2 + 40 * MM):
        disk(page, 12 * MM, cy + rng.uniform(-8, 8), 3 * MM, 0.18)
    sx, sy = 9 * MM + rng.uniform(-20, 20), 10 * MM + rng.uniform(-20, 20)
    angle = rng.uniform(25, 50)
    bar(page, sx + 6, sy + 8, 13 * MM, 2.2 * MM, angle, 0.55, soft=6)     # shadow
    bar(page, sx, sy, 13 * MM, 0.9 * MM, angle, 0.08)                    # the staple
    return np.clip(page, 0, 1)


def to_dpi(page, dpi):
    h, w = page.shape
    im = Image.fromarray((page * 255).astype(np.uint8), mode="L")
    return np.asarray(im.resize((round(w * dpi / DPI), round(h * dpi / DPI)), Image.LANCZOS), dtype=np.float32) / 255


def photocopy(rng, paragraphs, back, skew):
    ink = ink_of(render_body(paragraphs)[0])
    page = to_dpi(paper_and_copy(rng, ink, ink_of(render_body(back)[0]), skew, 1.0), 200)
    page = page + rng.normal(0, 0.015, page.shape).astype(np.float32)
    specks(rng, page, 0.0004, 2, 0.1)
    specks(rng, page, 0.0004, 2, 0.95)
    return Image.fromarray((np.clip(page, 0, 1) * 255).astype(np.uint8), mode="L")


def fax(rng, paragraphs, back, skew):
    ink = ink_of(render_body(paragraphs)[0])
    page = to_dpi(paper_and_copy(rng, ink, ink_of(render_body(back)[0]), skew, 0.6), 200)
    page = page + rng.normal(0, 0.05, page.shape).astype(np.float32)
    binary = (page > 0.55).astype(np.float32)
    specks(rng, binary, 0.003, 2, 0.0)                 # dense pepper
    specks(rng, binary, 0.001, 3, 0.0)
    specks(rng, binary, 0.0015, 2, 1.0)                # white drop-outs in strokes
    for _ in range(4):                                 # transmission streaks
        y = int(rng.integers(200, binary.shape[0] - 200))
        x0 = int(rng.integers(0, binary.shape[1] // 2))
        binary[y:y + 1, x0:x0 + int(rng.integers(100, 700))] = 0
    return Image.fromarray((binary * 255).astype(np.uint8), mode="L").convert("1")


def clean(rng, paragraphs, skew):
    ink = rotate(ink_of(render_body(paragraphs)[0]), skew)
    blurred = blur(ink, 0.8)
    page = 1 - blurred + rng.normal(0, 0.12, blurred.shape).astype(np.float32)
    binary = (page > 0.55).astype(np.float32)
    specks(rng, binary, 0.00002, 2, 0.0)
    return Image.fromarray((binary * 255).astype(np.uint8), mode="L").convert("1")


# ---------------------------------------------------------------------------------------------
# Signature pages.

def signature_page(rng, spec):
    """Body text, then the recipients on the left and the signature block on the right, in colour."""
    img, y, drawn = render_body(spec["body"])
    d = ImageDraw.Draw(img)
    y += 30
    small = font(size=46)
    left_lines = [("Nơi nhận:", font(bold=True, italic=True, size=50))] + [("- " + r, small) for r in spec["recipients"]]
    ly = y
    for text, f in left_lines:
        d.text((LEFT, ly), nfc(text), font=f, fill=0)
        ly += 56
    centre = LEFT + (W - LEFT - RIGHT) * 0.72
    ry, boxes = y, {}
    for kind, text in spec["block"]:
        f = font(bold=True, size=54 if kind != "name" else 56)
        if kind == "name":
            ry += 210                                     # room for the signature
        width = d.textlength(nfc(text), font=f)
        d.text((centre - width / 2, ry), nfc(text), font=f, fill=0)
        boxes[kind] = (centre - width / 2, ry, centre + width / 2, ry + 60)
        ry += 68
    truth = drawn + "\n".join(nfc(t) for t, _ in left_lines) + "\n" + "\n".join(nfc(t) for _, t in spec["block"]) + "\n"

    rgb = np.repeat(np.asarray(img, dtype=np.float32)[:, :, None] / 255, 3, axis=2)
    paper = np.array([0.97, 0.955, 0.93], dtype=np.float32) + smooth_noise(rng, (H, W), 500, 0.015)[:, :, None]
    rgb = rgb * paper
    # Blue ballpoint signature between the title and the name, reaching into both.
    title, name = boxes["title"], boxes["name"]
    sig = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(sig)
    x, yy = name[0] - 40, (title[3] + name[1]) / 2 + 10
    points = []
    for k in range(int(rng.integers(5, 8))):
        for t in np.linspace(0, 1, 40):
            points.append((x + t * 90 + 50 * math.sin(t * math.pi * 2 + k), yy - 90 * math.sin(t * math.pi) * rng.uniform(0.6, 1.2)))
        x += 70 + rng.uniform(-10, 20)
    points.append((name[2] + 40, yy + 20))
    points.append((name[0] - 20, yy + 60))
    sd.line(points, fill=255, width=5, joint="curve")
    sig_a = np.asarray(sig.filter(ImageFilter.GaussianBlur(1.0)), dtype=np.float32)[:, :, None] / 255 * 0.9
    blue = np.array([0.12, 0.2, 0.62], dtype=np.float32)
    rgb = rgb * (1 - sig_a) + rgb * blue * sig_a
    # The red seal: two rings, the issuing body's name round the rim, a star in the middle; stamped
    # on the left third of the signature so that it covers the title and the name (as is the practice).
    r = 18 * MM
    cx, cy = title[0] + (title[2] - title[0]) * 0.3 + rng.uniform(-20, 20), (title[1] + name[3]) / 2 + rng.uniform(-15, 15)
    seal = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(seal)
    sd.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=int(1.3 * MM))
    sd.ellipse((cx - 0.72 * r, cy - 0.72 * r, cx + 0.72 * r, cy + 0.72 * r), outline=255, width=int(0.5 * MM))
    star = [(cx + 0.28 * r * math.cos(math.radians(90 + 72 * k)) * (1 if k % 2 == 0 else 1), cy - 0.28 * r * math.sin(math.radians(90 + 72 * k))) for k in range(5)]
    sd.polygon([star[(2 * k) % 5] for k in range(5)], fill=255)
    rim = nfc(spec["seal"])
    rim_font = font(bold=True, size=40)
    for k, ch in enumerate(rim):
        a = math.radians(200 - k * 220 / max(1, len(rim) - 1))
        tile = Image.new("L", (60, 60), 0)
        ImageDraw.Draw(tile).text((30, 30), ch, font=rim_font, fill=255, anchor="mm")
        tile = tile.rotate(math.degrees(a) - 90, resample=Image.BICUBIC)
        px, py = cx + 0.86 * r * math.cos(a), cy - 0.86 * r * math.sin(a)
        seal.paste(255, (int(px - 30), int(py - 30)), tile)
    seal_a = np.asarray(seal.filter(ImageFilter.GaussianBlur(1.2)), dtype=np.float32)
    density = np.clip(0.85 + smooth_noise(rng, (H, W), 30, 0.15), 0.45, 1)
    seal_a = (seal_a / 255 * density)[:, :, None]
    red = np.array([0.86, 0.12, 0.16], dtype=np.float32)
    rgb = rgb * (1 - seal_a) + rgb * red * seal_a           # ink multiplies: black text under it stays black
    rgb = rgb + rng.normal(0, 0.012, rgb.shape).astype(np.float32)
    im = Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8), mode="RGB")
    im = im.rotate(spec["skew"], resample=Image.BICUBIC, fillcolor=(246, 243, 237))
    im = im.resize((round(W * 200 / DPI), round(H * 200 / DPI)), Image.LANCZOS)
    return im, truth


# ---------------------------------------------------------------------------------------------

def text(name):
    with open(os.path.join(HERE, "texts", name + ".txt"), encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l.strip()]


SIGNATURES = [
    dict(name="sg-1", split="tune", skew=0.7, seal="ỦY BAN NHÂN DÂN HUYỆN ĐỒNG PHÚ",
         body=["Trên đây là Kế hoạch tổ chức Tháng hành động vì an toàn thực phẩm năm 2024 trên địa bàn huyện. Yêu cầu các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn nghiêm túc triển khai thực hiện; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo về Ủy ban nhân dân huyện (qua Phòng Y tế) để xem xét, giải quyết./."],
         recipients=["Sở Y tế;", "TT. Huyện ủy, TT. HĐND huyện;", "CT, các PCT UBND huyện;", "Các cơ quan, đơn vị liên quan;", "UBND các xã, thị trấn;", "Lưu: VT, YT."],
         block=[("on_behalf", "TM. ỦY BAN NHÂN DÂN"), ("on_behalf", "KT. CHỦ TỊCH"), ("title", "PHÓ CHỦ TỊCH"), ("name", "Trần Quốc Hưng")],
         signer=("Phó chủ tịch", "Trần Quốc Hưng")),
    dict(name="sg-2", split="tune", skew=-1.1, seal="HUYỆN ỦY TÂN UYÊN",
         body=["Các chi bộ, đảng bộ trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch cụ thể, tổ chức quán triệt đến cán bộ, đảng viên; định kỳ 6 tháng, một năm báo cáo kết quả thực hiện về Ban Thường vụ Huyện ủy (qua Ban Tuyên giáo Huyện ủy) để theo dõi, chỉ đạo."],
         recipients=["Ban Tuyên giáo Tỉnh ủy;", "Các đồng chí Huyện ủy viên;", "Các chi bộ, đảng bộ trực thuộc;", "Lưu Văn phòng Huyện ủy."],
         block=[("on_behalf", "T/M BAN THƯỜNG VỤ"), ("title", "PHÓ BÍ THƯ"), ("name", "Lê Thị Thanh Hà")],
         signer=("Phó bí thư", "Lê Thị Thanh Hà")),
    dict(name="sg-3", split="held-out", skew=1.4, seal="SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
         body=["Sở Văn hóa, Thể thao và Du lịch đề nghị các phòng, đơn vị thuộc Sở và Phòng Văn hóa và Thông tin các huyện, thị xã, thành phố phối hợp triển khai thực hiện Kế hoạch này; báo cáo kết quả về Sở trước ngày 20/12/2024 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./."],
         recipients=["UBND tỉnh (b/c);", "Giám đốc, các PGĐ Sở;", "Các phòng, đơn vị thuộc Sở;", "Lưu: VT, QLVH."],
         block=[("title", "GIÁM ĐỐC"), ("name", "Phạm Minh Tuấn")],
         signer=("Giám đốc", "Phạm Minh Tuấn")),
    dict(name="sg-4", split="held-out", skew=-0.6, seal="ỦY BAN MTTQ VIỆT NAM HUYỆN BÙ ĐĂNG",
         body=["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các xã, thị trấn và các tổ chức thành viên quan tâm phối hợp thực hiện; kết quả gửi về Ban Thường trực chậm nhất ngày 25/11/2024 để tổng hợp chung./."],
         recipients=["Ban TT. UBMTTQVN tỉnh;", "TT. Huyện ủy;", "Các tổ chức thành viên;", "UBMTTQVN các xã, thị trấn;", "Lưu: VT."],
         block=[("on_behalf", "TM. BAN THƯỜNG TRỰC"), ("title", "CHỦ TỊCH"), ("name", "Hoàng Văn Nghĩa")],
         signer=("Chủ tịch", "Hoàng Văn Nghĩa")),
]

# name, level, split, text, back-page text, skew (degrees), seed
PAGES = [
    ("pc-1", "photocopy", "tune", "A", "G", 2.3, 11),
    ("pc-2", "photocopy", "tune", "B", "E", -2.8, 12),
    ("pc-3", "photocopy", "held-out", "C", "F", 1.7, 13),
    ("pc-4", "photocopy", "held-out", "D", "G", -2.1, 14),
    ("fx-1", "fax", "tune", "B", "F", -1.6, 21),
    ("fx-2", "fax", "tune", "A", "E", 2.6, 22),
    ("fx-3", "fax", "held-out", "D", "F", 2.9, 23),
    ("fx-4", "fax", "held-out", "C", "G", -1.3, 24),
    ("cl-1", "clean", "held-out", "E", None, 0.9, 31),
    ("cl-2", "clean", "held-out", "F", None, -1.2, 32),
    ("cl-3", "clean", "held-out", "G", None, 0.5, 33),
]


def write_truth(name, truth):
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(truth)


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(os.environ.get("ONLY", "").split(",")) - {""}
    manifest = ["file\tlevel\tsplit\tnotes"]
    for name, level, split, body, back, skew, seed in PAGES:
        rng = np.random.default_rng(seed)
        paragraphs = text(body)
        truth = render_body(paragraphs)[2]
        if level == "clean":
            fname = name + ".png"
            if not only or name in only:
                clean(rng, paragraphs, skew).save(os.path.join(OUT, fname), dpi=(300, 300), optimize=True)
            note = "300 dpi 1-bit, skew %+.1f" % skew
        elif level == "fax":
            fname = name + ".png"
            if not only or name in only:
                fax(rng, paragraphs, text(back), skew).save(os.path.join(OUT, fname), dpi=(200, 200), optimize=True)
            note = "200 dpi 1-bit, dense specks and streaks, skew %+.1f" % skew
        else:
            fname = name + ".jpg"
            if not only or name in only:
                photocopy(rng, paragraphs, text(back), skew).save(os.path.join(OUT, fname), dpi=(200, 200), quality=65, optimize=True)
            note = "200 dpi grey JPEG q65, uneven paper, bleed-through, holes, staple, edge shadow, specks, skew %+.1f" % skew
        write_truth(name, truth)
        manifest.append("\t".join((fname, level, split, "text %s; %s" % (body, note))))
        print(name, flush=True)
    for spec in SIGNATURES:
        rng = np.random.default_rng(100 + int(spec["name"][-1]))
        fname = spec["name"] + ".jpg"
        im, truth = signature_page(rng, spec)
        if not only or spec["name"] in only:
            im.save(os.path.join(OUT, fname), dpi=(200, 200), quality=80, optimize=True)
        write_truth(spec["name"], truth)
        with open(os.path.join(OUT, spec["name"] + ".signer.txt"), "w", encoding="utf-8") as f:
            f.write("%s\t%s\n" % spec["signer"])
        manifest.append("\t".join((fname, "seal", spec["split"], "200 dpi colour JPEG q80, red seal over title and name, blue signature, skew %+.1f" % spec["skew"])))
        print(spec["name"], flush=True)
    with open(os.path.join(OUT, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
