// SSD-style anchor decoding and non-maximum suppression for detector outputs: pure functions, no DOM.
//
// The line-for-line twin of builder/detectors/ssd.py (tests/js/detection.test.js checks both give the
// same detections on real model outputs). The maths follows MediaPipe's SsdAnchorsCalculator,
// TensorsToDetectionsCalculator and NonMaxSuppressionCalculator; arithmetic is float64 on the float32
// raw values, in the same order as Python.
//
// A page decodes once with a low floor (`decodeCandidates`), then re-filters with new score / IoU
// thresholds (`filterDetections`) without re-running the model.
//
// NMS methods (`spec.nms`, default "weighted"):
// - "weighted" (MediaPipe's WEIGHTED): take the best remaining candidate; every remaining candidate whose
//   IoU with it is > iou (itself included) forms a cluster; output the score-weighted mean of the
//   cluster's box corners and keypoints with the best candidate's score; remove the cluster.
// - "hard": keep the best remaining candidate, drop every remaining one with IoU > iou.
// Order is deterministic: score descending, then anchor index ascending.

/**
 * @typedef {{data: ArrayLike<number>, dims: readonly number[]}} RawTensor
 * @typedef {{box: number[], label: string, score: number, keypoints: number[][], index: number}} Detection
 * @typedef {{
 *   num_layers: number, min_scale: number, max_scale: number, input_size: number[], strides: number[],
 *   anchor_offset?: number[], aspect_ratios?: number[], interpolated_scale_aspect_ratio?: number,
 *   reduce_boxes_in_lowest_layer?: boolean, fixed_anchor_size?: boolean
 * }} AnchorParams
 * @typedef {{
 *   boxes_output: string, scores_output: string, anchors: AnchorParams, box_scale: number[],
 *   classes: string[], box_order?: string, keypoint_offset?: number, keypoints?: number,
 *   score?: string, score_clip?: number, min_score: number, iou: number, nms?: 'weighted' | 'hard',
 *   candidate_floor?: number
 * }} DetectionSpec
 */

/** @param {number} minScale @param {number} maxScale @param {number} index @param {number} count */
function scaleOf(minScale, maxScale, index, count) {
  if (count === 1) return (minScale + maxScale) * 0.5;
  return minScale + (maxScale - minScale) * index / (count - 1.0);
}

/**
 * Anchors as a flat Float64Array [x_center, y_center, w, h, ...], normalised to 0..1.
 * @param {DetectionSpec | AnchorParams} specOrParams a detection spec, or its `anchors` object
 * @returns {Float64Array}
 */
export function makeAnchors(specOrParams) {
  const p = /** @type {AnchorParams} */ ('anchors' in specOrParams ? specOrParams.anchors : specOrParams);
  const strides = p.strides;
  const [height, width] = p.input_size;
  const [offsetX, offsetY] = p.anchor_offset ?? [0.5, 0.5];
  const aspectRatios = p.aspect_ratios ?? [1.0];
  const interpolated = p.interpolated_scale_aspect_ratio ?? 1.0;
  const reduceLowest = Boolean(p.reduce_boxes_in_lowest_layer);
  const fixed = Boolean(p.fixed_anchor_size);
  /** @type {number[]} */
  const out = [];
  let layer = 0;
  while (layer < p.num_layers) {
    /** @type {number[]} */ const ratios = [];
    /** @type {number[]} */ const scales = [];
    let last = layer;
    while (last < strides.length && strides[last] === strides[layer]) {
      const scale = scaleOf(p.min_scale, p.max_scale, last, strides.length);
      if (last === 0 && reduceLowest) {
        ratios.push(1.0, 2.0, 0.5);
        scales.push(0.1, scale, scale);
      } else {
        for (const ratio of aspectRatios) {
          ratios.push(ratio);
          scales.push(scale);
        }
        if (interpolated > 0.0) {
          const following = last === strides.length - 1 ? 1.0 : scaleOf(p.min_scale, p.max_scale, last + 1, strides.length);
          scales.push(Math.sqrt(scale * following));
          ratios.push(interpolated);
        }
      }
      last += 1;
    }
    const sizes = ratios.map((r, i) => [scales[i] * Math.sqrt(r), scales[i] / Math.sqrt(r)]);
    const stride = strides[layer];
    const rows = Math.ceil(height / stride);
    const cols = Math.ceil(width / stride);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        for (const [w, h] of sizes) {
          const cx = (x + offsetX) / cols;
          const cy = (y + offsetY) / rows;
          if (fixed) out.push(cx, cy, 1.0, 1.0);
          else out.push(cx, cy, w, h);
        }
      }
    }
    layer = last;
  }
  return Float64Array.from(out);
}

