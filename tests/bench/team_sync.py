"""Team sync in the browser: two Chromium profiles (two checkers), each with the app and the team
sync page open, sharing a library through pouchdb-server on 127.0.0.1 (its store on disk), which
the site serves under /couch/ as the end-to-end tests do. For a library of N articles (20,000
characters and 20 claims each), loaded from one file into the first browser: its first sync to
the empty database (Connect until the page says it is in step), the second browser's first sync
(until in step, and until its app lists every article), and the delay from a keystroke in a note
in one browser's app until the other browser's app shows it (median of 5; both pages stamp the
time with the same clock, Date.now()). Prints figures; asserts nothing.

    team_sync.py [DIST] [ARTICLES ...]     (default: 50)
"""
import functools
import pathlib
import shutil
import statistics
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import conftest  # noqa: E402
from browser import Browser, wait_for  # noqa: E402
from test_records import library_entries, library_file, note  # noqa: E402
from test_team_sync import Couch, connect, couch_address, open_sync_page, status  # noqa: E402

EDITS = 5

# In the app: a keystroke's worth added to the open note, as the page hears a keystroke (an
# input event); returns the time.
TYPE = """
const box = document.getElementById('claim-note');
box.value = box.value + arguments[0];
box.dispatchEvent(new Event('input', {bubbles: true}));
return Date.now();
"""

# In the other app: waits until the open note ends with the text; returns the time.
SEEN = """
const [text, done] = [arguments[0], arguments[arguments.length - 1]];
const look = () => {
  const box = document.getElementById('claim-note');
  if (box && box.value.endsWith(text)) return done(Date.now());
  requestAnimationFrame(look);
};
look();
"""


def serve(dist):
    root = pathlib.Path(tempfile.mkdtemp(prefix="claimmark-teambench-"))
    shutil.copytree(dist, root / "app")
    handler = functools.partial(conftest.QuietHandler, directory=str(root))
    server = conftest.QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/app/", root, server


def until_in_step(b, timeout):
    t = time.perf_counter()
    wait_for("in step", lambda: "in step" in status(b), timeout=timeout, interval=0.02)
    return time.perf_counter() - t


def open_first_claim(b, articles):
    b.click("button", f"Big article {articles - 1}", exact=False)
    wait_for("its claims", lambda: b.all_by_role("button", "UNSOURCED", exact=False), timeout=120)
    b.all_by_role("button", "UNSOURCED", exact=False)[0].click()
    wait_for("the editor", lambda: note(b) is not None)


def run(dist, articles):
    couch = Couch()
    conftest.COUCH["port"] = couch.port
    url, root, server = serve(dist)
    a, b = Browser(url, root / "a"), Browser(url, root / "b")
    try:
        a.open_app()
        base = library_entries(a)
        path = library_file(root / "library.json", articles=articles, chars=20_000, claims=20)
        a.upload("Load annotations", path)
        wait_for("every record stored", lambda: len(a.records() or {}) >= articles * 22 + 1,
                 timeout=1800, interval=0.5)
        a_app, _ = open_sync_page(a)
        connect(a, couch_address(a))
        first = until_in_step(a, 3600)
        b.open_app()
        b_app, _ = open_sync_page(b)
        connect(b, couch_address(b))
        second = until_in_step(b, 3600)
        b.driver.switch_to.window(b_app)
        t = time.perf_counter()
        wait_for("B's app lists every article", lambda: library_entries(b) == base + articles,
                 timeout=600, interval=0.02)
        listed = second + time.perf_counter() - t
        a.driver.switch_to.window(a_app)
        open_first_claim(a, articles)
        open_first_claim(b, articles)
        delays = []
        for i in range(EDITS):
            text = f" edit{i}"
            seen = {}
            waiter = threading.Thread(target=lambda: seen.update(
                at=b.driver.execute_async_script(SEEN, text)))
            b.driver.set_script_timeout(60)
            waiter.start()
            time.sleep(0.3)  # B's wait is under way
            typed = a.driver.execute_script(TYPE, text)
            waiter.join()
            delays.append(seen["at"] - typed)
            time.sleep(1.0)
        return {"first_s": first, "second_s": second, "listed_s": listed,
                "delay_ms": statistics.median(delays), "delays": delays}
    finally:
        for x in (a, b):
            x.quit()
        server.shutdown()
        conftest.COUCH["port"] = None
        couch.stop()
        shutil.rmtree(couch.home, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)


def main():
    args = sys.argv[1:]
    dist = pathlib.Path(args[0] if args else "dist")
    for n in [int(x) for x in args[1:]] or [50]:
        f = run(dist, n)
        print(f"{n:>5} articles ({n * 20:,} claims): first sync of the library to an empty database "
              f"{f['first_s']:.1f} s; a second browser's first sync {f['second_s']:.1f} s (its app "
              f"lists every article after {f['listed_s']:.1f} s); a keystroke in one browser's app "
              f"until the other's app shows it {f['delay_ms']:.0f} ms (median of {EDITS}: "
              f"{', '.join(str(d) for d in f['delays'])} ms)")


if __name__ == "__main__":
    main()
