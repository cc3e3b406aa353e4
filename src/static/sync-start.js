// Starts the team sync page's wasm (built by Trunk as a plain script, `claimmark-sync.js`,
// which defines `wasm_bindgen`). A file of its own: the page's policy allows no inline script.
//
// One sync at a time per browser: the page runs only while it holds the lock
// "claimmark-sync". In an app's tab (`sync.html?background`, a frame in the corner) it waits
// for the lock, saying so, so of several tabs one syncs and the next takes over when it
// closes; when the team sync page opens it takes the lock, and the frame (or the sync page in
// another tab) that had it starts again and waits.
var start = function () {
  wasm_bindgen({ module_or_path: "claimmark-sync_bg.wasm" });
  return new Promise(function () {});
};
if (!navigator.locks) {
  start();
} else if (location.search === "?background") {
  var waiting = document.createElement("p");
  waiting.className = "team-line";
  waiting.setAttribute("role", "status");
  waiting.textContent = "Team sync runs in another claimmark tab or on the team sync page.";
  document.body.appendChild(waiting);
  navigator.locks
    .request("claimmark-sync", function () {
      waiting.remove();
      return start();
    })
    .catch(function () {
      location.reload();
    });
} else {
  // Opened again in another tab, which took the lock: this one becomes a frame's kind of
  // page, waiting (two pages must not sync at once, nor take the lock from each other).
  navigator.locks.request("claimmark-sync", { steal: true }, start).catch(function () {
    location.replace("sync.html?background");
  });
}
