"""A team's shared library: two browsers (two profiles, two checkers) each connect their
library to one CouchDB database (pouchdb-server, started here on 127.0.0.1) on the team sync
page, and what one marks appears in the other's app; edits made while both are disconnected
converge, the losing version listed; a server that is not CouchDB, or a database that does not
exist, is refused with a message and changes nothing."""
import http.client
import json
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse

import pytest

import conftest
from browser import wait_for
from test_claimmark import claim_count, open_seed
from test_records import library_file, note, tag_a_claim

ROOT = pathlib.Path(__file__).resolve().parents[2]
POUCHDB = ROOT / ".tools/pouchdb/node_modules/.bin/pouchdb-server"
DB = "claims"


def couch_request(port, method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, json.dumps(body) if body is not None else None,
                     {"Content-Type": "application/json"})
        reply = conn.getresponse()
        return reply.status, json.loads(reply.read() or b"null")
    finally:
        conn.close()


class Couch:
    """pouchdb-server on a free port of 127.0.0.1, its store in a temporary folder (so that a
    restart keeps what it held), with an empty database `claims`."""

    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.home = pathlib.Path(tempfile.mkdtemp(prefix="claimmark-couch-e2e-"))
        (self.home / "data").mkdir()
        self.child = None
        self.start()
        assert couch_request(self.port, "PUT", f"/{DB}")[0] in (201, 202)

    def start(self):
        self.child = subprocess.Popen(
            [str(POUCHDB), "--port", str(self.port), "--host", "127.0.0.1", "--no-stdout-logs",
             "--dir", str(self.home / "data"), "--config", str(self.home / "config.json")],
            cwd=self.home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                couch_request(self.port, "GET", "/")
                return
            except OSError:
                assert time.time() < deadline, "pouchdb-server did not answer within 30 s"
                time.sleep(0.1)

    def stop(self):
        self.child.kill()
        self.child.wait()


@pytest.fixture
def couch_server():
    """The server; the site passes /couch/ on to it. Stopped at the end."""
    if not POUCHDB.exists():
        pytest.fail("pouchdb-server is not installed: run `bash .ci/setup --test`")
    server = Couch()
    conftest.COUCH["port"] = server.port
    try:
        yield server
    finally:
        conftest.COUCH["port"] = None
        conftest.COUCH["tamper"] = None
        server.stop()
        shutil.rmtree(server.home, ignore_errors=True)


@pytest.fixture
def couch(couch_server):
    """The server's port."""
    return couch_server.port


def couch_address(b):
    parts = urllib.parse.urlsplit(b.url)
    return f"{parts.scheme}://{parts.netloc}/couch"


def open_sync_page(b):
    """Opens the team sync page from the app's settings in a new tab; returns the handles of
    the app's tab and the sync page's."""
    app = b.driver.current_window_handle
    before = set(b.driver.window_handles)
    b.click("DisclosureTriangle", "Settings")
    b.click("link", "Team sync")
    wait_for("the sync page's tab", lambda: set(b.driver.window_handles) - before)
    page = (set(b.driver.window_handles) - before).pop()
    b.driver.switch_to.window(page)
    b.by_role("heading", "Team sync")
    return app, page


def join(browser_factory, name, couch_port, person=None, before=open_seed):
    """A checker's browser with the app and the team sync page open, connected and in step;
    `before` prepares the app first (by default: the first sample article open). Returns the
    browser and the handles of its two tabs."""
    b = browser_factory(name)
    b.open_app()
    if before:
        before(b)
    app, sync_tab = open_sync_page(b)
    if person:
        set_name(b, person)
    connect(b, couch_address(b))
    in_step(b)
    return b, app, sync_tab


def load_thirty_articles(b, tmp_path):
    """Opens the app and loads 30 articles with 20 claims each from a file; returns the keys of
    their 630 records (articles and claims)."""
    b.open_app()
    b.upload("Load annotations", library_file(tmp_path / "library.json", articles=30, chars=2_000,
                                               claims=20))
    wait_for("every record stored", lambda: len(b.records() or {}) >= 30 * 22 + 1, timeout=60)
    return {k for k in b.records() if k[:2] in ("a:", "d:")}


def status(b):
    return b.by_role("status", "", exact=False).text


def connect(b, address, db=DB):
    b.type_into("Server address", address)
    b.type_into("Database", db)
    b.click("button", "Connect")


def in_step(b, timeout=30):
    wait_for("in step with the server", lambda: "in step" in status(b), timeout)


def server_docs(port):
    code, body = couch_request(port, "GET", f"/{DB}/_all_docs?include_docs=true")
    assert code == 200, body
    return {row["id"]: row["doc"] for row in body["rows"]}


def claim_keys(records):
    """The keys of the claims among records (a browser's or the server's documents)."""
    return [k for k in records if k.startswith("a:")]


def disconnect(b):
    b.click("button", "Disconnect")
    wait_for("disconnected", lambda: status(b).startswith("Not connected"))


def claim_note_on_server(port):
    claims = [d for k, d in server_docs(port).items() if k.startswith("a:")]
    return [c["record"]["note"] for c in claims]


def test_what_one_checker_marks_appears_in_the_other_checkers_app(browser_factory, couch):
    a = browser_factory("checker-a")
    a.open_app()
    tag_a_claim(a)
    a_app, a_sync = open_sync_page(a)
    # Nothing is sent before the user connects.
    assert server_docs(couch) == {}
    connect(a, couch_address(a))
    in_step(a)
    assert len(claim_keys(server_docs(couch))) == 1
    # The password is never in the settings kept; the address and database are.
    kept = json.loads(a.js("return localStorage.getItem('claimmark.sync')"))
    assert kept == {"url": couch_address(a), "db": DB, "user": ""}

    b = browser_factory("checker-b")
    b.open_app()
    open_seed(b)
    assert claim_count(b) == 0
    b_app, b_sync = open_sync_page(b)
    connect(b, couch_address(b))
    in_step(b)
    b.driver.switch_to.window(b_app)
    wait_for("checker A's claim in checker B's app", lambda: claim_count(b) == 1, 20)
    assert b.marks(), "its highlight shows"

    # While both are connected, a note A writes reaches B's open app by itself.
    a.driver.switch_to.window(a_app)
    a.click("button", "UNSOURCED", exact=False)
    a.type_into("Note", "checked with the agency")
    wait_for("A's note on the server",
             lambda: claim_note_on_server(couch) == ["checked with the agency"], 20)
    b.click("button", "UNSOURCED", exact=False)
    wait_for("A's note in B's app", lambda: note(b) == "checked with the agency", 20)
    # And it is B's to keep: stored in B's browser.
    wait_for("stored in B", lambda: "checked with the agency" in (b.storage() or ""))


def test_edits_made_apart_converge_and_the_losing_version_is_listed(browser_factory, couch):
    a, a_app, a_sync = join(browser_factory, "checker-a", couch, before=tag_a_claim)
    b, b_app, b_sync = join(browser_factory, "checker-b", couch)
    # Both disconnect and edit the same claim's note: A first, then B.
    for x, sync_tab in ((a, a_sync), (b, b_sync)):
        x.driver.switch_to.window(sync_tab)
        disconnect(x)
    a.driver.switch_to.window(a_app)
    a.click("button", "UNSOURCED", exact=False)
    a.type_into("Note", "A's reading")
    wait_for("stored in A", lambda: "A's reading" in (a.storage() or ""))
    b.driver.switch_to.window(b_app)
    wait_for("the claim in B", lambda: claim_count(b) == 1)
    b.click("button", "UNSOURCED", exact=False)
    assert not b.all_by_role("link", "A version of this claim lost a conflict", exact=False)
    b.type_into("Note", "B's reading")
    wait_for("stored in B", lambda: "B's reading" in (b.storage() or ""))
    # Nothing reached the server while they were apart.
    assert claim_note_on_server(couch) == [""]
    # They reconnect, A first: the newer edit (B's) wins everywhere.
    for x, sync_tab in ((a, a_sync), (b, b_sync)):
        x.driver.switch_to.window(sync_tab)
        x.click("button", "Connect")
        in_step(x)
    wait_for("B's note on the server", lambda: claim_note_on_server(couch) == ["B's reading"], 20)
    a.driver.switch_to.window(a_app)
    wait_for("B's note in A's app", lambda: note(a) == "B's reading", 20)
    wait_for("stored in A", lambda: "B's reading" in (a.storage() or "") and
             "A's reading" not in (a.storage() or ""))
    # A's version is not silently gone: B's sync page, which met both, lists it.
    b.driver.switch_to.window(b_sync)
    lost = b.by_role("heading", "Versions that lost a conflict")
    assert lost
    wait_for("A's version listed",
             lambda: "note: A's reading" in b.js("return document.querySelector('.team-lost-list').innerText"))
    # And B's claim editor points to it.
    b.driver.switch_to.window(b_app)
    b.click("button", "Close")
    b.click("button", "UNSOURCED", exact=False)
    link = b.by_role("link", "A version of this claim lost a conflict: see it on the team sync page")
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").endswith("/sync.html")


def test_a_server_that_is_not_couchdb_or_a_missing_database_is_refused(browser_factory, couch):
    a = browser_factory("checker")
    a.open_app()
    tag_a_claim(a)
    before = a.records()
    app, sync_tab = open_sync_page(a)
    # The site itself: it answers, but not as CouchDB.
    site = couch_address(a).rsplit("/couch", 1)[0] + "/tools"
    connect(a, site)
    wait_for("refused", lambda: "does not answer as a CouchDB server" in status(a))
    a.type_into("Server address", couch_address(a))
    a.type_into("Database", "no-such-db")
    a.click("button", "Connect")
    wait_for("no database", lambda: 'no database named "no-such-db"' in status(a))
    a.type_into("Database", "Bad Name")
    a.click("button", "Connect")
    problem = a.by_role("alert", "", exact=False).text
    assert "lower-case" in problem
    # A server the page's security policy does not name: refused before any request, saying
    # what the policy allows and how a deployment names its server.
    a.type_into("Database", DB)
    a.type_into("Server address", "http://127.0.0.1:9")
    a.click("button", "Connect")
    wait_for("refused by the policy", lambda: "not to http://127.0.0.1:9." in a.by_role(
        "alert", "", exact=False).text)
    problem = a.by_role("alert", "", exact=False).text
    assert "security policy lets the sync page connect only to its own site (http://127.0.0.1:" \
        in problem and "CLAIMMARK_SYNC_SERVERS" in problem, problem
    assert "127.0.0.1:9" not in a.js("return localStorage.getItem('claimmark.sync')")
    a.type_into("Server address", couch_address(a))
    # A user the server does not know: refused, and the password is nowhere to be found after.
    a.type_into("Database", DB)
    a.type_into("User name", "ana")
    # A password field has no role: found by its accessible name among password fields.
    box = next(el for el in a.driver.find_elements("css selector", "input[type=password]")
               if el.accessible_name == "Password")
    box.send_keys("secret-pw-4417")
    a.click("button", "Connect")
    wait_for("refused", lambda: "refused the user name or password (401)" in status(a), 20)
    assert box.get_attribute("value") == "", "the field is emptied once read"
    kept = a.js("return JSON.stringify(Object.entries(localStorage))")
    assert "secret-pw-4417" not in kept and '"user":"ana"' in kept.replace('\\', '')
    # Nothing changed here, nothing was sent there.
    assert a.records() == before
    assert server_docs(couch) == {}
    assert not any("secret-pw-4417" in v for v in (a.records("claimmark-sync") or {}).values())


def set_name(b, name):
    box = b.type_into("Your name, on the claims you mark and change", name)
    box.send_keys("\t")  # the change is taken when the field is left


def tag(b, phrase, verdict):
    b.select_by_dragging(phrase)
    b.click("button", verdict)


def test_claims_carry_who_marked_them_and_two_checkers_get_a_second_opinion(browser_factory, couch):
    a, a_app, a_sync = join(browser_factory, "checker-a", couch, person="Ana")
    # The app's open tab took the name at once: Ana's claims carry it.
    a.driver.switch_to.window(a_app)
    tag(a, "The AFP added that those who were celebrating chanted", "Unsourced")
    tag(a, "This is God’s revenge for the blood of those killed", "Sourced")
    wait_for("Ana's claims stored", lambda: len(claim_keys(a.records())) == 2)
    stored = [json.loads(v) for k, v in a.records().items() if k.startswith("a:")]
    assert {c["creator"] for c in stored} == {"Ana"}
    # One person's claims: the list has no "Marked by" choice and names no one.
    assert not a.all_by_role("combobox", "Marked by")
    assert not a.js("return document.querySelectorAll('.claims .claim-by').length")

    b, b_app, b_sync = join(browser_factory, "checker-b", couch, person="Ben")
    b.driver.switch_to.window(b_app)
    wait_for("Ana's claims in Ben's app", lambda: claim_count(b) == 2, 20)
    # Ben, independently: the same first claim with the other verdict, and one of his own.
    tag(b, "The AFP added that those who were celebrating chanted", "Sourced")
    tag(b, "The New York Times reported that Soleimani", "Unsourced")
    wait_for("Ben's claims stored", lambda: len(claim_keys(b.records())) == 4)
    creators = sorted(json.loads(v).get("creator", "") for k, v in b.records().items()
                      if k.startswith("a:"))
    assert creators == ["Ana", "Ana", "Ben", "Ben"]
    # Ana's app has Ben's claims, and a download names who marked each (W3C creator).
    wait_for("Ben's claims on the server",
             lambda: len(claim_keys(server_docs(couch))) == 4, 20)
    a.driver.switch_to.window(a_app)
    wait_for("Ben's claims in Ana's app", lambda: claim_count(a) == 4, 20)
    # Two people's claims in the article: each entry says who marked it, and the list shows
    # one person's claims when asked.
    def entries():
        return a.js("return [...document.querySelectorAll('.claim-list .claim-entry')]"
                    ".map(e => e.querySelector('.claim-by').textContent)")
    wait_for("who marked each", lambda: sorted(entries()) == ["Ana", "Ana", "Ben", "Ben"])
    assert a.by_role("button", "by Ben", exact=False)
    a.select_option("Marked by", "Ben")
    wait_for("Ben's claims only", lambda: entries() == ["Ben", "Ben"])
    assert a.by_role("heading", "Claims (2 of 4)")
    a.select_option("Marked by", "Ana")
    wait_for("Ana's claims only", lambda: entries() == ["Ana", "Ana"])
    a.select_option("Marked by", "Everyone")
    wait_for("everyone's claims", lambda: len(entries()) == 4)
    assert a.by_role("heading", "Claims (4)")
    # Ana finds Ben's claims by his name (Search claims reads who marked each).
    a.by_role("searchbox", "Search all claims").send_keys("ben")
    wait_for("Ben's two claims", lambda: "2 claims match." in a.js(
        "return document.querySelector('.search [role=status]').textContent"))

    # Ana marks a claim in another article, which Ben did not look at.
    a.click("button", "Iran's elite Quds force commander", exact=False)
    wait_for("article 004", lambda: "Defense Department" in a.article_text())
    tag(a, "the Defense Department said in a statement", "Sourced")
    wait_for("it reaches Ben's browser",
             lambda: len(claim_keys(b.records())) == 5, 20)

    # The second opinion, on Ben's sync page.
    b.driver.switch_to.window(b_sync)
    b.click("button", "Read the library again")
    wait_for("the comparison", lambda: b.js(
        "const s = document.querySelector('.second-summary'); return s && s.innerText") or "")
    summary = b.js("return document.querySelector('.second-summary').innerText")
    assert summary.startswith("3 claims marked by either: 0 agree, 1 differ in verdict, 1 only Ana, "
                              "1 only Ben. Agreed on 0%"), summary
    pooled = b.js("return document.querySelector('.second-pooled').innerText")
    assert pooled.startswith("Over every article: 4 claims marked by either: 0 agree, 1 differ in "
                             "verdict, 2 only Ana, 1 only Ben."), pooled
    lines = b.js("return [...document.querySelectorAll('.second-claims li')].map(l => l.innerText)")
    assert "Differ: Ana unsourced, Ben sourced: “The AFP added that those who were celebrating chanted”" in lines
    assert b.by_role("combobox", "First checker")
    assert b.by_role("combobox", "Second checker")


def test_a_server_stopped_while_connected_gets_the_work_made_meanwhile_once_back(
        browser_factory, couch_server):
    couch = couch_server.port
    a, app, sync_tab = join(browser_factory, "checker", couch, before=tag_a_claim)
    docs = set(server_docs(couch))
    couch_server.stop()
    a.driver.switch_to.window(app)
    a.click("button", "UNSOURCED", exact=False)
    a.type_into("Note", "written while the server was down")
    wait_for("stored here", lambda: "written while the server was down" in (a.storage() or ""))
    a.driver.switch_to.window(sync_tab)
    said = []

    def offline_with_the_change_waiting():
        said.append(status(a))
        return "Offline" in said[-1] and "1 change made here waits to be sent" in said[-1]
    try:
        wait_for("offline, the change waiting", offline_with_the_change_waiting, 20)
    except AssertionError:
        raise AssertionError(f"the status said: {said[-1]!r}")
    couch_server.start()
    in_step(a, timeout=60)
    assert claim_note_on_server(couch) == ["written while the server was down"]
    # Each record once: nothing lost, nothing twice.
    assert set(server_docs(couch)) == docs


def test_a_malformed_reply_is_refused_with_a_message_and_changes_nothing(browser_factory, couch):
    a = browser_factory("checker")
    a.open_app()
    tag_a_claim(a)
    before = a.records()
    app, sync_tab = open_sync_page(a)
    # The server's changes feed answers with something CouchDB never sends.
    conftest.COUCH["tamper"] = lambda path, body: (
        b'{"results": "all of them", "last_seq": 7}' if "_changes" in path else body)
    connect(a, couch_address(a))
    wait_for("refused", lambda: "Sync stopped" in status(a), 20)
    said = status(a)
    assert "is not what CouchDB sends" in said and "Nothing was changed here" in said, said
    assert a.records() == before
    assert server_docs(couch) == {}


def test_a_library_of_many_batches_arrives_whole_while_the_app_is_open(browser_factory, couch, tmp_path):
    # 30 articles and 600 claims: the server's changes come in batches of 500 and the documents
    # in batches of 200, while the second browser's app tab, open throughout, writes back what
    # it hears (as tabs do). Every record must be stored there.
    a = browser_factory("checker-a")
    mine = load_thirty_articles(a, tmp_path)
    assert len(mine) == 630
    app, sync_tab = open_sync_page(a)
    connect(a, couch_address(a))
    in_step(a, timeout=120)
    b, b_app, b_sync = join(browser_factory, "checker-b", couch, before=None)
    wait_for("every record in B", lambda: {k for k in b.records() if k[:2] in ("a:", "d:")} == mine,
             timeout=30)
    b.driver.switch_to.window(b_app)
    b.click("button", "Big article 29", exact=False)
    wait_for("its 20 claims in B's app", lambda: claim_count(b) == 20, timeout=30)


def test_a_server_stopped_in_the_middle_of_a_first_sync_ends_with_every_record_once(
        browser_factory, couch_server, tmp_path):
    couch = couch_server.port
    a = browser_factory("checker")
    mine = load_thirty_articles(a, tmp_path)
    app, sync_tab = open_sync_page(a)
    connect(a, couch_address(a))
    # Stopped once part of the library is there (the records go in batches of 200).
    seen = []
    wait_for("a first batch on the server",
             lambda: seen.append(len(server_docs(couch))) or seen[-1] >= 200, 30, 0.01)
    couch_server.stop()
    took = seen[-1]
    assert took < len(mine), "the sync ended before the server was stopped"
    wait_for("offline", lambda: "Offline" in status(a), 20)
    couch_server.start()
    in_step(a, timeout=60)
    docs = server_docs(couch)
    assert set(docs) == mine, (len(docs), took)
    code, body = couch_request(couch, "GET", f"/{DB}/_all_docs?include_docs=true&conflicts=true")
    assert not [r["id"] for r in body["rows"] if r["doc"].get("_conflicts")]


def frame_line(b):
    """The line the app's team sync frame shows ("" while there is none)."""
    frames = b.driver.find_elements("css selector", "iframe.team-sync")
    if not frames:
        return ""
    b.driver.switch_to.frame(frames[0])
    try:
        lines = b.driver.find_elements("css selector", ".team-line")
        return lines[0].text if lines else ""
    finally:
        b.driver.switch_to.default_content()


def test_staying_connected_syncs_in_the_app_tabs_with_the_sync_page_closed(browser_factory, couch):
    a = browser_factory("checker-a")
    a.open_app()
    open_seed(a)
    a_app, a_sync = open_sync_page(a)
    a.click("checkbox", "Stay connected", exact=False)
    connect(a, couch_address(a))
    in_step(a)
    # Kept as asked: what to send (this server is asked without credentials).
    kept = json.loads(a.js("return localStorage.getItem('claimmark.sync')"))
    assert kept == {"url": couch_address(a), "db": DB, "user": "", "keep": "none"}
    # Ana closes the sync page: her open app syncs in the background from now on, and says so
    # in a line in the corner.
    a.driver.close()
    a.driver.switch_to.window(a_app)
    wait_for("the app's background sync", lambda: "in step" in frame_line(a))
    assert a.driver.find_element("css selector", "iframe.team-sync").is_displayed()
    assert frame_line(a).startswith("Team sync: "), "it names itself, a link to the sync page"
    assert a.js("return document.querySelector('iframe.team-sync').contentDocument"
                ".querySelector('.team-line a[target=_blank]').getAttribute('href')") == "sync.html"
    tag(a, "The AFP added that those who were celebrating chanted", "Unsourced")
    wait_for("Ana's claim on the server",
             lambda: len(claim_keys(server_docs(couch))) == 1, 20)

    # Ben, through his own sync page: his claim reaches Ana's app, and hers his.
    b, b_app, b_sync = join(browser_factory, "checker-b", couch)
    b.driver.switch_to.window(b_app)
    wait_for("Ana's claim in Ben's app", lambda: claim_count(b) == 1, 20)
    tag(b, "The New York Times reported that Soleimani", "Sourced")
    wait_for("Ben's claim in Ana's app", lambda: claim_count(a) == 2, 20)

    # After a reload, and in a second tab, one background sync goes on (the tabs share one
    # lock): Ben's next claim arrives once.
    a.reload()
    a.open_in_new_tab()
    open_seed(a)
    tag(b, "This is God’s revenge for the blood of those killed", "Sourced")
    wait_for("Ben's second claim in Ana's new tab", lambda: claim_count(a) == 3, 20)
    assert len(claim_keys(a.records())) == 3
    assert len(claim_keys(server_docs(couch))) == 3
    # One sync holds the browser's lock, the other tab's waits for it and says so.
    locks = "return navigator.locks.query().then(s => [s.held.length, s.pending.length])"
    assert a.js(locks) == [1, 1]
    assert frame_line(a) == "Team sync runs in another claimmark tab or on the team sync page."

    # The sync page opened again connects by itself (it takes over from the tabs), and
    # Disconnect forgets what was kept.
    open_sync_page(a)
    in_step(a)
    wait_for("both tabs' syncs wait for the page", lambda: a.js(locks) == [1, 2])
    disconnect(a)
    kept = json.loads(a.js("return localStorage.getItem('claimmark.sync')"))
    assert "keep" not in kept
    # The sync page opened in a second tab takes over; the first waits, saying so.
    first = a.driver.current_window_handle
    a.driver.switch_to.new_window("tab")
    a.driver.get(a.url + "sync.html")
    a.by_role("heading", "Team sync")
    a.driver.switch_to.window(first)
    wait_for("the first page waits", lambda: a.js("return document.body.innerText").strip()
             == "Team sync runs in another claimmark tab or on the team sync page.")


def test_a_server_on_another_origin_syncs_when_named_and_its_cors_allows_the_page(
        browser_factory, couch_server, site):
    # A deployment that names its CouchDB (another origin) when it is built: the build writes
    # it into the sync page's policy (.ci/add-csp, CLAIMMARK_SYNC_SERVERS), as here.
    server = f"http://127.0.0.1:{couch_server.port}"
    variant = conftest.SITE["root"] / "tools" / f"claimmark-{couch_server.port}"
    shutil.copytree(conftest.SITE["root"] / conftest.SUB_PATH, variant)
    page = variant / "sync.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("connect-src 'self';") == 1
    page.write_text(html.replace("connect-src 'self';", f"connect-src 'self' {server};"),
                    encoding="utf-8")
    a = browser_factory("checker")
    a.url = site.replace("/claimmark/", f"/{variant.name}/")
    a.open_app()
    tag_a_claim(a)
    app, sync_tab = open_sync_page(a)
    # pouchdb-server allows any origin (CORS) unless told otherwise: straight to it.
    connect(a, server)
    in_step(a)
    assert len(claim_keys(server_docs(couch_server.port))) == 1
    disconnect(a)

    # The same server allowing only another site: the browser hides its answers from the page,
    # which says what to check (CORS among them) and keeps the work.
    couch_server.stop()
    (couch_server.home / "config.json").write_text(json.dumps(
        {"cors": {"origins": "http://elsewhere.example"}}))
    couch_server.start()
    assert couch_request(couch_server.port, "GET", "/")[0] == 200, "it is up, answering others"
    a.driver.switch_to.window(app)
    a.click("button", "UNSOURCED", exact=False)
    a.type_into("Note", "kept while the server hides its answers")
    wait_for("the note stored", lambda: "kept while the server" in (a.storage() or ""))
    a.driver.switch_to.window(sync_tab)
    a.click("button", "Connect")
    wait_for("no answer", lambda: "CORS settings allow this page's address" in status(a), 20)
    assert "Your work is kept here" in status(a)
    assert "kept while" not in json.dumps(server_docs(couch_server.port))
