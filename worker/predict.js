// Task-native prediction inside the worker: input → preprocessing → model → postprocessing → answer.
// One handler per manifest `postprocessing.kind`; each adds only what its task needs, so a new task is
// a new handler here plus a widget on the page (js_runtime/demo_shell.js).
import { ERROR_CODE, VitrineError } from './protocol.js';
import { decodeCandidates, decodeDetections } from './detection.js';
import { decodeImage } from './image_decode.js';
import { prepareImage } from './image_preprocess.js';
import { checkPrediction, checkRowFits, readAnomaly, readPrediction, readRegression, rowToFeeds } from '../js_runtime/tabular.js';
import { readForecast, seriesToFeeds } from '../js_runtime/series.js';
import { checkTopK, itemsToFeeds, readRecommendations } from '../js_runtime/recommend.js';
import { finishAudio, prepareAudio } from './audio_predict.js';
import { normalizeFeeds } from '../js_runtime/tensors.js';
import { artifactOf, fetchArtifact, finishSearch, finishTextClassification, once, prepareText } from './text_predict.js';
import { BATCH_ROWS, EXACT_MAX_FEATURES, exactShapley, kernelShap } from './shapley.js';
import { limeTabular } from './lime.js';

/** @typedef {import('./protocol.js').TensorMap} TensorMap */
/** @typedef {import('./protocol.js').OutputTensor} OutputTensor */

/**
 * What `predict` needs of a model's manifest entry; it comes with each request (js_runtime/model.js taskSpec).
 * @typedef {object} TaskSpec
 * @property {string} task
 * @property {string[]} labels
 * @property {any} preprocessing
 * @property {any} postprocessing
 * @property {import('../js_runtime/manifest.js').TensorSpec[]} inputs the graph's inputs (tabular rows are checked against them)
 * @property {import('./text_predict.js').ArtifactRef[]} [artifacts] the side files predict reads (text: the
 *   tokenizer, a search corpus), with absolute URLs; each is checked against its sha256 like a model file
 * @property {string} [explanations] tabular, `explain` requests: the absolute URL of the explanations
 *   artifact (background rows), which `artifacts` lists
 * @property {string} [driftReference] tabular, `drift` requests: the absolute URL of the drift reference
 *   artifact, which `artifacts` lists
 * @property {{item_noun?: string}} [dataset] recommendation: what an item is called in messages
 */

/**
 * @typedef {object} Prepared
 * @property {TensorMap} feeds
 * @property {any} [context] what postprocessing needs to map the answer back (e.g. image geometry)
 * @property {string} [notice] something the visitor should know about the input (e.g. it was scaled down)
 * @property {number} [extraMs] the time of the runs `finish` made besides the first (a long recording's
 *   further blocks): the reply's `ms` counts them too
 */

/**
 * What handlers may use besides their input: the worker's fetch and site scope, and (in `finish`) the
 * request's model for another run, e.g. a batch of variations of the input (text word weights).
 * @typedef {import('./text_predict.js').TextEnv} TaskEnv
 */

/**
 * @typedef {object} TaskHandler
 * @property {(input: unknown, spec: TaskSpec, env: TaskEnv) => Promise<Prepared>} prepare
 * @property {(outputs: Record<string, OutputTensor>, spec: TaskSpec, options: Record<string, unknown>, prepared: Prepared, env: TaskEnv) => unknown} finish
 *   the answer, or a promise of it; it may add to `prepared.notice`
 */

/**
 * @typedef {object} ClassScore One class of an image classification, best first.
 * @property {string} label
 * @property {number} score softmax probability, 0..1
 * @property {number} index class index in the model's output
 * @property {{width: number, height: number, data: Float32Array, region: {x: number, y: number, width: number, height: number}}} [cam]
 *   class activation map (raw values; larger = more evidence), covering `region` of the original image in pixels
 */

