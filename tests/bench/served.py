"""A copy of the built app served on 127.0.0.1 for a Chromium benchmark, stopped and removed
afterwards: `with served(dist, "name") as (url, site): ...`."""
import contextlib
import functools
import http.server
import pathlib
import shutil
import socketserver
import tempfile
import threading


class Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(dist, name):
    """Serves `dist` as /app/ from a fresh folder; yields the app's URL and the folder (for
    profiles and generated files)."""
    site = pathlib.Path(tempfile.mkdtemp(prefix=f"claimmark-{name}-"))
    shutil.copytree(dist, site / "app")
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/app/", site
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
