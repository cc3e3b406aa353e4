"""A person at a browser: finds controls by role and accessible name (Chrome's own computed
values, through WebDriver), selects text by dragging the mouse, types, uploads, downloads."""
import contextlib
import json
import os
import pathlib
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = pathlib.Path(__file__).resolve().parents[2] / ".tools" / "node_modules" / "axe-core" / "axe.min.js"

# Where to look for each role, before asking Chrome for the computed role and name.
ROLE_CANDIDATES = {
    "button": "button, [role=button], input[type=file]",
    "textbox": "input:not([type]), input[type=text], input[type=url], textarea",
    "radio": "input[type=radio]",
    "combobox": "select",
    "searchbox": "input[type=search]",
    "switch": "input[type=checkbox]",
    "checkbox": "input[type=checkbox]",
    "link": "a[href]",
    "heading": "h1, h2, h3, h4, h5, h6",
    "DisclosureTriangle": "summary",
    "toolbar": "[role=toolbar]",
    "alert": "[role=alert]",
    "alertdialog": "[role=alertdialog]",
    "status": "[role=status]",
    "navigation": "nav",
    "complementary": "aside",
    "article": "article",
}


def wait_for(what, fn, timeout=10.0, interval=0.05):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = fn()
            if last:
                return last
        except StaleElementReferenceException:
            pass
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


