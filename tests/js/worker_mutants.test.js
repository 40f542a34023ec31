// Behaviour of worker/ modules that the other tests leave open (found by mutation testing, `make
// mutation`): runtime tiers, error wording, feature probes, and the dispatcher and engine driven
// directly with fakes, so every reply and error code is pinned down without a browser.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import { createDispatcher } from '../../worker/dispatch.js';
import { Engine } from '../../worker/engine.js';
import { describeOrtError } from '../../worker/ort_errors.js';
import { ERROR_CODE, VitrineError } from '../../worker/protocol.js';
import { RUNTIMES, runtimeFor } from '../../worker/runtimes.js';
import { hasWasm, hasWasmSimd, hasWasmThreads } from '../../worker/wasm_features.js';

describe('runtimeFor', () => {
  it('defaults to the WASM-SIMD tier and returns each known tier', () => {
    assert.equal(runtimeFor(null), RUNTIMES.wasm);
    for (const tier of ['webgpu', 'wasm', 'wasm-nosimd']) assert.equal(runtimeFor(tier).tier, tier);
  });

  it('refuses unknown tiers, also names inherited from Object.prototype', () => {
    const message = 'The inference worker has no runtime tier "cuda"; it knows: webgpu, wasm, wasm-nosimd.';
    assert.throws(() => runtimeFor('cuda'), { message });
    assert.throws(() => runtimeFor('toString'), /no runtime tier "toString"/);
  });

  it('maps each tier to the bundle and settings its vendor folder provides', () => {
    assert.deepEqual(RUNTIMES.webgpu, { tier: 'webgpu', vendor: 'onnxruntime-web', bundle: 'ort.webgpu.min.mjs', executionProviders: ['webgpu'], wasmEnv: {} });
    assert.deepEqual(RUNTIMES.wasm, { tier: 'wasm', vendor: 'onnxruntime-web', bundle: 'ort.wasm.min.mjs', executionProviders: ['wasm'], wasmEnv: {} });
    assert.deepEqual(RUNTIMES['wasm-nosimd'], {
      tier: 'wasm-nosimd', vendor: 'onnxruntime-web-legacy', bundle: 'ort.wasm.min.js', executionProviders: ['wasm'], wasmEnv: { simd: false },
    });
  });
});

describe('describeOrtError (every known message)', () => {
  const cases = [
    ['Failed To Load External Data File: x', 'The model file could not be downloaded. Check the connection and reload the page.'],
    ['webassembly simd is not supported', 'This browser lacks WebAssembly SIMD, which the WASM backend needs.'],
    ['Failed to fetch dynamically imported module: https://x/ort.mjs', "The ONNX runtime's WebAssembly files could not be loaded (the site may be missing them)."],
    ['expected magic word', "The ONNX runtime's WebAssembly files could not be loaded (the site may be missing them)."],
    ['RangeError: Out of memory', 'The browser ran out of memory for this model. Close other tabs or try a smaller variant.'],
    ['RuntimeError: memory access out of bounds', 'The browser ran out of memory for this model. Close other tabs or try a smaller variant.'],
    ['Aborted(OOM)', 'The browser ran out of memory for this model. Close other tabs or try a smaller variant.'],
  ];
  for (const [raw, text] of cases) {
    it(raw, () => assert.equal(describeOrtError(new Error(raw), 'Doing'), `Doing: ${text}`));
  }
});

describe('wasm feature probes', () => {
  const saved = { WebAssembly: globalThis.WebAssembly, coi: Object.getOwnPropertyDescriptor(globalThis, 'crossOriginIsolated') };
  afterEach(() => {
    globalThis.WebAssembly = saved.WebAssembly;
    if (saved.coi) Object.defineProperty(globalThis, 'crossOriginIsolated', saved.coi);
    else delete globalThis.crossOriginIsolated;
  });

  it('Node runs WebAssembly', () => assert.equal(hasWasm(), true));

  it('threads are there once the page is cross-origin isolated', () => {
    globalThis.crossOriginIsolated = true;
    assert.equal(hasWasmThreads(), true);
  });

  it('no WebAssembly, or one that throws, means no WASM, no SIMD, no threads', () => {
    globalThis.crossOriginIsolated = true;
    // @ts-ignore
    globalThis.WebAssembly = undefined;
    assert.deepEqual([hasWasm(), hasWasmSimd(), hasWasmThreads()], [false, false, false]);
    // @ts-ignore
    globalThis.WebAssembly = { validate() { throw new Error('disabled by policy'); }, Memory: saved.WebAssembly.Memory };
    assert.deepEqual([hasWasm(), hasWasmSimd()], [false, false]);
  });

  it('SIMD needs a validator that accepts the SIMD probe, not just any module', () => {
    const seen = /** @type {number[]} */ ([]);
    // @ts-ignore
    globalThis.WebAssembly = { validate: (/** @type {Uint8Array} */ bytes) => { seen.push(bytes.length); return bytes.length === 8; } };
    assert.deepEqual([hasWasm(), hasWasmSimd()], [true, false]);
    assert.deepEqual(seen, [8, 31]);
  });
});

