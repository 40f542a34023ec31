// LIME for one tabular row (Ribeiro et al. 2016), as Python lime 0.2.0.1's LimeTabularExplainer computes
// it with its defaults, the training data being the background rows of the model's explanations artifact:
// - discretize_continuous=True, discretizer='quartile': each numeric feature is cut at the background's
//   25/50/75th percentiles (numpy's linear interpolation, repeated cuts merged); a categorical feature
//   keeps its values. lime then treats every feature as categorical.
// - The neighbourhood (`samples` rows, lime's num_samples, the row itself first): each feature's bin or
//   category is drawn from its background frequencies; the interpretable representation is binary, 1
//   where the draw equals the row's own bin or category. A numeric bin becomes a number again by a draw
//   from the normal of the background values in that bin (their mean and standard deviation + 1e-11),
//   truncated to the bin's bounds (lime's undiscretize), which the model then runs on.
// - Weights: lime's default kernel sqrt(exp(−d²/w²)) with w = 0.75·√F, d the euclidean distance of the
//   binary row from the row's own (all ones; lime's scaled data are the binary ones when discretizing).
// - Feature selection 'auto' with num_features=10: up to 10 features every feature is used ('auto'
//   picks 'highest_weights', which keeps all of them); above 10, the 10 with the largest
//   |coefficient| of a Ridge(alpha=0.01) fit (lime's 'highest_weights'), the others weigh 0.
// - Per output, a weighted Ridge(alpha=1, fit_intercept=True) (sklearn's, closed form): its coefficients
//   are the LIME weights, its intercept the base, its weighted R² the score.
// LIME weights do not add up to the prediction (intercept + Σ weights is the surrogate's value at the row).
//
// What differs from Python lime: the random numbers (mulberry32 draws, one uniform per sampled value,
// the truncated normal by inverse CDF, not numpy's RandomState), so values agree in distribution and
// a seed reproduces only this implementation's numbers; and a bin whose bounds coincide (min = max)
// gives that value, where lime 0.2.0.1 gives (min − mean)/std ≈ 0 (a lime bug). Pure: no ORT, no DOM.
import { ERROR_CODE, VitrineError } from './protocol.js';
import { mulberry32 } from './sampling.js';
import { BATCH_ROWS, solveSymmetric } from './shapley.js';

/** lime's num_samples default: rows in the neighbourhood, the explained row included. */
export const DEFAULT_SAMPLES = 5000;
/** lime's num_features default: above this many features only this many get a weight. */
export const NUM_FEATURES = 10;
/** lime's std floor of a bin (std += 1e-11). */
const STD_FLOOR = 1e-11;

/** @typedef {import('./shapley.js').FeatureRow} FeatureRow */
/** @typedef {import('./shapley.js').Evaluate} Evaluate */

/**
 * @typedef {object} LimeOptions
 * @property {number} [samples] neighbourhood rows, the explained row included (default 5000, as lime's num_samples)
 * @property {number} [seed] the PRNG's seed, 0..2^32−1 (default 0)
 * @property {number} [batchRows] at most this many rows per evaluate() call
 * @property {() => boolean} [cancelled] true once the caller gave up: throws an AbortError before the next batch
 */
/**
 * @typedef {object} LimeResult
 * @property {number[]} base the surrogate's intercept, per output
 * @property {number[][]} values [output][feature]: the LIME weights (Ridge coefficients; 0 for a feature
 *   that feature selection left out)
 * @property {number[]} prediction f(x), per output
 * @property {number[]} score the surrogate's weighted R² on the neighbourhood, per output
 * @property {number} evaluations rows the model was run on (= samples)
 * @property {number} samples neighbourhood rows, the explained row included
 * @property {number} kernelWidth 0.75·√F
 */

/**
 * A feature as lime's QuartileDiscretizer and sampler see it.
 * @typedef {object} FeatureStats
 * @property {boolean} categorical
 * @property {(string|number)[]} values the bins (numeric: bin indices) or categories that occur, sorted
 * @property {Float64Array} cumulative their cumulative frequencies
 * @property {number[]} cuts numeric: the distinct quartiles
 * @property {number[]} means numeric, per bin
 * @property {number[]} stds numeric, per bin (+ 1e-11)
 * @property {number[]} mins numeric, per bin: [min, ...cuts]
 * @property {number[]} maxs numeric, per bin: [...cuts, max]
 * @property {number[][]} bounds numeric, per bin: [a, b, Φ(a), Φ(b)], the bin's bounds as z-scores of its normal
 */

