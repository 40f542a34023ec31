// Task-native prediction inside the worker: input → preprocessing → model → postprocessing → answer.
// One handler per manifest `postprocessing.kind`; each adds only what its task needs, so a new task is
// a new handler here plus a widget on the page (js_runtime/demo_shell.js).
import { ERROR_CODE, VitrineError } from './protocol.js';
import { decodeCandidates, decodeDetections } from './detection.js';
import { decodeImage } from './image_decode.js';
import { prepareImage } from './image_preprocess.js';
import { checkPrediction, checkRowFits, readPrediction, rowToFeeds } from '../js_runtime/tabular.js';
import { normalizeFeeds } from '../js_runtime/tensors.js';
import { finishSearch, finishTextClassification, prepareText } from './text_predict.js';

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
 */

/**
 * @typedef {object} Prepared
 * @property {TensorMap} feeds
 * @property {any} [context] what postprocessing needs to map the answer back (e.g. image geometry)
 * @property {string} [notice] something the visitor should know about the input (e.g. it was scaled down)
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
    prepare: async (row, spec) => {
      const feeds = rowToFeeds(row, spec.preprocessing);
      checkRowFits(/** @type {Record<string, unknown>} */ (row), spec);
      return { feeds: normalizeFeeds(feeds, spec.inputs) };
    },
    finish: (outputs, spec) => checkPrediction(readPrediction(outputs, spec), spec),
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
