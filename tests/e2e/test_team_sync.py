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
from test_records import note, tag_a_claim

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


@pytest.fixture
def couch():
    """pouchdb-server in memory on a free port of 127.0.0.1, with an empty database `claims`;
    the site passes /couch/ on to it. Stopped at the end."""
    if not POUCHDB.exists():
        pytest.fail("pouchdb-server is not installed: run `bash .ci/setup --test`")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = pathlib.Path(tempfile.mkdtemp(prefix="claimmark-couch-e2e-"))
    child = subprocess.Popen(
        [str(POUCHDB), "--port", str(port), "--host", "127.0.0.1", "--in-memory",
         "--no-stdout-logs", "--config", str(home / "config.json")],
        cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while True:
            try:
                couch_request(port, "GET", "/")
                break
            except OSError:
                assert time.time() < deadline, "pouchdb-server did not answer within 30 s"
                time.sleep(0.1)
        assert couch_request(port, "PUT", f"/{DB}")[0] in (201, 202)
        conftest.COUCH["port"] = port
        yield port
    finally:
        conftest.COUCH["port"] = None
        child.kill()
        child.wait()
        shutil.rmtree(home, ignore_errors=True)


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
    assert len([k for k in server_docs(couch) if k.startswith("a:")]) == 1
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
    a = browser_factory("checker-a")
    a.open_app()
    tag_a_claim(a)
    a_app, a_sync = open_sync_page(a)
    connect(a, couch_address(a))
    in_step(a)
    b = browser_factory("checker-b")
    b.open_app()
    open_seed(b)
    b_app, b_sync = open_sync_page(b)
    connect(b, couch_address(b))
    in_step(b)
    # Both disconnect and edit the same claim's note: A first, then B.
    for x, sync_tab in ((a, a_sync), (b, b_sync)):
        x.driver.switch_to.window(sync_tab)
        x.click("button", "Disconnect")
        wait_for("disconnected", lambda: "Not connected" in status(x))
    a.driver.switch_to.window(a_app)
    a.click("button", "UNSOURCED", exact=False)
    a.type_into("Note", "A's reading")
    wait_for("stored in A", lambda: "A's reading" in (a.storage() or ""))
    b.driver.switch_to.window(b_app)
    wait_for("the claim in B", lambda: claim_count(b) == 1)
    b.click("button", "UNSOURCED", exact=False)
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
    # Nothing changed here, nothing was sent there.
    assert a.records() == before
    assert server_docs(couch) == {}
