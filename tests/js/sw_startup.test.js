// The service worker on the start-up path (issue 18), in a fake ServiceWorkerGlobalScope (node:vm):
// no reload and no claim (the page that installs it is left alone), the runtime copied at install from
// the HTTP cache only, navigation preload, runtime files handed on while they are stored, and unchanged
// pages not stored again. tests/js/sw_service_worker.test.js covers what it caches and serves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { MODEL_CACHE } from '../../worker/fetch_model.js';
import { REPO } from './helpers.js';

const SOURCE = fs.readFileSync(path.join(REPO, 'worker/service_worker.js'), 'utf8');
const BUILD = 'b0123456789abcde';
// Some of what builder/assets.runtime_files() fills in (tests/browser/test_service_worker.py checks the real list).
const RUNTIME_FILES = ['onnxruntime-web/ort.wasm.min.mjs', 'onnxruntime-web/ort-wasm-simd-threaded.mjs', 'onnxruntime-web/ort-wasm-simd-threaded.wasm'];
const RUNTIME_CACHE = `vitrine-runtime-${BUILD}`;
const ROOT = 'https://user.github.io/site/';
const VENDOR = `${ROOT}vitrine/vendor/`;
const WASM = `${VENDOR}onnxruntime-web/ort-wasm-simd-threaded.wasm`;
const PAGE = `${ROOT}gallery/penguins/`;
const SCRIPT = `${ROOT}vitrine/js_runtime/main.js`;

/** An in-memory CacheStorage; `holdPuts` keeps puts pending until released. */
function memoryCaches() {
  /** @type {Map<string, Map<string, {body: Uint8Array, headers: [string, string][]}>>} */
  const stores = new Map();
  /** @type {[string, string][]} */
  const puts = [];
  /** @type {(() => void)[]} */
  const held = [];
  const state = { holding: false };
  const key = (/** @type {any} */ r) => (typeof r === 'string' ? r : r.url);
  return {
    stores, puts, state,
    release() { state.holding = false; held.splice(0).forEach((f) => f()); },
    async open(/** @type {string} */ name) {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = /** @type {Map<string, {body: Uint8Array, headers: [string, string][]}>} */ (stores.get(name));
      return {
        async match(/** @type {any} */ request) {
          const entry = store.get(key(request));
          return entry ? new Response(entry.body.slice(), { headers: entry.headers }) : undefined;
        },
        async put(/** @type {any} */ request, /** @type {Response} */ response) {
          puts.push([name, key(request)]);
          if (state.holding) await new Promise((r) => held.push(() => r(undefined)));
          store.set(key(request), { body: new Uint8Array(await response.arrayBuffer()), headers: [...response.headers] });
        },
      };
    },
    async keys() { return [...stores.keys()]; },
    async delete(/** @type {string} */ name) { return stores.delete(name); },
  };
}

/** A same-origin response like a browser's (type "basic"). */
function basic(/** @type {BodyInit} */ body, /** @type {ResponseInit} */ init = {}) {
  const response = new Response(body, init);
  Object.defineProperty(response, 'type', { value: 'basic' });
  return response;
}

/**
 * The network and the HTTP cache: `files` are on the server, `httpCache` (URLs) also in the browser's
 * HTTP cache; a request with cache "only-if-cached" gets only those (else a network error, as browsers do).
 * @param {Record<string, {body: string | Uint8Array, headers?: Record<string, string>}>} files
 * @param {string[]} [httpCache]
 */
function network(files, httpCache = []) {
  const f = async (/** @type {any} */ request, /** @type {RequestInit} */ init = {}) => {
    const url = typeof request === 'string' ? request : request.url;
    f.requests.push([url, init.cache ?? 'default', init.mode ?? null]);
    if (init.cache === 'only-if-cached' && !httpCache.includes(url)) throw new TypeError('Failed to fetch');
    const file = files[url];
    return file ? basic(file.body, { headers: file.headers ?? {} }) : basic('not found', { status: 404 });
  };
  /** @type {[string, string, string | null][]} */
  f.requests = [];
  return f;
}

