// worker/lime.js: LIME as Python lime's LimeTabularExplainer (defaults) computes it — quartile bins as
// numpy's percentile cuts them, a surrogate that recovers a model linear in lime's binary representation,
// seeded (the same seed, the same numbers; another seed, close ones), at most 10 weighted features, bad
// options refused, a cancelled request stopped before its batch. Then the whole path in Node (page API →
// worker protocol → onnxruntime-web WASM) on the built penguins model. Agreement with Python lime itself
// is tests/browser/test_explain_lime.py's.
import assert from 'node:assert/strict';
import { after, describe, it, mock } from 'node:test';
import {
  DEFAULT_SAMPLES, NUM_FEATURES, binOf, featureStats, limeTabular, normalCdf, normalQuantile, percentile, truncatedNormal,
} from '../../worker/lime.js';
import { mulberry32 } from '../../worker/sampling.js';
import { batched, maxAbs } from './explainer_helpers.js';
import { tabularModel } from './tabular_model.js';

/** @typedef {import('../../worker/shapley.js').FeatureRow} FeatureRow */

/** A background of F numeric features (and one categorical last, when asked), n rows. */
function randomBackground(F, n, seed, withCategory = false) {
  const draw = mulberry32(seed);
  return Array.from({ length: n }, () => {
    /** @type {FeatureRow} */
    const row = Array.from({ length: F }, () => Math.round(draw() * 1000) / 100);
    if (withCategory) row.push(['a', 'b', 'c'][Math.floor(draw() * 3)]);
    return row;
  });
}

describe('lime helpers, as numpy and scipy compute them', () => {
  it('percentile (linear), searchsorted (left) and the quartile bins', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 10]);
    assert.deepEqual([0.25, 0.5, 0.75].map((p) => percentile(sorted, p)), [2, 3, 4]);
    assert.equal(percentile(Float64Array.from([1, 2, 3, 4]), 0.25), 1.75);
    assert.deepEqual([0, 2, 2.5, 3, 4, 11].map((v) => binOf([2, 3, 4], v)), [0, 0, 1, 1, 2, 3]);
    const s = featureStats([1, 2, 3, 4, 10, 10, 10, 10], false);
    // quartiles 2.75, 7, 10 → bins {1,2}, {3,4}, {10 ×4}, and nothing above 10
    assert.deepEqual(s.cuts, [2.75, 7, 10]);
    assert.deepEqual(s.values, [0, 1, 2]);
    assert.deepEqual(Array.from(s.cumulative), [0.25, 0.5, 1]);
    assert.deepEqual(s.means.slice(0, 3), [1.5, 3.5, 10]);
    assert.deepEqual(s.mins, [1, 2.75, 7, 10]);
    assert.deepEqual(s.maxs, [2.75, 7, 10, 10]);
    const c = featureStats(['b', 'a', 'b', 'b'], true);
    assert.deepEqual(c.values, ['a', 'b']);
    assert.deepEqual(Array.from(c.cumulative), [0.25, 1]);
  });

  it('the normal CDF, its inverse, and the truncated normal stay within their bounds', () => {
    assert.ok(Math.abs(normalCdf(-1.959963984540054) - 0.025) < 1e-14);
    assert.ok(Math.abs(normalCdf(3) - 0.9986501019683699) < 1e-14);
    for (const p of [1e-9, 0.01, 0.3, 0.5, 0.9, 0.999]) assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-12 * Math.max(1, p / 1e-3));
    assert.ok(Math.abs(truncatedNormal(0.5, 3, 0.5) - 1.0154582534059824) < 1e-9); // scipy truncnorm.ppf(0.5, 0.5, 3)
    assert.ok(Math.abs(truncatedNormal(-2, -1, 0.5) + 1.336440347745247) < 1e-9);
    const draw = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const z = truncatedNormal(-1e12, 0.2, draw());
      assert.ok(z >= -1e12 && z <= 0.2);
    }
  });
});

