// worker/detection.js against Python's builder/detectors/ssd.py on real BlazeFace outputs (the fixture
// written by tests/fixtures/make_detection_fixture.py), and onnxruntime-web (WASM, 1 thread) against
// Python onnxruntime on the same input tensor, with the model exported fresh by the builder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  decodeCandidates, decodeDetections, filterDetections, iou, makeAnchors, nms,
} from '../../worker/detection.js';
import { REPO, fileUrl, readJson } from './helpers.js';

const FIXTURE = readJson(path.join(REPO, 'tests/fixtures/detection_blazeface.json'));
const SPEC = FIXTURE.spec;
const TOLERANCE = 1e-4;
const ORT_DIST = path.join(REPO, 'node_modules/onnxruntime-web/dist/');
const PYTHON = process.env.VITRINE_PYTHON ?? path.join(REPO, '.venv/bin/python');

/** @param {{b64: string, dtype: string}} t */
function decodeArray(t) {
  const bytes = Buffer.from(t.b64, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return t.dtype === 'uint8' ? copy : new Float32Array(copy.buffer);
}

/** @param {Record<string, {b64: string, dtype: string, dims: number[]}>} outs */
function rawOutputs(outs) {
  return Object.fromEntries(Object.entries(outs).map(([name, t]) => [name, { data: decodeArray(t), dims: t.dims }]));
}

/** The input tensor from the stored letterboxed pixels, computed like builder/detectors/blazeface.to_tensor. */
function inputTensor(/** @type {any} */ image) {
  const px = /** @type {Uint8Array} */ (decodeArray(image.pixels));
  const { mean, std } = FIXTURE.preprocessing;
  const out = new Float32Array(px.length);
  for (let i = 0; i < px.length; i++) out[i] = (px[i] / 255.0 - mean[i % 3]) / std[i % 3];
  return out;
}

/** @param {ArrayLike<number>} a @param {ArrayLike<number>} b */
function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** Same detections, same order; numbers within `tol`. @param {any[]} got @param {any[]} want */
function assertSameDetections(got, want, tol = TOLERANCE, what = '') {
  assert.equal(got.length, want.length, `${what}: ${got.length} detections, Python has ${want.length}`);
  got.forEach((g, k) => {
    const w = want[k];
    assert.equal(g.label, w.label, what);
    assert.equal(g.index, w.index, `${what} #${k}: anchor ${g.index} vs Python's ${w.index}`);
    assert.ok(Math.abs(g.score - w.score) <= tol, `${what} #${k}: score ${g.score} vs ${w.score}`);
    assert.ok(maxAbsDiff(g.box, w.box) <= tol, `${what} #${k}: box ${g.box} vs ${w.box}`);
    assert.ok(maxAbsDiff(g.keypoints.flat(), w.keypoints.flat()) <= tol, `${what} #${k}: keypoints`);
  });
}

describe('detection.js: anchors', () => {
  it('makes the same 896 BlazeFace anchors as Python', () => {
    const anchors = makeAnchors(SPEC);
    const sample = FIXTURE.anchors_sample;
    assert.equal(anchors.length / 4, sample.count);
    assert.equal(sample.count, SPEC.anchors_count);
    assert.deepEqual([...anchors.slice(0, 12)], sample.first.flat());
    assert.deepEqual([...anchors.slice(-12)], sample.last.flat());
    assert.deepEqual([...anchors.slice(512 * 4, 513 * 4)], sample.index_512);
    assert.deepEqual(makeAnchors(SPEC.anchors), anchors, 'accepts the anchors object too');
  });

  it('follows MediaPipe for non-fixed sizes, interpolated scales and the reduced lowest layer', () => {
    const params = {
      num_layers: 2, min_scale: 0.2, max_scale: 0.8, input_size: [32, 64], strides: [16, 32],
      aspect_ratios: [1.0, 4.0], interpolated_scale_aspect_ratio: 1.0, reduce_boxes_in_lowest_layer: true,
    };
    const a = makeAnchors(params);
    // layer 0: 2×4 cells × 3 boxes; layer 1: 1×2 cells × (2 ratios + interpolated)
    assert.equal(a.length / 4, 2 * 4 * 3 + 1 * 2 * 3);
    assert.deepEqual([...a.slice(0, 4)], [0.5 / 4, 0.5 / 2, 0.1, 0.1]);
    assert.deepEqual([...a.slice(4, 8)], [0.5 / 4, 0.5 / 2, 0.2 * Math.sqrt(2), 0.2 / Math.sqrt(2)]);
    const last = [...a.slice(-4)];
    assert.deepEqual(last.slice(0, 2), [1.5 / 2, 0.5 / 1]);
    assert.ok(Math.abs(last[2] - Math.sqrt(0.8 * 1.0)) < 1e-15 && Math.abs(last[3] - Math.sqrt(0.8)) < 1e-15);
  });
});

describe('detection.js decodes like Python on real BlazeFace outputs', () => {
  for (const image of FIXTURE.images) {
    const outputs = rawOutputs(image.outputs);

    it(`${image.id}: candidates (floor ${SPEC.candidate_floor}) equal Python's`, () => {
      assertSameDetections(decodeCandidates(outputs, SPEC), image.candidates, TOLERANCE, 'candidates');
    });

    it(`${image.id}: weighted-NMS detections equal Python's`, () => {
      assertSameDetections(decodeDetections(outputs, SPEC), image.detections, TOLERANCE, 'weighted');
      assert.ok(image.detections.length > 0, 'the fixture image has faces');
    });

    it(`${image.id}: hard-NMS detections equal Python's`, () => {
      assertSameDetections(decodeDetections(outputs, { ...SPEC, nms: 'hard' }), image.detections_hard, TOLERANCE, 'hard');
    });

    it(`${image.id}: re-filtering candidates with new thresholds equals Python's`, () => {
      const candidates = decodeCandidates(outputs, SPEC);
      const { min_score: minScore, iou: iouThreshold } = FIXTURE.refilter;
      assertSameDetections(filterDetections(candidates, { minScore, iou: iouThreshold }), image.refiltered, TOLERANCE, 'refiltered');
      // re-filtering at the spec's thresholds gives what a full decode gives
      assertSameDetections(filterDetections(candidates, { minScore: SPEC.min_score, iou: SPEC.iou }), image.detections, 1e-9, 'same');
    });
  }
});

describe('detection.js: NMS properties', () => {
  const candidates = decodeCandidates(rawOutputs(FIXTURE.images[1].outputs), SPEC);

  it('hard NMS keeps no pair above the IoU threshold, is idempotent and ignores input order', () => {
    const kept = nms(candidates, 0.3, 'hard');
    for (let i = 0; i < kept.length; i++) {
      for (let j = i + 1; j < kept.length; j++) assert.ok(iou(kept[i].box, kept[j].box) <= 0.3);
    }
    assert.deepEqual(nms(kept, 0.3, 'hard'), kept);
    assert.deepEqual(nms([...candidates].reverse(), 0.3, 'hard'), kept);
  });

  it('weighted NMS keeps the heads\' scores and anchors, sorted by score then index, without mutating input', () => {
    const before = JSON.stringify(candidates);
    const weighted = nms(candidates, 0.3, 'weighted');
    const hard = nms(candidates, 0.3, 'hard');
    assert.deepEqual(weighted.map((d) => [d.index, d.score]), hard.map((d) => [d.index, d.score]));
    assert.equal(JSON.stringify(candidates), before);
    for (let k = 1; k < weighted.length; k++) {
      const [a, b] = [weighted[k - 1], weighted[k]];
      assert.ok(a.score > b.score || (a.score === b.score && a.index < b.index));
    }
  });

  it('breaks score ties by anchor index and averages a cluster by score', () => {
    const d = (/** @type {number} */ index, /** @type {number} */ score, /** @type {number[]} */ box) => ({
      box, label: 'face', score, keypoints: [[box[0], box[1]]], index,
    });
    const tied = [d(7, 0.5, [0, 0, 10, 10]), d(3, 0.5, [100, 100, 10, 10])];
    assert.deepEqual(nms(tied, 0.3, 'hard').map((x) => x.index), [3, 7]);
    const merged = nms([d(1, 0.75, [0, 0, 10, 10]), d(2, 0.25, [2, 0, 10, 10])], 0.3, 'weighted');
    assert.equal(merged.length, 1);
    assert.deepEqual(merged[0].box, [0.5, 0, 10, 10]);
    assert.deepEqual(merged[0].keypoints, [[0.5, 0]]);
    assert.equal(merged[0].score, 0.75);
    assert.throws(() => nms(tied, 0.3, /** @type {any} */ ('soft')), /unknown NMS method/);
  });

  it('iou handles disjoint, touching, nested and empty boxes', () => {
    assert.equal(iou([0, 0, 10, 10], [20, 20, 5, 5]), 0);
    assert.equal(iou([0, 0, 10, 10], [10, 0, 10, 10]), 0);
    assert.equal(iou([0, 0, 10, 10], [0, 0, 5, 10]), 0.5);
    assert.equal(iou([0, 0, 0, 0], [0, 0, 0, 0]), 0);
  });

  it('rejects outputs that do not fit the anchors', () => {
    const bad = { regressors: { data: new Float32Array(16), dims: [1, 1, 16] }, classificators: { data: new Float32Array(1), dims: [1, 1, 1] } };
    assert.throws(() => decodeCandidates(bad, SPEC), /1 boxes but the spec makes 896 anchors/);
    assert.throws(() => decodeCandidates({}, SPEC), /missing/);
  });
});

describe('onnxruntime-web (WASM, 1 thread) runs the exported BlazeFace like Python onnxruntime', () => {
  /** @type {any} */
  let ort;
  /** @type {any} */
  let session;
  /** @type {string} */
  let tmp;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-detection-'));
    const file = path.join(tmp, 'blazeface.onnx');
    try {
      execFileSync(PYTHON, ['-m', 'builder.detectors', file], { cwd: REPO, stdio: 'pipe' });
    } catch (err) {
      throw new Error(`exporting BlazeFace failed (needs \`pip install --no-deps mediapipe==0.10.14\` in ${PYTHON}): ${
        /** @type {any} */ (err).stderr ?? err}`);
    }
    const bytes = fs.readFileSync(file);
    const digest = createHash('sha256').update(bytes).digest('hex');
    assert.equal(digest, FIXTURE.model.onnx_sha256,
      'the exported model changed since the fixture was written: run tests/fixtures/make_detection_fixture.py');
    ort = await import(fileUrl(path.join(ORT_DIST, 'ort.wasm.min.mjs')));
    ort.env.wasm.wasmPaths = fileUrl(ORT_DIST);
    ort.env.wasm.numThreads = 1;
    session = await ort.InferenceSession.create(new Uint8Array(bytes), { executionProviders: ['wasm'] });
  });

  after(async () => {
    await session?.release();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const image of FIXTURE.images) {
    it(`${image.id}: raw outputs within 1e-4 of Python's, and the same detections`, async () => {
      const input = new ort.Tensor('float32', inputTensor(image), image.pixels.dims.length === 3 ? [1, ...image.pixels.dims] : image.pixels.dims);
      const results = await session.run({ [FIXTURE.preprocessing.input]: input });
      const want = rawOutputs(image.outputs);
      /** @type {Record<string, {data: Float32Array, dims: number[]}>} */
      const got = {};
      for (const name of Object.keys(want)) {
        assert.deepEqual([...results[name].dims], want[name].dims);
        const diff = maxAbsDiff(results[name].data, want[name].data);
        assert.ok(diff <= TOLERANCE, `${name}: max |ORT-web − ORT| = ${diff}`);
        got[name] = { data: results[name].data, dims: [...results[name].dims] };
      }
      // raw differences of ≤1e-4 move boxes by ≤1e-4 px (box_scale 128 ↔ 128 px input)
      assertSameDetections(decodeDetections(got, SPEC), image.detections, 1e-3, 'ORT-web detections');
    });
  }
});
