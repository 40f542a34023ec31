// The worker's state: one onnxruntime-web instance (that of the worker's runtime tier, see
// runtimes.js) and its sessions, keyed "<id>/<variant>".
// Message plumbing lives in worker.js; this file has none, so Node tests can drive it directly.
import { ERROR_CODE, VitrineError } from './protocol.js';
import { SITE, checkSiteUrl, fetchModel } from './fetch_model.js';
import { describeOrtError } from './ort_errors.js';
import { RUNTIMES } from './runtimes.js';
import { handlerFor } from './predict.js';
import { generatorTokenizerFor, prepareGeneration, runGeneration } from './generate.js';
import { corpusFor, tokenizerFor } from './text_predict.js';
import { hasWasmSimd } from './wasm_features.js';
import { startRuntime } from './warm_up.js';

/** @typedef {typeof import('onnxruntime-web')} Ort */
/** @typedef {import('onnxruntime-web').InferenceSession} Session */
/** @typedef {import('./protocol.js').TensorMap} TensorMap */
/** @typedef {import('./protocol.js').OutputTensor} OutputTensor */
/** @typedef {import('./runtimes.js').Runtime} Runtime */

/**
 * @typedef {object} SessionEntry
 * @property {Promise<Session>} session
 * @property {Promise<unknown>} queue runs are serialised per session: ORT sessions are not re-entrant
 */

export class Engine {
  /**
   * @param {() => Promise<Ort>} importOrt loads `runtime.bundle` (a URL import in the worker, a file in
   *   tests); onnxruntime-web 1.18 (wasm-nosimd) has the same API for what is used here
   * @param {typeof fetch} [fetchImpl]
   * @param {Runtime} [runtime] the tier this worker runs
   * @param {import('./fetch_model.js').SiteScope | null} [site] where the URLs requests name must lie:
   *   model files under its models/, wasmPaths under its vitrine/vendor/ (defaults to the site this
   *   worker was loaded from; null, as in Node, checks nothing). Defence in depth: the page already
   *   confines manifest URLs, but a worker never fetches what a damaged request sends it elsewhere.
   * @param {{warmUp?: boolean}} [options] warmUp: on `init`, create a throw-away session on a tiny model
   *   (worker/warm_up.js) so the runtime loads its WebAssembly while the first model downloads; the
   *   worker turns it on, tests that count sessions leave it off
   */
  constructor(importOrt, fetchImpl = (input, init) => fetch(input, init), runtime = RUNTIMES.wasm, site = SITE, { warmUp = false } = {}) {
    this.importOrt = importOrt;
    this.fetchImpl = fetchImpl;
    this.runtime = runtime;
    this.site = site;
    this.warmUp = warmUp;
    /** @type {Ort | null} set once the runtime is imported and configured */
    this.ort = null;
    /**
     * The runtime's start (import, configuration), begun by the first `init`. A failure is kept: every
     * request behind it gets the same error (code runtime), and the page starts a fresh worker.
     * @type {Promise<Ort> | null}
     */
    this.starting = null;
    /**
     * Settles once the warm-up session is done (or failed: the real session then says why); real
     * sessions wait for it, so the two never race to initialise the runtime.
     * @type {Promise<unknown>}
     */
    this.warm = Promise.resolve(null);
    /** @type {Map<string, SessionEntry>} */
    this.sessions = new Map();
    /**
     * Where text models get the tokenizer library; undefined: the site's vendored copy (Node tests set the npm import).
     * @type {(() => Promise<import('./tokenize.js').TokenizerClass>) | undefined}
     */
    this.tokenizerLibrary = undefined;
  }

  /**
   * Import and configure the runtime (once), and start its WebAssembly in the background (warmUp).
   * Replies as soon as the runtime is imported: `load` requests may follow at once, without waiting for
   * the reply (their downloads start while the runtime starts).
   * @param {{wasmPaths: string, numThreads: number}} options
   * @returns {Promise<Omit<import('./protocol.js').ReadyReply, 'id'|'type'>>}
   */
  async init({ wasmPaths, numThreads }) {
    if (!this.starting) {
      // onnxruntime-web fetches its .wasm from wasmPaths: only from this site's runtime folder.
      checkSiteUrl(wasmPaths, this.site, { folder: this.site?.vendor, what: 'runtime folder' });
      this.starting = this.start(wasmPaths, numThreads);
      this.starting.catch(() => {}); // reported to `init` and to every load waiting on it
    }
    const ort = await this.starting;
    return {
      backend: this.runtime.tier,
      threads: ort.env.wasm.numThreads ?? 1,
      features: { wasmSimd: hasWasmSimd(), crossOriginIsolated: Boolean(globalThis.crossOriginIsolated) },
    };
  }

