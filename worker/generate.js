// Text generation in the worker (task "text-generation"): a prompt → the chat template → ids → one
// session.run per new token over the model's KV cache → the answer, streamed token by token.
//
// builder/tasks/text_generation.py is the reference this equals: the template, the prompt limits and
// their messages, the step feeds, the sampler (worker/sampling.js = builder/sampling.py) and the text
// of the answer (worker/tokenize_bpe.js = Python's `tokenizers`). With the same logits the same ids
// come out, so the parity fixture's greedy and seeded generations are compared token for token.
//
// The cache: step 0 ("prefill") feeds the prompt with an empty past (dims [1, kv_heads, 0, head_dim]);
// step k feeds the last token at position n + k - 1, the mask over all n + k positions, and the
// previous step's `present` tensors as `past`. Those tensors are passed on as they came out of
// onnxruntime (no copy on this side) and disposed as soon as the next step has run, or when the loop
// ends however it ends (done, cancelled between steps, failed): at 2 048 positions they hold 94 MB.
import { ERROR_CODE, VitrineError } from './protocol.js';
import { describeOrtError } from './ort_errors.js';
import { finiteLogits, mulberry32, pick, MAX_SEED } from './sampling.js';
import { artifactOf, fetchArtifact, once } from './text_predict.js';
import { loadTokenizerLibrary, replaceLoneSurrogates } from './tokenize.js';
import { createBpeTokenizer } from './tokenize_bpe.js';

/** @typedef {import('./protocol.js').GenerateOptions} GenerateOptions */
/** @typedef {import('./protocol.js').GenerationOutput} GenerationOutput */
/** @typedef {import('./tokenize_bpe.js').BpeTokenizer} BpeTokenizer */
/** @typedef {import('onnxruntime-web').Tensor} OrtTensor */

/** A prompt longer than max_tokens × this many characters is refused before tokenizing (no hang on 1 MB). */
export const CHARS_PER_TOKEN = 16;
/** The highest temperature accepted. */
export const MAX_TEMPERATURE = 2;

/**
 * @typedef {object} Settings the options of one generation, checked and completed from the defaults
 * @property {number} maxNewTokens as asked (the loop caps it, see tokenBudget)
 * @property {number} temperature
 * @property {number} topK
 * @property {number} topP
 * @property {number} seed
 */

/**
 * @typedef {object} Chunk one streamed token (the `token` reply without id and type)
 * @property {number} index
 * @property {number} token
 * @property {string} text
 */

/**
 * @typedef {object} GenerationResult what the `generated` reply carries
 * @property {GenerationOutput} output
 * @property {number} ms
 * @property {number} firstTokenMs
 * @property {number | null} tokensPerSecond
 */

/**
 * @typedef {object} Prepared a prompt ready for the loop
 * @property {number[]} ids the templated prompt's ids
 * @property {Settings} settings
 * @property {BpeTokenizer} tokenizer
 */

/**
 * What generation needs besides the request (worker/engine.js makes it; tests pass their own).
 * @typedef {object} GenerateEnv
 * @property {typeof fetch} fetchImpl
 * @property {import('./fetch_model.js').SiteScope | null} [site]
 * @property {CacheStorage | null} [cacheStorage]
 * @property {() => Promise<import('./tokenize.js').TokenizerClass>} [tokenizerLibrary]
 */

// ---- the prompt ----

/** Python's str.isspace characters (the reference refuses `not prompt.strip()`); JS \s differs (U+FEFF, U+0085, U+001C-1F). */
const BLANK = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/**
 * `input` as a prompt the model may read, or a VitrineError (bad-input) saying what to do. Cheap on
 * any length: nothing is tokenized here.
 * @param {unknown} input
 * @param {number} maxTokens the manifest's preprocessing.max_tokens
 * @returns {string} the prompt, each lone surrogate replaced by U+FFFD
 */
