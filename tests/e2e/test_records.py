"""The library as records in the browser's IndexedDB: a library far past localStorage's 5 MB
loaded from one file and still there after a reload; a library of the old store (schema 1, one
localStorage value) moved over once; a damaged record set aside; two tabs editing the same
claim."""
import json

from browser import wait_for
from test_claimmark import claim_count, open_seed

# A library as the release before last stored it in localStorage (schema 1), byte for byte.
V1 = ('{"schemaVersion":1,"documents":[{"id":"user-1","title":"My pasted text.","text":'
      '"My pasted text. The minister said prices fell.","origin":"user","added":5}],'
      '"annotations":[{"id":"urn:uuid:b","doc":"user-1","start":16,"end":46,'
      '"exact":"The minister said prices fell","prefix":"My pasted text. ","suffix":".",'
      '"verdict":"sourced","note":"a note","evidence":"","created":8,"modified":9}],'
      '"tombstones":[{"id":"urn:uuid:a","deleted":10}],"dismissed":[]}')

SENTENCE = "The minister said prices fell number {n} of article {d}."


def library_file(path, articles, chars, claims, paragraph=0):
    """A W3C annotation collection as claimmark downloads it: `articles` user articles of
    about `chars` characters, `claims` claims each; with `paragraph`, a paragraph break after
    every that many sentences (else each article is one paragraph)."""
    docs, items = [], []
    for d in range(articles):
        sentences = [SENTENCE.format(n=n, d=d) for n in range(claims)]
        filler = f"Article {d} goes on about nothing in particular."
        sentences += [filler] * max(1, (chars - sum(map(len, sentences))) // (len(filler) + 1))
        text = "".join(x + ("\n\n" if paragraph and (i + 1) % paragraph == 0 else " ")
                       for i, x in enumerate(sentences))
        doc_id = f"big-{d}"
        docs.append({"id": f"urn:claimmark:doc:{doc_id}", "type": "Text", "label": f"Big article {d}",
                     "claimmark:origin": "user", "claimmark:text": text,
                     "claimmark:added": f"2026-01-01T00:{d // 60:02d}:{d % 60:02d}Z"})
        for n, s in enumerate(sentences[:claims]):
            start = text.index(s)
            items.append({
                "id": f"urn:uuid:00000000-0000-4000-8000-{d:06d}{n:06d}", "type": "Annotation",
                "motivation": "classifying", "created": "2026-01-02T00:00:00Z",
                "modified": "2026-01-02T00:00:00Z",
                "body": [{"type": "TextualBody", "purpose": "classifying",
                          "value": "sourced" if n % 2 else "unsourced"}],
                "target": {"source": f"urn:claimmark:doc:{doc_id}", "selector": [
                    {"type": "TextQuoteSelector", "exact": s, "prefix": text[max(0, start - 32):start],
                     "suffix": text[start + len(s):start + len(s) + 32]},
                    {"type": "TextPositionSelector", "start": start, "end": start + len(s)}]},
            })
    collection = {
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"claimmark": "urn:claimmark:vocab#"}],
        "type": "AnnotationCollection", "label": "claimmark: all annotations",
        "total": len(items), "claimmark:schemaVersion": 3, "claimmark:documents": docs,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def tag_a_claim(b):
    open_seed(b)
    b.select_by_dragging("The AFP added that those who were celebrating chanted")
    b.click("button", "Unsourced")
    wait_for("the claim stored", lambda: any(k.startswith("a:") for k in b.records()))


def note(b):
    return b.by_role("textbox", "Note").get_attribute("value")


def library_entries(b):
    return b.js("return document.querySelectorAll('.library li').length")


def test_a_library_past_five_megabytes_loads_from_one_file_and_stays(browser, tmp_path):
    b = browser
    path = library_file(tmp_path / "big-library.json", articles=300, chars=20_000, claims=20)
    assert path.stat().st_size > 6_000_000, "more than localStorage ever held"
    before = library_entries(b)
    b.upload("Load annotations", path)
    wait_for("the import message", lambda: "6000 new" in b.status_text().replace(",", ""), timeout=120)
    wait_for("all 300 stored", lambda: len(b.records()) >= 300 + 6000, timeout=120)
    assert not b.alert_text(), b.alert_text()
    records = b.records()
    assert all("\"text\"" not in records[k] and "article" in records[f"~text:{k[2:]}"]
               for k in records if k.startswith("d:")), "each text in a record of its own"
    b.reload()
    wait_for("all 300 after a reload", lambda: library_entries(b) == before + 300, timeout=60)
    stored = json.loads(b.storage())
    assert len(stored["documents"]) == 300 and len(stored["annotations"]) == 6000
    # Start-up read no text: opening an article reads its own.
    b.click("button", "Big article 299", exact=False)
    wait_for("its text", lambda: "article 299" in b.article_text())
    assert claim_count(b) == 20
    # A download of the whole library first reads every text.
    downloaded = b.downloaded_names()
    b.click("button", "Download all")
    got = json.loads(b.wait_download_file(downloaded).read_text(encoding="utf-8"))
    texts = {d["id"]: d["claimmark:text"] for d in got["claimmark:documents"]}
    assert len(texts) == 300 and all(f"of article {i}." in texts[f"urn:claimmark:doc:big-{i}"]
                                     for i in range(300)), "every article with its text"
    assert len(got["first"]["items"]) == 6000 and not b.alert_text(), b.alert_text()