/** A dispatcher over `engine` that records replies. */
function dispatcher(engine, defaultWasmPaths = 'file:///default/') {
  const replies = /** @type {any[]} */ ([]);
  const transfers = /** @type {any[]} */ ([]);
  const dispatch = createDispatcher(/** @type {any} */ (engine), (reply, transfer) => { replies.push(reply); transfers.push(transfer); }, defaultWasmPaths);
  return { dispatch, replies, transfers };
}

describe('createDispatcher', () => {
  it('init passes the default wasmPaths unless the request names one, and replies ready', async () => {
    const calls = /** @type {any[]} */ ([]);
    const engine = { async init(/** @type {any} */ o) { calls.push(o); return { backend: 'wasm', threads: o.numThreads }; } };
    const { dispatch, replies } = dispatcher(engine);
    await dispatch({ id: 1, type: 'init', numThreads: 2 });
    await dispatch({ id: 2, type: 'init', numThreads: 1, wasmPaths: 'https://x/' });
    assert.deepEqual(calls, [{ wasmPaths: 'file:///default/', numThreads: 2 }, { wasmPaths: 'https://x/', numThreads: 1 }]);
    assert.deepEqual(replies, [{ id: 1, type: 'ready', backend: 'wasm', threads: 2 }, { id: 2, type: 'ready', backend: 'wasm', threads: 1 }]);
  });

  it('load reports progress with the request id, then loaded with the names', async () => {
    const engine = {
      async load(/** @type {any} */ request, /** @type {any} */ onProgress) {
        assert.equal(request.model, 'm/fp32');
        onProgress(5, 10);
        onProgress(10, 10);
        return { inputs: ['x'], outputs: ['y'] };
      },
    };
    const { dispatch, replies } = dispatcher(engine);
    await dispatch({ id: 7, type: 'load', model: 'm/fp32', url: 'u', sha256: 's', bytes: 10 });
    assert.deepEqual(replies, [
      { id: 7, type: 'progress', loaded: 5, total: 10 },
      { id: 7, type: 'progress', loaded: 10, total: 10 },
      { id: 7, type: 'loaded', inputs: ['x'], outputs: ['y'] },
    ]);
  });

  it('run replies with the outputs and transfers their buffers; dispose replies disposed', async () => {
    const out = new Float32Array([1, 2]);
    const disposed = /** @type {string[]} */ ([]);
    const engine = {
      async run() { return { outputs: { y: { type: 'float32', dims: [2], data: out } }, ms: 3 }; },
      async dispose(/** @type {any} */ r) { disposed.push(r.model); },
    };
    const { dispatch, replies, transfers } = dispatcher(engine);
    await dispatch({ id: 1, type: 'run', model: 'm', feeds: {} });
    await dispatch({ id: 2, type: 'dispose', model: 'm' });
    assert.deepEqual(replies, [{ id: 1, type: 'result', outputs: { y: { type: 'float32', dims: [2], data: out } }, ms: 3 }, { id: 2, type: 'disposed' }]);
    assert.deepEqual(transfers[0], [out.buffer]);
    assert.deepEqual(disposed, ['m']);
  });

  it('errors become error replies: VitrineError keeps its code, anything else is a runtime error', async () => {
    let thrown = /** @type {unknown} */ (null);
    const engine = { async dispose() { throw thrown; } };
    const { dispatch, replies } = dispatcher(engine);
    thrown = new VitrineError(ERROR_CODE.notLoaded, 'not here');
    await dispatch({ id: 1, type: 'dispose', model: 'm' });
    thrown = new TypeError('boom');
    await dispatch({ id: 2, type: 'dispose', model: 'm' });
    thrown = 'a string';
    await dispatch({ id: 3, type: 'dispose', model: 'm' });
    await dispatch(/** @type {any} */ ({ type: 'explode' }));
    assert.deepEqual(replies, [
      { id: 1, type: 'error', code: 'not-loaded', message: 'not here' },
      { id: 2, type: 'error', code: 'runtime', message: 'boom' },
      { id: 3, type: 'error', code: 'runtime', message: 'a string' },
      { id: -1, type: 'error', code: 'bad-request', message: 'Unknown request type "explode".' },
    ]);
  });

  it('a run cancelled while it executes is answered aborted; its id can be reused afterwards', async () => {
    let release = () => {};
    const engine = {
      async run() {
        await new Promise((r) => { release = () => r(undefined); });
        return { outputs: {}, ms: 1 };
      },
    };
    const { dispatch, replies } = dispatcher(engine);
    const running = dispatch({ id: 4, type: 'run', model: 'm', feeds: {} });
    await new Promise((r) => setImmediate(r));
    await dispatch({ id: 4, type: 'cancel' });
    release();
    await running;
    assert.deepEqual(replies, [{ id: 4, type: 'error', code: 'aborted', message: 'Request 4 was cancelled.' }]);
    const again = dispatch({ id: 4, type: 'run', model: 'm', feeds: {} });
    await new Promise((r) => setImmediate(r));
    release();
    await again;
    assert.deepEqual(replies.at(-1), { id: 4, type: 'result', outputs: {}, ms: 1 });
  });

  it('a failed run does not block the next run of the same model', async () => {
    let n = 0;
    const engine = { async run() { n++; if (n === 1) throw new VitrineError(ERROR_CODE.run, 'first fails'); return { outputs: {}, ms: 0 }; } };
    const { dispatch, replies } = dispatcher(engine);
    await Promise.all([dispatch({ id: 1, type: 'run', model: 'm', feeds: {} }), dispatch({ id: 2, type: 'run', model: 'm', feeds: {} })]);
    assert.deepEqual(replies.map((r) => [r.id, r.type]), [[1, 'error'], [2, 'result']]);
  });
});

