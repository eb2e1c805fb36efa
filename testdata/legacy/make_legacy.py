#!/usr/bin/env python3
"""Encodes each NAME.unicode.txt here as the 8-bit file a legacy Vietnamese editor would have saved:
tcvn3-*.unicode.txt → tcvn3-*.txt (TCVN 5712:1993 VN3, the .VnTime "ABC" table), vni-*.unicode.txt →
vni-*.txt (VNI-Windows). Everything that is not a Vietnamese letter is written in Windows-1252, the
code page those files were typed under, so curly quotes and dashes become 0x91-0x97 and 0x85.

The tables are written out here from the published charts, independently of the product's decoders
(src/Ingest.Extraction/Text/Tcvn3Codec.cs, VniCodec.cs); tests check the files against a third
encoder (tests/.../LegacyEncodingTests.cs TestEncoders) and that the product reads them back exactly.
Run: python3 testdata/legacy/make_legacy.py
"""
import pathlib, unicodedata

here = pathlib.Path(__file__).parent

# VN3: lower-case letters only (capitals with a tone come from a second font, .VnTimeH), plus the
# seven capitals without a tone.
TCVN3 = dict(zip(
    "ĂÂÊÔƠƯĐăâêôơưđ"
    "àảãáạằẳẵắặầẩẫấậ"
    "èẻẽéẹềểễếệ"
    "ìỉĩíị"
    "òỏõóọồổỗốộờởỡớợ"
    "ùủũúụừửữứự"
    "ỳỷỹýỵ",
    [0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE,
     0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
     0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6,
     0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
     0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
     0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9,
     0xFA, 0xFB, 0xFC, 0xFD, 0xFE]))

# VNI-Windows: a base letter then one byte for hat/breve+tone or tone (lower-case bytes shown; capitals
# use the upper-case byte); i with a tone, ỵ, ơ, ư and đ have bytes of their own.
VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_HAT = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(ch):
    if ch in "đĐ":
        return "ñ" if ch == "đ" else "Ñ"
    d = unicodedata.normalize("NFD", ch)
    if len(d) == 1:
        return ch
    base, marks = d[0], d[1:]
    up = base.isupper()
    cased = (lambda s: s.upper()) if up else (lambda s: s)
    tone = next((m for m in marks if m in VNI_TONE), None)
    modifier = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
    if base.lower() == "i":
        return cased(VNI_I[tone])
    if base.lower() == "y" and tone == "\u0323":
        return cased("î")
    if modifier == "\u031b":
        return cased("ô" if base.lower() == "o" else "ö") + (cased(VNI_TONE[tone]) if tone else "")
    if modifier == "\u0302":
        return base + cased(VNI_HAT[tone])
    if modifier == "\u0306":
        return base + cased(VNI_BREVE[tone])
    return base + cased(VNI_TONE[tone])


def tcvn3(ch):
    if ch in TCVN3:
        return chr(TCVN3[ch])
    if unicodedata.normalize("NFD", ch)[0] != ch and ch.lower() in TCVN3:
        return chr(TCVN3[ch.lower()])  # a capital with a tone: written with the lower-case code
    return ch


for source in sorted(here.glob("*.unicode.txt")):
    text = unicodedata.normalize("NFC", source.read_text(encoding="utf-8"))
    encode = tcvn3 if source.name.startswith("tcvn3-") else vni
    latin = "".join(encode(c) for c in text)
    target = source.with_name(source.name.replace(".unicode", ""))
    target.write_bytes(latin.encode("cp1252"))
    print(f"{source.name} -> {target.name}")
