// A loaded model handle, returned by vitrine.load().
import { ERROR_CODE, VitrineError, transferList } from '../worker/protocol.js';
import { checkOptions, checkSignal, describeValue } from './options.js';
import { normalizeFeeds } from './tensors.js';
import { checkRowFits, rowToFeeds } from './tabular.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./backends.js').BackendPlan} BackendPlan */
/** @typedef {import('./sessions.js').Sessions} Sessions */
/** @typedef {import('../worker/protocol.js').OutputTensor} OutputTensor */

/**
 * @typedef {import('./tabular.js').Prediction & {ms: number}} TimedPrediction
 * `ms` is the time the model took in the worker (session.run), excluding messaging.
 */

/**
 * @typedef {(import('../worker/text_predict.js').LabelScore[] | import('../worker/text_predict.js').Hit[]) & {
 *   ms: number, notice?: string, words?: import('../worker/text_predict.js').WordWeight[], wordsMs?: number,
 *   tokens?: import('../worker/tokenize.js').TextEncoding, embedding?: Float32Array
 * }} TextPrediction What `predict(text)` returns: a plain list (labels best first, or search hits best
 * first), with non-enumerable extras: `ms` (session.run time in the worker), `notice` (e.g. the text was
 * cut to the model's length), and, when asked for, `words` and `wordsMs` (classification {words: true}),
 * `tokens` ({tokens: true}: the model's inputs made from the text), `embedding` (search {embedding: true}).
 */

/**
 * @typedef {object} RunOptions
 * @property {AbortSignal} [signal] aborting it cancels the call: it rejects with an error named
 *   "AbortError" (code "aborted"), and a run still queued in the worker is dropped
 */

export class Model {
  /**
   * @param {object} parts
   * @param {ModelEntry} parts.info
   * @param {Variant} parts.variant
   * @param {BackendPlan} parts.plan
   * @param {number} parts.threads
   * @param {Sessions} parts.sessions
   */
  constructor({ info, variant, plan, threads, sessions }) {
    /** The model's manifest entry. */
    this.info = info;
    /** The variant entry in use. */
    this.variant = variant;
    /** Tier name: "webgpu", "wasm" or "wasm-nosimd" (a StaticModel has "static"). */
    this.backend = plan.name;
    /** Tier name for people: "WebGPU", "WASM-SIMD", "plain WASM". */
    this.backendLabel = plan.label;
    /** Why this tier: "auto: …", "forced by ?backend=wasm", plus why better tiers were skipped or failed. */
    this.backendReason = plan.reason;
    /** WASM threads the runtime was started with. */
    this.threads = threads;
    this.key = `${info.id}/${variant.name}`;
    this.sessions = sessions;
    this.disposed = false;
  }

  /**
   * Run the model on raw tensors.
   * @param {Record<string, import('./tensors.js').FeedInput>} feeds {inputName: {type, dims, data}}
   * @param {RunOptions} [options]
   * @returns {Promise<Record<string, OutputTensor>>}
   */
  async run(feeds, options) {
    checkOpen(this);
    const signal = runSignal(options, 'run');
    return (await this.runTimed(normalizeFeeds(feeds, this.info.inputs), signal)).outputs;
  }