/**
 * LIME weights of one row's model outputs, as lime's LimeTabularExplainer (defaults) computes them.
 * @param {FeatureRow} x the row, in the background's feature order
 * @param {FeatureRow[]} background lime's training data
 * @param {boolean[]} categorical per feature: categorical (strings) or numeric
 * @param {Evaluate} evaluate
 * @param {LimeOptions} [options]
 * @returns {Promise<LimeResult>}
 */
export async function limeTabular(x, background, categorical, evaluate, options = {}) {
  const F = checkInputs(x, background, categorical);
  const { samples = DEFAULT_SAMPLES, seed = 0, batchRows = BATCH_ROWS, cancelled = () => false } = options;
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be a whole number ≥ 1, got ${samples}.`);
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xFFFFFFFF)) throw new RangeError(`seed must be a whole number 0..4294967295, got ${seed}.`);
  const stats = background[0].map((_, j) => featureStats(background.map((b) => b[j]), categorical[j]));
  const { rows, binary } = neighbourhood(x, stats, samples, mulberry32(seed));

  // The model on every row (the first is x itself), a few large batches.
  /** @type {ArrayLike<number>[]} */
  const outputs = [];
  const perBatch = Math.max(1, batchRows);
  let K = 0;
  for (let start = 0; start < samples; start += perBatch) {
    checkCancelled(cancelled);
    const chunk = rows.slice(start, start + perBatch);
    const out = await evaluate(chunk);
    if (start === 0) K = out?.[0]?.length ?? 0;
    checkOutputs(out, chunk.length, K);
    outputs.push(...out);
  }
  checkCancelled(cancelled);

  const kernelWidth = 0.75 * Math.sqrt(F);
  const weights = new Float64Array(samples);
  for (let r = 0; r < samples; r++) {
    let d2 = 0;
    for (let j = 0; j < F; j++) d2 += (1 - binary[r * F + j]) ** 2;
    weights[r] = Math.sqrt(Math.exp(-d2 / kernelWidth ** 2));
  }
  const all = Array.from({ length: F }, (_, j) => j);
  /** @type {number[]} */
  const base = [];
  /** @type {number[][]} */
  const values = [];
  /** @type {number[]} */
  const score = [];
  for (let k = 0; k < K; k++) {
    const y = Float64Array.from(outputs, (o) => Number(o[k]));
    let used = all;
    if (F > NUM_FEATURES) {
      // lime's 'highest_weights': |coef · data[0]| of a Ridge(alpha=0.01) fit, data[0] being all ones
      const { coef } = ridge(binary, F, all, y, weights, 0.01);
      used = all.slice().sort((a, b) => Math.abs(coef[b]) - Math.abs(coef[a]) || a - b).slice(0, NUM_FEATURES);
    }
    const fit = ridge(binary, F, used, y, weights, 1);
    const v = new Array(F).fill(0);
    used.forEach((j, i) => { v[j] = fit.coef[i]; });
    base.push(fit.intercept);
    values.push(v);
    score.push(fit.score);
  }
  return {
    base,
    values,
    prediction: Array.from(outputs[0], Number),
    score,
    evaluations: samples,
    samples,
    kernelWidth,
  };
}

/**
 * lime's view of one background column: quartile bins (numeric) or categories, with their frequencies.
 * @param {(string|number)[]} column
 * @param {boolean} isCategorical
 * @returns {FeatureStats}
 */
export function featureStats(column, isCategorical) {
  /** @type {Map<string|number, number>} */
  const counts = new Map();
  /** @type {FeatureStats} */
  const stats = {
    categorical: isCategorical, values: [], cumulative: new Float64Array(0), cuts: [], means: [], stds: [], mins: [], maxs: [], bounds: [],
  };
  /** @type {(string|number)[]} */
  let keys;
  if (isCategorical) {
    keys = column.map(String);
  } else {
    const numbers = column.map(Number);
    if (!numbers.every(Number.isFinite)) throw new TypeError('Numeric background values must be finite numbers.');
    const sorted = Float64Array.from(numbers).sort();
    stats.cuts = [...new Set([0.25, 0.5, 0.75].map((p) => percentile(sorted, p)))].sort((a, b) => a - b);
    keys = numbers.map((v) => binOf(stats.cuts, v));
    const bins = stats.cuts.length + 1;
    for (let b = 0; b < bins; b++) {
      const selection = numbers.filter((_, r) => keys[r] === b);
      const mean = selection.length ? selection.reduce((s, v) => s + v, 0) / selection.length : 0;
      const variance = selection.length ? selection.reduce((s, v) => s + (v - mean) ** 2, 0) / selection.length : 0;
      stats.means.push(mean);
      stats.stds.push(Math.sqrt(variance) + STD_FLOOR);
    }
    stats.mins = [sorted[0], ...stats.cuts];
    stats.maxs = [...stats.cuts, sorted[sorted.length - 1]];
    stats.bounds = stats.means.map((mean, b) => {
      const a = (stats.mins[b] - mean) / stats.stds[b];
      const z = (stats.maxs[b] - mean) / stats.stds[b];
      return [a, z, normalCdf(a), normalCdf(z)];
    });
  }
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  stats.values = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let acc = 0;
  stats.cumulative = Float64Array.from(stats.values, (v) => (acc += /** @type {number} */ (counts.get(v))) / column.length);
  return stats;
}

/**
 * numpy.percentile(sorted, 100·p) with its default linear interpolation.
 * @param {Float64Array} sorted ascending, not empty
 * @param {number} p 0..1
 */
export function percentile(sorted, p) {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * numpy.searchsorted(cuts, v) (side "left"): the quartile bin of v.
 * @param {number[]} cuts ascending
 * @param {number} v
 */
export function binOf(cuts, v) {
  let b = 0;
  while (b < cuts.length && cuts[b] < v) b++;
  return b;
}

/**
 * lime's __data_inverse: `samples` rows for the model (the first is x) and their binary representation.
 * @param {FeatureRow} x
 * @param {FeatureStats[]} stats
 * @param {number} samples
 * @param {() => number} draw uniform in [0, 1)
 * @returns {{rows: FeatureRow[], binary: Uint8Array}} binary: samples × F, row-major
 */
function neighbourhood(x, stats, samples, draw) {
  const F = x.length;
  const rows = Array.from({ length: samples }, (_, r) => (r === 0 ? x.slice() : new Array(F)));
  const binary = new Uint8Array(samples * F);
  stats.forEach((s, j) => {
    const own = s.categorical ? String(x[j]) : binOf(s.cuts, Number(x[j]));
    binary[j] = 1;
    for (let r = 1; r < samples; r++) {
      const u = draw();
      let i = 0;
      while (i < s.values.length - 1 && !(u < s.cumulative[i])) i++;
      const value = s.values[i];
      binary[r * F + j] = value === own ? 1 : 0;
      rows[r][j] = s.categorical ? value : undiscretize(s, /** @type {number} */ (value), draw());
    }
  });
  return { rows, binary };
}

/**
 * A number in bin b: lime's truncated normal of the bin's background values, within the bin's bounds.
 * @param {FeatureStats} s
 * @param {number} b
 * @param {number} u uniform in [0, 1)
 */
function undiscretize(s, b, u) {
  const min = s.mins[b];
  const max = s.maxs[b];
  if (!(max > min)) return min;
  const [a, z, pa, pz] = s.bounds[b];
  // the bin's mean lies within it (a ≤ 0 ≤ z), where Φ keeps its precision; else the general case
  const t = a <= 0 && pz > pa ? Math.min(z, Math.max(a, normalQuantile(pa + u * (pz - pa)))) : truncatedNormal(a, z, u);
  return Math.min(max, Math.max(min, s.means[b] + s.stds[b] * t));
}

/**
 * The standard normal truncated to [a, b] at quantile u (inverse CDF), as scipy.stats.truncnorm's law.
 * @param {number} a
 * @param {number} b > a
 * @param {number} u uniform in [0, 1)
 * @returns {number}
 */
export function truncatedNormal(a, b, u) {
  if (a > 0) return -truncatedNormal(-b, -a, 1 - u); // keep to the side where Φ has precision
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  if (!(pb > pa)) return Math.abs(a) < Math.abs(b) ? a : b;
  const z = normalQuantile(pa + u * (pb - pa));
  return Math.min(b, Math.max(a, z));
}

/**
 * Φ(z), the standard normal CDF, from erfc.
 * @param {number} z
 */
export function normalCdf(z) {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * erfc(x): 1 − erf's Taylor series below 2.5, else its continued fraction (Lentz); ~1e-13 relative or better.
 * @param {number} x
 * @returns {number}
 */
function erfc(x) {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf series: 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 100; n++) {
      term *= -x * x / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (x > 27) return 0;
  // Lentz's continued fraction: erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    D = x + an * D;
    D = Math.abs(D) < tiny ? tiny : D;
    C = x + an / C;
    C = Math.abs(C) < tiny ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/**
 * Φ⁻¹(p): Acklam's rational approximation, polished by one Halley step on Φ.
 * @param {number} p in (0, 1)
 */
export function normalQuantile(p) {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
  const b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
  const c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
  const d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
  const low = 0.02425;
  let z;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    z = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    z = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(z) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(z * z / 2);
  return z - u / (1 + z * u / 2);
}

/**
 * sklearn's Ridge(alpha, fit_intercept=True).fit(X[:, used], y, sample_weight=w): weighted centring, then
 * (XcᵀWXc + αI)·coef = XcᵀWyc; intercept = ȳ − x̄·coef; and its weighted R² on the same data.
 * @param {Uint8Array} X n × F, row-major
 * @param {number} F
 * @param {number[]} used the columns fitted
 * @param {Float64Array} y
 * @param {Float64Array} w
 * @param {number} alpha
 * @returns {{coef: number[], intercept: number, score: number}}
 */
export function ridge(X, F, used, y, w, alpha) {
  const n = y.length;
  const p = used.length;
  let W = 0;
  let yMean = 0;
  const xMean = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    W += w[r];
    yMean += w[r] * y[r];
    for (let i = 0; i < p; i++) xMean[i] += w[r] * X[r * F + used[i]];
  }
  yMean /= W;
  for (let i = 0; i < p; i++) xMean[i] /= W;
  const A = Array.from({ length: p }, () => new Float64Array(p));
  const b = new Float64Array(p);
  const xc = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < p; i++) xc[i] = X[r * F + used[i]] - xMean[i];
    const yc = y[r] - yMean;
    for (let i = 0; i < p; i++) {
      const wi = w[r] * xc[i];
      b[i] += wi * yc;
      for (let j = 0; j < p; j++) A[i][j] += wi * xc[j];
    }
  }
  for (let i = 0; i < p; i++) A[i][i] += alpha;
  const coef = p > 0 ? solveSymmetric(A, b) : [];
  let intercept = yMean;
  for (let i = 0; i < p; i++) intercept -= xMean[i] * coef[i];
  // sklearn's r2_score with sample_weight (a constant y: 1 if fitted exactly, else 0)
  let residual = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    let fitted = intercept;
    for (let i = 0; i < p; i++) fitted += coef[i] * X[r * F + used[i]];
    residual += w[r] * (y[r] - fitted) ** 2;
    total += w[r] * (y[r] - yMean) ** 2;
  }
  const score = total > 0 ? 1 - residual / total : residual === 0 ? 1 : 0;
  return { coef, intercept, score };
}

/**
 * @param {FeatureRow} x
 * @param {FeatureRow[]} background
 * @param {boolean[]} categorical
 * @returns {number} F
 */
function checkInputs(x, background, categorical) {
  if (!Array.isArray(x) || x.length === 0) throw new TypeError('The row to explain must have at least one feature.');
  if (!Array.isArray(background) || background.length === 0) throw new TypeError('The background must have at least one row.');
  if (background.some((b) => !Array.isArray(b) || b.length !== x.length)) {
    throw new TypeError(`Every background row must have the row's ${x.length} features.`);
  }
  if (!Array.isArray(categorical) || categorical.length !== x.length) {
    throw new TypeError(`categorical must say, for each of the row's ${x.length} features, whether it is categorical.`);
  }
  categorical.forEach((c, j) => {
    if (!c && !Number.isFinite(Number(x[j]))) throw new TypeError(`Feature ${j} of the row is numeric but ${JSON.stringify(x[j])}.`);
  });
  return x.length;
}

/**
 * @param {ArrayLike<number>[]} outputs
 * @param {number} n
 * @param {number} K
 */
function checkOutputs(outputs, n, K) {
  const bad = !Array.isArray(outputs) || outputs.length !== n || !(Number.isInteger(K) && K > 0) ||
    outputs.some((o) => o?.length !== K || !Array.prototype.every.call(o, Number.isFinite));
  if (bad) {
    throw new VitrineError(ERROR_CODE.run,
      'The model returned invalid outputs while explaining this row (not one finite vector per row), so there is no explanation.');
  }
}

/** @param {() => boolean} cancelled */
function checkCancelled(cancelled) {
  if (!cancelled()) return;
  const e = new VitrineError(ERROR_CODE.aborted, 'The explanation was cancelled.');
  e.name = 'AbortError';
  throw e;
}
