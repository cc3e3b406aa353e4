"""Bad input never stops the app: a file that used to crash it, a refused file that changes
nothing, and a panic half-way through a change, which shows a message and writes nothing."""
import json
import time
import pathlib

from browser import wait_for
from test_claimmark import claim_count, open_seed

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The reproduction of issue 13: a position past the end of the text the file carries.
PAST_THE_END = ROOT / "tests" / "fuzz" / "regressions" / "w3c-import" / "issue-13-position-past-the-end.json"


def test_a_file_with_a_position_past_the_end_is_placed_and_the_app_keeps_working(browser):
    b = browser
    b.upload("Load annotations", PAST_THE_END)
    msg = wait_for("the import message", lambda: b.status_text())
    assert "1 new" in msg and "1 article added" in msg and "1 not found in the text" in msg, msg
    # Its article is there, with the claim listed as not found (kept, not highlighted).
    b.click("button", "A short corrected text", exact=False)
    wait_for("the article", lambda: b.article_text() == "A short corrected text of the article.")
    assert claim_count(b) == 1 and b.marks() == []
    b.by_role("heading", "Not found in the text", exact=False)
    # The app still responds: tag a claim in a seed article.
    open_seed(b)
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    b.press("s")
    wait_for("the new highlight", lambda: b.marks())
    b.reload()
    stored = json.loads(b.storage())
    assert len(stored["annotations"]) == 2 and len(stored["documents"]) == 1


def test_a_refused_file_says_where_and_changes_nothing(browser, tmp_path):
    b = browser
    open_seed(b)
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    b.press("u")
    wait_for("the claim", lambda: claim_count(b) == 1)
    before = b.storage()
    # Only a position, and it lies past the end of the article: nothing to place it by.
    doc = json.loads(PAST_THE_END.read_text(encoding="utf-8"))
    doc["first"]["items"][0]["target"]["selector"].pop(0)
    bad = tmp_path / "past-the-end.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    b.upload("Load annotations", bad)
    msg = wait_for("the refusal", lambda: b.alert_text())
    assert "first.items[0].target.selector" in msg and "not a span of the article" in msg, msg
    assert b.storage() == before
    b.reload()
    assert claim_count(b) == 1 and b.storage() == before


def test_a_panic_half_way_through_a_change_shows_a_message_and_writes_nothing(browser):
    b = browser
    open_seed(b)
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    b.press("s")
    wait_for("the first claim", lambda: claim_count(b) == 1)
    wait_for("the first claim saved", lambda: len(json.loads(b.storage())["annotations"]) == 1)
    before = b.storage()
    # The next tagging panics after the claim is added in memory, before it is saved.
    b.js("sessionStorage.setItem('claimmark.test.panic', 'tag')")
    b.select_by_dragging("The AFP added that those who were celebrating chanted")
    b.press("u")
    dialog = b.by_role("alertdialog", "claimmark stopped because of an error")
    assert "your saved work is safe" in dialog.text
    details = b.by_role("textbox", "The error, to copy into a report:")
    assert "injected by a test" in details.get_attribute("value")
    # The page behind takes no input, and nothing reached storage: not the half-made claim, not
    # anything the dead page's handlers might try later.
    assert b.js("return document.querySelector('main').inert") is True
    # Another tab's news arrives (a claim it wrote): the dead page writes nothing of it.
    b.js("""new BroadcastChannel('claimmark.records').postMessage(
        [['a:from-elsewhere'], [JSON.stringify({id: 'from-elsewhere', doc: '000_698b5d7c01ae0af2',
          start: 0, end: 9, exact: 'Thousands', verdict: 'sourced', created: 1, modified: 2})]])""")
    time.sleep(0.5)  # what a live page would have written by now
    assert b.storage() == before
    assert not [k for k in b.js("return Object.keys(localStorage)") if "unreadable" in k]
    # Reload, as the message says: the saved work is there, and the app works.
    b.js("sessionStorage.removeItem('claimmark.test.panic')")
    b.click("link", "Reload")
    b.wait_ready()
    assert claim_count(b) == 1 and b.storage() == before
    assert not b.alert_text()
    b.select_by_dragging("The AFP added that those who were celebrating chanted")
    b.press("u")
    wait_for("the second claim after the reload", lambda: claim_count(b) == 2)
