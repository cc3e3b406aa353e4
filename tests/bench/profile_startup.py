"""Where a start-up goes with a big library, the release build in headless Chromium: the
library benchmark's ARTICLES articles (20,000 characters and 20 claims each) loaded from a file,
then the page reloaded RELOADS times. Prints, for each reload, the wall time until the library
lists every article and Chromium's task, script, layout and style time for it; then the
functions of a CPU profile of the last reload by their own time. A tool for finding what to
work on; asserts nothing.

    profile_startup.py [DIST] [ARTICLES] [RELOADS]
"""
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from browser import Browser, wait_for  # noqa: E402
from profile_open import TIMES, arguments, metrics, print_profile, start_profile  # noqa: E402
from served import served  # noqa: E402
from test_records import library_entries, library_file  # noqa: E402


def main():
    dist, articles, reloads = arguments(3)
    with served(dist, "startup") as (url, home):
        path = library_file(home / "library.json", articles=articles, chars=20_000, claims=20)
        b = Browser(url, home / "profile")
        try:
            b.open_app()
            base = library_entries(b)
            b.upload("Load annotations", path)
            wait_for("every record stored", lambda: len(b.records() or {}) >= articles * 22 + 1,
                     timeout=1800, interval=0.5)
            d = b.driver
            d.execute_cdp_cmd("Performance.enable", {})
            for n in range(reloads):
                time.sleep(1)
                before = metrics(d)
                if n == reloads - 1:
                    start_profile(d, 200)
                t = time.perf_counter()
                d.refresh()
                wait_for("the library listed", lambda: library_entries(b) == base + articles,
                         timeout=600, interval=0.005)
                wall = (time.perf_counter() - t) * 1000
                after = metrics(d)
                print(f"reload {n + 1}: {wall:.0f} ms until the library lists every article; "
                      + ", ".join(f"{k} {1000 * (after[k] - before[k]):.0f} ms" for k in TIMES))
            print_profile(d, "the last reload (wasm functions are numbered unless the build keeps"
                             " its names)", top=40)
        finally:
            b.quit()


if __name__ == "__main__":
    main()
