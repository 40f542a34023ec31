// Text generation (worker/generate.js, worker/tokenize_bpe.js, the page API of js_runtime/model.js).
//
// Without a build: the prompt checks, the options, the streamed text, the decode loop on a fake
// onnxruntime (feeds step by step, every tensor disposed, cancellation, held-back UTF-8) and the page API
// through the real WorkerClient ⇄ dispatcher ⇄ Engine.
//
// On the build (exported_models, the model of task "text-generation"): the tokenizer against Python's
// ids and texts (tests/fixtures/generation_tokenizer_parity.json, made by make_generation_fixture.py
// from the shipped tokenizer, whose bytes come from the build), and the real model in onnxruntime-web
// WASM through the same client ⇄ worker path, one session for the whole file: greedy and seeded answers
// token for token as the build's Python onnxruntime gave them (the variant's parity file), streaming,
// stop, and prompts at the edges. Without that model the build part fails under CI=true, and is skipped
// elsewhere, naming `make models`.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Tokenizer } from '@huggingface/tokenizers';
import { createDispatcher } from '../../worker/dispatch.js';
import { Engine, extraOptions } from '../../worker/engine.js';
import {
  CHARS_PER_TOKEN, cacheNames, checkPrompt, clearGenerationCaches, promptIds, resolveOptions, runGeneration, templated, textStream,
  tokenBudget,
} from '../../worker/generate.js';
import { mulberry32, pick } from '../../worker/sampling.js';
import { createBpeTokenizer, preTokenize, splitByteLevel } from '../../worker/tokenize_bpe.js';
import { Model, taskSpec } from '../../js_runtime/model.js';
import { Sessions } from '../../js_runtime/sessions.js';
import { WorkerClient } from '../../js_runtime/worker_client.js';
import { resolveManifest } from '../../js_runtime/manifest.js';
import { EXPORTED_MANIFEST, REPO, fileFetch, fileUrl, readJson } from './helpers.js';

