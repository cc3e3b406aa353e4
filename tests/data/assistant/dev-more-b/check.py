#!/usr/bin/env python3
"""Check labels.jsonl against the articles/*.txt files.

For every file: each unit's text is found in order (searching from where the previous unit
ended), units do not overlap, only whitespace lies between, before and after them, and
indexes count from 0. Also checks the label fields are consistent, that every
articles/*.txt file is labelled, and prints the counts table of README.md. This folder has
no pages/ folder and no article taken from Readability, so the held-out copy's page check
and extract.py comparison are left out. If the article-extraction-benchmark ground truth is
present (GROUND_TRUTH below), it also checks that each article is its articleBody exactly.
"""
import glob
import json
import os
import re
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
JSONL = os.path.join(HERE, "labels.jsonl")

rows = [json.loads(l) for l in open(JSONL, encoding="utf-8")]
by_article = OrderedDict()
for r in rows:
    assert set(r) == {"article", "index", "text", "claim", "verdict", "source", "vague", "carried"}, r
    by_article.setdefault(r["article"], []).append(r)

ok = True
for art, units in by_article.items():
    text = open(os.path.join(HERE, "articles", art), encoding="utf-8").read()
    pos = 0
    for i, u in enumerate(units):
        if u["index"] != i:
            print(art, "index", u["index"], "expected", i); ok = False
        j = text.find(u["text"], pos)
        if j < 0:
            print(art, i, "NOT FOUND after", pos, repr(u["text"][:60])); ok = False; continue
        gap = text[pos:j]
        if gap.strip(" \t\n\r\f"):
            print(art, i, "non-whitespace gap", repr(gap)); ok = False
        if u["text"] != u["text"].strip(" \t\n\r\f") or not u["text"]:
            print(art, i, "unit has outer whitespace or is empty"); ok = False
        pos = j + len(u["text"])
        # label consistency
        c, v, s, vg, ca = u["claim"], u["verdict"], u["source"], u["vague"], u["carried"]
        if not c and (v is not None or s is not None or vg or ca):
            print(art, i, "non-claim with labels"); ok = False
        if c and v not in ("sourced", "unsourced"):
            print(art, i, "claim without verdict"); ok = False
        if v == "sourced" and (not s or vg):
            print(art, i, "sourced needs source, no vague"); ok = False
        if v == "unsourced" and (s is not None or ca):
            print(art, i, "unsourced with source/carried"); ok = False
    if text[pos:].strip(" \t\n\r\f"):
        print(art, "text left after last unit", repr(text[pos:pos + 80])); ok = False

names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, "articles", "*.txt")))
if sorted(by_article) != names:
    print("labelled articles", sorted(by_article), "differ from files", names); ok = False

# each article is the articleBody of one entry of Scrapinghub's article-extraction-benchmark
BENCHMARK_KEYS = {
    "smithsonian-1": "ea25dd7edff4d27973600f35728f20aed5a3eedcc23257d9c3afc3d3e840c3de",
    "barrons-1": "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584",
    "hollywoodreporter-1": "8267acacb9e4a109b1f7ee7bafe735b73e9c94180b703b131f9e90c9be044f39",
    "chron-1": "9ebb3af65694a953005df5bd3869b2cefc263e1dea0471e3ef361c66a264cdd3",
    "cbssports-1": "08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56",
}

GROUND_TRUTH = os.environ.get("AEB_GROUND_TRUTH",
                              "/work/shared/article-extraction-benchmark/ground-truth.json")
if os.path.isfile(GROUND_TRUTH):
    gt = json.load(open(GROUND_TRUTH, encoding="utf-8"))
    for a in names:
        n = a[:-4]
        if n not in BENCHMARK_KEYS:
            print(a, "has no benchmark key"); ok = False; continue
        if gt[BENCHMARK_KEYS[n]]["articleBody"] != open(
                os.path.join(HERE, "articles", a), encoding="utf-8", newline="").read():
            print(a, "differs from the benchmark articleBody"); ok = False
    print("ground-truth comparison done")
print("| article | units | claims | sourced | unsourced (vague) | carried |")
print("|---|---|---|---|---|---|")
tot = [0] * 6
for art, units in by_article.items():
    n = len(units)
    cl = sum(u["claim"] for u in units)
    so = sum(u["verdict"] == "sourced" for u in units)
    un = sum(u["verdict"] == "unsourced" for u in units)
    va = sum(u["vague"] for u in units)
    ca = sum(u["carried"] for u in units)
    for k, x in enumerate((n, cl, so, un, va, ca)):
        tot[k] += x
    print(f"| {art} | {n} | {cl} | {so} | {un} ({va}) | {ca} |")
print(f"| **total** | **{tot[0]}** | **{tot[1]}** | **{tot[2]}** | **{tot[3]} ({tot[4]})** | **{tot[5]}** |")
print("OK" if ok else "FAILED")
