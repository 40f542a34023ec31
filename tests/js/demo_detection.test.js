// The pure parts of the object-detection widget: the predict() answer check, the manifest's thresholds,
// the words and numbers it shows, box scaling, label placement and the download's name. The DOM parts
// run in Chromium (tests/browser/test_demo_detection_widget.py).
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import {
  annotatedName, boxCaption, countText, describeBox, formatPercent, labelPosition, pluralLabel, readDetections,
  readSettings, rowName, scaleBox,
} from '../../js_runtime/demo_detection.js';
import { filterDetections } from '../../worker/detection.js';

describe('readDetections', () => {
  it('keeps the contract fields, best first, numbered by their place in the answer', () => {
    const answer = [
      { box: [10, 20, 30, 40], label: 'face', score: 0.4, keypoints: [[15, 25], [30, 25]] },
      { box: [100, 20, 30, 40], label: 'face', score: 1.0000001, keypoints: [] },
      { box: [50, 50, 5, 5], label: 'face', score: 0.4 },
    ];
    const found = readDetections(answer);
    assert.deepEqual(found.map((d) => d.index), [1, 0, 2]); // ties keep the answer's order
    assert.equal(found[0].score, 1);
    assert.deepEqual(found[1].keypoints, [[15, 25], [30, 25]]);
    assert.deepEqual(found[2].keypoints, []);
    assert.notEqual(found[1].box, answer[0].box, 'a copy: re-filtering never changes the answer');
  });

  it('accepts an empty answer', () => {
    assert.deepEqual(readDetections([]), []);
  });

  it('refuses what is not the contract, with a sentence for visitors', () => {
    const error = mock.method(console, 'error', () => {});
    try {
      const bad = [
        { box: [0, 0, 1, 1], label: 'face', score: 0.5 },
        [{ box: [0, 0, 1], label: 'face', score: 0.5 }],
        [{ box: [0, 0, 1, NaN], label: 'face', score: 0.5 }],
        [{ box: [0, 0, -1, 1], label: 'face', score: 0.5 }],
        [{ box: [0, 0, 1, 1], label: 3, score: 0.5 }],
        [{ box: [0, 0, 1, 1], label: 'face', score: '0.5' }],
        [{ box: [0, 0, 1, 1], label: 'face', score: 0.5, keypoints: [[1]] }],
        [null],
      ];
      for (const answer of bad) {
        assert.throws(() => readDetections(answer), /The model returned an answer this page cannot show\./);
      }
      assert.equal(error.mock.callCount(), bad.length, 'the details go to the console');
    } finally {
      error.mock.restore();
    }
  });

  it('feeds filterDetections: the sliders re-filter what it returns', () => {
    const found = readDetections([
      { box: [0, 0, 10, 10], label: 'face', score: 0.9, keypoints: [] },
      { box: [1, 1, 10, 10], label: 'face', score: 0.8, keypoints: [] },
      { box: [50, 50, 10, 10], label: 'face', score: 0.3, keypoints: [] },
    ]);
    assert.equal(filterDetections(found, { minScore: 0.5, iou: 0.3, method: 'hard' }).length, 1);
    assert.equal(filterDetections(found, { minScore: 0.2, iou: 0.3, method: 'hard' }).length, 2);
    assert.equal(filterDetections(found, { minScore: 0.2, iou: 0.9, method: 'hard' }).length, 3);
  });
});

describe('readSettings', () => {
  it('reads the postprocessing thresholds and names', () => {
    const info = /** @type {any} */ ({
      labels: ['x'],
      postprocessing: { min_score: 0.75, iou: 0.4, nms: 'hard', candidate_floor: 0.2, classes: ['face'], keypoint_names: ['left eye'] },
    });
    assert.deepEqual(readSettings(info), {
      minScore: 0.75, iou: 0.4, method: 'hard', floor: 0.2, classes: ['face'], keypointNames: ['left eye'],
    });
  });

  it('falls back to the documented defaults', () => {
    const settings = readSettings(/** @type {any} */ ({ labels: ['face'], postprocessing: { min_score: 7, nms: 'odd' } }));
    assert.deepEqual(settings, { minScore: 0.5, iou: 0.3, method: 'weighted', floor: 0.1, classes: ['face'], keypointNames: [] });
  });
});

describe('words', () => {
  it('names what was found', () => {
    const faces = pluralLabel(['face']);
    assert.deepEqual(faces, { one: 'face', many: 'faces' });
    assert.equal(countText(0, faces), 'No faces found');
    assert.equal(countText(1, faces), '1 face found');
    assert.equal(countText(3, faces), '3 faces found');
    assert.deepEqual(pluralLabel(['cat', 'dog']), { one: 'object', many: 'objects' });
    assert.deepEqual(pluralLabel([]), { one: 'object', many: 'objects' });
    assert.equal(pluralLabel(['box']).many, 'boxes');
  });

  it('labels a box and its row alike', () => {
    assert.equal(boxCaption({ label: 'face', score: 0.9734 }, 0), 'face 1 · 97%');
    assert.equal(rowName({ label: 'face' }, 2), 'Face 3');
    assert.equal(rowName({ label: '' }, 0), 'Object 1');
    assert.equal(formatPercent(0.9734), '97.3%');
  });

  it('says where a box lies in whole pixels', () => {
    assert.equal(describeBox([120.4, 44.6, 80.2, 95.5]), 'x 120, y 45, 80 × 96 px');
  });
});

describe('geometry', () => {
  it('scales a box from image pixels to the displayed size', () => {
    assert.deepEqual(scaleBox([100, 50, 40, 20], 0.5, 0.25), [50, 12.5, 20, 5]);
    assert.deepEqual(scaleBox([100, 50, 40, 20], 1, 1), [100, 50, 40, 20]);
  });

  it('puts a label above its box where there is room, else inside, within the canvas', () => {
    assert.deepEqual(labelPosition([50, 40, 30, 30], 20, 10, 200, 100), { x: 50, y: 30 });
    assert.deepEqual(labelPosition([50, 5, 30, 30], 20, 10, 200, 100), { x: 50, y: 5 });
    assert.deepEqual(labelPosition([190, 40, 10, 10], 20, 10, 200, 100), { x: 180, y: 30 });
    assert.deepEqual(labelPosition([-5, -8, 30, 30], 20, 10, 200, 100), { x: 0, y: 0 });
    assert.deepEqual(labelPosition([0, 95, 10, 10], 20, 10, 200, 100), { x: 0, y: 85 });
  });
});

describe('annotatedName', () => {
  it('names the download after the input', () => {
    assert.equal(annotatedName('beach photo.jpg'), 'beach photo-annotated.png');
    assert.equal(annotatedName('Pasted image'), 'Pasted image-annotated.png');
    assert.equal(annotatedName('a/b:c?.png'), 'a_b_c_-annotated.png');
    assert.equal(annotatedName('.png'), 'image-annotated.png');
    assert.equal(annotatedName('...hidden.jpeg'), 'hidden-annotated.png');
    assert.ok(annotatedName('x'.repeat(300)).length <= 120 + '-annotated.png'.length);
  });
});
