// Vitrine's service worker, served at the site root as vitrine-sw.js (builder/assets.py copies it
// there and fills in BUILD and MODEL_CACHE) so its scope is the whole site, also under a sub-path
// (GitHub Pages).
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
//      offline and an online visitor always gets the newest deploy. A network copy replaces the
//      cached one only when it is sound (storeIfSound): its whole body arrived (as long as its
//      Content-Length says), a .json file parses, and models/manifest.json has the manifest's shape.
//      So a truncated or damaged 200 response never overwrites the good offline copy.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** Replaced at build time by a hash of this file and the vendored runtime files. */
const BUILD = '__VITRINE_BUILD__';
/**
 * Replaced at build time by MODEL_CACHE of worker/fetch_model.js (a classic worker cannot import it),
 * so the cache this worker reads is by construction the one the inference worker writes.
 */
const MODEL_CACHE = '__VITRINE_MODEL_CACHE__';
const RUNTIME_CACHE = `vitrine-runtime-${BUILD}`;
const PAGES_CACHE = 'vitrine-pages-v1';

const ROOT = new URL('./', sw.location.href);
const MODELS = new URL('models/', ROOT).href;
const MANIFEST = new URL('models/manifest.json', ROOT).href;
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
      event.waitUntil(storeIfSound(cache, request, response.clone()));
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

/**
 * Keep `response` as the offline copy of `request` only if it is sound, else keep the copy we have:
 * - its body read to the end without an error (a dropped connection fails the read) and, when it was
 *   not content-encoded, has as many bytes as its Content-Length;
 * - a .json file parses as JSON;
 * - the model manifest also has the manifest's shape: an object with `schema_version` and a `models`
 *   array of objects with a string `id` and a `variants` array. This is a structural check only: a
 *   classic service worker cannot import js_runtime's schema validator (ajv), and the page still
 *   validates the manifest in full against builder/schemas/manifest.schema.json before using it.
 * @param {Cache} cache
 * @param {Request} request
 * @param {Response} response a clone of a 200 network response
 */
async function storeIfSound(cache, request, response) {
  try {
    const body = await response.arrayBuffer();
    if (!isComplete(response, body)) return;
    const url = new URL(request.url);
    const path = url.origin + url.pathname;
    if (path === MANIFEST) {
      if (!isManifest(parseJson(body))) return;
    } else if (url.pathname.endsWith('.json') && parseJson(body) === undefined) {
      return;
    }
    await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
  } catch {
    // interrupted body, quota: keep the copy we have
  }
}

/**
 * @param {Response} response
 * @param {ArrayBuffer} body its body, as read
 */
function isComplete(response, body) {
  const header = response.headers.get('Content-Length');
  const encoding = response.headers.get('Content-Encoding') ?? 'identity';
  // Content-Length counts encoded bytes; the body is decoded, so it can only be compared unencoded.
  if (header === null || header.trim() === '' || encoding !== 'identity') return true;
  return Number(header) === body.byteLength;
}

/**
 * @param {ArrayBuffer} body
 * @returns {unknown} the parsed JSON, or undefined when it is not JSON (or not UTF-8)
 */
function parseJson(body) {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
}

/** @param {unknown} json */
function isManifest(json) {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const { schema_version: version, models } = /** @type {{schema_version?: unknown, models?: unknown}} */ (json);
  return typeof version === 'number' && Array.isArray(models) && models.every((m) =>
    typeof m === 'object' && m !== null && typeof m.id === 'string' && Array.isArray(m.variants));
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
