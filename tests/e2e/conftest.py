"""Fixtures for the end-to-end tests: the release dist/ served on 127.0.0.1 under a sub-path,
and real headless Chromium driven through chromedriver (WebDriver)."""
import contextlib
import functools
import http.server
import os
import pathlib
import shutil
import socketserver
import tempfile
import threading

import pytest

from browser import Browser

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
SUB_PATH = "tools/claimmark"  # served as a static host would serve a sub-folder


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site():
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is missing: run `trunk build --release` first (the test command does)")
    root = pathlib.Path(tempfile.mkdtemp(prefix="claimmark-site-"))
    shutil.copytree(DIST, root / SUB_PATH)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
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
