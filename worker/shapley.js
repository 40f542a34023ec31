// Shapley values of one row's model outputs against a background set, as Python's `shap` computes them
// with an Independent masker (builder/explain.py): a coalition S takes its features from the row x and
// the others from a background row, and v(S) is the model's mean output over the whole background
// ("interventional" values). Pure: no ORT, no DOM; the model is an `evaluate(rows)` callback, called
// with large batches of rows (one session run each), never once per row.
//
// Two methods:
// - exactShapley: every one of the 2^F coalitions (F ≤ 16), φ_i = Σ_S |S|!(F−|S|−1)!/F! (v(S∪{i}) − v(S));
//   equal to shap's Exact explainer.
// - kernelShap: KernelSHAP (Lundberg & Lee 2017) as shap's KernelExplainer samples it — whole coalition
//   sizes enumerated while the budget allows, the rest drawn by the Shapley kernel (paired with their
//   complements), then a weighted least-squares fit constrained to Σφ = f(x) − base. Seeded (mulberry32),
//   so the same seed gives the same numbers; with enough samples it reaches the exact values.
// Sums run in float64. Both check `cancelled()` before every batch, so a superseded request stops early.
import { ERROR_CODE, VitrineError } from './protocol.js';
import { mulberry32 } from './sampling.js';

/** Exact values enumerate 2^F coalitions: at most this many features. */
export const EXACT_MAX_FEATURES = 16;
/** Rows per evaluate() call unless told otherwise: a few large session runs. */
export const BATCH_ROWS = 8192;
/** KernelSHAP's coalition budget unless told otherwise, as shap's: 2F + 2048. */
export const defaultSamples = (/** @type {number} */ features) => 2 * features + 2048;

/** @typedef {(string|number)[]} FeatureRow one value per feature, in the explainer's feature order */
/**
 * @typedef {(rows: FeatureRow[]) => Promise<ArrayLike<number>[]>} Evaluate the model: one output vector
 *   (e.g. class probabilities) per row, in order
 */
/**
 * @typedef {object} ShapleyOptions
 * @property {number} [batchRows] at most this many rows per evaluate() call (a coalition's background rows
 *   stay in one call, so a call may hold more when the background alone is larger)
 * @property {() => boolean} [cancelled] true once the caller gave up: throws an AbortError before the next batch
 */
/**
 * @typedef {ShapleyOptions & {samples?: number, seed?: number}} KernelOptions
 *   samples: coalitions to evaluate (default 2F + 2048; capped at the 2^F − 2 there are); seed: the PRNG's (default 0)
 */
/**
 * @typedef {object} ShapleyResult
 * @property {number[]} base v(∅): the mean output over the background (shap's expected value), per output
 * @property {number[][]} values [output][feature]; base + Σ_features values = prediction
 * @property {number[]} prediction f(x), per output
 * @property {number} evaluations rows the model was run on
 * @property {number} coalitions coalitions evaluated (the empty one included)
 */

/**
 * Exact interventional Shapley values: all 2^F coalitions, each over every background row.
 * @param {FeatureRow} x
 * @param {FeatureRow[]} background
 * @param {Evaluate} evaluate
 * @param {ShapleyOptions} [options]
 * @returns {Promise<ShapleyResult>}
 */
export async function exactShapley(x, background, evaluate, options = {}) {
  const F = checkInputs(x, background);
  if (F > EXACT_MAX_FEATURES) {
    throw new VitrineError(ERROR_CODE.badInput,
      `Exact Shapley values need every coalition of features (2^${F}); this model has ${F} features, ` +
      `more than ${EXACT_MAX_FEATURES}. Use method "kernel".`);
  }
  const count = 2 ** F;
  const { prediction, v, evaluations } = await coalitionValues(x, background, count,
    (c, j) => ((c >>> j) & 1) === 1, evaluate, options);
  const K = prediction.length;
  // w(s) = s!(F−s−1)!/F! = 1 / (F · C(F−1, s))
  const weight = Array.from({ length: F }, (_, s) => 1 / (F * binomial(F - 1, s)));
  const phi = Array.from({ length: K }, () => new Float64Array(F));
  for (let mask = 0; mask < count; mask++) {
    const w = weight[popcount(mask)];
    for (let i = 0; i < F; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      const without = mask * K;
      const withI = (mask | bit) * K;
      for (let k = 0; k < K; k++) phi[k][i] += w * (v[withI + k] - v[without + k]);
    }
  }
  return {
    base: Array.from(v.subarray(0, K)),
    values: phi.map((row) => Array.from(row)),
    prediction,
    evaluations,
    coalitions: count,
  };
}

