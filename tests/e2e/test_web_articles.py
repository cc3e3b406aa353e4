"""Articles from the web: a saved page (HTML, MHTML) opens as its article with where it came
from; a pasted page keeps its paragraphs; the same page twice; editing details; downloads that
target the page; and the bookmarklet on a page served from another origin."""
import contextlib
import functools
import http.server
import json
import pathlib
import quopri
import socketserver
import threading
import urllib.parse

from browser import wait_for
from conftest import QuietHandler
from test_claimmark import claim_count, conformance

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
CNN = PAGES / "cnn.html"
CNN_URL = "http://money.cnn.com/2016/02/01/news/economy/poverty-inequality-united-states/index.html"
CNN_FIRST = "The U.S. has long been heralded as a land of opportunity"
CNN_TITLE = "The 'birth lottery' and economic mobility"
PICKER = "Open a saved page (.html, .mhtml), .txt or .md"


def open_add(b):
    if not b.js("return document.querySelector('details.add-document').open"):
        b.click("DisclosureTriangle", "Add an article")


def open_saved_page(b, path):
    open_add(b)
    b.upload(PICKER, path)


def close_add(b):
    """Folds the Add panel away (its fields have the same names as the details editor's)."""
    if b.js("return document.querySelector('details.add-document').open"):
        b.click("DisclosureTriangle", "Add an article")


def test_a_saved_page_opens_as_its_article_and_downloads_target_the_page(browser):
    b = browser
    open_saved_page(b, CNN)
    wait_for("the article", lambda: b.article_text().startswith(CNN_FIRST))
    assert b.by_role("heading", CNN_TITLE)
    head = b.js("return document.querySelector('.article-source').innerText")
    assert "CNNMoney" in head and "Ahiza Garcia" in head and "2016-02-01" in head, head
    assert b.by_role("link", "money.cnn.com").get_attribute("href") == CNN_URL
    # Nothing of the page's furniture came along.
    text = b.article_text()
    for chrome in ["Subscribe", "Watch Live", "Share this", "©"]:
        assert chrome not in text, chrome
    entry = b.by_role("button", CNN_TITLE, exact=False)
    assert "CNNMoney" in entry.accessible_name
    # Mark a claim and download: the target is the page's address.
    b.select_by_dragging("But a new report released on Monday by Stanford University's Center")
    b.press("s")
    wait_for("the claim", lambda: claim_count(b) == 1)
    b.click("button", "Download article")
    path, doc = b.wait_download()
    item = doc["first"]["items"][0]
    assert item["target"]["source"] == CNN_URL
    assert item["target"]["claimmark:doc"].startswith("urn:claimmark:doc:user-")
    d = doc["claimmark:documents"][0]
    assert (d["claimmark:url"], d["claimmark:site"], d["claimmark:date"]) == (CNN_URL, "CNNMoney", "2016-02-01")
    code, out = conformance(path)
    assert code == 0, out
    # The same page again opens the one there.
    b.upload(PICKER, CNN)
    wait_for("the message", lambda: "already in the library" in b.status_text())
    assert len(json.loads(b.storage())["documents"]) == 1


def test_an_mhtml_page_opens_with_the_address_it_was_saved_from(browser, tmp_path):
    b = browser
    html = (PAGES / "telegraph.html").read_bytes()
    body = quopri.encodestring(html).decode("ascii")
    mhtml = tmp_path / "telegraph.mhtml"
    mhtml.write_bytes((
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.telegraph.co.uk/news/2017/11/16/x/\r\n"
        "Subject: Zimbabwe\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        "\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\n"
        "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.telegraph.co.uk/news/2017/11/16/x/\r\n\r\n" + body +
        "\r\n------MultipartBoundary--abc------\r\n").encode("ascii"))
    open_saved_page(b, mhtml)
    first = (PAGES / "telegraph.txt").read_text(encoding="utf-8").split("\n\n")[0][:60]
    wait_for("the article", lambda: b.article_text().startswith(first))


def test_a_pasted_page_keeps_its_paragraphs_and_drops_the_furniture(browser):
    b = browser
    open_add(b)
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            "<div class='share'>Share on Facebook</div><article><h1>Storm hits coast</h1>"
            "<p>The storm, which made landfall on Tuesday, brought winds of 120 km/h, the weather service said.</p>"
            "<p>“We have never seen anything like it,” said the mayor, Jane Roe, in a statement on Wednesday.</p>"
            "</article><footer>All rights reserved, every one, for ever and ever.</footer></body></html>")
    # A paste as the browser delivers one from a web page: text/html on the clipboard.
    b.js("""const area = document.getElementById('new-text');
            const dt = new DataTransfer();
            dt.setData('text/html', arguments[0]);
            dt.setData('text/plain', 'Home World Share on Facebook Storm hits coast …');
            area.focus();
            area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));""", html)
    area = b.by_role("textbox", "Article text")
    wait_for("the article in the text area", lambda: area.get_attribute("value").startswith("The storm"))
    assert area.get_attribute("value") == (
        "The storm, which made landfall on Tuesday, brought winds of 120 km/h, the weather service said.\n\n"
        "“We have never seen anything like it,” said the mayor, Jane Roe, in a statement on Wednesday.")
    assert b.by_role("textbox", "Title").get_attribute("value") == "Storm hits coast"
    b.type_into("Outlet", "Coast News")
    b.click("button", "Add article")
    wait_for("the article", lambda: b.article_text().startswith("The storm, which made landfall"))
    assert "Coast News" in b.js("return document.querySelector('.article-source').innerText")