# Holds back the library's full reading (every record but the texts) for 4 s, as a library of
# tens of thousands of claims holds it back: start-up shows the list first, then takes the
# claims in. The app is not changed; IndexedDB's answer reaches it later.
SLOW_CLAIMS = """
for (const name of ['getAll', 'getAllKeys']) {
  const real = IDBObjectStore.prototype[name];
  IDBObjectStore.prototype[name] = function (range) {
    const req = real.apply(this, arguments);
    if (range && range.lower === undefined && range.upper === '~text:') {
      req.addEventListener('success', e => {
        e.stopImmediatePropagation();
        setTimeout(() => req.onsuccess && req.onsuccess(e), 4000);
      });
    }
    return req;
  };
}
"""


def test_the_list_comes_before_the_claims_and_what_is_done_meanwhile_is_kept(browser):
    b = browser
    b.open_app()
    tag_a_claim(b)
    slow = b.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SLOW_CLAIMS})
    b.reload()
    # The list and the open article are there; the claims are still being read: the article's
    # counts are hidden, and its claims list says so.
    assert library_entries(b) == 5
    wait_for("the claims said to be read", lambda: "Reading the library's claims" in b.js(
        "return document.querySelector('.claims').textContent"))
    counts = b.js("return [...document.querySelectorAll('.library .count')]"
                  ".map(c => getComputedStyle(c).visibility)")
    assert counts and set(counts) == {"hidden"}, counts
    assert claim_count(b) == 0
    # No file is made of a library without its claims (it would pass for a backup).
    b.click("button", "Download all")
    assert "still being read" in b.by_role("alert", "", exact=False).text
    # A claim marked meanwhile.
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    b.click("button", "Sourced")
    # Then the stored claim arrives beside it, and the counts show.
    wait_for("both claims", lambda: claim_count(b) == 2, timeout=15)
    assert "Reading the library's claims" not in b.js("return document.querySelector('.claims').textContent")
    assert b.js("return getComputedStyle(document.querySelector('.library .count')).visibility") == "visible"
    wait_for("the new claim stored", lambda: sum(k.startswith("a:") for k in b.records()) == 2)
    assert not list(b.downloads.glob("*")), "nothing was downloaded"
    b.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": slow["identifier"]})
    b.reload()
    open_seed(b)
    wait_for("both claims after a reload", lambda: claim_count(b) == 2)
    verdicts = sorted(json.loads(v)["verdict"] for k, v in b.records().items() if k.startswith("a:"))
    assert verdicts == ["sourced", "unsourced"]


def test_a_library_of_the_old_store_moves_over_once(browser):
    b = browser
    b.js("localStorage.setItem('claimmark.library', arguments[0])", V1)
    b.reload()
    b.click("button", "My pasted text.", exact=False)
    wait_for("the moved article", lambda: "The minister said prices fell" in b.article_text())
    assert claim_count(b) == 1
    wait_for("the old value removed once the records are written",
             lambda: b.js("return localStorage.getItem('claimmark.library')") is None)
    stored = json.loads(b.storage())
    assert [d["id"] for d in stored["documents"]] == ["user-1"]
    assert stored["annotations"][0]["note"] == "a note"
    assert [t["id"] for t in stored["tombstones"]] == ["urn:uuid:a"]
    assert json.loads(b.records()["meta"]) == {"schemaVersion": 4}
    b.reload()
    b.click("button", "My pasted text.", exact=False)
    wait_for("still there", lambda: "The minister said prices fell" in b.article_text())
    assert claim_count(b) == 1 and not b.alert_text()


