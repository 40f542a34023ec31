// worker/sampling.js: the PRNG and the sampler equal builder/sampling.py (values below printed by it), and
// the fast paths (packed-key sort, top-k selection) equal a plain reference on random rows, ties and -0
// included. The built model's `sampler_cases` and seeded generations: tests/js/generate.test.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argmax, descendingOrder, finiteLogits, mulberry32, pick } from '../../worker/sampling.js';

/** Printed by builder/sampling.py: mulberry32(seed), the first four draws. */
const PYTHON_DRAWS = {
  0: [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111],
  1: [0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741],
  42: [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693],
  4294967295: [0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677],
};

/** A float32 row with a three-way tie for the top (indices 2, 7, 9), and builder/sampling.py's picks on it. */
const PYTHON_ROW = [-1.6038628816604614, -2.6487178802490234, 3.269566059112549, 0.8408904671669006, 2.2720930576324463,
  0.21941280364990234, -1.1052945852279663, 3.269566059112549, 1.4974915981292725, 3.269566059112549, 0.545537531375885,
  -2.4666574001312256];
const PYTHON_PICKS = [
  { options: [1.0, 0, 1.0, 1], picks: [9, 2, 7, 5, 10, 7, 9, 9, 7, 6, 7, 7] },
  { options: [0.7, 3, 1.0, 42], picks: [7, 7, 9, 9, 2, 7, 2, 7, 9, 7, 2, 9] },
  { options: [1.3, 0, 0.8, 2024], picks: [9, 9, 9, 9, 7, 9, 7, 2, 7, 9, 9, 9] },
  { options: [0.5, 4, 0.5, 4294967295], picks: [7, 2, 7, 7, 7, 7, 7, 2, 2, 7, 7, 2] },
];

/**
 * The contract's sampler written plainly: comparator sort, arrays, no shortcuts.
 * @param {ArrayLike<number>} logits @param {number} temperature @param {number} topK @param {number} topP @param {() => number} draw
 */
function referencePick(logits, temperature, topK, topP, draw) {
  const row = Array.from(logits, Number);
  if (temperature <= 0) return row.indexOf(Math.max(...row));
  let order = row.map((_, i) => i).sort((a, b) => row[b] - row[a] || a - b);
  if (topK > 0) order = order.slice(0, topK);
  const w = order.map((i) => Math.exp((row[i] - row[order[0]]) / temperature));
  let total = 0;
  for (const x of w) total += x;
  let p = w.map((x) => x / total);
  if (topP < 1) {
    let running = 0;
    let keep = p.length;
    for (let n = 0; n < p.length; n++) {
      running += p[n];
      if (running >= topP) {
        keep = n + 1;
        break;
      }
    }
    p = p.slice(0, keep).map((x) => x / running);
    order = order.slice(0, keep);
  }
  const u = draw();
  let c = 0;
  for (let j = 0; j < p.length; j++) {
    c += p[j];
    if (u < c) return order[j];
  }
  return order[p.length - 1];
}

/** A row of float32 values, with ties and signed zeros mixed in. @param {() => number} rand @param {number} n */
function randomRow(rand, n) {
  const row = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    row[i] = r < 0.05 ? 0 : r < 0.1 ? -0 : r < 0.2 ? Math.round(rand() * 4) : (rand() - 0.5) * 20;
  }
  return row;
}

describe('mulberry32', () => {
  it('gives builder/sampling.py\'s draws, seeds 0, 1, 42 and 2^32 - 1', () => {
    for (const [seed, want] of Object.entries(PYTHON_DRAWS)) {
      const draw = mulberry32(Number(seed));
      assert.deepEqual(want.map(() => draw()), want, `seed ${seed}`);
    }
  });

  it('draws lie in [0, 1), and the seed is taken modulo 2^32', () => {
    const draw = mulberry32(7);
    for (let i = 0; i < 10000; i++) {
      const u = draw();
      assert.ok(u >= 0 && u < 1);
    }
    assert.equal(mulberry32(2 ** 32 + 5)(), mulberry32(5)());
  });
});