describe('limeTabular', () => {
  it('recovers a model that is linear in lime\'s binary representation; R² ≈ 1', async () => {
    const background = randomBackground(3, 60, 1, true);
    const x = [2.5, 7.1, 4.4, 'b'];
    const stats = [0, 1, 2].map((j) => featureStats(background.map((b) => b[j]), false));
    const c = [0.3, -0.2, 0.05, 0.4];
    const f = (/** @type {FeatureRow} */ r) => {
      let s = 0.1;
      for (let j = 0; j < 3; j++) if (binOf(stats[j].cuts, /** @type {number} */ (r[j])) === binOf(stats[j].cuts, /** @type {number} */ (x[j]))) s += c[j];
      if (r[3] === x[3]) s += c[3];
      return [s, 1 - s];
    };
    const { evaluate, calls } = batched(f);
    const r = await limeTabular(x, background, [false, false, false, true], evaluate, { seed: 3 });
    assert.deepEqual(calls, [DEFAULT_SAMPLES], 'one batch of 5000 rows, the row first');
    assert.equal(r.samples, 5000);
    assert.equal(r.evaluations, 5000);
    assert.deepEqual(r.prediction, f(x));
    assert.ok(Math.abs(r.kernelWidth - 0.75 * 2) < 1e-15);
    // Ridge(alpha=1) on 5000 weighted rows shrinks a little
    assert.ok(maxAbs(r.values, [c, c.map((v) => -v)]) < 5e-3, JSON.stringify(r.values));
    assert.ok(Math.abs(r.base[0] - 0.1) < 5e-3 && Math.abs(r.base[1] - 0.9) < 5e-3, JSON.stringify(r.base));
    for (const s of r.score) assert.ok(s > 0.999, `R² ${s}`);
    // each numeric value drawn stays within the background's range
    const { evaluate: seen } = batched((row) => {
      for (let j = 0; j < 3; j++) {
        const col = background.map((b) => /** @type {number} */ (b[j]));
        assert.ok(/** @type {number} */ (row[j]) >= Math.min(...col) && /** @type {number} */ (row[j]) <= Math.max(...col));
      }
      return [0];
    });
    await limeTabular([5, 5, 5, 'a'], background, [false, false, false, true], seen, { samples: 500 });
  });

  it('the same seed gives the same numbers; another seed close but other ones', async () => {
    const background = randomBackground(5, 40, 2, true);
    const x = background[7];
    const f = (/** @type {FeatureRow} */ r) => {
      const z = /** @type {number[]} */ (r.slice(0, 5));
      const p = 1 / (1 + Math.exp(-(0.8 * z[0] - 0.5 * z[1] + 0.1 * z[2] * z[3] - 4 + (r[5] === 'a' ? 1 : 0))));
      return [p, 1 - p];
    };
    const categorical = [false, false, false, false, false, true];
    const a = await limeTabular(x, background, categorical, batched(f).evaluate, { seed: 42 });
    const b = await limeTabular(x, background, categorical, batched(f).evaluate, { seed: 42 });
    const c = await limeTabular(x, background, categorical, batched(f).evaluate, { seed: 43 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.values, c.values);
    const scale = Math.max(...a.values[0].map(Math.abs));
    assert.ok(maxAbs(a.values, c.values) < 0.15 * scale, `seeds 42 and 43 differ by ${maxAbs(a.values, c.values)} (largest weight ${scale})`);
  });

  it('above 10 features only 10 get a weight (lime\'s highest_weights), the largest ones', async () => {
    const F = 14;
    const background = randomBackground(F, 50, 4);
    const x = background[0];
    const stats = Array.from({ length: F }, (_, j) => featureStats(background.map((b) => b[j]), false));
    const c = Array.from({ length: F }, (_, j) => (j < 10 ? 0.1 + 0.05 * j : 0.01) * (j % 2 ? -1 : 1));
    const f = (/** @type {FeatureRow} */ r) =>
      [c.reduce((s, cj, j) => s + (binOf(stats[j].cuts, /** @type {number} */ (r[j])) === binOf(stats[j].cuts, /** @type {number} */ (x[j])) ? cj : 0), 0)];
    const r = await limeTabular(x, background, new Array(F).fill(false), batched(f).evaluate, { seed: 1 });
    const nonzero = r.values[0].map((v, j) => (v !== 0 ? j : -1)).filter((j) => j >= 0);
    assert.equal(NUM_FEATURES, 10);
    assert.deepEqual(nonzero, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses bad options and inputs; stops before its next batch once cancelled', async () => {
    const { evaluate } = batched(() => [1]);
    await assert.rejects(limeTabular([1], [[1], [2]], [false], evaluate, { samples: 0 }), RangeError);
    await assert.rejects(limeTabular([1], [[1], [2]], [false], evaluate, { samples: 1.5 }), RangeError);
    await assert.rejects(limeTabular([1], [[1], [2]], [false], evaluate, { seed: -1 }), RangeError);
    await assert.rejects(limeTabular([1], [[1], [2]], [false], evaluate, { seed: 2 ** 32 }), RangeError);
    await assert.rejects(limeTabular([1], [[1, 2]], [false], evaluate), TypeError);
    await assert.rejects(limeTabular([1], [[1]], [], evaluate), TypeError);
    await assert.rejects(limeTabular(['x'], [[1]], [false], evaluate), TypeError);
    await assert.rejects(limeTabular([1], [[1], [2]], [false], async (rows) => rows.map(() => [NaN])), { code: 'run' });
    let calls = 0;
    const counting = async (/** @type {FeatureRow[]} */ rows) => {
      calls++;
      return rows.map(() => [0.5]);
    };
    await assert.rejects(limeTabular([1], [[1], [2]], [false], counting, { batchRows: 100, cancelled: () => calls >= 2 }), { name: 'AbortError' });
    assert.equal(calls, 2);
  });
});

// ---- the built penguins model, end to end in Node (real onnxruntime-web WASM) ----

describe('m.explain(row, {method: "lime"}) on the built penguins model (onnxruntime-web in Node)', async () => {
  const { artifact, load } = tabularModel();
  const warn = mock.method(console, 'warn', () => {});
  after(() => warn.mock.restore());

  it('weights per label, the model\'s prediction, seeded; another seed close', async () => {
    const { m, workers } = await load();
    const row = artifact.held_out.rows[2];
    const { engine } = workers[0];
    const run = engine.run.bind(engine);
    let runs = 0;
    engine.run = async (request) => {
      runs++;
      return run(request);
    };
    const e = await m.explain(row, { method: 'lime', seed: 5 });
    assert.equal(runs, 1, 'the row and its 4999 neighbours in one session run');
    assert.equal(e.method, 'lime');
    assert.deepEqual(e.features, artifact.features);
    assert.deepEqual(e.outputs, artifact.outputs);
    assert.equal(e.samples, 5000);
    assert.equal(e.evaluations, 5000);
    assert.equal(e.backgroundRows, artifact.background.length);
    assert.equal(e.values.length, artifact.outputs.length);
    for (const v of e.values) assert.equal(v.length, artifact.features.length);
    assert.equal(e.score?.length, artifact.outputs.length);
    for (const s of e.score ?? []) assert.ok(s > 0 && s <= 1, `R² ${s}`);
    const exact = await m.explain(row, { method: 'exact' });
    assert.ok(maxAbs([e.prediction], [exact.prediction]) < 1e-6);
    const again = await m.explain(row, { method: 'lime', seed: 5 });
    assert.deepEqual(again.values, e.values);
    assert.deepEqual(again.base, e.base);
    const other = await m.explain(row, { method: 'lime', seed: 6 });
    assert.notDeepEqual(other.values, e.values);
    const k = e.prediction.indexOf(Math.max(...e.prediction));
    const scale = Math.max(...e.values[k].map(Math.abs));
    assert.ok(maxAbs([other.values[k]], [e.values[k]]) < 0.2 * scale, `seed 5 vs 6: ${maxAbs([other.values[k]], [e.values[k]])} of ${scale}`);
    const top = (/** @type {number[]} */ v) => v.map((w, j) => [Math.abs(w), j]).sort((a, b) => b[0] - a[0])[0][1];
    assert.equal(top(other.values[k]), top(e.values[k]), 'the same most important feature');
    const fewer = await m.explain(row, { method: 'lime', samples: 300 });
    assert.equal(fewer.samples, 300);
    assert.equal(fewer.evaluations, 300);
    const explains = workers[0].requests.filter((r) => r.type === 'explain');
    assert.equal(explains[0].method, 'lime');
    assert.deepEqual(explains[0].options, { seed: 5 });
  });

  it('says what is wrong: bad samples or seed', async () => {
    const { m } = await load();
    const row = artifact.held_out.rows[0];
    await assert.rejects(m.explain(row, { method: 'lime', samples: 0 }),
      { name: 'TypeError', message: 'explain(): samples must be a whole number from 1 to 100000, got 0.' });
    await assert.rejects(m.explain(row, { method: 'lime', samples: 100001 }), { message: /samples must be a whole number from 1 to 100000/ });
    await assert.rejects(m.explain(row, { method: 'lime', seed: -1 }),
      { name: 'TypeError', message: 'explain(): seed must be a whole number from 0 to 4294967295, got -1.' });
    await assert.rejects(m.explain(row, { method: /** @type {any} */ ('LIME') }),
      { name: 'TypeError', message: 'explain(): method must be "exact", "kernel" or "lime", got "LIME".' });
    await assert.rejects(m.explain({ ...row, island: 'Atlantis' }, { method: 'lime' }), { message: /Feature "island" has unknown category "Atlantis"/ });
  });
});
