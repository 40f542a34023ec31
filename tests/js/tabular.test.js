import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeRow, readPrediction, readRegression, rowToFeeds } from '../../js_runtime/tabular.js';
import { normalizeFeeds } from '../../js_runtime/tensors.js';
import { manifestFiles, readJson, tabularManifest } from './helpers.js';

const info = tabularManifest().models[0];
const row = () => ({ ...info.examples[0].input });

describe('rowToFeeds', () => {
  it('builds one [1, 1] tensor per feature that passes input validation', () => {
    const feeds = rowToFeeds(row(), info.preprocessing);
    assert.deepEqual(Object.keys(feeds), info.preprocessing.features.map((f) => f.input));
    assert.ok(feeds.bill_length_mm.data instanceof Float32Array);
    assert.equal(feeds.bill_length_mm.data[0], Math.fround(row().bill_length_mm));
    assert.deepEqual(feeds.island, { type: 'string', dims: [1, 1], data: [row().island] });
    assert.doesNotThrow(() => normalizeFeeds(feeds, info.inputs));
  });

  for (const bad of [NaN, Infinity, -Infinity, '39.1', null]) {
    it(`rejects numeric value ${String(bad)} naming the feature`, () => {
      assert.throws(() => rowToFeeds({ ...row(), bill_depth_mm: bad }, info.preprocessing),
        { message: `Feature "bill_depth_mm" must be a finite number, got ${typeof bad === 'string' ? '"39.1"' : String(bad)}.` });
    });
  }

  it('rejects unknown categories naming the feature and the valid ones', () => {
    assert.throws(() => rowToFeeds({ ...row(), island: 'Mars' }, info.preprocessing),
      { message: 'Feature "island" has unknown category "Mars"; expected one of: Biscoe, Dream, Torgersen.' });
    assert.throws(() => rowToFeeds({ ...row(), sex: 1 }, info.preprocessing), /Feature "sex" has unknown category 1/);
  });

  it('rejects missing and unknown features and non-object rows', () => {
    const missing = row();
    delete missing.sex;
    assert.throws(() => rowToFeeds(missing, info.preprocessing), { message: 'Missing feature "sex".' });
    assert.throws(() => rowToFeeds({ ...row(), beak: 1 }, info.preprocessing),
      { message: 'Unknown feature "beak"; the model\'s features are: bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, island, sex.' });
    assert.throws(() => rowToFeeds([1, 2], info.preprocessing), { message: 'A row must be an object mapping feature names to values.' });
  });

  it('feeds each feature to its graph input, whatever the column is called', () => {
    /** @type {import('../../js_runtime/manifest.js').Preprocessing} */
    const awkward = {
      kind: 'tabular',
      features: [
        { name: 'Sépal.länge (cm)', input: 'S_pal_l_nge__cm_', label: 'Sépal', type: 'numeric', min: 0, max: 9, step: 0.1, default: 5 },
        { name: 'Ort / Standort', input: 'Ort___Standort', label: 'Ort', type: 'categorical', categories: ['Nord-Süd', 'Ost & West'], default: 'Nord-Süd' },
      ],
    };
    const feeds = rowToFeeds({ 'Sépal.länge (cm)': 5.1, 'Ort / Standort': 'Ost & West' }, awkward);
    assert.deepEqual(Object.keys(feeds), ['S_pal_l_nge__cm_', 'Ort___Standort']);
    assert.equal(feeds.S_pal_l_nge__cm_.data[0], Math.fround(5.1));
    assert.deepEqual(feeds.Ort___Standort.data, ['Ost & West']);
    assert.throws(() => rowToFeeds({ S_pal_l_nge__cm_: 5.1, 'Ort / Standort': 'Nord-Süd' }, awkward), /Unknown feature "S_pal_l_nge__cm_"/);
  });
});