/** @type {WeakMap<object, Float64Array>} */
const anchorCache = new WeakMap();

/** @param {DetectionSpec} spec */
function anchorsFor(spec) {
  let anchors = anchorCache.get(spec.anchors);
  if (!anchors) {
    anchors = makeAnchors(spec.anchors);
    anchorCache.set(spec.anchors, anchors);
  }
  return anchors;
}

/**
 * An output as rows × cols (drops a leading batch axis of 1).
 * @param {Record<string, RawTensor>} outputs @param {string} name
 */
function table(outputs, name) {
  const tensor = outputs[name];
  if (!tensor) throw new Error(`detector output ${name} is missing`);
  const dims = tensor.dims;
  if (dims.length === 3 && dims[0] !== 1) throw new Error(`${name}: only batch size 1 is supported, got [${dims}]`);
  const cols = dims[dims.length - 1];
  const rows = dims.length >= 2 ? dims[dims.length - 2] : 1;
  return { data: tensor.data, rows, cols };
}

/**
 * Every anchor scoring ≥ floor, decoded to model-input pixels, before NMS (score desc, then index).
 * @param {Record<string, RawTensor>} outputs
 * @param {DetectionSpec} spec
 * @param {number} [floor] defaults to spec.candidate_floor (or 0)
 * @returns {Detection[]}
 */
export function decodeCandidates(outputs, spec, floor = spec.candidate_floor ?? 0) {
  const anchors = anchorsFor(spec);
  const boxes = table(outputs, spec.boxes_output);
  const scores = table(outputs, spec.scores_output);
  if (boxes.rows * 4 !== anchors.length) {
    throw new Error(`${spec.boxes_output} has ${boxes.rows} boxes but the spec makes ${anchors.length / 4} anchors`);
  }
  const [height, width] = spec.anchors.input_size;
  const [xs, ys, ws, hs] = spec.box_scale;
  const order = spec.box_order ?? 'xywh';
  const [bx, by, bw, bh] = ['x', 'y', 'w', 'h'].map((c) => order.indexOf(c));
  const kpOffset = spec.keypoint_offset ?? 4;
  const nKeypoints = spec.keypoints ?? 0;
  const clip = spec.score_clip;
  const sigmoid = (spec.score ?? 'sigmoid') === 'sigmoid';
  /** @type {Detection[]} */
  const found = [];
  for (let i = 0; i < boxes.rows; i++) {
    let best = -Infinity;
    let cls = 0;
    for (let c = 0; c < scores.cols; c++) {
      let s = scores.data[i * scores.cols + c];
      if (clip !== undefined && clip !== null) s = Math.min(Math.max(s, -clip), clip);
      if (sigmoid) s = 1.0 / (1.0 + Math.exp(-s));
      if (s > best) {
        best = s;
        cls = c;
      }
    }
    if (!(best >= floor)) continue;
    const r = i * boxes.cols;
    const ax = anchors[4 * i];
    const ay = anchors[4 * i + 1];
    const aw = anchors[4 * i + 2];
    const ah = anchors[4 * i + 3];
    const cx = boxes.data[r + bx] / xs * aw + ax;
    const cy = boxes.data[r + by] / ys * ah + ay;
    const w = boxes.data[r + bw] / ws * aw;
    const h = boxes.data[r + bh] / hs * ah;
    /** @type {number[][]} */
    const keypoints = [];
    for (let k = 0; k < nKeypoints; k++) {
      const kx = boxes.data[r + kpOffset + 2 * k] / xs * aw + ax;
      const ky = boxes.data[r + kpOffset + 2 * k + 1] / ys * ah + ay;
      keypoints.push([kx * width, ky * height]);
    }
    found.push({
      box: [(cx - w / 2) * width, (cy - h / 2) * height, w * width, h * height],
      label: spec.classes[cls],
      score: best,
      keypoints,
      index: i,
    });
  }
  return found.sort(byScoreThenIndex);
}