/**
 * KernelSHAP: sampled coalitions, weighted least squares with Σφ = f(x) − base.
 * @param {FeatureRow} x
 * @param {FeatureRow[]} background
 * @param {Evaluate} evaluate
 * @param {KernelOptions} [options]
 * @returns {Promise<ShapleyResult>}
 */
export async function kernelShap(x, background, evaluate, options = {}) {
  const F = checkInputs(x, background);
  const { samples = defaultSamples(F), seed = 0 } = options;
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be a whole number ≥ 1, got ${samples}.`);
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xFFFFFFFF)) throw new RangeError(`seed must be a whole number 0..4294967295, got ${seed}.`);
  const { masks, weights } = kernelCoalitions(F, samples, seed);
  // Coalition 0 is the empty one (v(∅) = base); the sampled ones follow.
  const { prediction, v, evaluations } = await coalitionValues(x, background, masks.length + 1,
    (c, j) => c > 0 && masks[c - 1][j] === 1, evaluate, options);
  const K = prediction.length;
  const base = Array.from(v.subarray(0, K));
  const values = base.map((b, k) => {
    const y = Float64Array.from(masks, (_, c) => v[(c + 1) * K + k] - b);
    return solveConstrained(masks, weights, y, prediction[k] - b, F);
  });
  return { base, values, prediction, evaluations, coalitions: masks.length + 1 };
}

/**
 * The coalitions KernelSHAP evaluates and their regression weights, as shap's KernelExplainer chooses
 * them: coalition sizes s and F − s from the smallest up are enumerated completely while the budget
 * covers them at their share of the Shapley kernel; the remaining budget is drawn (a size by the
 * kernel, then a uniform subset of that size, plus its complement), a repeat adding weight to the
 * coalition drawn before. Weights sum to 1.
 * @param {number} F features (≥ 1)
 * @param {number} samples coalition budget
 * @param {number} seed
 * @returns {{masks: Uint8Array[], weights: Float64Array}}
 */
export function kernelCoalitions(F, samples, seed) {
  /** @type {Uint8Array[]} */
  const masks = [];
  /** @type {number[]} */
  const weights = [];
  if (F < 2) return { masks, weights: new Float64Array(0) }; // one feature: φ = f(x) − base, nothing to fit
  const proper = F <= 52 ? 2 ** F - 2 : Infinity;
  let left = Math.min(samples, proper);
  const sizes = Math.ceil((F - 1) / 2); // s and F − s are one "size" pair
  const paired = Math.floor((F - 1) / 2); // sizes whose complement has another size
  const kernel = Array.from({ length: sizes }, (_, i) => {
    const s = i + 1;
    return ((F - 1) / (s * (F - s))) * (s <= paired ? 2 : 1);
  });
  const total = kernel.reduce((a, b) => a + b, 0);
  const share = kernel.map((k) => k / total);
  let remaining = share.slice();
  let full = 0;
  for (let i = 0; i < sizes; i++) {
    const s = i + 1;
    const count = binomial(F, s) * (s <= paired ? 2 : 1);
    if (left * remaining[i] / count < 1 - 1e-8) break;
    full++;
    left -= count;
    if (remaining[i] < 1) {
      const rest = 1 - remaining[i];
      remaining = remaining.map((r) => r / rest);
    }
    const w = share[i] / binomial(F, s) / (s <= paired ? 2 : 1);
    for (const subset of combinations(F, s)) {
      const mask = new Uint8Array(F);
      for (const j of subset) mask[j] = 1;
      masks.push(mask);
      weights.push(w);
      if (s <= paired) {
        masks.push(mask.map((b) => 1 - b));
        weights.push(w);
      }
    }
  }
  const fixed = masks.length;
  if (full < sizes && left > 0) {
    // Sizes still to draw, each by its kernel share (per drawn pair: the pair counts once).
    const p = kernel.slice(full).map((k, i) => (full + i + 1 <= paired ? k / 2 : k));
    const sum = p.reduce((a, b) => a + b, 0);
    const cumulative = [];
    let acc = 0;
    for (const q of p) cumulative.push((acc += q / sum));
    const draw = mulberry32(seed);
    /** @type {Map<string, number>} */
    const seen = new Map();
    /** @param {Uint8Array} mask */
    const add = (mask) => {
      const key = mask.join('');
      const at = seen.get(key);
      if (at !== undefined) {
        weights[at] += 1;
        return;
      }
      seen.set(key, masks.length);
      masks.push(mask);
      weights.push(1);
      left--;
    };
    // shap draws 4× the budget of sizes and stops there (repeats do not count towards it).
    for (let tries = 4 * left; left > 0 && tries > 0; tries--) {
      const u = draw();
      let i = cumulative.findIndex((c) => u < c);
      if (i < 0) i = cumulative.length - 1;
      const s = full + i + 1;
      const mask = randomSubset(F, s, draw);
      add(mask);
      if (left > 0 && s <= paired) add(mask.map((b) => 1 - b));
    }
    // The drawn coalitions share the kernel weight that the enumerated sizes left.
    const weightLeft = share.slice(full).reduce((a, b) => a + b, 0);
    let drawn = 0;
    for (let c = fixed; c < weights.length; c++) drawn += weights[c];
    for (let c = fixed; c < weights.length; c++) weights[c] *= weightLeft / drawn;
  }
  return { masks, weights: Float64Array.from(weights) };
}

/**
 * Weighted least squares for φ with Σφ = total, the last feature eliminated (as shap does):
 * y − z_F·total ≈ Σ_{j<F} φ_j (z_j − z_F).
 * @param {Uint8Array[]} masks
 * @param {Float64Array} weights
 * @param {Float64Array} y v(S) − base per coalition
 * @param {number} total f(x) − base
 * @param {number} F
 * @returns {number[]}
 */
export function solveConstrained(masks, weights, y, total, F) {
  if (F === 1) return [total];
  const n = F - 1;
  const A = Array.from({ length: n }, () => new Float64Array(n));
  const b = new Float64Array(n);
  const row = new Float64Array(n);
  masks.forEach((mask, c) => {
    const last = mask[F - 1];
    for (let j = 0; j < n; j++) row[j] = mask[j] - last;
    const w = weights[c];
    const target = y[c] - last * total;
    for (let i = 0; i < n; i++) {
      if (row[i] === 0) continue;
      const wi = w * row[i];
      b[i] += wi * target;
      for (let j = 0; j < n; j++) A[i][j] += wi * row[j];
    }
  });
  const phi = solveSymmetric(A, b);
  let sum = 0;
  for (const p of phi) sum += p;
  return [...phi, total - sum];
}

/**
 * A·x = b by Gaussian elimination with partial pivoting; a (near-)singular A, which too few coalitions
 * give, gets a tiny ridge so that the answer stays finite (the minimum-norm direction).
 * @param {Float64Array[]} A n × n, left unchanged
 * @param {Float64Array} b
 * @returns {number[]}
 */
export function solveSymmetric(A, b) {
  const n = b.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(A[i][i]));
  for (const ridge of [0, 1e-10 * (scale || 1), 1e-6 * (scale || 1)]) {
    const x = eliminate(A.map((r, i) => {
      const copy = Float64Array.from(r);
      copy[i] += ridge;
      return copy;
    }), Float64Array.from(b), 1e-12 * (scale || 1));
    if (x) return x;
  }
  return Array.from({ length: n }, () => 0);
}

/**
 * @param {Float64Array[]} M modified in place
 * @param {Float64Array} r modified in place
 * @param {number} tiny a pivot below this means singular
 * @returns {number[] | null}
 */
function eliminate(M, r, tiny) {
  const n = r.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(M[i][col]) > Math.abs(M[pivot][col])) pivot = i;
    if (!(Math.abs(M[pivot][col]) > tiny)) return null;
    [M[col], M[pivot]] = [M[pivot], M[col]];
    [r[col], r[pivot]] = [r[pivot], r[col]];
    for (let i = col + 1; i < n; i++) {
      const f = M[i][col] / M[col][col];
      if (f === 0) continue;
      for (let j = col; j < n; j++) M[i][j] -= f * M[col][j];
      r[i] -= f * r[col];
    }
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = r[i];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x.every(Number.isFinite) ? x : null;
}

/**
 * f(x), and v(c) for coalitions c = 0..count−1 (`inCoalition(c, j)`: feature j comes from x), each the
 * mean over the background; evaluated in batches of whole coalitions.
 * @param {FeatureRow} x
 * @param {FeatureRow[]} background
 * @param {number} count
 * @param {(c: number, j: number) => boolean} inCoalition
 * @param {Evaluate} evaluate
 * @param {ShapleyOptions} options
 * @returns {Promise<{prediction: number[], v: Float64Array, evaluations: number}>} v: count × K, row-major
 */
async function coalitionValues(x, background, count, inCoalition, evaluate, { batchRows = BATCH_ROWS, cancelled = () => false }) {
  const F = x.length;
  const B = background.length;
  checkCancelled(cancelled);
  const [first] = await checkedOutputs(evaluate, [x], null);
  const prediction = Array.from(first, Number);
  const K = prediction.length;
  const v = new Float64Array(count * K);
  const perBatch = Math.max(1, Math.floor(batchRows / B));
  const from = new Uint8Array(F);
  for (let start = 0; start < count; start += perBatch) {
    checkCancelled(cancelled);
    const end = Math.min(count, start + perBatch);
    /** @type {FeatureRow[]} */
    const rows = [];
    for (let c = start; c < end; c++) {
      for (let j = 0; j < F; j++) from[j] = inCoalition(c, j) ? 1 : 0;
      for (const b of background) rows.push(b.map((value, j) => (from[j] ? x[j] : value)));
    }
    const outputs = await checkedOutputs(evaluate, rows, K);
    for (let c = start; c < end; c++) {
      const at = c * K;
      for (let r = (c - start) * B; r < (c - start + 1) * B; r++) {
        const out = outputs[r];
        for (let k = 0; k < K; k++) v[at + k] += out[k];
      }
      for (let k = 0; k < K; k++) v[at + k] /= B;
    }
  }
  checkCancelled(cancelled);
  return { prediction, v, evaluations: 1 + count * B };
}

/**
 * @param {Evaluate} evaluate
 * @param {FeatureRow[]} rows
 * @param {number | null} K outputs per row (null: learn it from this call)
 */
async function checkedOutputs(evaluate, rows, K) {
  const outputs = await evaluate(rows);
  const width = K ?? outputs?.[0]?.length;
  const bad = !Array.isArray(outputs) || outputs.length !== rows.length || !(Number.isInteger(width) && width > 0) ||
    outputs.some((o) => o?.length !== width || !Array.prototype.every.call(o, Number.isFinite));
  if (bad) {
    throw new VitrineError(ERROR_CODE.run,
      'The model returned invalid outputs while explaining this row (not one finite vector per row), so there is no explanation.');
  }
  return outputs;
}

/**
 * @param {FeatureRow} x
 * @param {FeatureRow[]} background
 * @returns {number} F
 */
function checkInputs(x, background) {
  if (!Array.isArray(x) || x.length === 0) throw new TypeError('The row to explain must have at least one feature.');
  if (!Array.isArray(background) || background.length === 0) throw new TypeError('The background must have at least one row.');
  if (background.some((b) => !Array.isArray(b) || b.length !== x.length)) {
    throw new TypeError(`Every background row must have the row's ${x.length} features.`);
  }
  return x.length;
}

