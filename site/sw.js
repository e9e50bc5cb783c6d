// 兜底通 service worker: after one visit the site works with no network.
// scripts/region-pages.mjs fills in VERSION (from the content hashes of every file)
// and PRECACHE (every page and content-hashed file of build/site/) at build time;
// this file keeps its name (it is not hashed) and lives at the site root.
//
// Pages: network first (an updated policy arrives on the next online visit), the
// cached copy when offline or when the network is too slow. Hashed files never
// change: cache first. A new build means new hashes, a new VERSION, a new cache;
// the old caches are deleted when the new worker activates.
const VERSION = 'dev';
const PRECACHE = [];
const CACHE = 'doudi-' + VERSION;
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    // Hashed files never change: what the page just loaded comes from the HTTP cache,
    // not a second download on a weak network. Pages are revalidated.
    .then((cache) => cache.addAll(PRECACHE.map((u) => new Request(u, { cache: /\.[0-9a-f]{10}\.\w+$/.test(u) ? 'default' : 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('doudi-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION });
});

const hashed = (url) => /\.[0-9a-f]{10}\.\w+$/.test(url.pathname);

function fromNetwork(request, cache) {
  return fetch(request).then((res) => {
    if (res && res.ok && res.type === 'basic') cache.put(request, res.clone());
    return res;
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (hashed(url)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })
      .then((hit) => hit || fromNetwork(request, cache))));
    return;
  }
  // Pages and the other unhashed files (manifest, the contract's screen.js): the network
  // if it answers in time, else the cache. Shared links carry ?region= and whatever a
  // messaging app appends, so the cache ignores the query.
  // A page not in the cache (a mistyped link), offline: the start page, sent there by
  // a redirect. Served at the wrong path (regions/nonexistent.html), its relative
  // styles and scripts missed and it hung on “正在打开”.
  event.respondWith(caches.open(CACHE).then((cache) => {
    const start = new URL('./', self.registration.scope).href;
    const cached = () => cache.match(request, { ignoreSearch: true })
      .then((hit) => hit || (request.mode !== 'navigate' ? undefined
        : url.pathname === new URL(start).pathname ? cache.match('./', { ignoreSearch: true }) : Response.redirect(start, 302)));
    const net = fetch(request).then((res) => {
      if (res && res.ok && res.type === 'basic' && !url.search) cache.put(request, res.clone());
      return res;
    });
    let timer;
    const slow = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_TIMEOUT_MS); })
      .then(cached).then((hit) => hit || net);
    return Promise.race([net.then((res) => { clearTimeout(timer); return res; }), slow])
      .catch(() => cached().then((hit) => hit || net));
  }));
});
