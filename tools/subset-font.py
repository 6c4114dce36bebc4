#!/usr/bin/env python3
"""Regenerate content/fonts/weekly-sans.otf: the font of the weekly picture (src/weekly.rs).

The font is Noto Sans CJK SC Regular (SIL Open Font License 1.1, see content/fonts/LICENSE-OFL.txt),
cut down to the few characters the picture can show, so that the binary stays small:
printable ASCII, a little punctuation, "…" (for labels that are too long), "通知", and every
character of the values of the `weekly-*`, `day-*` and `reminder-kind-*` keys of
locales/zh-CN/jiaxiao.ftl and locales/en/jiaxiao.ftl.

Run from the repository root:

    apt-get install fonts-noto-cjk   # Debian's font, the source
    pip install fonttools            # pyftsubset
    python3 tools/subset-font.py

Re-run it whenever one of those locale strings changes: the test `weekly::tests::font_covers_locales`
fails until the font covers every character of them again.
"""

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE = "Noto Sans CJK SC"
LOCALES = [Path("locales/zh-CN/jiaxiao.ftl"), Path("locales/en/jiaxiao.ftl")]
PREFIXES = ("weekly-", "day-", "reminder-kind-")
OUT = Path("content/fonts/weekly-sans.otf")

EXTRA = "".join(chr(c) for c in range(0x20, 0x7F)) + "%–-（）：:。，、/ …" + "0123456789" + "通知"


def ftl_values(path):
    """(key, value) of every message of a Fluent file: `key = value`, continued on indented lines."""
    messages, key = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*)$", line)
        if m:
            key = m.group(1)
            messages[key] = m.group(2)
        elif key and line[:1] in (" ", "\t") and line.strip():
            messages[key] += "\n" + line.strip()
        else:
            key = None
    return messages


def strip_placeables(value):
    """Drop `{ $var }` and other placeables; keep the text of string literals like `{ "," }`."""
    return re.sub(r"\{\s*(?:\"([^\"]*)\"|[^}]*)\s*\}", lambda m: m.group(1) or "", value)


def main():
    chars = set(EXTRA)
    for path in LOCALES:
        for key, value in ftl_values(path).items():
            if key.startswith(PREFIXES):
                chars.update(strip_placeables(value))
    chars.discard("\n")

    collection = TTCollection(str(SOURCE))
    index = next(i for i, f in enumerate(collection.fonts) if f["name"].getDebugName(1) == FACE)
    options = subset.Options()
    options.font_number = index
    options.layout_features = ["kern"]
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "GSUB"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(OUT), options)

    cmap = font.getBestCmap()
    missing = sorted(c for c in chars if ord(c) not in cmap)
    print(f"{OUT}: face {index} ({FACE}), {len(chars)} characters, {OUT.stat().st_size} bytes")
    if missing:
        print("not in the source font: " + " ".join(f"U+{ord(c):04X}" for c in missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