/** Runs the served service worker in a fake scope; returns how to drive it. */
function startWorker({ caches = memoryCaches(), fetch = network({}), preload = true } = {}) {
  /** @type {Record<string, Function[]>} */
  const listeners = {};
  const calls = { skipWaiting: 0, claim: 0, preloadEnabled: 0 };
  const scope = {
    location: { href: `${ROOT}vitrine-sw.js` },
    addEventListener: (/** @type {string} */ type, /** @type {Function} */ fn) => { (listeners[type] ??= []).push(fn); },
    skipWaiting: async () => { calls.skipWaiting++; },
    clients: { claim: async () => { calls.claim++; } },
    registration: preload ? { navigationPreload: { enable: async () => { calls.preloadEnabled++; } } } : {},
    caches, fetch, Headers, Request, Response, URL, TextDecoder, console,
  };
  const context = vm.createContext(scope);
  scope.self = context;
  const text = SOURCE.replaceAll('__VITRINE_BUILD__', BUILD).replaceAll('__VITRINE_MODEL_CACHE__', MODEL_CACHE)
    .replaceAll('__VITRINE_RUNTIME_FILES__', RUNTIME_FILES.join(' '));
  vm.runInContext(text, context, { filename: 'vitrine-sw.js' });
  return {
    caches, fetch, calls,
    /**
     * Dispatches a fetch event; resolves with the response as soon as it is answered, and `stored`
     * (the event's waitUntil promises) separately.
     */
    async request(/** @type {any} */ request, /** @type {Promise<Response | undefined>} */ preloadResponse = Promise.resolve(undefined)) {
      /** @type {Promise<Response> | null} */
      let answer = null;
      /** @type {Promise<unknown>[]} */
      const waits = [];
      const event = {
        request, preloadResponse,
        respondWith: (/** @type {any} */ p) => { answer = Promise.resolve(p); },
        waitUntil: (/** @type {any} */ p) => waits.push(p),
      };
      for (const fn of listeners.fetch ?? []) fn(event);
      assert.ok(answer, 'answered');
      const response = await answer;
      return { response, stored: () => Promise.all(waits) };
    },
    /** Posts `data` to the worker (a `message` event) and waits for what it extends the event with. */
    async message(/** @type {unknown} */ data) {
      /** @type {Promise<unknown>[]} */
      const waits = [];
      for (const fn of listeners.message ?? []) fn({ data, waitUntil: (/** @type {any} */ p) => waits.push(p) });
      await Promise.all(waits);
    },
    async lifecycle(/** @type {string} */ type) {
      /** @type {Promise<unknown>[]} */
      const waits = [];
      for (const fn of listeners[type] ?? []) fn({ waitUntil: (/** @type {any} */ p) => waits.push(p) });
      await Promise.all(waits);
    },
  };
}

const navigation = (/** @type {string} */ url) => ({ url, method: 'GET', mode: 'navigate', destination: 'document', headers: new Headers() });
const script = (/** @type {string} */ url) => ({ url, method: 'GET', mode: 'cors', headers: new Headers() });