/** @type {Record<string, TaskHandler>} */
export const HANDLERS = {
  'tabular-classification': {
    prepare: prepareRow,
    finish: (outputs, spec) => checkPrediction(readPrediction(outputs, spec), spec),
  },
  'tabular-regression': {
    prepare: prepareRow,
    finish: (outputs, spec) => readRegression(outputs, spec),
  },
  'anomaly-detection': {
    prepare: prepareRow,
    finish: (outputs, spec) => readAnomaly(outputs, spec),
  },
  // a series' last `window` values → the next `horizon` values with intervals (js_runtime/series.js)
  'time-series-forecasting': {
    prepare: async (series, spec) => ({ feeds: normalizeFeeds(seriesToFeeds(series, spec), spec.inputs) }),
    finish: (outputs, spec, options) => readForecast(outputs, spec, typeof options.horizon === 'number' ? options.horizon : undefined),
  },
  // the items a visitor picked → the best items not picked, each with the picked one behind it (js_runtime/recommend.js)
  recommendation: {
    prepare: prepareItems,
    finish: finishItems,
  },
  // a recording → speech segments and each frame's probability (worker/audio_predict.js)
  'voice-activity-detection': {
    prepare: prepareAudio,
    finish: finishAudio,
  },
  'image-classification': {
    prepare: prepareImageInput,
    finish: finishClassification,
  },
  'object-detection': {
    prepare: prepareImageInput,
    finish: finishDetection,
  },
  // Text (worker/text_predict.js): the answer is a TextOutput {items, words?, tokens?, embedding?}
  // that js_runtime/model.js turns into a list with those extras as properties.
  'text-classification': {
    prepare: prepareText,
    finish: finishTextClassification,
  },
  'semantic-search': {
    prepare: prepareText,
    finish: finishSearch,
  },
};

/**
 * A tabular row → the model's feeds: one [1, 1] tensor per feature, each value checked to fit its input.
 * @param {unknown} row
 * @param {TaskSpec} spec
 * @returns {Promise<Prepared>}
 */
async function prepareRow(row, spec) {
  const feeds = rowToFeeds(row, spec.preprocessing);
  checkRowFits(/** @type {Record<string, unknown>} */ (row), spec);
  return { feeds: normalizeFeeds(feeds, spec.inputs) };
}

/**
 * Picked item names → the model's input, and the picked indices, which the answer leaves out.
 * @param {unknown} items
 * @param {TaskSpec} spec
 * @returns {Promise<Prepared>}
 */
async function prepareItems(items, spec) {
  const rec = recommendSpec(spec);
  let feeds;
  try {
    feeds = itemsToFeeds(items, rec);
  } catch (e) {
    throw new VitrineError(ERROR_CODE.badInput, e instanceof Error ? e.message : String(e));
  }
  const { data } = feeds[rec.preprocessing.input];
  /** @type {number[]} */
  const picked = [];
  for (let i = 0; i < data.length; i += 1) if (data[i] === 1) picked.push(i);
  return { feeds: normalizeFeeds(feeds, spec.inputs), context: { picked } };
}

/**
 * The model's scores → the `topK` best items not picked (the page checked topK; a bad one here is a bad request).
 * @param {Record<string, OutputTensor>} outputs
 * @param {TaskSpec} spec
 * @param {Record<string, unknown>} options {topK?: number}
 * @param {Prepared} prepared
 * @returns {import('../js_runtime/recommend.js').Recommendations}
 */
function finishItems(outputs, spec, options, prepared) {
  const rec = recommendSpec(spec);
  let topK;
  try {
    topK = checkTopK(options.topK, rec);
  } catch (e) {
    throw new VitrineError(ERROR_CODE.badRequest, e instanceof Error ? e.message : String(e));
  }
  return readRecommendations(outputs, rec, prepared.context.picked, topK);
}

/**
 * @param {TaskSpec} spec
 * @returns {import('../js_runtime/recommend.js').RecommendSpec}
 */
function recommendSpec(spec) {
  return /** @type {import('../js_runtime/recommend.js').RecommendSpec} */ (/** @type {unknown} */ (spec));
}