def test_a_damaged_record_is_set_aside_and_the_rest_loads(browser):
    b = browser
    tag_a_claim(b)
    b.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const open = indexedDB.open('claimmark');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').put('{"id":"broken", "doc":', 'a:broken');
          tx.oncomplete = () => { open.result.close(); done(); };
        };""")
    b.reload()
    msg = wait_for("the warning", lambda: b.alert_text())
    assert "could not be read" in msg and "a:broken" in msg and "aside:" in msg, msg
    open_seed(b)
    assert claim_count(b) == 1, "the other records load"
    records = wait_for("the record moved aside", lambda: "aside:a:broken" in b.records() and b.records())
    assert "a:broken" not in records and records["aside:a:broken"] == '{"id":"broken", "doc":'


def test_two_tabs_editing_the_same_claim_keep_the_newer(browser):
    b = browser
    tag_a_claim(b)
    first, second = b.open_in_new_tab()
    open_seed(b)
    wait_for("the claim in tab 2", lambda: claim_count(b) == 1)
    b.click("button", "UNSOURCED", exact=False)
    b.type_into("Note", "older note")
    wait_for("tab 2's note stored", lambda: "older note" in (b.storage() or ""))
    b.driver.switch_to.window(first)
    # The editor open here since the claim was tagged shows the other tab's note.
    wait_for("tab 1's open editor shows tab 2's note", lambda: note(b) == "older note")
    b.type_into("Note", "newer note")
    wait_for("the newer note stored", lambda: "newer note" in (b.storage() or ""))
    b.driver.switch_to.window(second)
    wait_for("tab 2's open editor shows the newer note", lambda: note(b) == "newer note")
    b.reload()
    b.click("button", "UNSOURCED", exact=False)
    assert note(b) == "newer note"
    assert len(json.loads(b.storage())["annotations"]) == 1


def test_an_article_added_and_replaced_in_one_tab_opens_with_its_text_in_the_other(browser):
    b = browser
    first, second = b.open_in_new_tab()
    b.driver.switch_to.window(first)
    b.click("DisclosureTriangle", "Add an article")
    b.type_into("Title", "Shared story")
    b.type_into("Article text", "The first version said prices fell.")
    b.click("button", "Add article")
    wait_for("the new article", lambda: "first version" in b.article_text())
    b.driver.switch_to.window(second)
    wait_for("tab 2 lists it", lambda: b.all_by_role("button", "Shared story", exact=False))
    b.click("button", "Shared story", exact=False)
    wait_for("tab 2 shows its text", lambda: "first version" in b.article_text())
    b.driver.switch_to.window(first)
    b.click("DisclosureTriangle", "Replace this article", exact=False)
    b.type_into("Corrected text", "The second version said prices rose.")
    b.click("button", "Replace text")
    b.driver.switch_to.window(second)
    wait_for("tab 2 shows the new text", lambda: "second version" in b.article_text())
    b.reload()
    b.click("button", "Shared story", exact=False)
    wait_for("read from storage after a reload", lambda: "second version" in b.article_text())
    assert not b.alert_text(), b.alert_text()


def test_an_article_whose_text_record_is_lost_keeps_its_claims_and_says_so(browser):
    b = browser
    # A claim elsewhere, which the backup must keep.
    tag_a_claim(b)
    b.click("DisclosureTriangle", "Add an article")
    b.type_into("Title", "Lost text")
    b.type_into("Article text", "The minister said prices fell in May.")
    b.click("button", "Add article")
    wait_for("the new article", lambda: "prices fell" in b.article_text())
    b.select_by_dragging("The minister said prices fell")
    b.click("button", "Sourced")
    key = wait_for("its text stored", lambda: next((k for k in b.records() if k.startswith("~text:")), None))
    b.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const open = indexedDB.open('claimmark');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').delete(arguments[0]);
          tx.oncomplete = () => { open.result.close(); done(); };
        };""", key)
    b.driver.refresh()  # not b.reload(): the article it opens has no text to show
    msg = wait_for("the message", lambda: b.alert_text())
    assert "“Lost text” is missing from browser storage" in msg and "claims are kept" in msg, msg
    assert claim_count(b) == 0, "nothing is shown as lost from an article whose text is not here"
    # Downloading the whole library leaves that article out, says so, and keeps everything else.
    before = b.downloaded_names()
    b.click("button", "Download all")
    msg = wait_for("the download", lambda: "without it" in b.alert_text() and b.alert_text())
    assert "“Lost text” is missing from browser storage" in msg, msg
    _, collection = b.wait_download(before)
    assert all(d.get("label") != "Lost text" for d in collection["claimmark:documents"])
    quotes = [sel["exact"] for item in collection["first"]["items"]
              for sel in item["target"]["selector"] if sel["type"] == "TextQuoteSelector"]
    assert quotes == ["The AFP added that those who were celebrating chanted"], quotes
    # Nothing stored changed: both claims, the article's details.
    records = b.records()
    assert sum(k.startswith("a:") for k in records) == 2 and any(k.startswith("d:") for k in records)


