"""What the browser does for one change, the release build in headless Chromium: the reader
benchmark's article (1,000,000 characters, CLAIMS claims) opened by script as in
profile_open.py, then COUNT keystrokes in a claim's note (`key`) or tags of a new claim (`tag`),
each inside a Chromium timeline trace (Tracing over the DevTools websocket, which WebDriver's
own commands cannot receive). Prints, for each, the time the change took as profile_keystroke.py
or profile_tag.py print it, then every style, layout, paint and script event of 0.1 ms or more in
order, in ms from the first event, with how many elements were restyled and objects laid out,
and what forced a layout from script when one did. A tool for finding what to work on; asserts
nothing.

    trace_change.py [DIST] [CLAIMS] [key|tag] [COUNT]
"""
import json
import pathlib
import sys
import time
import urllib.request

import websocket  # selenium's own dependency

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from profile_keystroke import KEY  # noqa: E402
from profile_open import open_big_article, quiet_browser  # noqa: E402
from profile_tag import TAG  # noqa: E402
from reader_scale import PHRASE  # noqa: E402

CATEGORIES = ("devtools.timeline,disabled-by-default-devtools.timeline,"
              "disabled-by-default-devtools.timeline.stack")
SHOWN = ("Layout", "UpdateLayoutTree", "FunctionCall", "EventDispatch", "TimerFire", "Paint",
         "FireAnimationFrame", "Commit", "HitTest", "IntersectionObserverController::computeIntersections")


def trace(ws, action):
    """Runs `action` inside a trace; returns its result and the trace's events."""
    ws.send(json.dumps({"id": 1, "method": "Tracing.start",
                        "params": {"categories": CATEGORIES, "transferMode": "ReportEvents"}}))
    time.sleep(0.3)
    result = action()
    time.sleep(0.3)
    ws.send(json.dumps({"id": 2, "method": "Tracing.end"}))
    events = []
    while True:
        message = json.loads(ws.recv())
        if message.get("method") == "Tracing.dataCollected":
            events += message["params"]["value"]
        if message.get("method") == "Tracing.tracingComplete":
            return result, events


def describe(event):
    args = event.get("args", {})
    data, begin = args.get("data", {}), args.get("beginData", {})
    if event["name"] == "Layout":
        what = f"{begin.get('dirtyObjects')} of {begin.get('totalObjects')} objects"
    elif event["name"] == "UpdateLayoutTree":
        what = f"{args.get('elementCount')} elements"
    else:
        what = data.get("type", "") or data.get("functionName", "")
    forced = begin.get("stackTrace") or data.get("stackTrace")
    if forced and event["name"] in ("Layout", "UpdateLayoutTree"):
        what += f" (forced by script: {forced[0].get('functionName') or 'anonymous'})"
    return what


def main():
    args = sys.argv[1:]
    dist = pathlib.Path(args[0] if args else "dist")
    claims = int(args[1]) if len(args) > 1 else 5_000
    kind = args[2] if len(args) > 2 else "key"
    count = int(args[3]) if len(args) > 3 else 3
    with quiet_browser(dist, claims) as b:
        d = b.driver
        address = d.capabilities["goog:chromeOptions"]["debuggerAddress"]
        pages = json.load(urllib.request.urlopen(f"http://{address}/json"))
        page = next(t for t in pages if t["type"] == "page")
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], suppress_origin=True)
        open_big_article(b, claims)
        if kind == "key":
            d.execute_script("document.querySelector('.claim-entry').click()")
        for n in range(count):
            time.sleep(1.5)
            script = (lambda: d.execute_async_script(KEY)) if kind == "key" else (
                lambda: d.execute_async_script(TAG, PHRASE))
            took, events = trace(ws, script)
            shown = sorted((e for e in events if e.get("ph") == "X" and e.get("name") in SHOWN
                            and e.get("dur", 0) >= 100), key=lambda e: e["ts"])
            print(f"{kind} {n + 1}: {took}")
            t0 = shown[0]["ts"] if shown else 0
            for e in shown:
                print(f"  {(e['ts'] - t0) / 1000:7.2f} ms  +{e['dur'] / 1000:5.2f} ms  {e['name']}  {describe(e)}")
        ws.close()


if __name__ == "__main__":
    main()