  /**
   * Task-native prediction. Tabular: one row `{featureName: value}` → `{label, labelIndex,
   * probabilities, ms}`. Image classification: an image (Blob, File, ArrayBuffer, ImageBitmap,
   * HTMLImageElement, HTMLCanvasElement or URL) → `[{label, score, index, cam?}]`, best first;
   * decoding, preprocessing and postprocessing happen in the worker (worker/predict.js).
   * Object detection: an image → `[{box: [x, y, w, h], label, score, keypoints}]` in the image's
   * pixels; options `minScore`, `iou` (NMS threshold) or `candidates: true` (every box before NMS).
   * Text classification: a string → every label `[{label, score, index}]`, best first; `{words: true}`
   * adds `words` `[{text, start, end, weight}]` (occlusion: how much the top label's probability drops
   * without each of the first 64 words). Semantic search: a question → the `topK` (default: the
   * manifest's top_k) closest documents `[{rank, index, score, title, text}]`. Both: `{tokens: true}`
   * adds the token ids; search `{embedding: true}` adds the query's embedding. See TextPrediction.
   * @param {unknown} input
   * @param {RunOptions & {topK?: number, cam?: boolean, minScore?: number, iou?: number, candidates?: boolean,
   *   words?: boolean, tokens?: boolean, embedding?: boolean}} [options]
   * @returns {Promise<any>}
   */
  async predict(input, options) {
    checkOpen(this);
    if (/** @type {{kind: string}} */ (this.info.preprocessing).kind === 'text') return this.predictText(input, options);
    if (this.info.preprocessing.kind === 'tabular') {
      // Checked here too, so a bad row fails at once with the same message (the worker checks again).
      const signal = runSignal(options, 'predict');
      const feeds = rowToFeeds(input, this.info.preprocessing);
      checkRowFits(/** @type {Record<string, unknown>} */ (input), this.info);
      normalizeFeeds(feeds, this.info.inputs);
      const { generation } = await this.sessions.ensure(this.key, this.variant);
      const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), input, {}, [], generation, signal);
      return { .../** @type {object} */ (reply.output), ms: reply.ms };
    }
    const checked = checkOptions(options, ['signal', 'topK', 'cam', 'minScore', 'iou', 'candidates'], 'predict()');
    const signal = checkSignal(checked.signal, 'predict()');
    const { topK, cam } = checked;
    if (topK !== undefined && !(typeof topK === 'number' && Number.isInteger(topK) && topK >= 1)) {
      throw new TypeError(`predict(): topK must be a whole number ≥ 1, got ${JSON.stringify(topK)}.`);
    }
    if (cam !== undefined && typeof cam !== 'boolean') throw new TypeError('predict(): cam must be true or false.');
    const { minScore, iou, candidates } = checked;
    for (const [name, v] of Object.entries({ minScore, iou })) {
      if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) {
        throw new TypeError(`predict(): ${name} must be a number from 0 to 1, got ${JSON.stringify(v)}.`);
      }
    }
    if (candidates !== undefined && typeof candidates !== 'boolean') throw new TypeError('predict(): candidates must be true or false.');
    const { value, transfer } = await transferableImage(input);
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), value, { topK, cam, minScore, iou, candidates }, transfer, generation, signal);
    const output = /** @type {unknown[]} */ (reply.output);
    // As for tabular predictions, `ms` is the session.run time in the worker (not enumerable: the answer stays a plain list).
    Object.defineProperty(output, 'ms', { value: reply.ms, enumerable: false });
    if (reply.notice) Object.defineProperty(output, 'notice', { value: reply.notice, enumerable: false });
    return output;
  }

  /**
   * Text models (see predict): tokenization, the run and the answer happen in the worker
   * (worker/text_predict.js).
   * @param {unknown} input
   * @param {unknown} options
   * @returns {Promise<TextPrediction>}
   */
  async predictText(input, options) {
    const search = this.info.postprocessing.kind === /** @type {string} */ ('semantic-search');
    const allowed = search ? ['signal', 'topK', 'tokens', 'embedding'] : ['signal', 'words', 'tokens'];
    const checked = checkOptions(options, allowed, 'predict()');
    const signal = checkSignal(checked.signal, 'predict()');
    const { topK, words, tokens, embedding } = checked;
    if (topK !== undefined && !(typeof topK === 'number' && Number.isInteger(topK) && topK >= 1)) {
      throw new TypeError(`predict(): topK must be a whole number ≥ 1, got ${JSON.stringify(topK)}.`);
    }
    for (const [name, v] of Object.entries({ words, tokens, embedding })) {
      if (v !== undefined && typeof v !== 'boolean') throw new TypeError(`predict(): ${name} must be true or false.`);
    }
    if (typeof input !== 'string') {
      throw new TypeError(`predict() takes a text (a string) for this model, got ${describeValue(input)}.`);
    }
    // The worker says the same; here it fails at once, without waiting for the model.
    if (search && input.trim() === '') throw new VitrineError(ERROR_CODE.badInput, 'Type a question to search.');
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), input, { topK, words, tokens, embedding }, [], generation, signal);
    const output = /** @type {import('../worker/text_predict.js').TextOutput} */ (reply.output);
    const list = /** @type {TextPrediction} */ (/** @type {unknown} */ (output.items));
    /** @param {string} name @param {unknown} value */
    const hidden = (name, value) => Object.defineProperty(list, name, { value, enumerable: false });
    hidden('ms', reply.ms);
    if (reply.notice) hidden('notice', reply.notice);
    if (output.words) {
      hidden('words', output.words);
      hidden('wordsMs', output.wordsMs);
    }
    if (output.tokens) hidden('tokens', output.tokens);
    if (output.embedding) hidden('embedding', output.embedding);
    return list;
  }

  /** Release the worker session once no other handle uses it. Further calls on this handle fail. */
  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.sessions.release(this.key).catch((e) => console.warn(`[vitrine] disposing ${this.key}:`, e));
  }

  /**
   * @param {import('../worker/protocol.js').TensorMap} feeds already validated
   * @param {AbortSignal} [signal]
   */
  async runTimed(feeds, signal) {
    checkOpen(this);
    // Reloads the session if the worker restarted since this handle was created.
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.run(this.key, feeds, transferList(feeds), generation, signal);
    return { outputs: reply.outputs, ms: reply.ms };
  }
}

