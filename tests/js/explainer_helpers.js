// What the explainer tests (shapley.test.js, lime.test.js) share: a model as a batched callback, and a distance.

/** @typedef {import('../../worker/shapley.js').FeatureRow} FeatureRow */

/**
 * A model as a plain function of one row, wrapped as the batched callback, counting calls and rows.
 * @param {(row: FeatureRow) => number[]} f
 */
export function batched(f) {
  const calls = /** @type {number[]} */ ([]);
  /** @type {import('../../worker/shapley.js').Evaluate} */
  const evaluate = async (rows) => {
    calls.push(rows.length);
    return rows.map(f);
  };
  return { evaluate, calls };
}

/** The largest |a − b| over two [output][feature] arrays. @param {number[][]} a @param {number[][]} b */
export function maxAbs(a, b) {
  let m = 0;
  a.forEach((row, k) => row.forEach((v, i) => { m = Math.max(m, Math.abs(v - b[k][i])); }));
  return m;
}