/** A fake onnxruntime-web: records what the engine does with it. */
function fakeOrt({ createThrows = false, runThrows = false } = {}) {
  const ort = {
    env: { wasm: /** @type {Record<string, unknown>} */ ({}) },
    created: /** @type {any[]} */ ([]),
    released: 0,
    Tensor: class {
      constructor(/** @type {string} */ type, /** @type {any} */ data, /** @type {number[]} */ dims) {
        if (type === 'bogus') throw new TypeError('unsupported type');
        Object.assign(this, { type, data, dims });
      }
    },
    InferenceSession: {
      async create(/** @type {Uint8Array} */ data, /** @type {any} */ options) {
        ort.created.push({ bytes: data.byteLength, options });
        if (createThrows) throw new Error('expected magic word');
        return {
          inputNames: ['x'],
          outputNames: ['y'],
          async run(/** @type {any} */ feeds) {
            if (runThrows) throw new Error('Aborted(OOM)');
            return { y: { type: 'float32', dims: feeds.x.dims, data: feeds.x.data } };
          },
          async release() { ort.released++; },
        };
      },
    },
  };
  return ort;
}

const model = new Uint8Array([1, 2, 3, 4]);
const modelSha = crypto.createHash('sha256').update(model).digest('hex');
const serveModel = async () => new Response(model.slice());
const loadRequest = { model: 'm/fp32', url: 'https://h/m.onnx', sha256: modelSha, bytes: model.byteLength };