def test_without_indexeddb_the_work_lives_in_the_tab_and_the_user_is_told(browser):
    b = browser
    b.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "Object.defineProperty(window, 'indexedDB', {value: undefined});"})
    b.reload()
    msg = wait_for("the warning", lambda: b.alert_text())
    assert "not available" in msg and "download" in msg, msg
    open_seed(b)
    b.select_by_dragging("The AFP added that those who were celebrating chanted")
    b.click("button", "Unsourced")
    wait_for("the claim, in memory", lambda: claim_count(b) == 1)
    b.click("button", "Download article")
    _, doc = b.wait_download()
    assert doc["total"] == 1


def test_many_changes_not_downloaded_bring_a_quiet_reminder(browser):
    b = browser
    tag_a_claim(b)
    reminder = "changes or more since you last downloaded the whole library"
    assert reminder not in b.status_text()
    # A long note: a change a keystroke.
    b.type_into("Note", "x" * 110)
    wait_for("the reminder", lambda: reminder in b.status_text())
    # It is a live region: the next keystrokes leave its words as they were (a screen reader
    # would read it out again at each).
    said = b.js("return document.querySelector('.backup-reminder').textContent")
    assert said.startswith("100 changes or more"), said
    b.type_into("Note", "x" * 5, clear=False)
    wait_for("the notes stored", lambda: any('"note":"' + "x" * 115 + '"' in v for v in b.records().values()))
    assert b.js("return document.querySelector('.backup-reminder').textContent") == said
    # Put off: it goes, and stays gone after a reload.
    b.click("button", "Not now")
    wait_for("the reminder put off", lambda: reminder not in b.status_text())
    b.reload()
    assert reminder not in b.status_text()
    # Past as many changes again it comes back; downloading the whole library ends it.
    open_seed(b)
    b.click("button", "UNSOURCED", exact=False)
    b.type_into("Note", "y" * 110)
    wait_for("the reminder again", lambda: reminder in b.status_text())
    b.click("button", "Download all")
    b.wait_download()
    wait_for("the reminder gone with the download", lambda: reminder not in b.status_text())
    b.reload()
    assert reminder not in b.status_text()
    assert json.loads(b.js("return localStorage.getItem('claimmark.backup')"))["changes"] == 0


