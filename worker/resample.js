// Sample-rate conversion for audio input, in the inference worker (or a page). The Python side of a
// speech card resamples with `scipy.signal.resample_poly(x.astype(np.float64), up, down)`; a model
// fed differently resampled audio hears something slightly different, so this reproduces that call
// exactly (default window ('kaiser', 5.0), padtype 'constant'), not merely "a good resampler":
//
//   up, down = toRate / g, fromRate / g with g = gcd(toRate, fromRate)
//   h = firwin(2·half_len + 1, 1 / max(up, down), window=('kaiser', 5.0)) · up, half_len = 10·max(up, down)
//   y = upfirdn(h, x, up, down)[n_pre_remove : n_pre_remove + ceil(len(x)·up / down)]
//
// upfirdn is evaluated polyphase: each output sample only touches the ~len(h)/up taps that meet a
// non-zero of the upsampled input, so 44.1 kHz → 16 kHz costs ~55 multiply-adds per output sample.
// Everything is computed in float64 and only the result is rounded to float32, as Python's
// `.astype(np.float32)` does.

/** scipy's default resample_poly window is ('kaiser', 5.0). */
const KAISER_BETA = 5.0;

/**
 * A designed filter split into its `up` phases: phase p holds h[p], h[p + up], h[p + 2·up], …
 * @typedef {object} Polyphase
 * @property {Float64Array[]} phases
 * @property {number} halfLen
 */

/** @type {Map<string, Polyphase>} designing 8821 taps is cheap, but a page resamples chunk by chunk */
const filterCache = new Map();

/**
 * Resample `samples` from `fromRate` to `toRate` Hz exactly as
 * `scipy.signal.resample_poly(x.astype(np.float64), up, down).astype(np.float32)` does.
 * @param {ArrayLike<number>} samples mono audio
 * @param {number} fromRate Hz, a positive integer
 * @param {number} toRate Hz, a positive integer
 * @returns {Float32Array} ceil(samples.length · toRate / fromRate) samples (a copy when the rates are equal)
 */
export function resamplePoly(samples, fromRate, toRate) {
  checkRate(fromRate, 'fromRate');
  checkRate(toRate, 'toRate');
  if (samples == null || typeof samples.length !== 'number') {
    throw new TypeError('resamplePoly() takes the samples as an array of numbers (e.g. a Float32Array).');
  }
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  if (up === 1 && down === 1) return Float32Array.from(samples);
  const nIn = samples.length;
  const nOut = Math.ceil((nIn * up) / down);
  if (nOut === 0) return new Float32Array(0);
  const x = samples instanceof Float32Array || samples instanceof Float64Array ? samples : Float64Array.from(samples);
  return upfirdnCentered(polyphaseFilter(up, down), x, up, down, nOut);
}

/**
 * @param {unknown} rate
 * @param {string} name
 */
function checkRate(rate, name) {
  if (typeof rate !== 'number' || !Number.isSafeInteger(rate) || rate <= 0) {
    throw new RangeError(`resamplePoly(): ${name} must be a positive whole number of samples per second (e.g. 16000), got ${String(rate)}.`);
  }
}

/**
 * @param {number} a
 * @param {number} b
 * @returns {number}
 */
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The output samples resample_poly keeps. scipy pads h with n_pre_pad = down − half_len % down zeros
 * and drops n_pre_remove = (half_len + n_pre_pad) / down outputs; since half_len + n_pre_pad is a
 * multiple of down, kept output i is full-convolution index t = i·down + half_len of the upsampled
 * input with the unpadded h: y[i] = Σ_j h[j]·xu[t − j], where xu[n·up] = x[n] and is 0 elsewhere.
 * Constant (zero) padding means terms outside x simply vanish, so scipy's n_post_pad changes nothing.
 * @param {Polyphase} filter
 * @param {Float32Array|Float64Array} x
 * @param {number} up
 * @param {number} down
 * @param {number} nOut
 * @returns {Float32Array}
 */