/** @param {() => boolean} cancelled */
function checkCancelled(cancelled) {
  if (!cancelled()) return;
  const e = new VitrineError(ERROR_CODE.aborted, 'The explanation was cancelled.');
  e.name = 'AbortError';
  throw e;
}

/**
 * @param {number} mask
 * @returns {number}
 */
function popcount(mask) {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/**
 * C(n, k) in float64 (exact for the sizes used here).
 * @param {number} n
 * @param {number} k
 */
export function binomial(n, k) {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= m; i++) r = (r * (n - m + i)) / i;
  return Math.round(r);
}

/**
 * The k-subsets of 0..n−1 in lexicographic order (as itertools.combinations).
 * @param {number} n
 * @param {number} k
 * @returns {Generator<number[]>}
 */
export function* combinations(n, k) {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

/**
 * A uniform random subset of size s of 0..F−1, as a 0/1 mask (partial Fisher–Yates).
 * @param {number} F
 * @param {number} s
 * @param {() => number} draw uniform in [0, 1)
 */
function randomSubset(F, s, draw) {
  const order = Array.from({ length: F }, (_, i) => i);
  const mask = new Uint8Array(F);
  for (let i = 0; i < s; i++) {
    const j = i + Math.floor(draw() * (F - i));
    [order[i], order[j]] = [order[j], order[i]];
    mask[order[i]] = 1;
  }
  return mask;
}
