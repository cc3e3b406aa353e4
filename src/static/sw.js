// claimmark's service worker: keeps the app's files so that it opens with the network off.
// A plain script (it passes the page's Content-Security-Policy), registered relative to the
// page, so it works under any sub-path. The build (.ci/add-sw) writes the version and the file
// list below; a new deployment is a new version: its worker installs beside the old one and
// the page offers to reload.
const VERSION = "__CLAIMMARK_VERSION__";
const FILES = ["__CLAIMMARK_FILES__"];
const CACHE = "claimmark-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("claimmark-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit =
        (await cache.match(request, { ignoreSearch: true })) ||
        (request.mode === "navigate" ? await cache.match("./") : undefined);
      return hit || fetch(request);
    }),
  );
});

// The page asks the waiting worker to take over when the user chooses to reload.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});
