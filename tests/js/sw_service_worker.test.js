// worker/service_worker.js run in a fake ServiceWorkerGlobalScope (node:vm): which cache answers
// which request, what it stores, and the isolation headers on every response it hands out.
// The browser tests (tests/browser/test_service_worker.py) check the same worker in Chromium.
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
const ROOT = 'https://user.github.io/site/';
const MODEL_URL = `${ROOT}models/penguins/fp32.0123456789abcdef.onnx`;
const VENDOR_URL = `${ROOT}vitrine/vendor/onnxruntime-web/ort-wasm-simd-threaded.wasm`;
const PAGE_URL = `${ROOT}gallery/penguins/`;
const MANIFEST_URL = `${ROOT}models/manifest.json`;
const COOP = 'cross-origin-opener-policy';
const COEP = 'cross-origin-embedder-policy';

/** The file as builder/assets.write_service_worker serves it: every build-time placeholder filled. */
function served() {
  const text = SOURCE.replaceAll('__VITRINE_BUILD__', BUILD).replaceAll('__VITRINE_MODEL_CACHE__', MODEL_CACHE)
    .replaceAll('__VITRINE_RUNTIME_FILES__', RUNTIME_FILES.join(' '));
  assert.doesNotMatch(text, /__VITRINE_\w+__/, 'a placeholder this test (and the builder) does not fill');
  return text;
}

/** An in-memory CacheStorage keyed by URL, which records every put. */
function memoryCaches() {
  /** @type {Map<string, Map<string, {body: Uint8Array, status: number, headers: [string, string][]}>>} */
  const stores = new Map();
  /** @type {[string, string][]} */
  const puts = [];
  const keyOf = (/** @type {any} */ r, ignoreSearch = false) => {
    const u = new URL(typeof r === 'string' ? r : r.url);
    if (ignoreSearch) u.search = '';
    return u.href;
  };
  const cacheFor = (/** @type {string} */ name) => {
    const store = stores.get(name);
    return {
      async match(/** @type {any} */ request, /** @type {any} */ options = {}) {
        for (const [key, entry] of store) {
          if (keyOf(key, options.ignoreSearch) === keyOf(request, options.ignoreSearch)) {
            return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
          }
        }
        return undefined;
      },
      async put(/** @type {any} */ request, /** @type {Response} */ response) {
        puts.push([name, keyOf(request)]);
        store.set(keyOf(request), { body: new Uint8Array(await response.arrayBuffer()), status: response.status, headers: [...response.headers] });
      },
    };
  };
  return {
    stores, puts,
    async open(/** @type {string} */ name) {
      if (!stores.has(name)) stores.set(name, new Map());
      return cacheFor(name);
    },
    async keys() { return [...stores.keys()]; },
    async delete(/** @type {string} */ name) { return stores.delete(name); },
    async has(/** @type {string} */ name) { return stores.has(name); },
    /** Test helper: an entry as the inference worker (fetch_model.js) would store it. */
    async seed(/** @type {string} */ name, /** @type {string} */ url, /** @type {Uint8Array} */ body) {
      await (await this.open(name)).put(url, new Response(body));
      puts.pop();
    },
  };
}

/**
 * A same-origin network response like a browser's (type "basic", which Response() cannot make).
 * @param {Uint8Array | string} body
 */
function basic(body, init = {}) {
  const response = new Response(body, init);
  Object.defineProperty(response, 'type', { value: 'basic' });
  return response;
}

/**
 * The network: answers from `files` (URL → body, or a function making the response), 404 otherwise;
 * `offline` makes it throw.
 */
function network(/** @type {Record<string, Uint8Array | string | (() => Response)>} */ files) {
  const f = async (/** @type {any} */ request, /** @type {RequestInit | undefined} */ init) => {
    // The HTTP cache is empty here: a lookup that must not reach the network (the runtime files the
    // worker copies on install) fails without a request (tests/js/sw_startup.test.js covers a full one).
    if (init?.cache === 'only-if-cached') throw new TypeError('Failed to fetch');
    const url = typeof request === 'string' ? request : request.url;
    f.requests.push(url);
    if (f.offline) throw new TypeError('Failed to fetch');
    const file = files[url];
    if (typeof file === 'function') return file();
    return url in files ? basic(file, { headers: { 'Content-Type': 'application/octet-stream' } }) : basic('not found', { status: 404 });
  };
  /** @type {string[]} */
  f.requests = [];
  f.offline = false;
  return f;
}

