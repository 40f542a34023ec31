// Next-token choice for text generation, equal to builder/sampling.py (the reference): the same PRNG
// (mulberry32, 32-bit integer arithmetic) and the same float64 steps in the same order, so a seeded
// sampled answer is reproducible, and on Python's logits the worker picks what Python picks (the parity
// fixture's `sampler_cases` and `sampled` hold it to that). Pure: no ORT, no DOM.
//
// The one step that is not bit-for-bit the same by construction is exp(): V8's Math.exp (an fdlibm
// port) and the C library's may differ in the last bit. A pick can only change if a draw lands within
// about 1e-16 of a boundary between two tokens' cumulative probabilities.

/** The largest seed: mulberry32 keeps 32 bits. */
export const MAX_SEED = 0xFFFFFFFF;
/** Above this many kept tokens (top_k), one full sort is cheaper than keeping a sorted top list. */
const SELECT_LIMIT = 256;

/**
 * A stream of draws in [0, 1) from mulberry32(seed >>> 0), as builder/sampling.py mulberry32.
 * @param {number} seed an integer 0..2^32-1 (other numbers are taken modulo 2^32)
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The index of the largest value, the first one on ties (greedy decoding: no draw).
 * @param {ArrayLike<number>} logits
 * @returns {number}
 */
export function argmax(logits) {
  let best = 0;
  let top = logits[0];
  for (let i = 1; i < logits.length; i++) {
    if (logits[i] > top) {
      top = logits[i];
      best = i;
    }
  }
  return best;
}

/**
 * Indices ordered by value descending, ties by the lower index first (numpy lexsort((arange, -row))).
 * One numeric sort of packed keys instead of a comparator sort (about 10× faster on 49 152 logits):
 * a float32's bits, made order-preserving, times 65 536 plus the index, fit a float64 exactly.
 * @param {ArrayLike<number>} logits float32 values
 * @returns {Uint32Array}
 */
export function descendingOrder(logits) {
  const n = logits.length;
  if (n > 65536) {
    return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
  }
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f32[0] = logits[i] === 0 ? 0 : logits[i]; // -0 and 0 tie, as in numpy
    const bits = u32[0];
    // Larger float → larger `ordered`; the key ascends as the value descends.
    const ordered = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    keys[i] = (0xFFFFFFFF - ordered) * 65536 + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = keys[i] % 65536;
  return order;
}

/**
 * The first `k` of descendingOrder(logits) without sorting everything: one pass that keeps a sorted
 * list of the best k (a later equal value never displaces an earlier index).
 * @param {ArrayLike<number>} logits
 * @param {number} k 1..SELECT_LIMIT
 * @returns {number[]}
 */
function topIndices(logits, k) {
  /** @type {number[]} */
  const best = [];
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i];
    if (best.length === k && !(v > logits[best[k - 1]])) continue;
    let at = best.length;
    while (at > 0 && v > logits[best[at - 1]]) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * One token index from one row of logits, as builder/sampling.py pick: greedy (argmax, no draw) when
 * temperature <= 0; else softmax at `temperature` over the top_k (0: all), cut to the shortest prefix
 * whose probability reaches top_p, renormalised, and one draw walks the cumulative sum.
 * @param {ArrayLike<number>} logits one row (float32 values; NaN not allowed, see checkLogits)
 * @param {number} temperature
 * @param {number} topK 0 = off
 * @param {number} topP 0 < top_p <= 1; 1 = off
 * @param {() => number} draw the PRNG (mulberry32)
 * @returns {number}
 */
export function pick(logits, temperature, topK, topP, draw) {
  if (temperature <= 0) return argmax(logits);
  const n = logits.length;
  const k = topK > 0 ? Math.min(topK, n) : n;
  const order = k <= SELECT_LIMIT ? topIndices(logits, k) : descendingOrder(logits).subarray(0, k);
  const top = Number(logits[order[0]]);
  const probs = new Float64Array(k);
  let total = 0;
  for (let j = 0; j < k; j++) {
    probs[j] = Math.exp((Number(logits[order[j]]) - top) / temperature);
    total += probs[j];
  }
  for (let j = 0; j < k; j++) probs[j] /= total;
  let keep = k;
  if (topP < 1) {
    let running = 0;
    for (let j = 0; j < k; j++) {
      running += probs[j];
      if (running >= topP) {
        keep = j + 1;
        break;
      }
    }
    // Rounding may leave the running sum short of top_p: then all are kept, over their sum.
    for (let j = 0; j < keep; j++) probs[j] /= running;
  }
  const u = draw();
  let running = 0;
  for (let j = 0; j < keep; j++) {
    running += probs[j];
    if (u < running) return order[j];
  }
  return order[keep - 1];
}

/**
 * Whether every value is finite (a NaN would make the order, and so the pick, undefined).
 * @param {ArrayLike<number>} logits
 */
export function finiteLogits(logits) {
  for (let i = 0; i < logits.length; i++) if (!Number.isFinite(logits[i])) return false;
  return true;
}
