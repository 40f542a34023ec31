// Voice activity detection in the worker: a recording → 16 kHz samples → the model's frame scores, block
// by block with its state carried → speech segments. Each step equals the build's (builder/speech.py,
// builder/tasks/voice_activity.py): WAV decoding (audio_decode.js), scipy's polyphase resampling
// (resample.js), Silero's framing and post-processing (vad.js).
import { ERROR_CODE, VitrineError } from './protocol.js';
import { decodeWav, wavInfo } from './audio_decode.js';
import { resamplePoly } from './resample.js';
import { frameBlocks, segmentsAt } from './vad.js';

/**
 * @typedef {object} AudioSpec preprocessing of a voice activity detector (manifest `audio_preprocessing`)
 * @property {string} input
 * @property {Record<string, string>} state state input → the output that carries it on
 * @property {number} sample_rate
 * @property {number} frame
 * @property {number} context
 * @property {number} block_frames
 * @property {number} max_seconds
 */

/**
 * @typedef {object} SpeechSegment One stretch of speech, in seconds from the start of the recording.
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} VoiceActivity What `predict` answers for a recording.
 * @property {SpeechSegment[]} segments the stretches of speech, in order
 * @property {Float32Array} probabilities each frame's speech probability, 0..1
 * @property {number} frameSeconds how long a frame is (0.032 s)
 * @property {number} duration the recording's length in seconds
 * @property {number} threshold the threshold the segments were found with
 * @property {{min: Float32Array, max: Float32Array}} [waveform] with option `waveform: n`: the 16 kHz
 *   samples' lowest and highest value in each of n equal stretches (to draw the recording)
 */

/** The most stretches a waveform may have. */
export const MAX_WAVEFORM = 4000;

/** The state tensors' shape: [layers, batch, units]. */
const STATE_DIMS = [1, 1, 128];

/**
 * A recording (WAV bytes, or `{samples, sampleRate}` that the page decoded) → the first block's feeds;
 * the other blocks wait in `context` for `finishAudio`.
 * @param {unknown} input
 * @param {{preprocessing: AudioSpec}} spec
 * @returns {Promise<import('./predict.js').Prepared>}
 */
export async function prepareAudio(input, spec) {
  const pre = spec.preprocessing;
  const { samples, sampleRate } = await readRecording(input, pre.max_seconds);
  checkRatio(sampleRate, pre.sample_rate);
  const audio = resamplePoly(samples, sampleRate, pre.sample_rate);
  const blocks = [...frameBlocks(audio, { frameSamples: pre.frame, contextSamples: pre.context, maxFrames: pre.block_frames })];
  if (blocks.length === 0) throw new VitrineError(ERROR_CODE.badInput, 'This recording is empty: it has no samples.');
  const silent = samples.every((v) => v === 0);
  return {
    feeds: blockFeeds(blocks[0], pre, zeroState(pre)),
    context: { blocks, audio, duration: samples.length / sampleRate },
    notice: silent ? 'This recording is silent: every sample is 0, so there is no speech in it.' : undefined,
  };
}

/**
 * The first block's scores (in `outputs`), the other blocks run here with the state carried; then
 * Silero's post-processing with the manifest's settings (`options.threshold` overrides its threshold).
 * @param {Record<string, import('./protocol.js').OutputTensor>} outputs
 * @param {{preprocessing: AudioSpec, postprocessing: any}} spec
 * @param {Record<string, unknown>} options
 * @param {import('./predict.js').Prepared} prepared
 * @param {import('./predict.js').TaskEnv} env
 * @returns {Promise<VoiceActivity>}
 */
export async function finishAudio(outputs, spec, options, prepared, env) {
  const pre = spec.preprocessing;
  const post = spec.postprocessing;
  const { blocks, audio, duration } = prepared.context;
  const scores = [readScores(outputs, post.probability_output)];
  let state = carriedState(outputs, pre);
  for (const block of blocks.slice(1)) {
    if (env.cancelled?.()) throw new VitrineError(ERROR_CODE.aborted, 'The prediction was cancelled.');
    if (!env.run) throw new VitrineError(ERROR_CODE.run, 'This recording needs more than one run of the model, and none is possible here.');
    const next = await env.run(blockFeeds(block, pre, state));
    prepared.extraMs = (prepared.extraMs ?? 0) + next.ms;
    scores.push(readScores(next.outputs, post.probability_output));
    state = carriedState(next.outputs, pre);
  }
  const probabilities = concat(scores);
  const threshold = options.threshold === undefined ? post.threshold : Number(options.threshold);
  /** @type {VoiceActivity} */
  const answer = { segments: segmentsAt(probabilities, post, pre.sample_rate, audio.length, threshold), probabilities, frameSeconds: pre.frame / pre.sample_rate, duration, threshold };
  if (options.waveform !== undefined) answer.waveform = waveform(audio, Number(options.waveform));
  return answer;
}

/**
 * The lowest and highest sample of each of `n` equal stretches of the recording.
 * @param {Float32Array} audio
 * @param {number} n
 */
export function waveform(audio, n) {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WAVEFORM) {
    throw new VitrineError(ERROR_CODE.badRequest, `waveform must be a whole number from 1 to ${MAX_WAVEFORM}, not ${n}.`);
  }
  const min = new Float32Array(n);
  const max = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const from = Math.floor((k * audio.length) / n);
    const to = Math.max(from + 1, Math.floor(((k + 1) * audio.length) / n));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < Math.min(to, audio.length); i++) {
      lo = Math.min(lo, audio[i]);
      hi = Math.max(hi, audio[i]);
    }
    [min[k], max[k]] = lo <= hi ? [lo, hi] : [0, 0];
  }
  return { min, max };
}

