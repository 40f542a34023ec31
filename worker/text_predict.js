// The text tasks in the worker: text-classification (every label with its probability, optionally each
// word's weight by occlusion) and semantic-search (the corpus documents closest to a query).
//
// A text is tokenized here (worker/tokenize.js: Python's ids for the shipped tokenizer.json) and fed as
// int64 [1, T] tensors. The tokenizer file and the search corpus are manifest artifacts: fetched like
// model files (fetch_model.js: site-scope check, sha256, Cache API, retries), each once per worker and
// kept in memory (a tokenizer is shared by the models whose files have the same bytes).
//
// Arithmetic follows Python (builder/tasks/text.py softmax, builder/tasks/semantic_search.py rank) in
// float64, with the same tie rules (the lower index first), so the browser tests can compare answers.
import { ERROR_CODE, VitrineError } from './protocol.js';
import { fetchModel } from './fetch_model.js';
import { createTokenizer, loadTokenizerLibrary } from './tokenize.js';

/** @typedef {import('./protocol.js').TensorMap} TensorMap */
/** @typedef {import('./protocol.js').OutputTensor} OutputTensor */
/** @typedef {import('./tokenize.js').TextEncoding} TextEncoding */
/** @typedef {import('./tokenize.js').TextTokenizer} TextTokenizer */
/** @typedef {import('./tokenize.js').TokenizerClass} TokenizerClass */

/** Occlusion weighs at most this many words (the first ones): one batch row each. */
export const MAX_WORDS = 64;
/** Occlusion rows per session run: small enough that a cancel waits for at most one short run. */
export const OCCLUSION_CHUNK = 8;
/** Python's floor for a norm (builder/tasks/semantic_search.py unit_rows and rank). */
const NORM_FLOOR = 1e-12;

/**
 * What a text handler needs besides the input (worker/engine.js makes it; tests pass their own).
 * @typedef {object} TextEnv
 * @property {typeof fetch} fetchImpl
 * @property {import('./fetch_model.js').SiteScope | null} [site] where artifact URLs must lie (undefined: this worker's site)
 * @property {CacheStorage | null} [cacheStorage] undefined: globalThis.caches
 * @property {() => Promise<TokenizerClass>} [tokenizerLibrary] the library's Tokenizer class (default: the site's vendored copy)
 * @property {(feeds: TensorMap) => Promise<{outputs: Record<string, OutputTensor>, ms: number}>} [run]
 *   runs the request's model on other feeds (occlusion's batch)
 * @property {() => boolean} [cancelled] true once the request was cancelled: skip further work
 */

/**
 * @typedef {object} ArtifactRef one of the model's artifacts (absolute URL, as js_runtime/model.js taskSpec sends it)
 * @property {string} kind tokenizer | documents | embeddings
 * @property {string} url
 * @property {string} sha256
 * @property {number} bytes
 */

/**
 * @typedef {object} WordWeight
 * @property {string} text the word as it is in the text
 * @property {number} start UTF-16 offset of its first code unit in the text
 * @property {number} end UTF-16 offset after its last code unit
 * @property {number} weight p(top label | text) − p(top label | text without this word): positive = the
 *   word speaks for the top label
 */

/**
 * @typedef {object} LabelScore
 * @property {string} label
 * @property {number} score softmax probability (float64 from the float32 logits)
 * @property {number} index position in the model's output (and in the manifest's labels)
 */

/**
 * @typedef {object} Hit one search result, best first
 * @property {number} rank 1 for the best
 * @property {number} index the document's row in the corpus
 * @property {number} score cosine of the query's embedding and the document's (int8 codes)
 * @property {string} title
 * @property {string} text
 */

/**
 * What a text handler returns to the page (js_runtime/model.js turns it into an array with extras).
 * @typedef {object} TextOutput
 * @property {LabelScore[] | Hit[]} items the answer
 * @property {WordWeight[]} [words] classification with {words: true}
 * @property {number} [wordsMs] session.run time of the occlusion batch
 * @property {number[][]} [wordValues] classification with {words: true}: every label's occlusion values
 *   [label][word] (p(label | text) − p(label | text without the word)); `words` holds the top label's
 * @property {TextEncoding} [tokens] with {tokens: true}: the model inputs made from the text
 * @property {Float32Array} [embedding] search with {embedding: true}: the query's embedding
 */

/**
 * @typedef {object} Corpus a search corpus ready for ranking
 * @property {{title: string, text: string}[]} documents
 * @property {Int8Array} codes count × dims, row-major
 * @property {Float64Array} norms each row's Euclidean norm (of the codes)
 * @property {number} count
 * @property {number} dims
 */

