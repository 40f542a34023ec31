// Vitrine's service worker, served at the site root as vitrine-sw.js (builder/assets.py copies it
// there and fills in BUILD and MODEL_CACHE) so its scope is the whole site, also under a sub-path
// (GitHub Pages).
// Registered by js_runtime/service_worker_client.js unless mkdocs.yml sets `service_worker: false`.
//
// 1. Isolation: GitHub Pages cannot send headers, so every document and worker script this worker
//    hands to the site gets Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy:
//    require-corp (everything the site loads is same-origin, so require-corp blocks nothing and works
//    in every engine, unlike `credentialless`; other responses need no headers and pass unchanged). The page is then `crossOriginIsolated`, SharedArrayBuffer
//    exists and onnxruntime-web runs WASM with several threads. Isolation starts with the next page
//    view after the first install: the document that registered this worker was fetched without the
//    headers, and it is neither reloaded nor claimed (its demo runs on one thread meanwhile).
// 2. Caching, one writer per kind of file:
//    - models/**.onnx (content-addressed): read cache-first from MODEL_CACHE, which only the inference
//      worker writes, after checking the file's sha256 against the manifest (worker/fetch_model.js).
//      This worker never stores model files: it does not know their expected hash.
//    - vitrine/vendor/** (onnxruntime-web's .mjs/.wasm, chart.js; pinned by package-lock): cache-first
//      in RUNTIME_CACHE, whose name carries BUILD (a hash of these files), so a new build installs a
//      new worker whose activation drops the old runtime cache. A network copy is handed on as it
//      streams in (onnxruntime-web compiles its .wasm while it arrives) and stored meanwhile.
//    - everything else of the site (pages, manifest.json, js_runtime/, worker/ scripts, css, search
//      index): network-first, with the cached copy as the offline fallback, so a visited site works
//      offline and an online visitor always gets the newest deploy. A network copy replaces the
//      cached one only when it is sound (storeIfSound): its whole body arrived (as long as its
//      Content-Length says), a .json file parses, and models/manifest.json has the manifest's shape.
//      So a truncated or damaged 200 response never overwrites the good offline copy. Navigations use
//      navigation preload where the browser has it: the page's request goes out while this worker
//      starts, instead of after.

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

/**
 * The runtime's files (builder/assets.py VENDOR, under vitrine/vendor/). The page that installs this
 * worker has just loaded those of its tier straight from the network (it is not controlled), so they
 * sit in the browser's HTTP cache: `install` copies whatever of them is there into RUNTIME_CACHE, and
 * the next page view gets its runtime from here (with its compiled WebAssembly code cache) rather than
 * through a first, storing pass. Files the page did not load are not fetched.
 */
// builder/assets.py fills in the vendored runtime files (its VENDOR list, licences left out), space-separated.
const RUNTIME_FILES = '__VITRINE_RUNTIME_FILES__'.split(' ');

sw.addEventListener('install', (event) => {
  sw.skipWaiting();
  event.waitUntil(adoptRuntime());
});

/** Copy the runtime files the HTTP cache holds into RUNTIME_CACHE (never from the network). */
async function adoptRuntime() {
  const cache = await openCache(RUNTIME_CACHE);
  if (!cache) return;
  await Promise.all(RUNTIME_FILES.map(async (file) => {
    const url = VENDOR + file;
    try {
      if (await cache.match(url)) return;
      const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
      if (response.ok && response.type === 'basic') await cache.put(url, response);
    } catch {
      // not in the HTTP cache (a network error by definition), or quota: the first request stores it
    }
  }));
}

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('vitrine-runtime-') && name !== RUNTIME_CACHE) await caches.delete(name);
    }
    await sw.registration?.navigationPreload?.enable().catch(() => undefined);
    // No clients.claim(): the page that registered this worker, and its inference worker, keep loading
    // straight from the network (their runtime and model downloads are not re-routed through here
    // midway); the next page view is controlled, isolated and cached from its first request.
  })());
});

/** At most this many page files are adopted per message (a page loads a few dozen). */
const MAX_ADOPTED = 200;

/**
 * The page that installed this worker was not controlled by it, so nothing it loaded is in this
 * worker's caches; it sends the URLs it loaded ({type: 'adopt', urls}, js_runtime/service_worker_client.js)
 * and they are copied from the HTTP cache, as the runtime is on install: the next page view then finds
 * its page, scripts and manifest here (and works offline after one visit). Only URLs of this site are
 * taken, never model files (only the inference worker writes those, after their sha256 check); the
 * runtime's go to RUNTIME_CACHE, the rest, checked like any network copy (storeIfSound), to PAGES_CACHE.
 */
sw.addEventListener('message', (event) => {
  const data = /** @type {{type?: unknown, urls?: unknown}} */ (event.data);
  if (data?.type !== 'adopt' || !Array.isArray(data.urls)) return;
  event.waitUntil(adoptPages(data.urls.slice(0, MAX_ADOPTED)));
});

