// vitrine.startRuntime (called by main.js on pages with a demo): which tier's worker it starts, and
// when — at once with the tier this model ran on last time, after the capabilities otherwise, never
// where ?backend= rules it out. Browser globals are faked; the module keeps its state across tests, so
// each test uses another tier.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

/** @type {{url: string, messages: any[]}[]} */
const spawned = [];
/** @type {Map<string, string>} */
const storage = new Map();
const page = { search: '' };

Object.assign(globalThis, {
  location: page,
  localStorage: {
    getItem: (/** @type {string} */ k) => storage.get(k) ?? null,
    setItem: (/** @type {string} */ k, /** @type {string} */ v) => { storage.set(k, v); },
  },
  Worker: class extends EventTarget {
    /** @param {URL} url */
    constructor(url) {
      super();
      this.record = { url: String(url), messages: /** @type {any[]} */ ([]) };
      spawned.push(this.record);
    }

    /** @param {any} message */
    postMessage(message) {
      this.record.messages.push(message);
      if (message.type === 'init') {
        const data = { id: message.id, type: 'ready', backend: 'x', threads: message.numThreads, features: {} };
        setImmediate(() => this.dispatchEvent(Object.assign(new Event('message'), { data })));
      }
    }

    terminate() {}
  },
});
Object.defineProperty(globalThis, 'navigator', { value: { hardwareConcurrency: 2 }, configurable: true });

const { startRuntime } = await import('../../js_runtime/vitrine.js');
const tierOf = (/** @type {string} */ url) => new URL(url).searchParams.get('tier');

describe('startRuntime', () => {
  it('starts nothing where ?backend=static rules every runtime out', async () => {
    page.search = '?backend=static';
    await startRuntime('auto', { model: 'm', variant: 'auto' });
    assert.deepEqual(spawned, []);
    page.search = '';
  });

  it('starts the tier this model ran on last time at once, without waiting for the capabilities', async () => {
    storage.set('vitrine-tier:m/auto', 'wasm-nosimd');
    const started = startRuntime('auto', { model: 'm', variant: 'auto' });
    assert.equal(spawned.length, 1, 'spawned before anything was awaited');
    assert.equal(tierOf(spawned[0].url), 'wasm-nosimd');
    assert.equal(new URL(spawned[0].url).searchParams.get('threads'), '1');
    assert.deepEqual(spawned[0].messages.map((m) => [m.type, m.numThreads]), [['init', 1]]);
    await started;
  });

  it('without a memory, starts the best tier the capabilities give (no WebGPU adapter here: WASM-SIMD), with the threads load() will ask for', async () => {
    await startRuntime('auto', { model: 'other', variant: 'auto' });
    assert.equal(spawned.length, 2);
    assert.equal(tierOf(spawned[1].url), 'wasm');
    assert.equal(new URL(spawned[1].url).searchParams.get('threads'), '1'); // not cross-origin isolated: one thread
    await startRuntime('auto', { model: 'other', variant: 'auto' });
    assert.equal(spawned.length, 2, 'a tier whose worker runs is not started twice');
  });

  it('ignores a memory of a tier that is unknown, or that ?backend= overrides', async () => {
    storage.set('vitrine-tier:n/auto', 'quantum');
    await startRuntime('auto', { model: 'n', variant: 'auto' });
    storage.set('vitrine-tier:n/auto', 'webgpu'); // navigator.gpu is missing here: not usable
    await startRuntime('auto', { model: 'n', variant: 'auto' });
    page.search = '?backend=wasm-nosimd';
    storage.set('vitrine-tier:n/auto', 'wasm');
    await startRuntime('auto', { model: 'n', variant: 'auto' });
    page.search = '';
    assert.equal(spawned.length, 2, 'only the tiers already running were asked for');
  });

  it('starts a WASM tier that ?backend= names at once, without waiting for a WebGPU adapter', async () => {
    const fresh = await import('../../js_runtime/vitrine.js?instant'); // its own workers: none runs yet
    const nav = /** @type {{gpu?: unknown}} */ (globalThis.navigator);
    nav.gpu = { requestAdapter: () => new Promise(() => {}) }; // an adapter request that never answers
    page.search = '?backend=wasm';
    try {
      const started = fresh.startRuntime('auto', { model: 'q', variant: 'auto' });
      assert.equal(spawned.length, 3, 'spawned before anything was awaited');
      assert.equal(tierOf(spawned[2].url), 'wasm');
      await started;
    } finally {
      page.search = '';
      delete nav.gpu;
    }
  });
});