function upfirdnCentered({ phases, halfLen }, x, up, down, nOut) {
  const nIn = x.length;
  const out = new Float32Array(nOut);
  for (let i = 0; i < nOut; i++) {
    const t = i * down + halfLen;
    const top = Math.floor(t / up); // input index met by tap k = 0 of this phase
    const taps = phases[t - top * up];
    // tap k meets x[top − k]: keep 0 ≤ top − k < nIn
    const kMin = top >= nIn ? top - nIn + 1 : 0;
    const kMax = Math.min(taps.length - 1, top);
    let acc = 0;
    for (let k = kMin; k <= kMax; k++) acc += taps[k] * x[top - k];
    out[i] = acc;
  }
  return out;
}

/**
 * resample_poly's filter for this (up, down), split into phases; cached, since designing it costs
 * more than resampling a short chunk.
 * @param {number} up
 * @param {number} down
 * @returns {Polyphase}
 */
function polyphaseFilter(up, down) {
  const key = `${up}/${down}`;
  let filter = filterCache.get(key);
  if (!filter) {
    const maxRate = Math.max(up, down);
    const halfLen = 10 * maxRate;
    const h = firwinKaiser(2 * halfLen + 1, 1 / maxRate, KAISER_BETA);
    for (let j = 0; j < h.length; j++) h[j] *= up;
    filter = { phases: splitPhases(h, up), halfLen };
    filterCache.set(key, filter);
  }
  return filter;
}

/**
 * @param {Float64Array} h
 * @param {number} up
 * @returns {Float64Array[]}
 */
function splitPhases(h, up) {
  /** @type {Float64Array[]} */
  const phases = [];
  for (let p = 0; p < up; p++) {
    const taps = new Float64Array(Math.max(0, Math.ceil((h.length - p) / up)));
    for (let k = 0; k < taps.length; k++) taps[k] = h[p + k * up];
    phases.push(taps);
  }
  return phases;
}

/**
 * scipy.signal.firwin(numtaps, cutoff, window=('kaiser', beta)) for a low-pass (pass_zero=True,
 * scale=True, fs=2): a windowed sinc, scaled to unit gain at DC.
 * @param {number} numtaps odd
 * @param {number} cutoff relative to Nyquist, in (0, 1)
 * @param {number} beta
 * @returns {Float64Array}
 */
export function firwinKaiser(numtaps, cutoff, beta) {
  const alpha = 0.5 * (numtaps - 1);
  const win = kaiser(numtaps, beta);
  const h = new Float64Array(numtaps);
  let sum = 0;
  for (let n = 0; n < numtaps; n++) {
    h[n] = cutoff * sinc(cutoff * (n - alpha)) * win[n];
    sum += h[n];
  }
  for (let n = 0; n < numtaps; n++) h[n] /= sum;
  return h;
}

/**
 * numpy's sinc: sin(πx)/(πx), 1 at 0.
 * @param {number} x
 * @returns {number}
 */
function sinc(x) {
  const y = Math.PI * (x === 0 ? 1e-20 : x);
  return Math.sin(y) / y;
}

/**
 * scipy.signal.windows.kaiser(m, beta) (symmetric).
 * @param {number} m
 * @param {number} beta
 * @returns {Float64Array}
 */
function kaiser(m, beta) {
  const w = new Float64Array(m);
  if (m === 1) w[0] = 1;
  if (m <= 1) return w;
  const alpha = (m - 1) / 2;
  const norm = besselI0(beta);
  for (let n = 0; n < m; n++) {
    const r = (n - alpha) / alpha;
    w[n] = besselI0(beta * Math.sqrt(1 - r * r)) / norm;
  }
  return w;
}

/**
 * The modified Bessel function of the first kind, order 0: Σ ((x/2)^k / k!)², summed until a term
 * no longer changes the double. Every term is positive, so there is no cancellation and the sum is
 * accurate to a few ulps for the small arguments a Kaiser window uses (|x| ≤ beta).
 * @param {number} x
 * @returns {number}
 */
export function besselI0(x) {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}