/** Enough of a file for its WAV header (wavInfo reads the chunks before `data`). */
const HEADER_BYTES = 65536;

/**
 * A WAV file (a Blob, or its bytes; decoded here exactly as the build reads it) or `{samples,
 * sampleRate}`, checked. A Blob's header is read first: a recording too long is refused unread.
 * @param {unknown} input
 * @param {number} maxSeconds
 * @returns {Promise<{samples: Float32Array, sampleRate: number}>}
 */
export async function readRecording(input, maxSeconds) {
  if (input instanceof Blob) {
    checkLength(wavInfo(await input.slice(0, HEADER_BYTES).arrayBuffer()).seconds, maxSeconds);
    input = await input.arrayBuffer();
  }
  if (input instanceof ArrayBuffer || input instanceof Uint8Array) {
    const info = wavInfo(input);
    checkLength(info.seconds, maxSeconds);
    const { samples, sampleRate } = decodeWav(input);
    return { samples: checkSamples(samples), sampleRate };
  }
  const given = /** @type {{samples?: unknown, sampleRate?: unknown}} */ (input ?? {});
  const { samples, sampleRate } = given;
  if (!(samples instanceof Float32Array) || typeof sampleRate !== 'number') {
    throw new VitrineError(ERROR_CODE.badInput, 'A recording is WAV bytes or {samples: Float32Array, sampleRate}.');
  }
  if (!Number.isInteger(sampleRate) || sampleRate < 1000 || sampleRate > 768000) {
    throw new VitrineError(ERROR_CODE.badInput, `The sample rate must be a whole number of Hz from 1,000 to 768,000, not ${sampleRate}.`);
  }
  checkLength(samples.length / sampleRate, maxSeconds);
  return { samples: checkSamples(samples), sampleRate };
}

/**
 * A recording longer than the model reads is refused, with its length and the limit.
 * @param {number} seconds
 * @param {number} maxSeconds
 */
function checkLength(seconds, maxSeconds) {
  if (seconds > maxSeconds) {
    throw new VitrineError(ERROR_CODE.badInput,
      `This recording is ${formatDuration(seconds)} long; the detector reads at most ${formatDuration(maxSeconds)}. Cut it into shorter pieces.`);
  }
}

/** @param {Float32Array} samples */
function checkSamples(samples) {
  if (samples.length === 0) throw new VitrineError(ERROR_CODE.badInput, 'This recording is empty: it has no samples.');
  const bad = samples.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new VitrineError(ERROR_CODE.badInput, `Sample ${bad + 1} of the recording is ${samples[bad]}; every sample must be a finite number.`);
  return samples;
}

/** The longest polyphase filter resampling may design: 20 × this + 1 taps (44.1 kHz → 16 kHz: 441). */
const MAX_RATIO_TERM = 4000;

/**
 * An odd sample rate (say 44,101 Hz) would need a filter of millions of taps to reach 16 kHz exactly.
 * @param {number} from
 * @param {number} to
 */
function checkRatio(from, to) {
  let [a, b] = [from, to];
  while (b) [a, b] = [b, a % b];
  if (Math.max(from / a, to / a) > MAX_RATIO_TERM) {
    throw new VitrineError(ERROR_CODE.badInput,
      `A sample rate of ${from.toLocaleString('en')} Hz cannot be resampled to ${to.toLocaleString('en')} Hz exactly; save the recording at a common rate (8, 16, 22.05, 44.1 or 48 kHz).`);
  }
}

/**
 * "9.5 s", "10 min", "10 min 1 s", "2 h 5 min" (past an hour, whole minutes).
 * @param {number} seconds
 */
export function formatDuration(seconds) {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const total = Math.round(seconds);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return [h && `${h} h`, m && `${m} min`, !h && s && `${s} s`].filter(Boolean).join(' ');
}

/**
 * @param {{data: Float32Array, dims: number[]}} block
 * @param {AudioSpec} pre
 * @param {Record<string, Float32Array>} state
 * @returns {import('./protocol.js').TensorMap}
 */
function blockFeeds(block, pre, state) {
  /** @type {import('./protocol.js').TensorMap} */
  const feeds = { [pre.input]: { type: 'float32', dims: block.dims, data: block.data } };
  for (const name of Object.keys(pre.state)) feeds[name] = { type: 'float32', dims: STATE_DIMS, data: state[name] };
  return feeds;
}

/** @param {AudioSpec} pre */
function zeroState(pre) {
  return Object.fromEntries(Object.keys(pre.state).map((name) => [name, new Float32Array(STATE_DIMS[2])]));
}

/**
 * @param {Record<string, import('./protocol.js').OutputTensor>} outputs
 * @param {AudioSpec} pre
 * @returns {Record<string, Float32Array>}
 */
function carriedState(outputs, pre) {
  return Object.fromEntries(Object.entries(pre.state).map(([input, output]) => {
    const tensor = outputs[output];
    if (!tensor) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${output}" (its state).`);
    return [input, Float32Array.from(/** @type {ArrayLike<number>} */ (tensor.data))];
  }));
}

/**
 * @param {Record<string, import('./protocol.js').OutputTensor>} outputs
 * @param {string} name
 */
function readScores(outputs, name) {
  const tensor = outputs[name];
  if (!tensor) throw new VitrineError(ERROR_CODE.run, `The model returned no output "${name}".`);
  const scores = Float32Array.from(/** @type {ArrayLike<number>} */ (tensor.data));
  if (!scores.every((v) => v >= 0 && v <= 1)) throw new VitrineError(ERROR_CODE.run, 'The model returned invalid scores for this recording.');
  return scores;
}

/** @param {Float32Array[]} parts */
function concat(parts) {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
