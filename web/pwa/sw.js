// The playground's service worker. At the first visit it caches the app — the
// files listed below, written in by web/postbuild.mjs at build time — and then
// serves them from that cache, so the page loads and works with no network.
//
// The page makes no request with a token (its CSP says connect-src 'none').
// A shared link's token sits in the URL fragment, which no server receives;
// the worker does see it in a navigation's URL (browsers include the fragment
// there), and ignores it: it answers every navigation to the app's address with
// the cached page and stores nothing but the listed files. A new build changes
// VERSION, so the browser installs the new worker, which takes over and deletes
// the old cache.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `jwtlens-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Past the HTTP cache: a server's max-age must not pair an old index.html with new files.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
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
  const url = new URL(request.url);
  const root = new URL("./", self.registration.scope);
  // The app's address (with any query string or fragment) is index.html; every
  // listed file is itself; anything else (another page under the scope, the
  // worker script) goes to the network untouched.
  const isRoot = url.pathname === root.pathname || url.pathname === `${root.pathname}index.html`;
  if (request.mode === "navigate" && !isRoot) return;
  const key = request.mode === "navigate" ? root.href : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key, { ignoreSearch: true })) ?? fetch(request)),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "version") event.source?.postMessage({ version: VERSION });
});
