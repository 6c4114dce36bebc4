#!/usr/bin/env python3
"""Regenerate content/policy/fold.txt: single-character folds applied after NFKD.

Cyrillic and Greek look-alikes of Latin letters are listed by hand below; CJK Radicals
Supplement and CJK Strokes come from Unicode's EquivalentUnifiedIdeograph.txt (Debian's
`unicode-data` package). Kangxi radicals need no entry: NFKD already folds them.
"""

HOMOGLYPHS = (
    "аa бb вb еe ѐe ёe гr дd іi їi јj кk лn мm нh оo пn рp сc тt уy хx ѕs ԁd ԛq ԝw һh ӏl ьb ъb "
    "ѵv ѡw ɡg ɑa ǀl Аa Вb Еe Ѐe Ёe Кk Мm Нh Оo Рp Сc Тt Уy Хx Ѕs Іi Їi Јj Ԁd Ԛq Ԝw Һh Ӏl "
    "αa βb γy δd εe ηn ιi κk νv οo ρp τt υu χx ωw ϲc ϳj Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt "
    "Υy Χx ϒy"
).split()

SMALL_CAPITALS = "ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz".split()

radicals = []
for line in open("/usr/share/unicode/EquivalentUnifiedIdeograph.txt", encoding="utf-8"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    a, b = [x.strip() for x in line.split(";")]
    lo, _, hi = a.partition("..")
    for c in range(int(lo, 16), int(hi or lo, 16) + 1):
        t = int(b, 16)
        if (0x2E80 <= c <= 0x2EFF or 0x31C0 <= c <= 0x31EF) and t <= 0xFFFF:
            radicals.append(chr(c) + chr(t))

with open("content/policy/fold.txt", "w", encoding="utf-8") as o:
    o.write("# Single-character folds applied after NFKD, before Traditional->Simplified.\n")
    o.write("# Each entry is two characters: the look-alike, then what it folds to.\n")
    o.write("# Cyrillic and Greek letters that look like Latin ones:\n")
    o.write(" ".join(HOMOGLYPHS) + "\n")
    o.write("# Latin small capitals (ᴄʟᴀꜱꜱ ꜰᴜɴᴅ):\n")
    o.write(" ".join(SMALL_CAPITALS) + "\n")
    o.write("# CJK Radicals Supplement and CJK Strokes -> unified ideographs\n")
    o.write("# (Unicode EquivalentUnifiedIdeograph.txt, BMP targets only; Kangxi radicals are folded by NFKD):\n")
    for i in range(0, len(radicals), 20):
        o.write(" ".join(radicals[i:i + 20]) + "\n")
print(len(HOMOGLYPHS), "homoglyphs,", len(radicals), "radicals")
