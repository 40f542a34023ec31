// Silero VAD around the model: how audio is cut into frames for the sequence ONNX model, and how its
// per-frame speech probabilities become speech segments. Equal to silero_vad 6.2.3, the reference:
// frameBlocks is sequence_vad.frame_blocks, speechTimestamps is utils_vad.get_speech_timestamps_from_probs
// (same float64 steps in the same order, so the same sample positions). tests/fixtures/vad_segments.json
// holds Python's answers. Pure: no ORT, no DOM.

/**
 * One model input: `dims[0]` frames, each the previous frame's last `contextSamples` samples followed
 * by `frameSamples` of its own, row-major float32.
 * @typedef {{data: Float32Array, dims: [number, number]}} FrameBlock
 */

/**
 * A speech segment: first sample and one past the last, or seconds after toSeconds.
 * @typedef {{start: number, end: number}} Segment
 */

/**
 * Options of speechTimestamps, named after get_speech_timestamps_from_probs's keywords.
 * @typedef {object} VadOptions
 * @property {number} [threshold] a frame at or above it is speech (default 0.5)
 * @property {number} [negThreshold] below it, silence (default max(threshold − 0.15, 0.01))
 * @property {number} [minSpeechMs] shorter speech is dropped (default 250)
 * @property {number} [minSilenceMs] a pause this long ends a segment (default 100)
 * @property {number} [speechPadMs] added at each side of a segment (default 30)
 * @property {number} [maxSpeechSeconds] longer speech is cut (default Infinity)
 * @property {number} [minSilenceAtMaxSpeechMs] shortest pause worth cutting at (default 98)
 * @property {boolean} [useMaxPossibleSilenceAtMaxSpeech] cut a long segment at its longest pause rather than its last (default true)
 * @property {number} [sampleRate] 16000 (512-sample frames) or 8000 (256) (default 16000)
 * @property {number} [audioLengthSamples] the audio's true length (default: frames × frame length)
 */

/**
 * How many frames cover `n` samples, the last one zero-padded.
 * @param {number} n a whole number of samples, ≥ 0
 * @param {number} [frameSamples] samples per frame (512 at 16 kHz, 256 at 8 kHz)
 * @returns {number}
 */
export function frameCount(n, frameSamples = 512) {
  checkWhole('frameCount(): n', n, 0);
  checkWhole('frameCount(): frameSamples', frameSamples, 1);
  return Math.ceil(n / frameSamples);
}

/**
 * The sequence model's input blocks for `samples`: at most `maxFrames` frames each, every frame
 * prefixed with the previous frame's tail (zeros before the first), so a block-at-a-time run sees
 * what the streaming model would. No blocks for no samples. Options are checked now, not on first use.
 * @param {ArrayLike<number>} samples mono audio at the model's rate
 * @param {{frameSamples?: number, contextSamples?: number, maxFrames?: number}} [options]
 * @returns {Generator<FrameBlock, void, undefined>}
 */
export function frameBlocks(samples, { frameSamples = 512, contextSamples = 64, maxFrames = 512 } = {}) {
  if (!isArrayLike(samples)) throw new TypeError('frameBlocks(): samples must be an array of numbers.');
  checkWhole('frameBlocks(): frameSamples', frameSamples, 1);
  checkWhole('frameBlocks(): contextSamples', contextSamples, 1, frameSamples);
  checkWhole('frameBlocks(): maxFrames', maxFrames, 1);
  return blocks(samples, frameSamples, contextSamples, maxFrames);
}

/**
 * @param {ArrayLike<number>} samples
 * @param {number} frameSamples
 * @param {number} contextSamples
 * @param {number} maxFrames
 * @returns {Generator<FrameBlock, void, undefined>}
 */
function* blocks(samples, frameSamples, contextSamples, maxFrames) {
  const frames = frameCount(samples.length, frameSamples);
  const row = contextSamples + frameSamples;
  for (let first = 0; first < frames; first += maxFrames) {
    const count = Math.min(maxFrames, frames - first);
    const data = new Float32Array(count * row);
    // A row is the zero-padded audio from `contextSamples` before its frame to the frame's end (the
    // first frame's context stays zero), which is what Python's carried-over previous_context holds.
    for (let f = 0; f < count; f++) {
      const frameStart = (first + f) * frameSamples;
      const from = first + f === 0 ? frameStart : frameStart - contextSamples;
      copyPadded(samples, from, frameStart + frameSamples, data, f * row + contextSamples - (frameStart - from));
    }
    yield { data, dims: [count, row] };
  }
}

/**
 * Copy samples[from, to) into `out` at `at`, zeros past the end of the audio (Float32Array rounds).
 * @param {ArrayLike<number>} samples
 * @param {number} from
 * @param {number} to
 * @param {Float32Array} out
 * @param {number} at where samples[from] goes
 */
function copyPadded(samples, from, to, out, at) {
  const stop = Math.min(to, samples.length);
  for (let i = from; i < stop; i++) out[at + i - from] = samples[i];
}