/** Runs the served service worker in a fake scope at ROOT; returns how to drive it. */
function startWorker({ caches = memoryCaches(), fetch = network({}) } = {}) {
  /** @type {Record<string, Function[]>} */
  const listeners = {};
  const calls = { skipWaiting: 0, claim: 0 };
  const scope = {
    location: { href: `${ROOT}vitrine-sw.js` },
    addEventListener: (/** @type {string} */ type, /** @type {Function} */ fn) => { (listeners[type] ??= []).push(fn); },
    skipWaiting: async () => { calls.skipWaiting++; },
    clients: { claim: async () => { calls.claim++; } },
    caches, fetch, Headers, Request, Response, URL, TextDecoder, console,
  };
  const context = vm.createContext(scope);
  scope.self = context;
  vm.runInContext(served(), context, { filename: 'vitrine-sw.js' });
  return {
    caches, fetch, calls,
    /** Dispatches a fetch event: the response promise it was answered with (null: left to the browser). */
    async request(/** @type {any} */ request) {
      /** @type {Promise<Response> | null} */
      let answer = null;
      /** @type {Promise<unknown>[]} */
      const waits = [];
      const event = { request, respondWith: (/** @type {any} */ p) => { answer = Promise.resolve(p); }, waitUntil: (/** @type {any} */ p) => waits.push(p) };
      for (const fn of listeners.fetch ?? []) fn(event);
      if (answer === null) return null;
      const response = await answer;
      await Promise.all(waits);
      return response;
    },
    async lifecycle(/** @type {string} */ type) {
      /** @type {Promise<unknown>[]} */
      const waits = [];
      for (const fn of listeners[type] ?? []) fn({ waitUntil: (/** @type {any} */ p) => waits.push(p) });
      await Promise.all(waits);
    },
  };
}

/** A navigation request (node's Request cannot have mode "navigate", nor a destination). */
function navigation(/** @type {string} */ url) {
  return { url, method: 'GET', mode: 'navigate', destination: 'document', headers: new Headers() };
}

/** A worker's script, as `new Worker(url)` requests it (onnxruntime-web's thread workers, the inference worker). */
function workerScript(/** @type {string} */ url) {
  return { url, method: 'GET', mode: 'same-origin', destination: 'worker', headers: new Headers() };
}

/** Documents and workers get the isolation headers. */
function assertIsolated(/** @type {Response | null} */ response) {
  assert.ok(response, 'the service worker answered');
  assert.equal(response.headers.get(COOP), 'same-origin');
  assert.equal(response.headers.get(COEP), 'require-corp');
}

/** Any other response is handed on as the cache or the network gave it: no copy to add headers. */
function assertHandedOn(/** @type {Response | null} */ response) {
  assert.ok(response, 'the service worker answered');
  assert.equal(response.headers.get(COOP), null);
  assert.equal(response.headers.get(COEP), null);
}

const modelBytes = new Uint8Array([8, 7, 6, 5, 4, 3, 2, 1]);