describe('completeRow', () => {
  const preprocessing = /** @type {any} */ ({
    kind: 'tabular',
    features: [
      { name: 'a', input: 'a', type: 'numeric' },
      { name: 'b', input: 'b', type: 'numeric' },
      { name: 'r', input: 'r', type: 'numeric', derive: { ratio: ['a', 'b'] } },
      { name: 'l', input: 'l', type: 'numeric', derive: { log: 'a' } },
    ],
  });
  it('computes engineered features in float64 from float32 sources, rounded to float32', () => {
    const out = /** @type {Record<string, number>} */ (completeRow({ a: 39.1, b: 18.7 }, preprocessing));
    assert.equal(out.r, Math.fround(Math.fround(39.1) / Math.fround(18.7)));
    assert.equal(out.l, Math.fround(Math.log(Math.fround(39.1))));
  });
  it('keeps a value the row gives, and the row itself when there is nothing to add', () => {
    assert.equal(/** @type {any} */ (completeRow({ a: 1, b: 2, r: 7 }, preprocessing)).r, 7);
    const row = { a: 1, b: 2, r: 7, l: 0 };
    assert.equal(completeRow(row, preprocessing), row);
    assert.equal(completeRow(row, info.preprocessing), row); // no engineered features
  });
  it('leaves a bad source to rowToFeeds, and names a log of 0 or a division by 0', () => {
    assert.throws(() => rowToFeeds(completeRow({ a: 'x', b: 2 }, preprocessing), preprocessing), /Feature "a" must be a finite number/);
    assert.throws(() => completeRow({ a: 0, b: 2 }, preprocessing), /"l" is the log of "a", which must be above 0 \(it is 0\)/);
    assert.throws(() => completeRow({ a: 1, b: 0 }, preprocessing), /"r" is "a" ÷ "b", and "b" is 0/);
    assert.equal(completeRow(null, preprocessing), null);
  });
});

describe('readPrediction', () => {
  const outputs = (label, probs) => ({
    label: { type: 'int64', dims: [1], data: BigInt64Array.of(label) },
    probabilities: { type: 'float32', dims: [1, 3], data: Float32Array.from(probs) },
  });

  it('maps the label index and probabilities to label names', () => {
    const p = readPrediction(outputs(2n, [0.1, 0.2, 0.7]), info);
    assert.equal(p.label, 'Gentoo');
    assert.equal(p.labelIndex, 2);
    assert.deepEqual(Object.keys(p.probabilities), ['Adelie', 'Chinstrap', 'Gentoo']);
    assert.equal(p.probabilities.Chinstrap, Math.fround(0.2));
  });

  it('accepts string labels', () => {
    const out = outputs(0n, [0.1, 0.8, 0.1]);
    out.label = { type: 'string', dims: [1], data: ['Chinstrap'] };
    assert.equal(readPrediction(out, info).labelIndex, 1);
  });

  it('rejects outputs that do not fit the manifest', () => {
    assert.throws(() => readPrediction({ label: outputs(0n, [1, 0, 0]).label }, info),
      { message: 'The model returned outputs label, but the manifest expects "label" and "probabilities".' });
    assert.throws(() => readPrediction(outputs(5n, [1, 0, 0]), info),
      { message: 'Output "label" holds 5, which is not one of the model\'s labels.' });
    const short = outputs(0n, [1, 0]);
    assert.throws(() => readPrediction(short, info), { message: 'Output "probabilities" has 2 values; the model has 3 labels.' });
  });
});

describe('readRegression', () => {
  // the diabetes card's postprocessing, as the build writes it
  const regressor = {
    ...info,
    labels: [],
    postprocessing: { kind: 'tabular-regression', value_output: 'variable', interval: { level: 0.9, half_width: 96.5823974609375, method: 'split conformal' } },
  };
  const outputs = (value) => ({ variable: { type: 'float32', dims: [1, 1], data: Float32Array.of(value) } });

  it('answers the value and the interval value ± half width, as Python answer() does', () => {
    const p = readRegression(outputs(156.3190460205078), regressor);
    assert.deepEqual(p, { value: 156.3190460205078, low: 156.3190460205078 - 96.5823974609375, high: 156.3190460205078 + 96.5823974609375, level: 0.9 });
    // the numbers builder/tasks/tabular_regression.py wrote for the same value (float64 sums of float32 values)
    assert.equal(p.low, 59.73664855957031);
    assert.equal(p.high, 252.9014434814453);
  });

  it('refuses a value that is not a finite number, and outputs the manifest does not name', () => {
    assert.throws(() => readRegression(outputs(NaN), regressor), { message: 'The model returned NaN for these inputs, so there is no prediction.' });
    assert.throws(() => readRegression({ y: outputs(1).variable }, regressor),
      { message: 'The model returned outputs y, but the manifest expects "variable".' });
  });
});
