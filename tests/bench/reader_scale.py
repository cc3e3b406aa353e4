"""Reader at scale, the release build in headless Chromium: one article of 1,000,000 characters
with 50 claims, and the same with 5,000, each loaded from a file into a fresh profile, in the
same run; paragraphs of ten sentences. Prints for each: opening the article, from the click
(its button found first), until the frame that shows its highlights is drawn; tagging a claim
until the frame that shows its highlight is drawn; one keystroke in a note until its record is
in IndexedDB; a reload, from the start of the page's navigation, until the frame that shows the
highlights is drawn (all timed in the page); and for opening and reloading, when the claims
list held every claim's entry too (the list fills in after the highlights). And the ratios.
Asserts nothing.

    reader_scale.py [DIST] [CLAIMS ...]
"""
import pathlib
import statistics
import sys

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


# Watches the page from `t0` until `n` highlights are in it (seen by a mutation observer, right
# after the change, and by a timer, for changes made before it watched), then until the frame
# showing them is drawn (the first frame after, and the task after that frame), and until the
# claims list holds `n` entries. Calls `done` with those three times, in ms after `t0`.
WATCH = """
function watch(n, t0, done) {
  let shown = null, drawn = null, listed = null;
  const count = (sel) => document.querySelectorAll(sel).length;
  const check = () => {
    if (shown === null && count('.article-text mark.hl') >= n) {
      shown = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => { drawn = performance.now() - t0; check(); }));
    }
    if (listed === null && count('.claim-list .claim-entry') >= n) listed = performance.now() - t0;
    if (shown !== null && drawn !== null && listed !== null) {
      seen.disconnect();
      clearInterval(timer);
      done([shown, drawn, listed]);
    }
  };
  const seen = new MutationObserver(check);
  seen.observe(document, {subtree: true, childList: true});
  const timer = setInterval(check, 5);
}"""
# Opens the article: its button clicked in the page, then watched.
OPEN = WATCH + """
const [name, n, done] = arguments;
const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes(name));
const t0 = performance.now();
watch(n, t0, done);
button.click();"""


def reload(b, claims):
    """Reloads the page and returns when its highlights and list showed, in ms from the start of
    its navigation (a watcher installed before the page's own scripts run)."""
    script = b.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": WATCH + f"\nwatch({claims}, 0, (t) => {{ window.__shown = t; }});"})
    try:
        b.driver.refresh()
        wait_for("the highlights", lambda: b.js("return window.__shown || null"), timeout=600,
                 interval=0.05)
        return b.js("return window.__shown")
    finally:
        b.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument",
                                 {"identifier": script["identifier"]})


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
        b.by_role("button", "Big article 0", exact=False)
        b.driver.set_script_timeout(600)
        opened = []
        for _ in range(RUNS):
            # Clicked by script: the time is the app's, from the click, not WebDriver's search of
            # the page's buttons by role and name.
            opened.append(b.driver.execute_async_script(OPEN, "Big article 0", claims))
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
        reloads = [reload(b, claims) for _ in range(RUNS)]
        med = statistics.median
        return {"open": med(o[1] for o in opened), "tag": med(tags), "key": med(saves),
                "reload": med(r[1] for r in reloads), "opened list": med(o[2] for o in opened),
                "reloaded list": med(r[2] for r in reloads)}
    finally:
        b.quit()


def main():
    sizes, figures = compare("rbench", [50, 5_000], run, lambda n, f: (
        f"1,000,000 characters, {n:,} claims (medians of {RUNS}): open {f['open']:.0f} ms "
        f"(the list full at {f['opened list']:.0f} ms); tag a claim {f['tag']:.1f} ms; "
        f"a keystroke in a note {f['key']:.1f} ms; reload {f['reload']:.0f} ms "
        f"(the list full at {f['reloaded list']:.0f} ms)"))
    a, z = figures[sizes[0]], figures[sizes[-1]]
    print(f"ratio {sizes[-1]:,} / {sizes[0]:,} claims: " + ", ".join(
        f"{k} {z[k] / a[k]:.1f}x" for k in ("open", "tag", "key", "reload")))


if __name__ == "__main__":
    main()
