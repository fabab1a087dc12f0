// The playground's service worker. At the first visit it caches the app — the
// files listed below, written in by web/postbuild.mjs at build time — and then
// serves them from that cache, so the page loads and works with no network.
//
// It sees nothing but requests for those files: the page makes no request with
// a token (its CSP says connect-src 'none'), and a shared token sits in the URL
// fragment, which is never sent. It caches nothing else. A new build changes
// VERSION, so the browser installs the new worker, which takes over and
// deletes the old cache.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `jwtlens-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("jwtlens-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // The page itself (with any query string) is index.html; every other app file is itself.
  const key = request.mode === "navigate" ? new URL("./", self.registration.scope).href : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key, { ignoreSearch: true })) ?? fetch(request)),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "version") event.source?.postMessage({ version: VERSION });
});
