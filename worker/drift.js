// The drift check of a tabular model: a batch of new rows (a CSV the visitor dropped) against the rows
// the model was trained on, described by the build's drift reference (builder/drift.py).
//
// Per feature, a test and a size:
// - numbers: the two-sample Kolmogorov–Smirnov statistic D against the training values themselves
//   (equal to scipy.stats.ks_2samp's) and its asymptotic p-value, the Kolmogorov distribution
//   (scipy.stats.kstwobign.sf(D·√(nm/(n+m))));
// - categories, and the predicted labels: Pearson's χ² goodness of fit of the batch's counts to the
//   training proportions (scipy.stats.chisquare);
// - every feature: the population stability index over the training deciles (categories are their own
//   bins), the usual size of a shift.
// A feature has drifted when its test says the batch differs (p < 0.01) and the shift is large enough to
// matter (PSI ≥ 0.1): PSI alone is mostly sampling noise on a small batch (0.1–0.3 for 84 rows drawn from
// the training distribution over 10 bins), and a test alone flags negligible shifts in a large one.
// The batch is predicted with the model's session; its labels are compared with the model's
// predictions on the training rows.
import { ERROR_CODE, VitrineError } from './protocol.js';
import { batchFeeds, batchLimit, probabilityRows } from './predict.js';
import { deriveSources, deriveValue } from '../js_runtime/tabular.js';
import { misfit } from '../js_runtime/tensors.js';
import { BATCH_ROWS } from './shapley.js';
import { artifactOf, fetchArtifact, once } from './text_predict.js';

/** A proportion below this counts as this in PSI (an empty bin would make it infinite). */
export const PSI_FLOOR = 1e-4;
/** The smallest PSI that counts as drift (the usual bands: < 0.1 stable, 0.1–0.25 some change, ≥ 0.25 large). */
export const PSI_DRIFT = 0.1;
/** A test's p-value below this says the batch differs from the training rows. */
export const P_DRIFT = 0.01;
/** Below this many rows PSI is mostly sampling noise: the report says so. */
export const FEW_ROWS = 50;
/** The most rows one check reads (the page refuses larger files before reading them). */
export const MAX_ROWS = 100_000;
/** Problems listed in one error message. */
const LISTED = 5;

/**
 * @typedef {object} NumericReference
 * @property {string} name
 * @property {'numeric'} type
 * @property {number[]} values the training values, sorted
 * @property {number[]} edges inner bin edges: bin i holds edges[i-1] < x ≤ edges[i]
 * @property {number[]} proportions of the training rows per bin (edges.length + 1 of them)
 */
/**
 * @typedef {object} CategoricalReference
 * @property {string} name
 * @property {'categorical'} type
 * @property {string[]} categories
 * @property {number[]} proportions of the training rows per category
 */
/**
 * @typedef {object} Reference The drift_reference artifact.
 * @property {number} rows
 * @property {(NumericReference | CategoricalReference)[]} features
 * @property {{labels: string[], proportions: number[]}} predictions
 */
/**
 * @typedef {object} Test
 * @property {'ks'|'chi2'} kind two-sample Kolmogorov–Smirnov (numbers) or χ² goodness of fit (categories, labels)
 * @property {number} statistic D, or χ²
 * @property {number} pValue
 */
/**
 * @typedef {object} FeatureDrift
 * @property {string} name
 * @property {'numeric'|'categorical'} type
 * @property {number} psi
 * @property {Test} test
 * @property {boolean} drifted test p < P_DRIFT and PSI ≥ PSI_DRIFT
 * @property {string[]} bins each bin's name ("≤ 39.2", "39.2 – 41.1", "> 50.3", or the category)
 * @property {number[]} reference proportions of the training rows per bin
 * @property {number[]} batch proportions of the batch per bin
 * @property {{min: number, max: number, mean: number} | null} range numbers only: the batch's
 */
/**
 * @typedef {object} DriftReport
 * @property {number} rows of the batch
 * @property {number} referenceRows training rows
 * @property {FeatureDrift[]} features in the model's feature order
 * @property {{labels: string[], reference: number[], batch: number[], psi: number, test: Test, drifted: boolean}} predictions
 * @property {string[]} drifted names of the features that drifted
 * @property {string[]} ignored the batch's columns that are not features
 * @property {string | null} caution e.g. too few rows for PSI to mean much
 * @property {{psi: number, p: number}} thresholds
 */