def test_details_are_edited_checked_and_kept(browser):
    b = browser
    open_saved_page(b, CNN)
    wait_for("the article", lambda: b.article_text().startswith(CNN_FIRST))
    close_add(b)
    b.click("button", "Edit details")
    b.type_into("Address (URL)", "javascript:alert(1)")
    b.click("button", "Save details")
    msg = wait_for("the refusal", lambda: b.alert_text())
    assert "Address" in msg, msg
    b.type_into("Address (URL)", "https://money.cnn.com/2016/02/01/corrected")
    b.type_into("Outlet", "CNN Money")
    b.click("button", "Save details")
    wait_for("saved", lambda: "Details saved" in b.status_text())
    b.reload()
    head = b.js("return document.querySelector('.article-source').innerText")
    assert "CNN Money" in head, head
    assert b.by_role("link", "money.cnn.com").get_attribute("href") == "https://money.cnn.com/2016/02/01/corrected"


def test_a_changed_text_at_a_known_address_offers_to_replace_it(browser, tmp_path):
    b = browser
    open_saved_page(b, CNN)
    wait_for("the article", lambda: b.article_text().startswith(CNN_FIRST))
    b.select_by_dragging("But a new report released on Monday by Stanford University's Center")
    b.press("u")
    wait_for("the claim", lambda: claim_count(b) == 1)
    changed = tmp_path / "cnn-updated.html"
    # The claim's own words changed: it follows them, to be confirmed.
    changed.write_bytes(CNN.read_bytes().replace(b"released on Monday", b"released on Tuesday"))
    b.upload(PICKER, changed)
    wait_for("the question", lambda: "already in the library" in b.status_text())
    b.click("button", "Replace its text")
    msg = wait_for("the replacement", lambda: "Replaced the text" in b.status_text() and b.status_text())
    assert "1 moved (please confirm)" in msg, msg
    assert "released on Tuesday" in b.article_text()
    assert len(json.loads(b.storage())["documents"]) == 1


@contextlib.contextmanager
def news_site(page_html):
    """A news page served from another origin (another port on 127.0.0.1)."""
    folder = pathlib.Path(page_html).parent
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{pathlib.Path(page_html).name}"
    finally:
        server.shutdown()


def run_bookmarklet(b, href):
    """As a click on the bookmark would: the bookmarklet's script runs in the news page (from a
    click, so the page may open a window)."""
    code = urllib.parse.unquote(href[len("javascript:"):])
    b.js("""const btn = document.createElement('button');
            btn.id = 'bookmark-bar'; btn.textContent = 'Send to claimmark';
            btn.addEventListener('click', () => { (0, eval)(arguments[0]); });
            document.body.prepend(btn);""", code)
    b.driver.find_element("id", "bookmark-bar").click()


def test_the_bookmarklet_sends_the_page_from_another_origin(browser, tmp_path):
    b = browser
    open_add(b)
    href = b.by_role("link", "Send to claimmark").get_attribute("href")
    assert href.startswith("javascript:") and b.url in urllib.parse.unquote(href), "it opens this claimmark"
    app_tab = b.driver.current_window_handle
    page = tmp_path / "story.html"
    page.write_bytes(CNN.read_bytes())
    with news_site(page) as url:
        b.driver.switch_to.new_window("tab")
        b.driver.get(url)
        news_tab = b.driver.current_window_handle
        run_bookmarklet(b, href)
        wait_for("claimmark to open", lambda: len(b.driver.window_handles) == 3)
        new = [h for h in b.driver.window_handles if h not in (app_tab, news_tab)][0]
        b.driver.switch_to.window(new)
        b.wait_ready()
        wait_for("the article", lambda: b.article_text().startswith(CNN_FIRST))
        assert b.by_role("heading", CNN_TITLE)
        # The page's canonical address, not the address it was served from.
        assert b.by_role("link", "money.cnn.com").get_attribute("href") == CNN_URL
        assert "#capture" not in b.driver.current_url
        # With text selected on the page, only that text is sent.
        b.driver.switch_to.window(news_tab)
        b.js("""const p = [...document.querySelectorAll('p')].find(x => x.textContent.includes('The report assessed'));
                const r = document.createRange(); r.selectNodeContents(p);
                getSelection().removeAllRanges(); getSelection().addRange(r);""")
        before = set(b.driver.window_handles)
        b.driver.execute_script("document.getElementById('bookmark-bar').remove()")
        run_bookmarklet(b, href)
        wait_for("claimmark to open again", lambda: len(set(b.driver.window_handles) - before) == 1)
        b.driver.switch_to.window((set(b.driver.window_handles) - before).pop())
        b.wait_ready()
        wait_for("the selection", lambda: b.article_text().startswith("The report assessed poverty levels"))
        assert len(b.article_text()) < 300