/**
 * @typedef {object} Box One detection, best first, in the original image's pixels.
 * @property {number[]} box [x, y, width, height]
 * @property {string} label
 * @property {number} score 0..1
 * @property {number[][]} [keypoints] [[x, y], …] (BlazeFace: eyes, nose tip, mouth, ears)
 */

/**
 * Raw detector outputs → boxes (decoded, thresholded, merged by NMS as builder/detectors/ssd.py does).
 * `{candidates: true}` returns every box above the spec's candidate floor before NMS instead, so a
 * page can re-filter with other thresholds (worker/detection.js filterDetections) without running
 * the model again; NMS commutes with the uniform scale that maps model pixels to image pixels.
 * @param {Record<string, OutputTensor>} outputs
 * @param {TaskSpec} spec
 * @param {Record<string, unknown>} options {minScore?, iou?, candidates?}
 * @param {Prepared} prepared
 * @returns {Box[]}
 */
export function finishDetection(outputs, spec, options, prepared) {
  const post = spec.postprocessing;
  const raw = /** @type {Record<string, {data: ArrayLike<number>, dims: number[]}>} */ (/** @type {unknown} */ (outputs));
  for (const name of [post.boxes_output, post.scores_output]) {
    if (!raw[name]) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${name}".`);
  }
  const found = options.candidates === true
    ? decodeCandidates(raw, post)
    : decodeDetections(raw, post, {
      minScore: typeof options.minScore === 'number' ? options.minScore : post.min_score,
      iou: typeof options.iou === 'number' ? options.iou : post.iou,
    });
  const { geometry } = prepared.context;
  const { scale_x: sx, scale_y: sy, x: x0, y: y0 } = geometry;
  return found.map((d) => ({
    box: [d.box[0] * sx + x0, d.box[1] * sy + y0, d.box[2] * sx, d.box[3] * sy],
    label: d.label,
    score: d.score,
    keypoints: d.keypoints.map(([x, y]) => [x * sx + x0, y * sy + y0]),
  }));
}

/**
 * @param {TaskSpec} spec
 * @returns {TaskHandler}
 */
export function handlerFor(spec) {
  const handler = HANDLERS[spec?.postprocessing?.kind];
  if (!handler) {
    throw new VitrineError(ERROR_CODE.badRequest,
      `predict() in the worker does not support "${spec?.postprocessing?.kind}" models; use run().`);
  }
  return handler;
}

/**
 * Any image input (Blob, File, ArrayBuffer, ImageBitmap or URL) → the model's input tensor.
 * @param {unknown} input
 * @param {TaskSpec} spec
 * @param {{fetchImpl: typeof fetch}} env
 * @returns {Promise<Prepared>}
 */
async function prepareImageInput(input, spec, { fetchImpl }) {
  let pixels;
  try {
    pixels = await decodeImage(/** @type {any} */ (input), { fetchImpl });
  } catch (e) {
    if (e instanceof VitrineError) throw e;
    throw new VitrineError(ERROR_CODE.badInput, e instanceof Error ? e.message : String(e));
  }
  // geometry maps model pixels to the original image's, also when it was decoded scaled down
  const { tensor, dims, geometry } = prepareImage(pixels, spec.preprocessing);
  return {
    feeds: { [spec.preprocessing.input]: { type: 'float32', dims, data: tensor } },
    context: { geometry, size: spec.preprocessing.size },
    notice: pixels.notice,
  };
}

/**
 * Logits → softmax → top-k, each with its class activation map when the graph computed one.
 * @param {Record<string, OutputTensor>} outputs
 * @param {TaskSpec} spec
 * @param {Record<string, unknown>} options {topK?: number, cam?: boolean}
 * @param {Prepared} prepared
 * @returns {ClassScore[]}
 */
