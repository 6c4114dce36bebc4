#!/usr/bin/env python3
"""Regenerate content/policy/t2s.txt from the Unicode Unihan database.

Needs Debian's `unicode-data` package (/usr/share/unicode/Unihan_Variants.txt.bz2).
Character-level: for each ideograph with a kSimplifiedVariant different from itself,
the first Simplified target is kept. A few overrides suit parent-group vocabulary.
"""
import bz2

OVERRIDES = {
    "帳": "账",  # 轉帳/帳戶 (Taiwan) mean 转账/账户, not 帐 (tent)
    "裡": "里",
    "裏": "里",
    "瞭": "了",
    "著": "着",
    "週": "周",
    "佈": "布",
    "綫": "线",
    "囉": "啰",
    "嚟": "嚟",
}

pairs = {}
for line in bz2.open("/usr/share/unicode/Unihan_Variants.txt.bz2", "rt"):
    if "\tkSimplifiedVariant\t" not in line:
        continue
    f = line.split()
    src = int(f[0][2:], 16)
    tg = [int(x[2:], 16) for x in f[2:]]
    if src in tg:
        continue
    if not (0x3400 <= src <= 0x9FFF or 0xF900 <= src <= 0xFAFF):
        continue
    if tg[0] > 0xFFFF:
        continue
    pairs[chr(src)] = chr(tg[0])
for k, v in OVERRIDES.items():
    if k == v:
        pairs.pop(k, None)
    else:
        pairs[k] = v

items = sorted(pairs.items())
with open("content/policy/t2s.txt", "w") as o:
    o.write("# Traditional -> Simplified, one character pair per entry (Traditional first).\n")
    o.write("# Generated from the Unicode Unihan database (kSimplifiedVariant, Unicode 15.0)\n")
    o.write("# by tools/gen_t2s.py; character-level only.\n")
    for i in range(0, len(items), 20):
        o.write(" ".join(a + b for a, b in items[i:i + 20]) + "\n")
print(len(items), "pairs")
