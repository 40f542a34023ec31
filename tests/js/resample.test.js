// worker/resample.js against scipy.signal.resample_poly, the Python side's resampler (the fixture is
// written by tests/fixtures/make_resample_fixture.py).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { besselI0, firwinKaiser, resamplePoly } from '../../worker/resample.js';
import { REPO, readJson } from './helpers.js';

const FIXTURE = readJson(path.join(REPO, 'tests/fixtures/resample_scipy.json'));
const INPUT = Float32Array.from(FIXTURE.input);
const TOLERANCE = 1e-6;
const REGENERATE = 'regenerate with .venv/bin/python tests/fixtures/make_resample_fixture.py';

/**
 * @param {ArrayLike<number>} a
 * @param {ArrayLike<number>} b
 */
function maxAbsDiff(a, b) {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('resamplePoly against scipy.signal.resample_poly', () => {
  for (const pair of FIXTURE.pairs) {
    it(`${pair.from} Hz → ${pair.to} Hz (up ${pair.up}, down ${pair.down})`, () => {
      const y = resamplePoly(INPUT, pair.from, pair.to);
      assert.ok(y instanceof Float32Array);
      assert.equal(y.length, pair.output.length, REGENERATE);
      const diff = maxAbsDiff(y, pair.output);
      assert.ok(diff <= TOLERANCE, `max |JS − scipy| = ${diff}`);
    });
  }

  it('gives the same answer for a Float64Array, a plain array and a second (cached-filter) call', () => {
    const once = resamplePoly(INPUT, 44100, 16000);
    assert.deepEqual(resamplePoly(Float64Array.from(INPUT), 44100, 16000), once);
    assert.deepEqual(resamplePoly(Array.from(INPUT), 44100, 16000), once);
    assert.deepEqual(resamplePoly(INPUT, 44100, 16000), once);
  });

  it('reduces the rates by their gcd, as scipy does', () => {
    assert.deepEqual(resamplePoly(INPUT, 88200, 32000), resamplePoly(INPUT, 44100, 16000));
  });
});

describe('the filter design', () => {
  it('computes the Bessel function I0 as scipy.special.i0 does, to double precision', () => {
    for (const [x, expected] of FIXTURE.i0) {
      const got = besselI0(x);
      assert.ok(Math.abs(got - expected) <= 4 * Number.EPSILON * expected, `i0(${x}) = ${got}, scipy ${expected}`);
    }
  });

  it('designs the taps of scipy.signal.firwin(41, 0.5, window=("kaiser", 5.0))', () => {
    const h = firwinKaiser(41, 0.5, 5.0);
    assert.equal(h.length, FIXTURE.firwin.length);
    assert.ok(maxAbsDiff(h, FIXTURE.firwin) <= 1e-15, `max diff ${maxAbsDiff(h, FIXTURE.firwin)}`);
  });
});

describe('resamplePoly edge cases', () => {
  it('returns a float32 copy when the rates are equal', () => {
    const same = resamplePoly(INPUT, 16000, 16000);
    assert.ok(same instanceof Float32Array);
    assert.notEqual(same, INPUT);
    assert.deepEqual(same, INPUT);
    assert.deepEqual(resamplePoly([0.5, 1e-40], 8000, 8000), Float32Array.of(0.5, Math.fround(1e-40)));
  });

  it('returns an empty array for empty input', () => {
    for (const [from, to] of [[44100, 16000], [8000, 16000], [16000, 16000]]) {
      const y = resamplePoly(new Float32Array(0), from, to);
      assert.ok(y instanceof Float32Array);
      assert.equal(y.length, 0);
    }
  });

  it('refuses rates that are not positive whole numbers, naming the argument', () => {
    for (const bad of [0, -16000, 44100.5, NaN, Infinity, '16000', null, undefined]) {
      assert.throws(() => resamplePoly(INPUT, /** @type {any} */ (bad), 16000), {
        name: 'RangeError',
        message: `resamplePoly(): fromRate must be a positive whole number of samples per second (e.g. 16000), got ${String(bad)}.`,
      });
      assert.throws(() => resamplePoly(INPUT, 16000, /** @type {any} */ (bad)), { name: 'RangeError', message: /^resamplePoly\(\): toRate must be/ });
    }
  });

  it('refuses samples that are not an array', () => {
    assert.throws(() => resamplePoly(/** @type {any} */ (null), 44100, 16000), TypeError);
    assert.throws(() => resamplePoly(/** @type {any} */ (3), 44100, 16000), TypeError);
  });

  it('resamples 10 minutes of 44.1 kHz audio to 16 kHz: the right length, unit gain on a constant', () => {
    const x = new Float32Array(10 * 60 * 44100).fill(0.5);
    const y = resamplePoly(x, 44100, 16000);
    assert.equal(y.length, 10 * 60 * 16000);
    // away from the ends (where the zero padding fades the signal in and out) a constant stays constant
    for (const i of [100, 4_800_000, y.length - 101]) assert.ok(Math.abs(y[i] - 0.5) < 1e-3, `y[${i}] = ${y[i]}`);
  });
});
