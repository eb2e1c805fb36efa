#!/usr/bin/env python3
"""Re-encodes a pango-view PNG (8-bit RGB/RGBA/grey, non-interlaced) as a 1-bit PNG with a 300 dpi pHYs
chunk, so the scans stay small. Standard library only.

    python3 png_to_1bit.py IN.png OUT.png [THRESHOLD]
"""
import struct
import sys
import zlib


def chunks(data):
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    rows, prev, pos = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows


def read_grey(data):
    """A pango-view PNG's pixels as rows of grey levels (0 black … 255 white), alpha laid over white."""
    idat, header = b"", None
    for kind, body in chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0, "only 8-bit non-interlaced PNGs"
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    greys = []
    for line in unfilter(zlib.decompress(idat), width, height, bpp):
        row = []
        for x in range(width):
            px = line[x * bpp:(x + 1) * bpp]
            grey = (px[0] * 299 + px[1] * 587 + px[2] * 114) // 1000 if colour in (2, 6) else px[0]
            if colour in (4, 6):
                grey = (grey * px[-1] + 255 * (255 - px[-1])) // 255
            row.append(grey)
        greys.append(row)
    return width, height, greys


def one_bit_png(width, height, rows):
    """A 1-bit greyscale PNG at 300 dpi from rows of 0/1 pixels (1 is white), taken one row at a time."""
    out = bytearray()
    for row in rows:
        out.append(0)
        byte, bits = 0, 0
        for white in row:
            byte = (byte << 1) | white
            bits += 1
            if bits == 8:
                out.append(byte)
                byte, bits = 0, 0
        if bits:
            out.append(byte << (8 - bits))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ppm = round(300 / 0.0254)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
    return png + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) + chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b"")


def main():
    src, dst = sys.argv[1], sys.argv[2]
    threshold = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    width, height, greys = read_grey(open(src, "rb").read())
    png = one_bit_png(width, height, ([1 if grey >= threshold else 0 for grey in row] for row in greys))
    open(dst, "wb").write(png)


if __name__ == "__main__":
    main()