describe('service worker start-up', () => {
  it('install copies the runtime files the HTTP cache holds, never from the network; activate enables navigation preload and claims nothing', async () => {
    const wasm = new Uint8Array([0, 97, 115, 109, 1]);
    const fetch = network({ [WASM]: { body: wasm } }, [WASM]);
    const sw = startWorker({ fetch });
    await sw.lifecycle('install');
    await sw.lifecycle('activate');
    const stored = sw.caches.stores.get(RUNTIME_CACHE);
    assert.deepEqual([...(stored?.keys() ?? [])], [WASM], 'only what the HTTP cache had');
    assert.ok(sw.fetch.requests.length >= 3, 'the runtime files were looked up');
    for (const [url, cache, mode] of sw.fetch.requests) {
      assert.ok(url.startsWith(VENDOR), url);
      assert.equal(cache, 'only-if-cached', url);
      assert.equal(mode, 'same-origin', url);
    }
    assert.deepEqual(sw.calls, { skipWaiting: 1, claim: 0, preloadEnabled: 1 });
    // The next view's runtime comes from the copy: no request at all.
    sw.fetch.requests.length = 0;
    const { response } = await sw.request(script(WASM));
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), wasm);
    assert.deepEqual(sw.fetch.requests, []);
  });

  it('activates where navigation preload does not exist', async () => {
    const sw = startWorker({ preload: false });
    await sw.lifecycle('activate');
    assert.equal(sw.calls.preloadEnabled, 0);
  });

  it('a navigation answered by navigation preload is not requested again, and gets the isolation headers', async () => {
    const sw = startWorker();
    const preloaded = basic('<p>preloaded</p>', { headers: { 'Content-Type': 'text/html' } });
    const { response, stored } = await sw.request(navigation(PAGE), Promise.resolve(preloaded));
    assert.equal(await response.text(), '<p>preloaded</p>');
    assert.equal(response.headers.get('cross-origin-embedder-policy'), 'require-corp');
    assert.deepEqual(sw.fetch.requests, []);
    await stored();
    assert.ok(sw.caches.stores.get('vitrine-pages-v1')?.has(PAGE), 'kept as the offline copy');
  });

  it('a runtime file from the network is handed on before its copy is stored', async () => {
    const caches = memoryCaches();
    caches.state.holding = true;
    const sw = startWorker({ caches, fetch: network({ [WASM]: { body: new Uint8Array([1, 2, 3]) } }) });
    const { response, stored } = await sw.request(script(WASM));
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), new Uint8Array([1, 2, 3]));
    assert.equal(caches.stores.get(RUNTIME_CACHE)?.has(WASM) ?? false, false, 'still being stored');
    caches.release();
    await stored();
    assert.equal(caches.stores.get(RUNTIME_CACHE)?.has(WASM), true);
  });

  it('the page that installed it sends what it loaded: copied from the HTTP cache (checked like a network copy), never a model file or another site\'s', async () => {
    const manifest = `${ROOT}models/manifest.json`;
    const model = `${ROOT}models/penguins/fp32.0123456789abcdef.onnx`;
    const uncached = `${ROOT}vitrine/js_runtime/demo_tabular-ABCDEFGH.js`;
    const files = {
      [PAGE]: { body: '<p>page</p>', headers: { 'Content-Type': 'text/html' } },
      [SCRIPT]: { body: 'export {};' },
      [manifest]: { body: '{"models": "half a manifest' }, // damaged: not kept
      [model]: { body: new Uint8Array([1, 2, 3]) },
      [WASM]: { body: new Uint8Array([0, 97, 115, 109]) },
      [uncached]: { body: 'export {};' },
    };
    const fetch = network(files, [PAGE, SCRIPT, manifest, model, WASM]);
    const sw = startWorker({ fetch });
    await sw.message({ type: 'adopt', urls: [PAGE, SCRIPT, manifest, model, WASM, uncached, 'https://cdn.example/x.js', `${ROOT}..//elsewhere`, 42] });
    assert.deepEqual([...(sw.caches.stores.get('vitrine-pages-v1')?.keys() ?? [])].sort(), [PAGE, SCRIPT].sort());
    assert.deepEqual([...(sw.caches.stores.get(RUNTIME_CACHE)?.keys() ?? [])], [WASM]);
    assert.equal(sw.caches.stores.get(MODEL_CACHE), undefined, 'no model bytes');
    assert.ok(sw.fetch.requests.every(([url, cache]) => cache === 'only-if-cached' && url.startsWith(ROOT)), JSON.stringify(sw.fetch.requests));
    assert.ok(!sw.fetch.requests.some(([url]) => url === model), 'the model file was not even looked up');
    // Other messages are ignored.
    await sw.message({ type: 'something-else', urls: [uncached] });
    await sw.message(null);
  });

  it('a page or script whose offline copy is the same version (ETag, or Last-Modified and length) is not stored again', async () => {
    const cases = [
      { held: { ETag: '"a"' }, fresh: { ETag: '"a"' }, stores: false },
      { held: { ETag: '"a"' }, fresh: { ETag: '"b"' }, stores: true },
      { held: { 'Last-Modified': 'Mon, 30 Nov 2026 19:00:00 GMT', 'Content-Length': '10' },
        fresh: { 'Last-Modified': 'Mon, 30 Nov 2026 19:00:00 GMT', 'Content-Length': '10' }, stores: false },
      { held: { 'Last-Modified': 'Mon, 30 Nov 2026 19:00:00 GMT', 'Content-Length': '10' },
        fresh: { 'Last-Modified': 'Mon, 30 Nov 2026 19:05:00 GMT', 'Content-Length': '10' }, stores: true },
      { held: {}, fresh: {}, stores: true },
    ];
    for (const { held, fresh, stores } of cases) {
      const caches = memoryCaches();
      await (await caches.open('vitrine-pages-v1')).put(SCRIPT, new Response('export {};', { headers: held }));
      caches.puts.length = 0;
      const sw = startWorker({ caches, fetch: network({ [SCRIPT]: { body: 'export {};', headers: fresh } }) });
      const { response, stored } = await sw.request(script(SCRIPT));
      assert.equal(await response.text(), 'export {};');
      await stored();
      assert.equal(caches.puts.length > 0, stores, JSON.stringify({ held, fresh }));
    }
  });
});