/**
 * A batch as a table: column names and rows of cells (a CSV's strings, or numbers).
 * @typedef {{columns: string[], rows: unknown[][]}} Table
 */

// ---- statistics ----

/**
 * The two-sample KS statistic (largest gap between the empirical CDFs) of two sorted samples, as
 * scipy.stats.ks_2samp computes it, and its asymptotic two-sided p-value.
 * @param {ArrayLike<number>} a sorted
 * @param {ArrayLike<number>} b sorted
 * @returns {{statistic: number, pValue: number}}
 */
export function ksTwoSample(a, b) {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i], b[j]);
    while (i < n && a[i] <= x) i++;
    while (j < m && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return { statistic: d, pValue: kolmogorovSf(Math.sqrt((n * m) / (n + m)) * d) };
}

/**
 * P(K > x) for the Kolmogorov distribution (scipy.stats.kstwobign.sf): the alternating series for
 * x ≥ 1, the Jacobi theta form of the CDF below, where that series converges slowly.
 * @param {number} x
 */
export function kolmogorovSf(x) {
  if (!(x > 0)) return 1;
  if (x < 1) {
    const c = (Math.PI * Math.PI) / (8 * x * x);
    let sum = 0;
    for (let k = 1; k < 100; k += 2) {
      const term = Math.exp(-k * k * c);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / x) * sum));
  }
  let sum = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += k % 2 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Pearson's χ² goodness of fit of `counts` to `proportions` (scipy.stats.chisquare with f_exp =
 * proportions × n): bins expected empty are left out, unless the batch has rows there (then p = 0).
 * @param {ArrayLike<number>} counts
 * @param {ArrayLike<number>} proportions
 * @returns {{statistic: number, pValue: number}}
 */
export function chiSquare(counts, proportions) {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  let statistic = 0;
  let bins = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = proportions[i] * n;
    if (expected > 0) {
      statistic += (counts[i] - expected) ** 2 / expected;
      bins++;
    } else if (counts[i] > 0) {
      return { statistic: Infinity, pValue: 0 };
    }
  }
  return { statistic, pValue: bins > 1 ? gammaQ((bins - 1) / 2, statistic / 2) : 1 };
}

/**
 * The regularized upper incomplete gamma function Q(a, x) (χ²'s survival function is Q(k/2, x/2)):
 * its series below a + 1, Lentz's continued fraction above (Numerical Recipes' gser and gcf).
 * @param {number} a > 0
 * @param {number} x ≥ 0
 */
export function gammaQ(a, x) {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, Math.max(0, 1 - sum * front));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, front * h));
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits).
 * @param {number} x
 * @returns {number}
 */
export function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The population stability index Σ (b − r)·ln(b / r) of two distributions over the same bins, each
 * proportion at least PSI_FLOOR.
 * @param {ArrayLike<number>} reference
 * @param {ArrayLike<number>} batch
 */
export function psi(reference, batch) {
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i], PSI_FLOOR);
    const b = Math.max(batch[i], PSI_FLOOR);
    sum += (b - r) * Math.log(b / r);
  }
  return sum;
}

/**
 * The bin of x: how many edges are below it (edges[i-1] < x ≤ edges[i] is bin i), as builder/drift.py bins.
 * @param {number[]} edges sorted
 * @param {number} x
 */
export function binOf(edges, x) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many of `indices` (bin numbers) fall in each of `n` bins.
 * @param {Iterable<number>} indices
 * @param {number} n
 */
function binCounts(indices, n) {
  const counts = new Array(n).fill(0);
  for (const i of indices) counts[i]++;
  return counts;
}

/**
 * A batch's bin counts against the reference's proportions: the shares, PSI and whether it drifted.
 * @param {number[]} counts
 * @param {number[]} reference
 * @param {Test} test
 */
function compared(counts, reference, test) {
  const total = counts.reduce((a, b) => a + b, 0);
  const batch = counts.map((c) => c / Math.max(total, 1));
  const value = psi(reference, batch);
  return { batch, psi: value, test, drifted: test.pValue < P_DRIFT && value >= PSI_DRIFT };
}

/**
 * Bin names of a numeric feature's edges.
 * @param {number[]} edges
 */