// ---- loading (once per worker) ----

/** @type {Map<string, Promise<TextTokenizer>>} */
const tokenizers = new Map();
/** @type {Map<string, Promise<Corpus>>} */
const corpora = new Map();

/** Forget the loaded tokenizers and corpora (tests). */
export function clearTextCaches() {
  tokenizers.clear();
  corpora.clear();
}

/**
 * `load()` once per key; a failure is forgotten so that the next call tries again.
 * @template T
 * @param {Map<string, Promise<T>>} cache
 * @param {string} key
 * @param {() => Promise<T>} load
 * @returns {Promise<T>}
 */
export function once(cache, key, load) {
  let promise = cache.get(key);
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    promise.catch(() => {
      if (cache.get(key) === promise) cache.delete(key);
    });
  }
  return promise;
}

/**
 * The artifact the spec names by `url` (its sha256 and size come from the manifest entry's `artifacts`).
 * @param {any} spec
 * @param {string} url
 * @param {string} what for messages
 * @returns {ArtifactRef}
 */
export function artifactOf(spec, url, what) {
  const found = /** @type {ArtifactRef[]} */ (spec.artifacts ?? []).find((a) => a.url === url);
  if (typeof url !== 'string' || !found || typeof found.sha256 !== 'string') {
    throw new VitrineError(ERROR_CODE.badRequest,
      `The model's ${what} (${url}) is not among its artifacts, so it cannot be checked and was not requested. Rebuild the site.`);
  }
  return found;
}

/**
 * The verified bytes of an artifact (Cache API first, like model files).
 * @param {ArtifactRef} artifact
 * @param {TextEnv} env
 */
export function fetchArtifact(artifact, env) {
  return fetchModel(artifact.url, {
    sha256: artifact.sha256,
    bytes: artifact.bytes,
    fetchImpl: env.fetchImpl,
    ...(env.site !== undefined ? { site: env.site } : {}),
    ...(env.cacheStorage !== undefined ? { cacheStorage: env.cacheStorage } : {}),
  });
}

/**
 * The model's tokenizer, loaded on first use and kept (keyed by content and length limit).
 * @param {any} spec
 * @param {TextEnv} env
 * @returns {Promise<TextTokenizer>}
 */
export function tokenizerFor(spec, env) {
  const pre = spec.preprocessing;
  const artifact = artifactOf(spec, pre.tokenizer, 'tokenizer');
  return once(tokenizers, `${artifact.sha256}:${pre.max_tokens}`, async () => {
    const [bytes, Tokenizer] = await Promise.all([
      fetchArtifact(artifact, env),
      (env.tokenizerLibrary ?? loadTokenizerLibrary)().catch((e) => {
        throw new VitrineError(ERROR_CODE.download, `The tokenizer could not be loaded: ${e instanceof Error ? e.message : e}.`);
      }),
    ]);
    try {
      return createTokenizer(Tokenizer, JSON.parse(new TextDecoder().decode(bytes)), pre.max_tokens);
    } catch (e) {
      throw new VitrineError(ERROR_CODE.session, `The model's tokenizer file cannot be used: ${e instanceof Error ? e.message : e}.`);
    }
  });
}

/**
 * The search corpus (documents and int8 embeddings), loaded on first use and kept.
 * @param {any} spec
 * @param {TextEnv} env
 * @returns {Promise<Corpus>}
 */
export function corpusFor(spec, env) {
  const c = spec.postprocessing.corpus;
  const documents = artifactOf(spec, c.documents, 'document list');
  const embeddings = artifactOf(spec, c.embeddings, 'document embeddings');
  return once(corpora, `${documents.sha256}:${embeddings.sha256}`, async () => {
    const [docBytes, codeBytes] = await Promise.all([fetchArtifact(documents, env), fetchArtifact(embeddings, env)]);
    let docs;
    try {
      docs = JSON.parse(new TextDecoder().decode(docBytes));
    } catch {
      docs = null;
    }
    return makeCorpus(docs, new Int8Array(codeBytes.buffer, codeBytes.byteOffset, codeBytes.byteLength), c);
  });
}

/**
 * Check the corpus against the manifest's numbers and precompute each row's norm.
 * @param {unknown} documents parsed documents JSON
 * @param {Int8Array} codes
 * @param {{count: number, dims: number, encoding: string}} info postprocessing.corpus
 * @returns {Corpus}
 */