# Records which parts of the page change: for each mutation, the article text or claims list
# it is in, which of their runs (by position among the runs) it touched or replaced, how many
# runs it added or removed, list entries added and removed, paragraphs added and removed.
WATCH = """
window.changed = [];
const place = (node) => {
  const el = node.nodeType === 1 ? node : node.parentElement;
  const part = el && el.closest('.article-text, .claims .claim-list');
  if (!part) return null;
  const run = el.closest('.run');
  return [part.classList.contains('article-text') ? 'article' : 'list',
          run ? [...part.querySelectorAll('.run')].indexOf(run) : 'whole'];
};
new MutationObserver((ms) => {
  for (const m of ms) {
    const at = place(m.target);
    if (!at) continue;
    // A run added or removed as a whole is one change of the container; an entry of the list
    // added or removed inside a run, one of that run.
    const is = (n, test) => n.nodeType === 1 && test(n);
    const runs = [...m.addedNodes, ...m.removedNodes].filter((n) => is(n, (e) => e.classList.contains('run')));
    const entry = (e) => e.getAttribute('role') === 'listitem';
    const para = (e) => e.tagName === 'P';
    const count = (nodes, test) => [...nodes].filter((n) => is(n, test)).length;
    window.changed.push(at.concat([runs.length, count(m.addedNodes, entry), count(m.removedNodes, entry),
                                   count(m.addedNodes, para), count(m.removedNodes, para)]));
  }
}).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def test_a_change_redraws_only_the_run_of_the_text_and_list_it_touches(browser, tmp_path):
    """Tagging a claim in a long article with hundreds of claims redraws the one paragraph it
    is in and adds one entry to the claims list; a keystroke in a note redraws that one entry
    and nothing of the text; deleting a claim redraws its paragraph and removes its entry
    alone."""
    b = browser
    b.open_app()
    path = library_file(tmp_path / "long.json", articles=1, chars=120_000, claims=300, paragraph=10)
    b.upload("Load annotations", path)
    wait_for("the article listed", lambda: b.by_role("button", "Big article 0", exact=False), timeout=60)
    b.click("button", "Big article 0", exact=False)
    wait_for("its claims", lambda: claim_count(b) == 300, timeout=60)
    runs = b.js("return [document.querySelectorAll('.article-text .run').length,"
                " document.querySelectorAll('.claims .claim-list .run').length]")
    assert runs[0] > 10 and runs[1] > 3, runs

    b.js(WATCH)
    b.select_by_dragging("Article 0 goes on about nothing in particular.")
    b.click("button", "Unsourced")
    wait_for("the new claim", lambda: claim_count(b) == 301)
    changed = b.js("return window.changed")
    # One paragraph of the text replaced, in its run, and no run (the new claim's mark then
    # flagged as the one being edited, inside it); in the list one entry added, in its own new
    # run or in the run of the claims near it, and nothing else added or removed.
    article = [c for c in changed if c[0] == "article"]
    assert sum(c[2] for c in article) == 0, article
    assert [sum(c[5] for c in article), sum(c[6] for c in article)] == [1, 1], article
    assert len({c[1] for c in article}) == 1 and article[0][1] != "whole", article
    listed = [c for c in changed if c[0] == "list"]
    whole = sum(c[2] for c in listed if c[1] == "whole")
    inside = [c for c in listed if c[1] != "whole"]
    assert whole + sum(c[3] for c in inside) == 1, listed
    assert sum(c[4] for c in listed) == 0 and len({c[1] for c in inside}) <= 1, listed

    b.js("window.changed = []")
    b.type_into("Note", "x")
    wait_for("the note stored", lambda: any('"note":"x"' in v for v in b.records().values()))
    changed = b.js("return window.changed")
    assert not [c for c in changed if c[0] == "article"], changed
    listed = [c for c in changed if c[0] == "list"]
    # The claim's entry replaced, one removed and one added, in its run; no run redrawn.
    assert sum(c[2] for c in listed if c[1] == "whole") == 0, listed
    assert [sum(c[3] for c in listed), sum(c[4] for c in listed)] == [1, 1], listed
    assert len({c[1] for c in listed}) == 1, listed
    # The entry shows the note, and the next keystroke too (the claims were not placed again
    # for it, but the note is the note now).
    b.type_into("Note", "y", clear=False)
    wait_for("the note stored", lambda: any('"note":"xy"' in v for v in b.records().values()))
    notes = b.js("return [...document.querySelectorAll('.claim-list .claim-note')].map((e) => e.textContent)")
    assert notes.count("xy") == 1 and "x" not in notes, notes

    # Deleting a claim in the middle redraws its run; the list is then as a fresh drawing of the
    # article makes it: every claim once, in text order.
    # (Scrolled to first, as a person would: runs out of view are not laid out, so WebDriver
    # counts their entries as not displayed.)
    b.js("document.querySelector('.claim-entry[data-claim$=\"000150\"]').scrollIntoView()")
    b.click("button", "prices fell number 150 of article 0", exact=False)
    # The claim's highlight is scrolled into view.
    wait_for("its highlight in view", lambda: b.js("""
        const r = document.querySelector('.article-text mark[data-ids~="urn:uuid:00000000-0000-4000-8000-000000000150"]')
            .getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;"""))
    b.js("window.changed = []")
    b.click("button", "Delete claim")
    wait_for("the claim deleted", lambda: claim_count(b) == 300)
    # Its paragraph redrawn, no run; its entry removed from its run, nothing added to the list.
    changed = b.js("return window.changed")
    article = [c for c in changed if c[0] == "article"]
    assert [sum(c[2] for c in article), sum(c[5] for c in article), sum(c[6] for c in article)] == [0, 1, 1], article
    listed = [c for c in changed if c[0] == "list"]
    assert [sum(c[2] for c in listed), sum(c[3] for c in listed), sum(c[4] for c in listed)] == [0, 0, 1], listed
    drawn = b.js(LISTED)
    assert len(drawn) == 300 and len(set(drawn)) == 300, len(drawn)
    assert "urn:uuid:00000000-0000-4000-8000-000000000150" not in drawn
    b.reload()
    b.click("button", "Big article 0", exact=False)
    wait_for("its claims", lambda: claim_count(b) == 300, timeout=60)
    # (A list drawn afresh makes its first 200 entries at once and the rest in a later task:
    # in the end the same entries in the same order.)
    wait_for("the same list", lambda: b.js(LISTED) == drawn)


# The claims list's entries, by claim id, in the order shown.
LISTED = "return [...document.querySelectorAll('.claim-list .claim-entry')].map((e) => e.dataset.claim)"