function binNames(edges) {
  const f = (/** @type {number} */ v) => String(Number(v.toPrecision(4)));
  if (edges.length === 0) return ['all values'];
  return [`≤ ${f(edges[0])}`, ...edges.slice(1).map((e, i) => `${f(edges[i])} – ${f(e)}`), `> ${f(edges[edges.length - 1])}`];
}

/**
 * The drift report of a batch (its feature columns already read, its labels predicted).
 * @param {Reference} reference
 * @param {Map<string, number[] | string[]>} columns by feature name
 * @param {ArrayLike<number>} predicted label index per row
 * @param {string[]} [ignored] the batch's other columns
 * @returns {DriftReport}
 */
export function driftReport(reference, columns, predicted, ignored = []) {
  const rows = predicted.length;
  /** @type {FeatureDrift[]} */
  const features = reference.features.map((ref) => {
    if (ref.type === 'numeric') {
      const values = /** @type {number[]} */ (columns.get(ref.name));
      const sorted = Float64Array.from(values).sort();
      const counts = binCounts(values.map((v) => binOf(ref.edges, v)), ref.edges.length + 1);
      let sum = 0;
      for (const v of values) sum += v;
      return {
        name: ref.name, type: ref.type, bins: binNames(ref.edges), reference: ref.proportions,
        ...compared(counts, ref.proportions, { kind: 'ks', ...ksTwoSample(ref.values, sorted) }),
        range: { min: sorted[0], max: sorted[sorted.length - 1], mean: sum / rows },
      };
    }
    const values = /** @type {string[]} */ (columns.get(ref.name));
    const index = new Map(ref.categories.map((c, i) => [c, i]));
    const counts = binCounts(values.map((v) => /** @type {number} */ (index.get(v))), ref.categories.length);
    return {
      name: ref.name, type: ref.type, bins: [...ref.categories], reference: ref.proportions,
      ...compared(counts, ref.proportions, { kind: 'chi2', ...chiSquare(counts, ref.proportions) }), range: null,
    };
  });
  const { labels, proportions } = reference.predictions;
  const counts = binCounts(Array.from(predicted), labels.length);
  return {
    rows,
    referenceRows: reference.rows,
    features,
    predictions: { labels: [...labels], reference: proportions, ...compared(counts, proportions, { kind: 'chi2', ...chiSquare(counts, proportions) }) },
    drifted: features.filter((f) => f.drifted).map((f) => f.name),
    ignored,
    caution: rows < FEW_ROWS ? `Only ${rows} row${rows === 1 ? '' : 's'}: the tests can miss a shift in so few, and PSI is mostly noise.` : null,
    thresholds: { psi: PSI_DRIFT, p: P_DRIFT },
  };
}

// ---- reading the batch ----

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The feature columns of a table, each cell read as its feature's type, or an error that names the
 * missing columns or the first cells that cannot be read (row numbers count data rows from 1).
 * An engineered feature (manifest `derive`) that the table has no column for is computed from its
 * sources, as js_runtime/tabular.js completeRow does.
 * @param {Table} table
 * @param {Reference} reference
 * @param {Record<string, string>} [labels] feature name → label, for messages
 * @param {Record<string, {ratio?: [string, string], log?: string}>} [derived] engineered features by name
 * @returns {{columns: Map<string, number[] | string[]>, ignored: string[]}}
 */
