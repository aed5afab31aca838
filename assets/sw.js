// Qarin's service worker: keeps the explorer usable offline after the first visit.
//
// `cargo xtask dist` writes it into the built site from the template assets/sw.js, filling in the
// list of the build's files and a version (a hash of those files). Installing caches every file;
// activating deletes this site's caches of other versions; requests for the site's own files are
// answered from the cache first, the network only for what is not cached.
'use strict';

const VERSION = '__QARIN_VERSION__';
// Paths relative to the service worker's scope (the site's root).
const ASSETS = __QARIN_ASSETS__;

const SCOPE = self.registration.scope;
// Cache names carry the scope so that two Qarin sites on one origin keep apart.
const PREFIX = 'qarin:' + SCOPE + ':';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./', SCOPE).href;
const INDEX_FILE = new URL('index.html', SCOPE).href;

// trunk's content-hashed files (`name-0123456789abcdef.js`, `…_bg.wasm`, `.css`): whatever copy
// the HTTP cache holds is the right one, typically the one the page has just loaded.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Other files bypass the HTTP cache (`reload`), so that what is stored is this version.
    await cache.addAll(ASSETS.map((path) =>
      new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? 'default' : 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // The page itself, whatever query string a link added (the app's state is in the hash).
  url.search = '';
  url.hash = '';
  const page = request.mode === 'navigate' && (url.href === INDEX || url.href === INDEX_FILE);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = page ? await cache.match(INDEX) : await cache.match(request);
    return hit || fetch(request);
  })());
});
