"""End to end: the release build in real headless Chromium, driven as a person would."""
import json
import pathlib
import shutil
import subprocess
import sys

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from browser import wait_for

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "tests" / "w3c" / "tools" / "w3c-conformance"
SEED = ROOT / "seeds" / "000_698b5d7c01ae0af2.txt"
SEED_TITLE = "Thousands of Iraqis rushed to the streets of Baghdad"

SENTENCE = ("Thousands of Iraqis rushed to the streets of Baghdad on Thursday to celebrate a U.S. "
            "military strike that resulted in the death of Qasem Soleimani, the head of the Iranian "
            "Revolutionary Guard Corps-Quds Force, a U.S.-designated Foreign Terrorist Organization.")
# Overlaps the end of SENTENCE and runs into the next paragraph.
OVERLAP = ("a U.S.-designated Foreign Terrorist Organization.\n\n"
           "Secretary of State Mike Pompeo released a video")


def seed_text():
    """The article text as claimmark defines it: the seed file without its date marker.
    Python strings index by code point, as the W3C TextPositionSelector counts."""
    raw = SEED.read_text(encoding="utf-8")
    marker = " date 2020-01-03 "
    assert raw.startswith(marker)
    return raw[len(marker):]


def conformance(path):
    run = subprocess.run([sys.executable, str(CONFORMANCE), str(path)], capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


def open_seed(b):
    b.click("button", SEED_TITLE, exact=False)
    wait_for("the seed article", lambda: b.article_text().startswith("Thousands of Iraqis"))


def claim_count(b):
    return int(b.by_role("heading", "Claims (", exact=False).text.split("(")[1].rstrip(")"))


def test_mark_reload_download_upload_in_a_fresh_browser(browser_factory, tmp_path):
    b = browser_factory("first")
    b.open_app()
    open_seed(b)
    # The date marker is metadata: shown as the date, never as article text.
    assert "date 2020-01-03" not in b.article_text()
    assert b.js("return document.querySelector('.article-date').textContent") == "2020-01-03"

    # Select a sentence with the mouse and tag it with the toolbar button.
    selected = b.select_by_dragging(SENTENCE)
    assert selected == SENTENCE
    b.click("button", "Unsourced")
    wait_for("the unsourced highlight", lambda: any("hl-unsourced" in m["cls"] for m in b.marks()))

    # Select an overlapping span (across a paragraph break) and tag it with the keyboard.
    selected_overlap = b.select_by_dragging(OVERLAP)
    b.press("s")
    wait_for("the overlap", lambda: any("hl-mixed" in m["cls"] for m in b.marks()))
    marks = b.marks()
    assert "".join(m["text"] for m in marks if "hl-mixed" in m["cls"]) == \
        "a U.S.-designated Foreign Terrorist Organization."
    assert claim_count(b) == 2
    entry = b.by_role("button", SEED_TITLE, exact=False)
    assert "1 sourced" in entry.accessible_name and "1 unsourced" in entry.accessible_name
    # A highlight says what it holds when the pointer is over it (its title, set then).
    mixed = b.js("return document.querySelector('.article-text mark.hl-mixed')")
    ActionChains(b.driver).move_to_element(mixed).perform()
    wait_for("the title of the overlap", lambda: mixed.get_attribute("title"))
    assert mixed.get_attribute("title") in (
        "Sourced + Unsourced claim — click to edit", "Unsourced + Sourced claim — click to edit")
    # Clicking it opens its innermost claim, whose highlights are then marked as selected.
    mixed.click()
    wait_for("the overlap selected", lambda: "selected" in mixed.get_attribute("class"))

    # Click a highlight (the part only the first claim covers) and add a note and evidence.
    first_only = next(m for m in b.js(
        "return [...document.querySelectorAll('.article-text mark.hl-unsourced')]"))
    first_only.click()
    b.type_into("Note", "No attribution for the crowd size.")
    b.type_into("Evidence link", "https://www.afp.com/en/news")
    b.by_role("link", "Open the evidence")

    # Reload: both highlights, the note and the open article are restored.
    b.reload()
    assert b.by_role("heading", SEED_TITLE, exact=False)
    wait_for("both highlights after reload", lambda: {"hl-sourced", "hl-unsourced", "hl-mixed"} <= {
        c for m in b.marks() for c in m["cls"].split()})
    assert claim_count(b) == 2
    b.click("button", "No attribution for the crowd size", exact=False)  # the claim in the list
    assert b.by_role("textbox", "Note").get_attribute("value") == "No attribution for the crowd size."

    # Screenshot for the README: a seed article with highlights (after the flash has faded).
    wait_for("the flash to end", lambda: not b.js("return document.querySelector('mark.flash')"))
    b.driver.save_screenshot(str(ROOT / "tests" / "e2e" / "screenshot.png"))

    # Download the article's claims and check the file.
    b.click("button", "Download article")
    path, doc = b.wait_download()
    assert path.name.startswith("claimmark-") and path.suffix == ".json"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    code, out = conformance(path)
    assert code == 0, out
    text = seed_text()
    items = doc["first"]["items"]
    quotes = {}
    for item in items:
        sels = {s["type"]: s for s in item["target"]["selector"]}
        q, p = sels["TextQuoteSelector"], sels["TextPositionSelector"]
        assert text[p["start"]:p["end"]] == q["exact"], "positions count code points"
        assert text[:p["start"]].endswith(q["prefix"]) and text[p["end"]:].startswith(q["suffix"])
        verdict = next(x["value"] for x in item["body"] if x.get("purpose") == "classifying")
        quotes[verdict] = q["exact"]
        assert item["created"].endswith("Z") and item["modified"] >= item["created"]
    assert quotes["unsourced"] == SENTENCE == selected
    assert quotes["sourced"] == OVERLAP
    assert selected_overlap.replace("\n", "") == OVERLAP.replace("\n", "")
    unsourced = next(i for i in items if i["body"][0]["value"] == "unsourced")
    assert {"purpose": "commenting", "type": "TextualBody", "value": "No attribution for the crowd size.",
            "format": "text/plain"} in unsourced["body"]
    assert {"type": "SpecificResource", "purpose": "linking",
            "source": "https://www.afp.com/en/news"} in unsourced["body"]
    b.quit()

    # A fresh browser (new, empty profile): nothing there until the file is loaded.
    c = browser_factory("second")
    c.open_app()
    open_seed(c)
    assert c.marks() == [] and claim_count(c) == 0
    c.upload("Load annotations", path)
    wait_for("the import message", lambda: "2 new" in c.status_text())
    wait_for("both highlights from the file", lambda: {"hl-sourced", "hl-unsourced", "hl-mixed"} <= {
        cl for m in c.marks() for cl in m["cls"].split()})
    assert claim_count(c) == 2
    # Loading the same file again duplicates nothing.
    c.upload("Load annotations", path)
    wait_for("the second import message", lambda: "2 already here" in c.status_text())
    assert claim_count(c) == 2
    stored = json.loads(c.storage())
    assert stored["schemaVersion"] == 4 and len(stored["annotations"]) == 2

    # A broken file: a clear message, and nothing changes.
    before = c.storage()
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "AnnotationCollection", "first": {"items": [', encoding="utf-8")
    c.upload("Load annotations", broken)
    msg = wait_for("the error", lambda: c.alert_text())
    assert "broken.json was not loaded" in msg and "not valid JSON" in msg and "line 1" in msg, msg
    assert "Nothing was changed" in msg
    assert c.storage() == before and claim_count(c) == 2

    # Valid JSON naming an article that is not there: says what and where, changes nothing.
    stray = json.loads(path.read_text(encoding="utf-8"))
    stray["first"]["items"][1]["target"]["source"] = "urn:claimmark:doc:missing"
    stray["first"]["items"][1]["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    stray_path = tmp_path / "stray.json"
    stray_path.write_text(json.dumps(stray), encoding="utf-8")
    c.upload("Load annotations", stray_path)
    msg = wait_for("the second error", lambda: "stray.json" in c.alert_text() and c.alert_text())
    assert "first.items[1].target.source" in msg and "urn:claimmark:doc:missing" in msg, msg
    assert c.storage() == before


def test_pasted_article_with_emoji_travels_with_its_claims(browser_factory, tmp_path):
    b = browser_factory("paste")
    b.open_app()
    b.click("DisclosureTriangle", "Add an article")
    text = "Big 😀 news\r\n\r\nThe minister said “prices fell 3% 😀 in May” on Tuesday.\r\nNo source given."
    b.type_into("Title", "Emoji test")
    b.type_into("Article text", text)
    b.click("button", "Add article")
    wait_for("the new article", lambda: "prices fell" in b.article_text())
    phrase = "“prices fell 3% 😀 in May”"
    b.select_by_dragging(phrase)
    b.click("button", "Sourced")
    wait_for("the highlight", lambda: b.marks())
    assert "".join(m["text"] for m in b.marks()) == phrase

    b.click("button", "Download all")
    path, doc = b.wait_download()
    code, out = conformance(path)
    assert code == 0, out
    docs = {d["label"]: d for d in doc["claimmark:documents"]}
    assert docs["Emoji test"]["claimmark:text"] == text.replace("\r\n", "\n")
    item = doc["first"]["items"][0]
    sels = {s["type"]: s for s in item["target"]["selector"]}
    body = docs["Emoji test"]["claimmark:text"]
    p = sels["TextPositionSelector"]
    assert body[p["start"]:p["end"]] == phrase == sels["TextQuoteSelector"]["exact"]
    b.quit()

    c = browser_factory("paste-fresh")
    c.open_app()
    c.upload("Load annotations", path)
    wait_for("the import", lambda: "1 article added" in c.status_text())
    c.click("button", "Emoji test", exact=False)
    wait_for("the restored highlight", lambda: "".join(m["text"] for m in c.marks()) == phrase)


def test_html_file_is_reduced_to_text_never_rendered(browser, tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>HTML story</title><script>window.pwned = 1</script></head>"
        "<body><h1>Headline</h1><p>Officials said <b>nothing</b> &lt;img src=x onerror=\"window.pwned=2\"&gt;.</p>"
        "<img src=x onerror=\"window.pwned=3\"></body></html>", encoding="utf-8")
    browser.click("DisclosureTriangle", "Add an article")
    browser.upload("Open a saved page (.html, .mhtml), .txt or .md", page)
    wait_for("the HTML article", lambda: "Officials said" in browser.article_text())
    assert browser.by_role("heading", "HTML story"), "the page's own title, as Reader View takes it"
    assert 'Officials said nothing <img src=x onerror="window.pwned=2">.' in browser.article_text()
    assert browser.js("return document.querySelectorAll('.article-text b, .article-text img, .article-text script').length") == 0
    assert browser.js("return window.pwned === undefined")


def test_corrupted_storage_is_kept_aside_and_reported(browser):
    # A library of the old store (one localStorage value) that cannot be read: copied aside
    # there, never overwritten, and the user told where it is.
    browser.js("localStorage.setItem('claimmark.library', '{\"schemaVersion\":1,\"documents\":[');")
    browser.reload()
    msg = wait_for("the storage warning", lambda: browser.alert_text())
    assert "could not be read" in msg and "claimmark.library.unreadable." in msg, msg
    keys = browser.js("return Object.keys(localStorage)")
    backup = next(k for k in keys if k.startswith("claimmark.library.unreadable."))
    assert browser.js("return localStorage.getItem(arguments[0])", backup) == '{"schemaVersion":1,"documents":['


def test_two_tabs_lose_nothing(browser):
    b = browser
    open_seed(b)
    first_tab, second_tab = b.open_in_new_tab()
    open_seed(b)
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    b.click("button", "Sourced")
    wait_for("the claim in tab 2", lambda: claim_count(b) == 1)

    b.driver.switch_to.window(first_tab)
    wait_for("tab 1 to learn of tab 2's claim", lambda: claim_count(b) == 1)
    b.select_by_dragging("The AFP added that those who were celebrating chanted")
    b.click("button", "Unsourced")
    wait_for("both claims in tab 1", lambda: claim_count(b) == 2)

    b.driver.switch_to.window(second_tab)
    wait_for("both claims in tab 2", lambda: claim_count(b) == 2)
    b.reload()
    assert claim_count(b) == 2
    assert len(json.loads(b.storage())["annotations"]) == 2


def test_full_storage_warns_and_keeps_the_work(browser):
    b = browser
    open_seed(b)
    # The origin's quota used up, as in a long-used browser: Chromium's own quota, set to
    # what is stored now.
    used = b.js("return navigator.storage.estimate().then(e => e.usage)")
    origin = b.js("return location.origin")
    b.driver.execute_cdp_cmd("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": used})
    b.select_by_dragging("The AFP added that those who were celebrating chanted")
    b.click("button", "Unsourced")
    msg = wait_for("the quota warning", lambda: b.alert_text())
    assert "could not be saved" in msg and "full" in msg, msg
    assert claim_count(b) == 1 and b.marks()
    assert b.storage() is None or json.loads(b.storage())["annotations"] == [], "nothing half written"
    # Export still works.
    b.click("button", "Download article")
    _, doc = b.wait_download()
    assert doc["total"] == 1
    # Space again: the next change writes what waited too, and the claim survives a reload.
    b.driver.execute_cdp_cmd("Storage.overrideQuotaForOrigin", {"origin": origin})
    b.click("radio", "Sourced")
    wait_for("the claim stored", lambda: len(json.loads(b.storage() or '{"annotations":[]}')["annotations"]) == 1)
    assert not b.alert_text()
    b.reload()
    assert claim_count(b) == 1


def test_change_verdict_flash_restart_browser_delete_and_undo(browser_factory):
    b = browser_factory("profile")
    b.open_app()
    b.click("button", "VIDEO: Iraqi citizens dance", exact=False)
    phrase = "Syrian-American journalist Hassan Hassan tweeted another video"
    wait_for("the second seed", lambda: phrase in b.article_text())
    b.select_by_dragging(phrase)
    b.click("button", "Sourced")
    wait_for("the sourced highlight", lambda: [m for m in b.marks() if "hl-sourced" in m["cls"]])

    # Change the verdict in the editor.
    b.click("radio", "Unsourced")
    wait_for("the verdict change", lambda: [m["cls"] for m in b.marks()] == ["hl hl-unsourced depth-1 selected"])
    entry = b.by_role("button", "VIDEO: Iraqi citizens dance", exact=False)
    wait_for("the counts", lambda: "0 sourced" in entry.accessible_name and "1 unsourced" in entry.accessible_name)

    # Clicking the claim in the list flashes its highlight.
    b.click("button", "Close")
    b.click("button", "UNSOURCED", exact=False)
    wait_for("the flash", lambda: b.js("return !!document.querySelector('.article-text mark.flash')"))

    # Close the browser and open it again on the same profile: all restored, same article open.
    b.quit()
    c = browser_factory("profile")
    c.open_app()
    wait_for("the restored article", lambda: phrase in c.article_text())
    assert [m["text"] for m in c.marks()] == [phrase]

    # Delete it, and undo that: it comes back as it was, and stays after a reload.
    c.js("return document.querySelector('.article-text mark')").click()
    c.click("button", "Delete claim")
    wait_for("the deletion", lambda: c.marks() == [] and claim_count(c) == 0)
    assert "Claim deleted" in c.status_text()
    c.click("button", "Undo")
    wait_for("the undone deletion", lambda: [m["text"] for m in c.marks()] == [phrase] and claim_count(c) == 1)
    assert "Claim restored" in c.status_text()
    c.reload()
    wait_for("the restored claim after a reload", lambda: [m["text"] for m in c.marks()] == [phrase])
    assert "hl-unsourced" in c.marks()[0]["cls"]
    assert len(json.loads(c.storage())["annotations"]) == 1

    # Delete it again; it stays deleted after a reload.
    c.js("return document.querySelector('.article-text mark')").click()
    c.click("button", "Delete claim")
    wait_for("the deletion", lambda: c.marks() == [] and claim_count(c) == 0)
    c.reload()
    assert c.marks() == [] and claim_count(c) == 0
    assert json.loads(c.storage())["annotations"] == []


ORIGINAL = ("Intro line here.\n\nThe minister said prices fell 3% in May. "
            "Critics disagree strongly with that reading.")
CORRECTED = ("A new first paragraph replaced the intro.\n\nThe minister said prices fell 4% in May. "
             "Critics disagree strongly with that reading.")


def test_replacing_a_text_moves_flags_and_keeps_orphans(browser):
    b = browser
    b.click("DisclosureTriangle", "Add an article")
    b.type_into("Title", "Prices story")
    b.type_into("Article text", ORIGINAL)
    b.click("button", "Add article")
    wait_for("the new article", lambda: "The minister said" in b.article_text())
    for phrase, verdict in [("The minister said prices fell 3% in May.", "Sourced"),
                            ("Critics disagree strongly", "Unsourced"),
                            ("Intro line here.", "Unsourced")]:
        b.select_by_dragging(phrase)
        b.click("button", verdict)
        wait_for(f"the claim on {phrase!r}", lambda: phrase in [m["text"] for m in b.marks()])
    b.click("button", "Close")

    # Paste the corrected version.
    b.click("DisclosureTriangle", "Replace this article", exact=False)
    b.type_into("Corrected text", CORRECTED)
    b.click("button", "Replace text")
    msg = wait_for("the report", lambda: "Replaced the text" in b.status_text() and b.status_text())
    assert "1 claims in place, 1 moved (please confirm), 1 not found in the new text" in msg, msg
    assert "A new first paragraph" in b.article_text()
    moved = [m for m in b.marks() if "hl-moved" in m["cls"]]
    assert [m["text"] for m in moved] == ["The minister said prices fell 4% in May."]
    assert claim_count(b) == 3
    assert b.by_role("heading", "Not found in the text (1)")

    # Confirm the moved claim from its list entry.
    b.click("button", "MOVED: PLEASE CONFIRM", exact=False)
    assert "prices fell 3%" in b.js("return document.querySelector('.status-moved blockquote').textContent")
    assert b.accessibility_problems() == []  # moved and orphaned claims, the replace form
    b.click("button", "Confirm new place")
    wait_for("the confirmation", lambda: not [m for m in b.marks() if "hl-moved" in m["cls"]])

    # Re-attach the orphan to new text by selecting it.
    b.click("button", "NOT FOUND IN TEXT", exact=False)
    attach = b.by_role("button", "Attach to selected text")
    assert not attach.is_enabled()
    b.select_by_dragging("A new first paragraph replaced the intro.")
    wait_for("the attach button", lambda: attach.is_enabled())
    attach.click()
    wait_for("the re-attached claim",
             lambda: "A new first paragraph replaced the intro." in [m["text"] for m in b.marks()])
    assert not b.all_by_role("heading", "Not found in the text", exact=False)

    # All of it persists.
    b.reload()
    b.click("button", "Prices story", exact=False)
    wait_for("the article after reload", lambda: "A new first paragraph" in b.article_text())
    texts = sorted(m["text"] for m in b.marks())
    assert texts == sorted(["A new first paragraph replaced the intro.",
                            "The minister said prices fell 4% in May.", "Critics disagree strongly"])
    stored = json.loads(b.storage())
    assert all("status" not in a for a in stored["annotations"]), "all anchored again"


def suggestion_marks(b):
    return b.js("return [...document.querySelectorAll('.article-text mark.sg')].map(m => m.textContent)")


def click_suggestion(b, phrase):
    el = wait_for(f"the suggestion {phrase!r}", lambda: next(
        (m for m in b.js("return [...document.querySelectorAll('.article-text mark.sg')]")
         if phrase in m.text), None))
    b.js("arguments[0].scrollIntoView({block: 'center'})", el)
    el.click()


def test_claim_assistant_suggests_accepts_dismisses_and_finds_the_claim_elsewhere(browser):
    b = browser
    b.click("button", "Iran's elite Quds force commander", exact=False)
    wait_for("article 004", lambda: "Defense Department" in b.article_text())
    assert suggestion_marks(b) == []
    b.click("switch", "Suggest claims")
    wait_for("suggestions", lambda: len(suggestion_marks(b)) > 15)
    before = len(suggestion_marks(b))

    # Review one: the detected source is shown; accept it with the key.
    click_suggestion(b, "the Defense Department said in a statement")
    assert b.by_role("heading", "Suggested claim")
    assert "Attributed to: Defense Department" in b.js("return document.querySelector('.suggestion .detected').textContent")
    b.press("a")
    wait_for("the accepted claim", lambda: claim_count(b) == 1)
    assert [m["cls"] for m in b.marks()] == ["hl hl-sourced depth-1"]
    assert len(suggestion_marks(b)) == before - 1

    # Dismiss another, undo that, dismiss it again: it stays dismissed after a reload.
    click_suggestion(b, "PMF sympathizers orchestrated the protests")
    assert "No attribution found" in b.js("return document.querySelector('.suggestion .detected').textContent")
    b.click("button", "Dismiss")
    wait_for("the dismissal", lambda: not any("PMF sympathizers" in t for t in suggestion_marks(b)))
    assert "Suggestion dismissed" in b.status_text()
    b.click("button", "Undo")
    wait_for("the suggestion back", lambda: any("PMF sympathizers" in t for t in suggestion_marks(b)))
    assert "Suggestion restored" in b.status_text()
    click_suggestion(b, "PMF sympathizers orchestrated the protests")
    b.click("button", "Dismiss")
    wait_for("the dismissal again", lambda: not any("PMF sympathizers" in t for t in suggestion_marks(b)))
    # Stored before the reload. Once, under a full test run's load, the count after the reload
    # was wrong; which suggestions showed was not recorded, and the cause is not known (a note
    # typed and reloaded in the same script was kept 8 times out of 8).
    wait_for("the dismissal stored", lambda: any(
        k.startswith("x:") and "PMF sympathizers" in k and '"undone":true' not in v.replace(" ", "")
        for k, v in (b.records() or {}).items()))
    b.reload()
    # The switch stays on across a reload.
    try:
        wait_for("suggestions again", lambda: len(suggestion_marks(b)) == before - 2)
    except AssertionError:
        shown = suggestion_marks(b)
        raise AssertionError(f"after the reload {len(shown)} suggestion marks, not {before - 2}; "
                             f"the dismissed one shown: {any('PMF sympathizers' in t for t in shown)}")
    assert b.js("return document.querySelector('[role=switch]').checked") is True
    assert not any("PMF sympathizers" in t for t in suggestion_marks(b))

    # The keyboard path: n reviews the most check-worthy first, then the next in worth.
    b.js("document.activeElement && document.activeElement.blur()")
    chosen = "return document.querySelector('mark.sg.chosen')?.textContent"
    worth = "return Number(document.querySelector('.suggestion .worth')?.textContent.match(/(\\d+) of 100/)?.[1])"
    b.press("n")
    first = wait_for("a suggestion under review", lambda: b.js(chosen))
    scores = [b.js(worth)]
    seen = [first]
    for _ in range(4):
        b.press("n")
        wait_for("the next one", lambda: b.js(chosen) not in seen)
        seen.append(b.js(chosen))
        scores.append(b.js(worth))
    assert all(isinstance(x, int) and 0 <= x <= 100 for x in scores), scores
    assert scores == sorted(scores, reverse=True), scores
    assert scores[0] > min(scores) or len(set(scores)) == 1, scores
    b.press(Keys.ESCAPE)

    # Show only the five most check-worthy: five marks, which are the five n went through; the
    # choice stays after a reload.
    b.select_option("Show", "5 most check-worthy")
    wait_for("five suggestions", lambda: len(suggestion_marks(b)) == 5)
    assert sorted(suggestion_marks(b)) == sorted(seen), (suggestion_marks(b), seen)
    assert "5 suggestions" in b.js("return document.querySelector('.assistant-bar [role=status]').textContent")
    b.reload()
    wait_for("still five", lambda: len(suggestion_marks(b)) == 5)
    b.select_option("Show", "All")
    wait_for("all of them", lambda: len(suggestion_marks(b)) == before - 2)

    # Edit a suggestion's verdict before accepting it.
    click_suggestion(b, "The attacks followed a rocket barrage")
    b.click("radio", "Sourced")
    b.click("button", "Accept")
    wait_for("the edited acceptance", lambda: claim_count(b) == 2)

    # Accept all in view.
    b.js("window.scrollTo(0, 0)")
    in_view = b.js("""
        return [...document.querySelectorAll('.article-text mark.sg')]
          .filter(m => { const r = m.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).length""")
    assert in_view > 0
    b.click("button", "Accept all in view")
    wait_for("all in view accepted", lambda: claim_count(b) == 2 + in_view)

    # The export remembers which claims began as suggestions, and the source found.
    b.click("button", "Download article")
    _, doc = b.wait_download()
    items = doc["first"]["items"]
    assert all(i.get("claimmark:suggested") is True for i in items)
    assert any(i.get("claimmark:detectedSource") == "Defense Department" for i in items)

    # The Pompeo tweet, quoted in 001, is also in 000 and 002; clicking one opens it.
    b.click("button", "VIDEO: Iraqi citizens dance", exact=False)
    wait_for("article 001", lambda: "In the tweet, Pompeo wrote" in b.article_text())
    click_suggestion(b, "In the tweet, Pompeo wrote")
    also = wait_for("also in", lambda: b.all_by_role("button", "not tagged there", exact=False))
    names = [e.accessible_name for e in also]
    assert len(names) == 2, names
    assert any(n.startswith("Thousands of Iraqis") for n in names) and any(n.startswith("Iraqis celebrated") for n in names)
    b.click("button", "Iraqis celebrated in the streets", exact=False)
    wait_for("article 002", lambda: b.article_text().startswith("Iraqis celebrated"))


def test_keyboard_alone_selects_sentences_and_tags_them(browser):
    b = browser
    b.click("button", "VIDEO: Iraqi citizens dance", exact=False)
    wait_for("the second seed", lambda: "Hassan Hassan" in b.article_text())
    selection = lambda: b.js("return window.getSelection().toString()")
    text = b.article_text()

    b.press("]")
    first = wait_for("the first sentence", selection)
    assert text.startswith(first) and len(first) > 10
    b.press("]")
    second = wait_for("the second sentence", lambda: (s := selection()) != first and s)
    assert text.index(second) >= len(first)
    b.press("}")
    both = wait_for("the extended selection", lambda: (s := selection()) != second and s)
    assert both.startswith(second) and len(both) > len(second)
    b.press("[")
    wait_for("the sentence before", lambda: selection() == first)
    b.press("}")
    b.press("}")
    upto_third = wait_for("two steps of extension", lambda: (s := selection()).startswith(first) and len(s) > len(first) + len(second) and s)
    assert second in upto_third

    # The toolbar offers the tags, and u tags the keyboard's selection.
    b.by_role("button", "Unsourced")
    b.press("u")
    wait_for("the claim", lambda: claim_count(b) == 1)
    stored = json.loads(b.storage())["annotations"]
    assert [a["exact"] for a in stored] == [upto_third]

    # The next step goes on after the tagged claim, although tagging cleared the selection.
    b.press("]")
    after = wait_for("the sentence after the claim", selection)
    assert text.index(after, len(upto_third)) >= text.index(upto_third) + len(upto_third)


def test_the_page_runs_under_a_content_security_policy(browser):
    b = browser
    policy = b.js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    # A script that got into the page anyway would not run.
    b.js("const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
         "document.body.append(s);")
    assert b.js("return window.injected") is None
    b.read_console()
    assert any("inline script" in m for m in b.csp_refusals), b.csp_refusals
    b.csp_refusals.clear()  # refused as it should be; the fixture checks that nothing else was


def test_no_accessibility_problems_axe_can_find(browser):
    b = browser
    problems = {"with an article open": b.accessibility_problems()}
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    problems["with the selection toolbar"] = b.accessibility_problems()
    b.click("button", "Unsourced")
    wait_for("the editor", lambda: b.by_role("heading", "Selected claim"))
    problems["with a highlight and the claim editor"] = b.accessibility_problems()
    b.click("switch", "Suggest claims")
    wait_for("suggestions (read in the worker)", lambda: suggestion_marks(b))
    b.press("n")
    wait_for("a suggestion under review", lambda: b.by_role("heading", "Suggested claim"))
    problems["with suggestions and one under review"] = b.accessibility_problems()
    assert not any(problems.values()), json.dumps(problems, indent=1)
