// The text tasks of the worker (worker/text_predict.js) and of the page API (js_runtime/model.js), without a
// built model: ranking against a plain reference (ties included), softmax, word segmentation and the
// occlusion batch, artifact loading (sha256, once per worker), and m.predict(text) end to end through the
// real WorkerClient ⇄ dispatcher ⇄ Engine with a fake onnxruntime whose "model" counts a token.
// The real models in a real browser: tests/browser/test_text_model.py.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { Tokenizer } from '@huggingface/tokenizers';
import { createDispatcher } from '../../worker/dispatch.js';
import { Engine } from '../../worker/engine.js';
import {
  MAX_WORDS, OCCLUSION_CHUNK, batchFeeds, clearTextCaches, finishSearch, finishTextClassification, labelScores, makeCorpus,
  occlusionWeights, prepareText, rankCorpus, segmentWords, softmax, withoutEachWord,
} from '../../worker/text_predict.js';
import { createTokenizer } from '../../worker/tokenize.js';
import { Model, taskSpec } from '../../js_runtime/model.js';
import { Sessions } from '../../js_runtime/sessions.js';
import { WorkerClient } from '../../js_runtime/worker_client.js';
import { REPO } from './helpers.js';

const TOKENIZER_BYTES = new Uint8Array(fs.readFileSync(path.join(REPO, 'tests/fixtures/minilm_tokenizer.json')));
const TOKENIZER_JSON = JSON.parse(new TextDecoder().decode(TOKENIZER_BYTES));
const tokenizer = createTokenizer(Tokenizer, TOKENIZER_JSON, 128);
const INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'];
/** The fake models' signal words: the classifier counts FREE, the encoder FREE and sort. */
const FREE = tokenizer.encode('free').ids[1];
const SORT = tokenizer.encode('sort').ids[1];

/** @param {Uint8Array} bytes */
const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A seeded PRNG (mulberry32). @param {number} seed */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The plain reference: every score as Python computes it (unit rows · unit query), sorted by score
 * descending, then index ascending.
 * @param {ArrayLike<number>} query @param {Int8Array} codes @param {number} dims @param {number} k
 */