describe('pick', () => {
  it('gives builder/sampling.py\'s picks on a row with a three-way tie', () => {
    for (const { options: [temperature, topK, topP, seed], picks } of PYTHON_PICKS) {
      const draw = mulberry32(seed);
      assert.deepEqual(picks.map(() => pick(Float32Array.from(PYTHON_ROW), temperature, topK, topP, draw)), picks, `${temperature} ${topK} ${topP} ${seed}`);
    }
  });

  it('greedy (temperature 0) is the first maximum and draws nothing', () => {
    let draws = 0;
    const draw = () => { draws++; return 0.5; };
    assert.equal(pick(Float32Array.from(PYTHON_ROW), 0, 50, 0.9, draw), 2);
    assert.equal(pick([1, 5, 5, -Infinity], 0, 0, 1, draw), 1);
    assert.equal(argmax([-3, -1, -1]), 1);
    assert.equal(draws, 0);
  });

  it('equals the plain reference on random rows (top-k selection, full sort, top-p, both paths)', () => {
    const rand = mulberry32(99);
    let cases = 0;
    for (const n of [1, 2, 7, 300, 1000, 5000]) {
      for (let trial = 0; trial < 6; trial++) {
        const row = randomRow(rand, n);
        for (const [temperature, topK, topP] of [[1, 0, 1], [0.7, 5, 1], [1.3, 0, 0.8], [0.5, 300, 0.5], [2, 256, 0.95], [1, 257, 1], [0.01, 0, 0.3], [1, n + 5, 0.999]]) {
          const seed = Math.floor(rand() * 2 ** 32);
          const a = mulberry32(seed);
          const b = mulberry32(seed);
          for (let draw = 0; draw < 5; draw++) {
            assert.equal(pick(row, temperature, topK, topP, a), referencePick(row, temperature, topK, topP, b), `n ${n} ${temperature}/${topK}/${topP} seed ${seed}`);
            cases++;
          }
        }
      }
    }
    assert.ok(cases > 1000);
  });

  it('a draw past every cumulative sum (rounding) picks the last kept token', () => {
    // Seven equal weights: 1/7 summed seven times is 0.9999999999999998, below the draw.
    assert.equal(pick(new Float32Array(7), 1, 0, 1, () => 1 - 2 ** -53), 6);
    assert.equal(referencePick(new Float32Array(7), 1, 0, 1, () => 1 - 2 ** -53), 6);
    assert.equal(pick([5, 1, 0], 1, 0, 0.5, () => 0.99), 0, 'top_p keeps only the first');
  });

  it('descendingOrder: value descending, ties (and -0 against 0) by the lower index', () => {
    assert.deepEqual([...descendingOrder(Float32Array.of(0, -0, 1, -1, 1, 0))], [2, 4, 0, 1, 5, 3]);
    const rand = mulberry32(3);
    const row = randomRow(rand, 4000);
    const plain = [...row.keys()].sort((a, b) => row[b] - row[a] || a - b);
    assert.deepEqual([...descendingOrder(row)], plain);
    const big = randomRow(rand, 70000); // over 65 536: the comparator sort
    assert.deepEqual([...descendingOrder(big)].slice(0, 50), [...big.keys()].sort((a, b) => big[b] - big[a] || a - b).slice(0, 50));
  });

  it('finiteLogits refuses NaN and infinities', () => {
    assert.equal(finiteLogits(Float32Array.of(1, -2, 0)), true);
    for (const bad of [NaN, Infinity, -Infinity]) assert.equal(finiteLogits(Float32Array.of(1, bad)), false);
  });

  it('is fast on a vocabulary of 49 152 (the full sort of top_k 0 in a few ms)', (t) => {
    const row = randomRow(mulberry32(1), 49152);
    const draw = mulberry32(0);
    const started = performance.now();
    for (let i = 0; i < 10; i++) pick(row, 1, 0, 0.95, draw);
    const fullMs = (performance.now() - started) / 10;
    const again = performance.now();
    for (let i = 0; i < 10; i++) pick(row, 1, 50, 0.95, draw);
    const topMs = (performance.now() - again) / 10;
    t.diagnostic(`per pick: top_k 0 ${fullMs.toFixed(2)} ms, top_k 50 ${topMs.toFixed(2)} ms`);
    assert.ok(fullMs < 100 && topMs < 50);
  });
});
