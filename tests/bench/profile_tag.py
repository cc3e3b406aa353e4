"""Where tagging a claim goes, the release build in headless Chromium: the reader benchmark's
article (1,000,000 characters, CLAIMS claims) loaded from a file and opened by script in a
browser whose accessibility tree stays off (as in profile_open.py), then TAGS times a phrase
selected and tagged with the keyboard shortcut, as reader_scale.py does. Prints, for each, the
time until the frame after its highlight appears has been drawn, and Chromium's task, script,
layout and style time for it; then the busiest functions of a CPU profile of the last one. A
tool for finding what to work on; asserts nothing.

    profile_tag.py [DIST] [CLAIMS] [TAGS]   (TOP=n: how many functions to print, 15)
"""
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from profile_open import (TIMES, arguments, metrics, open_big_article,  # noqa: E402
                          print_profile, quiet_browser, start_profile)
from reader_scale import PHRASE, TAG  # noqa: E402

# reader_scale.py's tagging, of the phrase where it is not marked yet (each tag a new claim), the
# shortcut pressed once the selection toolbar shows (here, with the accessibility tree off, 50 ms
# after selecting was sometimes before it).
TAG = TAG.replace("!node.data.includes(phrase)",
                  "(!node.data.includes(phrase) || node.parentElement.closest('mark'))").replace(
    "setTimeout(() => {", """const ready = (go) => {
  const bar = document.querySelector('.selection-toolbar');
  if (bar && !bar.hidden) go(); else setTimeout(() => ready(go), 5);
};
ready(() => {""", 1).replace("}, 50);", "});")


def main():
    dist, claims, tags = arguments(6)
    with quiet_browser(dist, claims) as b:
        d = b.driver
        open_big_article(b, claims)
        time.sleep(1)
        for n in range(tags):
            before = metrics(d)
            if n == tags - 1:
                start_profile(d, 100)
            shown = d.execute_async_script(TAG, PHRASE)
            time.sleep(0.5)
            after = metrics(d)
            print(f"tag {n + 1}: drawn at {shown:.1f} ms; "
                  + ", ".join(f"{k} {1000 * (after[k] - before[k]):.1f} ms" for k in TIMES))
        print_profile(d, "the last tag", int(__import__("os").environ.get("TOP", "15")))


if __name__ == "__main__":
    main()