/**
 * Speech segments, in samples, from per-frame speech probabilities: a port of silero_vad's
 * get_speech_timestamps_from_probs (hysteresis between threshold and negThreshold, dropping short
 * speech, cutting over-long speech, then padding), returning the same integers.
 * @param {ArrayLike<number>} probs one probability per frame, each in [0, 1]
 * @param {VadOptions} [options]
 * @returns {Segment[]}
 */
export function speechTimestamps(probs, options = {}) {
  checkProbs(probs);
  const lim = limits(options, probs.length);
  return padSegments(findSpeech(probs, lim), lim.pad, lim.audioLength);
}

/**
 * Seconds instead of samples: plain division (Python's return_seconds also rounds; this does not).
 * @param {Segment[]} segments in samples
 * @param {number} [sampleRate]
 * @returns {Segment[]}
 */
export function toSeconds(segments, sampleRate = 16000) {
  return segments.map(({ start, end }) => ({ start: start / sampleRate, end: end / sampleRate }));
}

/**
 * A detector's segments in seconds, cut with its manifest's post-processing settings at `threshold`:
 * what the worker answers, and what the demo's threshold slider re-cuts without running the model.
 * @param {ArrayLike<number>} probabilities each frame's speech probability
 * @param {{threshold: number, min_speech_ms: number, min_silence_ms: number, speech_pad_ms: number}} post
 * @param {number} sampleRate the rate the detector read
 * @param {number} audioLengthSamples the recording's length at that rate
 * @param {number} [threshold]
 * @returns {Segment[]}
 */
export function segmentsAt(probabilities, post, sampleRate, audioLengthSamples, threshold = post.threshold) {
  const found = speechTimestamps(probabilities, {
    threshold, minSpeechMs: post.min_speech_ms, minSilenceMs: post.min_silence_ms, speechPadMs: post.speech_pad_ms,
    sampleRate, audioLengthSamples,
  });
  return toSeconds(found, sampleRate);
}

/**
 * The thresholds and durations the state machine compares with, in samples, computed in Python's
 * order (so the same float64 values).
 * @typedef {{threshold: number, negThreshold: number, window: number, pad: number, minSpeech: number,
 *   maxSpeech: number, minSilence: number, minSilenceAtMax: number, useMaxPossible: boolean,
 *   audioLength: number}} Limits
 * @param {VadOptions} options
 * @param {number} frames how many probabilities
 * @returns {Limits}
 */
function limits(options, frames) {
  const {
    threshold = 0.5, negThreshold, minSpeechMs = 250, minSilenceMs = 100, speechPadMs = 30,
    maxSpeechSeconds = Infinity, minSilenceAtMaxSpeechMs = 98, useMaxPossibleSilenceAtMaxSpeech = true,
    sampleRate = 16000, audioLengthSamples,
  } = options;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1)) {
    throw new RangeError(`speechTimestamps(): threshold must be a number between 0 and 1 (exclusive), got ${show(threshold)}.`);
  }
  // Python: 512 at 16 kHz, 256 for any other rate.
  const window = sampleRate === 16000 ? 512 : 256;
  const pad = sampleRate * speechPadMs / 1000;
  return {
    threshold,
    window,
    pad,
    negThreshold: negThreshold ?? Math.max(threshold - 0.15, 0.01),
    minSpeech: sampleRate * minSpeechMs / 1000,
    maxSpeech: sampleRate * maxSpeechSeconds - window - 2 * pad,
    minSilence: sampleRate * minSilenceMs / 1000,
    minSilenceAtMax: sampleRate * minSilenceAtMaxSpeechMs / 1000,
    useMaxPossible: useMaxPossibleSilenceAtMaxSpeech,
    audioLength: audioLengthSamples ?? frames * window,
  };
}

/**
 * The state machine's variables, named as in Python. Python's `current_speech` dict is non-empty
 * exactly while `triggered`, so `start` alone stands for it. Zero means "none" for the three
 * positions, as Python's truth tests read them.
 * @typedef {{triggered: boolean, start: number, tempEnd: number, prevEnd: number, nextStart: number,
 *   possibleEnds: Array<[number, number]>, speeches: Segment[]}} VadState
 */

/**
 * Unpadded segments: the main loop of get_speech_timestamps_from_probs.
 * @param {ArrayLike<number>} probs
 * @param {Limits} lim
 * @returns {Segment[]}
 */
function findSpeech(probs, lim) {
  /** @type {VadState} */
  const s = { triggered: false, start: 0, tempEnd: 0, prevEnd: 0, nextStart: 0, possibleEnds: [], speeches: [] };
  for (let i = 0; i < probs.length; i++) {
    const prob = probs[i];
    const cur = lim.window * i;
    if (prob >= lim.threshold && s.tempEnd) speechResumes(s, cur, lim);
    if (prob >= lim.threshold && !s.triggered) {
      s.triggered = true;
      s.start = cur;
      continue;
    }
    if (s.triggered && cur - s.start > lim.maxSpeech && cutLongSpeech(s, cur, lim)) continue;
    if (prob < lim.negThreshold && s.triggered) silence(s, cur, lim);
  }
  if (s.triggered && lim.audioLength - s.start > lim.minSpeech) s.speeches.push({ start: s.start, end: lim.audioLength });
  return s.speeches;
}

