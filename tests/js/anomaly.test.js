import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAnomaly } from '../../js_runtime/tabular.js';
import { columnsToFeeds, precisionRecall } from '../../js_runtime/anomaly_lab.js';

const info = {
  labels: ['normal', 'anomaly'],
  inputs: [],
  postprocessing: { kind: 'anomaly-detection', label_output: 'label', score_output: 'scores', threshold: 0 },
  preprocessing: {
    kind: 'tabular',
    features: [
      { name: 'humidity', input: 'humidity', type: 'numeric', label: 'Humidity' },
      { name: 'site', input: 'site', type: 'categorical', label: 'Site', categories: ['a', 'b'] },
    ],
  },
};

describe('readAnomaly', () => {
  it('scores a row as −decision_function and calls it an anomaly above the threshold', () => {
    const out = (v) => ({ scores: { type: 'float32', dims: [1, 1], data: Float32Array.of(v) } });
    assert.deepEqual(readAnomaly(out(-0.25), /** @type {any} */ (info)), { score: 0.25, anomaly: true, threshold: 0 });
    assert.deepEqual(readAnomaly(out(0.125), /** @type {any} */ (info)), { score: -0.125, anomaly: false, threshold: 0 });
    assert.equal(readAnomaly(out(0), /** @type {any} */ (info)).anomaly, false); // at the threshold: normal, as scikit-learn's predict
    assert.throws(() => readAnomaly(out(NaN), /** @type {any} */ (info)), /returned NaN/);
    assert.throws(() => readAnomaly({}, /** @type {any} */ (info)), /expects "scores"/);
  });
});

describe('precisionRecall', () => {
  it('counts what a threshold flags among labelled rows', () => {
    const r = precisionRecall([0.3, 0.1, -0.2, 0.05], [true, false, true, false], 0.08);
    assert.deepEqual(r, { flagged: 2, hits: 1, anomalies: 2, precision: 0.5, recall: 0.5 });
    assert.deepEqual(precisionRecall([0.1], [false], 1), { flagged: 0, hits: 0, anomalies: 0, precision: 0, recall: 0 });
  });
});

describe('columnsToFeeds', () => {
  it('reads the model\'s columns in any order, ignoring others', () => {
    const r = columnsToFeeds({ columns: ['note', 'site', 'humidity'], rows: [['x', 'b', ' 45.5 '], ['y', 'a', '1e2']] }, /** @type {any} */ (info));
    assert.deepEqual(r, { feeds: { humidity: [45.5, 100], site: ['b', 'a'] }, problems: [], n: 2 });
  });

  it('names every bad cell by row and column, and missing columns by name', () => {
    const r = columnsToFeeds({ columns: ['humidity', 'site'], rows: [['wet', 'a'], ['', 'c'], ['Infinity', 'b']] }, /** @type {any} */ (info));
    assert.deepEqual(r.problems, [
      'row 1, column "humidity": "wet" is not a number', 'row 2, column "humidity": empty', 'row 3, column "humidity": "Infinity" is not a number',
      'row 2, column "site": "c" is not one of a, b',
    ]);
    assert.deepEqual(columnsToFeeds({ columns: ['hum'], rows: [['1']] }, /** @type {any} */ (info)).problems, ['no column "humidity", "site" (the header has "hum")']);
    assert.deepEqual(columnsToFeeds({ columns: ['humidity', 'site'], rows: [] }, /** @type {any} */ (info)).problems, ['the file has a header but no rows']);
  });
});
