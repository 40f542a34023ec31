// The page side of `vitrine bench`'s Transformers.js peer: one module worker (tjs_worker.js), driven
// through window.peer by the bench (Playwright). Worker timestamps (epoch ms) are returned relative to
// this page's navigation start, the origin of the Vitrine side's numbers too.

const worker = new Worker(new URL('tjs_worker.js', import.meta.url), { type: 'module' });
let next = 0;
/** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
const pending = new Map();
worker.onmessage = ({ data }) => {
  const waiting = pending.get(data.id);
  if (!waiting) return;
  pending.delete(data.id);
  if (data.error !== undefined) waiting.reject(new Error(data.error));
  else waiting.resolve(data.result);
};
worker.onerror = (e) => {
  for (const { reject } of pending.values()) reject(new Error(`the Transformers.js worker failed: ${e.message}`));
  pending.clear();
};

/** @param {string} type @param {object} body */
function call(type, body) {
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...body });
  });
}

const sinceNavigation = (/** @type {number} */ epochMs) => epochMs - performance.timeOrigin;

/** @param {Record<string, any>} obj */
function relative(obj) {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, typeof v === 'number' ? sinceNavigation(v) : relative(v)]));
}

const libUrl = new URL('lib/', import.meta.url).href;
const modelsPath = new URL('models/', import.meta.url).pathname;

window.peer = Object.freeze({
  /** Load tokenizer + model and predict once; times are ms since navigation start. */
  async first({ name, dtype, text, numThreads }) {
    const requested = performance.now();
    const r = await call('load', { name, dtype, text, modelsPath, libUrl, numThreads });
    const ms = performance.now();
    return {
      ms,
      requested,
      marks: relative(r.marks),
      bodies: r.bodies.map((/** @type {any} */ b) => ({ url: b.url, start: sinceNavigation(b.start), end: sinceNavigation(b.end), bytes: b.bytes })),
      puts: r.puts.map((/** @type {any} */ b) => ({ url: b.url, start: sinceNavigation(b.start), end: sinceNavigation(b.end) })),
      wasm: r.wasmTimings.map((/** @type {any} */ t) => ({ name: t.name, start: sinceNavigation(t.start), ms: t.end - t.start })),
      threads: r.threads,
      session: r.session,
      crossOriginIsolated: r.crossOriginIsolated,
      versions: r.versions,
      output: r.output,
      tokens: r.tokens,
    };
  },
  /** The token ids the worker's tokenizer gives each text. */
  tokenize(texts) {
    return call('tokenize', { texts });
  },
  /** Round trips (page → worker → page) and the model call inside the worker, per text, after `warmup` calls each. */
  async latency({ texts, runs, warmup }) {
    /** @type {Record<string, {roundTrip: number[], inference: number[]}>} */
    const out = {};
    for (const text of texts) {
      for (let i = 0; i < warmup; i++) await call('predict', { text });
      const roundTrip = [], inference = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const p = await call('predict', { text });
        roundTrip.push(performance.now() - t);
        inference.push(p.modelMs);
      }
      out[text] = { roundTrip, inference };
    }
    return out;
  },
});
