"""Where opening a big article goes, the release build in headless Chromium: the reader
benchmark's article (1,000,000 characters, CLAIMS claims) loaded from a file, then opened
OPENINGS times after a sample article. Prints, for each opening, when every highlight was in the
page, when the frame showing them was drawn and when the claims list was full (timed in the
page from the click), Chromium's task, script, layout and style time for it
(`Performance.getMetrics`), and its DOM nodes and JS heap after a forced garbage collection;
then the functions of a CPU profile of the last opening by their own time. A tool for finding
what to work on; asserts nothing.

Articles are opened by script, not through WebDriver's role-and-name lookup: that lookup turns
on Chromium's accessibility tree, which keeps removed nodes (about 70,000 more per opening of
a 5,000-claim article, counted after a garbage collection), and the node counts would say the
app leaks.

    profile_open.py [DIST] [CLAIMS] [OPENINGS]
"""
import collections
import contextlib
import json
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from browser import Browser, wait_for  # noqa: E402
from reader_scale import MARKS, OPEN, PARAGRAPH  # noqa: E402
from served import served  # noqa: E402
from test_records import library_file  # noqa: E402

CLICK = ("for (const b of document.querySelectorAll('button'))"
         " if (b.textContent.includes(arguments[0])) { b.click(); return true; } return false;")
TIMES = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")


def metrics(driver):
    return {m["name"]: m["value"] for m in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}


def name_of(frame):
    """A frame's function and file; an anonymous function of a file also by its line and
    column (the glue's functions have no names)."""
    name, url = frame["functionName"], frame["url"].rsplit("/", 1)[-1]
    if not name and url:
        return f"(anonymous) {url}:{frame['lineNumber'] + 1}:{frame['columnNumber'] + 1}"
    return f"{name or '(anonymous)'} {url}"


def own_time(profile, top=30):
    """(milliseconds, function and file) of the profile's busiest functions, idle left out."""
    nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
    own = collections.Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0]):
        frame = nodes[sample]
        if frame["functionName"] != "(idle)":
            own[name_of(frame)] += delta
    return [(us / 1000, name) for name, us in own.most_common(top)]


def open_big_article(b, claims):
    """Opens the benchmark's article by script and waits for its `claims` highlights."""
    wait_for("the article", lambda: b.driver.execute_script(CLICK, "Big article 0"), timeout=60)
    wait_for("the highlights", lambda: b.js(MARKS) >= claims, timeout=600)


def start_profile(driver, interval):
    """Starts Chromium's CPU profiler, sampling every `interval` microseconds."""
    driver.execute_cdp_cmd("Profiler.enable", {})
    driver.execute_cdp_cmd("Profiler.setSamplingInterval", {"interval": interval})
    driver.execute_cdp_cmd("Profiler.start", {})