export function checkPrompt(input, maxTokens) {
  if (typeof input !== 'string') {
    const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    throw new VitrineError(ERROR_CODE.badInput, `generate() takes a prompt (a string) for this model, got ${kind}.`);
  }
  if (BLANK.test(input)) throw new VitrineError(ERROR_CODE.badInput, 'Type a prompt.');
  if (input.length > maxTokens * CHARS_PER_TOKEN) {
    throw new VitrineError(ERROR_CODE.badInput,
      `The prompt is too long: at most about ${maxTokens * CHARS_PER_TOKEN} characters (${maxTokens} tokens). Shorten it.`);
  }
  return replaceLoneSurrogates(input);
}

/**
 * What the model's chat template renders for one user message, with the assistant's turn opened.
 * @param {string} prompt
 * @param {{format: string, system?: string}} chat the manifest's preprocessing.chat_template
 */
export function templated(prompt, chat) {
  if (chat?.format !== 'chatml') {
    throw new VitrineError(ERROR_CODE.badRequest, `The model's chat template ${JSON.stringify(chat?.format)} is not one this worker knows (chatml).`);
  }
  return `<|im_start|>system\n${chat.system ?? ''}<|im_end|>\n<|im_start|>user\n${prompt}<|im_end|>\n<|im_start|>assistant\n`;
}

/**
 * The ids the model reads for `prompt`: checked, templated and tokenized as one string (special tokens
 * in it, typed ones too, are split off as in Rust); more than max_tokens ids is refused.
 * @param {unknown} prompt
 * @param {any} spec
 * @param {BpeTokenizer} tokenizer
 * @returns {number[]}
 */
export function promptIds(prompt, spec, tokenizer) {
  const pre = spec.preprocessing;
  const ids = tokenizer.encode(templated(checkPrompt(prompt, pre.max_tokens), pre.chat_template));
  if (ids.length > pre.max_tokens) {
    throw new VitrineError(ERROR_CODE.badInput, `The prompt is ${ids.length} tokens long; this model reads at most ${pre.max_tokens}. Shorten it.`);
  }
  return ids;
}

// ---- the options ----

