// worker/shapley.js: exact interventional Shapley values equal a brute force over all feature orderings
// (and the closed form of a linear model), add up to the prediction, and come in a few large batches;
// KernelSHAP is seeded, adds up, and approaches the exact values as its sample budget grows; a cancelled
// request stops before its next batch. Then the whole path in Node (page API → worker protocol →
// onnxruntime-web WASM) on the built penguins model, against the values Python's shap wrote at build time.
import assert from 'node:assert/strict';
import { after, describe, it, mock } from 'node:test';
import {
  EXACT_MAX_FEATURES, binomial, combinations, defaultSamples, exactShapley, kernelCoalitions, kernelShap,
} from '../../worker/shapley.js';
import { mulberry32 } from '../../worker/sampling.js';
import { Model } from '../../js_runtime/model.js';
import { batched, maxAbs } from './explainer_helpers.js';
import { tabularModel } from './tabular_model.js';

/** @typedef {import('../../worker/shapley.js').FeatureRow} FeatureRow */

/** A nonlinear two-output function of four features with interactions and a categorical one. */
const f4 = (/** @type {FeatureRow} */ r) => {
  const [a, b, c, d] = /** @type {[number, number, number, string]} */ (r);
  const cat = d === 'x' ? 1 : d === 'y' ? -0.5 : 0.25;
  const logit = 0.8 * a - 1.1 * b * c + cat * a + Math.sin(c);
  const p = 1 / (1 + Math.exp(-logit));
  return [p, 1 - p];
};

/**
 * The definition: φ_i = mean over all F! orderings of v(predecessors ∪ {i}) − v(predecessors),
 * v(S) = mean over the background of f(x_S, b_rest).
 * @param {FeatureRow} x @param {FeatureRow[]} background @param {(row: FeatureRow) => number[]} f
 */
function bruteForce(x, background, f) {
  const F = x.length;
  /** @param {Set<number>} S */
  const v = (S) => {
    const sums = f(x).map(() => 0);
    for (const b of background) f(b.map((value, j) => (S.has(j) ? x[j] : value))).forEach((y, k) => { sums[k] += y; });
    return sums.map((s) => s / background.length);
  };
  /** @type {number[][]} */
  const orders = [];
  /** @param {number[]} prefix */
  const permute = (prefix) => {
    if (prefix.length === F) return void orders.push(prefix);
    for (let j = 0; j < F; j++) if (!prefix.includes(j)) permute([...prefix, j]);
  };
  permute([]);
  const phi = f(x).map(() => new Array(F).fill(0));
  for (const order of orders) {
    const S = new Set();
    let before = v(S);
    for (const i of order) {
      S.add(i);
      const now = v(S);
      now.forEach((y, k) => { phi[k][i] += (y - before[k]) / orders.length; });
      before = now;
    }
  }
  return phi;
}

/** @param {{base: number[], values: number[][], prediction: number[]}} r */
function additivityGap(r) {
  return Math.max(...r.prediction.map((p, k) => Math.abs(r.base[k] + r.values[k].reduce((a, b) => a + b, 0) - p)));
}

/**
 * A random smooth function of F numeric features with pairwise interactions (one output), and rows for it.
 * @param {number} F @param {number} seed
 */
function randomProblem(F, seed, backgroundRows = 4) {
  const draw = mulberry32(seed);
  const w = Array.from({ length: F }, () => draw() * 2 - 1);
  const pairs = Array.from({ length: F }, () => [Math.floor(draw() * F), Math.floor(draw() * F), draw() * 2 - 1]);
  const f = (/** @type {FeatureRow} */ r) => {
    const z = /** @type {number[]} */ (r);
    let s = 0;
    for (let j = 0; j < F; j++) s += w[j] * z[j];
    for (const [i, j, c] of pairs) s += c * z[i] * z[j];
    return [Math.tanh(s)];
  };
  const row = () => Array.from({ length: F }, () => draw() * 2 - 1);
  return { f, x: row(), background: Array.from({ length: backgroundRows }, row) };
}