describe('service worker (fake ServiceWorkerGlobalScope)', () => {
  it('never stores a model file it downloads: only the sha256-checking inference worker writes models', async () => {
    const sw = startWorker({ fetch: network({ [MODEL_URL]: modelBytes }) });
    const response = await sw.request(new Request(MODEL_URL));
    assertHandedOn(response);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), modelBytes);
    assert.deepEqual(sw.fetch.requests, [MODEL_URL]);
    assert.deepEqual(sw.caches.puts, [], 'unverified model bytes were written to a cache');
    // ... and so a second request goes to the network again.
    await sw.request(new Request(MODEL_URL));
    assert.deepEqual(sw.fetch.requests, [MODEL_URL, MODEL_URL]);
  });

  it('answers a model from the cache fetch_model.js writes (the same MODEL_CACHE), without the network', async () => {
    const caches = memoryCaches();
    await caches.seed(MODEL_CACHE, MODEL_URL, modelBytes);
    const sw = startWorker({ caches, fetch: network({}) });
    const response = await sw.request(new Request(MODEL_URL));
    assert.deepEqual(sw.fetch.requests, [], `the service worker did not find the model in "${MODEL_CACHE}"`);
    assertHandedOn(response);
    assert.equal(response.status, 200);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), modelBytes);
  });

  it('keeps the runtime cache-first in a cache named after the build, and drops older builds on activate', async () => {
    const wasm = new Uint8Array([0, 97, 115, 109]);
    const caches = memoryCaches();
    await caches.seed('vitrine-runtime-0000000000000000', VENDOR_URL, new Uint8Array([1]));
    await caches.seed(MODEL_CACHE, MODEL_URL, modelBytes);
    await caches.seed('vitrine-pages-v1', PAGE_URL, new Uint8Array([2]));
    const sw = startWorker({ caches, fetch: network({ [VENDOR_URL]: wasm }) });
    await sw.lifecycle('install');
    await sw.lifecycle('activate');
    // install opened this build's runtime cache (to copy the runtime from the HTTP cache, empty here)
    assert.deepEqual((await caches.keys()).sort(), [MODEL_CACHE, 'vitrine-pages-v1', `vitrine-runtime-${BUILD}`].sort(),
      'old runtime dropped, models and pages kept');
    // No claim: the page that installed it keeps loading from the network; the next page view is controlled.
    assert.deepEqual(sw.calls, { skipWaiting: 1, claim: 0 });
    for (let i = 0; i < 2; i++) {
      const response = await sw.request(new Request(VENDOR_URL));
      assertHandedOn(response);
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), wasm);
    }
    // the same cached file asked for as a worker's script gets the headers a worker needs
    const asWorker = await sw.request(workerScript(VENDOR_URL));
    assertIsolated(asWorker);
    assert.deepEqual(new Uint8Array(await asWorker.arrayBuffer()), wasm);
    assert.deepEqual(sw.fetch.requests, [VENDOR_URL], 'the later requests came from the cache');
    assert.deepEqual(sw.caches.puts, [[`vitrine-runtime-${BUILD}`, VENDOR_URL]]);
  });

  it('serves pages network-first, falls back to the cached copy offline, and says so for unvisited pages', async () => {
    const fetch = network({ [PAGE_URL]: '<p>online</p>', [`${ROOT}vitrine/js_runtime/main.js`]: 'export {};' });
    const sw = startWorker({ fetch });
    const online = await sw.request(navigation(PAGE_URL));
    assertIsolated(online);
    assert.equal(await online.text(), '<p>online</p>');
    await sw.request(new Request(`${ROOT}vitrine/js_runtime/main.js`));
    assert.deepEqual(sw.caches.puts, [['vitrine-pages-v1', PAGE_URL], ['vitrine-pages-v1', `${ROOT}vitrine/js_runtime/main.js`]]);

    fetch.offline = true;
    const offline = await sw.request(navigation(`${PAGE_URL}?backend=wasm`));
    assertIsolated(offline);
    assert.equal(await offline.text(), '<p>online</p>', 'a navigation falls back to the page without its query');
    // the inference worker's script, cached as ?threads=1 on a first (not isolated) view, asked as ?threads=4
    const script = await sw.request(workerScript(`${ROOT}vitrine/js_runtime/main.js?threads=4`));
    assertIsolated(script);
    assert.equal(await script.text(), 'export {};', 'a script falls back to the copy of another query');
    const unvisited = await sw.request(navigation(`${ROOT}about/`));
    assertIsolated(unvisited);
    assert.equal(unvisited.status, 503);
    assert.match(await unvisited.text(), /offline/);
    await assert.rejects(sw.request(new Request(`${ROOT}vitrine/js_runtime/other.js`)), TypeError);
  });

  it('never overwrites the good offline copy of manifest.json with a damaged 200 response', async () => {
    const good = JSON.stringify({ schema_version: 1, models: [{ id: 'penguins', variants: [{ name: 'fp32' }] }] });
    /** @type {Record<string, string | (() => Response)>} */
    const files = { [MANIFEST_URL]: good };
    const fetch = network(files);
    const sw = startWorker({ fetch });
    assert.equal(await (await sw.request(new Request(MANIFEST_URL))).text(), good);
    assert.deepEqual(sw.caches.puts, [['vitrine-pages-v1', MANIFEST_URL]]);
    const damaged = {
      'truncated (a complete 200 of a half-written file)': good.slice(0, good.length >> 1),
      'shorter than its Content-Length': () => basic(good.slice(0, 30), { headers: { 'Content-Length': String(good.length) } }),
      'interrupted body': () => basic(new ReadableStream({
        start(c) { c.enqueue(new TextEncoder().encode(good.slice(0, 20))); },
        pull(c) { c.error(new TypeError('network error')); },
      })),
      'JSON without schema_version': JSON.stringify({ models: [] }),
      'JSON without a models array': JSON.stringify({ schema_version: 1, models: {} }),
      'models that are not model entries': JSON.stringify({ schema_version: 1, models: [1, 2] }),
      'an HTML error page with status 200': '<!doctype html><title>Deploying…</title>',
    };
    for (const [what, body] of Object.entries(damaged)) {
      files[MANIFEST_URL] = body;
      const online = await sw.request(new Request(MANIFEST_URL));
      assertHandedOn(online);
      await online.text().catch(() => undefined); // the page gets what the network sent, and reports it
      fetch.offline = true;
      const offline = await sw.request(new Request(MANIFEST_URL));
      assert.equal(await offline.text(), good, `${what}: the offline copy was replaced`);
      fetch.offline = false;
    }
    assert.deepEqual(sw.caches.puts, [['vitrine-pages-v1', MANIFEST_URL]], 'a damaged manifest was stored');
    // A sound new manifest does replace the old one.
    const newer = JSON.stringify({ schema_version: 1, models: [] });
    files[MANIFEST_URL] = newer;
    await (await sw.request(new Request(MANIFEST_URL))).text();
    fetch.offline = true;
    assert.equal(await (await sw.request(new Request(MANIFEST_URL))).text(), newer);
  });

  it('never overwrites the offline copy of a page or a .json file with a truncated or unparsable body', async () => {
    const page = '<!doctype html><p>the whole page</p>';
    const index = JSON.stringify({ docs: [{ location: '' }] });
    const INDEX_URL = `${ROOT}search/search_index.json`;
    /** @type {Record<string, string | (() => Response)>} */
    const files = { [PAGE_URL]: page, [INDEX_URL]: index };
    const fetch = network(files);
    const sw = startWorker({ fetch });
    await (await sw.request(navigation(PAGE_URL))).text();
    await (await sw.request(new Request(INDEX_URL))).text();
    files[PAGE_URL] = () => basic(page.slice(0, 10), { headers: { 'Content-Length': String(page.length), 'Content-Type': 'text/html' } });
    files[INDEX_URL] = index.slice(0, 9);
    await (await sw.request(navigation(PAGE_URL))).text();
    await (await sw.request(new Request(INDEX_URL))).text();
    fetch.offline = true;
    assert.equal(await (await sw.request(navigation(PAGE_URL))).text(), page);
    assert.equal(await (await sw.request(new Request(INDEX_URL))).text(), index);
    // Content-Length counts encoded bytes: a gzip response cannot be length-checked, and is kept.
    fetch.offline = false;
    files[PAGE_URL] = () => basic('<p>new</p>', { headers: { 'Content-Length': '5', 'Content-Encoding': 'gzip' } });
    await (await sw.request(navigation(PAGE_URL))).text();
    fetch.offline = true;
    assert.equal(await (await sw.request(navigation(PAGE_URL))).text(), '<p>new</p>');
  });

  it('leaves alone what is not its own: other origins, other methods, paths outside its scope, Range requests', async () => {
    const sw = startWorker();
    for (const request of [
      new Request('https://cdn.example/x.js'),
      new Request(`${ROOT}search`, { method: 'POST', body: 'q' }),
      new Request('https://user.github.io/other-site/page/'),
      new Request(MODEL_URL, { headers: { Range: 'bytes=0-9' } }),
    ]) {
      assert.equal(await sw.request(request), null, `${request.method} ${request.url}`);
    }
    assert.deepEqual(sw.fetch.requests, []);
  });
});
