// A recording, as predict() takes it, → what the worker reads: a WAV file (a Blob, handed over without a
// copy, or its bytes: the worker checks its length from the header, then decodes it exactly as the build
// does), or samples the page decoded. Only the page can decode MP3, Ogg, WebM…: Web Audio's
// decodeAudioData exists on the main thread only. It decodes at a fixed rate (DECODE_RATE, so the browser
// resamples those formats once), and the worker resamples to the model's rate as for a WAV file.
// This lazy module imports nothing: a module it shared with the page's own bundle would split that bundle
// into more files (tests/browser/test_bundle_loading.py counts them).

/** The rate compressed formats are decoded at (most of them are recorded at 44.1 or 48 kHz). */
export const DECODE_RATE = 48000;
/**
 * The largest compressed file decoded: decoding holds the whole recording as float samples, 11.5 MB per
 * minute at 48 kHz stereo, so a 2-hour MP3 (115 MB) would need 1.4 GB. 40 MB of MP3 at 128 kbit/s is 40
 * minutes, more than any model here reads; what is longer than the model's limit is refused after decoding.
 */
export const MAX_COMPRESSED_BYTES = 40 * 1024 * 1024;

/**
 * @typedef {object} Recording What predict() sends to the worker.
 * @property {Blob | ArrayBuffer | {samples: Float32Array, sampleRate: number}} value
 * @property {Transferable[]} transfer
 */

/**
 * @param {unknown} input a Blob or File, an ArrayBuffer or typed array (a file's bytes), an AudioBuffer, or
 *   `{samples, sampleRate}` (mono samples in [-1, 1], e.g. from the microphone)
 * @returns {Promise<Recording>}
 */
export async function recordingInput(input) {
  if (typeof AudioBuffer === 'function' && input instanceof AudioBuffer) return mono(input);
  if (input instanceof Blob) {
    // a WAV file goes as it is: the worker reads its header first, so a two-hour file is refused unread
    if (isWav(await input.slice(0, 12).arrayBuffer())) return { value: input, transfer: [] };
    return fromBytes(await input.arrayBuffer());
  }
  if (input instanceof ArrayBuffer) return fromBytes(input.slice(0));
  if (ArrayBuffer.isView(input) && !(input instanceof Float32Array)) {
    return fromBytes(/** @type {ArrayBuffer} */ (input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength)));
  }
  const given = /** @type {{samples?: unknown, sampleRate?: unknown}} */ (input);
  if (given && typeof given === 'object' && 'samples' in given) {
    const { samples, sampleRate } = given;
    if (!isNumbers(samples)) throw new TypeError('predict(): samples must be a Float32Array or an array of numbers.');
    const copy = Float32Array.from(samples);
    return { value: { samples: copy, sampleRate: /** @type {number} */ (sampleRate) }, transfer: [copy.buffer] };
  }
  const kind = input === null ? 'null' : typeof input;
  throw new TypeError(`predict() takes a recording: a Blob or File, an ArrayBuffer, an AudioBuffer or {samples, sampleRate} — got ${kind}.`);
}

/**
 * WAV goes to the worker as it is; other formats are decoded here.
 * @param {ArrayBuffer} bytes
 * @returns {Promise<Recording>}
 */
async function fromBytes(bytes) {
  if (isWav(bytes)) return { value: bytes, transfer: [bytes] };
  if (bytes.byteLength > MAX_COMPRESSED_BYTES) {
    throw new Error(`This file is ${(bytes.byteLength / 1048576).toFixed(0)} MB; recordings other than WAV are read up to ${MAX_COMPRESSED_BYTES / 1048576} MB. Cut it into shorter pieces.`);
  }
  if (typeof OfflineAudioContext !== 'function') {
    throw new Error('This browser cannot decode this recording (no Web Audio); use a WAV file.');
  }
  let decoded;
  try {
    decoded = await new OfflineAudioContext(1, 1, DECODE_RATE).decodeAudioData(bytes);
  } catch {
    throw new Error('This file is not a recording your browser can decode (WAV, MP3, Ogg, WebM, AAC or FLAC); it may be damaged or cut short.');
  }
  return mono(decoded);
}

/**
 * The channels' mean, as for a WAV file.
 * @param {AudioBuffer} buffer
 * @returns {Recording}
 */
function mono(buffer) {
  const samples = new Float32Array(buffer.length);
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  for (let i = 0; i < samples.length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i];
    samples[i] = sum / channels.length;
  }
  return { value: { samples, sampleRate: buffer.sampleRate }, transfer: [samples.buffer] };
}

/** @param {ArrayBuffer} bytes */
function isWav(bytes) {
  if (bytes.byteLength < 12) return false;
  const tag = (/** @type {number} */ at) => String.fromCharCode(...new Uint8Array(bytes, at, 4));
  return tag(0) === 'RIFF' && tag(8) === 'WAVE';
}

/**
 * @param {unknown} value
 * @returns {value is ArrayLike<number>}
 */
function isNumbers(value) {
  return value instanceof Float32Array || value instanceof Float64Array || (Array.isArray(value) && value.every((v) => typeof v === 'number'));
}