export function makeCorpus(documents, codes, { count, dims, encoding }) {
  const damaged = (/** @type {string} */ why) => new VitrineError(ERROR_CODE.integrity,
    `The search corpus does not fit the manifest (${why}); the site's build is damaged. Rebuild the site.`);
  if (encoding !== 'int8-rows') throw damaged(`unknown encoding ${JSON.stringify(encoding)}`);
  if (!Array.isArray(documents) || documents.length !== count) {
    throw damaged(`${Array.isArray(documents) ? documents.length : 'no'} documents, the manifest says ${count}`);
  }
  if (!documents.every((d) => d && typeof d.title === 'string' && typeof d.text === 'string')) {
    throw damaged('a document lacks its title or text');
  }
  if (codes.length !== count * dims) throw damaged(`${codes.length} embedding values, expected ${count} × ${dims}`);
  const norms = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let j = i * dims, end = j + dims; j < end; j++) sum += codes[j] * codes[j];
    norms[i] = Math.sqrt(sum);
  }
  return { documents, codes, norms, count, dims };
}

// ---- pure parts ----

/**
 * Softmax in float64, as builder/tasks/text.py softmax (the max subtracted first).
 * @param {ArrayLike<number>} logits
 * @returns {number[]}
 */
export function softmax(logits) {
  const values = Array.from(logits, Number);
  const max = Math.max(...values);
  const exp = values.map((v) => Math.exp(v - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/**
 * Every label with its probability, best first (ties: the lower index first, like numpy's stable argsort).
 * @param {ArrayLike<number>} logits one row
 * @param {string[]} labels
 * @returns {LabelScore[]}
 */
export function labelScores(logits, labels) {
  if (logits.length < labels.length || !Array.from(logits, Number).every(Number.isFinite)) {
    throw new VitrineError(ERROR_CODE.run, 'The model returned invalid scores for this text, so there is no prediction.');
  }
  const p = softmax(Array.from(logits, Number).slice(0, labels.length));
  return [...p.keys()].sort((a, b) => p[b] - p[a] || a - b).map((index) => ({ label: labels[index], score: p[index], index }));
}

/**
 * The `k` corpus rows closest to `query` by cosine, best first; ties: the lower index first.
 * score_i = (codes_i · q) / (‖codes_i‖ ‖q‖) in float64, norms floored at 1e-12 as in Python.
 * @param {ArrayLike<number>} query
 * @param {Corpus} corpus
 * @param {number} k
 * @returns {{index: number, score: number}[]}
 */
export function rankCorpus(query, corpus, k) {
  const { codes, norms, count, dims } = corpus;
  if (query.length !== dims) {
    throw new VitrineError(ERROR_CODE.run, `The model returned an embedding of ${query.length} values; the corpus has ${dims}.`);
  }
  const q = Float64Array.from(query, Number);
  let qq = 0;
  for (let j = 0; j < dims; j++) qq += q[j] * q[j];
  if (!Number.isFinite(qq)) throw new VitrineError(ERROR_CODE.run, 'The model returned an invalid embedding for this text, so there is no result.');
  const qNorm = Math.max(Math.sqrt(qq), NORM_FLOOR);
  k = Math.max(0, Math.min(k, count));
  if (k === 0) return [];
  /** @type {{index: number, score: number}[]} best first, at most k */
  const top = [];
  for (let i = 0; i < count; i++) {
    let dot = 0;
    for (let j = 0, o = i * dims; j < dims; j++) dot += codes[o + j] * q[j];
    const score = dot / (Math.max(norms[i], NORM_FLOOR) * qNorm);
    // Rows come in index order, so an equal score goes after those already kept.
    if (top.length === k && !(score > top[k - 1].score)) continue;
    let at = top.length;
    while (at > 0 && score > top[at - 1].score) at--;
    top.splice(at, 0, { index: i, score });
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * The first `limit` words of `text` (Intl.Segmenter word-like segments), with UTF-16 offsets. Where
 * there is no Intl.Segmenter (Firefox before 125), runs of letters, marks and digits are the words.
 * @param {string} text
 * @param {number} [limit]
 * @param {typeof Intl.Segmenter | null} [Segmenter] null: as if there were none (tests)
 * @returns {{words: {text: string, start: number, end: number}[], more: boolean}} more: the text has more words
 */
export function segmentWords(text, limit = MAX_WORDS, Segmenter = Intl.Segmenter) {
  /** @type {{text: string, start: number, end: number}[]} */
  const words = [];
  const segments = typeof Segmenter === 'function'
    ? new Segmenter(undefined, { granularity: 'word' }).segment(text)
    : null;
  if (segments) {
    for (const s of segments) {
      if (!s.isWordLike) continue;
      if (words.length === limit) return { words, more: true };
      words.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
    }
    return { words, more: false };
  }
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    if (words.length === limit) return { words, more: true };
    words.push({ text: m[0], start: /** @type {number} */ (m.index), end: /** @type {number} */ (m.index) + m[0].length });
  }
  return { words, more: false };
}

/**
 * `text` once per word, with that word cut out (the characters around it stay as they are).
 * @param {string} text
 * @param {{start: number, end: number}[]} words
 * @returns {string[]}
 */
export function withoutEachWord(text, words) {
  return words.map(({ start, end }) => text.slice(0, start) + text.slice(end));
}

/**
 * Encodings as one batch of int64 [N, T] feeds, right-padded with zeros (attention mask 0 on padding),
 * as builder/tasks/text.py padded does.
 * @param {TextEncoding[]} encodings
 * @param {string[]} names the graph inputs for ids, attention mask and token type ids
 * @returns {TensorMap}
 */
export function batchFeeds(encodings, names) {
  const n = encodings.length;
  const width = Math.max(0, ...encodings.map((e) => e.ids.length));
  const ids = new BigInt64Array(n * width);
  const mask = new BigInt64Array(n * width);
  const types = new BigInt64Array(n * width);
  encodings.forEach((e, row) => {
    const o = row * width;
    for (let t = 0; t < e.ids.length; t++) {
      ids[o + t] = BigInt(e.ids[t]);
      mask[o + t] = BigInt(e.attentionMask[t]);
      types[o + t] = BigInt(e.typeIds[t]);
    }
  });
  const [idsName, maskName, typesName] = names;
  return {
    [idsName]: { type: 'int64', dims: [n, width], data: ids },
    [maskName]: { type: 'int64', dims: [n, width], data: mask },
    [typesName]: { type: 'int64', dims: [n, width], data: types },
  };
}

/**
 * Word weights by occlusion: weight = p(top | text) − p(top | text without the word), from one
 * batched run's logits [N, labels] (row i: without word i).
 * @param {{text: string, start: number, end: number}[]} words
 * @param {ArrayLike<number>} logits N × labels, row-major
 * @param {number} labels
 * @param {number} top the top label's index
 * @param {number} full p(top | text)
 * @returns {WordWeight[]}
 */
export function occlusionWeights(words, logits, labels, top, full) {
  const p = Array.from({ length: labels }, (_, k) => (k === top ? full : 0));
  return wordWeights(words, occlusionValues(words.length, logits, labels, p)[top]);
}

/**
 * Words with their weights (one label's occlusion values).
 * @param {{text: string, start: number, end: number}[]} words
 * @param {number[]} weights
 * @returns {WordWeight[]}
 */
function wordWeights(words, weights) {
  return words.map((w, i) => ({ text: w.text, start: w.start, end: w.end, weight: weights[i] }));
}

/**
 * Every label's occlusion values: values[k][i] = p(k | text) − p(k | text without word i).
 * @param {number} n words
 * @param {ArrayLike<number>} logits n × labels, row-major
 * @param {number} labels
 * @param {number[]} full p(k | text), in label order
 * @returns {number[][]} [label][word]
 */
export function occlusionValues(n, logits, labels, full) {
  const values = Array.from({ length: labels }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: labels }, (_, j) => Number(logits[i * labels + j]));
    if (!row.every(Number.isFinite)) throw new VitrineError(ERROR_CODE.run, 'The model returned invalid scores while weighing the words.');
    softmax(row).forEach((p, k) => { values[k][i] = full[k] - p; });
  }
  return values;
}

// ---- the handlers ----

/**
 * A text input, checked: a string (anything else is refused with a message saying so).
 * @param {unknown} input
 * @returns {string}
 */
export function checkText(input) {
  if (typeof input === 'string') return input;
  const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
  throw new VitrineError(ERROR_CODE.badInput, `predict() takes a text (a string) for this model, got ${kind}.`);
}

/**
 * The notice for a text longer than the model reads.
 * @param {TextTokenizer} tokenizer
 */
export function truncationNotice(tokenizer) {
  const kept = tokenizer.maxTokens - 2;
  return `This text is longer than the model reads: only its first ${kept} word pieces were used, so the rest does not change the answer.`;
}

/**
 * text → tokens → int64 [1, T] feeds (and, for search, the corpus, loaded alongside the tokenizer).
 * @param {unknown} input
 * @param {any} spec
 * @param {TextEnv} env
 * @returns {Promise<import('./predict.js').Prepared>}
 */
export async function prepareText(input, spec, env) {
  const text = checkText(input);
  const search = spec.postprocessing?.kind === 'semantic-search';
  if (search && text.trim() === '') throw new VitrineError(ERROR_CODE.badInput, 'Type a question to search.');
  const [tokenizer, corpus] = await Promise.all([tokenizerFor(spec, env), search ? corpusFor(spec, env) : null]);
  const encoding = tokenizer.encode(text);
  return {
    feeds: batchFeeds([encoding], spec.preprocessing.inputs),
    context: { text, tokenizer, encoding, corpus },
    notice: encoding.truncated ? truncationNotice(tokenizer) : undefined,
  };
}

/**
 * logits → every label, best first; with {words: true} each word's weight by occlusion (one more run).
 * @param {Record<string, OutputTensor>} outputs
 * @param {any} spec
 * @param {Record<string, unknown>} options {words?, tokens?}
 * @param {import('./predict.js').Prepared} prepared
 * @param {TextEnv} env
 * @returns {Promise<TextOutput>}
 */
export async function finishTextClassification(outputs, spec, options, prepared, env) {
  const name = spec.postprocessing.logits_output;
  const logits = outputs[name];
  if (!logits) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${name}".`);
  const items = labelScores(/** @type {ArrayLike<number>} */ (logits.data), spec.labels);
  /** @type {TextOutput} */
  const out = { items };
  if (options.tokens === true) out.tokens = prepared.context.encoding;
  if (options.words === true) {
    const { text, tokenizer } = prepared.context;
    const { words, more } = segmentWords(text);
    out.words = [];
    out.wordsMs = 0;
    if (more) {
      const note = `Word weights cover the first ${MAX_WORDS} words only.`;
      prepared.notice = prepared.notice ? `${prepared.notice} ${note}` : note;
    }
    if (words.length) {
      if (!env.run) throw new VitrineError(ERROR_CODE.badRequest, 'Word weights need the model: no run function was given.');
      const texts = withoutEachWord(text, words);
      /** @type {number[]} */
      const occluded = [];
      // In chunks, so a newer request cancels this one between runs (a 64 × 128-token run takes seconds).
      for (let i = 0; i < texts.length; i += OCCLUSION_CHUNK) {
        if (env.cancelled?.()) throw new VitrineError(ERROR_CODE.aborted, 'The prediction was cancelled.');
        const batch = await env.run(batchFeeds(texts.slice(i, i + OCCLUSION_CHUNK).map((t) => tokenizer.encode(t)), spec.preprocessing.inputs));
        const batchLogits = batch.outputs[name];
        if (!batchLogits) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${name}".`);
        occluded.push(...Array.from(/** @type {ArrayLike<number>} */ (batchLogits.data), Number));
        out.wordsMs += batch.ms;
      }
      const full = new Array(spec.labels.length).fill(0);
      for (const item of items) full[item.index] = item.score;
      out.wordValues = occlusionValues(words.length, occluded, spec.labels.length, full);
      out.words = wordWeights(words, out.wordValues[items[0].index]);
    }
  }
  return out;
}

/**
 * query embedding → the top k corpus documents by cosine.
 * @param {Record<string, OutputTensor>} outputs
 * @param {any} spec
 * @param {Record<string, unknown>} options {topK?, tokens?, embedding?}
 * @param {import('./predict.js').Prepared} prepared
 * @returns {TextOutput}
 */
export function finishSearch(outputs, spec, options, prepared) {
  const post = spec.postprocessing;
  const name = post.embedding_output;
  const embedding = outputs[name];
  if (!embedding) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${name}".`);
  /** @type {Corpus} */
  const corpus = prepared.context.corpus;
  const topK = typeof options.topK === 'number' && Number.isInteger(options.topK) && options.topK >= 1 ? options.topK : post.top_k;
  const data = /** @type {ArrayLike<number>} */ (embedding.data);
  const ranked = rankCorpus(data, corpus, topK);
  /** @type {TextOutput} */
  const out = {
    items: ranked.map(({ index, score }, i) => ({ rank: i + 1, index, score, title: corpus.documents[index].title, text: corpus.documents[index].text })),
  };
  if (options.tokens === true) out.tokens = prepared.context.encoding;
  if (options.embedding === true) out.embedding = Float32Array.from(data, Number);
  return out;
}
