// The pure parts of the image widget: the predict() answer check, heat-map scaling, colours and words,
// and the image input's file checks and example names. The DOM parts run in Chromium
// (tests/browser/test_demo_image_widget.py).
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import {
  describeCam, normalizeCam, placeName, readScores, upscaleBilinear, viridis,
} from '../../js_runtime/demo_image.js';
import { imageFileProblem, nameFromUrl } from '../../js_runtime/image_input.js';

/** A w × h map with one peak at (px, py). */
function peakCam(w, h, px, py, region = { x: 0, y: 0, width: 10, height: 10 }) {
  const data = new Float32Array(w * h).fill(-2);
  data[py * w + px] = 5;
  return { width: w, height: h, data, region };
}

describe('readScores', () => {
  it('keeps the contract fields, best first, at most 5, scores clamped to 0..1', () => {
    const answer = [0.05, 0.5, 0.2, 0.1, 0.01, 0.14].map((score, index) => ({ label: `c${index}`, score, index }));
    answer[1].score = 1.0000001; // float noise
    const scores = readScores(answer);
    assert.deepEqual(scores.map((s) => s.label), ['c1', 'c2', 'c5', 'c3', 'c0']);
    assert.equal(scores[0].score, 1);
  });

  it('keeps a well-formed CAM', () => {
    const cam = peakCam(3, 2, 0, 0);
    assert.equal(readScores([{ label: 'a', score: 0.9, index: 0, cam }])[0].cam, cam);
  });

  it('refuses what is not the contract, with a sentence for visitors', () => {
    const error = mock.method(console, 'error', () => {});
    try {
      const bad = [
        { label: 'a', score: 0.5 },
        [{ label: 1, score: 0.5, index: 0 }],
        [{ label: 'a', score: NaN, index: 0 }],
        [{ label: 'a', score: 0.5, index: 0, cam: { ...peakCam(3, 3, 0, 0), width: 2 } }],
        [{ label: 'a', score: 0.5, index: 0, cam: { ...peakCam(3, 3, 0, 0), region: { x: 0, y: 0, width: 0, height: 3 } } }],
      ];
      for (const answer of bad) {
        assert.throws(() => readScores(answer), /The model returned an answer this page cannot show\./);
      }
      assert.equal(error.mock.callCount(), bad.length, 'the details go to the console');
    } finally {
      error.mock.restore();
    }
  });
});

describe('heat maps', () => {
  it('normalizeCam maps min..max to 0..1; a flat or all-NaN map is flat', () => {
    const { values, flat } = normalizeCam([-3, 1, 5, NaN]);
    assert.equal(flat, false);
    assert.deepEqual([...values], [0, 0.5, 1, 0]);
    assert.equal(normalizeCam([2, 2, 2]).flat, true);
    assert.equal(normalizeCam([NaN, Infinity]).flat, true);
  });

  it('upscaleBilinear keeps the values at pixel centres and interpolates between them', () => {
    const src = new Float32Array([0, 1, 1, 0]);
    assert.deepEqual([...upscaleBilinear(src, 2, 2, 2, 2)], [0, 1, 1, 0]);
    const big = upscaleBilinear(new Float32Array([0, 1]), 2, 1, 8, 1);
    assert.deepEqual([...big], [0, 0, 0.125, 0.375, 0.625, 0.875, 1, 1]);
    for (const v of upscaleBilinear(new Float32Array([0, 0.3, 0.9, 1]), 2, 2, 37, 23)) assert.ok(v >= 0 && v <= 1);
  });

  it('viridis runs from dark purple to yellow', () => {
    const close = (/** @type {number[]} */ a, /** @type {number[]} */ b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);
    assert.ok(close(viridis(0), [68, 1, 84]), String(viridis(0)));
    assert.ok(close(viridis(0.5), [33, 145, 140]), String(viridis(0.5)));
    assert.ok(close(viridis(1), [253, 231, 37]), String(viridis(1)));
    assert.deepEqual(viridis(-1), viridis(0));
    assert.deepEqual(viridis(NaN), viridis(0));
  });

  it('describeCam says where the peak is in the crop and how concentrated it is', () => {
    assert.match(describeCam(peakCam(7, 7, 1, 1)), /^strongest activation in the upper left of the crop, concentrated there \(2% of the crop/);
    assert.match(describeCam(peakCam(7, 7, 5, 6)), /in the lower right of the crop/);
    assert.match(describeCam(peakCam(7, 7, 3, 3)), /in the centre of the crop/);
    assert.match(describeCam(peakCam(5, 3, 2, 0)), /in the top centre of the crop/);
    const wide = { width: 2, height: 2, data: [1, 1, 1, 0], region: { x: 0, y: 0, width: 1, height: 1 } };
    assert.match(describeCam(wide), /spread over much of the image \(75% of the crop/);
    assert.equal(describeCam({ ...wide, data: [3, 3, 3, 3] }), 'the map is flat: no part of the image stands out.');
  });

  it('placeName covers the nine thirds', () => {
    const names = [1 / 6, 1 / 2, 5 / 6].flatMap((y) => [1 / 6, 1 / 2, 5 / 6].map((x) => placeName(x, y)));
    assert.deepEqual(names, ['upper left', 'top centre', 'upper right', 'left side', 'centre', 'right side',
      'lower left', 'bottom centre', 'lower right']);
  });
});

describe('image input checks', () => {
  it('imageFileProblem refuses empty files and files of other types; untyped files go to the model', () => {
    assert.equal(imageFileProblem(new Blob([]), '“a.png”'), '“a.png” is empty.');
    assert.match(imageFileProblem(new Blob(['x'], { type: 'text/plain' }), '“notes.txt”') ?? '',
      /^“notes\.txt” is not an image \(it is text\/plain\)\./);
    assert.equal(imageFileProblem(new Blob(['x'], { type: 'image/heic' }), 'x'), null);
    assert.equal(imageFileProblem(new Blob(['x']), 'x'), null);
  });

  it('nameFromUrl drops the folder, the content hash and the extension', () => {
    assert.equal(nameFromUrl('https://site/models/photos/tabby-cat.0123456789abcdef.jpg'), 'tabby-cat');
    assert.equal(nameFromUrl('models/photos/red%20fox.png'), 'red fox');
    assert.equal(nameFromUrl('models/photos/'), '');
  });
});
