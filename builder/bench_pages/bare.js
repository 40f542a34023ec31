// The bare side of `vitrine bench` (builder/bench_bare.py): what a minimal page does with onnxruntime-web
// alone, on the main thread — import the tier's bundle from the site's vendor folder, create a session
// from the model URL, run the variant's parity-fixture inputs. No manifest, no worker, no sha256 check,
// no Cache API (a reload finds the model in the HTTP cache, if the browser kept it there).
//
// The runtime table is the worker's own (worker/runtimes.js), so both sides load the same bundle and
// .wasm for a tier, with the same executionProviders and ort.env.wasm settings; the thread count is
// the one Vitrine asks for (js_runtime/backends.js: min(4, cores) when cross-origin isolated, else 1;
// one on the plain-WASM tier).
//
// The fixture's tensors come as one binary file (little-endian, each tensor at an offset aligned to 8)
// and a layout [{name, type, dims, offset, length}] passed by the bench: no JSON of numbers to parse
// (string tensors, which have no bytes, come as {name, type: 'string', dims, values} in the layout).
import { RUNTIMES } from '../vitrine/worker/runtimes.js';

/** @type {Record<string, any>} */
const TYPED = {
  float32: Float32Array, float64: Float64Array, int64: BigInt64Array, uint64: BigUint64Array, int32: Int32Array,
  uint32: Uint32Array, int16: Int16Array, uint16: Uint16Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array, bool: Uint8Array,
};

/** @type {{ort: any, session: any, layout: any[], buffer: ArrayBuffer, outputs: Record<string, any>} | null} */
let state = null;

/** Typed views on the fixture's bytes (no copy); `firstRow` keeps the first row of each input (dims[0] → 1). */
function views(layout, buffer, firstRow = false) {
  return layout.map(({ name, type, dims, offset, length, values }) => {
    const rowDims = firstRow && dims.length > 0 && dims[0] > 1 ? [1, ...dims.slice(1)] : dims;
    const n = firstRow ? rowDims.reduce((a, b) => a * b, 1) : type === 'string' ? values.length : length;
    // string tensors come as values in the layout (onnxruntime-web takes a string[]); the others as views on the bytes
    return { name, type, dims: rowDims, data: type === 'string' ? values.slice(0, n) : new TYPED[type](buffer, offset, n) };
  });
}

function feeds(ort, tensors) {
  return Object.fromEntries(tensors.map((t) => [t.name, new ort.Tensor(t.type, t.data, t.dims)]));
}

function wasmThreads(runtime) {
  if (runtime.tier === 'wasm-nosimd') return 1;
  const threads = Boolean(globalThis.crossOriginIsolated) && typeof SharedArrayBuffer !== 'undefined';
  return threads ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
}

window.bare = Object.freeze({
  /**
   * Import the runtime, create the session, run the fixture's inputs once; times in ms since navigation start.
   * `extra`: the variant's session_options nested as onnxruntime-web's `extra` option (or null).
   */
  async first({ tier, modelUrl, feedsUrl, layout, extra }) {
    const requested = performance.now();
    const runtime = RUNTIMES[tier];
    if (!runtime) throw new Error(`The bare page has no runtime tier "${tier}"; worker/runtimes.js knows: ${Object.keys(RUNTIMES).join(', ')}.`);
    const folder = new URL(`../vitrine/vendor/${runtime.vendor}/`, import.meta.url).href;
    const bytes = fetch(feedsUrl).then((r) => r.arrayBuffer());  // the inputs, while the runtime loads
    const ort = await import(folder + runtime.bundle);
    ort.env.wasm.wasmPaths = folder;
    ort.env.wasm.numThreads = wasmThreads(runtime);
    Object.assign(ort.env.wasm, runtime.wasmEnv);
    const imported = performance.now();
    const session = await ort.InferenceSession.create(modelUrl, {
      executionProviders: runtime.executionProviders, ...(extra ? { extra } : {}),
    });
    const created = performance.now();
    const buffer = await bytes;
    const outputs = await session.run(feeds(ort, views(layout, buffer)));
    const ms = performance.now();
    state = { ort, session, layout, buffer, outputs };
    // How the model came (resource timing; same origin): transferSize 0 = the HTTP cache, headers only = revalidated (304).
    const model = performance.getEntriesByName(modelUrl).at(-1);
    return {
      ms, requested, imported, created, threads: ort.env.wasm.numThreads ?? 1, backend: runtime.tier, bundle: folder + runtime.bundle,
      model: model ? { transferSize: model.transferSize, encodedBodySize: model.encodedBodySize } : null,
    };
  },

  /** What first() fed and got, untimed: each input's dims and the sha256 of its bytes, each output as numbers. */
  async last() {
    if (!state) throw new Error('bare.first() has not run');
    const inputs = {};
    for (const t of views(state.layout, state.buffer)) {
      const bytes = t.type === 'string' ? new TextEncoder().encode(JSON.stringify(t.data)) : new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      inputs[t.name] = { type: t.type, dims: t.dims, sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
    }
    const outputs = {};
    for (const [name, tensor] of Object.entries(state.outputs)) {
      outputs[name] = { type: tensor.type, dims: [...tensor.dims], data: tensor.type === 'string' ? [...tensor.data] : Array.from(tensor.data, Number) };
    }
    return { inputs, outputs };
  },

  /**
   * `runs` session.run round trips (tensors made from the fixture's first row, run, outputs in hand) after
   * `warmup`; `whole`: the whole fixture (a recording's frames are its rows).
   */
  async runs({ runs, warmup, whole = false }) {
    if (!state) throw new Error('bare.first() has not run');
    const { ort, session } = state;
    const row = views(state.layout, state.buffer, !whole);
    for (let i = 0; i < warmup; i++) await session.run(feeds(ort, row));
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await session.run(feeds(ort, row));
      times.push(performance.now() - t);
    }
    return times;
  },
});
