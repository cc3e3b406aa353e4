"""A copy of the built app served on 127.0.0.1 for a Chromium benchmark, stopped and removed
afterwards: `with served(dist, "name") as (url, site): ...`; and `compare`, which runs a
benchmark at each size asked on the command line (`[DIST] [SIZE ...]`) in one serving."""
import contextlib
import functools
import http.server
import pathlib
import shutil
import socketserver
import sys
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


def compare(name, default_sizes, run, describe):
    """Runs `run(url, site, size)` for each size given after DIST on the command line (else
    `default_sizes`), printing `describe(size, figures)` for each; returns the sizes and the
    figures by size, for the caller's ratios."""
    args = sys.argv[1:]
    dist = pathlib.Path(args[0] if args else "dist")
    sizes = [int(a) for a in args[1:]] or default_sizes
    figures = {}
    with served(dist, name) as (url, site):
        for n in sizes:
            figures[n] = run(url, site, n)
            print(describe(n, figures[n]))
    return sizes, figures