export function finishClassification(outputs, spec, options, prepared) {
  const post = spec.postprocessing;
  const logits = outputs[post.logits_output];
  if (!logits) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${post.logits_output}".`);
  const n = spec.labels.length;
  const values = Array.from(/** @type {ArrayLike<number>} */ (logits.data)).slice(0, n).map(Number);
  if (values.length < n || !values.every(Number.isFinite)) {
    throw new VitrineError(ERROR_CODE.run, 'The model returned invalid scores for this image, so there is no prediction.');
  }
  const k = Math.min(n, Number(options.topK ?? post.top_k) || post.top_k);
  const max = Math.max(...values);
  const exp = values.map((v) => Math.exp(v - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const order = [...exp.keys()].sort((a, b) => exp[b] - exp[a] || a - b).slice(0, k);
  const cams = options.cam === false ? null : camsByClass(outputs, post, prepared);
  return order.map((index) => {
    /** @type {ClassScore} */
    const entry = { label: spec.labels[index], score: exp[index] / sum, index };
    const cam = cams?.get(index);
    if (cam) entry.cam = cam;
    return entry;
  });
}

/**
 * The graph's per-class activation maps ([1, k, h, w] for the classes in cam_classes_output), keyed by class.
 * @param {Record<string, OutputTensor>} outputs
 * @param {any} post
 * @param {Prepared} prepared
 */
function camsByClass(outputs, post, prepared) {
  const maps = outputs[post.cam_output];
  const classes = outputs[post.cam_classes_output];
  if (!maps || !classes) return null;
  const [, k, h, w] = maps.dims;
  const { geometry, size } = prepared.context;
  const region = { x: geometry.x, y: geometry.y, width: size[1] * geometry.scale_x, height: size[0] * geometry.scale_y };
  /** @type {Map<number, NonNullable<ClassScore['cam']>>} */
  const out = new Map();
  const data = /** @type {Float32Array} */ (maps.data);
  for (let j = 0; j < k; j++) {
    const index = Number(classes.data[j]);
    out.set(index, { width: w, height: h, data: data.slice(j * h * w, (j + 1) * h * w), region });
  }
  return out;
}

// ---- explanations (tabular): Shapley values (or LIME weights) of one row against the build's background set ----

/**
 * What explainRow needs besides the request: the worker's fetch and site scope, the request's model,
 * and whether the request was cancelled (checked before each batch).
 * @typedef {object} ExplainEnv
 * @property {typeof fetch} fetchImpl
 * @property {import('./fetch_model.js').SiteScope | null} [site] where the artifact must lie (undefined: this worker's site)
 * @property {CacheStorage | null} [cacheStorage] undefined: globalThis.caches
 * @property {(feeds: TensorMap) => Promise<{outputs: Record<string, OutputTensor>, ms: number}>} run
 * @property {() => boolean} [cancelled]
 */

/**
 * The explanations artifact as the explainer uses it: rows in its feature order.
 * @typedef {object} Baseline
 * @property {string[]} features
 * @property {import('./shapley.js').FeatureRow[]} background
 */

/** Parsed explanations artifacts, by sha256 (once per worker; a failure is forgotten). @type {Map<string, Promise<Baseline>>} */
const baselines = new Map();

/** Forget the loaded explanations artifacts (tests). */
export function clearBaselines() {
  baselines.clear();
}

/**
 * A row → its interventional Shapley values (of the probability output) against the background rows of
 * the model's explanations artifact, equal to shap's (builder/explain.py) for method "exact"; or, for
 * method "lime", its LIME weights (worker/lime.js: lime's LimeTabularExplainer with its defaults, the
 * background rows as training data): values are the local surrogate's coefficients, base its intercept,
 * and `score` its weighted R² per output; they do not add up to the prediction.
 * @param {{spec: TaskSpec, input: unknown, method: unknown, options?: import('./protocol.js').ExplainOptions}} request
 * @param {ExplainEnv} env
 * @returns {Promise<{output: import('./protocol.js').Explanation, ms: number}>}
 */
export async function explainRow({ spec, input, method, options = {} }, env) {
  if (spec?.preprocessing?.kind !== 'tabular') {
    throw new VitrineError(ERROR_CODE.badRequest, `explain() is for tabular models, not "${spec?.task}" models.`);
  }
  if (method !== 'exact' && method !== 'kernel' && method !== 'lime') {
    throw new VitrineError(ERROR_CODE.badRequest, `Unknown explanation method ${JSON.stringify(method)}; use "exact", "kernel" or "lime".`);
  }
  const { samples, seed } = options ?? {};
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 1)) {
    throw new VitrineError(ERROR_CODE.badRequest, `samples must be a whole number ≥ 1, got ${JSON.stringify(samples)}.`);
  }
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 0xFFFFFFFF)) {
    throw new VitrineError(ERROR_CODE.badRequest, `seed must be a whole number from 0 to 4294967295, got ${JSON.stringify(seed)}.`);
  }
  try {
    rowToFeeds(input, spec.preprocessing);
    checkRowFits(/** @type {Record<string, unknown>} */ (input), spec);
  } catch (e) {
    throw new VitrineError(ERROR_CODE.badInput, e instanceof Error ? e.message : String(e));
  }
  const { features, background } = await baselineFor(spec, env);
  const row = /** @type {Record<string, string|number>} */ (input);
  const x = features.map((name) => row[name]);
  if (method === 'exact' && features.length > EXACT_MAX_FEATURES) {
    throw new VitrineError(ERROR_CODE.badRequest,
      `Exact Shapley values need all 2^${features.length} coalitions of this model's ${features.length} features ` +
      `(at most ${EXACT_MAX_FEATURES}); use method "kernel".`);
  }
  const batch = batchLimit(spec);
  let ms = 0;
  /** @type {import('./shapley.js').Evaluate} */
  const evaluate = async (rows) => {
    /** @type {ArrayLike<number>[]} */
    const out = [];
    for (let start = 0; start < rows.length; start += batch) {
      const chunk = rows.slice(start, start + batch);
      const result = await env.run(batchFeeds(chunk, features, spec));
      ms += result.ms;
      out.push(...probabilityRows(result.outputs, spec, chunk.length));
    }
    return out;
  };
  // A few large runs (BATCH_ROWS rows each); cancellation is checked between them.
  const settings = { cancelled: env.cancelled, batchRows: BATCH_ROWS };
  if (method === 'lime') {
    const categorical = features.map((name) =>
      spec.preprocessing.features.find((/** @type {{name: string}} */ f) => f.name === name)?.type === 'categorical');
    const lime = await limeTabular(x, background, categorical, evaluate, { ...settings, samples, seed });
    /** @type {import('./protocol.js').Explanation} */
    const output = {
      method,
      features,
      outputs: [...spec.labels],
      base: lime.base,
      values: lime.values,
      prediction: lime.prediction,
      backgroundRows: background.length,
      evaluations: lime.evaluations,
      samples: lime.samples,
      score: lime.score,
    };
    return { output, ms };
  }
  const result = method === 'exact'
    ? await exactShapley(x, background, evaluate, settings)
    : await kernelShap(x, background, evaluate, { ...settings, samples, seed });
  /** @type {import('./protocol.js').Explanation} */
  const output = {
    method,
    features,
    outputs: [...spec.labels],
    base: result.base,
    values: result.values,
    prediction: result.prediction,
    backgroundRows: background.length,
    evaluations: result.evaluations,
  };
  if (method === 'kernel') output.samples = result.coalitions - 1; // not counting the empty coalition (the base)
  return { output, ms };
}

