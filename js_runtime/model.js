// A loaded model handle, returned by vitrine.load().
import { ERROR_CODE, VitrineError, transferList } from '../worker/protocol.js';
import { checkFunction, checkOptions, checkSignal, describeValue } from './options.js';
import { normalizeFeeds } from './tensors.js';
import { abortError } from './worker_client.js';
import { checkRowFits, completeRow, rowToFeeds } from './tabular.js';
import { readBatch } from './drift_input.js';
import { checkHorizon, seriesToFeeds } from './series.js';
import { checkTopK, itemsToFeeds } from './recommend.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./backends.js').BackendPlan} BackendPlan */
/** @typedef {import('./sessions.js').Sessions} Sessions */
/** @typedef {import('../worker/protocol.js').OutputTensor} OutputTensor */
/** @typedef {import('./tabular.js').RegressionPrediction} RegressionPrediction */
/** @typedef {import('./tabular.js').AnomalyPrediction} AnomalyPrediction */
/** @typedef {import('./series.js').Forecast} Forecast */
/** @typedef {import('./recommend.js').Recommendation} Recommendation */
/** @typedef {import('./recommend.js').Recommendations} Recommendations */
/** @typedef {import('../worker/audio_predict.js').VoiceActivity} VoiceActivity */

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
 * @typedef {import('../worker/protocol.js').GenerationOutput & {ms: number, firstTokenMs: number, tokensPerSecond: number | null}} Generation
 * What a text-generation model's `predict(prompt)` returns (and `generate()` returns when it is done):
 * the answer `text`, its `tokens` (ids, the end-of-sequence token not included), `promptTokens`,
 * `finishReason` ("eos": the model ended its answer, "length": maxNewTokens or the context was
 * reached), `ms` (session.run time of all steps in the worker), `firstTokenMs` (the prompt's step) and
 * `tokensPerSecond` (of the steps after it; null when there were none).
 */

/**
 * @typedef {object} GenerateOptions Options of a text-generation model's predict() and generate();
 *   each left out takes the manifest's default (postprocessing.defaults).
 * @property {number} [maxNewTokens] whole number ≥ 1 (capped by the model's limit and the context left)
 * @property {number} [temperature] 0..2; 0 = greedy: always the same answer
 * @property {number} [topK] whole number ≥ 0; sample among the k likeliest tokens (0 = all)
 * @property {number} [topP] above 0, at most 1; sample among the likeliest tokens that make up this probability
 * @property {number} [seed] whole number 0..4294967295: the same seed and settings give the same sample
 * @property {AbortSignal} [signal] aborting stops the generation: the call rejects with an AbortError
 */

/**
 * @typedef {object} TokenChunk One generated token, as it arrives.
 * @property {number} index 0 for the first
 * @property {number} token its id
 * @property {string} text the answer's new text (may be "": a character split across tokens comes with
 *   the token that completes it); the texts, concatenated, are the answer
 */

/** The most a 32-bit seed can be. */
const MAX_SEED = 4294967295;
/** Prompts longer than max_tokens × this many characters are refused at once (as the worker does). */
const CHARS_PER_TOKEN = 16;
/** Python's str.isspace characters: a prompt of only these is empty (as worker/generate.js). */
const BLANK = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;
const GENERATE_OPTIONS = ['signal', 'maxNewTokens', 'temperature', 'topK', 'topP', 'seed'];
const EXPLAIN_OPTIONS = ['signal', 'method', 'samples', 'seed'];
/** Exact Shapley values enumerate 2^F coalitions: up to this many features (as worker/shapley.js). */
const EXACT_MAX_FEATURES = 16;
/** The most KernelSHAP coalitions (each runs over every background row) or LIME rows one call may ask for. */
const MAX_SAMPLES = 100000;

/**
 * @typedef {import('../worker/protocol.js').Explanation & {ms: number}} TimedExplanation
 * What explain() returns: `method`, `features` (names) and `outputs` (labels) name the axes; `base[out]`
 * is the model's mean output over the background rows, `values[out][feature]` each feature's Shapley
 * value, `prediction[out]` the model's output for the row (base + Σ values = prediction); `backgroundRows`,
 * `evaluations` (rows run), `samples` (kernel: coalitions; lime: neighbourhood rows) and `ms`
 * (session.run time in the worker). Method "lime": `values[out][feature]` are the LIME weights (the local
 * Ridge surrogate's coefficients), `base[out]` its intercept and `score[out]` its weighted R²; they do
 * not add up to the prediction.
 */

/**
 * @typedef {object} TextExplanation What a text classifier's explain(text) returns (method "occlusion"):
 * `features` are the words weighed (the first 64; `words` gives their UTF-16 offsets in the text),
 * `values[label][word]` = p(label | text) − p(label | text without the word), `prediction[label]` =
 * p(label | text), both in the order of `outputs` (the labels); `evaluations` the texts run and `ms`
 * the session.run time of all of them. The values need not add up to anything.
 * @property {'occlusion'} method
 * @property {string[]} features
 * @property {{text: string, start: number, end: number}[]} words
 * @property {string[]} outputs
 * @property {number[][]} values
 * @property {number[]} prediction
 * @property {number} evaluations
 * @property {number} ms
 * @property {string} [notice] e.g. only the first 64 words were weighed
 */

/**
 * @typedef {object} ImageExplanation What an image classifier's explain(image) returns (method "cam"):
 * for each of its top classes (best first; `topK` as predict's) that has a class activation map, the
 * label, its probability (`prediction`) and the map (`maps[i]`: width × height raw values, larger =
 * more evidence, covering `region` of the image in pixels).
 * @property {'cam'} method
 * @property {string[]} outputs
 * @property {number[]} prediction
 * @property {{label: string, index: number, width: number, height: number, data: Float32Array,
 *   region: {x: number, y: number, width: number, height: number}}[]} maps
 * @property {number} ms
 */

/**
 * @typedef {object} ExplainOptions Options of a tabular model's explain().
 * @property {'exact'|'kernel'|'lime'} [method] exact (default up to 16 features): every coalition, equal to
 *   shap's Exact explainer; kernel: KernelSHAP on sampled coalitions (any number of features); lime: LIME
 *   as Python lime's LimeTabularExplainer with its defaults (quartile bins of the background rows)
 * @property {number} [samples] kernel: coalitions to evaluate, a whole number 1..100000 (default 2F + 2048);
 *   lime: neighbourhood rows, the row included, 1..100000 (default 5000, lime's num_samples)
 * @property {number} [seed] kernel, lime: whole number 0..4294967295 (default 0): the same seed gives the same values
 * @property {AbortSignal} [signal] aborting it stops the worker before its next batch: the call rejects with an AbortError
 */

/**
 * @typedef {object} ExplainEntry A model's manifest `explain` (builder/explain.py).
 * @property {string} method how the build computed its baselines ("exact" or "permutation")
 * @property {string} explanations the explanations artifact, relative to manifest.json
 * @property {number} background_rows
 * @property {string} output "probabilities"
 */

/**
 * @typedef {object} DriftEntry A model's manifest `drift` (builder/drift.py).
 * @property {string} reference the drift_reference artifact, relative to manifest.json
 * @property {number} reference_rows training rows it describes
 * @property {string} test_rows held-out rows as CSV (an artifact), relative to manifest.json
 */

/**
 * @typedef {object} RunOptions
 * @property {AbortSignal} [signal] aborting it cancels the call: it rejects with an error named
 *   "AbortError" (code "aborted"), and a run still queued in the worker is dropped
 */

/**
 * A model handle, as vitrine.load() returns it when a runtime (WebGPU or WebAssembly) can run the model in
 * this browser: the session lives in the inference worker, and every call sends it a request.
 */
export class Model {
  /**
   * @param {object} parts
   * @param {ModelEntry} parts.info
   * @param {Variant} parts.variant
   * @param {BackendPlan} parts.plan
   * @param {number} parts.threads
   * @param {Sessions} parts.sessions
   * @internal
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
    /** The session key, "<model id>/<variant name>". @internal */
    this.key = `${info.id}/${variant.name}`;
    /** The sessions (and worker) of its tier. @internal */
    this.sessions = sessions;
    /** Set by dispose(). @internal */
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
   * Task-native prediction. Tabular classification: one row `{featureName: value}` → `{label, labelIndex,
   * probabilities, ms}` ({@link TimedPrediction}). Tabular regression: a row → `{value, low, high, level,
   * ms}`: the predicted number and its prediction interval, which held for about `level` of the held-out
   * rows ({@link RegressionPrediction}). Anomaly detection: a row → `{score, anomaly, threshold, ms}`: how unusual
   * the row is and whether that is above the model's threshold ({@link AnomalyPrediction}). Time-series forecasting: a series (an array of numbers, oldest first;
   * its last `window` values are read) → `{forecast, low, high, level, ms}`, one value per step ahead
   * ({@link Forecast}); option `horizon` (1 … the model's) keeps the first steps only. Recommendation: the
   * items picked (an array of names from `info.labels`) → `{recommendations, ms}`, the `topK` (default: the
   * manifest's top_k) best items not picked `[{item, index, score, because}]`, `because` naming the picked item
   * that adds most to its score ({@link Recommendation}). Voice activity detection:
   * a recording (a Blob or File, an ArrayBuffer, an AudioBuffer, or `{samples, sampleRate}` of mono samples)
   * → `{segments, probabilities, frameSeconds, duration, threshold, ms}`: the stretches of speech `[{start,
   * end}]` in seconds and each 32 ms frame's speech probability ({@link VoiceActivity}); option `threshold`
   * (0–1) overrides the model's; `waveform: n` adds the recording's lowest and highest sample in each of n
   * stretches, to draw it. WAV files are decoded in the worker exactly as the build decodes them;
   * other formats by the browser at 48 kHz. Image classification: an image (Blob, File, ArrayBuffer,
   * ImageBitmap, HTMLImageElement, HTMLCanvasElement or URL) → `[{label, score, index, cam?}]`, best first
   * ({@link ClassScore}); decoding, preprocessing and postprocessing happen in the worker (worker/predict.js).
   * Object detection: an image → `[{box: [x, y, w, h], label, score, keypoints}]` ({@link Box}) in the image's
   * pixels; options `minScore`, `iou` (NMS threshold) or `candidates: true` (every box before NMS).
   * Text classification: a string → every label `[{label, score, index}]`, best first; `{words: true}`
   * adds `words` `[{text, start, end, weight}]` (occlusion: how much the top label's probability drops
   * without each of the first 64 words). Semantic search: a question → the `topK` (default: the
   * manifest's top_k) closest documents `[{rank, index, score, title, text}]`. Both: `{tokens: true}`
   * adds the token ids; search `{embedding: true}` adds the query's embedding. See {@link TextPrediction}.
   * Text generation: a prompt → the answer `{text, tokens, promptTokens, finishReason, ms, firstTokenMs,
   * tokensPerSecond}` (see {@link Generation}), with options maxNewTokens, temperature, topK, topP, seed (see
   * {@link GenerateOptions}) and `onToken({index, token, text})`, called for each token as it is generated;
   * `generate()` gives the same as an async iterator.
   * @param {unknown} input
   * @param {RunOptions & {topK?: number, cam?: boolean, minScore?: number, iou?: number, candidates?: boolean,
   *   words?: boolean, tokens?: boolean, embedding?: boolean, threshold?: number, waveform?: number} & GenerateOptions & {onToken?: (chunk: TokenChunk) => void}} [options]
   * @returns {Promise<any>}
   */
  async predict(input, options) {
    checkOpen(this);
    if (this.info.task === 'text-generation') return this.predictGeneration(input, options);
    if (this.info.task === 'time-series-forecasting') return this.predictSeries(input, options);
    if (this.info.task === 'recommendation') return this.predictItems(input, options);
    if (this.info.task === 'voice-activity-detection') return this.predictAudio(input, options);
    if (/** @type {{kind: string}} */ (this.info.preprocessing).kind === 'text') return this.predictText(input, options);
    if (this.info.preprocessing.kind === 'tabular') {
      // Checked here too, so a bad row fails at once with the same message (the worker checks again).
      const signal = runSignal(options, 'predict');
      input = completeRow(input, this.info.preprocessing);
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
   * Voice activity detection (see predict): a compressed recording is decoded here (only the page has
   * Web Audio); a WAV file goes to the worker, which decodes, resamples, scores and cuts it into
   * segments (worker/audio_predict.js).
   * @param {unknown} input
   * @param {unknown} options
   * @returns {Promise<VoiceActivity & {ms: number, notice?: string}>}
   * @internal
   */
  async predictAudio(input, options) {
    const checked = checkOptions(options, ['signal', 'threshold', 'waveform'], 'predict()');
    const signal = checkSignal(checked.signal, 'predict()');
    const { threshold } = checked;
    if (threshold !== undefined && !(typeof threshold === 'number' && threshold > 0 && threshold < 1)) {
      throw new TypeError(`predict(): threshold must be a number between 0 and 1, got ${JSON.stringify(threshold)}.`);
    }
    const { recordingInput } = await import('./audio_input.js');
    const { value, transfer } = await recordingInput(input);
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const { waveform } = checked;
    if (waveform !== undefined && !(Number.isInteger(waveform) && Number(waveform) >= 1 && Number(waveform) <= 4000)) {
      throw new TypeError(`predict(): waveform must be a whole number from 1 to 4000, got ${JSON.stringify(waveform)}.`);
    }
    const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), value, { threshold, waveform }, transfer, generation, signal);
    const output = /** @type {VoiceActivity} */ (reply.output);
    return reply.notice ? { ...output, ms: reply.ms, notice: reply.notice } : { ...output, ms: reply.ms };
  }

  /**
   * Forecasting (see predict): the series is checked here (so a bad one fails at once, as in the worker),
   * and its window is run in the worker (worker/predict.js).
   * @param {unknown} input
   * @param {unknown} options
   * @returns {Promise<Forecast & {ms: number}>}
   * @internal
   */
  async predictSeries(input, options) {
    const checked = checkOptions(options, ['signal', 'horizon'], 'predict()');
    const signal = checkSignal(checked.signal, 'predict()');
    const spec = /** @type {import('./series.js').SeriesSpec} */ (/** @type {unknown} */ (this.info));
    const horizon = checkHorizon(checked.horizon, spec.postprocessing.horizon);
    seriesToFeeds(input, spec);
    // only the window the model reads goes to the worker, however long the series
    const { window } = spec.preprocessing;
    const values = /** @type {ArrayLike<number>} */ (input);
    const recent = Array.from({ length: window }, (_, i) => values[values.length - window + i]);
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), recent, { horizon }, [], generation, signal);
    return { .../** @type {Forecast} */ (reply.output), ms: reply.ms };
  }

  /**
   * Recommendation (see predict): the items are checked here (so a bad name fails at once, as in the
   * worker), and the model runs in the worker (worker/predict.js).
   * @param {unknown} input
   * @param {unknown} options
   * @returns {Promise<Recommendations & {ms: number}>}
   * @internal
   */
  async predictItems(input, options) {
    const checked = checkOptions(options, ['signal', 'topK'], 'predict()');
    const signal = checkSignal(checked.signal, 'predict()');
    const spec = /** @type {import('./recommend.js').RecommendSpec} */ (/** @type {unknown} */ (this.info));
    const topK = checkTopK(checked.topK, spec);
    itemsToFeeds(input, spec);
    // the names, not the tensor: the worker checks them again and leaves the picked ones out of the answer
    const items = [.../** @type {string[]} */ (input)];
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), items, { topK }, [], generation, signal);
    return { .../** @type {Recommendations} */ (reply.output), ms: reply.ms };
  }

  /**
   * Text models (see predict): tokenization, the run and the answer happen in the worker
   * (worker/text_predict.js).
   * @param {unknown} input
   * @param {unknown} options
   * @returns {Promise<TextPrediction>}
   * @internal
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
    const { output, reply } = await this.textReply(input, { topK, words, tokens, embedding }, signal);
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

  /**
   * A text request in the worker → its raw answer (TextOutput) and the reply (ms, notice).
   * @param {string} input
   * @param {Record<string, unknown>} options
   * @param {AbortSignal | undefined} signal
   * @internal
   */
  async textReply(input, options, signal) {
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.predict(this.key, taskSpec(this.info), input, options, [], generation, signal);
    return { output: /** @type {import('../worker/text_predict.js').TextOutput} */ (reply.output), reply };
  }

  /**
   * Text generation (see predict): the prompt → the answer, generated in the worker token by token;
   * `onToken({index, token, text})` is called for each token as it arrives.
   * @param {unknown} prompt
   * @param {unknown} options GenerateOptions and onToken
   * @returns {Promise<Generation>}
   * @internal
   */
  async predictGeneration(prompt, options) {
    const { settings, signal, onToken } = this.checkGeneration(prompt, options, 'predict()', true);
    if (!onToken) return this.startGeneration(/** @type {string} */ (prompt), settings, signal);
    // An onToken that throws stops the generation, and predict() rejects with what it threw.
    const controller = new AbortController();
    const stop = () => controller.abort();
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    /** @type {{error: unknown} | null} */
    let failed = null;
    try {
      return await this.startGeneration(/** @type {string} */ (prompt), settings, controller.signal, (chunk) => {
        if (failed) return;
        try {
          onToken(chunk);
        } catch (error) {
          failed = { error };
          stop();
        }
      });
    } catch (e) {
      throw failed ? /** @type {{error: unknown}} */ (failed).error : e;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  /**
   * Text generation as a stream: `for await (const {index, token, text} of m.generate(prompt, options))`;
   * the loop's `return` value (the iterator's last result) is the finished Generation. Leaving the loop
   * early (break, return, an exception) or aborting `options.signal` stops the worker's loop. Options
   * are checked at once (TypeError); the generation starts with the first iteration.
   * @param {string} prompt
   * @param {GenerateOptions} [options]
   * @returns {AsyncGenerator<TokenChunk, Generation, undefined>}
   */
  generate(prompt, options) {
    checkOpen(this);
    if (this.info.task !== 'text-generation') {
      throw new TypeError(`generate() is for text-generation models; "${this.key}" is a ${this.info.task} model: use predict().`);
    }
    const { settings, signal } = this.checkGeneration(prompt, options, 'generate()', false);
    return this.streamGeneration(prompt, settings, signal);
  }

  /**
   * @param {string} prompt
   * @param {import('../worker/protocol.js').GenerateOptions} settings
   * @param {AbortSignal | undefined} signal
   * @returns {AsyncGenerator<TokenChunk, Generation, undefined>}
   * @internal
   */
  async* streamGeneration(prompt, settings, signal) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    /** @type {TokenChunk[]} */
    const chunks = [];
    /** @type {(() => void) | null} */
    let wake = null;
    /** @type {{result: Generation} | {error: unknown} | null} */
    let ended = null;
    this.startGeneration(prompt, settings, controller.signal, (chunk) => {
      chunks.push(chunk);
      wake?.();
    }).then((result) => { ended = { result }; }, (error) => { ended = { error }; }).finally(() => wake?.());
    try {
      for (;;) {
        const chunk = chunks.shift();
        if (chunk) {
          yield chunk;
          continue;
        }
        if (ended) break;
        await new Promise((resolve) => { wake = () => resolve(undefined); });
        wake = null;
      }
      const end = /** @type {{result: Generation} | {error: unknown}} */ (ended);
      if ('error' in end) throw end.error;
      return end.result;
    } finally {
      signal?.removeEventListener('abort', stop);
      // Left before the end (break, return, a throw in the loop's body): stop the worker's loop.
      if (!ended) stop();
    }
  }

  /**
   * The prompt and options of predict()/generate() on a text-generation model, checked before anything
   * runs: TypeErrors for wrong types or values, the worker's bad-input errors for an empty or far too
   * long prompt (the worker checks again, and counts the tokens).
   * @param {unknown} prompt
   * @param {unknown} options
   * @param {string} call "predict()" or "generate()"
   * @param {boolean} withOnToken whether onToken is an option
   * @internal
   */
  checkGeneration(prompt, options, call, withOnToken) {
    const checked = checkOptions(options, withOnToken ? [...GENERATE_OPTIONS, 'onToken'] : GENERATE_OPTIONS, call);
    const signal = checkSignal(checked.signal, call);
    const onToken = withOnToken ? checkFunction(checked.onToken, 'onToken', call) : undefined;
    const { maxNewTokens, temperature, topK, topP, seed } = checked;
    /** @type {[string, unknown, (v: number) => boolean, string][]} */
    const rules = [
      ['maxNewTokens', maxNewTokens, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1'],
      ['temperature', temperature, (v) => v >= 0 && v <= 2, 'a number from 0 to 2 (0: always the likeliest token)'],
      ['topK', topK, (v) => Number.isInteger(v) && v >= 0, 'a whole number ≥ 0 (0: off)'],
      ['topP', topP, (v) => v > 0 && v <= 1, 'a number above 0 and at most 1'],
      ['seed', seed, (v) => Number.isInteger(v) && v >= 0 && v <= MAX_SEED, `a whole number from 0 to ${MAX_SEED}`],
    ];
    for (const [name, value, ok, what] of rules) {
      if (value !== undefined && !(typeof value === 'number' && ok(value))) {
        throw new TypeError(`${call}: ${name} must be ${what}, got ${describeValue(value)}.`);
      }
    }
    if (typeof prompt !== 'string') {
      throw new TypeError(`${call} takes a prompt (a string) for this model, got ${describeValue(prompt)}.`);
    }
    // The worker says the same; here it fails at once, without sending a megabyte to the worker.
    const maxTokens = /** @type {number} */ (this.info.preprocessing.max_tokens);
    if (BLANK.test(prompt)) throw new VitrineError(ERROR_CODE.badInput, 'Type a prompt.');
    if (prompt.length > maxTokens * CHARS_PER_TOKEN) {
      throw new VitrineError(ERROR_CODE.badInput,
        `The prompt is too long: at most about ${maxTokens * CHARS_PER_TOKEN} characters (${maxTokens} tokens). Shorten it.`);
    }
    /** @type {import('../worker/protocol.js').GenerateOptions} */
    const settings = {};
    for (const [name, value] of /** @type {[keyof typeof settings, unknown][]} */ (Object.entries({ maxNewTokens, temperature, topK, topP, seed }))) {
      if (value !== undefined) settings[name] = /** @type {number} */ (value);
    }
    return { settings, signal, onToken: /** @type {((chunk: TokenChunk) => void) | undefined} */ (onToken) };
  }

  /**
   * @param {string} prompt
   * @param {import('../worker/protocol.js').GenerateOptions} settings
   * @param {AbortSignal | undefined} signal
   * @param {(chunk: TokenChunk) => void} [onToken]
   * @returns {Promise<Generation>}
   * @internal
   */
  async startGeneration(prompt, settings, signal, onToken) {
    checkOpen(this);
    if (signal?.aborted) throw abortError();
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.generate(this.key, taskSpec(this.info), prompt, settings, generation, signal, onToken);
    return { ...reply.output, ms: reply.ms, firstTokenMs: reply.firstTokenMs, tokensPerSecond: reply.tokensPerSecond };
  }

  /**
   * Explain a tabular prediction: each feature's interventional Shapley value for each label's
   * probability, against the background rows the build stored in the model's explanations artifact.
   * `{method: "exact"}` (the default up to 16 features) evaluates every coalition and equals Python
   * shap's Exact explainer (the values in that artifact); `{method: "kernel", samples, seed}` is
   * KernelSHAP; `{method: "lime", samples, seed}` gives LIME weights (as Python lime's
   * LimeTabularExplainer; they do not add up to the prediction). See {@link TimedExplanation} for the answer.
   * A text classifier's `explain(text)` gives word occlusion values ({@link TextExplanation}), an image
   * classifier's `explain(image)` its class activation maps ({@link ImageExplanation}).
   * @param {unknown} row {featureName: value}, as predict() takes (or the text, or the image)
   * @param {ExplainOptions} [options]
   * @returns {Promise<any>} TimedExplanation, TextExplanation or ImageExplanation
   */
  async explain(row, options) {
    checkOpen(this);
    if (this.info.task === 'text-classification') return this.explainText(row, options);
    if (this.info.task === 'image-classification') return this.explainImage(row, options);
    if (this.info.preprocessing.kind !== 'tabular') {
      throw new TypeError(`explain() is for tabular, text-classification and image-classification models, and "${this.key}" ` +
        `is none of them (its task is ${this.info.task}).`);
    }
    const checked = checkOptions(options, EXPLAIN_OPTIONS, 'explain()');
    const signal = checkSignal(checked.signal, 'explain()');
    const features = this.info.preprocessing.features.length;
    const { method = features <= EXACT_MAX_FEATURES ? 'exact' : 'kernel', samples, seed } = checked;
    if (method !== 'exact' && method !== 'kernel' && method !== 'lime') {
      throw new TypeError(`explain(): method must be "exact", "kernel" or "lime", got ${describeValue(method)}.`);
    }
    if (method === 'exact' && features > EXACT_MAX_FEATURES) {
      throw new TypeError(`explain(): method "exact" needs every coalition of features, at most ${EXACT_MAX_FEATURES} ` +
        `features; "${this.key}" has ${features}. Use method "kernel".`);
    }
    if (method === 'exact' && (samples !== undefined || seed !== undefined)) {
      throw new TypeError('explain(): samples and seed are options of method "kernel" or "lime" (exact values use every coalition).');
    }
    if (samples !== undefined && !(typeof samples === 'number' && Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES)) {
      throw new TypeError(`explain(): samples must be a whole number from 1 to ${MAX_SAMPLES}, got ${describeValue(samples)}.`);
    }
    if (seed !== undefined && !(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
      throw new TypeError(`explain(): seed must be a whole number from 0 to ${MAX_SEED}, got ${describeValue(seed)}.`);
    }
    const spec = explainSpec(this.info);
    // The row is checked here, at once, with predict()'s messages (the worker checks again).
    row = completeRow(row, this.info.preprocessing);
    const feeds = rowToFeeds(row, this.info.preprocessing);
    checkRowFits(/** @type {Record<string, unknown>} */ (row), this.info);
    normalizeFeeds(feeds, this.info.inputs);
    /** @type {import('../worker/protocol.js').ExplainOptions} */
    const settings = {};
    if (samples !== undefined) settings.samples = /** @type {number} */ (samples);
    if (seed !== undefined) settings.seed = /** @type {number} */ (seed);
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.explain(this.key, spec, row, method, settings, generation, signal);
    return { ...reply.output, ms: reply.ms };
  }

  /**
   * Check a batch of rows for drift against the rows the model was trained on: per feature a test (KS
   * for numbers, χ² for categories) and the PSI over the training deciles or categories, and the same
   * for the batch's predicted labels; drifted = p < 0.01 and PSI ≥ 0.1 (see {@link DriftReport}, in worker/drift.js). The batch is CSV text, a
   * File (e.g. a dropped one; at most 50 MB), an array of row objects, or {columns, rows}; its columns are
   * named as the features (others are ignored). A cell that cannot be read, or a missing column, rejects
   * with an error that names it.
   * @param {unknown} batch
   * @param {RunOptions} [options]
   * @returns {Promise<import('../worker/drift.js').DriftReport & {ms: number}>}
   */
  async drift(batch, options) {
    checkOpen(this);
    if (this.info.preprocessing.kind !== 'tabular') {
      throw new TypeError(`drift() is for tabular models, and "${this.key}" is not one (its task is ${this.info.task}).`);
    }
    const signal = checkSignal(checkOptions(options, ['signal'], 'drift()').signal, 'drift()');
    const spec = driftSpec(this.info);
    const table = await readBatch(batch);
    if (signal?.aborted) throw abortError();
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.drift(this.key, spec, table, generation, signal);
    return { ...reply.output, ms: reply.ms };
  }

  /**
   * A text classifier's explanation: each word's occlusion value for every label (see TextExplanation).
   * @param {unknown} text
   * @param {unknown} options {method?: "occlusion", signal?}
   * @returns {Promise<TextExplanation>}
   * @internal
   */
  async explainText(text, options) {
    const checked = checkOptions(options, ['signal', 'method'], 'explain()');
    const signal = checkSignal(checked.signal, 'explain()');
    if (checked.method !== undefined && checked.method !== 'occlusion') {
      throw new TypeError(`explain(): a text classifier is explained by method "occlusion", got ${describeValue(checked.method)}.`);
    }
    if (typeof text !== 'string') throw new TypeError(`explain() takes a text (a string) for this model, got ${describeValue(text)}.`);
    const { output, reply } = await this.textReply(text, { words: true }, signal);
    const words = output.words ?? [];
    const prediction = new Array(this.info.labels.length).fill(0);
    for (const item of /** @type {import('../worker/text_predict.js').LabelScore[]} */ (output.items)) prediction[item.index] = item.score;
    return {
      method: 'occlusion',
      features: words.map((w) => w.text),
      words: words.map(({ text: t, start, end }) => ({ text: t, start, end })),
      outputs: [...this.info.labels],
      values: output.wordValues ?? this.info.labels.map(() => []),
      prediction,
      evaluations: words.length + 1,
      ms: reply.ms + (output.wordsMs ?? 0),
      ...(reply.notice ? { notice: reply.notice } : {}),
    };
  }

  /**
   * An image classifier's explanation: the class activation maps of its top classes (see ImageExplanation).
   * @param {unknown} image as predict() takes
   * @param {unknown} options {method?: "cam", topK?, signal?}
   * @returns {Promise<ImageExplanation>}
   * @internal
   */
  async explainImage(image, options) {
    const { method, ...rest } = /** @type {Record<string, unknown>} */ (checkOptions(options, ['signal', 'method', 'topK'], 'explain()'));
    if (method !== undefined && method !== 'cam') {
      throw new TypeError(`explain(): an image classifier is explained by method "cam", got ${describeValue(method)}.`);
    }
    if (!/** @type {{cam_output?: string}} */ (this.info.postprocessing).cam_output) {
      throw new TypeError(`explain(): "${this.key}" has no class activation maps (its graph has no CAM output).`);
    }
    /** @type {(import('../worker/predict.js').ClassScore)[] & {ms: number}} */
    const scores = await this.predict(image, { ...rest, cam: true });
    const mapped = scores.filter((c) => c.cam);
    return {
      method: 'cam',
      outputs: mapped.map((c) => c.label),
      prediction: mapped.map((c) => c.score),
      maps: mapped.map((c) => ({ label: c.label, index: c.index, .../** @type {NonNullable<typeof c.cam>} */ (c.cam) })),
      ms: scores.ms,
    };
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
   * @internal
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
 * made the artifacts' own, with the sha256 each download is checked against. Recommendation models also
 * get their dataset's `item_noun`, for messages.
 * @param {ModelEntry} info
 * @returns {import('../worker/predict.js').TaskSpec}
 */
export function taskSpec(info) {
  const { task, labels, preprocessing, postprocessing, inputs, artifacts } = info;
  const pre = /** @type {any} */ (preprocessing);
  if (task === 'recommendation') {
    // so the worker's messages name the items as the page's do ("Pick at least one food")
    const noun = info.dataset?.item_noun;
    return { task, labels, preprocessing, postprocessing, inputs, dataset: typeof noun === 'string' ? { item_noun: noun } : {} };
  }
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
 * The task spec of explain(): the tabular spec plus the explanations artifact (its URL, absolute as
 * fetchManifest made it, and its sha256 for the worker's check).
 * @param {ModelEntry} info
 * @returns {import('../worker/predict.js').TaskSpec}
 */
export function explainSpec(info) {
  const ref = /** @type {{explain?: ExplainEntry}} */ (/** @type {unknown} */ (info)).explain?.explanations;
  const found = listedArtifact(info, 'explanations', ref, 'explanations');
  return { ...taskSpec(info), explanations: found.url, artifacts: [found] };
}

/**
 * The task spec of drift(): the tabular spec plus the drift reference artifact.
 * @param {ModelEntry} info
 * @returns {import('../worker/predict.js').TaskSpec}
 */
export function driftSpec(info) {
  const ref = /** @type {{drift?: DriftEntry}} */ (/** @type {unknown} */ (info)).drift?.reference;
  const found = listedArtifact(info, 'drift_reference', ref, 'drift reference');
  return { ...taskSpec(info), driftReference: found.url, artifacts: [found] };
}

/**
 * The artifact of `kind` that a manifest entry names by `ref`, as the worker checks it.
 * @param {ModelEntry} info
 * @param {string} kind
 * @param {unknown} ref
 * @param {string} what for messages
 * @returns {import('../worker/text_predict.js').ArtifactRef}
 */
function listedArtifact(info, kind, ref, what) {
  if (typeof ref !== 'string') {
    throw new VitrineError(ERROR_CODE.badRequest, `Model "${info.id}" has no ${what}: its manifest entry ` +
      `names no ${what} file (it was built without one). Rebuild the site.`);
  }
  const found = (info.artifacts ?? []).find((a) => /** @type {string} */ (a.kind) === kind &&
    (a.url === ref || a.url.endsWith(`/${ref}`)));
  if (!found) {
    throw new Error(`The site's build is damaged: model "${info.id}" names a ${what} file ` +
      `(${JSON.stringify(ref)}) that is not among its artifacts. Rebuild the site.`);
  }
  return { kind, url: found.url, sha256: found.sha256, bytes: found.bytes };
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