/** @param {Detection} a @param {Detection} b */
function byScoreThenIndex(a, b) {
  return b.score - a.score || a.index - b.index;
}

/**
 * Intersection over union of two [x, y, w, h] boxes; 0 when they do not overlap or are empty.
 * @param {ArrayLike<number>} a @param {ArrayLike<number>} b
 */
export function iou(a, b) {
  const ix = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const iy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (ix <= 0 || iy <= 0) return 0.0;
  const inter = ix * iy;
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0.0;
}

/** @param {Detection[]} cluster @returns {Detection} */
function weighted(cluster) {
  const head = cluster[0];
  let total = 0.0;
  let x0 = 0.0;
  let y0 = 0.0;
  let x1 = 0.0;
  let y1 = 0.0;
  const kps = head.keypoints.map(() => [0.0, 0.0]);
  for (const d of cluster) {
    const s = d.score;
    const [x, y, w, h] = d.box;
    total += s;
    x0 += x * s;
    y0 += y * s;
    x1 += (x + w) * s;
    y1 += (y + h) * s;
    d.keypoints.forEach(([kx, ky], k) => {
      kps[k][0] += kx * s;
      kps[k][1] += ky * s;
    });
  }
  const x = x0 / total;
  const y = y0 / total;
  return {
    ...head,
    box: [x, y, x1 / total - x, y1 / total - y],
    keypoints: kps.map(([kx, ky]) => [kx / total, ky / total]),
  };
}

/**
 * Non-maximum suppression ("weighted" or "hard", see the file header); input order does not matter
 * and the input is not modified.
 * @param {Detection[]} candidates
 * @param {number} iouThreshold
 * @param {'weighted' | 'hard'} [method]
 * @returns {Detection[]}
 */
export function nms(candidates, iouThreshold, method = 'weighted') {
  if (method !== 'weighted' && method !== 'hard') throw new Error(`unknown NMS method ${method}`);
  let remaining = [...candidates].sort(byScoreThenIndex);
  /** @type {Detection[]} */
  const kept = [];
  while (remaining.length > 0) {
    const head = remaining[0];
    const cluster = [head];
    /** @type {Detection[]} */
    const rest = [];
    for (let j = 1; j < remaining.length; j++) {
      const d = remaining[j];
      (iou(d.box, head.box) > iouThreshold ? cluster : rest).push(d);
    }
    kept.push(method === 'weighted' ? weighted(cluster) : head);
    remaining = rest;
  }
  return kept;
}

/**
 * Re-filter decoded candidates with new thresholds: score ≥ minScore, then NMS.
 * @param {Detection[]} candidates
 * @param {{minScore: number, iou: number, method?: 'weighted' | 'hard'}} options
 */
export function filterDetections(candidates, { minScore, iou: iouThreshold, method = 'weighted' }) {
  return nms(candidates.filter((d) => d.score >= minScore), iouThreshold, method);
}

/**
 * Raw outputs → final detections in model-input pixels (the spec's thresholds unless given).
 * @param {Record<string, RawTensor>} outputs
 * @param {DetectionSpec} spec
 * @param {{minScore?: number, iou?: number}} [options]
 * @returns {Detection[]}
 */
export function decodeDetections(outputs, spec, { minScore = spec.min_score, iou: iouThreshold = spec.iou } = {}) {
  return filterDetections(decodeCandidates(outputs, spec, minScore), {
    minScore, iou: iouThreshold, method: spec.nms ?? 'weighted',
  });
}
