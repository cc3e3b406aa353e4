#!/usr/bin/env python3
"""Extraction quality, printed (a benchmark: it asserts nothing).

    python3 tests/bench/extraction.py [--cli PATH] [--corpus DIR] [--show N]

1. The saved pages kept in the repo (tests/data/pages/<name>.html, with the article as a reader
   sees it in <name>.txt and, where known, its metadata in <name>.meta.json): per page and mean
   word precision, recall and F1 (bags of \\w+ words), and metadata right / carried.
2. With --corpus (the article-extraction benchmark's folder: html/<id>.html.gz,
   ground-truth.json, evaluate.py): the benchmark's own scorer, run on claimmark's output in a
   temporary copy, and the same figures split in two halves by page id (ids 0-7… and 8-f…),
   because the rules were developed looking at the first half only; and how often the page's
   address was found.
"""
import argparse
import collections
import gzip
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
WORD = re.compile(r"\w+", re.UNICODE)
# Pages added after the extraction rules were written, never looked at while writing them.
HELD_OUT = "nk-"


def extract(cli, paths):
    """Runs the CLI once over all pages; returns one result per path, in order."""
    run = subprocess.run([str(cli), "extract", *map(str, paths)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"claimmark-cli failed: {run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines()]


def prf(true, pred, unit):
    t, p = collections.Counter(unit(true)), collections.Counter(unit(pred))
    tp = sum((t & p).values())
    precision = tp / sum(p.values()) if p else (1.0 if not t else 0.0)
    recall = tp / sum(t.values()) if t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def words(s):
    return WORD.findall(s or "")


def shingles(s, n=4):
    w = words(s)
    return [tuple(w[i:i + n]) for i in range(max(1, len(w) - n + 1))] if w else []


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def squash(s):
    """Letters and digits, case-folded: "HeraldSun" is "Herald Sun"."""
    return "".join(c for c in (s or "").casefold() if c.isalnum())


def norm_url(u):
    if not u:
        return None
    u = re.sub(r"^https?://(www\.)?", "", u.strip().lower())
    return u.split("#")[0].split("?")[0].rstrip("/")


def repo_pages(cli, show):
    names = sorted(p.stem for p in PAGES.glob("*.html"))
    results = extract(cli, [PAGES / f"{n}.html" for n in names])
    print(f"Saved pages in the repo ({len(names)}), word precision / recall / F1:")
    rows = []
    meta_in = (collections.Counter(), collections.Counter())
    meta_out = (collections.Counter(), collections.Counter())
    for name, r in zip(names, results):
        truth = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
        p, rc, f = prf(truth, r["text"], words)
        rows.append((p, rc, f))
        flags = ""
        meta_file = PAGES / f"{name}.meta.json"
        if meta_file.exists():
            want = json.loads(meta_file.read_text(encoding="utf-8"))
            meta_right, meta_carried = meta_out if name.startswith(HELD_OUT) else meta_in
            wrong = []
            for key, value in want.items():
                if value is None:
                    continue
                meta_carried[key] += 1
                got = r.get(key)
                same = norm_url(got) == norm_url(value) if key == "url" else \
                    squash(got) == squash(value)
                if same:
                    meta_right[key] += 1
                else:
                    wrong.append(f"{key}: {got!r} (want {value!r})")
            flags = ("   metadata wrong: " + "; ".join(wrong)) if wrong else "   metadata right"
        print(f"  {name:<28} {p:6.3f} {rc:6.3f} {f:6.3f}{flags}")
    groups = [("all", lambda n: True),
              ("looked at while writing the rules (in-sample)", lambda n: not n.startswith(HELD_OUT)),
              ("added afterwards (held out)", lambda n: n.startswith(HELD_OUT))]
    for label, keep in groups:
        sel = [r for n, r in zip(names, rows) if keep(n)]
        print(f"  mean, {label:<45} {mean([x[0] for x in sel]):6.3f} {mean([x[1] for x in sel]):6.3f} "
              f"{mean([x[2] for x in sel]):6.3f}  ({len(sel)} pages)")
    for label, counts in [("in-sample", meta_in), ("held out", meta_out)]:
        right, carried = counts
        if carried:
            per = ", ".join(f"{k} {right[k]}/{carried[k]}" for k in sorted(carried))
            print(f"  metadata right, {label}: {sum(right.values())}/{sum(carried.values())} "
                  f"({sum(right.values()) / sum(carried.values()):.0%}): {per}")


def corpus(cli, folder, show):
    folder = pathlib.Path(folder)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    with tempfile.TemporaryDirectory(prefix="claimmark-extraction-") as tmp:
        tmp = pathlib.Path(tmp)
        html = tmp / "pages"
        html.mkdir()
        paths = []
        for i in ids:
            path = html / f"{i}.html"
            path.write_bytes(gzip.decompress((folder / "html" / f"{i}.html.gz").read_bytes()))
            paths.append(path)
        started = time.monotonic()
        results = extract(cli, paths)
        elapsed = time.monotonic() - started
        out = {i: {"articleBody": r["text"]} for i, r in zip(ids, results)}
        bench = tmp / "bench"
        (bench / "output").mkdir(parents=True)
        shutil.copy(folder / "evaluate.py", bench)
        shutil.copy(folder / "ground-truth.json", bench)
        (bench / "output" / "claimmark.json").write_text(json.dumps(out), encoding="utf-8")
        print(f"\nThe article-extraction benchmark ({len(ids)} pages, {folder}): its own scorer, "
              f"evaluate.py:")
        run = subprocess.run([sys.executable, "evaluate.py"], cwd=bench, capture_output=True, text=True)
        print("  " + run.stdout.strip().replace("\n", "\n  "))
        if run.returncode != 0:
            print(run.stderr)
    # The same figures (the benchmark's 4-word shingles, per-page normalised), by half.
    per_page = {}
    for i, r in zip(ids, results):
        per_page[i] = prf(truth[i].get("articleBody", ""), r["text"], shingles)
    for label, keep in [("ids 0-7 (development half)", "01234567"), ("ids 8-f (held out)", "89abcdef")]:
        sel = [per_page[i] for i in ids if i[0] in keep]
        p, rc = mean([x[0] for x in sel]), mean([x[1] for x in sel])
        print(f"  {label:<27} {len(sel):>3} pages: precision {p:.3f}, recall {rc:.3f}, "
              f"F1 {2 * p * rc / (p + rc):.3f}")
    carried = [i for i in ids if truth[i].get("url")]
    right = [i for i, r in zip(ids, results) if truth[i].get("url") and norm_url(r.get("url")) == norm_url(truth[i]["url"])]
    print(f"  page address found: {len(right)}/{len(carried)} ({len(right) / len(carried):.0%})")
    print(f"  extraction time, natively, all pages: {elapsed:.2f} s (one process, release build)")
    if show:
        worst = sorted(ids, key=lambda i: per_page[i][2])[:show]
        print(f"  worst {show} pages (precision, recall, F1):")
        for i in worst:
            p, rc, f = per_page[i]
            print(f"    {i[:16]}  {p:.3f} {rc:.3f} {f:.3f}  {truth[i].get('url', '')[:90]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "claimmark-cli"))
    ap.add_argument("--corpus")
    ap.add_argument("--show", type=int, default=0, help="list the N worst benchmark pages")
    args = ap.parse_args()
    repo_pages(args.cli, args.show)
    if args.corpus:
        corpus(args.cli, args.corpus, args.show)


if __name__ == "__main__":
    main()