class Browser:
    def __init__(self, url, home: pathlib.Path):
        self.url = url
        self.downloads = home / "downloads"
        self.downloads.mkdir(parents=True, exist_ok=True)
        profile = home / "profile"
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000",
        ]:
            opts.add_argument(arg)
        opts.add_experimental_option("prefs", {
            "download.default_directory": str(self.downloads),
            "download.prompt_for_download": False,
        })
        # The console, to catch anything the page's Content-Security-Policy refused.
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.csp_refusals = []
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {
            "behavior": "allow", "downloadPath": str(self.downloads), "eventsEnabled": True,
        })

    def quit(self):
        with contextlib.suppress(Exception):
            self.read_console()
        self.driver.quit()

    def read_console(self):
        """Reads the console so far; keeps what the Content-Security-Policy refused."""
        for entry in self.driver.get_log("browser"):
            if "Content Security Policy" in entry["message"]:
                self.csp_refusals.append(entry["message"])

    # -- pages -------------------------------------------------------------------------------
    def open_app(self):
        self.driver.get(self.url)
        self.wait_ready()

    def open_in_new_tab(self):
        """Opens the app in a second tab of the same browser (same storage) and switches to it;
        returns the window handles of the tab that was current and of the new one."""
        first = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        self.open_app()
        return first, self.driver.current_window_handle

    def reload(self):
        self.driver.refresh()
        self.wait_ready()

    def wait_ready(self):
        wait_for("the app to start", lambda: self.driver.find_elements(By.CSS_SELECTOR, ".article-text p"))

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    # -- finding things as a person would ------------------------------------------------------
    def all_by_role(self, role, name=None, exact=True):
        found = []
        for el in self.driver.find_elements(By.CSS_SELECTOR, ROLE_CANDIDATES[role]):
            if el.aria_role != role:
                continue
            label = (el.accessible_name or "").strip()
            if name is None or (label == name if exact else name in label):
                found.append(el)
        return found

    def by_role(self, role, name, exact=True, timeout=10.0):
        return wait_for(
            f"{role} named {name!r}",
            lambda: next(iter(el for el in self.all_by_role(role, name, exact) if el.is_displayed()), None),
            timeout,
        )

    def click(self, role, name, exact=True):
        self.by_role(role, name, exact).click()

    def select_option(self, name, option):
        """Chooses `option` (its visible text) in the drop-down list named `name`."""
        from selenium.webdriver.support.ui import Select
        Select(self.by_role("combobox", name)).select_by_visible_text(option)

    def type_into(self, name, text, clear=True):
        box = self.by_role("textbox", name)
        if clear:
            box.clear()
        box.send_keys(text)
        return box

    def upload(self, name, path):
        # A file chooser is a native dialog; WebDriver answers it by sending the path.
        field = wait_for(f"file input named {name!r}", lambda: next(
            (el for el in self.driver.find_elements(By.CSS_SELECTOR, "input[type=file]")
             if (el.accessible_name or "").strip() == name), None))
        field.send_keys(str(path))

    def alert_text(self):
        return " ".join(el.text for el in self.all_by_role("alert")).strip()

    def status_text(self):
        return " ".join(el.text for el in self.all_by_role("status")).strip()

    # -- reading the article -------------------------------------------------------------------
    def marks(self):
        return self.js("""
            return [...document.querySelectorAll('.article-text mark.hl')].map(m => ({
                cls: m.className, text: m.textContent, ids: m.dataset.ids,
                start: +m.dataset.start, end: +m.dataset.start + [...m.textContent].length }));""")

    def article_text(self):
        return self.js("return [...document.querySelectorAll('.article-text p')].map(p => p.textContent).join('\\n\\n');")

    # -- selecting with the mouse --------------------------------------------------------------
    def char_boxes(self, phrase):
        """Viewport boxes of the first and last characters of `phrase` in the article."""
        return self.js("""
            const phrase = arguments[0];
            const root = document.querySelector('.article-text');
            const nodes = [];
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let all = '';
            const paras = [...root.querySelectorAll('p')];
            for (let n; (n = walker.nextNode());) {
                const p = n.parentElement.closest('p');
                if (nodes.length && nodes[nodes.length - 1].p !== p) all += '\\n\\n';
                nodes.push({ n, p, at: all.length });
                all += n.data;
            }
            const i = all.indexOf(phrase);
            if (i < 0) return null;
            function point(k) {
                for (let j = nodes.length - 1; j >= 0; j--) {
                    if (nodes[j].at <= k && k < nodes[j].at + nodes[j].n.data.length)
                        return [nodes[j].n, k - nodes[j].at];
                }
                return null;
            }
            function box(k, width) {
                const [n, off] = point(k);
                const r = document.createRange();
                r.setStart(n, off); r.setEnd(n, off + width);
                const b = r.getClientRects()[0];
                return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
            }
            const first = point(i);
            first[0].parentElement.scrollIntoView({ block: 'center' });
            const lastIdx = i + phrase.length - 1;
            // An astral character is two UTF-16 units; measure the whole of it.
            const lastWidth = (phrase.codePointAt(phrase.length - 2) > 0xffff) ? 2 : 1;
            const lastStart = lastWidth === 2 ? lastIdx - 1 : lastIdx;
            return { first: box(i, 1), last: box(lastStart, lastWidth) };
        """, phrase)

    def select_by_dragging(self, phrase):
        boxes = wait_for(f"{phrase[:30]!r}… in the article", lambda: self.char_boxes(phrase))
        f, l = boxes["first"], boxes["last"]
        y1 = (f["top"] + f["bottom"]) / 2
        y2 = (l["top"] + l["bottom"]) / 2
        actions = ActionBuilder(self.driver)
        mouse = actions.pointer_action
        mouse.move_to_location(int(f["left"]) + 1, int(y1))
        mouse.pointer_down()
        mouse.move_to_location(int((f["left"] + l["right"]) / 2), int((y1 + y2) / 2))
        mouse.move_to_location(int(l["right"]) - 1, int(y2))
        mouse.pointer_up()
        actions.perform()
        selected = wait_for("a selection", lambda: self.js("return window.getSelection().toString()"))
        return selected

    def press(self, key):
        ActionChains(self.driver).send_keys(key).perform()

    # -- downloads -----------------------------------------------------------------------------
    def wait_download(self, before=()):
        # Chromium reserves the file's name with an empty file while it writes a .crdownload
        # beside it: done when no .crdownload is left and the file is whole JSON.
        # One listing decides: a second one could see a .crdownload the first did not (the
        # download starting in between), and return it as the file.
        def done():
            paths = list(self.downloads.iterdir())
            if any(p.name.endswith(".crdownload") for p in paths):
                return None
            for p in paths:
                if p.name not in before:
                    with contextlib.suppress(ValueError, OSError):
                        return p, json.loads(p.read_text(encoding="utf-8"))
            return None
        return wait_for("the download", done)

    def wait_download_file(self, before=()):
        """A finished download that is not in `before` (any format): its path."""
        def done():
            paths = list(self.downloads.iterdir())
            if any(p.name.endswith(".crdownload") for p in paths):
                return None
            with contextlib.suppress(OSError):
                fresh = [p for p in paths if p.name not in before and p.stat().st_size > 0]
                return fresh[0] if fresh else None
            return None
        return wait_for("the download", done)

    def downloaded_names(self):
        """The downloads' names; one still being written counts under its final name (Chromium
        was seen, once, to show a finished file's name as a .crdownload again a moment later)."""
        return {p.name.removesuffix(".crdownload") for p in self.downloads.iterdir()}

    def accessibility_problems(self):
        """What axe-core (installed by `.ci/setup --test`) finds against WCAG 2.1 A and AA in the
        page as it is now: one line per rule and element."""
        if not self.js("return !!window.axe"):
            self.js(AXE.read_text(encoding="utf-8"))
        found = self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})
              .then(r => done(r.violations.flatMap(v => v.nodes.map(
                  n => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary}`))))
              .catch(e => done([`axe failed: ${e}`]));""")
        return found

    def records(self, database="claimmark"):
        """The library's records in the browser's IndexedDB, as {key: value} (or those of
        another database of the same shape: the sync page's, `claimmark-sync`)."""
        return self.driver.execute_async_script("""
            const [name, done] = [arguments[0], arguments[arguments.length - 1]];
            const open = indexedDB.open(name);
            open.onerror = () => done(null);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('records')) { db.close(); return done({}); }
              const store = db.transaction('records').objectStore('records');
              const keys = store.getAllKeys(), values = store.getAll();
              values.onsuccess = () => {
                const out = {};
                keys.result.forEach((k, i) => out[k] = values.result[i]);
                db.close();
                done(out);
              };
              values.onerror = () => done(null);
            };""", database)

    def storage(self):
        """The stored library as one JSON value, built from its records (each article's details
        and text joined) the way a download of
        the whole library is laid out: user articles by when they were added, claims, deletion
        records and dismissals by id. None while nothing is stored."""
        records = self.records()
        if not records:
            return None
        parts = {"d": [], "a": [], "t": [], "x": []}
        for key, value in records.items():
            kind = key.split(":", 1)[0]
            if kind in parts:
                parts[kind].append(json.loads(value))
        # Each article's text is a record of its own; the details carry the text's hash.
        for doc in parts["d"]:
            doc.pop("textHash", None)
            doc["text"] = records.get(f"~text:{doc['id']}")
        whole = {
            "schemaVersion": json.loads(records.get("meta", "{\"schemaVersion\":4}"))["schemaVersion"],
            "documents": sorted(parts["d"], key=lambda d: (d.get("added", 0), d["id"])),
            "annotations": sorted(parts["a"], key=lambda a: a["id"]),
            "tombstones": sorted(parts["t"], key=lambda t: t["id"]),
            "dismissed": sorted(parts["x"], key=lambda d: (d["doc"], d["exact"])),
        }
        return json.dumps(whole, ensure_ascii=False, separators=(",", ":"))
