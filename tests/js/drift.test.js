// worker/drift.js and js_runtime/drift_input.js in Node: how a batch is read (every problem named by row
// and column, at most a few listed, limits), how a CSV becomes a table, the statistics' edge cases, and
// checkDrift's runs (batched, cancellable, a damaged reference refused). The statistics are held to
// scipy, on the built penguins model, in tests/browser/test_drift.py.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  FEW_ROWS, MAX_ROWS, binOf, checkDrift, chiSquare, clearReferences, driftReport, kolmogorovSf, ksTwoSample, psi, readReference, readTable,
} from '../../worker/drift.js';
import { csvTable, readBatch } from '../../js_runtime/drift_input.js';
import { VitrineError } from '../../worker/protocol.js';

/** @type {import('../../worker/drift.js').Reference} */
const REFERENCE = {
  rows: 6,
  features: [
    { name: 'mass', type: 'numeric', values: [1, 2, 2, 3, 4, 5], edges: [2, 3.5], proportions: [0.5, 1 / 6, 1 / 3] },
    { name: 'island', type: 'categorical', categories: ['Biscoe', 'Dream'], proportions: [0.5, 0.5] },
  ],
  predictions: { labels: ['a', 'b'], proportions: [0.5, 0.5] },
};
const LABELS = { mass: 'Body mass', island: 'Island' };

/** @param {() => unknown} fn @param {RegExp} pattern */
function throwsBadInput(fn, pattern) {
  assert.throws(fn, (e) => e instanceof VitrineError && e.code === 'bad-input' && pattern.test(e.message));
}

