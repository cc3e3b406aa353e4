"""What fact-checkers hand on, driven as a person would: rate claims on the scale set in
Settings, download CSV and read it back with a CSV parser, download ClaimReview drafts, print
the report to PDF and read the PDF, search the library from the keyboard, load a Hypothesis
export."""
import base64
import csv
import re
import io
import json

from selenium.webdriver.common.print_page_options import PrintOptions

from browser import wait_for
from test_claimmark import SEED_TITLE, claim_count, open_seed
from test_web_articles import CNN, CNN_URL, close_add, open_saved_page

SOURCED = "Secretary of State Mike Pompeo released a video on his verified government Twitter account late on Thursday night"
UNSOURCED = "Thousands of Iraqis rushed to the streets of Baghdad on Thursday"
NOTE = "Checked with “AFP” — café, naïve"


def mark(b, phrase, verdict):
    before = claim_count(b)
    b.select_by_dragging(phrase)
    b.click("button", verdict)
    wait_for("the new claim", lambda: claim_count(b) == before + 1)
    wait_for("its editor", lambda: b.by_role("heading", "Selected claim"))


def test_rated_claims_go_out_as_csv_claimreview_and_a_printed_report(browser):
    b = browser
    # Settings: the organisation that authors ClaimReview drafts (the default scale stays).
    b.click("DisclosureTriangle", "Settings")
    b.type_into("Your organisation (author of ClaimReview drafts)", "Fact Desk")
    problems = b.accessibility_problems()
    assert not problems, problems
    b.click("DisclosureTriangle", "Settings")

    open_seed(b)
    mark(b, SOURCED, "Sourced")
    b.type_into("Attributed to", "Mike Pompeo")
    b.select_option("Rating", "Mostly true")
    b.type_into("Note", NOTE)
    mark(b, UNSOURCED, "Unsourced")
    b.select_option("Rating", "False")
    wait_for("both rated", lambda: '"rating":"False"' in (b.storage() or ""))

    # After the first save the browser was asked to keep the library; Settings says what it
    # answered and how much is stored of what the site may store.
    b.click("DisclosureTriangle", "Settings")
    storage_line = "return document.getElementById('storage-line').textContent"
    line = wait_for("the storage line", lambda: "Stored:" in b.js(storage_line) and b.js(storage_line))
    assert re.search(r"Stored: \d+(\.\d)? [KMG]B of \d+(\.\d)? [KMG]B allowed\.", line), line
    kept = b.js("return navigator.storage.persisted()")
    assert ("The browser keeps your library" in line) == kept, (line, kept)
    b.click("DisclosureTriangle", "Settings")

    # CSV of the article: one row per claim, read back with Python's CSV reader.
    b.select_option("Download as", "CSV (spreadsheet)")
    before = b.downloaded_names()
    b.click("button", "Download article")
    path = b.wait_download_file(before)
    assert path.suffix == ".csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2 == claim_count(b)
    by_verdict = {r["verdict"]: r for r in rows}
    assert by_verdict["sourced"]["quote"] == SOURCED
    assert by_verdict["sourced"]["source"] == "Mike Pompeo"
    assert by_verdict["sourced"]["rating"] == "Mostly true"
    assert by_verdict["sourced"]["note"] == NOTE, "accents and curly quotes intact"
    assert by_verdict["unsourced"]["quote"] == UNSOURCED
    assert by_verdict["unsourced"]["rating"] == "False"
    assert all(r["article"].startswith(SEED_TITLE[:20]) for r in rows)

    # ClaimReview drafts of the article's rated claims.
    b.select_option("Download as", "ClaimReview drafts (rated claims)")
    before = b.downloaded_names()
    b.click("button", "Download article")
    path = b.wait_download_file(before)
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert [r["@type"] for r in reviews] == ["ClaimReview", "ClaimReview"]
    first = next(r for r in reviews if r["claimReviewed"] == SOURCED)
    assert first["@context"] == "https://schema.org"
    assert first["author"] == {"@type": "Organization", "name": "Fact Desk"}
    assert first["reviewRating"]["alternateName"] == "Mostly true"
    assert (first["reviewRating"]["ratingValue"], first["reviewRating"]["bestRating"]) == (4, 5)
    assert first["itemReviewed"]["author"]["name"] == "Mike Pompeo"
    assert first["reviewBody"] == NOTE
    # All articles at once is refused with a reason: a draft is of one article.
    before = b.downloaded_names()
    b.click("button", "Download all")
    wait_for("the refusal", lambda: "made for one article" in b.alert_text())
    assert b.downloaded_names() == before

    # Report: counts and the chart, every claim; printed to PDF, it holds the claims.
    b.click("button", "Report")
    b.by_role("heading", SEED_TITLE, exact=False)
    problems = b.accessibility_problems()
    assert not problems, problems
    caption = b.js("return document.querySelector('.report figcaption').textContent")
    assert caption == "1 sourced (50%), 1 unsourced (50%) of 2 claims"
    assert b.js("return document.querySelector('.report svg').getAttribute('aria-label')") == caption
    pdf = base64.b64decode(b.driver.print_page(PrintOptions()))
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    for words in ("Mike Pompeo released a video", "Thousands of Iraqis rushed", "rated Mostly true", "1 sourced (50%)"):
        assert words in flat, (words, flat[:500])
    assert "Download all" not in flat and "Library" not in flat, "only the report is printed"
    b.click("button", "Close report")
    b.by_role("heading", "Claims (", exact=False)

    # One claim's draft from its editor.
    b.click("button", SOURCED[:30], exact=False)
    before = b.downloaded_names()
    b.click("button", "Download ClaimReview draft")
    one = json.loads(b.wait_download_file(before).read_text(encoding="utf-8"))
    assert one["claimReviewed"] == SOURCED and one["@type"] == "ClaimReview"


