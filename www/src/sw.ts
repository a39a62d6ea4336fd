// The offline cache: the app shell and the wasm, cached at install, served cache-first.
// The build replaces __ASSETS__ and __VERSION__ (a hash of the files), so a new build installs
// a new cache and drops the old one. It never fetches anything but this site's own files.
declare const self: ServiceWorkerGlobalScope;
declare const __ASSETS__: string[];
declare const __VERSION__: string;

const CACHE = `logscrub-${__VERSION__}`;

self.addEventListener("install", (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(__ASSETS__.map((a) => new Request(a, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("logscrub-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== self.location.origin) return;
  e.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(e.request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(e.request);
      } catch (err) {
        // Offline and not cached: a navigation gets the cached page.
        if (e.request.mode === "navigate") {
          const page = await cache.match("./");
          if (page) return page;
        }
        throw err;
      }
    }),
  );
});

export {};
