// Vitrine's service worker, served at the site root as vitrine-sw.js (builder/assets.py copies it
// there and fills in BUILD) so its scope is the whole site, also under a sub-path (GitHub Pages).
// Registered by js_runtime/service_worker_client.js unless mkdocs.yml sets `service_worker: false`.
//
// 1. Isolation: GitHub Pages cannot send headers, so every response this worker hands to the site
//    gets Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp
//    (everything the site loads is same-origin, so require-corp blocks nothing and works in every
//    engine, unlike `credentialless`). The page is then `crossOriginIsolated`, SharedArrayBuffer
//    exists and onnxruntime-web runs WASM with several threads. The page reloads once after the
//    first install (the document that registered it was fetched without the headers).
// 2. Caching, one writer per kind of file:
//    - models/**.onnx (content-addressed): read cache-first from MODEL_CACHE, which only the inference
//      worker writes, after checking the file's sha256 against the manifest (worker/fetch_model.js).
//      This worker never stores model files: it does not know their expected hash.
//    - vitrine/vendor/** (onnxruntime-web's .mjs/.wasm, chart.js; pinned by package-lock): cache-first
//      in RUNTIME_CACHE, whose name carries BUILD (a hash of these files), so a new build installs a
//      new worker whose activation drops the old runtime cache.
//    - everything else of the site (pages, manifest.json, js_runtime/, worker/ scripts, css, search
//      index): network-first, with the cached copy as the offline fallback, so a visited site works
//      offline and an online visitor always gets the newest deploy.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** Replaced at build time by a hash of this file and the vendored runtime files. */
const BUILD = '__VITRINE_BUILD__';
/** Must equal MODEL_CACHE in fetch_model.js (a classic worker cannot import it). */
const MODEL_CACHE = 'vitrine-models-v1';
const RUNTIME_CACHE = `vitrine-runtime-${BUILD}`;
const PAGES_CACHE = 'vitrine-pages-v1';

const ROOT = new URL('./', sw.location.href);
const MODELS = new URL('models/', ROOT).href;
const VENDOR = new URL('vitrine/vendor/', ROOT).href;

/** @type {Record<string, string>} */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

sw.addEventListener('install', () => {
  sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('vitrine-runtime-') && name !== RUNTIME_CACHE) await caches.delete(name);
    }
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Leave alone what is not ours to cache or change.
  if (request.method !== 'GET' || url.origin !== ROOT.origin || !url.href.startsWith(ROOT.href) || request.headers.has('Range')) {
    return;
  }
  if (url.href.startsWith(MODELS) && url.pathname.endsWith('.onnx')) {
    event.respondWith(cacheFirst(request, MODEL_CACHE, false));
  } else if (url.href.startsWith(VENDOR)) {
    event.respondWith(cacheFirst(request, RUNTIME_CACHE, true));
  } else {
    event.respondWith(networkFirst(request, event));
  }
});

/**
 * @param {Request} request
 * @param {string} cacheName
 * @param {boolean} store whether to store a network response
 */
async function cacheFirst(request, cacheName, store) {
  const cache = await openCache(cacheName);
  const hit = await cache?.match(request).catch(() => undefined);
  if (hit) return isolate(hit);
  const response = await fetch(request);
  if (store && cache && response.ok && response.type === 'basic') {
    await cache.put(request, response.clone()).catch(() => undefined); // quota: serve uncached
  }
  return isolate(response);
}

/**
 * @param {Request} request
 * @param {FetchEvent} event
 */
async function networkFirst(request, event) {
  const cache = await openCache(PAGES_CACHE);
  try {
    const response = await fetch(request);
    if (cache && response.ok && response.type === 'basic') {
      event.waitUntil(cache.put(request, response.clone()).catch(() => undefined));
    }
    return isolate(response);
  } catch (error) {
    const hit = await cache?.match(request).catch(() => undefined)
      ?? (request.mode === 'navigate' ? await cache?.match(request, { ignoreSearch: true }).catch(() => undefined) : undefined);
    if (hit) return isolate(hit);
    if (request.mode === 'navigate') {
      return isolate(new Response(
        '<!doctype html><meta charset="utf-8"><title>Offline</title><p>You are offline and this page was not visited before.</p>',
        { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
    }
    throw error;
  }
}

/** @param {string} name */
async function openCache(name) {
  try {
    return await caches.open(name);
  } catch {
    return null;
  }
}

/**
 * A copy of `response` with the isolation headers (opaque and error responses cannot be changed).
 * @param {Response} response
 */
function isolate(response) {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