  /**
   * @param {string} wasmPaths
   * @param {number} numThreads
   * @returns {Promise<Ort>}
   */
  async start(wasmPaths, numThreads) {
    /** @type {Ort} */
    let ort;
    try {
      ort = await this.importOrt();
    } catch (e) {
      throw new VitrineError(ERROR_CODE.runtime, describeOrtError(e, 'The ONNX runtime could not be loaded'));
    }
    // Settings are read when the first session starts the WASM module; they cannot change later (a
    // worker that configured its runtime before `init`, from its URL, keeps those).
    this.warm = startRuntime(ort, this.runtime, { wasmPaths, numThreads }, this.warmUp).warm;
    this.ort = ort;
    return ort;
  }

  /**
   * Create the session for `model` unless it exists (then reuse it). With `spec`, what the task's
   * predictions need besides the model (a text model's tokenizer, a search corpus) is fetched meanwhile.
   * @param {{model: string, url: string, sha256: string, bytes: number, sessionOptions?: Record<string, string>,
   *   spec?: import('./predict.js').TaskSpec}} request
   * @param {(loaded: number, total: number) => void} [onProgress]
   * @returns {Promise<{inputs: string[], outputs: string[]}>}
   */
  async load({ model, url, sha256, bytes, sessionOptions, spec }, onProgress) {
    const starting = this.requireStarted();
    if (spec) this.prefetchSideFiles(spec);
    let entry = this.sessions.get(model);
    if (!entry) {
      const extra = extraOptions(sessionOptions);
      entry = { session: this.createSession(starting, url, sha256, bytes, onProgress, extra), queue: Promise.resolve() };
      this.sessions.set(model, entry);
      // A failed load must not poison later attempts (e.g. after a network blip).
      entry.session.catch(() => {
        if (this.sessions.get(model) === entry) this.sessions.delete(model);
      });
    }
    const session = await entry.session;
    return { inputs: [...session.inputNames], outputs: [...session.outputNames] };
  }

  /**
   * Start loading a text model's tokenizer (and a search model's corpus) in the background, as the first
   * prediction would (the same per-worker caches, so that prediction finds them ready). A failure is
   * forgotten there and reported by that prediction; a spec that names files it cannot check (a damaged
   * build) fetches nothing.
   * @param {import('./predict.js').TaskSpec} spec
   */
  prefetchSideFiles(spec) {
    const env = { fetchImpl: this.fetchImpl, site: this.site, tokenizerLibrary: this.tokenizerLibrary };
    const pre = /** @type {{kind?: unknown}} */ (spec.preprocessing);
    const post = /** @type {{corpus?: unknown}} */ (spec.postprocessing);
    /** @type {Promise<unknown>[]} */
    const jobs = [];
    try {
      if (spec.task === 'text-generation') jobs.push(generatorTokenizerFor(spec, env));
      else if (pre?.kind === 'text') {
        jobs.push(tokenizerFor(spec, env));
        if (post?.corpus) jobs.push(corpusFor(spec, env));
      }
    } catch {
      // artifactOf refused the spec: the prediction says so
    }
    for (const job of jobs) job.catch(() => {});
  }

  /**
   * The model downloads (or comes from the Cache API) while the runtime starts: neither waits for the
   * other. The session is created once both are there and the warm-up session is done. A runtime that
   * failed to start is reported as such (code runtime: the page falls to the next tier), before any
   * download error.
   * @param {Promise<Ort>} starting
   * @param {string} url
   * @param {string} sha256
   * @param {number} bytes
   * @param {((loaded: number, total: number) => void) | undefined} onProgress
   * @param {Record<string, unknown>} [extra] onnxruntime config entries, nested (see extraOptions)
   * @returns {Promise<Session>}
   */
  async createSession(starting, url, sha256, bytes, onProgress, extra) {
    const download = fetchModel(url, { sha256, bytes, onProgress, fetchImpl: this.fetchImpl, site: this.site });
    download.catch(() => {}); // awaited below; not an unhandled rejection while the runtime starts
    const ort = await starting;
    await this.warm;
    const data = await download;
    try {
      return await ort.InferenceSession.create(data, { executionProviders: this.runtime.executionProviders, ...(extra ? { extra } : {}) });
    } catch (e) {
      throw new VitrineError(ERROR_CODE.session, describeOrtError(e, 'The model could not be loaded'));
    }
  }

