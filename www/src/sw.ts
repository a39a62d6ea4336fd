// The offline cache. The app's files are cached at install and served from the cache only
// when they match the SHA-256 the build wrote here (__HASHES__): a copy that does not match is
// fetched again and checked, and never served. policy.json is the team's to change without a
// build: network first, the cached copy only when offline. The cache name carries this
// registration's scope, so an app elsewhere on the origin neither shares nor deletes it. It
// never fetches anything but this site's own files.
declare const self: ServiceWorkerGlobalScope;
declare const __HASHES__: Record<string, string>;
declare const __VERSION__: string;

const SCOPE = self.registration.scope;
const CACHE = `logscrub-${__VERSION__}@${SCOPE}`;
const POLICY = "policy.json";
const url = (name: string) => new URL(name, SCOPE).href;

/** SHA-256, base64 (as the build writes them). */
async function sha256(res: Response): Promise<string> {
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", await res.arrayBuffer()))));
}

/** The network's copy of an app file, when it matches the build's hash; otherwise null. */
async function fetchVerified(name: string): Promise<Response | null> {
  const res = await fetch(url(name), { cache: "reload", credentials: "same-origin" });
  if (res.ok && (await sha256(res.clone())) === __HASHES__[name]) return res;
  return null;
}

self.addEventListener("install", (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const name of Object.keys(__HASHES__)) {
        const res = await fetchVerified(name);
        // A file that does not match this build fails the install: the old worker stays.
        if (!res) throw new Error(`${name} does not match this build`);
        await cache.put(url(name), res);
      }
      try {
        const p = await fetch(url(POLICY), { cache: "no-cache", credentials: "omit" });
        if (p.ok) await cache.put(url(POLICY), p);
      } catch {
        // No team policy: the built-in default applies.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      // Older caches of this scope only (and the unscoped names of older builds).
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE && (k.endsWith(`@${SCOPE}`) || /^logscrub-[0-9a-f]{16}$/.test(k))).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** An app file: the cached copy if it matches its hash, else the network's if it does. */
async function verified(name: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url(name));
  if (hit && (await sha256(hit.clone())) === __HASHES__[name]) return hit;
  try {
    const res = await fetchVerified(name);
    if (res) {
      await cache.put(url(name), res.clone());
      return res;
    }
    // The server has other files: most likely a newer build, whose worker will take over.
    void self.registration.update();
  } catch {
    // Offline: nothing verified to serve.
  }
  return new Response(`${name} failed its integrity check`, {
    status: 503,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

async function networkFirst(): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(url(POLICY), { cache: "no-cache", credentials: "omit" });
    if (res.ok) await cache.put(url(POLICY), res.clone());
    else if (res.status === 404) await cache.delete(url(POLICY));
    return res;
  } catch {
    const hit = await cache.match(url(POLICY));
    if (!hit) return Response.error();
    const headers = new Headers(hit.headers);
    headers.set("x-logscrub-cache", "offline");
    return new Response(await hit.blob(), { status: hit.status, headers });
  }
}

self.addEventListener("fetch", (e) => {
  const u = new URL(e.request.url);
  if (e.request.method !== "GET" || u.origin !== self.location.origin) return;
  const scopePath = new URL(SCOPE).pathname;
  if (!u.pathname.startsWith(scopePath)) return;
  const name = u.pathname.slice(scopePath.length) || "index.html";
  if (name === POLICY) e.respondWith(networkFirst());
  else if (Object.hasOwn(__HASHES__, name)) e.respondWith(verified(name));
  else if (e.request.mode === "navigate") e.respondWith(fetch(e.request).catch(() => verified("index.html")));
});

export {};