export function readTable(table, reference, labels = {}, derived = {}) {
  const bad = (/** @type {string} */ message) => new VitrineError(ERROR_CODE.badInput, message);
  if (!table || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    throw bad('The batch must be a table: {columns: [names], rows: [[cells]]}.');
  }
  const names = reference.features.map((f) => f.name);
  const header = table.columns.map((c) => String(c).trim());
  const computed = names.filter((n) => !header.includes(n) && derived[n]);
  const missing = names.filter((n) => !header.includes(n) && !derived[n]);
  if (missing.length) {
    const squash = (/** @type {string} */ t) => t.toLowerCase().replace(/[\s_-]+/g, '');
    const hint = missing.map((n) => {
      // a column that differs only in case, spaces or separators, or is cut short (units dropped)
      const near = header.find((h) => !names.includes(h) && h !== '' &&
        (squash(h) === squash(n) || squash(n).startsWith(squash(h)) || squash(h).startsWith(squash(n))));
      return near ? `"${n}" (the file has "${near}")` : `"${n}"`;
    });
    throw bad(`The file has no column ${hint.join(', ')}. It needs one column per feature, named as in the ` +
      `training data: ${names.map((n) => `"${n}"`).join(', ')}. Its columns are: ${header.length ? header.map((h) => `"${h}"`).join(', ') : 'none'}.`);
  }
  if (table.rows.length === 0) throw bad('The file has a header but no rows.');
  if (table.rows.length > MAX_ROWS) {
    throw bad(`The file has ${table.rows.length.toLocaleString('en')} rows; the drift check reads at most ${MAX_ROWS.toLocaleString('en')}. Use a sample.`);
  }
  /** @type {string[]} */
  const problems = [];
  let count = 0;
  const problem = (/** @type {number} */ r, /** @type {string} */ name, /** @type {string} */ what) => {
    count++;
    if (problems.length < LISTED) problems.push(`row ${r + 1}, ${labels[name] ? `${labels[name]} (${name})` : name}: ${what}`);
  };
  /** @type {Map<string, number[] | string[]>} */
  const columns = new Map();
  for (const ref of reference.features) {
    const at = header.indexOf(ref.name);
    if (computed.includes(ref.name)) continue;
    if (ref.type === 'numeric') {
      /** @type {number[]} */
      const out = new Array(table.rows.length);
      table.rows.forEach((row, r) => {
        const cell = row[at];
        const text = typeof cell === 'string' ? cell.trim() : cell;
        const value = typeof text === 'number' ? text : typeof text === 'string' && DECIMAL.test(text) ? Number(text) : NaN;
        // a tabular model's numeric inputs are float32 (the manifest's tabular layout), as predict() checks (checkRowFits)
        const fit = Number.isFinite(value) ? misfit(value, 'float32') : null;
        if (Number.isFinite(value) && fit === null) out[r] = value;
        else if (text === '' || text === undefined || text === null) problem(r, ref.name, 'empty (fill it in or remove the row)');
        else if (fit !== null) problem(r, ref.name, `${JSON.stringify(String(text).slice(0, 40))} ${fit}`);
        else problem(r, ref.name, `${JSON.stringify(String(text).slice(0, 40))} is not a number`);
      });
      columns.set(ref.name, out);
    } else {
      const known = new Set(ref.categories);
      /** @type {string[]} */
      const out = new Array(table.rows.length);
      table.rows.forEach((row, r) => {
        const cell = row[at];
        const text = cell === undefined || cell === null ? '' : String(cell).trim();
        if (known.has(text)) out[r] = text;
        else if (text === '') problem(r, ref.name, 'empty (fill it in or remove the row)');
        else problem(r, ref.name, `${JSON.stringify(text.slice(0, 40))} is not one of ${ref.categories.map((c) => JSON.stringify(c)).join(', ')}`);
      });
      columns.set(ref.name, out);
    }
  }
  for (const name of computed) {
    const derive = derived[name];
    const { ratio, log } = derive;
    const sources = deriveSources(derive).map((n) => /** @type {number[]} */ (columns.get(n)));
    /** @type {number[]} */
    const out = new Array(table.rows.length);
    for (let r = 0; r < out.length; r++) {
      if (sources.some((column) => column[r] === undefined)) continue; // its source's problem is listed
      const value = deriveValue(derive, (n) => /** @type {number[]} */ (columns.get(n))[r]);
      if (Number.isFinite(value)) out[r] = value;
      else problem(r, name, ratio ? `${ratio[1]} is 0, so ${ratio[0]} ÷ ${ratio[1]} has no value` : `${log} must be above 0 for its log`);
    }
    columns.set(name, out);
  }
  if (count) {
    throw bad(`${count} cell${count === 1 ? '' : 's'} cannot be read: ${problems.join('; ')}${count > problems.length ? '; …' : ''}.`);
  }
  return { columns, ignored: header.filter((h) => !names.includes(h)) };
}

// ---- the request ----

/**
 * A batch → its drift report: the reference fetched once, the table read, the rows predicted in runs of
 * at most BATCH_ROWS (cancellation checked between them), the statistics computed.
 * @param {{spec: import('./predict.js').TaskSpec, input: unknown}} request
 * @param {import('./predict.js').ExplainEnv} env
 * @returns {Promise<{output: DriftReport, ms: number}>}
 */