/**
 * The model's explanations artifact, fetched (site scope, sha256, Cache API) and checked once per worker.
 * @param {TaskSpec} spec
 * @param {ExplainEnv} env
 * @returns {Promise<Baseline>}
 */
function baselineFor(spec, env) {
  const artifact = artifactOf(spec, /** @type {string} */ (spec.explanations), 'explanations file');
  return once(baselines, artifact.sha256, async () => readBaseline(await fetchArtifact(artifact, env), spec));
}

/**
 * The artifact's features and background rows, checked against the model (a stale or foreign file is a
 * damaged build, not something to explain with).
 * @param {Uint8Array} bytes
 * @param {TaskSpec} spec
 * @returns {Baseline}
 */
export function readBaseline(bytes, spec) {
  const damaged = (/** @type {string} */ why) => new VitrineError(ERROR_CODE.badRequest,
    `The model's explanations file does not fit the model (${why}). Rebuild the site.`);
  /** @type {any} */
  let data;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw damaged('it is not JSON');
  }
  /** @type {string[]} */
  const names = spec.preprocessing.features.map((/** @type {{name: string}} */ f) => f.name);
  const features = data?.features;
  if (!Array.isArray(features) || features.length !== names.length || !names.every((n) => features.includes(n))) {
    throw damaged(`its features are ${JSON.stringify(features)}, the model's ${JSON.stringify(names)}`);
  }
  if (!Array.isArray(data.outputs) || data.outputs.length !== spec.labels.length || data.outputs.some((/** @type {unknown} */ o, /** @type {number} */ i) => o !== spec.labels[i])) {
    throw damaged(`its outputs are ${JSON.stringify(data.outputs)}, the model's labels ${JSON.stringify(spec.labels)}`);
  }
  if (!Array.isArray(data.background) || data.background.length === 0) throw damaged('it has no background rows');
  const background = data.background.map((/** @type {unknown} */ row, /** @type {number} */ i) => {
    try {
      rowToFeeds(row, spec.preprocessing);
    } catch (e) {
      throw damaged(`background row ${i}: ${e instanceof Error ? e.message : e}`);
    }
    const values = /** @type {Record<string, string|number>} */ (row);
    return features.map((/** @type {string} */ name) => values[name]);
  });
  return { features, background };
}