function referenceRank(query, codes, dims, k) {
  const count = codes.length / dims;
  const qn = Math.max(Math.hypot(...Array.from(query)), 1e-12);
  const scored = [];
  for (let i = 0; i < count; i++) {
    const row = Array.from(codes.subarray(i * dims, (i + 1) * dims));
    const rn = Math.max(Math.hypot(...row), 1e-12);
    scored.push({ index: i, score: row.reduce((s, c, j) => s + (c / rn) * (query[j] / qn), 0) });
  }
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

/** @param {{title: string, text: string}[]} docs @param {Int8Array} codes @param {number} dims */
const corpusOf = (docs, codes, dims) => makeCorpus(docs, codes, { count: docs.length, dims, encoding: 'int8-rows' });
/** @param {number} n */
const docsOf = (n) => Array.from({ length: n }, (_, i) => ({ title: `doc ${i}`, text: `text ${i}` }));

describe('ranking (rankCorpus) equals a plain reference', () => {
  it('on random int8 corpora, for every k', () => {
    const rand = random(7);
    for (let trial = 0; trial < 20; trial++) {
      const dims = 1 + Math.floor(rand() * 12);
      const count = 1 + Math.floor(rand() * 60);
      const codes = Int8Array.from({ length: count * dims }, () => Math.round(rand() * 254) - 127);
      const corpus = corpusOf(docsOf(count), codes, dims);
      const query = Float32Array.from({ length: dims }, () => rand() * 2 - 1);
      for (const k of [1, 3, 10, count, count + 5]) {
        const got = rankCorpus(query, corpus, k);
        const want = referenceRank(query, codes, dims, k);
        assert.deepEqual(got.map((r) => r.index), want.map((r) => r.index), `trial ${trial} k ${k}`);
        got.forEach((r, i) => assert.ok(Math.abs(r.score - want[i].score) < 1e-12));
      }
    }
  });

  it('breaks ties by the lower index, also across rows of other scales (cosine ignores scale)', () => {
    // rows 1, 3 and 4 point the same way (3 and 4 scaled): equal cosines; rows 0 and 2 are equal too.
    const codes = Int8Array.from([1, 0, 2, 4, 1, 0, 4, 8, 1, 2]);
    const corpus = corpusOf(docsOf(5), codes, 2);
    const got = rankCorpus([1, 2], corpus, 5);
    assert.deepEqual(got.map((r) => r.index), [1, 3, 4, 0, 2]);
    assert.deepEqual(got.map((r) => r.index), referenceRank([1, 2], codes, 2, 5).map((r) => r.index));
    assert.ok(Math.abs(got[0].score - 1) < 1e-15 && got[0].score === got[1].score && got[1].score === got[2].score);
    // A k that ends inside a run of ties keeps the lowest indices.
    assert.deepEqual(rankCorpus([1, 2], corpus, 2).map((r) => r.index), [1, 3]);
    assert.deepEqual(rankCorpus([1, 2], corpus, 4).map((r) => r.index), [1, 3, 4, 0]);
  });

  it('a zero row or a zero query scores 0, as with Python\'s 1e-12 floor; k is capped at the corpus size', () => {
    const corpus = corpusOf(docsOf(3), Int8Array.from([0, 0, 3, 4, -3, -4]), 2);
    assert.deepEqual(rankCorpus([3, 4], corpus, 10).map((r) => [r.index, r.score]), [[1, 1], [0, 0], [2, -1]]);
    assert.deepEqual(rankCorpus([0, 0], corpus, 10).map((r) => [r.index, r.score]), [[0, 0], [1, 0], [2, 0]]);
  });

  it('refuses an embedding of the wrong size or with NaN', () => {
    const corpus = corpusOf(docsOf(1), Int8Array.from([1, 2]), 2);
    assert.throws(() => rankCorpus([1, 2, 3], corpus, 1), { code: 'run', message: /embedding of 3 values; the corpus has 2/ });
    assert.throws(() => rankCorpus([NaN, 1], corpus, 1), { code: 'run', message: /invalid embedding/ });
  });

  it('makeCorpus checks the corpus against the manifest and precomputes the row norms', () => {
    const ok = corpusOf(docsOf(2), Int8Array.from([3, 4, 0, -2]), 2);
    assert.deepEqual([...ok.norms], [5, 2]);
    const info = { count: 2, dims: 2, encoding: 'int8-rows' };
    assert.throws(() => makeCorpus(docsOf(3), new Int8Array(4), info), { code: 'integrity', message: /3 documents, the manifest says 2/ });
    assert.throws(() => makeCorpus(docsOf(2), new Int8Array(5), info), { code: 'integrity', message: /5 embedding values, expected 2 × 2/ });
    assert.throws(() => makeCorpus([{ title: 'a' }, { title: 'b', text: '' }], new Int8Array(4), info), /lacks its title or text/);
    assert.throws(() => makeCorpus(null, new Int8Array(4), info), /no documents/);
    assert.throws(() => makeCorpus(docsOf(2), new Int8Array(4), { ...info, encoding: 'fp16' }), /unknown encoding "fp16"/);
  });
});

describe('softmax and label scores', () => {
  it('softmax in float64, stable for large logits', () => {
    const p = softmax(Float32Array.from([0, 0.13722289]));
    assert.ok(Math.abs(p[1] - 0.5342519909553375) < 1e-9); // the spam-filter fixture's Python value
    assert.deepEqual(softmax([1000, 1000]), [0.5, 0.5]);
    assert.ok(Math.abs(softmax([1, 2, 3]).reduce((a, b) => a + b) - 1) < 1e-15);
  });

  it('every label, best first, ties by the lower index; invalid logits are no prediction', () => {
    assert.deepEqual(labelScores([2, 1], ['ham', 'spam']).map((s) => s.label), ['ham', 'spam']);
    assert.deepEqual(labelScores([0, 3, 3], ['a', 'b', 'c']).map((s) => s.index), [1, 2, 0]);
    const s = labelScores(Float32Array.from([0.25, -1]), ['x', 'y']);
    assert.deepEqual(Object.keys(s[0]), ['label', 'score', 'index']);
    assert.throws(() => labelScores([NaN, 1], ['a', 'b']), { code: 'run', message: /invalid scores for this text/ });
    assert.throws(() => labelScores([1], ['a', 'b']), { code: 'run' });
  });
});

describe('words and the occlusion batch', () => {
  it('segmentWords: word-like segments with UTF-16 offsets into the text', () => {
    const text = 'Hello, wörld! 🙂 FREE prize: مرحبا بالعالم 日本語 x2';
    const { words, more } = segmentWords(text);
    assert.equal(more, false);
    for (const w of words) assert.equal(text.slice(w.start, w.end), w.text);
    const texts = words.map((w) => w.text);
    for (const expected of ['Hello', 'wörld', 'FREE', 'prize', 'مرحبا', 'بالعالم', 'x2']) assert.ok(texts.includes(expected), expected);
    assert.ok(!texts.some((t) => /[,!:🙂\s]/u.test(t)), 'punctuation, spaces and emoji are not words');
    assert.deepEqual(segmentWords('🙂🙂🙂 !!!').words, []);
    assert.deepEqual(segmentWords('').words, []);
  });

  it('segmentWords without Intl.Segmenter: runs of letters, marks and digits', () => {
    const text = 'Hello, wörld! 🙂 FREE prize: مرحبا x2';
    const { words } = segmentWords(text, MAX_WORDS, null);
    assert.deepEqual(words.map((w) => w.text), ['Hello', 'wörld', 'FREE', 'prize', 'مرحبا', 'x2']);
    for (const w of words) assert.equal(text.slice(w.start, w.end), w.text);
    assert.equal(segmentWords('a '.repeat(70), MAX_WORDS, null).more, true);
  });

  it(`segmentWords stops at ${MAX_WORDS} words and says there are more`, () => {
    const { words, more } = segmentWords('word '.repeat(100));
    assert.equal(words.length, MAX_WORDS);
    assert.equal(more, true);
    assert.deepEqual(words.at(-1), { text: 'word', start: (MAX_WORDS - 1) * 5, end: (MAX_WORDS - 1) * 5 + 4 });
    assert.equal(segmentWords('word '.repeat(MAX_WORDS)).more, false);
  });

  it('withoutEachWord cuts out exactly one word per copy', () => {
    const text = 'win a FREE prize';
    assert.deepEqual(withoutEachWord(text, segmentWords(text).words), [' a FREE prize', 'win  FREE prize', 'win a  prize', 'win a FREE ']);
  });

  it('batchFeeds: int64 [N, T], right-padded with zeros and mask 0, one tensor per graph input', () => {
    const encodings = ['a', 'hello world again', ''].map((t) => tokenizer.encode(t));
    const feeds = batchFeeds(encodings, INPUTS);
    assert.deepEqual(Object.keys(feeds), INPUTS);
    const width = Math.max(...encodings.map((e) => e.ids.length));
    for (const name of INPUTS) {
      assert.equal(feeds[name].type, 'int64');
      assert.deepEqual(feeds[name].dims, [3, width]);
      assert.ok(feeds[name].data instanceof BigInt64Array);
    }
    encodings.forEach((e, row) => {
      const ids = [...feeds.input_ids.data.subarray(row * width, (row + 1) * width)].map(Number);
      const mask = [...feeds.attention_mask.data.subarray(row * width, (row + 1) * width)].map(Number);
      const pad = width - e.ids.length;
      assert.deepEqual(ids, [...e.ids, ...Array(pad).fill(0)]);
      assert.deepEqual(mask, [...Array(e.ids.length).fill(1), ...Array(pad).fill(0)]);
    });
    assert.ok([...feeds.token_type_ids.data].every((v) => v === 0n));
    assert.notEqual(feeds.input_ids.dims, feeds.attention_mask.dims, 'no shared dims arrays');
  });

  it('occlusionWeights: p(top | text) − p(top | text without the word), per batch row', () => {
    const words = [{ text: 'a', start: 0, end: 1 }, { text: 'b', start: 2, end: 3 }];
    const w = occlusionWeights(words, Float32Array.from([0, 0, 0, 2]), 2, 1, 0.75);
    assert.deepEqual(w.map((x) => x.text), ['a', 'b']);
    assert.equal(w[0].weight, 0.75 - 0.5);
    assert.ok(Math.abs(w[1].weight - (0.75 - softmax([0, 2])[1])) < 1e-15);
    assert.throws(() => occlusionWeights(words, [0, NaN, 0, 0], 2, 1, 0.5), { code: 'run' });
  });
});

// ---- the handlers and the API with a fake onnxruntime ----

/**
 * Each row's logits: [0, 3·(FREE tokens) − 1] (the classifier), or the embedding [FREE count, SORT count,
 * 1, 0] (the encoder); padding (mask 0) is ignored, as the real graphs do.
 * @param {any} feeds
 * @param {'logits' | 'embedding'} output
 */
function fakeOutputs(feeds, output) {
  const [n, width] = feeds.input_ids.dims;
  const out = new Float32Array(n * (output === 'logits' ? 2 : 4));
  for (let r = 0; r < n; r++) {
    let free = 0;
    let sort = 0;
    for (let t = 0; t < width; t++) {
      if (feeds.attention_mask.data[r * width + t] === 0n) continue;
      const id = Number(feeds.input_ids.data[r * width + t]);
      free += id === FREE ? 1 : 0;
      sort += id === SORT ? 1 : 0;
    }
    if (output === 'logits') out.set([0, 3 * free - 1], r * 2);
    else out.set([free, sort, 1, 0], r * 4);
  }
  return { [output]: { type: 'float32', dims: [n, output === 'logits' ? 2 : 4], data: out } };
}

/** A fake onnxruntime-web whose sessions compute fakeOutputs; `runs` records every run's feed dims. */
function fakeOrt() {
  const ort = {
    env: { wasm: {} },
    /** @type {number[][]} */
    runs: [],
    Tensor: class {
      /** @param {string} type @param {any} data @param {number[]} dims */
      constructor(type, data, dims) {
        if (type === 'int64' && !(data instanceof BigInt64Array)) throw new TypeError('int64 needs a BigInt64Array');
        Object.assign(this, { type, data, dims });
      }
    },
    InferenceSession: {
      /** @param {Uint8Array} bytes */
      async create(bytes) {
        const output = new TextDecoder().decode(bytes) === 'encoder' ? 'embedding' : 'logits';
        return {
          inputNames: INPUTS,
          outputNames: [output],
          /** @param {any} feeds */
          async run(feeds) {
            ort.runs.push(feeds.input_ids.dims);
            return fakeOutputs(feeds, output);
          },
          async release() {},
        };
      },
    },
  };
  return ort;
}

const CLASSIFIER = new TextEncoder().encode('classifier');
const ENCODER = new TextEncoder().encode('encoder');
const DOCS = [
  { title: 'sorted', text: 'How to sort a list.' },
  { title: 'offers', text: 'Free things.' },
  { title: 'both', text: 'Sort free things.' },
  { title: 'neither', text: 'Nothing here.' },
];
const DOC_BYTES = new TextEncoder().encode(JSON.stringify(DOCS));
// dims 4 like fakeOutputs: [free, sort, 1, 0]
const CODES = Int8Array.from([0, 100, 0, 0, 100, 0, 0, 0, 70, 70, 0, 0, 0, 0, 0, 100]);
const CODE_BYTES = new Uint8Array(CODES.buffer);

/** The files the fake site serves, by URL. */
const FILES = new Map([
  ['https://h/models/spam/fp32.aaaaaaaaaaaaaaaa.onnx', CLASSIFIER],
  ['https://h/models/search/fp32.bbbbbbbbbbbbbbbb.onnx', ENCODER],
  ['https://h/models/spam/tokenizer.cccccccccccccccc.json', TOKENIZER_BYTES],
  ['https://h/models/search/tokenizer.cccccccccccccccc.json', TOKENIZER_BYTES],
  ['https://h/models/search/documents.dddddddddddddddd.json', DOC_BYTES],
  ['https://h/models/search/embeddings.eeeeeeeeeeeeeeee.bin', CODE_BYTES],
]);

/** A fetch over FILES that counts requests per URL; `corrupt` URLs get a flipped byte. */
function fakeFetch(corrupt = new Set()) {
  /** @type {Map<string, number>} */
  const requests = new Map();
  /** @type {typeof fetch} */
  const fetchImpl = async (input) => {
    const url = String(input);
    requests.set(url, (requests.get(url) ?? 0) + 1);
    const bytes = FILES.get(url);
    if (!bytes) return new Response('not found', { status: 404 });
    const body = bytes.slice();
    if (corrupt.has(url)) body[0] ^= 1;
    return new Response(body);
  };
  return { fetchImpl, requests };
}

const textInputs = INPUTS.map((name) => ({ name, dtype: 'int64', shape: ['N', 'T'] }));

/** @param {string} url relative to manifest.json @param {string} kind */
const artifact = (url, kind) => {
  const bytes = /** @type {Uint8Array} */ (FILES.get(`https://h/models/${url}`));
  return { kind, url: `https://h/models/${url}`, sha256: sha(bytes), bytes: bytes.byteLength };
};

/** Manifest entries as fetchManifest returns them (artifact URLs absolute, the others relative). */
const SPAM = /** @type {any} */ ({
  id: 'spam',
  task: 'text-classification',
  labels: ['not spam', 'spam'],
  inputs: textInputs,
  outputs: [{ name: 'logits', dtype: 'float32', shape: ['N', 2] }],
  preprocessing: { kind: 'text', tokenizer: 'spam/tokenizer.cccccccccccccccc.json', max_tokens: 128, inputs: INPUTS },
  postprocessing: { kind: 'text-classification', logits_output: 'logits' },
  artifacts: [{ kind: 'description', url: 'https://h/models/spam/description.ffffffffffffffff.md', sha256: 'f'.repeat(64), bytes: 1 },
    artifact('spam/tokenizer.cccccccccccccccc.json', 'tokenizer')],
  variants: [{ name: 'fp32', url: 'https://h/models/spam/fp32.aaaaaaaaaaaaaaaa.onnx', sha256: sha(CLASSIFIER), bytes: CLASSIFIER.byteLength }],
});
const SEARCH = /** @type {any} */ ({
  id: 'search',
  task: 'semantic-search',
  labels: [],
  inputs: textInputs,
  outputs: [{ name: 'embedding', dtype: 'float32', shape: ['N', 4] }],
  preprocessing: { kind: 'text', tokenizer: 'search/tokenizer.cccccccccccccccc.json', max_tokens: 128, inputs: INPUTS },
  postprocessing: {
    kind: 'semantic-search',
    embedding_output: 'embedding',
    top_k: 3,
    corpus: { documents: 'search/documents.dddddddddddddddd.json', embeddings: 'search/embeddings.eeeeeeeeeeeeeeee.bin', count: 4, dims: 4, encoding: 'int8-rows' },
  },
  artifacts: [artifact('search/tokenizer.cccccccccccccccc.json', 'tokenizer'), artifact('search/documents.dddddddddddddddd.json', 'documents'),
    artifact('search/embeddings.eeeeeeeeeeeeeeee.bin', 'embeddings')],
  variants: [{ name: 'fp32', url: 'https://h/models/search/fp32.bbbbbbbbbbbbbbbb.onnx', sha256: sha(ENCODER), bytes: ENCODER.byteLength }],
});

/** A worker stand-in: real structured clones both ways, the real dispatcher and Engine, a fake onnxruntime. */
class FakeWorker extends EventTarget {
  /** @param {Engine} engine */
  constructor(engine) {
    super();
    this.dispatch = createDispatcher(engine, (reply, transfer = []) => {
      const data = structuredClone(reply, { transfer });
      setImmediate(() => this.dispatchEvent(Object.assign(new Event('message'), { data })));
    }, 'https://h/vitrine/vendor/onnxruntime-web/');
  }

  /** @param {any} message @param {Transferable[]} [transfer] */
  postMessage(message, transfer = []) {
    const data = structuredClone(message, { transfer });
    setImmediate(() => this.dispatch(data));
  }

  terminate() {}
}

/** m = a loaded Model on a fresh worker; ort and requests show what the worker did. */
async function loadModel(/** @type {any} */ info, { corrupt = new Set() } = {}) {
  const ort = fakeOrt();
  const { fetchImpl, requests } = fakeFetch(corrupt);
  const engine = new Engine(async () => /** @type {any} */ (ort), fetchImpl, undefined, null);
  engine.tokenizerLibrary = async () => /** @type {any} */ (Tokenizer);
  const sessions = new Sessions(new WorkerClient(() => /** @type {any} */ (new FakeWorker(engine)), { numThreads: 1 }));
  const variant = info.variants[0];
  const key = `${info.id}/${variant.name}`;
  await sessions.acquire(key, variant);
  const m = new Model({ info, variant, plan: /** @type {any} */ ({ name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' }), threads: 1, sessions });
  return { m, ort, requests };
}

beforeEach(() => clearTextCaches());

describe('taskSpec for text models', () => {
  it('resolves the tokenizer and corpus URLs to their artifacts and sends only those, with their sha256', () => {
    const spec = /** @type {any} */ (taskSpec(SEARCH));
    assert.equal(spec.preprocessing.tokenizer, 'https://h/models/search/tokenizer.cccccccccccccccc.json');
    assert.equal(spec.postprocessing.corpus.documents, 'https://h/models/search/documents.dddddddddddddddd.json');
    assert.equal(spec.postprocessing.corpus.embeddings, 'https://h/models/search/embeddings.eeeeeeeeeeeeeeee.bin');
    assert.deepEqual(spec.artifacts.map((/** @type {any} */ a) => a.kind), ['tokenizer', 'documents', 'embeddings']);
    assert.equal(spec.artifacts[1].sha256, sha(DOC_BYTES));
    assert.equal(SEARCH.preprocessing.tokenizer, 'search/tokenizer.cccccccccccccccc.json', 'the manifest entry is not changed');
    assert.deepEqual(/** @type {any} */ (taskSpec(SPAM)).artifacts.map((/** @type {any} */ a) => a.kind), ['tokenizer']);
  });

  it('a text model whose tokenizer is not among its artifacts is a damaged build', () => {
    assert.throws(() => taskSpec({ ...SPAM, artifacts: [] }),
      { message: 'The site\'s build is damaged: model "spam" names a tokenizer file ("spam/tokenizer.cccccccccccccccc.json") that is not among its artifacts. Rebuild the site.' });
  });
});

describe('m.predict(text): classification', () => {
  it('answers every label, best first, with ms; the tokenizer is downloaded once', async () => {
    const { m, requests } = await loadModel(SPAM);
    const top = await m.predict('Claim your FREE prize now');
    assert.deepEqual(top.map((s) => s.label), ['spam', 'not spam']);
    assert.ok(Math.abs(top[0].score - softmax([0, 2])[1]) < 1e-7);
    assert.deepEqual(Object.keys(top[0]), ['label', 'score', 'index']);
    assert.equal(typeof top.ms, 'number');
    assert.deepEqual(Object.keys(top), ['0', '1'], 'extras are not enumerable');
    assert.equal(top.notice, undefined);
    const ham = await m.predict('see you at lunch');
    assert.equal(ham[0].label, 'not spam');
    assert.equal(requests.get('https://h/models/spam/tokenizer.cccccccccccccccc.json'), 1);
  });

  it('{words: true}: batched runs of OCCLUSION_CHUNK rows, a row per word, padded; FREE weighs for spam, the others about 0', async () => {
    const { m, ort } = await loadModel(SPAM);
    const text = 'Claim your FREE prize, free!';
    const top = await m.predict(text, { words: true });
    assert.equal(ort.runs.length, 2, 'the text, then one batch (5 words fit one chunk)');
    const words = /** @type {any[]} */ (top.words);
    assert.deepEqual(words.map((w) => w.text), ['Claim', 'your', 'FREE', 'prize', 'free']);
    assert.deepEqual(ort.runs[1], [5, Math.max(...words.map((w) => tokenizer.encode(text.slice(0, w.start) + text.slice(w.end)).ids.length))]);
    for (const w of words) assert.equal(text.slice(w.start, w.end), w.text);
    const p = (/** @type {number} */ free) => softmax([0, 3 * free - 1])[1];
    assert.ok(Math.abs(words[2].weight - (p(2) - p(1))) < 1e-6 && words[2].weight > 0);
    assert.ok(Math.abs(words[4].weight - (p(2) - p(1))) < 1e-6);
    for (const i of [0, 1, 3]) assert.ok(Math.abs(words[i].weight) < 1e-7);
    assert.equal(typeof top.wordsMs, 'number');
    assert.deepEqual(Object.keys(top), ['0', '1']);
  });

  it('{words: true} on a text without words needs no second run; over 64 words says so', async () => {
    const { m, ort } = await loadModel(SPAM);
    assert.deepEqual((await m.predict('🙂🙂🙂', { words: true })).words, []);
    assert.equal(ort.runs.length, 1);
    const many = await m.predict('free '.repeat(70), { words: true });
    assert.equal(/** @type {any[]} */ (many.words).length, MAX_WORDS);
    assert.equal(ort.runs.length, 2 + MAX_WORDS / OCCLUSION_CHUNK, 'the text, then the words in chunks');
    assert.deepEqual(ort.runs.slice(2), Array(MAX_WORDS / OCCLUSION_CHUNK).fill([OCCLUSION_CHUNK, 71]));
    assert.equal(many.notice, 'Word weights cover the first 64 words only.');
  });

  it('the empty text, emoji, RTL text and lone surrogates get an answer; {tokens: true} shows the ids', async () => {
    const { m } = await loadModel(SPAM);
    const empty = await m.predict('', { tokens: true });
    assert.deepEqual(empty.tokens, { ids: [101, 102], attentionMask: [1, 1], typeIds: [0, 0], truncated: false });
    for (const text of ['🙂🙂🙂', 'مرحبا بالعالم، هذا عرض مجاني', 'free \uD800 prize \uDC00']) {
      const r = await m.predict(text, { tokens: true });
      assert.equal(r.length, 2, text);
      assert.deepEqual(/** @type {any} */ (r.tokens).ids, tokenizer.encode(text).ids);
    }
  });

  it('a long text is cut to the model\'s length, with a notice; 1 MB takes well under a few seconds', async () => {
    const { m } = await loadModel(SPAM);
    const start = performance.now();
    const r = await m.predict('free money '.repeat(100_000), { tokens: true });
    assert.ok(performance.now() - start < 5000);
    assert.equal(/** @type {any} */ (r.tokens).ids.length, 128);
    assert.equal(r.notice, 'This text is longer than the model reads: only its first 126 word pieces were used, so the rest does not change the answer.');
  });

  it('refuses what is not a string, and wrong options, with a clear message', async () => {
    const { m } = await loadModel(SPAM);
    for (const [value, got] of [[42, '42'], [null, 'null'], [['a'], 'an array'], [new Blob(['x']), 'an object (Blob)']]) {
      await assert.rejects(m.predict(value), { name: 'TypeError', message: `predict() takes a text (a string) for this model, got ${got}.` });
    }
    await assert.rejects(m.predict('x', { topK: 3 }), { name: 'TypeError', message: 'predict(): unknown option "topK"; the options are: signal, words, tokens.' });
    await assert.rejects(m.predict('x', { words: 'yes' }), { name: 'TypeError', message: 'predict(): words must be true or false.' });
  });

  it('a tokenizer file that fails its sha256 is refused (code integrity) and not kept: the next call loads again', async () => {
    const url = 'https://h/models/spam/tokenizer.cccccccccccccccc.json';
    const { m, requests } = await loadModel(SPAM, { corrupt: new Set([url]) });
    await assert.rejects(m.predict('hello'), { code: 'integrity', message: /failed its integrity check/ });
    assert.equal(requests.get(url), 2, 'once more from the server, bypassing the HTTP cache');
    await assert.rejects(m.predict('hello'), { code: 'integrity' });
    assert.equal(requests.get(url), 4);
  });
});

describe('m.predict(text): search', () => {
  it('the top k documents by cosine with their title and text; corpus files downloaded once', async () => {
    const { m, requests } = await loadModel(SEARCH);
    const hits = await m.predict('how do I sort things');
    assert.deepEqual(hits.map((h) => /** @type {any} */ (h).title), ['sorted', 'both', 'offers'], 'offers and neither tie at 0: the lower index first');
    assert.deepEqual(Object.keys(hits[0]), ['rank', 'index', 'score', 'title', 'text']);
    assert.deepEqual(hits.map((h) => /** @type {any} */ (h).rank), [1, 2, 3]);
    const query = [0, 1, 1, 0];
    const want = referenceRank(query, CODES, 4, 3);
    assert.deepEqual(hits.map((h) => h.index), want.map((h) => h.index));
    hits.forEach((h, i) => assert.ok(Math.abs(h.score - want[i].score) < 1e-12));
    assert.equal(/** @type {any} */ (hits[0]).text, 'How to sort a list.');
    const all = await m.predict('free', { topK: 99, embedding: true });
    assert.equal(all.length, 4, 'topK is capped at the corpus size');
    assert.deepEqual([...(/** @type {Float32Array} */ (all.embedding))], [1, 0, 1, 0]);
    for (const url of ['documents.dddddddddddddddd.json', 'embeddings.eeeeeeeeeeeeeeee.bin', 'tokenizer.cccccccccccccccc.json']) {
      assert.equal(requests.get(`https://h/models/search/${url}`), 1, url);
    }
  });

  it('an empty query asks for a question (bad-input); other inputs get answers', async () => {
    const { m } = await loadModel(SEARCH);
    for (const empty of ['', '   \n']) await assert.rejects(m.predict(empty), { code: 'bad-input', message: 'Type a question to search.' });
    assert.equal((await m.predict('🙂')).length, 3);
    assert.equal((await m.predict('كيف أتعامل مع الأخطاء')).length, 3);
    await assert.rejects(m.predict('x', { words: true }), { name: 'TypeError', message: /unknown option "words"; the options are: signal, topK, tokens, embedding/ });
    await assert.rejects(m.predict('x', { topK: 0 }), { name: 'TypeError', message: 'predict(): topK must be a whole number ≥ 1, got 0.' });
  });
});

describe('the handlers on their own (the worker side of the checks)', () => {
  const env = { fetchImpl: fakeFetch().fetchImpl, site: null, tokenizerLibrary: async () => /** @type {any} */ (Tokenizer) };

  it('prepareText refuses a non-string and an empty query with code bad-input', async () => {
    await assert.rejects(prepareText(7, taskSpec(SPAM), env), { code: 'bad-input', message: 'predict() takes a text (a string) for this model, got number.' });
    await assert.rejects(prepareText(' ', taskSpec(SEARCH), env), { code: 'bad-input', message: 'Type a question to search.' });
  });

  it('an artifact the spec does not list is never requested', async () => {
    const spec = /** @type {any} */ ({ ...taskSpec(SPAM), artifacts: [] });
    await assert.rejects(prepareText('hi', spec, env), { code: 'bad-request', message: /is not among its artifacts/ });
  });

  it('finishTextClassification skips the occlusion run once the request is cancelled', async () => {
    const spec = taskSpec(SPAM);
    const prepared = await prepareText('free prize', spec, env);
    let runs = 0;
    const cancelledEnv = { ...env, cancelled: () => true, run: async () => { runs++; return { outputs: {}, ms: 0 }; } };
    await assert.rejects(finishTextClassification(fakeOutputs(prepared.feeds, 'logits'), spec, { words: true }, prepared, cancelledEnv), { code: 'aborted' });
    assert.equal(runs, 0);
  });

  it('a request cancelled while its occlusion runs stops after the chunk in flight', async () => {
    const spec = taskSpec(SPAM);
    const text = 'free '.repeat(3 * OCCLUSION_CHUNK);
    const prepared = await prepareText(text, spec, env);
    let runs = 0;
    const run = async (/** @type {any} */ feeds) => { runs++; return { outputs: fakeOutputs(feeds, 'logits'), ms: 1 }; };
    const cancelledEnv = { ...env, cancelled: () => runs >= 1, run };
    await assert.rejects(finishTextClassification(fakeOutputs(prepared.feeds, 'logits'), spec, { words: true }, prepared, cancelledEnv), { code: 'aborted' });
    assert.equal(runs, 1, 'one chunk of three ran');
  });

  it('finishSearch uses the manifest\'s top_k unless topK is given', async () => {
    const spec = taskSpec(SEARCH);
    const prepared = await prepareText('sort', spec, env);
    const outputs = fakeOutputs(prepared.feeds, 'embedding');
    assert.equal(/** @type {any[]} */ (finishSearch(outputs, spec, {}, prepared).items).length, 3);
    assert.equal(/** @type {any[]} */ (finishSearch(outputs, spec, { topK: 1 }, prepared).items).length, 1);
  });
});