def inclusive_time(profile, top=30):
    """(milliseconds, function and file) of the functions whose calls took longest, callees
    included (a function counted once a sample however often it is on the stack)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", [])}
    label = {i: name_of(n["callFrame"]) for i, n in nodes.items()}
    total = collections.Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0]):
        if nodes[sample]["callFrame"]["functionName"] == "(idle)":
            continue
        seen, at = set(), sample
        while at is not None:
            seen.add(label[at])
            at = parent.get(at)
        for name in seen:
            total[name] += delta
    return [(us / 1000, name) for name, us in total.most_common(top)]


def print_profile(driver, what, top=30):
    """Stops the profiler and prints the busiest functions of what it saw, by own time (and,
    with INCLUSIVE=1 in the environment, by time with their callees: with a build that keeps
    the wasm's function names, where the time goes in Rust). Such a build: a copy of index.html
    whose main `rel="rust"` link has `data-keep-debug` and `-g` first in its
    `data-wasm-opt-params`, built by `trunk build --release --offline --dist DIR COPY.html`."""
    profile = driver.execute_cdp_cmd("Profiler.stop", {})["profile"]
    if os.environ.get("PROFILE_JSON"):
        # (Chromium's DevTools opens it: Performance, "Load profile".)
        pathlib.Path(os.environ["PROFILE_JSON"]).write_text(json.dumps(profile))
    print(f"CPU profile of {what}, own time:")
    for ms, name in own_time(profile, top):
        print(f"{ms:8.2f} ms  {name}")
    if os.environ.get("INCLUSIVE"):
        print(f"CPU profile of {what}, with callees:")
        for ms, name in inclusive_time(profile, top):
            print(f"{ms:8.2f} ms  {name}")


def arguments(count):
    """DIST, CLAIMS and a count from the command line (`count` when not given)."""
    args = sys.argv[1:]
    return (pathlib.Path(args[0] if args else "dist"), int(args[1]) if len(args) > 1 else 5_000,
            int(args[2]) if len(args) > 2 else count)


@contextlib.contextmanager
def quiet_browser(dist, claims):
    """A browser on the app served from `dist`, the benchmark's article of `claims` claims loaded
    into its profile by another browser before it: this one never asks for accessible names, so
    its accessibility tree stays off (A11Y=1 turns it on). Yields it with Chromium's performance
    metrics on."""
    with served(dist, "profile") as (url, home):
        path = library_file(home / "article.json", articles=1, chars=1_000_000, claims=claims,
                            paragraph=PARAGRAPH)
        b = Browser(url, home / "load")
        try:
            b.open_app()
            b.upload("Load annotations", path)
            wait_for("every record stored", lambda: len(b.records() or {}) >= claims + 2,
                     timeout=600, interval=0.5)
        finally:
            b.quit()
        b = Browser(url, home / "load")
        try:
            b.driver.get(url)
            b.driver.execute_cdp_cmd("Performance.enable", {})
            if os.environ.get("A11Y"):
                # As under a screen reader, or WebDriver asking for accessible names.
                b.driver.execute_cdp_cmd("Accessibility.enable", {})
                # WebDriver's computed role and name (as the e2e tests and reader_scale.py ask
                # them) turn on more of it than the DevTools command alone: a tag took 37 ms
                # instead of 24 in one trace of each.
                first = wait_for("a button", lambda: b.all_by_role("button"), timeout=60)[0]
                assert first.accessible_name is not None
            yield b
        finally:
            b.quit()


def main():
    dist, claims, openings = arguments(3)
    with quiet_browser(dist, claims) as b:
        d = b.driver
        wait_for("the app", lambda: d.execute_script(CLICK, "Thousands of Iraqis"), timeout=60)
        d.set_script_timeout(600)
        for n in range(openings):
            d.execute_script(CLICK, "Thousands of Iraqis")
            wait_for("the sample", lambda: b.js(MARKS) == 0, timeout=60)
            time.sleep(1)
            before = metrics(d)
            if n == openings - 1:
                start_profile(d, 200)
            # Timed in the page, as reader_scale.py does: polling from here would wait for the
            # tasks that fill the claims list in after the highlights.
            shown, drawn, listed = d.execute_async_script(OPEN, "Big article 0", claims)
            time.sleep(0.5)
            d.execute_cdp_cmd("HeapProfiler.collectGarbage", {})
            after = metrics(d)
            print(f"opening {n + 1}: every highlight in the page at {shown:.0f} ms, the frame showing"
                  f" them drawn at {drawn:.0f} ms, the claims list full at {listed:.0f} ms; "
                  + ", ".join(f"{k} {1000 * (after[k] - before[k]):.0f} ms" for k in TIMES)
                  + f"; {after['Nodes']:,.0f} nodes and {after['JSHeapUsedSize'] / 1e6:.1f} MB of JS"
                  " heap after a garbage collection")
        print_profile(d, "the last opening (wasm functions are numbered unless the build keeps"
                         " its names)")


if __name__ == "__main__":
    main()