/**
 * Rows per session run: all of them when every input's batch dimension is dynamic ("N"), else one.
 * @param {TaskSpec} spec
 */
export function batchLimit(spec) {
  const fixed = spec.inputs.map((s) => s.shape[0]).filter((d) => typeof d === 'number');
  if (fixed.length === 0) return Infinity;
  if (fixed.every((d) => d === 1)) return 1;
  throw new VitrineError(ERROR_CODE.badRequest,
    `The model's inputs have a fixed batch size (${fixed.join(', ')}), so it cannot be explained.`);
}

/**
 * Many rows (in the explainer's feature order) → one [n, 1] tensor per input, as rowToFeeds makes for one.
 * @param {import('./shapley.js').FeatureRow[]} rows
 * @param {string[]} features
 * @param {TaskSpec} spec
 * @returns {TensorMap}
 */
export function batchFeeds(rows, features, spec) {
  const n = rows.length;
  /** @type {Record<string, unknown>} */
  const feeds = {};
  for (const feature of spec.preprocessing.features) {
    const j = features.indexOf(feature.name);
    const dtype = spec.inputs.find((s) => s.name === feature.input)?.dtype ?? 'float32';
    if (feature.type === 'numeric') {
      const data = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
      for (let r = 0; r < n; r++) data[r] = /** @type {number} */ (rows[r][j]);
      feeds[feature.input] = { type: dtype, dims: [n, 1], data: dtype === 'float32' || dtype === 'float64' ? data : Array.from(data) };
    } else {
      feeds[feature.input] = { type: 'string', dims: [n, 1], data: rows.map((r) => String(r[j])) };
    }
  }
  return normalizeFeeds(feeds, spec.inputs);
}

/**
 * The probability output's rows (one view per input row).
 * @param {Record<string, OutputTensor>} outputs
 * @param {TaskSpec} spec
 * @param {number} n rows run
 * @returns {ArrayLike<number>[]}
 */
export function probabilityRows(outputs, spec, n) {
  const name = String(spec.postprocessing.probability_output);
  const tensor = outputs[name];
  const K = spec.labels.length;
  const data = /** @type {ArrayLike<number>} */ (/** @type {unknown} */ (tensor?.data));
  if (!tensor || !data || data.length !== n * K) {
    throw new VitrineError(ERROR_CODE.run,
      `The model's output "${name}" holds ${data?.length ?? 'no'} values for ${n} rows of ${K} labels, so there is no explanation.`);
  }
  const values = Float64Array.from(data, Number);
  return Array.from({ length: n }, (_, r) => values.subarray(r * K, (r + 1) * K));
}