/** @type {Record<keyof GenerateOptions, [string, (v: number) => boolean, string]>} option → [manifest default's key, check, what it must be] */
const OPTIONS = {
  maxNewTokens: ['max_new_tokens', (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1'],
  temperature: ['temperature', (v) => v >= 0 && v <= MAX_TEMPERATURE, `a number from 0 to ${MAX_TEMPERATURE}`],
  topK: ['top_k', (v) => Number.isInteger(v) && v >= 0, 'a whole number ≥ 0 (0: off)'],
  topP: ['top_p', (v) => v > 0 && v <= 1, 'a number above 0 and at most 1'],
  seed: ['seed', (v) => Number.isInteger(v) && v >= 0 && v <= MAX_SEED, `a whole number from 0 to ${MAX_SEED}`],
};

/**
 * The request's options completed from the manifest's defaults, each checked (the page checks them
 * too, with TypeErrors; here a bad one is a damaged request: bad-request).
 * @param {unknown} options
 * @param {any} post the manifest's postprocessing
 * @returns {Settings}
 */
export function resolveOptions(options, post) {
  const given = /** @type {Record<string, unknown>} */ (options ?? {});
  if (typeof given !== 'object' || Array.isArray(given)) throw new VitrineError(ERROR_CODE.badRequest, 'generate: options must be an object.');
  const unknown = Object.keys(given).filter((k) => !Object.hasOwn(OPTIONS, k) && given[k] !== undefined);
  if (unknown.length) {
    throw new VitrineError(ERROR_CODE.badRequest, `generate: unknown option ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the options are: ${Object.keys(OPTIONS).join(', ')}.`);
  }
  const settings = /** @type {Record<string, number>} */ ({});
  for (const [name, [key, ok, what]] of Object.entries(OPTIONS)) {
    const value = given[name] ?? post.defaults?.[key];
    if (typeof value !== 'number' || !ok(value)) {
      throw new VitrineError(ERROR_CODE.badRequest, `generate: ${name} must be ${what}, got ${JSON.stringify(value) ?? 'nothing'}.`);
    }
    settings[name] = value;
  }
  return /** @type {Settings} */ (/** @type {unknown} */ (settings));
}

/**
 * How many tokens the loop may generate: as asked, at most the manifest's max_new_tokens, and no more
 * than the context leaves after the prompt.
 * @param {number} asked
 * @param {any} post
 * @param {number} promptTokens
 */
export function tokenBudget(asked, post, promptTokens) {
  return Math.max(0, Math.min(asked, post.max_new_tokens, post.context - promptTokens));
}

// ---- the text ----

/**
 * The answer's text as tokens arrive: each token's delta (the new suffix of the decoded text), held
 * back while the text ends in U+FFFD (a character whose UTF-8 bytes are split across tokens), so the
 * deltas, concatenated, always equal decode(all tokens).
 * @param {BpeTokenizer} tokenizer
 */
export function textStream(tokenizer) {
  /** @type {number[]} */
  const tokens = [];
  let sent = 0; // UTF-16 length of the text already given out
  return {
    tokens,
    /**
     * Add a token; its delta, or null while held back (unless `last`: nothing follows, give it all).
     * @param {number} token
     * @param {boolean} last
     * @returns {string | null}
     */
    push(token, last) {
      tokens.push(token);
      return this.flush(last);
    },
    /**
     * The text not given out yet, or null while held back (unless `last`).
     * @param {boolean} last
     * @returns {string | null}
     */
    flush(last) {
      const text = tokenizer.decode(tokens);
      if (!last && text.endsWith('\uFFFD')) return null;
      const delta = text.slice(sent);
      sent = text.length;
      return delta;
    },
    text: () => tokenizer.decode(tokens),
  };
}

// ---- loading ----

/** @type {Map<string, Promise<BpeTokenizer>>} */
const tokenizers = new Map();

/** Forget the loaded tokenizers (tests). */
export function clearGenerationCaches() {
  tokenizers.clear();
}

/**
 * The model's tokenizer, fetched (sha256 checked, Cache API) and built on first use, kept per content.
 * @param {any} spec
 * @param {GenerateEnv} env
 * @returns {Promise<BpeTokenizer>}
 */
export function generatorTokenizerFor(spec, env) {
  const artifact = artifactOf(spec, spec.preprocessing.tokenizer, 'tokenizer');
  return once(tokenizers, artifact.sha256, async () => {
    const [bytes, Tokenizer] = await Promise.all([
      fetchArtifact(artifact, env),
      (env.tokenizerLibrary ?? loadTokenizerLibrary)().catch((e) => {
        throw new VitrineError(ERROR_CODE.download, `The tokenizer could not be loaded: ${e instanceof Error ? e.message : e}.`);
      }),
    ]);
    try {
      return createBpeTokenizer(Tokenizer, JSON.parse(new TextDecoder().decode(bytes)));
    } catch (e) {
      throw new VitrineError(ERROR_CODE.session, `The model's tokenizer file cannot be used: ${e instanceof Error ? e.message : e}.`);
    }
  });
}

/**
 * Everything before the first step: the options, the tokenizer and the prompt's ids.
 * @param {unknown} input
 * @param {any} spec
 * @param {unknown} options
 * @param {GenerateEnv} env
 * @returns {Promise<Prepared>}
 */
export async function prepareGeneration(input, spec, options, env) {
  if (spec?.postprocessing?.kind !== 'text-generation') {
    throw new VitrineError(ERROR_CODE.badRequest, `generate needs a text-generation model; this one is ${JSON.stringify(spec?.task)}.`);
  }
  const settings = resolveOptions(options, spec.postprocessing);
  checkPrompt(input, spec.preprocessing.max_tokens); // before the tokenizer download: a bad prompt fails at once
  const tokenizer = await generatorTokenizerFor(spec, env);
  return { ids: promptIds(input, spec, tokenizer), settings, tokenizer };
}

// ---- the loop ----

/** @param {unknown} tensor */
function release(tensor) {
  const t = /** @type {{dispose?: () => void} | null} */ (tensor);
  if (t && typeof t.dispose === 'function') t.dispose();
}

/**
 * A way to let the worker's other tasks run between steps: session.run settles without going back to
 * the event loop (its promise resolves in a microtask), so without this a `cancel` message would only
 * be read after the last step. A MessageChannel message is a task without setTimeout's 4 ms clamp.
 * @returns {{next: () => Promise<void>, close: () => void}}
 */
function eventLoopTurns() {
  if (typeof MessageChannel !== 'function') return { next: () => new Promise((resolve) => { setTimeout(resolve, 0); }), close() {} };
  const channel = new MessageChannel();
  /** @type {(() => void)[]} */
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    next: () => new Promise((resolve) => {
      waiting.push(() => resolve(undefined));
      channel.port2.postMessage(null);
    }),
    close() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/**
 * The error of a generation stopped by `cancel` (the page has already rejected with its own AbortError).
 */
function stoppedError() {
  const e = new VitrineError(ERROR_CODE.aborted, 'The generation was stopped.');
  e.name = 'AbortError';
  return e;
}

/**
 * The cache's graph names, layer by layer: [past, present] for key then value.
 * @param {any} cache postprocessing.cache
 * @returns {[string, string][]}
 */
export function cacheNames(cache) {
  /** @type {[string, string][]} */
  const names = [];
  for (let layer = 0; layer < cache.layers; layer++) {
    for (const kind of ['key', 'value']) {
      const fill = (/** @type {string} */ pattern) => pattern.replaceAll('{layer}', String(layer)).replaceAll('{kind}', kind);
      names.push([fill(cache.past), fill(cache.present)]);
    }
  }
  return names;
}

/**
 * The next token from the last position's logits.
 * @param {OrtTensor | undefined} logits [1, positions, vocabulary]
 * @param {string} name
 * @param {Settings} settings
 * @param {() => number} draw
 * @param {number} count tokens so far (for the message)
 */
function nextToken(logits, name, settings, draw, count) {
  if (!logits) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${name}".`);
  const [, rows, vocab] = logits.dims;
  const row = /** @type {Float32Array} */ (logits.data).subarray((rows - 1) * vocab, rows * vocab);
  if (!finiteLogits(row)) throw new VitrineError(ERROR_CODE.run, `The model returned invalid scores (not finite) for token ${count + 1}.`);
  return pick(row, settings.temperature, settings.topK, settings.topP, draw);
}

/**
 * Run the loop: prefill, then one step per token until an end-of-sequence token or the budget; each
 * token is reported through `onToken` (see textStream for when). Cancellation is checked before every
 * step, after a turn of the event loop (see eventLoopTurns); the cache tensors are released whichever
 * way the loop ends.
 * @param {object} parts
 * @param {typeof import('onnxruntime-web')} parts.ort for its Tensor class
 * @param {{run: (feeds: Record<string, OrtTensor>) => Promise<Record<string, OrtTensor>>}} parts.session
 * @param {any} parts.spec
 * @param {Prepared} parts.prepared
 * @param {() => boolean} [parts.cancelled]
 * @param {(chunk: Chunk) => void} [parts.onToken]
 * @returns {Promise<GenerationResult>}
 */
export async function runGeneration({ ort, session, spec, prepared, cancelled = () => false, onToken = () => {} }) {
  const post = spec.postprocessing;
  const [idsName, maskName, positionsName] = /** @type {[string, string, string]} */ (spec.preprocessing.inputs);
  const { kv_heads: heads, head_dim: headDim } = post.cache;
  const names = cacheNames(post.cache);
  const presentNames = new Set(names.map(([, present]) => present));
  const eos = new Set(post.eos_token_ids);
  const { ids, settings, tokenizer } = prepared;
  const budget = tokenBudget(settings.maxNewTokens, post, ids.length);
  const draw = mulberry32(settings.seed);
  const stream = textStream(tokenizer);
  const { tokens } = stream;
  /** @param {BigInt64Array} data */
  const int64 = (data) => new ort.Tensor('int64', data, [1, data.length]);

  /** @type {Record<string, OrtTensor>} the cache fed to the next step: the last step's present tensors */
  let past = {};
  for (const [name] of names) past[name] = new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]);
  /** @type {Chunk | null} a token whose reply waits for the next (its text is held back) */
  let waiting = null;
  let ms = 0;
  let firstTokenMs = 0;
  let decodeMs = 0;
  let decodeSteps = 0;
  /** @type {'eos' | 'length'} */
  let finishReason = 'length';
  const turns = eventLoopTurns();
  try {
    while (tokens.length < budget) {
      await turns.next(); // a cancel that arrived during the last step is read now
      if (cancelled()) throw stoppedError();
      const first = tokens.length === 0;
      const stepIds = first ? ids : [/** @type {number} */ (tokens.at(-1))];
      const start = first ? 0 : ids.length + tokens.length - 1;
      const total = start + stepIds.length;
      /** @type {Record<string, OrtTensor>} */
      const feeds = {
        ...past,
        [idsName]: int64(BigInt64Array.from(stepIds, BigInt)),
        [maskName]: int64(new BigInt64Array(total).fill(1n)),
        [positionsName]: int64(BigInt64Array.from(stepIds, (_, i) => BigInt(start + i))),
      };
      const began = performance.now();
      /** @type {Record<string, OrtTensor>} */
      let outputs;
      try {
        outputs = await session.run(feeds);
      } catch (e) {
        throw new VitrineError(ERROR_CODE.run, describeOrtError(e, 'The model failed to run'));
      } finally {
        release(feeds[idsName]);
        release(feeds[maskName]);
        release(feeds[positionsName]);
      }
      const took = performance.now() - began;
      ms += took;
      if (first) firstTokenMs = took;
      else {
        decodeMs += took;
        decodeSteps++;
      }
      // This step's present tensors become the next step's past; the old past is done with.
      const next = /** @type {Record<string, OrtTensor>} */ ({});
      for (const [pastName, presentName] of names) {
        if (!outputs[presentName]) {
          for (const t of Object.values(outputs)) release(t);
          throw new VitrineError(ERROR_CODE.run, `The model returned no output "${presentName}".`);
        }
        next[pastName] = outputs[presentName];
      }
      for (const t of Object.values(past)) release(t);
      past = next;
      let token;
      try {
        token = nextToken(outputs[post.logits_output], post.logits_output, settings, draw, tokens.length);
      } finally {
        for (const [name, t] of Object.entries(outputs)) if (!presentNames.has(name)) release(t);
      }
      if (eos.has(token)) {
        finishReason = 'eos';
        break;
      }
      if (waiting) {
        onToken(waiting); // its text is still held, or comes with this token's
        waiting = null;
      }
      const last = tokens.length + 1 === budget;
      const text = stream.push(token, last);
      const chunk = { index: tokens.length - 1, token, text: text ?? '' };
      if (text === null) waiting = chunk;
      else onToken(chunk);
    }
    if (waiting) onToken({ ...waiting, text: /** @type {string} */ (stream.flush(true)) });
  } finally {
    turns.close();
    for (const t of Object.values(past)) release(t);
    past = {};
  }
  return {
    output: { text: stream.text(), tokens: [...tokens], promptTokens: ids.length, finishReason },
    ms,
    firstTokenMs,
    tokensPerSecond: decodeSteps && decodeMs > 0 ? decodeSteps / (decodeMs / 1000) : null,
  };
}
