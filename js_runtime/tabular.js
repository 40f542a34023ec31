// Tabular classification, regression and anomaly detection: a form row → feeds, and the model's outputs → a
// prediction. Pure: no DOM.
// The manifest's preprocessing spec says each feature is one [1, 1] input (float32 for numeric,
// string for categorical); scaling and encoding are inside the ONNX graph.

// Used on the page (early, synchronous checks) and in the worker (predict), so it imports nothing DOM.
import { misfit } from './tensors.js';

/** @typedef {import('./manifest.js').Preprocessing} Preprocessing */
/** @typedef {import('../worker/protocol.js').TensorMap} TensorMap */
/** @typedef {import('../worker/protocol.js').OutputTensor} OutputTensor */
/**
 * @typedef {Pick<import('./manifest.js').ModelEntry, 'labels'|'preprocessing'|'postprocessing'|'inputs'>} TabularSpec
 * What these functions need of a manifest entry (the worker's task spec has exactly this).
 */

/**
 * @typedef {object} Prediction
 * @property {string} label
 * @property {number} labelIndex
 * @property {Record<string, number>} probabilities label → probability
 */

/**
 * @typedef {object} RegressionPrediction What a tabular regressor's predict(row) answers.
 * @property {number} value the predicted number (float32, in the target's unit)
 * @property {number} low value − the interval's half width
 * @property {number} high value + the interval's half width
 * @property {number} level the share of new values the interval is meant to hold (e.g. 0.9), measured
 *   on held-out rows at build time (the model page's evaluation)
 */

/**
 * @typedef {object} AnomalyPrediction What an anomaly detector's predict(row) answers.
 * @property {number} score how unusual the row is: −decision_function of the isolation forest (larger is more unusual)
 * @property {boolean} anomaly whether the score is above the threshold
 * @property {number} threshold the model's threshold (the build's: it flags `contamination` of the training rows)
 */

/**
 * An engineered feature's value (manifest `derive`): ratio a / b or log a, in float64 from the sources'
 * float32 values, rounded to float32, as builder/datasets.py computes it. Not finite when there is none
 * (a log of 0 or less, a division by 0).
 * @param {{ratio?: [string, string], log?: string}} derive
 * @param {(name: string) => number} source a source feature's value
 */
export function deriveValue(derive, source) {
  if (derive.ratio) return Math.fround(Math.fround(source(derive.ratio[0])) / Math.fround(source(derive.ratio[1])));
  return Math.fround(Math.log(Math.fround(source(/** @type {string} */ (derive.log)))));
}

/**
 * The features an engineered feature is computed from.
 * @param {{ratio?: [string, string], log?: string}} derive
 * @returns {string[]}
 */
export function deriveSources(derive) {
  return derive.ratio ?? [/** @type {string} */ (derive.log)];
}

/**
 * A row with its engineered features (deriveValue) filled in where it does not give them. A value the
 * row gives is kept (the playground sets one to its mean to leave it out). Anything that is not a row,
 * or a source that is not a number, is left for rowToFeeds to report.
 * @param {unknown} row
 * @param {Preprocessing} preprocessing
 * @returns {unknown}
 */
export function completeRow(row, preprocessing) {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  const values = /** @type {Record<string, unknown>} */ (row);
  /** @type {Record<string, unknown>} */
  let out = values;
  for (const feature of preprocessing.features) {
    const derive = feature.type === 'numeric' ? feature.derive : undefined;
    if (!derive || feature.name in values) continue;
    const sources = deriveSources(derive);
    if (!sources.every((name) => typeof values[name] === 'number' && Number.isFinite(values[name]))) continue;
    const value = deriveValue(derive, (name) => /** @type {number} */ (values[name]));
    if (!Number.isFinite(value)) {
      throw new Error(derive.ratio
        ? `Feature "${feature.name}" is "${sources[0]}" ÷ "${sources[1]}", and "${sources[1]}" is 0.`
        : `Feature "${feature.name}" is the log of "${sources[0]}", which must be above 0 (it is ${values[sources[0]]}).`);
    }
    if (out === values) out = { ...values };
    out[feature.name] = value;
  }
  return out;
}

/**
 * @param {unknown} row {featureName: value}
 * @param {Preprocessing} preprocessing
 * @returns {TensorMap}
 */
export function rowToFeeds(row, preprocessing) {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new Error('A row must be an object mapping feature names to values.');
  }
  const values = /** @type {Record<string, unknown>} */ (row);
  const names = preprocessing.features.map((f) => f.name);
  const unknown = Object.keys(values).filter((k) => !names.includes(k));
  if (unknown.length) {
    throw new Error(`Unknown feature ${unknown.map((k) => `"${k}"`).join(', ')}; the model's features are: ${names.join(', ')}.`);
  }
  /** @type {TensorMap} */
  const feeds = {};
  for (const feature of preprocessing.features) {
    if (!(feature.name in values)) throw new Error(`Missing feature "${feature.name}".`);
    const value = values[feature.name];
    if (feature.type === 'numeric') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`Feature "${feature.name}" must be a finite number, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`);
      }
      feeds[feature.input] = { type: 'float32', dims: [1, 1], data: Float32Array.of(value) };
    } else {
      if (typeof value !== 'string' || !feature.categories.includes(value)) {
        throw new Error(`Feature "${feature.name}" has unknown category ${JSON.stringify(value)}; ` +
          `expected one of: ${feature.categories.join(', ')}.`);
      }
      feeds[feature.input] = { type: 'string', dims: [1, 1], data: [value] };
    }
  }
  return feeds;
}