const CI = /^(1|true)$/i.test(process.env.CI ?? '');
const REGENERATE = 'regenerate with .venv/bin/python tests/fixtures/make_generation_fixture.py';
const ORT_DIST = path.join(REPO, 'node_modules/onnxruntime-web/dist/');
const MINIFIED = (await import(pathToFileURL(path.join(REPO, 'node_modules/@huggingface/tokenizers/dist/tokenizers.min.mjs')).href)).Tokenizer;
const sha256 = (/** @type {Uint8Array | string} */ data) => crypto.createHash('sha256').update(data).digest('hex');
const plan = /** @type {any} */ ({ name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' });

// ---- a tiny byte-level BPE tokenizer, for the tests that need no build ----

/** Byte b is token 3 + b (GPT-2's byte characters); 0-2 are the special tokens. */
const BYTE_CHARS = (() => {
  const chars = [];
  let next = 256;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    chars.push(String.fromCharCode(printable ? b : next++));
  }
  return chars;
})();
const TINY_JSON = {
  version: '1.0', truncation: null, padding: null, normalizer: null,
  added_tokens: ['<|endoftext|>', '<|im_start|>', '<|im_end|>'].map((content, id) => ({
    id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
  })),
  pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
  post_processor: { type: 'TemplateProcessing', single: [{ Sequence: { id: 'A', type_id: 0 } }], pair: [], special_tokens: {} },
  decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: {
    type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false,
    ignore_merges: false,
    vocab: Object.fromEntries([['<|endoftext|>', 0], ['<|im_start|>', 1], ['<|im_end|>', 2], ...BYTE_CHARS.map((c, b) => [c, 3 + b])]),
    merges: [],
  },
};
const TINY_BYTES = new TextEncoder().encode(JSON.stringify(TINY_JSON));
const tiny = createBpeTokenizer(/** @type {any} */ (Tokenizer), TINY_JSON);
/** The tiny tokenizer's ids of a string's UTF-8 bytes. @param {string} text */
const bytesOf = (text) => [...new TextEncoder().encode(text)].map((b) => 3 + b);

const LAYERS = 2;
const INPUT_NAMES = ['input_ids', 'attention_mask', 'position_ids'];
/** A manifest entry like the real one, for a fake 2-layer model over the tiny tokenizer. */
const FAKE = /** @type {any} */ ({
  id: 'chat',
  task: 'text-generation',
  labels: [],
  inputs: INPUT_NAMES.map((name) => ({ name, dtype: 'int64', shape: [1, 'seq'] })),
  outputs: [{ name: 'logits', dtype: 'float32', shape: [1, 'seq', 259] }],
  preprocessing: {
    kind: 'text', tokenizer: 'chat/tokenizer.cccccccccccccccc.json', max_tokens: 64, inputs: INPUT_NAMES,
    chat_template: { format: 'chatml', system: 'Be brief.' },
  },
  postprocessing: {
    kind: 'text-generation', logits_output: 'logits',
    cache: { layers: LAYERS, kv_heads: 1, head_dim: 2, past: 'past_key_values.{layer}.{kind}', present: 'present.{layer}.{kind}' },
    eos_token_ids: [2], context: 80, max_new_tokens: 40,
    defaults: { max_new_tokens: 8, temperature: 0, top_k: 50, top_p: 0.95, seed: 0 },
  },
  artifacts: [{ kind: 'tokenizer', url: 'https://h/models/chat/tokenizer.cccccccccccccccc.json', sha256: sha256(TINY_BYTES), bytes: TINY_BYTES.byteLength }],
  examples: [],
  variants: [{
    name: 'int8', url: 'https://h/models/chat/int8.aaaaaaaaaaaaaaaa.onnx', sha256: sha256('model'), bytes: 5,
    session_options: { 'session.disable_quant_qdq': '1' },
  }],
});

/**
 * A fake onnxruntime whose model "generates" `script` (step k's last row puts its maximum on script[k],
 * the next best on script[k] + 1), checking each step's feeds as the real graph would need them.
 * Every tensor (made by the loop or returned as an output) is recorded, with whether it was disposed.
 * @param {number[]} script
 * @param {{failAt?: number, nanAt?: number, dropPresentAt?: number}} [faults]
 */
function fakeOrt(script, faults = {}) {
  /** @type {any[]} */
  const tensors = [];
  /** @type {{ids: number[], mask: number, positions: number[], past: number}[]} */
  const steps = [];
  /** @type {any[]} */
  const created = [];
  let runStart = 0; // steps before the current generation's prefill
  class Tensor {
    /** @param {string} type @param {any} data @param {number[]} dims */
    constructor(type, data, dims) {
      if (type === 'int64' && !(data instanceof BigInt64Array)) throw new TypeError('int64 needs a BigInt64Array');
      if (data.length !== dims.reduce((a, b) => a * b, 1)) throw new RangeError(`data of ${data.length} for dims ${dims}`);
      Object.assign(this, { type, data, dims, disposed: false });
      tensors.push(this);
    }

    dispose() {
      /** @type {any} */ (this).disposed = true;
    }
  }
  const ort = {
    env: { wasm: {} },
    Tensor,
    tensors,
    steps,
    created,
    InferenceSession: {
      /** @param {Uint8Array} _bytes @param {any} options */
      async create(_bytes, options) {
        created.push(options);
        return {
          inputNames: [...INPUT_NAMES, ...cacheNames(FAKE.postprocessing.cache).map(([past]) => past)],
          outputNames: ['logits', ...cacheNames(FAKE.postprocessing.cache).map(([, present]) => present)],
          /** @param {Record<string, any>} feeds */
          async run(feeds) {
            for (const t of Object.values(feeds)) assert.equal(t.disposed, false, 'a disposed tensor was fed');
            const ids = [...feeds.input_ids.data].map(Number);
            const past = feeds['past_key_values.0.key'].dims[2];
            if (past === 0) runStart = steps.length;
            const k = steps.length - runStart;
            steps.push({ ids, mask: feeds.attention_mask.dims[1], positions: [...feeds.position_ids.data].map(Number), past });
            assert.ok([...feeds.attention_mask.data].every((v) => v === 1n));
            assert.equal(feeds.attention_mask.dims[1], past + ids.length, 'mask covers past and new positions');
            for (const [name] of cacheNames(FAKE.postprocessing.cache)) assert.deepEqual(feeds[name].dims, [1, 1, past, 2], name);
            if (k === faults.failAt) throw new Error('boom at step');
            // A step takes time, as a real one does (a cancel arrives between steps).
            if (faults.stepMs) await new Promise((resolve) => { setTimeout(resolve, faults.stepMs); });
            const vocab = 259;
            const logits = new Float32Array(ids.length * vocab).fill(-5);
            const row = (ids.length - 1) * vocab;
            const next = script[k] ?? 2;
            logits[row + next] = k === faults.nanAt ? NaN : 10;
            if (next + 1 < vocab) logits[row + next + 1] = 9;
            /** @type {Record<string, any>} */
            const out = { logits: new Tensor('float32', logits, [1, ids.length, vocab]) };
            const total = past + ids.length;
            for (const [, present] of cacheNames(FAKE.postprocessing.cache)) {
              if (k === faults.dropPresentAt && present === 'present.1.value') continue;
              out[present] = new Tensor('float32', new Float32Array(total * 2).fill(k), [1, 1, total, 2]);
            }
            return out;
          },
          async release() {},
        };
      },
    },
  };
  return ort;
}

/** A fetch for the fake site: the tiny tokenizer and a 5-byte "model". */
async function fakeFetch(/** @type {any} */ input) {
  const url = String(input);
  if (url === FAKE.artifacts[0].url) return new Response(TINY_BYTES.slice());
  if (url === FAKE.variants[0].url) return new Response(new TextEncoder().encode('model'));
  return new Response('not found', { status: 404 });
}

/** A worker stand-in: structured clones both ways, the real dispatcher and Engine. */
class FakeWorker extends EventTarget {
  /** @param {Engine} engine @param {string} [wasmPaths] */
  constructor(engine, wasmPaths = 'https://h/vitrine/vendor/onnxruntime-web/') {
    super();
    /** @type {any[]} */
    this.requests = [];
    /** @type {any[]} */
    this.replies = [];
    this.dispatch = createDispatcher(engine, (reply, transfer = []) => {
      const data = structuredClone(reply, { transfer });
      this.replies.push(data);
      setImmediate(() => this.dispatchEvent(Object.assign(new Event('message'), { data })));
    }, wasmPaths);
  }

  /** @param {any} message @param {Transferable[]} [transfer] */
  postMessage(message, transfer = []) {
    const data = structuredClone(message, { transfer });
    this.requests.push(data);
    setImmediate(() => this.dispatch(data));
  }

  terminate() {}
}

/**
 * A loaded Model of FAKE on a fresh worker whose model generates `script`.
 * @param {number[]} script @param {any} [faults]
 */
async function fakeModel(script, faults) {
  const ort = fakeOrt(script, faults);
  const engine = new Engine(async () => /** @type {any} */ (ort), fakeFetch, undefined, null);
  engine.tokenizerLibrary = async () => /** @type {any} */ (Tokenizer);
  /** @type {FakeWorker[]} */
  const workers = [];
  const sessions = new Sessions(new WorkerClient(() => {
    const w = new FakeWorker(engine);
    workers.push(w);
    return /** @type {any} */ (w);
  }, { numThreads: 1 }));
  const variant = FAKE.variants[0];
  await sessions.acquire(`${FAKE.id}/${variant.name}`, variant);
  const m = new Model({ info: FAKE, variant, plan, threads: 1, sessions });
  return { m, ort, worker: workers[0] };
}

beforeEach(() => clearGenerationCaches());

describe('the prompt', () => {
  it('an empty or blank prompt (Python\'s str.isspace characters) asks for one; U+FEFF alone is not blank, as in Python', () => {
    for (const blank of ['', ' ', '\n\t ', '\u3000\u00a0', '\x1c\x1f\x85']) {
      assert.throws(() => checkPrompt(blank, 64), { code: 'bad-input', message: 'Type a prompt.' });
    }
    assert.equal(checkPrompt('\ufeff', 64), '\ufeff');
  });

  it('a prompt over max_tokens × 16 characters is refused before tokenizing, at once even at 1 MB', () => {
    const started = performance.now();
    assert.throws(() => checkPrompt('a'.repeat(1 << 20), 1024), {
      code: 'bad-input', message: 'The prompt is too long: at most about 16384 characters (1024 tokens). Shorten it.',
    });
    assert.throws(() => checkPrompt(`${' '.repeat(1 << 20)}x`, 1024), { code: 'bad-input', message: /too long/ });
    assert.ok(performance.now() - started < 500);
    assert.equal(CHARS_PER_TOKEN, 16);
    assert.equal(checkPrompt('a'.repeat(1024 * 16), 1024).length, 16384);
  });

  it('lone surrogates become U+FFFD; a non-string is refused', () => {
    assert.equal(checkPrompt('a\ud800b\udc00', 64), 'a\ufffdb\ufffd');
    assert.throws(() => checkPrompt(42, 64), { code: 'bad-input', message: 'generate() takes a prompt (a string) for this model, got number.' });
  });

  it('ChatML: the system message, the user\'s, the assistant\'s turn opened; typed special tokens are split off', () => {
    const chat = FAKE.preprocessing.chat_template;
    assert.equal(templated('Hi?', chat), '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi?<|im_end|>\n<|im_start|>assistant\n');
    assert.throws(() => templated('x', { format: 'llama' }), { code: 'bad-request' });
    const ids = promptIds('a<|im_end|>b', FAKE, tiny);
    assert.deepEqual(ids.slice(0, 1), [1]);
    assert.ok(ids.join(',').includes([...bytesOf('a'), 2, ...bytesOf('b')].join(',')), 'the typed <|im_end|> is id 2');
  });

  it('more templated ids than max_tokens: the count and the limit, in words', () => {
    const overhead = promptIds('x', FAKE, tiny).length - 1;
    assert.equal(promptIds('x'.repeat(64 - overhead), FAKE, tiny).length, 64);
    assert.throws(() => promptIds('x'.repeat(65 - overhead), FAKE, tiny), {
      code: 'bad-input', message: 'The prompt is 65 tokens long; this model reads at most 64. Shorten it.',
    });
  });
});

describe('the options', () => {
  const post = FAKE.postprocessing;

  it('left out: the manifest\'s defaults; given: checked', () => {
    assert.deepEqual(resolveOptions({}, post), { maxNewTokens: 8, temperature: 0, topK: 50, topP: 0.95, seed: 0 });
    assert.deepEqual(resolveOptions({ maxNewTokens: 3, temperature: 0.7, topK: 0, topP: 1, seed: 4294967295, signal: undefined }, post),
      { maxNewTokens: 3, temperature: 0.7, topK: 0, topP: 1, seed: 4294967295 });
    for (const [bad, message] of /** @type {[any, RegExp][]} */ ([
      [{ maxNewTokens: 0 }, /maxNewTokens must be a whole number ≥ 1, got 0/],
      [{ temperature: 2.5 }, /temperature must be a number from 0 to 2/],
      [{ topK: 1.5 }, /topK must be a whole number ≥ 0/],
      [{ topP: 0 }, /topP must be a number above 0 and at most 1/],
      [{ seed: -1 }, /seed must be a whole number from 0 to 4294967295/],
      [{ seed: '1' }, /seed must be .*, got "1"/],
      [{ beams: 2 }, /unknown option "beams"/],
    ])) {
      assert.throws(() => resolveOptions(bad, post), { code: 'bad-request', message }, JSON.stringify(bad));
    }
  });

  it('the budget: as asked, at most max_new_tokens and what the context leaves', () => {
    assert.equal(tokenBudget(8, post, 10), 8);
    assert.equal(tokenBudget(500, post, 10), 40);
    assert.equal(tokenBudget(500, post, 70), 10);
    assert.equal(tokenBudget(5, post, 80), 0);
  });

  it('session_options become onnxruntime-web\'s nested `extra`; malformed ones are refused', () => {
    assert.deepEqual(extraOptions({ 'session.disable_quant_qdq': '1', 'session.x.y': 'z' }), { session: { disable_quant_qdq: '1', x: { y: 'z' } } });
    assert.equal(extraOptions(undefined), undefined);
    assert.equal(extraOptions({}), undefined);
    assert.throws(() => extraOptions({ a: 1 }), { code: 'bad-request', message: /"a" is not a string/ });
    assert.throws(() => extraOptions({ 'a..b': '1' }), { code: 'bad-request' });
    assert.throws(() => extraOptions({ a: '1', 'a.b': '2' }), { code: 'bad-request', message: /clashes/ });
  });
});

describe('the streamed text', () => {
  it('deltas add up to the decoded text; an incomplete UTF-8 character is held back until completed', () => {
    const stream = textStream(tiny);
    const deltas = [];
    for (const b of bytesOf('hé😀!')) deltas.push(stream.push(b, false));
    assert.deepEqual(deltas, ['h', null, 'é', null, null, null, '😀', '!']);
    assert.equal(stream.text(), 'hé😀!');
  });

  it('the last token gives what was held, U+FFFD included; special tokens have no text', () => {
    const stream = textStream(tiny);
    assert.equal(stream.push(bytesOf('a')[0], false), 'a');
    assert.equal(stream.push(0xF0 + 3, false), null);
    assert.equal(stream.push(1, false), null, 'still ends in U+FFFD');
    assert.equal(stream.flush(true), '\ufffd');
    assert.equal(stream.text(), 'a\ufffd');
  });
});

describe('the decode loop (fake onnxruntime)', () => {
  /** @param {number[]} script @param {any} [options] @param {any} [faults] */
  async function loop(script, options = {}, faults = {}, prompt = 'hi') {
    const ort = fakeOrt(script, faults);
    const session = await ort.InferenceSession.create(new Uint8Array(), {});
    /** @type {any[]} */
    const chunks = [];
    const { cancelAfter, ...settings } = options;
    const prepared = { ids: promptIds(prompt, FAKE, tiny), settings: resolveOptions(settings, FAKE.postprocessing), tokenizer: tiny };
    const run = runGeneration({
      ort: /** @type {any} */ (ort), session: /** @type {any} */ (session), spec: FAKE, prepared,
      onToken: (c) => chunks.push(c), cancelled: cancelAfter === undefined ? undefined : () => chunks.length >= cancelAfter,
    });
    return { run, ort, chunks, prepared };
  }
  /** @param {any} ort */
  const undisposed = (ort) => ort.tensors.filter((/** @type {any} */ t) => !t.disposed).length;

  it('prefill over an empty cache, then one token per step at the next position; every tensor is disposed', async () => {
    const script = [...bytesOf('ok'), 2];
    const { run, ort, chunks, prepared } = await loop(script, { maxNewTokens: 8 });
    const result = await run;
    const n = prepared.ids.length;
    assert.deepEqual(ort.steps.map((/** @type {any} */ s) => s.past), [0, n, n + 1]);
    assert.deepEqual(ort.steps[0].ids, prepared.ids);
    assert.deepEqual(ort.steps[0].positions, prepared.ids.map((_, i) => i));
    assert.deepEqual(ort.steps.slice(1).map((/** @type {any} */ s) => [s.ids, s.positions, s.mask]), [[[script[0]], [n], n + 1], [[script[1]], [n + 1], n + 2]]);
    assert.deepEqual(result.output, { text: 'ok', tokens: script.slice(0, 2), promptTokens: n, finishReason: 'eos' });
    assert.deepEqual(chunks, [{ index: 0, token: script[0], text: 'o' }, { index: 1, token: script[1], text: 'k' }]);
    assert.equal(undisposed(ort), 0);
    assert.ok(result.ms >= result.firstTokenMs && result.firstTokenMs >= 0);
  });

  it('stops at max new tokens (finish "length"), and at the end of the context', async () => {
    const { run, ort } = await loop(bytesOf('abcdefgh'), { maxNewTokens: 3 });
    const result = await run;
    assert.equal(result.output.text, 'abc');
    assert.equal(result.output.finishReason, 'length');
    assert.equal(ort.steps.length, 3, 'no step after the last token');
    const long = await loop(bytesOf('a'.repeat(60)), { maxNewTokens: 40 }, {}, 'x'.repeat(20));
    const capped = await long.run;
    assert.equal(long.prepared.ids.length, 58);
    assert.equal(capped.output.tokens.length, 22, 'the context (80) is full');
    assert.equal(capped.output.finishReason, 'length');
  });

  it('a character split across tokens: its token\'s reply waits for the next, and the texts add up', async () => {
    const script = [...bytesOf('hé!'), 2];
    const { run, chunks } = await loop(script);
    const result = await run;
    assert.deepEqual(chunks.map((c) => [c.index, c.text]), [[0, 'h'], [1, ''], [2, 'é'], [3, '!']]);
    assert.equal(chunks.map((c) => c.text).join(''), result.output.text);
    // Ended (eos) inside a character: the last reply carries the U+FFFD.
    const cut = await loop([...bytesOf('a'), 0xF0 + 3, 0x9F + 3, 2]);
    const r = await cut.run;
    assert.deepEqual(cut.chunks.map((c) => [c.index, c.text]), [[0, 'a'], [1, ''], [2, '\ufffd']]);
    assert.equal(r.output.text, 'a\ufffd');
    // Ended (length) inside a character: the same.
    const full = await loop([...bytesOf('a'), 0xC3 + 3], { maxNewTokens: 2 });
    await full.run;
    assert.deepEqual(full.chunks.map((c) => c.text), ['a', '\ufffd']);
  });

  it('cancelled: stops before the next step, rejects with AbortError, every tensor disposed', async () => {
    const { run, ort, chunks } = await loop(bytesOf('abcdefgh'), { maxNewTokens: 8, cancelAfter: 2 });
    await assert.rejects(run, { name: 'AbortError', code: 'aborted' });
    assert.equal(chunks.length, 2);
    assert.equal(ort.steps.length, 2);
    assert.equal(undisposed(ort), 0);
  });

  it('a failing run, a missing output or NaN logits: a clear run error, every tensor disposed', async () => {
    for (const [faults, message] of /** @type {[any, RegExp][]} */ ([
      [{ failAt: 2 }, /^The model failed to run: boom at step/],
      [{ dropPresentAt: 1 }, /The model returned no output "present.1.value"/],
      [{ nanAt: 1 }, /invalid scores \(not finite\) for token 2/],
    ])) {
      const { run, ort } = await loop(bytesOf('abcdefgh'), { maxNewTokens: 8 }, faults);
      await assert.rejects(run, { code: 'run', message });
      assert.equal(undisposed(ort), 0, JSON.stringify(faults));
    }
  });

  it('sampling draws one number per token from the seed: the same seed, the same answer', async () => {
    const settings = { maxNewTokens: 6, temperature: 1, topK: 0, topP: 1, seed: 9 };
    const a = await (await loop(bytesOf('abcdef'), settings)).run;
    const b = await (await loop(bytesOf('abcdef'), settings)).run;
    assert.deepEqual(a.output.tokens, b.output.tokens);
    // Each step's row has its maximum on script[k] and 9 on the next id: the picks are those of pick().
    const draw = mulberry32(9);
    const want = bytesOf('abcdef').map((t) => {
      const row = new Float32Array(259).fill(-5);
      row[t] = 10;
      row[t + 1] = 9;
      return pick(row, 1, 0, 1, draw);
    });
    assert.deepEqual(a.output.tokens, want);
  });
});

describe('the page API (fake model, real client, dispatcher and engine)', () => {
  it('load passes the variant\'s session_options to InferenceSession.create as `extra`', async () => {
    const { ort } = await fakeModel([]);
    assert.deepEqual(ort.created[0], { executionProviders: ['wasm'], extra: { session: { disable_quant_qdq: '1' } } });
  });

  it('predict(prompt, {onToken}) streams each token, then answers with the text, tokens, counts and times', async () => {
    const script = [...bytesOf('Hi 👋'), 2];
    const { m } = await fakeModel(script);
    /** @type {any[]} */
    const chunks = [];
    const r = await m.predict('hello', { onToken: (c) => chunks.push(c) });
    assert.deepEqual(Object.keys(r), ['text', 'tokens', 'promptTokens', 'finishReason', 'ms', 'firstTokenMs', 'tokensPerSecond']);
    assert.equal(r.text, 'Hi 👋');
    assert.deepEqual(r.tokens, script.slice(0, -1));
    assert.equal(r.finishReason, 'eos');
    assert.equal(r.promptTokens, promptIds('hello', FAKE, tiny).length);
    assert.deepEqual(chunks.map((c) => c.index), r.tokens.map((_, i) => i));
    assert.equal(chunks.map((c) => c.text).join(''), r.text);
    assert.deepEqual(await m.predict('hello', { maxNewTokens: 2 }).then((x) => x.text), 'Hi');
  });

  it('generate(): an async iterator of the tokens whose return value is the answer', async () => {
    const { m } = await fakeModel([...bytesOf('abc'), 2]);
    const it = m.generate('hello', { maxNewTokens: 5 });
    const texts = [];
    let step = await it.next();
    while (!step.done) {
      texts.push(step.value.text);
      step = await it.next();
    }
    assert.deepEqual(texts, ['a', 'b', 'c']);
    assert.equal(step.value.text, 'abc');
    assert.equal(step.value.finishReason, 'eos');
  });

  it('stop: the signal or leaving the for-await cancels the worker\'s loop; no token is posted after; the next call works', async () => {
    const { m, worker, ort } = await fakeModel(bytesOf('abcdefghijklmnopqrstuvwxyzabcdefghijklmn'), { stepMs: 2 });
    const controller = new AbortController();
    /** @type {any[]} */
    const seen = [];
    await assert.rejects(m.predict('hello', {
      maxNewTokens: 40, signal: controller.signal, onToken: (c) => { seen.push(c); if (seen.length === 3) controller.abort(); },
    }), { name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 20));
    const id = worker.requests.find((r) => r.type === 'generate').id;
    assert.ok(worker.requests.some((r) => r.type === 'cancel' && r.id === id));
    const after = worker.replies.filter((r) => r.id === id);
    assert.ok(after.filter((r) => r.type === 'token').length < 40, 'the loop stopped');
    assert.equal(after.at(-1).type, 'error');
    assert.equal(ort.tensors.filter((/** @type {any} */ t) => !t.disposed).length, 0, 'the stopped run\'s tensors are disposed');
    for await (const chunk of m.generate('hello', { maxNewTokens: 40 })) if (chunk.index === 2) break;
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(worker.requests.filter((r) => r.type === 'cancel').length, 2);
    assert.equal((await m.predict('hello', { maxNewTokens: 3 })).text, 'abc');
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(m.predict('hello', { signal: aborted.signal }), { name: 'AbortError' });
  });

  it('an onToken that throws stops the generation, and predict rejects with its error', async () => {
    const { m } = await fakeModel(bytesOf('abcdefgh'));
    const oops = new Error('my bug');
    await assert.rejects(m.predict('hello', { onToken: () => { throw oops; } }), (e) => e === oops);
    assert.equal((await m.predict('hello', { maxNewTokens: 1 })).text, 'a');
  });

  it('wrong options and prompts fail at once with a sentence (TypeError, or bad-input as the worker says)', async () => {
    const { m, worker } = await fakeModel([]);
    const sent = worker.requests.length;
    for (const [options, message] of /** @type {[any, string][]} */ ([
      [{ maxNewTokens: 0 }, 'predict(): maxNewTokens must be a whole number ≥ 1, got 0.'],
      [{ maxNewTokens: 2.5 }, 'predict(): maxNewTokens must be a whole number ≥ 1, got 2.5.'],
      [{ temperature: -1 }, 'predict(): temperature must be a number from 0 to 2 (0: always the likeliest token), got -1.'],
      [{ temperature: NaN }, 'predict(): temperature must be a number from 0 to 2 (0: always the likeliest token), got NaN.'],
      [{ topK: -2 }, 'predict(): topK must be a whole number ≥ 0 (0: off), got -2.'],
      [{ topP: 1.5 }, 'predict(): topP must be a number above 0 and at most 1, got 1.5.'],
      [{ seed: 2 ** 32 }, 'predict(): seed must be a whole number from 0 to 4294967295, got 4294967296.'],
      [{ seed: '7' }, 'predict(): seed must be a whole number from 0 to 4294967295, got "7".'],
      [{ onToken: 'print' }, 'predict(): options.onToken must be a function, got "print".'],
      [{ topk: 5 }, 'predict(): unknown option "topk"; the options are: signal, maxNewTokens, temperature, topK, topP, seed, onToken.'],
    ])) {
      await assert.rejects(m.predict('hello', options), { name: 'TypeError', message });
    }
    assert.throws(() => m.generate('hello', { onToken: () => {} }), { name: 'TypeError', message: /generate\(\): unknown option "onToken"/ });
    assert.throws(() => m.generate('hello', { topP: 0 }), { name: 'TypeError', message: /generate\(\): topP must be/ });
    await assert.rejects(m.predict(42), { name: 'TypeError', message: 'predict() takes a prompt (a string) for this model, got 42.' });
    await assert.rejects(m.predict('  \n'), { code: 'bad-input', message: 'Type a prompt.' });
    await assert.rejects(m.predict('x'.repeat(1 << 20)), { code: 'bad-input', message: 'The prompt is too long: at most about 1024 characters (64 tokens). Shorten it.' });
    assert.equal(worker.requests.length, sent, 'nothing was sent to the worker');
    await assert.rejects(m.predict('x'.repeat(500)), { code: 'bad-input', message: /^The prompt is \d+ tokens long; this model reads at most 64\. Shorten it\.$/ });
  });

  it('the worker checks too: a raw request with a bad prompt or option gets a clear error', async () => {
    const { m } = await fakeModel([]);
    const client = m.sessions.client;
    const spec = taskSpec(FAKE);
    await assert.rejects(client.generate(m.key, spec, 'x'.repeat(1 << 20), {}), { code: 'bad-input', message: /too long/ });
    await assert.rejects(client.generate(m.key, spec, '', {}), { code: 'bad-input', message: 'Type a prompt.' });
    await assert.rejects(client.generate(m.key, spec, 'hi', /** @type {any} */ ({ topK: -1 })), { code: 'bad-request', message: /topK must be/ });
    await assert.rejects(client.generate(m.key, { ...spec, postprocessing: { kind: 'text-classification' } }, 'hi', {}), { code: 'bad-request' });
  });
});

// ---- on the build ----

const manifest = fs.existsSync(EXPORTED_MANIFEST) ? resolveManifest(readJson(EXPORTED_MANIFEST), fileUrl(EXPORTED_MANIFEST)) : null;
const INFO = /** @type {any} */ (manifest?.models.find((m) => m.task === 'text-generation'));
const MISSING = INFO ? null : `${EXPORTED_MANIFEST} has no text-generation model: run \`make models\``;
if (MISSING && CI) {
  it('the build has a text-generation model (needed under CI)', () => assert.fail(MISSING));
}
const skip = MISSING ?? false; // under CI the test above fails
const FIXTURE = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/generation_tokenizer_parity.json'), 'utf8'));

/** The shipped tokenizer: the model's artifact of kind tokenizer. */
function builtTokenizer() {
  const artifact = INFO.artifacts.find((/** @type {any} */ a) => a.kind === 'tokenizer');
  const bytes = fs.readFileSync(new URL(artifact.url));
  return { bytes, json: JSON.parse(bytes.toString('utf8')) };
}

/** The sweeps' code points, in the fixture script's order. */
function sweepPoints() {
  const { full_planes: full, sample_stride: stride } = FIXTURE.sweep.pieces;
  const pieces = [];
  for (let cp = 0; cp < 0x110000; cp++) if (full.includes(cp >> 16) && !(cp >= 0xd800 && cp <= 0xdfff)) pieces.push(cp);
  for (let cp = 0x40000; cp < 0x110000; cp += stride) if (!full.includes(cp >> 16)) pieces.push(cp);
  const ids = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (!(cp >= 0xd800 && cp <= 0xdfff)) ids.push(cp);
  for (let cp = 0x10000; cp < 0x110000; cp += FIXTURE.sweep.ids.sample_stride) ids.push(cp);
  return { pieces, ids };
}

/**
 * Blocks whose hash differs from the fixture's: each code point's line, hashed per block.
 * @param {number[]} cps @param {string[]} hashes @param {(cp: number) => string} line
 */
function badBlocks(cps, hashes, line) {
  const { block } = FIXTURE.sweep;
  const bad = [];
  for (let b = 0; b * block < cps.length; b++) {
    const part = cps.slice(b * block, (b + 1) * block);
    if (sha256(part.map(line).join('')).slice(0, 16) !== hashes[b]) bad.push(`U+${part[0].toString(16)}..U+${part.at(-1)?.toString(16)}`);
  }
  return bad;
}

describe('the generator\'s tokenizer equals Python tokenizers (the built tokenizer.json)', { skip }, () => {
  /** @type {import('../../worker/tokenize_bpe.js').BpeTokenizer} */
  let tok;
  /** @type {any} */
  let json;
  before(() => {
    const built = builtTokenizer();
    assert.equal(sha256(built.bytes), FIXTURE.tokenizer_sha256, `the built tokenizer is not the fixture's: ${REGENERATE}`);
    json = built.json;
    tok = createBpeTokenizer(/** @type {any} */ (Tokenizer), json);
  });

  /** @param {import('../../worker/tokenize_bpe.js').BpeTokenizer} t */
  function mismatches(t) {
    const bad = [];
    for (const [i, c] of FIXTURE.cases.entries()) {
      const ids = t.encode(c.text);
      const same = c.ids ? JSON.stringify(ids) === JSON.stringify(c.ids) : ids.length === c.ids_count && sha256(ids.join(',')) === c.ids_sha256;
      if (!same) bad.push(`#${i} ${c.category} ${JSON.stringify(c.text.slice(0, 50))}: ids differ`);
      else if (t.decode(ids) !== (c.decoded ?? c.text)) bad.push(`#${i} ${c.category} ${JSON.stringify(c.text.slice(0, 50))}: decoded text differs`);
    }
    return bad;
  }

  it('ids and decoded text of every fixture case (npm import)', (t) => {
    assert.ok(FIXTURE.cases.length >= 500);
    const counts = new Map();
    for (const c of FIXTURE.cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    t.diagnostic(`${FIXTURE.cases.length} cases: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const bad = mismatches(tok);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} cases differ from Python`);
  });

  it('the same with the minified build the site vendors', () => {
    const bad = mismatches(createBpeTokenizer(MINIFIED, json));
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} cases differ from Python`);
  });

  it('decoding random id sequences (invalid UTF-8, special tokens) gives Python\'s text', () => {
    const bad = FIXTURE.decode_cases.filter((/** @type {any} */ c) => tok.decode(c.ids) !== c.decoded);
    assert.deepEqual(bad.slice(0, 5), []);
  });

  it('the pre-tokenizer\'s pieces for every code point of planes 0-3 and 14 (hashes per 256)', (t) => {
    const { pieces } = sweepPoints();
    assert.equal(pieces.length, FIXTURE.sweep.pieces.count);
    const started = performance.now();
    const template = FIXTURE.sweep.pieces.template;
    const bad = badBlocks(pieces, FIXTURE.sweep.pieces.hashes, (cp) => {
      const text = template.replaceAll('{c}', String.fromCodePoint(cp));
      return `${splitByteLevel(text).map((p) => [...p].length).join(',')};`;
    });
    t.diagnostic(`${pieces.length} code points in ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(bad, [], `pieces differ from Python in ${bad.length} blocks`);
  });

  it('the ids of every BMP code point alone (and a sample of the others)', (t) => {
    const { ids } = sweepPoints();
    assert.equal(ids.length, FIXTURE.sweep.ids.count);
    const started = performance.now();
    const bad = badBlocks(ids, FIXTURE.sweep.ids.hashes, (cp) => `${tok.encode(String.fromCodePoint(cp)).join(',')};`);
    t.diagnostic(`${ids.length} code points in ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(bad, [], `ids differ from Python in ${bad.length} blocks`);
  });

  it('lone surrogates: the ids of the text with U+FFFD in their place', () => {
    assert.deepEqual(tok.encode('a\ud800b'), tok.encode('a\ufffdb'));
    assert.deepEqual(tok.encode('\udc00'), tok.encode('\ufffd'));
  });

  it('the library alone differs from Rust (why tokenize_bpe.js splits with Rust\'s tables and decodes itself)', () => {
    // If these start failing after a library upgrade, the library fixed the quirk.
    const raw = new Tokenizer(json, {});
    // U+0085 is whitespace to Rust, not to JS: the space before it is a piece of its own.
    const c = FIXTURE.cases.find((/** @type {any} */ x) => x.text === 'Hello \u0085world');
    assert.ok(c);
    assert.notDeepEqual(raw.encode(c.text).ids, c.ids);
    assert.deepEqual(tok.encode(c.text), c.ids);
    // Node's Unicode 17 knows letters (U+0C5C) and whitespace (U+FEFF) Rust's tables do not (the sweep
    // above holds splitByteLevel to Rust's pieces); few such splits change ids with this vocabulary.
    const rawPieces = /** @type {(text: string) => string[]} */ (/** @type {any} */ (raw).pre_tokenizer);
    for (const text of ['a\u0c5c', '\ufeff!']) assert.notDeepEqual(rawPieces(text), preTokenize(text), JSON.stringify(text));
    assert.equal(raw.decode(tok.encode('a ?'), { skip_special_tokens: true }), 'a?', 'it cleans up spaces by default');
    assert.equal(tok.decode(tok.encode('a ?')), 'a ?');
    assert.equal(tok.decode(tok.encode('\ufeffa')), '\ufeffa', 'TextDecoder would drop a leading BOM');
  });

  it('the parity file\'s tokenizer cases and prompt ids', () => {
    const parity = readJson(new URL(INFO.variants[0].fixtures).pathname);
    for (const c of parity.tokenizer_cases ?? []) {
      assert.deepEqual(tok.encode(c.text), c.ids, JSON.stringify(c.text));
      assert.equal(tok.decode(c.ids), c.decoded);
    }
    for (const g of parity.generations) assert.deepEqual(promptIds(g.prompt, INFO, tok), g.prompt_ids, g.prompt);
  });
});

describe('the built model in onnxruntime-web WASM (one session for the whole file)', { skip }, () => {
  /** @type {Model} */
  let m;
  /** @type {any} */
  let parity;
  /** @type {WorkerClient} */
  let client;

  before(async () => {
    const variant = INFO.variants.find((/** @type {any} */ v) => v.name === INFO.default_variant) ?? INFO.variants[0];
    parity = readJson(new URL(variant.fixtures).pathname);
    client = new WorkerClient(() => {
      const engine = new Engine(() => import(fileUrl(path.join(ORT_DIST, 'ort.wasm.min.mjs'))), fileFetch({ chunk: 1 << 22 }));
      engine.tokenizerLibrary = async () => /** @type {any} */ (Tokenizer);
      return /** @type {any} */ (new FakeWorker(engine, fileUrl(ORT_DIST)));
    }, { numThreads: 1 });
    const sessions = new Sessions(client);
    const started = performance.now();
    await sessions.acquire(`${INFO.id}/${variant.name}`, variant);
    console.log(`# ${INFO.id}/${variant.name}: session created in ${Math.round(performance.now() - started)} ms (download from disk included)`);
    m = new Model({ info: INFO, variant, plan, threads: 1, sessions });
  });
  after(() => client?.running?.worker.terminate());

  /** @param {any} o the fixture's options */
  const camel = (o) => ({ maxNewTokens: o.max_new_tokens, temperature: o.temperature, topK: o.top_k, topP: o.top_p, seed: o.seed });

  it('greedy: the parity file\'s generations token for token, and their text; streamed deltas add up to it', async (t) => {
    assert.ok(parity.generations.length > 0);
    let tokens = 0;
    let seconds = 0;
    for (const g of parity.generations) {
      /** @type {any[]} */
      const chunks = [];
      const r = await m.predict(g.prompt, { ...camel(g.options), onToken: (c) => chunks.push(c) });
      assert.deepEqual(r.tokens, g.tokens, JSON.stringify(g.prompt));
      assert.equal(r.text, g.text, JSON.stringify(g.prompt));
      assert.equal(r.finishReason, g.finish_reason, JSON.stringify(g.prompt));
      assert.equal(r.promptTokens, g.prompt_ids.length);
      assert.deepEqual(chunks.map((c) => c.token), r.tokens);
      assert.deepEqual(chunks.map((c) => c.index), r.tokens.map((_, i) => i));
      assert.equal(chunks.map((c) => c.text).join(''), r.text);
      assert.ok(r.ms >= r.firstTokenMs && r.firstTokenMs > 0);
      if (r.tokensPerSecond) {
        tokens += r.tokens.length - 1;
        seconds += (r.tokens.length - 1) / r.tokensPerSecond;
      }
      t.diagnostic(`${JSON.stringify(g.prompt.slice(0, 40))}: ${r.promptTokens} prompt tokens, prefill ${Math.round(r.firstTokenMs)} ms, ` +
        `${r.tokens.length} tokens at ${r.tokensPerSecond?.toFixed(1)} tokens/s`);
    }
    t.diagnostic(`decode: ${(tokens / seconds).toFixed(1)} tokens/s over ${tokens} steps (1 thread)`);
  });

  it('the manifest\'s short examples (the static tier\'s answers) are what the browser generates', async () => {
    const max = INFO.postprocessing.defaults.max_new_tokens;
    const short = INFO.examples.filter((/** @type {any} */ e) => e.output.tokens.length <= 40);
    for (const e of short) {
      const r = await m.predict(e.text, { maxNewTokens: max, temperature: 0 });
      assert.deepEqual(r.tokens, e.output.tokens, e.text);
      assert.equal(r.text, e.output.text);
      assert.equal(r.finishReason, e.output.finish_reason);
    }
  });

  it('seeded sampling: the parity file\'s sampled answers token for token', async () => {
    assert.ok(parity.sampled.length > 0);
    for (const s of parity.sampled) {
      const r = await m.predict(s.prompt, camel(s.options));
      assert.deepEqual(r.tokens, s.tokens, JSON.stringify(s.options));
      assert.equal(r.text, s.text);
      assert.equal(r.finishReason, s.finish_reason);
    }
  });

  it('the sampler on the parity file\'s rows picks what Python picked', () => {
    for (const c of parity.sampler_cases) {
      const draw = mulberry32(c.options.seed);
      const row = Float32Array.from(c.logits);
      assert.deepEqual(c.draws.map(() => pick(row, c.options.temperature, c.options.top_k, c.options.top_p, draw)), c.draws, JSON.stringify(c.options));
    }
  });

  it('stop mid-generation: AbortError at once; the next request gets the same greedy answer as before', async () => {
    const prompt = parity.generations[0].prompt;
    const controller = new AbortController();
    let seen = 0;
    const started = performance.now();
    await assert.rejects(m.predict(prompt, {
      maxNewTokens: 64, temperature: 0, signal: controller.signal, onToken: () => { if (++seen === 3) controller.abort(); },
    }), { name: 'AbortError' });
    assert.equal(seen, 3);
    const again = await m.predict(prompt, { maxNewTokens: 6, temperature: 0 });
    assert.deepEqual(again.tokens, parity.generations[0].tokens.slice(0, 6));
    let n = 0;
    for await (const chunk of m.generate(prompt, { maxNewTokens: 64, temperature: 0 })) {
      assert.equal(chunk.index, n++);
      if (n === 2) break;
    }
    const third = await m.predict(prompt, { maxNewTokens: 3, temperature: 0 });
    assert.deepEqual(third.tokens, parity.generations[0].tokens.slice(0, 3));
    assert.ok(performance.now() - started < 120000);
  });

  it('prompts at the edges: empty and 1 MB fail at once in words; only emoji, RTL and lone surrogates get answers', async () => {
    await assert.rejects(m.predict(''), { code: 'bad-input', message: 'Type a prompt.' });
    const maxTokens = INFO.preprocessing.max_tokens;
    let started = performance.now();
    await assert.rejects(m.predict('x'.repeat(1 << 20)), { code: 'bad-input', message: `The prompt is too long: at most about ${maxTokens * 16} characters (${maxTokens} tokens). Shorten it.` });
    await assert.rejects(client.generate(m.key, taskSpec(INFO), 'x'.repeat(1 << 20), {}), { code: 'bad-input', message: /too long/ }, 'the worker refuses it too');
    assert.ok(performance.now() - started < 2000);
    started = performance.now();
    await assert.rejects(m.predict('😀'.repeat(maxTokens * 4)), { code: 'bad-input', message: new RegExp(`^The prompt is \\d+ tokens long; this model reads at most ${maxTokens}\\. Shorten it\\.$`) });
    assert.ok(performance.now() - started < 5000);
    for (const prompt of ['🙂🙂🙂', 'مرحبا! ما هي بايثون؟', '👩‍👩‍👧‍👦🇫🇷']) {
      const r = await m.predict(prompt, { maxNewTokens: 4, temperature: 0 });
      assert.equal(typeof r.text, 'string');
      assert.ok(r.tokens.length >= 1 && r.tokens.length <= 4);
    }
    const lone = await m.predict('Hello \ud800 world', { maxNewTokens: 4, temperature: 0 });
    const replaced = await m.predict('Hello \ufffd world', { maxNewTokens: 4, temperature: 0 });
    assert.deepEqual(lone.tokens, replaced.tokens);
    assert.equal(lone.promptTokens, replaced.promptTokens);
  });

  it('maxNewTokens above the model\'s limit is capped, not refused; 1 gives one token', async () => {
    const one = await m.predict(parity.generations[0].prompt, { maxNewTokens: 1, temperature: 0 });
    assert.deepEqual(one.tokens, parity.generations[0].tokens.slice(0, 1));
    assert.equal(one.tokensPerSecond, null);
    assert.equal(one.finishReason, parity.generations[0].tokens.length === 0 ? 'eos' : 'length');
  });
});