/** @param {unknown[]} urls */
async function adoptPages(urls) {
  await Promise.all(urls.map(async (raw) => {
    if (typeof raw !== 'string') return;
    let url;
    try {
      url = new URL(raw);
    } catch {
      return;
    }
    url.hash = '';
    if (url.origin !== ROOT.origin || !url.href.startsWith(ROOT.href) || url.href.startsWith(MODELS) && url.pathname.endsWith('.onnx')) return;
    const runtime = url.href.startsWith(VENDOR);
    const cache = await openCache(runtime ? RUNTIME_CACHE : PAGES_CACHE);
    if (!cache) return;
    try {
      const request = new Request(url.href);
      if (await cache.match(request)) return;
      const response = await fetch(request, { cache: 'only-if-cached', mode: 'same-origin' });
      if (!response.ok || response.type !== 'basic') return;
      if (runtime) await cache.put(request, response);
      else await storeIfSound(cache, request, response);
    } catch {
      // not in the HTTP cache, or quota: the next request for it stores it
    }
  }));
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Leave alone what is not ours to cache or change.
  if (request.method !== 'GET' || url.origin !== ROOT.origin || !url.href.startsWith(ROOT.href) || request.headers.has('Range')) {
    return;
  }
  if (url.href.startsWith(MODELS) && url.pathname.endsWith('.onnx')) {
    event.respondWith(cacheFirst(request, MODEL_CACHE, null));
  } else if (url.href.startsWith(VENDOR)) {
    event.respondWith(cacheFirst(request, RUNTIME_CACHE, event));
  } else {
    event.respondWith(networkFirst(request, event));
  }
});

/**
 * @param {Request} request
 * @param {string} cacheName
 * @param {FetchEvent | null} storeFor store a network response, in the background of this event (null: never)
 */
async function cacheFirst(request, cacheName, storeFor) {
  const cache = await openCache(cacheName);
  const hit = await cache?.match(request).catch(() => undefined);
  if (hit) return isolate(hit, request);
  const response = await fetch(request);
  if (storeFor && cache && response.ok && response.type === 'basic') {
    // Not awaited: the page reads the response while Cache.put stores the copy (whole, or on a failed
    // read or quota not at all).
    storeFor.waitUntil(cache.put(request, response.clone()).catch(() => undefined));
  }
  return isolate(response, request);
}

/**
 * @param {Request} request
 * @param {FetchEvent} event
 */
async function networkFirst(request, event) {
  const cache = await openCache(PAGES_CACHE);
  // The offline copy is looked up beside the network request: to compare versions, or to answer offline.
  const held = cache?.match(request).catch(() => undefined) ?? Promise.resolve(undefined);
  try {
    const preloaded = request.mode === 'navigate' ? await event.preloadResponse?.catch(() => undefined) : undefined;
    const response = preloaded ?? await fetch(request);
    if (cache && response.ok && response.type === 'basic' && !sameVersion(await held, response)) {
      event.waitUntil(storeIfSound(cache, request, response.clone()));
    }
    return isolate(response, request);
  } catch (error) {
    // A static host serves a file whatever its query says (the inference worker's script carries its
    // tier and thread count), so another query's copy is the same file.
    const hit = await held ?? await cache?.match(request, { ignoreSearch: true }).catch(() => undefined);
    if (hit) return isolate(hit, request);
    if (request.mode === 'navigate') {
      return isolate(new Response(
        '<!doctype html><meta charset="utf-8"><title>Offline</title><p>You are offline and this page was not visited before.</p>',
        { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } }), request);
    }
    throw error;
  }
}

/**
 * Whether the offline copy `held` is the version `response` brings, by the validators the server sent
 * (its ETag; else Last-Modified with Content-Length), so a repeat visit does not read and store every
 * unchanged file again. Without validators: false (store, as sound).
 * @param {Response | undefined} held
 * @param {Response} response
 */
function sameVersion(held, response) {
  if (!held) return false;
  const etag = response.headers.get('ETag');
  if (etag) return held.headers.get('ETag') === etag;
  const modified = response.headers.get('Last-Modified');
  const length = response.headers.get('Content-Length');
  return modified !== null && length !== null &&
    held.headers.get('Last-Modified') === modified && held.headers.get('Content-Length') === length;
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

/** Caches opened by this worker, once each. @type {Map<string, Promise<Cache | null>>} */
const opened = new Map();

/**
 * @param {string} name
 * @returns {Promise<Cache | null>} null: the Cache API failed (the next call tries again)
 */
function openCache(name) {
  let opening = opened.get(name);
  if (!opening) {
    opening = caches.open(name).catch(() => null);
    opened.set(name, opening);
    // A failure is not kept: the next request tries again.
    opening.then((cache) => {
      if (!cache && opened.get(name) === opening) opened.delete(name);
    });
  }
  return opening;
}

/**
 * What the isolation headers act on: COOP on a top-level document, COEP on documents and workers
 * (onnxruntime-web's thread workers among them). A subresource (a script a document imports, the
 * runtime's .wasm, a model) is same-origin, which COEP require-corp allows without headers.
 */
const ISOLATED_DESTINATIONS = new Set(['document', 'iframe', 'frame', 'worker', 'sharedworker']);

/**
 * `response` with the isolation headers where `request` needs them (a copy; opaque and error responses
 * cannot be changed). Any other response is handed on as it is: a copy's body is piped through this
 * worker, which for the 14 MB .wasm from RUNTIME_CACHE took twice as long on a warm view (its resource
 * timing: ~180 ms against ~90 ms, Chromium, 2 cores).
 * @param {Response} response
 * @param {Request} request
 */
function isolate(response, request) {
  if (response.status === 0 || !ISOLATED_DESTINATIONS.has(request.destination)) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