describe('readTable', () => {
  it('reads numbers and categories, trims cells, ignores other columns', () => {
    const { columns, ignored } = readTable({ columns: [' island', 'id', 'mass '], rows: [[' Dream ', '7', ' 1e3 '], ['Biscoe', '8', 2.5]] }, REFERENCE);
    assert.deepEqual(columns.get('mass'), [1000, 2.5]);
    assert.deepEqual(columns.get('island'), ['Dream', 'Biscoe']);
    assert.deepEqual(ignored, ['id']);
  });
  it('names a missing column, and a near one', () => {
    throwsBadInput(() => readTable({ columns: ['Mass', 'isle'], rows: [[1, 'Dream']] }, REFERENCE),
      /no column "mass" \(the file has "Mass"\), "island"\. .*Its columns are: "Mass", "isle"\./);
  });
  it('lists the first five problems by row and label, and counts them all', () => {
    const rows = Array.from({ length: 8 }, (_, i) => [i % 2 ? '0x10' : '', i === 0 ? 'Mars' : 'Dream']);
    throwsBadInput(() => readTable({ columns: ['mass', 'island'], rows }, REFERENCE, LABELS),
      /^9 cells cannot be read: row 1, Body mass \(mass\): empty \(fill it in or remove the row\); row 2, Body mass \(mass\): "0x10" is not a number; .*row 5, .*; …\.$/);
    throwsBadInput(() => readTable({ columns: ['mass', 'island'], rows: [[1, 'Mars']] }, REFERENCE),
      /row 1, island: "Mars" is not one of "Biscoe", "Dream"/);
    throwsBadInput(() => readTable({ columns: ['mass', 'island'], rows: [[Infinity, 'Dream'], ['NaN', 'Dream']] }, REFERENCE), /2 cells cannot be read/);
    // finite, but not in the model's float32 input (predict() refuses it too)
    throwsBadInput(() => readTable({ columns: ['mass', 'island'], rows: [['1e39', 'Dream']] }, REFERENCE),
      /row 1, mass: "1e39" is 1e\+39, which does not fit in the model's float32 input/);
  });
  it('computes an engineered feature the table has no column for, as completeRow does', () => {
    const reference = /** @type {any} */ ({ ...REFERENCE, features: [...REFERENCE.features,
      { name: 'log_mass', type: 'numeric', values: [0], edges: [], proportions: [1] }] });
    const derived = { log_mass: { log: 'mass' } };
    const { columns } = readTable({ columns: ['mass', 'island'], rows: [['4', 'Dream']] }, reference, {}, derived);
    assert.deepEqual(columns.get('log_mass'), [Math.fround(Math.log(4))]);
    throwsBadInput(() => readTable({ columns: ['mass', 'island'], rows: [['0', 'Dream'], ['x', 'Dream']] }, reference, {}, derived),
      /^2 cells cannot be read: row 2, mass: "x" is not a number; row 1, log_mass: mass must be above 0 for its log\.$/);
  });
  it('refuses no rows, too many rows and a non-table', () => {
    throwsBadInput(() => readTable({ columns: ['mass', 'island'], rows: [] }, REFERENCE), /a header but no rows/);
    const many = { columns: ['mass', 'island'], rows: new Array(MAX_ROWS + 1).fill([1, 'Dream']) };
    throwsBadInput(() => readTable(many, REFERENCE), /100,001 rows; the drift check reads at most 100,000/);
    throwsBadInput(() => readTable(/** @type {any} */ ('mass\n1'), REFERENCE), /must be a table/);
  });
});

describe('csvTable and readBatch', () => {
  const result = (/** @type {string[][]} */ data, /** @type {any[]} */ errors = []) => ({ data, errors, meta: { delimiter: ';' } });
  it('takes the header from the first row, without a byte order mark', () => {
    assert.deepEqual(csvTable(result([['\ufeffmass', 'island'], ['1', 'Dream']])), { columns: ['mass', 'island'], rows: [['1', 'Dream']] });
  });
  it('refuses uneven rows and quoting errors, naming the row', () => {
    assert.throws(() => csvTable(result([['mass', 'island'], ['1', 'Dream'], ['2']])), /Row 2 has 1 cells and the header 2 \(the delimiter read was ";"\)/);
    assert.throws(() => csvTable(result([['mass']], [{ code: 'MissingQuotes', message: 'Quoted field unterminated', row: 3 }])),
      /not valid CSV at row 3: Quoted field unterminated/);
    // a one-column file: Papa Parse's "UndetectableDelimiter" is only a warning
    assert.deepEqual(csvTable(result([['mass'], ['1']], [{ code: 'UndetectableDelimiter', message: '…' }])).rows, [['1']]);
  });
  it('turns row objects into a table and refuses what it cannot read', async () => {
    assert.deepEqual(await readBatch([{ mass: 1, island: 'Dream' }, { island: 'Biscoe', mass: 2 }]),
      { columns: ['mass', 'island'], rows: [[1, 'Dream'], [2, 'Biscoe']] });
    await assert.rejects(readBatch([]), /got no rows/);
    await assert.rejects(readBatch([[1, 2]]), /array of row objects/);
    await assert.rejects(readBatch(new Blob([])), /The file is empty/);
    await assert.rejects(readBatch({ size: 1 }), /takes CSV text, a File/);
    const huge = new Blob([new Uint8Array(50 * 1024 * 1024 + 1)]);
    await assert.rejects(readBatch(huge, async () => { throw new Error('not parsed'); }), /reads at most 50 MB/);
  });
});

describe('statistics', () => {
  it('KS: 0 for the same sample, 1 for disjoint ones; p from the Kolmogorov distribution', () => {
    assert.deepEqual(ksTwoSample([1, 2, 3], [1, 2, 3]), { statistic: 0, pValue: 1 });
    const { statistic, pValue } = ksTwoSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    assert.equal(statistic, 1);
    assert.ok(pValue < 0.001);
    // the two series meet at x = 1 without a step
    assert.ok(Math.abs(kolmogorovSf(1 - 1e-12) - kolmogorovSf(1)) < 1e-11);
    assert.equal(kolmogorovSf(0), 1);
    assert.equal(kolmogorovSf(40), 0);
  });
  it('χ²: a category the training never had, met in the batch, is p = 0; one bin is p = 1', () => {
    assert.deepEqual(chiSquare([3, 1], [1, 0]), { statistic: Infinity, pValue: 0 });
    assert.deepEqual(chiSquare([3, 0], [1, 0]), { statistic: 0, pValue: 1 });
  });
  it('PSI: 0 for the same shares, floored empty bins; bins hold their upper edge', () => {
    assert.equal(psi([0.5, 0.5], [0.5, 0.5]), 0);
    assert.ok(Number.isFinite(psi([1, 0], [0, 1])) && psi([1, 0], [0, 1]) > 10);
    assert.deepEqual([1, 2, 2.5, 3.5, 9].map((x) => binOf([2, 3.5], x)), [0, 0, 1, 1, 2]);
  });
  it('a report: shares, verdicts and a caution for a small batch', () => {
    const columns = new Map(/** @type {[string, any][]} */ ([['mass', [1, 2, 2, 3, 4, 5]], ['island', ['Dream', 'Biscoe', 'Dream', 'Biscoe', 'Dream', 'Biscoe']]]));
    const report = driftReport(REFERENCE, columns, [0, 1, 0, 1, 0, 1]);
    assert.deepEqual(report.drifted, []);
    assert.equal(report.features[0].psi, 0);
    assert.deepEqual(report.features[0].bins, ['≤ 2', '2 – 3.5', '> 3.5']);
    assert.match(/** @type {string} */ (report.caution), /^Only 6 rows/);
    assert.equal(driftReport(REFERENCE, new Map([['mass', new Array(FEW_ROWS).fill(1)], ['island', new Array(FEW_ROWS).fill('Dream')]]),
      new Array(FEW_ROWS).fill(0)).caution, null);
  });
});

describe('checkDrift', () => {
  const spec = {
    task: 'tabular-classification',
    labels: ['a', 'b'],
    preprocessing: { kind: 'tabular', features: [{ name: 'mass', input: 'mass', type: 'numeric', label: 'Body mass' }, { name: 'island', input: 'island', type: 'categorical' }] },
    postprocessing: { probability_output: 'p' },
    inputs: [{ name: 'mass', dtype: 'float32', shape: ['N', 1] }, { name: 'island', dtype: 'string', shape: ['N', 1] }],
    driftReference: 'https://site.test/models/ref.json',
    artifacts: [{ kind: 'drift_reference', url: 'https://site.test/models/ref.json', sha256: 'x', bytes: 1 }],
  };
  const bytes = new TextEncoder().encode(JSON.stringify(REFERENCE));
  spec.artifacts[0].sha256 = createHash('sha256').update(bytes).digest('hex');
  spec.artifacts[0].bytes = bytes.length;
  it('predicts every row (the label of the larger probability) and reports', async () => {
    clearReferences();
    const rows = Array.from({ length: 300 }, (_, i) => [String(i % 6), i % 2 ? 'Dream' : 'Biscoe']);
    /** @type {number[]} */
    const runs = [];
    const env = {
      fetchImpl: /** @type {typeof fetch} */ (async () => new Response(bytes)),
      site: null, cacheStorage: null,
      run: async (/** @type {any} */ feeds) => {
        const n = feeds.mass.dims[0];
        runs.push(n);
        const p = new Float32Array(2 * n);
        for (let r = 0; r < n; r++) p[2 * r + (feeds.mass.data[r] > 2 ? 1 : 0)] = 1;
        return { outputs: { p: { type: 'float32', dims: [n, 2], data: p } }, ms: 1 };
      },
    };
    const { output } = await checkDrift({ spec, input: { columns: ['mass', 'island'], rows } }, /** @type {any} */ (env));
    assert.deepEqual(runs, [300]);
    assert.equal(output.rows, 300);
    assert.deepEqual(output.predictions.batch, [0.5, 0.5]);
    assert.deepEqual(output.drifted, []);
  });
  it('refuses a reference that does not fit the model', () => {
    const other = { ...REFERENCE, features: [REFERENCE.features[1], REFERENCE.features[0]] };
    assert.throws(() => readReference(new TextEncoder().encode(JSON.stringify(other)), /** @type {any} */ (spec)), /does not fit the model \(its features are \["island","mass"\]/);
    assert.throws(() => readReference(new TextEncoder().encode('{'), /** @type {any} */ (spec)), /it is not JSON/);
  });
});
