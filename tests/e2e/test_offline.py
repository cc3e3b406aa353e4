"""Offline and installable: the service worker keeps the app's files, so that reloading with the
server gone opens the app and the library; a new deployment is picked up and the user is told;
the manifest and icon are served from the app's folder (no request for /favicon.ico at the
site root)."""
import contextlib
import functools
import http.server
import json
import shutil
import socketserver
import threading

import pytest

from browser import Browser, wait_for
from conftest import DIST, SUB_PATH
from test_claimmark import SEED_TITLE, claim_count, open_seed


class Site:
    """dist/ served on 127.0.0.1 under a sub-path, from a copy that a test may change, with the
    paths asked for recorded; stopped and started again at will (on the same port)."""

    def __init__(self, root):
        self.root = root
        shutil.copytree(DIST, root / SUB_PATH)
        self.requests = []
        self.port = 0
        self.server = None
        self.start()

    def start(self):
        site = self

        class Recording(http.server.SimpleHTTPRequestHandler):
            extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".wasm": "application/wasm", ".webmanifest": "application/manifest+json"}

            def log_message(self, *args):
                pass

            def do_GET(self):
                site.requests.append(self.path)
                super().do_GET()

        handler = functools.partial(Recording, directory=str(self.root))
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/{SUB_PATH}/"


@pytest.fixture
def site_and_browser(tmp_path):
    site = Site(tmp_path / "site")
    b = Browser(site.url, tmp_path / "browser")
    yield site, b
    with contextlib.suppress(Exception):
        b.quit()
    with contextlib.suppress(Exception):
        site.stop()
    assert not b.csp_refusals, f"the Content-Security-Policy refused: {b.csp_refusals}"


def controlled(b):
    return b.js("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")


def test_the_app_and_the_library_open_with_the_server_gone(site_and_browser):
    site, b = site_and_browser
    b.open_app()
    wait_for("the service worker in control", lambda: controlled(b), timeout=20)
    open_seed(b)
    b.select_by_dragging(SEED_TITLE)
    b.click("button", "Sourced")
    wait_for("the claim", lambda: claim_count(b) == 1)

    # The manifest and the icon come from the app's own folder, never the site root.
    manifest = b.js("return document.querySelector('link[rel=manifest]').href")
    assert manifest == site.url + "manifest.webmanifest"
    parsed = json.loads((site.root / SUB_PATH / "manifest.webmanifest").read_text())
    assert parsed["start_url"] == "./" and parsed["icons"]
    assert "/favicon.ico" not in site.requests

    site.stop()
    b.reload()
    wait_for("the seed article", lambda: b.article_text().startswith("Thousands of Iraqis"))
    assert claim_count(b) == 1, "the library is there, offline"
    # Work goes on offline: tagging another claim is saved as ever.
    b.select_by_dragging("Secretary of State Mike Pompeo released a video")
    b.press("u")
    wait_for("the second claim", lambda: claim_count(b) == 2)
    assert '"verdict":"unsourced"' in b.storage()


def test_a_new_deployment_is_picked_up_and_offered(site_and_browser):
    site, b = site_and_browser
    b.open_app()
    wait_for("the service worker in control", lambda: controlled(b), timeout=20)
    assert not b.all_by_role("button", "Reload to use it")

    # A new deployment: a changed file means a new service worker (its version is their hash).
    sw = site.root / SUB_PATH / "sw.js"
    sw.write_text(sw.read_text().replace('const VERSION = "', 'const VERSION = "new-'), encoding="utf-8")
    b.reload()
    b.by_role("button", "Reload to use it", timeout=20)
    assert "A new version of claimmark is ready." in b.status_text()
    b.click("button", "Reload to use it")
    wait_for("the new version in control", lambda: b.js(
        "return navigator.serviceWorker.getRegistration().then(r => r && !r.waiting && !!r.active)") is True,
        timeout=20)
    b.wait_ready()
    wait_for("no offer after the reload", lambda: not b.all_by_role("button", "Reload to use it"))
    names = b.js("return caches.keys()")
    assert any(n.startswith("claimmark-new-") for n in names), names
    assert not any(n.startswith("claimmark-") and not n.startswith("claimmark-new-") for n in names), \
        "the old version's cache is gone"