export async function checkDrift({ spec, input }, env) {
  if (spec?.preprocessing?.kind !== 'tabular') {
    throw new VitrineError(ERROR_CODE.badRequest, `drift() is for tabular models, not "${spec?.task}" models.`);
  }
  const reference = await referenceFor(spec, env);
  /** @type {Record<string, string>} */
  const labels = Object.fromEntries(spec.preprocessing.features.map((/** @type {{name: string, label?: string}} */ f) => [f.name, f.label ?? f.name]));
  /** @type {Record<string, {ratio?: [string, string], log?: string}>} */
  const derived = Object.fromEntries(spec.preprocessing.features.filter((/** @type {{derive?: unknown}} */ f) => f.derive)
    .map((/** @type {{name: string, derive: {ratio?: [string, string], log?: string}}} */ f) => [f.name, f.derive]));
  const { columns, ignored } = readTable(/** @type {Table} */ (input), reference, labels, derived);
  const names = reference.features.map((f) => f.name);
  const cells = names.map((n) => /** @type {(number|string)[]} */ (columns.get(n)));
  const n = cells[0].length;
  const step = Math.min(batchLimit(spec), BATCH_ROWS);
  const K = spec.labels.length;
  const predicted = new Int32Array(n);
  let ms = 0;
  for (let start = 0; start < n; start += step) {
    if (env.cancelled?.()) break;
    const rows = [];
    for (let r = start; r < Math.min(n, start + step); r++) rows.push(cells.map((column) => column[r]));
    const result = await env.run(batchFeeds(rows, names, spec));
    ms += result.ms;
    probabilityRows(result.outputs, spec, rows.length).forEach((p, i) => {
      let best = 0;
      for (let k = 1; k < K; k++) if (p[k] > p[best]) best = k;
      predicted[start + i] = best;
    });
  }
  return { output: driftReport(reference, columns, predicted, ignored), ms };
}

// ---- the reference artifact ----

/** Parsed drift references, by sha256 (once per worker; a failure is forgotten). @type {Map<string, Promise<Reference>>} */
const references = new Map();

/** Forget the loaded references (tests). */
export function clearReferences() {
  references.clear();
}

/**
 * The model's drift reference, fetched (site scope, sha256, Cache API) and checked once per worker.
 * @param {import('./predict.js').TaskSpec} spec
 * @param {import('./text_predict.js').TextEnv} env
 * @returns {Promise<Reference>}
 */
export function referenceFor(spec, env) {
  const artifact = artifactOf(spec, /** @type {string} */ (spec.driftReference), 'drift reference');
  return once(references, artifact.sha256, async () => readReference(await fetchArtifact(artifact, env), spec));
}

/**
 * The reference artifact, checked against the model (a stale or foreign file is a damaged build).
 * @param {Uint8Array} bytes
 * @param {import('./predict.js').TaskSpec} spec
 * @returns {Reference}
 */
export function readReference(bytes, spec) {
  const damaged = (/** @type {string} */ why) => new VitrineError(ERROR_CODE.badRequest,
    `The model's drift reference does not fit the model (${why}). Rebuild the site.`);
  /** @type {any} */
  let data;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw damaged('it is not JSON');
  }
  /** @type {{name: string, type: string}[]} */
  const specs = spec.preprocessing.features;
  const features = data?.features;
  if (!Array.isArray(features) || features.length !== specs.length ||
      specs.some((f, i) => features[i]?.name !== f.name || features[i]?.type !== f.type)) {
    throw damaged(`its features are ${JSON.stringify(features?.map?.((/** @type {any} */ f) => f?.name))}, the model's ${JSON.stringify(specs.map((f) => f.name))}`);
  }
  for (const f of features) {
    const bins = f.type === 'numeric' ? f.edges?.length + 1 : f.categories?.length;
    if (!Array.isArray(f.proportions) || f.proportions.length !== bins || (f.type === 'numeric' && !(Array.isArray(f.values) && f.values.length > 0))) {
      throw damaged(`feature "${f.name}" has no usable values or bins`);
    }
  }
  const labels = data.predictions?.labels;
  if (!Array.isArray(labels) || labels.length !== spec.labels.length || labels.some((l, i) => l !== spec.labels[i]) ||
      data.predictions.proportions?.length !== labels.length) {
    throw damaged(`its labels are ${JSON.stringify(labels)}, the model's ${JSON.stringify(spec.labels)}`);
  }
  return /** @type {Reference} */ (data);
}
