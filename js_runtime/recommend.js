// Recommendation: the items a visitor picked → the model's input, and its output → the items to try next.
// Pure: no DOM. Used on the page (early checks in model.js) and in the worker (worker/predict.js), as
// series.js is. The ranking must match builder/tasks/recommendation.py answer() exactly.

/** @typedef {import('../worker/protocol.js').TensorMap} TensorMap */
/** @typedef {import('../worker/protocol.js').OutputTensor} OutputTensor */

/**
 * @typedef {object} Recommendation One item to try, best first.
 * @property {string} item its name (one of the model's labels)
 * @property {number} index its position in the labels
 * @property {number} score the model's score (larger = more likely to be picked too); only the order matters
 * @property {string | null} because the picked item that adds most to this score, or null when no picked
 *   item speaks for it
 */

/**
 * @typedef {object} Recommendations What a recommendation model's predict(items) answers.
 * @property {Recommendation[]} recommendations best first, none of them picked; fewer than topK when few
 *   items are left, none when every item was picked
 */

/**
 * @typedef {object} RecommendSpec What these functions need of a manifest entry.
 * @property {string[]} labels the item names, in the graph's item order
 * @property {{kind: string, input: string, count: number}} preprocessing
 * @property {{scores_output: string, because_output: string, support_output: string, top_k: number}} postprocessing
 * @property {{item_noun?: string}} [dataset] what an item is called in messages, e.g. "food"
 */

/**
 * The model's input from the picked item names: a [1, count] float32 tensor, 1 for each picked item.
 * Order does not matter and duplicates count once; anything else is refused with a message that says
 * what to give instead.
 * @param {unknown} items
 * @param {RecommendSpec} spec
 * @returns {TensorMap}
 */
export function itemsToFeeds(items, spec) {
  const { input, count } = spec.preprocessing;
  const noun = spec.dataset?.item_noun || 'item';
  const example = spec.labels.slice(0, 2).map((l) => JSON.stringify(l)).join(', ');
  if (!Array.isArray(items)) {
    throw new TypeError(`predict() takes the items picked for this model: an array of names from info.labels, e.g. [${example}]`);
  }
  if (items.length === 0) throw new Error(`Pick at least one ${noun}: the model recommends from what you pick.`);
  const data = new Float32Array(count);
  items.forEach((name, i) => {
    const index = typeof name === 'string' ? spec.labels.indexOf(name) : -1;
    if (index >= 0 && index < count) {
      data[index] = 1;
      return;
    }
    const like = JSON.stringify(typeof name === 'string' ? closest(name, spec.labels) : spec.labels[0]);
    throw new Error(typeof name === 'string'
      ? `Unknown ${noun} ${JSON.stringify(name)}: the names are m.info.labels (e.g. ${like}).`
      : `${capitalize(noun)} ${i + 1} is ${shown(name)}, not a name: the names are m.info.labels (e.g. ${like}).`);
  });
  return { [input]: { type: 'float32', dims: [1, count], data } };
}

/**
 * A predict() option `topK`: a whole number of items, 1 … the number of items; left out, the manifest's top_k.
 * @param {unknown} topK
 * @param {RecommendSpec} spec
 * @returns {number}
 */
export function checkTopK(topK, spec) {
  if (topK === undefined) return spec.postprocessing.top_k;
  const most = spec.labels.length;
  if (!(typeof topK === 'number' && Number.isInteger(topK) && topK >= 1 && topK <= most)) {
    throw new TypeError(`predict(): topK must be a whole number from 1 to ${most}, got ${shown(topK)}.`);
  }
  return topK;
}

/**
 * The `topK` best items that were not picked, from the model's first output row: by score, highest first,
 * equal scores by index (as Python's stable sort by −score); each with the picked item that adds most to
 * its score when that contribution is positive.
 * @param {Record<string, OutputTensor>} outputs
 * @param {RecommendSpec} spec
 * @param {Iterable<number>} picked indices of the picked items
 * @param {number} [topK]
 * @returns {Recommendations}
 */
export function readRecommendations(outputs, spec, picked, topK = spec.postprocessing.top_k) {
  const { scores_output, because_output, support_output } = spec.postprocessing;
  const n = spec.labels.length;
  const [scores, because, support] = [scores_output, because_output, support_output].map((name) => {
    const tensor = outputs[name];
    if (!tensor) throw new Error(`The model returned outputs ${Object.keys(outputs).join(', ')}, but the manifest expects "${name}".`);
    // int64 `because` arrives as a BigInt64Array: Number() reads both kinds
    const values = Array.from(/** @type {ArrayLike<number | bigint>} */ (tensor.data), Number).slice(0, n);
    if (values.length < n || !values.every(Number.isFinite)) {
      throw new Error(`The model's output "${name}" holds no finite value for each of its ${n} items.`);
    }
    return values;
  });
  const skip = new Set(picked);
  const order = [...scores.keys()].filter((i) => !skip.has(i)).sort((a, b) => scores[b] - scores[a] || a - b);
  return {
    recommendations: order.slice(0, topK).map((index) => {
      const source = support[index] > 0 ? spec.labels[because[index]] : null;
      if (source === undefined) throw new Error(`The model's output "${because_output}" names no item for "${spec.labels[index]}".`);
      return { item: spec.labels[index], index, score: scores[index], because: source };
    }),
  };
}

/**
 * The label a mistyped name most likely meant: the same but for case, one it begins, or one a few edits
 * away; else the first label, as an example.
 * @param {string} name
 * @param {string[]} labels
 * @returns {string}
 */
function closest(name, labels) {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return labels[0];
  const lower = labels.map((l) => l.toLowerCase());
  const same = lower.indexOf(wanted);
  if (same >= 0) return labels[same];
  const prefix = lower.findIndex((l) => l.startsWith(wanted));
  if (prefix >= 0) return labels[prefix];
  let best = 0;
  let bestDistance = Infinity;
  lower.forEach((l, i) => {
    const d = editDistance(wanted, l);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return bestDistance <= Math.max(1, Math.floor(wanted.length / 3)) ? labels[best] : labels[0];
}

/**
 * Levenshtein distance (insertions, deletions, substitutions).
 * @param {string} a
 * @param {string} b
 */
function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** @param {string} s */
function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A value as a message shows it (JSON.stringify fails on a BigInt and hides undefined).
 * @param {unknown} v
 */
function shown(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && v !== null) return 'an object';
  return String(v);
}