describe('exactShapley', () => {
  const x = [1.5, -0.5, 2, 'x'];
  const background = [[0, 1, 0.5, 'y'], [-1, 0.2, -1, 'z'], [0.3, -0.7, 1.2, 'x']];

  it('equals the mean marginal contribution over all orderings (brute force), with categories as whole values', async () => {
    const { evaluate } = batched(f4);
    const r = await exactShapley(x, background, evaluate);
    assert.ok(maxAbs(r.values, bruteForce(x, background, f4)) < 1e-12);
    assert.deepEqual(r.prediction, f4(x));
    const mean = [0, 1].map((k) => background.reduce((s, b) => s + f4(b)[k], 0) / background.length);
    assert.ok(Math.abs(r.base[0] - mean[0]) < 1e-15 && Math.abs(r.base[1] - mean[1]) < 1e-15);
    assert.ok(additivityGap(r) < 1e-12);
    assert.equal(r.evaluations, 1 + 16 * 3);
    assert.equal(r.coalitions, 16);
  });

  it('a linear model: φ_i = w_i (x_i − mean of the background\'s feature i)', async () => {
    const w = [2, -3, 0.5, 0, 7];
    const lin = (/** @type {FeatureRow} */ r) => [w.reduce((s, wi, i) => s + wi * /** @type {number} */ (r[i]), 0.25)];
    const xs = [1, 2, 3, 4, 5];
    const bg = [[0, 0, 0, 0, 0], [1, -1, 2, 9, 0.5], [3, 1, -2, 1, 1]];
    const r = await exactShapley(xs, bg, batched(lin).evaluate);
    const expected = w.map((wi, i) => wi * (xs[i] - bg.reduce((s, b) => s + b[i], 0) / bg.length));
    assert.ok(maxAbs(r.values, [expected]) < 1e-12);
  });

  it('adds up (≤ 1e-9) and comes in a few large batches of whole coalitions, whatever the batch size', async () => {
    const { f, x: xs, background: bg } = randomProblem(10, 7, 20);
    const big = batched(f);
    const r = await exactShapley(xs, bg, big.evaluate);
    assert.ok(additivityGap(r) < 1e-9);
    // the row itself, then 1024 coalitions × 20 rows = 20 480 rows in batches of ≤ 8192
    assert.deepEqual(big.calls, [1, 8180, 8180, 4120]);
    const small = batched(f);
    const r2 = await exactShapley(xs, bg, small.evaluate, { batchRows: 100 });
    assert.ok(small.calls.slice(1).every((n) => n === 100 || n === 80 || n === 20));
    assert.ok(maxAbs(r.values, r2.values) < 1e-15);
  });

  it(`refuses more than ${EXACT_MAX_FEATURES} features (2^F coalitions), pointing to kernel`, async () => {
    const { f, x: xs, background: bg } = randomProblem(17, 1);
    await assert.rejects(exactShapley(xs, bg, batched(f).evaluate), { code: 'bad-input', message: /17 features.*Use method "kernel"/ });
  });

  it('refuses outputs that are not one finite vector per row', async () => {
    await assert.rejects(exactShapley([1], [[0]], async (rows) => rows.map(() => [NaN])), { code: 'run' });
    await assert.rejects(exactShapley([1], [[0]], async () => [[1]].slice(0, 0)), { code: 'run' });
  });

  it('stops before its next batch once cancelled, with an AbortError', async () => {
    const { f, x: xs, background: bg } = randomProblem(12, 3, 50);
    let calls = 0;
    const evaluate = async (/** @type {FeatureRow[]} */ rows) => {
      calls++;
      return rows.map(f);
    };
    await assert.rejects(exactShapley(xs, bg, evaluate, { cancelled: () => calls >= 2 }),
      (e) => e instanceof Error && e.name === 'AbortError' && /** @type {any} */ (e).code === 'aborted');
    assert.equal(calls, 2, 'the row, one batch, then stopped (of 1 + 26 batches)');
  });
});

