"""Fixtures for the end-to-end tests: the release dist/ served on 127.0.0.1 under a sub-path,
and real headless Chromium driven through chromedriver (WebDriver)."""
import contextlib
import functools
import http.client
import http.server
import os
import pathlib
import shutil
import socketserver
import sys
import tempfile
import threading

import pytest

from browser import Browser

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
SUB_PATH = "tools/claimmark"  # served as a static host would serve a sub-folder


# The CouchDB server (pouchdb-server) a test started, if any: the site passes requests under
# /couch/ on to it, as a newsroom's host would (README, "Sharing a library with a team"), so the
# page's own origin is the sync server's and its policy needs no other. `tamper`, if set,
# rewrites the server's answers (path, body) -> body.
COUCH = {"port": None, "tamper": None}
COUCH_PREFIX = "/couch/"
# Where the site's files are (a test may serve a variant of dist/ beside the app's sub-path).
SITE = {"root": None}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass

    def pass_to_couch(self):
        """Passes a request under /couch/ on to pouchdb-server and its answer back."""
        port = COUCH["port"]
        if port is None:
            self.send_error(502, "no CouchDB server is running")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() in ("authorization", "content-type", "accept")}
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            conn.request(self.command, "/" + self.path[len(COUCH_PREFIX):], body, headers)
            reply = conn.getresponse()
            data = reply.read()
            if COUCH["tamper"] is not None:  # a test playing a hostile or broken server
                data = COUCH["tamper"](self.path, data)
        except (OSError, http.client.HTTPException):
            self.send_error(502, "the CouchDB server did not answer")
            return
        finally:
            conn.close()
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.getheader("Content-Type") or "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page stopped waiting (a changes feed's wait cut short)

    def do_GET(self):
        if self.path.startswith(COUCH_PREFIX):
            return self.pass_to_couch()
        return super().do_GET()

    def do_PUT(self):
        self.pass_to_couch() if self.path.startswith(COUCH_PREFIX) else self.send_error(405)

    def do_POST(self):
        self.pass_to_couch() if self.path.startswith(COUCH_PREFIX) else self.send_error(405)


class QuietServer(socketserver.ThreadingTCPServer):
    """A server that does not print a page's request it stopped waiting for (a file cut short
    when the page went away)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site():
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is missing: run `trunk build --release` first (the test command does)")
    root = pathlib.Path(tempfile.mkdtemp(prefix="claimmark-site-"))
    shutil.copytree(DIST, root / SUB_PATH)
    SITE["root"] = root
    handler = functools.partial(QuietHandler, directory=str(root))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def browser_factory(site, tmp_path):
    """Starts fresh browsers (each with its own empty profile); quits them all at the end."""
    started = []

    def start(name="browser"):
        b = Browser(site, tmp_path / name)
        started.append(b)
        return b

    yield start
    for b in started:
        with contextlib.suppress(Exception):
            b.quit()
    # Every flow of every test ran under the page's Content-Security-Policy: nothing was refused.
    refused = [m for b in started for m in b.csp_refusals]
    assert not refused, f"the Content-Security-Policy refused: {refused}"


@pytest.fixture
def browser(browser_factory):
    b = browser_factory()
    b.open_app()
    return b
