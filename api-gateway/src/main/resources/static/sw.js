// The dashboard's service worker (scope: the whole dashboard). It keeps the app shell in a cache
// named after VERSION (bump it when a file is added, renamed or removed: the old cache is dropped on
// activation) and the API reads an inspector needs on site in a second cache, so that a brigade
// opened once can be opened again without a connection. Both are network-first: online, the user
// always sees the server's current files and data and the caches are refreshed ("take brigades
// offline" reads a set of brigades through here to fill them); offline (or when
// the network does not answer in time) the stored copy is served. Writes are never handled here:
// they fail as network errors and the page queues them (js/offline/).
const VERSION = 'v3';
const SHELL_CACHE = `brigades-shell-${VERSION}`;
const API_CACHE = 'brigades-api';
const SHELL_TIMEOUT_MS = 4000;

// Every file of the dashboard (a test checks this list against the static folder).
const SHELL = [
  './', 'index.html', 'app.css', 'manifest.webmanifest',
  'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png',
  'js/api.js', 'js/app.js', 'js/calendar.js', 'js/chart.js', 'js/i18n.js', 'js/ui.js',
  'js/offline/queue.js', 'js/offline/sync.js', 'js/offline/photos.js',
  'js/views/brigade.js', 'js/views/gallery.js', 'js/views/imports.js', 'js/views/overview.js', 'js/views/queue.js',
  'js/views/report.js', 'js/views/supervision.js', 'js/views/take-offline.js',
];

// The reads behind the overview and a brigade's page (path only; the query is part of the key).
const API_READS = [
  /^\/api\/v1\/(me|calendar|standards|counties|brigades)$/,
  /^\/api\/v1\/brigades\/[^/]+$/,
  /^\/api\/v1\/brigades\/[^/]+\/(milestones|vehicles|equipment|equipment-checks|drills|firefighters|funding|compliance|attachments)$/,
  /^\/api\/v1\/acceptance\/\d{4}\/brigades\/[^/]+\/inspections$/,
  /^\/api\/v1\/audit$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('brigades-shell-') && n !== SHELL_CACHE)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (API_READS.some((pattern) => pattern.test(url.pathname))) event.respondWith(apiRead(event));
    return;
  }
  if (url.pathname.startsWith('/v3/') || url.pathname.startsWith('/swagger') || url.pathname.startsWith('/actuator')) return;
  event.respondWith(shellFile(request));
});

/** A file of the shell: the network's answer if it comes in time (and stored), else the stored copy. */
async function shellFile(request) {
  const cache = await caches.open(SHELL_CACHE);
  const key = request.mode === 'navigate' ? 'index.html' : request;
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(key, response.clone());
    return response;
  });
  const stored = await cache.match(key, {ignoreSearch: request.mode === 'navigate'});
  if (!stored) return network;
  const late = new Promise((resolve) => setTimeout(() => resolve(stored), SHELL_TIMEOUT_MS));
  return Promise.race([network.catch(() => stored), late]);
}

/** An API read: from the network (a copy stored, with when), else the stored copy, else a 503 problem. */
async function apiRead(event) {
  const request = event.request;
  let response;
  try {
    response = await fetch(request);
  } catch (networkError) {
    const stored = await caches.match(request, {cacheName: API_CACHE, ignoreVary: true});
    if (stored) return stored;
    return new Response(JSON.stringify({type: 'about:blank', title: 'Offline', status: 503, offline: true,
      detail: 'no connection, and this page was not opened before on this device'}),
    {status: 503, headers: {'Content-Type': 'application/problem+json'}});
  }
  // stored before it is handed over, so that a page read (or a brigade taken offline) is on the
  // device once the page has it; a full device only costs the copy
  if (response.status === 200) await store(request, response.clone()).catch(() => {});
  return response;
}

async function store(request, response) {
  const headers = new Headers(response.headers);
  headers.set('X-Offline-Stored', new Date().toISOString());
  const body = await response.blob();
  const cache = await caches.open(API_CACHE);
  await cache.put(request, new Response(body, {status: 200, headers}));
}