/**
 * Read the first row's label and probabilities from the model's outputs.
 * @param {Record<string, OutputTensor>} outputs
 * @param {TabularSpec} info
 * @returns {Prediction}
 */
export function readPrediction(outputs, info) {
  const labelName = String(info.postprocessing.label_output);
  const probName = String(info.postprocessing.probability_output);
  const labelTensor = outputs[labelName];
  const probTensor = outputs[probName];
  if (!labelTensor || !probTensor) {
    throw new Error(`The model returned outputs ${Object.keys(outputs).join(', ')}, ` +
      `but the manifest expects "${labelName}" and "${probName}".`);
  }
  const n = info.labels.length;
  if (probTensor.data.length < n) {
    throw new Error(`Output "${probName}" has ${probTensor.data.length} values; the model has ${n} labels.`);
  }
  const first = labelTensor.data[0];
  // skl2onnx emits integer class indices (int64 → bigint) when labels were encoded, strings otherwise.
  const labelIndex = typeof first === 'string' ? info.labels.indexOf(first) : Number(first);
  if (!(labelIndex >= 0 && labelIndex < n)) {
    throw new Error(`Output "${labelName}" holds ${String(first)}, which is not one of the model's labels.`);
  }
  /** @type {Record<string, number>} */
  const probabilities = {};
  info.labels.forEach((label, i) => {
    probabilities[label] = Number(probTensor.data[i]);
  });
  return { label: info.labels[labelIndex], labelIndex, probabilities };
}

/**
 * A regressor's value and its prediction interval (the manifest's postprocessing: value ± half_width),
 * computed as builder/tasks/tabular_regression.py answer() computes it. A value that is not a finite
 * number is refused, as a classifier's invalid probabilities are.
 * @param {Record<string, OutputTensor>} outputs
 * @param {TabularSpec} info
 * @returns {RegressionPrediction}
 */
export function readRegression(outputs, info) {
  const post = /** @type {{value_output?: unknown, interval?: {half_width: number, level: number}}} */ (info.postprocessing);
  const name = String(post.value_output);
  const tensor = outputs[name];
  if (!tensor || !post.interval) {
    throw new Error(`The model returned outputs ${Object.keys(outputs).join(', ')}, but the manifest expects "${name}".`);
  }
  const value = Number(tensor.data[0]);
  if (!Number.isFinite(value)) {
    throw new Error(`The model returned ${value} for these inputs, so there is no prediction.`);
  }
  const half = post.interval.half_width;
  return { value, low: value - half, high: value + half, level: post.interval.level };
}

/**
 * An anomaly detector's score and verdict (the manifest's postprocessing: score = −score_output, an anomaly
 * above `threshold`), computed as builder/tasks/anomaly.py answer() computes it.
 * @param {Record<string, OutputTensor>} outputs
 * @param {TabularSpec} info
 * @returns {AnomalyPrediction}
 */
export function readAnomaly(outputs, info) {
  const post = /** @type {{score_output?: unknown, threshold?: number}} */ (info.postprocessing);
  const name = String(post.score_output);
  const tensor = outputs[name];
  if (!tensor || typeof post.threshold !== 'number') {
    throw new Error(`The model returned outputs ${Object.keys(outputs).join(', ')}, but the manifest expects "${name}".`);
  }
  const score = -Number(tensor.data[0]);
  if (!Number.isFinite(score)) throw new Error(`The model returned ${score} for these inputs, so there is no score.`);
  return { score, anomaly: score > post.threshold, threshold: post.threshold };
}

/**
 * Each numeric feature must survive the conversion to its input's dtype: 1e39 is a finite JS
 * number but Infinity as a float32, and the model answers Infinity with NaN or confident nonsense.
 * Call after rowToFeeds (which checks that the values are finite numbers).
 * @param {Record<string, unknown>} row
 * @param {TabularSpec} info
 */
export function checkRowFits(row, info) {
  for (const feature of info.preprocessing.features) {
    if (feature.type !== 'numeric') continue;
    const dtype = info.inputs.find((s) => s.name === feature.input)?.dtype ?? 'float32';
    const problem = misfit(/** @type {number} */ (row[feature.name]), dtype);
    if (problem) throw new Error(`Feature "${feature.name}" ${problem}.`);
  }
}

/**
 * A prediction whose probabilities are not numbers between 0 and 1 is no prediction: refuse it
 * rather than show a label with NaN beside it.
 * @template {Prediction} P
 * @param {P} prediction
 * @param {TabularSpec} info
 * @returns {P}
 */
export function checkPrediction(prediction, info) {
  const bad = info.labels.filter((label) => {
    const p = prediction.probabilities[label];
    return !(Number.isFinite(p) && p >= -1e-3 && p <= 1 + 1e-3);
  });
  if (bad.length) {
    const values = bad.map((label) => `${label}: ${prediction.probabilities[label]}`).join(', ');
    throw new Error(`The model returned invalid probabilities (${values}) for these inputs, so there is no prediction.`);
  }
  return prediction;
}