describe('Engine with a fake onnxruntime-web', () => {
  it('init configures the runtime once, from the first request and the tier', async () => {
    const ort = fakeOrt();
    let imports = 0;
    const engine = new Engine(async () => { imports++; return /** @type {any} */ (ort); }, serveModel, RUNTIMES['wasm-nosimd']);
    const ready = await engine.init({ wasmPaths: 'https://x/vendor/', numThreads: 1 });
    await engine.init({ wasmPaths: 'https://other/', numThreads: 4 });
    assert.equal(imports, 1);
    assert.deepEqual(ort.env.wasm, { wasmPaths: 'https://x/vendor/', numThreads: 1, simd: false });
    assert.deepEqual(ready, { backend: 'wasm-nosimd', threads: 1, features: { wasmSimd: true, crossOriginIsolated: false } });
  });

  it('threads default to 1 when the runtime leaves them unset', async () => {
    const ort = fakeOrt();
    const engine = new Engine(async () => /** @type {any} */ (ort), serveModel);
    assert.equal((await engine.init({ wasmPaths: 'x', numThreads: /** @type {any} */ (undefined) })).threads, 1);
  });

  it('a runtime that cannot be imported is a runtime error, in words', async () => {
    const engine = new Engine(async () => { throw new TypeError('Failed to fetch dynamically imported module: x'); }, serveModel);
    await assert.rejects(engine.init({ wasmPaths: 'x', numThreads: 1 }), {
      code: 'runtime', message: "The ONNX runtime could not be loaded: The ONNX runtime's WebAssembly files could not be loaded (the site may be missing them).",
    });
  });

  it('requests before init are bad requests', async () => {
    const engine = new Engine(async () => /** @type {any} */ (fakeOrt()), serveModel);
    for (const call of [() => engine.load(loadRequest), () => engine.run({ model: 'm/fp32', feeds: {} })]) {
      await assert.rejects(call(), { code: 'bad-request', message: 'The worker got a request before "init".' });
    }
  });

  it('load creates one session with the tier\'s providers, run and dispose use it', async () => {
    const ort = fakeOrt();
    const engine = new Engine(async () => /** @type {any} */ (ort), serveModel, RUNTIMES.webgpu);
    await engine.init({ wasmPaths: 'x', numThreads: 1 });
    assert.deepEqual(await engine.load(loadRequest), { inputs: ['x'], outputs: ['y'] });
    await engine.load(loadRequest);
    assert.deepEqual(ort.created, [{ bytes: 4, options: { executionProviders: ['webgpu'] } }]);
    const data = new Float32Array([1, 2]);
    const { outputs, ms } = await engine.run({ model: 'm/fp32', feeds: { x: { type: 'float32', dims: [1, 2], data } } });
    assert.deepEqual(outputs, { y: { type: 'float32', dims: [1, 2], data } });
    assert.ok(ms >= 0);
    await engine.dispose({ model: 'm/fp32' });
    assert.equal(ort.released, 1);
    await assert.rejects(engine.run({ model: 'm/fp32', feeds: {} }), { code: 'not-loaded', message: 'Model "m/fp32" is not loaded in the worker.' });
  });

  it('a bad tensor is a bad request naming the input; a failing run is a run error', async () => {
    const ort = fakeOrt({ runThrows: true });
    const engine = new Engine(async () => /** @type {any} */ (ort), serveModel);
    await engine.init({ wasmPaths: 'x', numThreads: 1 });
    await engine.load(loadRequest);
    await assert.rejects(engine.run({ model: 'm/fp32', feeds: { x: { type: /** @type {any} */ ('bogus'), dims: [1], data: new Float32Array(1) } } }),
      { code: 'bad-request', message: 'Input "x" is not a valid tensor: unsupported type' });
    await assert.rejects(engine.run({ model: 'm/fp32', feeds: { x: { type: 'float32', dims: [1], data: new Float32Array(1) } } }),
      { code: 'run', message: 'The model failed to run: The browser ran out of memory for this model. Close other tabs or try a smaller variant.' });
  });

  it('a session ORT refuses is a session error, and the next load tries again', async () => {
    const ort = fakeOrt({ createThrows: true });
    const engine = new Engine(async () => /** @type {any} */ (ort), serveModel);
    await engine.init({ wasmPaths: 'x', numThreads: 1 });
    await assert.rejects(engine.load(loadRequest), { code: 'session', message: "The model could not be loaded: The ONNX runtime's WebAssembly files could not be loaded (the site may be missing them)." });
    await new Promise((r) => setImmediate(r));
    assert.equal(engine.sessions.size, 0);
    await assert.rejects(engine.load(loadRequest), { code: 'session' });
    assert.equal(ort.created.length, 2);
  });
});