  /**
   * @param {{model: string, feeds: TensorMap}} request
   * @returns {Promise<{outputs: Record<string, OutputTensor>, ms: number}>}
   */
  async run({ model, feeds }) {
    const ort = this.requireOrt();
    const entry = this.requireEntry(model);
    const session = await entry.session;
    /** @type {Record<string, import('onnxruntime-web').Tensor>} */
    const ortFeeds = {};
    for (const [name, t] of Object.entries(feeds)) {
      try {
        // The overloads are keyed on literal type names; the page validated type/data agreement.
        ortFeeds[name] = new ort.Tensor(/** @type {any} */ (t.type), /** @type {any} */ (t.data), t.dims);
      } catch (e) {
        throw new VitrineError(ERROR_CODE.badRequest, `Input "${name}" is not a valid tensor: ${e instanceof Error ? e.message : e}`);
      }
    }
    const run = entry.queue.then(async () => {
      const start = performance.now();
      let results;
      try {
        results = await session.run(ortFeeds);
      } catch (e) {
        throw new VitrineError(ERROR_CODE.run, describeOrtError(e, 'The model failed to run'));
      }
      const ms = performance.now() - start;
      /** @type {Record<string, OutputTensor>} */
      const outputs = {};
      for (const [name, t] of Object.entries(results)) {
        outputs[name] = { type: t.type, dims: [...t.dims], data: t.data };
      }
      return { outputs, ms };
    });
    entry.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Task-native input → answer: the task handler prepares feeds, the session runs, the handler reads the
   * outputs (and may run the model once more, e.g. on a batch of variations of the input).
   * @param {{model: string, spec: import('./predict.js').TaskSpec, input: unknown, options?: Record<string, unknown>}} request
   * @param {() => boolean} [cancelled] true once the request was cancelled (a handler then skips further runs)
   * @returns {Promise<{output: unknown, ms: number, notice?: string}>}
   */
  async predict({ model, spec, input, options = {} }, cancelled = () => false) {
    this.requireEntry(model);
    const handler = handlerFor(spec);
    /** @type {import('./predict.js').TaskEnv} */
    const env = {
      fetchImpl: this.fetchImpl, site: this.site, tokenizerLibrary: this.tokenizerLibrary, cancelled,
      run: (/** @type {TensorMap} */ feeds) => this.run({ model, feeds }),
    };
    const prepared = await handler.prepare(input, spec, env);
    const { outputs, ms } = await this.run({ model, feeds: prepared.feeds });
    const output = await handler.finish(outputs, spec, options, prepared, env);
    const total = ms + (prepared.extraMs ?? 0);
    return prepared.notice ? { output, ms: total, notice: prepared.notice } : { output, ms: total };
  }

  /**
   * Text generation: the prompt's ids (tokenizer download, checks) first, then the decode loop, which
   * holds the model's session queue from its first step to its last (worker/generate.js).
   * @param {{model: string, spec: import('./predict.js').TaskSpec, input: unknown, options?: unknown}} request
   * @param {() => boolean} [cancelled] true once the request was cancelled: the loop stops before its next step
   * @param {(chunk: import('./generate.js').Chunk) => void} [onToken] each generated token
   * @returns {Promise<import('./generate.js').GenerationResult>}
   */
  async generate({ model, spec, input, options }, cancelled = () => false, onToken = () => {}) {
    const ort = this.requireOrt();
    const entry = this.requireEntry(model);
    const prepared = await prepareGeneration(input, spec, options, {
      fetchImpl: this.fetchImpl, site: this.site, tokenizerLibrary: this.tokenizerLibrary,
    });
    const session = await entry.session;
    const run = entry.queue.then(() => runGeneration({ ort, session, spec, prepared, cancelled, onToken }));
    entry.queue = run.catch(() => undefined);
    return run;
  }

  /** @param {{model: string}} request */
  async dispose({ model }) {
    const entry = this.requireEntry(model);
    this.sessions.delete(model);
    await entry.queue;
    await (await entry.session).release();
  }

  /**
   * The runtime's start, for requests that may arrive before it is done (load).
   * @returns {Promise<Ort>}
   */
  requireStarted() {
    if (!this.starting) throw new VitrineError(ERROR_CODE.badRequest, 'The worker got a request before "init".');
    return this.starting;
  }

  /** @returns {Ort} */
  requireOrt() {
    if (!this.ort) throw new VitrineError(ERROR_CODE.badRequest, 'The worker got a request before "init".');
    return this.ort;
  }

  /** @param {string} model */
  requireEntry(model) {
    const entry = this.sessions.get(model);
    if (!entry) throw new VitrineError(ERROR_CODE.notLoaded, `Model "${model}" is not loaded in the worker.`);
    return entry;
  }
}

/**
 * A variant's session_options ({"session.disable_quant_qdq": "1"}) as onnxruntime-web's `extra`
 * ({session: {disable_quant_qdq: "1"}}), which it flattens back into config entries.
 * @param {unknown} options
 * @returns {Record<string, unknown> | undefined}
 */
export function extraOptions(options) {
  if (options === undefined || options === null) return undefined;
  const bad = (/** @type {string} */ why) => new VitrineError(ERROR_CODE.badRequest, `The model's session options are malformed (${why}). Rebuild the site.`);
  if (typeof options !== 'object' || Array.isArray(options)) throw bad('not an object');
  /** @type {Record<string, any>} */
  const extra = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'string') throw bad(`${JSON.stringify(key)} is not a string`);
    const path = key.split('.');
    if (path.some((part) => !/^[A-Za-z0-9_]+$/.test(part))) throw bad(`${JSON.stringify(key)} is not a dotted name`);
    let node = extra;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] === 'string') throw bad(`${JSON.stringify(key)} clashes with another key`);
      node = node[part] ??= {};
    }
    const leaf = /** @type {string} */ (path.at(-1));
    if (leaf in node) throw bad(`${JSON.stringify(key)} clashes with another key`);
    node[leaf] = value;
  }
  return Object.keys(extra).length ? extra : undefined;
}
