#!/usr/bin/env python3
"""Scores `jiaxiao classify --jsonl` on a labelled JSONL set and prints aggregates only.

    python3 tools/score.py SET.jsonl [--bin target/release/jiaxiao] [--source rule|model|all]
                                     [--append] [--show]

Per category: precision, recall, F1 (a message counts as flagged for a category when the verdict
lists it). Benign flagged: messages with no label that got any category. --append also measures
robustness: every fee message that is caught is classified again with each of a fixed list of
harmless sentences appended, and the share still caught is printed. --show prints the misses and
false alarms (never use it on a blind set: looking at blind messages is tuning on them).
"""
import json, subprocess, sys, argparse

CATS = ["fee_collection", "off_campus_training", "ranking_disclosure", "homework_to_parents", "commercial_ad"]
# The four sentences the issue measured with, and a few more of the same families.
APPEND = [
    "别信陌生人的收款码，谨防诈骗。", "请问大家都看到了吗？", "转完记得查收回执哈。", "Beware of fake accounts!",
    "谢谢大家的配合🙏", "今天降温了，注意给孩子添衣。", "不要相信任何私聊你的陌生人。", "有问题请私聊我，谢谢！",
]

def classify(binary, items):
    inp = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(items))
    out = subprocess.run([binary, "classify", "--jsonl"], input=inp.encode(), capture_output=True, check=True).stdout
    res = [None] * len(items)
    for line in out.decode().splitlines():
        v = json.loads(line)
        res[v["id"]] = v
    return res

def cats_of(v, source):
    if source == "all":
        return set(v.get("categories", []))
    return {m["category"] for m in v.get("matches", []) if m.get("source", "rule") == source}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set")
    ap.add_argument("--bin", default="target/release/jiaxiao")
    ap.add_argument("--source", default="all")
    ap.add_argument("--append", action="store_true")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.set, encoding="utf-8") if l.strip()]
    res = classify(a.bin, [r["text"] for r in rows])
    print(f"{a.set}: {len(rows)} messages, source={a.source}")
    print(f"| category | n | P | R | F1 |")
    print(f"|---|---|---|---|---|")
    for c in CATS:
        tp = fp = fn = 0
        for r, v in zip(rows, res):
            got, want = c in cats_of(v, a.source), c in r["labels"]
            tp += got and want; fp += got and not want; fn += want and not got
            if a.show and got != want:
                print(f"  {'MISS' if want else 'FALSE'} {c} {r['id']}: {r['text'][:120]!r}", file=sys.stderr)
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"| {c} | {tp + fn} | {p:.3f} | {rc:.3f} | {f1:.3f} |")
    benign = [(r, v) for r, v in zip(rows, res) if not r["labels"]]
    flagged = sum(1 for r, v in benign if cats_of(v, a.source))
    print(f"| benign flagged | {len(benign)} | {flagged} / {len(benign)} = {flagged / max(1, len(benign)):.1%} | | |")
    if a.show:
        for r, v in benign:
            if cats_of(v, a.source):
                print(f"  FALSE benign {r['id']} {sorted(cats_of(v, a.source))}: {r['text'][:120]!r}", file=sys.stderr)
    if a.append:
        caught = [r["text"] for r, v in zip(rows, res) if "fee_collection" in r["labels"] and "fee_collection" in cats_of(v, a.source)]
        print(f"appended-sentence robustness over {len(caught)} caught fee messages:")
        total_kept = total = 0
        for s in APPEND:
            for sep in ["", "\n"]:
                again = classify(a.bin, [t + sep + s for t in caught])
                kept = sum(1 for v in again if "fee_collection" in cats_of(v, a.source))
                total_kept += kept; total += len(caught)
                print(f"  + {sep!r:5} {s}  kept {kept}/{len(caught)}")
        print(f"  overall kept {total_kept}/{total} = {total_kept / max(1, total):.1%}")

main()