/**
 * Speech after a tentative end: remember the pause as a place to cut over-long speech, if long enough.
 * @param {VadState} s
 * @param {number} cur
 * @param {Limits} lim
 */
function speechResumes(s, cur, lim) {
  const pause = cur - s.tempEnd;
  if (pause > lim.minSilenceAtMax) s.possibleEnds.push([s.tempEnd, pause]);
  s.tempEnd = 0;
  if (s.nextStart < s.prevEnd) s.nextStart = cur;
}

/**
 * Speech longer than maxSpeech: end it at its longest pause (useMaxPossible), else at the last pause
 * long enough, else right here. True when Python `continue`s (the cut at `cur` itself).
 * @param {VadState} s
 * @param {number} cur
 * @param {Limits} lim
 * @returns {boolean}
 */
function cutLongSpeech(s, cur, lim) {
  if (lim.useMaxPossible && s.possibleEnds.length) {
    const [end, pause] = longest(s.possibleEnds);
    s.speeches.push({ start: s.start, end });
    s.nextStart = end + pause;
    // Always true (a pause is shorter than `cur`); kept as Python has it.
    if (s.nextStart < end + cur) s.start = s.nextStart;
    else s.triggered = false;
    resetPause(s);
    return false;
  }
  if (s.prevEnd) {
    s.speeches.push({ start: s.start, end: s.prevEnd });
    if (s.nextStart < s.prevEnd) s.triggered = false;
    else s.start = s.nextStart;
    resetPause(s);
    return false;
  }
  s.speeches.push({ start: s.start, end: cur });
  resetPause(s);
  s.triggered = false;
  return true;
}

/**
 * A frame below negThreshold while in speech: start or extend a pause; a long enough one ends the segment.
 * @param {VadState} s
 * @param {number} cur
 * @param {Limits} lim
 */
function silence(s, cur, lim) {
  if (!s.tempEnd) s.tempEnd = cur;
  const pause = cur - s.tempEnd;
  if (!lim.useMaxPossible && pause > lim.minSilenceAtMax) s.prevEnd = s.tempEnd;
  if (pause < lim.minSilence) return;
  if (s.tempEnd - s.start > lim.minSpeech) s.speeches.push({ start: s.start, end: s.tempEnd });
  resetPause(s);
  s.triggered = false;
}

/**
 * Forget pauses: Python's `prev_end = next_start = temp_end = 0; possible_ends = []`.
 * @param {VadState} s
 */
function resetPause(s) {
  s.prevEnd = s.nextStart = s.tempEnd = 0;
  s.possibleEnds = [];
}

/**
 * The longest pause, the first of equals (Python's max with a key).
 * @param {Array<[number, number]>} ends [position, length] pairs, at least one
 * @returns {[number, number]}
 */
function longest(ends) {
  let best = ends[0];
  for (const e of ends) if (e[1] > best[1]) best = e;
  return best;
}

/**
 * Pad each segment by `pad` samples, or by half the gap where two segments are closer than 2·pad.
 * Python's int() truncates (pad may be fractional) and `//` floors; both are kept.
 * @param {Segment[]} speeches modified in place
 * @param {number} pad
 * @param {number} audioLength
 * @returns {Segment[]}
 */
function padSegments(speeches, pad, audioLength) {
  for (let i = 0; i < speeches.length; i++) {
    const speech = speeches[i];
    if (i === 0) speech.start = Math.trunc(Math.max(0, speech.start - pad));
    if (i === speeches.length - 1) {
      speech.end = Math.trunc(Math.min(audioLength, speech.end + pad));
      continue;
    }
    const next = speeches[i + 1];
    const gap = next.start - speech.end;
    if (gap < 2 * pad) {
      const half = Math.floor(gap / 2);
      speech.end += Math.trunc(half);
      next.start = Math.trunc(Math.max(0, next.start - half));
    } else {
      speech.end = Math.trunc(Math.min(audioLength, speech.end + pad));
      next.start = Math.trunc(Math.max(0, next.start - pad));
    }
  }
  return speeches;
}

/**
 * @param {ArrayLike<number>} probs
 */
function checkProbs(probs) {
  if (!isArrayLike(probs)) {
    throw new TypeError('speechTimestamps(): probs must be an array of speech probabilities, one per frame.');
  }
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new RangeError(`speechTimestamps(): probability ${i} is ${show(p)}; each must be a finite number from 0 to 1.`);
    }
  }
}

/**
 * @param {unknown} value
 * @returns {value is ArrayLike<number>}
 */
function isArrayLike(value) {
  return typeof value === 'object' && value !== null && Number.isInteger(/** @type {{length?: unknown}} */ (value).length);
}

/**
 * @param {string} what
 * @param {unknown} value
 * @param {number} min
 * @param {number} [max]
 */
function checkWhole(what, value, min, max = Infinity) {
  if (!Number.isInteger(value) || /** @type {number} */ (value) < min || /** @type {number} */ (value) > max) {
    const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
    throw new RangeError(`${what} must be a whole number ${range}, got ${show(value)}.`);
  }
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function show(value) {
  return typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value) ?? String(value);
}