/**
 * What the worker needs of the manifest entry to answer `predict` (sent with each request: small,
 * and a session reloaded after a worker restart needs nothing else). Text models also get the
 * artifacts the worker reads (tokenizer, search corpus): their URLs made absolute, as fetchManifest
 * made the artifacts' own, with the sha256 each download is checked against.
 * @param {ModelEntry} info
 * @returns {import('../worker/predict.js').TaskSpec}
 */
export function taskSpec(info) {
  const { task, labels, preprocessing, postprocessing, inputs, artifacts } = info;
  const pre = /** @type {any} */ (preprocessing);
  if (pre.kind !== 'text') return { task, labels, preprocessing, postprocessing, inputs };
  /** @type {import('../worker/text_predict.js').ArtifactRef[]} */
  const used = [];
  /**
   * The absolute URL of the artifact `ref` names (relative to manifest.json, or absolute), which joins `used`.
   * @param {string} kind
   * @param {unknown} ref
   */
  const resolve = (kind, ref) => {
    const found = (artifacts ?? []).find((a) => a.kind === /** @type {string} */ (kind) && typeof ref === 'string' &&
      (a.url === ref || a.url.endsWith(`/${ref}`)));
    if (!found) {
      throw new Error(`The site's build is damaged: model "${info.id}" names a ${kind} file ` +
        `(${JSON.stringify(ref)}) that is not among its artifacts. Rebuild the site.`);
    }
    used.push({ kind, url: found.url, sha256: found.sha256, bytes: found.bytes });
    return found.url;
  };
  const post = /** @type {any} */ (postprocessing);
  const corpus = post.corpus;
  return {
    task,
    labels,
    inputs,
    preprocessing: { ...pre, tokenizer: resolve('tokenizer', pre.tokenizer) },
    postprocessing: corpus
      ? { ...post, corpus: { ...corpus, documents: resolve('documents', corpus.documents), embeddings: resolve('embeddings', corpus.embeddings) } }
      : post,
    artifacts: used,
  };
}

/**
 * An image input as something a worker message can carry: DOM elements become ImageBitmaps (or
 * their URL), URL strings become absolute (the worker resolves against its own location otherwise).
 * @param {unknown} input
 * @returns {Promise<{value: unknown, transfer: Transferable[]}>}
 */
export async function transferableImage(input) {
  if (typeof input === 'string' || input instanceof URL) {
    return { value: new URL(String(input), globalThis.location?.href).href, transfer: [] };
  }
  if (typeof HTMLImageElement === 'function' && input instanceof HTMLImageElement) {
    if (!input.complete || input.naturalWidth === 0) await input.decode();
    const bitmap = await createImageBitmap(input);
    return { value: bitmap, transfer: [bitmap] };
  }
  if ((typeof HTMLCanvasElement === 'function' && input instanceof HTMLCanvasElement) ||
      (typeof HTMLVideoElement === 'function' && input instanceof HTMLVideoElement)) {
    const bitmap = await createImageBitmap(input);
    return { value: bitmap, transfer: [bitmap] };
  }
  if (typeof ImageBitmap === 'function' && input instanceof ImageBitmap) return { value: input, transfer: [] };
  if (input instanceof Blob || input instanceof ArrayBuffer) return { value: input, transfer: [] };
  if (ArrayBuffer.isView(input)) return { value: input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength), transfer: [] };
  const kind = input === null ? 'null' : typeof input;
  throw new TypeError(`predict() takes an image: a Blob or File, an ArrayBuffer, an ImageBitmap, an <img>, a <canvas> or a URL — got ${kind}.`);
}

/**
 * A disposed handle says so first, whatever else is wrong with the call (live and static models).
 * @param {{disposed: boolean, key: string}} handle
 */
export function checkOpen(handle) {
  if (handle.disposed) throw new Error(`Model "${handle.key}" was disposed; load it again to run it.`);
}

/**
 * The AbortSignal of run()/predict() options, checked.
 * @param {unknown} options
 * @param {string} method
 * @returns {AbortSignal | undefined}
 */
export function runSignal(options, method) {
  const call = `${method}()`;
  return checkSignal(checkOptions(options, ['signal'], call).signal, call);
}

