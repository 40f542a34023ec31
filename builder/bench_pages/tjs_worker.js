// `vitrine bench`'s peer: Transformers.js running a Vitrine text model's own ONNX file in a module
// Web Worker (the structure Transformers.js recommends for apps, and the one Vitrine uses), with its
// default settings except what running offline from this server needs:
//   env.allowLocalModels = true, env.allowRemoteModels = false, env.localModelPath = <the peer's models/>
//   env.backends.onnx.wasm.wasmPaths = the same two files it would fetch from jsDelivr, served here.
// Its path for an encoder: AutoTokenizer + AutoModel.from_pretrained(name, {dtype}), then
// model(tokenizer(text, {padding: true, truncation: true})), as its text pipelines call them.
//
// Timestamps are epoch milliseconds (performance.timeOrigin + now), so the page can put them on its
// own timeline (navigation start = the page's timeOrigin).

/** @type {any} */
let tjs = null;
/** @type {any} */
let tokenizer = null;
/** @type {any} */
let model = null;
/** @type {string} */
let outputName = '';

const stamp = () => performance.timeOrigin + performance.now();

/** Wrap WebAssembly's compile/instantiate entry points to time them (they are called, not replaced). */
const wasmTimings = [];
for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[name];
  if (typeof original !== 'function') continue;
  WebAssembly[name] = async function timed(...args) {
    const start = stamp();
    try {
      return await original.apply(this, args);
    } finally {
      wasmTimings.push({ name, start, end: stamp() });
    }
  };
}

/**
 * When each response body (network or Cache API) was read in full: Transformers.js reads files with
 * response.arrayBuffer(); timed, not changed.
 * @type {{url: string, start: number, end: number, bytes: number}[]}
 */
const bodies = [];
const arrayBuffer = Response.prototype.arrayBuffer;
Response.prototype.arrayBuffer = async function timed() {
  const start = stamp();
  const data = await arrayBuffer.call(this);
  bodies.push({ url: this.url, start, end: stamp(), bytes: data.byteLength });
  return data;
};

/** When Transformers.js stored each file in the Cache API (it awaits this before the session starts). */
const puts = [];
const put = Cache.prototype.put;
Cache.prototype.put = async function timed(request, response) {
  const start = stamp();
  try {
    return await put.call(this, request, response);
  } finally {
    puts.push({ url: String(request instanceof Request ? request.url : request), start, end: stamp() });
  }
};

/**
 * @param {{name: string, dtype: string, text: string, modelsPath: string, libUrl: string, numThreads?: number}} request
 *   numThreads: only for the bench's equal-threads diagnostic (by default onnxruntime-web picks)
 */
async function load({ name, dtype, text, modelsPath, libUrl, numThreads }) {
  const marks = { start: stamp() };
  tjs = await import(new URL('transformers.min.js', libUrl).href);
  marks.imported = stamp();
  const { env, AutoTokenizer, AutoModel } = tjs;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = modelsPath; // a path, not a URL: with remote models off, a URL is refused
  env.backends.onnx.wasm.wasmPaths = {
    mjs: new URL('ort-wasm-simd-threaded.asyncify.mjs', libUrl).href,
    wasm: new URL('ort-wasm-simd-threaded.asyncify.wasm', libUrl).href,
  };
  if (numThreads) env.backends.onnx.wasm.numThreads = numThreads;
  // No progress_callback: with one, Transformers.js first GETs every model file once more for its size
  // (a whole second download from a local path), which is not its default path.
  [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(name).then((t) => { marks.tokenizer = stamp(); return t; }),
    AutoModel.from_pretrained(name, { dtype }),
  ]);
  marks.model = stamp();
  const first = await predict({ text });
  marks.first = stamp();
  const wasm = env.backends.onnx.wasm;
  return {
    marks,
    bodies,
    puts,
    wasmTimings,
    threads: wasm.numThreads ?? 1,
    session: { dtype: model.sessions.model.config?.dtype, device: model.sessions.model.config?.device },
    crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
    versions: { transformers: env.version, onnxruntime: env.backends.onnx.versions?.web },
    output: first.output,
    tokens: first.tokens,
  };
}

/** @param {{text: string}} request */
async function predict({ text }) {
  const start = performance.now();
  const inputs = tokenizer(text, { padding: true, truncation: true });
  const tokenized = performance.now();
  const outputs = await model(inputs);
  const ran = performance.now();
  outputName ||= Object.keys(outputs)[0];
  const out = outputs[outputName];
  return {
    output: { name: outputName, dims: [...out.dims], head: Array.from(out.data.slice(0, 4)) },
    tokens: inputs.input_ids.dims[1],
    tokenizeMs: tokenized - start,
    modelMs: ran - tokenized,
    ms: ran - start,
  };
}

/** @param {{texts: string[]}} request the token ids it feeds the model, per text */
async function tokenize({ texts }) {
  return texts.map((text) => Array.from(tokenizer(text, { padding: true, truncation: true }).input_ids.data, Number));
}

const HANDLERS = { load, predict, tokenize };

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    const result = await HANDLERS[type](data);
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  }
};