describe('kernelShap', () => {
  it('the coalition weights sum to 1; small sizes are enumerated whole when the budget covers them', () => {
    for (const [F, samples] of [[6, 16], [6, 40], [10, 300], [14, 64], [14, 4096]]) {
      const { masks, weights } = kernelCoalitions(F, samples, 0);
      assert.ok(Math.abs(weights.reduce((a, b) => a + b, 0) - 1) < 1e-12, `F=${F} samples=${samples}`);
      assert.ok(masks.length <= samples);
      assert.ok(masks.every((m) => m.some((b) => b === 1) && m.some((b) => b === 0)), 'no empty or full coalition');
    }
    // F = 6, 40 samples: the 12 coalitions of sizes 1 and 5 are enumerated, the rest drawn
    const { masks } = kernelCoalitions(6, 40, 0);
    const sizes = masks.slice(0, 12).map((m) => m.reduce((a, b) => a + b, 0));
    assert.deepEqual(sizes, [1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5]);
    assert.equal(defaultSamples(6), 2060);
    assert.equal(binomial(16, 8), 12870);
    assert.deepEqual([...combinations(4, 2)], [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
  });

  it('with a budget of every coalition it equals the exact values', async () => {
    const { evaluate } = batched(f4);
    const x = [1.5, -0.5, 2, 'x'];
    const background = [[0, 1, 0.5, 'y'], [-1, 0.2, -1, 'z']];
    const exact = await exactShapley(x, background, evaluate);
    const kernel = await kernelShap(x, background, evaluate, { samples: 14 });
    assert.ok(maxAbs(kernel.values, exact.values) < 1e-12);
    assert.equal(kernel.coalitions, 15);
  });

  it('approaches the exact values as samples grow (64 → 4096, 14 features), adding up exactly each time', async () => {
    /** @type {number[][]} */
    const errors = [[], []];
    for (const seed of [1, 2, 3]) {
      const { f, x, background } = randomProblem(14, seed);
      const { evaluate } = batched(f);
      const exact = await exactShapley(x, background, evaluate);
      for (const [i, samples] of [64, 4096].entries()) {
        const r = await kernelShap(x, background, evaluate, { samples, seed });
        assert.ok(additivityGap(r) < 1e-9);
        assert.ok(Math.abs(r.base[0] - exact.base[0]) < 1e-15);
        errors[i].push(maxAbs(r.values, exact.values));
      }
    }
    for (let s = 0; s < 3; s++) assert.ok(errors[1][s] < errors[0][s] / 3, `seed ${s + 1}: ${errors[0][s]} → ${errors[1][s]}`);
    assert.ok(Math.max(...errors[1]) < 0.02, `4096 samples: max error ${Math.max(...errors[1])}`);
  });

  it('the same seed gives the same numbers; another seed others', async () => {
    const { f, x, background } = randomProblem(9, 5);
    const { evaluate } = batched(f);
    const a = await kernelShap(x, background, evaluate, { samples: 100, seed: 42 });
    const b = await kernelShap(x, background, evaluate, { samples: 100, seed: 42 });
    const c = await kernelShap(x, background, evaluate, { samples: 100, seed: 43 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.values, c.values);
  });

  it('one feature: φ = f(x) − base; bad options are refused', async () => {
    const { evaluate } = batched((r) => [2 * /** @type {number} */ (r[0])]);
    const r = await kernelShap([3], [[1], [2]], evaluate);
    assert.deepEqual(r.values, [[3]]);
    await assert.rejects(kernelShap([3], [[1]], evaluate, { samples: 0 }), RangeError);
    await assert.rejects(kernelShap([3], [[1]], evaluate, { seed: -1 }), RangeError);
  });

  it('stops before its next batch once cancelled', async () => {
    const { f, x, background } = randomProblem(20, 9, 50);
    let calls = 0;
    const evaluate = async (/** @type {FeatureRow[]} */ rows) => {
      calls++;
      return rows.map(f);
    };
    await assert.rejects(kernelShap(x, background, evaluate, { samples: 2000, cancelled: () => calls >= 3 }), { name: 'AbortError' });
    assert.equal(calls, 3);
  });
});

// ---- the built penguins model, end to end in Node (real onnxruntime-web WASM) ----


describe('m.explain() on the built penguins model (onnxruntime-web in Node) equals shap', async () => {
  const { info, spec, artifact, load } = tabularModel();
  const warn = mock.method(console, 'warn', () => {});
  after(() => warn.mock.restore());

  it('exact: the held-out rows\' values, base and prediction (≤ 1e-4), additivity ≤ 1e-6', async () => {
    const { m, workers } = await load();
    let worst = 0;
    for (let i = 0; i < 12; i++) {
      const e = await m.explain(artifact.held_out.rows[i], { method: 'exact' });
      worst = Math.max(worst, maxAbs(e.values, artifact.held_out.values[i]));
      assert.ok(additivityGap(e) < 1e-6);
      assert.ok(maxAbs([e.base], [artifact.expected_value]) < 1e-5);
      assert.deepEqual(e.features, artifact.features);
      assert.deepEqual(e.outputs, artifact.outputs);
      assert.equal(e.backgroundRows, artifact.background.length);
      assert.equal(e.evaluations, 1 + 64 * artifact.background.length);
    }
    assert.ok(worst < 1e-4, `max |browser − shap| = ${worst}`);
    const example = artifact.examples[0];
    const e = await m.explain(example.row);
    assert.equal(e.method, 'exact', 'exact is the default for 6 features');
    assert.ok(maxAbs(e.values, example.values) < 1e-4);
    assert.ok(maxAbs([e.prediction], [example.prediction]) < 1e-6);
    const explainRequests = workers[0].requests.filter((r) => r.type === 'explain');
    assert.equal(explainRequests.length, 13);
    assert.equal(explainRequests[0].spec.explanations, spec.explanations);
  });

  it('kernel: closer to shap with more samples; the same seed, the same numbers', async () => {
    const { m } = await load();
    const row = artifact.held_out.rows[3];
    const truth = artifact.held_out.values[3];
    const few = await m.explain(row, { method: 'kernel', samples: 16, seed: 1 });
    const many = await m.explain(row, { method: 'kernel', samples: 48, seed: 1 });
    const all = await m.explain(row, { method: 'kernel' });
    assert.equal(few.samples, 16);
    assert.equal(all.samples, 62, 'the default budget covers all 2^6 − 2 coalitions');
    assert.ok(maxAbs(many.values, truth) < maxAbs(few.values, truth));
    assert.ok(maxAbs(all.values, truth) < 1e-4);
    for (const r of [few, many, all]) assert.ok(additivityGap(r) < 1e-6);
    assert.deepEqual((await m.explain(row, { method: 'kernel', samples: 16, seed: 1 })).values, few.values);
  });

  it('says what is wrong: a bad method, options or row; a model without explanations', async () => {
    const { m } = await load();
    const row = artifact.held_out.rows[0];
    await assert.rejects(m.explain(row, { method: /** @type {any} */ ('shap') }),
      { name: 'TypeError', message: 'explain(): method must be "exact", "kernel" or "lime", got "shap".' });
    await assert.rejects(m.explain(row, { samples: 10 }), { name: 'TypeError', message: /samples and seed are options of method "kernel"/ });
    await assert.rejects(m.explain(row, { method: 'kernel', samples: 0 }), { message: /samples must be a whole number from 1 to 100000, got 0/ });
    await assert.rejects(m.explain(row, /** @type {any} */ ({ sample: 5 })), { message: /unknown option "sample"/ });
    await assert.rejects(m.explain({ ...row, island: 'Atlantis' }), { message: /Feature "island" has unknown category "Atlantis"/ });
    await assert.rejects(m.explain({ ...row, body_mass_g: 1e39 }), { message: /Feature "body_mass_g"/ });
    const bare = new Model({ ...m, info: { ...info, explain: undefined }, plan: /** @type {any} */ ({ name: 'wasm' }) });
    await assert.rejects(bare.explain(row), { code: 'bad-request', message: /Model "penguins-species" has no explanations/ });
  });

  it('a cancelled explanation rejects at once, and the worker stops before its next batch', async () => {
    const { m, workers } = await load();
    const controller = new AbortController();
    const { engine } = workers[0];
    const run = engine.run.bind(engine);
    let runs = 0;
    // Abort during the first run (the row itself), and let the cancel reach the worker before it ends.
    engine.run = async (request) => {
      if (++runs === 1) {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return run(request);
    };
    await assert.rejects(m.explain(artifact.held_out.rows[0], { signal: controller.signal }), { name: 'AbortError' });
    // the worker serves the next request, queued behind the cancelled one: 2 runs (the row, one batch)
    const e = await m.explain(artifact.held_out.rows[1]);
    assert.ok(maxAbs(e.values, artifact.held_out.values[1]) < 1e-4);
    assert.equal(runs, 3, 'the cancelled explanation ran the row only, not its batch of coalitions');
  });
});
