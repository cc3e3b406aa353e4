"""Where a keystroke in a note goes, the release build in headless Chromium: the reader
benchmark's article (1,000,000 characters, CLAIMS claims) loaded from a file, opened by script
in a second browser (its accessibility tree stays off, as in profile_open.py), a claim's editor
opened, then KEYS keystrokes in its note. Prints, for each, the time its input event's handling
took, when the next frame began and when the task after that frame ran (its style, layout and
paint done), and Chromium's task, script, layout and style time for it; then the busiest
functions of a CPU profile of the last one. A tool for finding what to work on; asserts
nothing.

    profile_keystroke.py [DIST] [CLAIMS] [KEYS]   (TOP=n: how many functions to print, 15)
"""
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from browser import wait_for  # noqa: E402
from profile_open import (TIMES, arguments, metrics, open_big_article,  # noqa: E402
                          print_profile, quiet_browser, start_profile)

# One character added to the open note, as typing does; times in ms from the keystroke.
KEY = """
const done = arguments[arguments.length - 1];
const box = document.getElementById('claim-note');
const t0 = performance.now();
box.value = box.value + 'x';
box.dispatchEvent(new Event('input', {bubbles: true}));
const handled = performance.now() - t0;
requestAnimationFrame(() => {
  const frame = performance.now() - t0;
  setTimeout(() => done([handled, frame, performance.now() - t0]));
});
"""


def main():
    dist, claims, keys = arguments(6)
    with quiet_browser(dist, claims) as b:
        d = b.driver
        open_big_article(b, claims)
        d.execute_script("document.querySelector('.claim-entry').click()")
        wait_for("the editor", lambda: b.js("return !!document.getElementById('claim-note')"))
        time.sleep(1)
        for n in range(keys):
            before = metrics(d)
            if n == keys - 1:
                start_profile(d, 100)
            handled, frame, after_frame = d.execute_async_script(KEY)
            time.sleep(0.3)
            after = metrics(d)
            print(f"keystroke {n + 1}: handled in {handled:.1f} ms; the next frame began at"
                  f" {frame:.1f} ms, the task after it ran at {after_frame:.1f} ms; "
                  + ", ".join(f"{k} {1000 * (after[k] - before[k]):.1f} ms" for k in TIMES))
        print_profile(d, "the last keystroke", int(__import__("os").environ.get("TOP", "15")))


if __name__ == "__main__":
    main()
