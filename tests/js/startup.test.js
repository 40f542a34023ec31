// Start-up in parallel (issue 18): the page sends `load` right behind `init` without waiting for the
// worker's `ready`; the worker downloads the model while its runtime is imported and warmed up; a
// prefetched load is shared by the demo's own load; a runtime that fails to start fails what was sent
// behind its `init` the same way (code runtime, so the page falls to the next tier).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createDispatcher } from '../../worker/dispatch.js';
import { Engine } from '../../worker/engine.js';
import { RUNTIMES } from '../../worker/runtimes.js';
import { WARM_UP_MODEL, startRuntime, warmUp } from '../../worker/warm_up.js';
import { WorkerClient } from '../../js_runtime/worker_client.js';
import { Sessions } from '../../js_runtime/sessions.js';
import { REPO, fileUrl } from './helpers.js';

const model = new Uint8Array([1, 2, 3, 4, 5, 6]);
const sha256 = crypto.createHash('sha256').update(model).digest('hex');
const variant = { name: 'fp32', url: 'https://h/models/m/fp32.onnx', sha256, bytes: model.byteLength, precision: 'fp32' };

/** A promise with its resolve/reject in hand. */
function deferred() {
  /** @type {(value?: any) => void} */
  let resolve = () => {};
  /** @type {(reason?: any) => void} */
  let reject = () => {};
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** A fake onnxruntime-web that records sessions (bytes and options) and which were released. */
function fakeOrt({ createThrows = false } = {}) {
  const created = /** @type {{bytes: number, options: any}[]} */ ([]);
  const events = /** @type {string[]} */ ([]);
  return {
    created, events,
    env: { wasm: /** @type {Record<string, unknown>} */ ({}) },
    InferenceSession: {
      /** @param {Uint8Array} bytes @param {any} options */
      async create(bytes, options) {
        created.push({ bytes: bytes.byteLength, options });
        events.push(`create ${bytes.byteLength}`);
        await new Promise((r) => setImmediate(r));
        if (createThrows) throw new Error('no available backend found. ERR: [wasm] RuntimeError: Aborted()');
        events.push(`created ${bytes.byteLength}`);
        return { inputNames: ['x'], outputNames: ['y'], release: async () => { events.push(`release ${bytes.byteLength}`); } };
      },
    },
  };
}

/** A fetch that answers `body` once `gate` resolves, recording when it was called. */
function gatedFetch(body, gate = Promise.resolve(), log = /** @type {string[]} */ ([])) {
  return async (/** @type {any} */ url) => {
    log.push(`fetch ${url}`);
    await gate;
    return new Response(body.slice(), { headers: { 'Content-Length': String(body.byteLength) } });
  };
}

/** A worker whose other side is the real dispatcher and `engine`, over a structured-clone boundary. */
function fakeWorker(/** @type {Engine} */ engine) {
  const worker = new EventTarget();
  const received = /** @type {string[]} */ ([]);
  const state = { terminated: false };
  const dispatch = createDispatcher(engine, (reply, transfer = []) => {
    if (state.terminated) return;
    const data = structuredClone(reply, { transfer });
    setImmediate(() => worker.dispatchEvent(Object.assign(new Event('message'), { data })));
  }, 'file:///ort/');
  return Object.assign(worker, {
    received,
    state,
    /** @param {any} message */
    postMessage(message) {
      received.push(message.type);
      const data = structuredClone(message);
      setImmediate(() => dispatch(data));
    },
    terminate() { state.terminated = true; },
  });
}

describe('page side: load goes out right behind init', () => {
  it('the worker gets `load` before it has replied `ready`, and the download starts while the runtime is imported', async () => {
    const runtime = deferred();
    const log = /** @type {string[]} */ ([]);
    const ort = fakeOrt();
    const engine = new Engine(async () => { log.push('import'); const o = await runtime.promise; log.push('imported'); return o; },
      gatedFetch(model, Promise.resolve(), log), RUNTIMES.wasm, null);
    const worker = fakeWorker(engine);
    const client = new WorkerClient(() => /** @type {any} */ (worker), { numThreads: 1 });
    const sessions = new Sessions(client);
    const loading = sessions.acquire('m/fp32', /** @type {any} */ (variant));
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(worker.received, ['init', 'load'], 'load was sent without waiting for ready');
    assert.deepEqual(log, ['import', `fetch ${variant.url}`], 'the model download started before the runtime was imported');
    runtime.resolve(ort);
    const entry = await loading;
    assert.equal(entry.refs, 1);
    assert.deepEqual(ort.created.map((c) => c.bytes), [model.byteLength]);
    assert.equal((await client.start()).ready.backend, 'wasm');
  });

  it('a runtime that cannot be imported fails the load sent behind init with code runtime, and the next request starts a fresh worker', async () => {
    const workers = /** @type {ReturnType<typeof fakeWorker>[]} */ ([]);
    let imports = 0;
    const client = new WorkerClient(() => {
      const failing = imports++ === 0;
      const engine = new Engine(async () => {
        if (failing) throw new TypeError('Failed to fetch dynamically imported module: https://h/vitrine/vendor/onnxruntime-web/ort.wasm.min.mjs');
        return /** @type {any} */ (fakeOrt());
      }, gatedFetch(model), RUNTIMES.wasm, null);
      const w = fakeWorker(engine);
      workers.push(w);
      return /** @type {any} */ (w);
    }, { numThreads: 1 });
    const sessions = new Sessions(client);
    await assert.rejects(sessions.acquire('m/fp32', /** @type {any} */ (variant)), { code: 'runtime', message: /The ONNX runtime could not be loaded/ });
    await new Promise((r) => setTimeout(r, 10)); // the init's own error reply may come just after the load's
    assert.equal(workers[0].state.terminated, true);
    assert.equal(client.pending.size, 0, 'nothing left waiting on the dead worker');
    assert.equal(sessions.entries.has('m/fp32'), false, 'the failed load is forgotten');
    const entry = await sessions.acquire('m/fp32', /** @type {any} */ (variant));
    assert.equal(entry.generation, 2);
    assert.equal(workers.length, 2);
  });
});

describe('Sessions.prefetch', () => {
  /** @param {typeof fetch} fetchImpl */
  function setup(fetchImpl, ort = fakeOrt()) {
    const workers = /** @type {ReturnType<typeof fakeWorker>[]} */ ([]);
    const client = new WorkerClient(() => {
      const w = fakeWorker(new Engine(async () => /** @type {any} */ (ort), fetchImpl, RUNTIMES.wasm, null));
      workers.push(w);
      return /** @type {any} */ (w);
    }, { numThreads: 1 });
    return { client, workers, sessions: new Sessions(client), ort };
  }

  it('starts the download at once; the demo\'s acquire shares it (one load, one download)', async () => {
    const gate = deferred();
    const log = /** @type {string[]} */ ([]);
    const { sessions, workers, ort } = setup(gatedFetch(model, gate.promise, log));
    sessions.prefetch('m/fp32', /** @type {any} */ (variant));
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(log, [`fetch ${variant.url}`], 'prefetch started the download');
    /** @type {number[]} */
    const progress = [];
    const acquired = sessions.acquire('m/fp32', /** @type {any} */ (variant), (p) => progress.push(p.loaded));
    sessions.prefetch('m/fp32', /** @type {any} */ (variant)); // already under way: nothing new
    gate.resolve();
    const entry = await acquired;
    assert.equal(entry.refs, 1);
    assert.equal(log.length, 1);
    assert.deepEqual(workers[0].received.filter((t) => t === 'load'), ['load']);
    assert.equal(ort.created.length, 1);
    assert.ok(progress.includes(model.byteLength), 'the acquire sees the shared download\'s progress');
  });

  it('a failed prefetch is kept for the first one who asks (no second download behind its back); the next one tries again', async () => {
    let calls = 0;
    const fetchImpl = async () => (++calls === 1 ? new Response('not found', { status: 404 }) : new Response(model.slice()));
    const { sessions } = setup(/** @type {any} */ (fetchImpl));
    sessions.prefetch('m/fp32', /** @type {any} */ (variant));
    await new Promise((r) => setTimeout(r, 30)); // the 404 is in before the demo asks
    await assert.rejects(sessions.acquire('m/fp32', /** @type {any} */ (variant)), { code: 'download', message: /HTTP 404/ });
    assert.equal(calls, 1, 'the failure came from the prefetch, not from a second request');
    const entry = await sessions.acquire('m/fp32', /** @type {any} */ (variant));
    assert.equal(calls, 2);
    assert.equal(entry.refs, 1);
  });

  it('does nothing for a model the worker holds already', async () => {
    const { sessions, workers } = setup(gatedFetch(model));
    await sessions.acquire('m/fp32', /** @type {any} */ (variant));
    sessions.prefetch('m/fp32', /** @type {any} */ (variant));
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(workers[0].received, ['init', 'load']);
  });
});

describe('worker side: the runtime warms up beside the download', () => {
  it('init creates the warm-up session on the tiny model; the model\'s session waits for it, and the download does not', async () => {
    const ort = fakeOrt();
    const gate = deferred();
    const log = /** @type {string[]} */ ([]);
    const engine = new Engine(async () => /** @type {any} */ (ort), gatedFetch(model, gate.promise, log), RUNTIMES.webgpu, null, { warmUp: true });
    await engine.init({ wasmPaths: 'x', numThreads: 2 });
    const loading = engine.load({ model: 'm/fp32', url: variant.url, sha256, bytes: model.byteLength });
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(log, [`fetch ${variant.url}`]);
    gate.resolve();
    assert.deepEqual(await loading, { inputs: ['x'], outputs: ['y'] });
    assert.deepEqual(ort.created, [
      { bytes: WARM_UP_MODEL.byteLength, options: { executionProviders: ['webgpu'] } },
      { bytes: model.byteLength, options: { executionProviders: ['webgpu'] } },
    ]);
    const warm = WARM_UP_MODEL.byteLength;
    assert.deepEqual(ort.events.slice(0, 3), [`create ${warm}`, `created ${warm}`, `release ${warm}`], 'warmed up, then released');
    assert.deepEqual(ort.env.wasm, { wasmPaths: 'x', numThreads: 2 });
  });

  it('a warm-up that fails does not fail the load by itself: the model\'s own session reports (code session)', async () => {
    const ort = fakeOrt({ createThrows: true });
    const engine = new Engine(async () => /** @type {any} */ (ort), gatedFetch(model), RUNTIMES.wasm, null, { warmUp: true });
    await engine.init({ wasmPaths: 'x', numThreads: 1 });
    await assert.rejects(engine.load({ model: 'm/fp32', url: variant.url, sha256, bytes: model.byteLength }), { code: 'session' });
    assert.equal(ort.created.length, 2);
  });

  it('a load that arrives while the runtime is still importing waits for it; a failed import fails it with code runtime, not download', async () => {
    const runtime = deferred();
    const engine = new Engine(() => runtime.promise, async () => new Response('gone', { status: 404 }), RUNTIMES.wasm, null);
    const init = engine.init({ wasmPaths: 'x', numThreads: 1 });
    const load = engine.load({ model: 'm/fp32', url: variant.url, sha256, bytes: model.byteLength });
    runtime.reject(new TypeError('Failed to fetch dynamically imported module: x'));
    await assert.rejects(init, { code: 'runtime' });
    await assert.rejects(load, { code: 'runtime' });
  });

  it('startRuntime configures a runtime once: a later call (the engine\'s, on init) keeps the first settings and warm-up', async () => {
    const ort = fakeOrt();
    const first = startRuntime(/** @type {any} */ (ort), RUNTIMES['wasm-nosimd'], { wasmPaths: 'https://s/vendor/', numThreads: 1 }, true);
    const again = startRuntime(/** @type {any} */ (ort), RUNTIMES['wasm-nosimd'], { wasmPaths: 'https://other/', numThreads: 4 }, true);
    assert.equal(again, first);
    await first.warm;
    assert.deepEqual(ort.env.wasm, { wasmPaths: 'https://s/vendor/', numThreads: 1, simd: false });
    assert.equal(ort.created.length, 1);
    // The engine on `init` reports the threads the runtime really has.
    const engine = new Engine(async () => /** @type {any} */ (ort), gatedFetch(model), RUNTIMES['wasm-nosimd'], null, { warmUp: true });
    assert.equal((await engine.init({ wasmPaths: 'https://other/', numThreads: 4 })).threads, 1);
    assert.equal(ort.created.length, 1, 'no second warm-up');
  });
});

describe('the warm-up model', () => {
  it('loads and runs in onnxruntime-web 1.30 (the wasm and webgpu tiers\' runtime)', async () => {
    const ort = /** @type {typeof import('onnxruntime-web')} */ (await import(fileUrl(path.join(REPO, 'node_modules/onnxruntime-web/dist/ort.wasm.min.mjs'))));
    ort.env.wasm.wasmPaths = fileUrl(path.join(REPO, 'node_modules/onnxruntime-web/dist/'));
    ort.env.wasm.numThreads = 1;
    await runsIdentity(ort);
    assert.equal(await warmUp(ort, ['wasm']), null, 'warmUp reports success');
  });

  it('loads and runs in onnxruntime-web 1.18 (the plain-WASM tier: IR version 7, opset 13, non-SIMD binary)', async () => {
    // Its ES module build needs a browser (__dirname); its Node build runs the same WebAssembly.
    const ort = createRequire(import.meta.url)(path.join(REPO, 'node_modules/onnxruntime-web-legacy/dist/ort.node.min.js'));
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.simd = false;
    await runsIdentity(ort);
  });

  /** @param {typeof import('onnxruntime-web')} ort */
  async function runsIdentity(ort) {
    const session = await ort.InferenceSession.create(WARM_UP_MODEL.slice(), { executionProviders: ['wasm'] });
    assert.deepEqual([...session.inputNames], ['x']);
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(3), [1]) });
    assert.deepEqual(Array.from(/** @type {Float32Array} */ (out.y.data)), [3]);
    await session.release();
  }
});
