"""Reader at scale, the release build in headless Chromium: one article of 1,000,000 characters
with 50 claims, and the same with 5,000, each loaded from a file into a fresh profile, in the
same run; paragraphs of ten sentences. Prints for each: opening the article, from the click
(its button found first), until its highlights show, tagging a claim until the frame that shows its highlight is drawn, one
keystroke in a note until its record is in IndexedDB (these two timed in the page), and a
reload until the highlights show again; and the ratios. Asserts nothing.

    reader_scale.py [DIST] [CLAIMS ...]
"""
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from browser import Browser, wait_for  # noqa: E402
from library_scale import save_one_edit  # noqa: E402
from served import compare  # noqa: E402
from test_records import library_file  # noqa: E402

RUNS = 5
# Sentences a paragraph, as news copy has them (about 500 characters): one paragraph of a
# million characters would measure Chromium's line layout of it at every change, not the app.
PARAGRAPH = 10
PHRASE = "Article 0 goes on about nothing in particular."
MARKS = "return document.querySelectorAll('.article-text mark.hl').length"

# Selects the first passage of the filler (as a person's selection: the app hears
# `selectionchange`), then tags it unsourced with the keyboard, timed in the page until one
# more highlight shows.
TAG = """
const [phrase, done] = [arguments[0], arguments[arguments.length - 1]];
const walker = document.createTreeWalker(document.querySelector('.article-text'), NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode()) && !node.data.includes(phrase)) {}
const at = node.data.indexOf(phrase), range = document.createRange();
range.setStart(node, at);
range.setEnd(node, at + phrase.length);
window.getSelection().removeAllRanges();
window.getSelection().addRange(range);
const count = () => document.querySelectorAll('.article-text mark.hl').length;
setTimeout(() => {
  const before = count(), text = document.querySelector('.article-text');
  // Until the frame that shows it is drawn: the first frame to begin after the new highlight
  // is in the page, then the task after that frame (its layout and paint done). The highlight
  // is seen as soon as it is in the page (a mutation observer, called right after the change);
  // looking for it once a frame saw it a frame late.
  const painted = () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
  const seen = new MutationObserver(() => {
    if (count() > before) {
      seen.disconnect();
      painted();
    }
  });
  seen.observe(text, {subtree: true, childList: true});
  const t0 = performance.now();
  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'u', bubbles: true}));
}, 50);"""


def wall(b, action, until, timeout=600):
    t = time.perf_counter()
    action()
    wait_for("the highlights", until, timeout=timeout, interval=0.005)
    return (time.perf_counter() - t) * 1000


def run(url, home, claims):
    path = library_file(home / f"article-{claims}.json", articles=1, chars=1_000_000, claims=claims,
                        paragraph=PARAGRAPH)
    b = Browser(url, home / f"profile-{claims}")
    try:
        b.open_app()
        b.upload("Load annotations", path)
        wait_for("every record stored", lambda: len(b.records() or {}) >= claims + 2,
                 timeout=600, interval=0.5)
        shows = lambda: b.js(MARKS) >= claims  # noqa: E731
        opened = []
        for _ in range(RUNS):
            # The button is found first: the time is the app's, from the click, not WebDriver's
            # search of the page's buttons by role and name.
            button = b.by_role("button", "Big article 0", exact=False)
            opened.append(wall(b, button.click, shows))
            # Back to a sample article between runs, so that each opening is a first showing.
            b.click("button", "Thousands of Iraqis", exact=False)
            wait_for("the sample", lambda: b.js(MARKS) == 0)
        b.click("button", "Big article 0", exact=False)
        wait_for("the highlights", shows, timeout=600)
        tags, saves = [], []
        for i in range(RUNS):
            tags.append(b.driver.execute_async_script(TAG, PHRASE))
            # The claim just tagged: the file's claims have ids of zeros.
            key = next(k for k in b.records() if k.startswith("a:") and not k.startswith("a:urn:uuid:00000000"))
            saves.append(save_one_edit(b, key, f"keystroke {i}"))
            b.click("button", "Delete claim")
        reloads = [wall(b, b.driver.refresh, shows) for _ in range(RUNS)]
        med = statistics.median
        return {"open": med(opened), "tag": med(tags), "key": med(saves), "reload": med(reloads)}
    finally:
        b.quit()


def main():
    sizes, figures = compare("rbench", [50, 5_000], run, lambda n, f: (
        f"1,000,000 characters, {n:,} claims (medians of {RUNS}): open {f['open']:.0f} ms; "
        f"tag a claim {f['tag']:.1f} ms; a keystroke in a note {f['key']:.1f} ms; "
        f"reload {f['reload']:.0f} ms"))
    a, z = figures[sizes[0]], figures[sizes[-1]]
    print(f"ratio {sizes[-1]:,} / {sizes[0]:,} claims: " + ", ".join(
        f"{k} {z[k] / a[k]:.1f}x" for k in ("open", "tag", "key", "reload")))


if __name__ == "__main__":
    main()