def test_search_finds_claims_across_the_library_from_the_keyboard(browser):
    b = browser
    open_seed(b)
    mark(b, SOURCED, "Sourced")
    b.type_into("Note", "the Pentagon confirmed this")
    mark(b, UNSOURCED, "Unsourced")
    # Another article, another claim.
    b.click("button", "Iran's elite Quds force commander", exact=False)
    wait_for("article 004", lambda: "Defense Department" in b.article_text())
    mark(b, "the Defense Department said in a statement", "Sourced")

    b.js("document.activeElement && document.activeElement.blur()")
    b.press("/")
    assert b.js("return document.activeElement.id") == "search-text"
    b.press("pentagon")
    wait_for("a match", lambda: "1 claim matches." in b.js("return document.querySelector('.search [role=status]').textContent"))
    # Filters: all sourced claims.
    b.js("document.querySelector('#search-text').value = ''; document.querySelector('#search-text').dispatchEvent(new Event('input', {bubbles: true}))")
    b.click("DisclosureTriangle", "Filters")
    b.select_option("Verdict", "Sourced")
    wait_for("two sourced", lambda: "2 claims match." in b.js("return document.querySelector('.search [role=status]').textContent"))
    results = b.all_by_role("button", "—", exact=False)
    assert any("Defense Department" in r.accessible_name for r in results)
    # A result opens its article and selects the claim there.
    next(r for r in results if SOURCED[:20] in r.accessible_name).click()
    wait_for("the seed article", lambda: b.article_text().startswith("Thousands of Iraqis"))
    wait_for("the claim selected", lambda: SOURCED[:30] in b.js("return document.querySelector('.editor-quote')?.textContent || ''"))


def hypothesis_file(tmp_path, annotations):
    path = tmp_path / "hypothesis-export.json"
    path.write_text(json.dumps({
        "export_date": "2026-11-30T10:00:00.000Z",
        "export_userid": "acct:jane@hypothes.is",
        "client_version": "1.1400.0",
        "annotations": annotations,
    }), encoding="utf-8")
    return path


def hypothesis(id_, uri, exact, tags, text=""):
    return {
        "id": id_, "created": "2026-11-29T09:00:00.000000+00:00",
        "updated": "2026-11-29T09:05:00.000000+00:00", "user": "acct:jane@hypothes.is",
        "uri": uri, "text": text, "tags": tags, "group": "__world__",
        "target": [{"source": uri, "selector": [
            {"type": "TextPositionSelector", "start": 4000, "end": 4040},
            {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""},
        ]}],
        "document": {"title": ["The 'birth lottery'"]},
    }


def test_a_hypothesis_export_loads_onto_the_article_of_its_page(browser, tmp_path):
    b = browser
    open_saved_page(b, CNN)
    wait_for("the CNN article", lambda: "land of opportunity" in b.article_text())
    close_add(b)
    assert claim_count(b) == 0
    path = hypothesis_file(tmp_path, [
        hypothesis("h1", CNN_URL, "a land of opportunity", ["sourced"], "Whose phrase?"),
        hypothesis("h2", CNN_URL + "?utm_source=twitter", "calls that into question", ["Unsourced"]),
        hypothesis("h3", CNN_URL, "a land of opportunity", ["economy"]),
        hypothesis("h4", "https://elsewhere.example/page", "anything", ["sourced"]),
    ])
    b.upload("Load annotations", path)
    wait_for("two claims", lambda: claim_count(b) == 2)
    said = b.status_text()
    for part in ("From Hypothesis: 2 annotations taken", "1 left out: tagged neither", "https://elsewhere.example/page is not an article of your library"):
        assert part in said, (part, said)
    marks = b.marks()
    assert any(m["text"] == "a land of opportunity" and "hl-sourced" in m["cls"] for m in marks)
    b.click("button", "a land of opportunity", exact=False)
    assert b.by_role("textbox", "Note").get_attribute("value") == "Whose phrase?"
    # Loading it again changes nothing.
    b.upload("Load annotations", path)
    wait_for("the second load", lambda: "From Hypothesis" in b.status_text())
    assert claim_count(b) == 2
    # A broken export is refused, saying where, and changes nothing.
    stored = b.storage()
    broken = hypothesis_file(tmp_path, [{"id": "h9", "tags": ["sourced"]}])
    b.upload("Load annotations", broken)
    wait_for("the refusal", lambda: "At annotations[0].uri" in b.alert_text())
    assert "Nothing was changed" in b.alert_text()
    assert claim_count(b) == 2 and b.storage() == stored
