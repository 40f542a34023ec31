// Decoding a visitor's WAV file into mono float samples, in the inference worker (or a page), with
// errors a visitor can act on. Python's `scipy.io.wavfile.read` is the reference: its integer values
// are scaled to [-1, 1) (uint8 (v − 128)/128, int16 v/32768, 24-bit v/2^23, int32 v/2^31; float data
// as it is) and the channels are averaged in float64, then stored as float32.
//
// Only the container is parsed (RIFF/WAVE, little-endian; PCM 8/16/24/32-bit, IEEE float 32/64, and
// WAVE_FORMAT_EXTENSIBLE wrapping either). Compressed WAV (A-law, µ-law, ADPCM, MP3) is refused with
// its name: decoding it here would be a second codec that Python does not use.
// `wavInfo` reads the header only, so a page can refuse a long recording before decoding it; it also
// works on just the first bytes of a file (e.g. `file.slice(0, 65536)`), as long as they reach the
// data chunk's header.

import { ERROR_CODE, VitrineError } from './protocol.js';

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** A data chunk size a streaming writer leaves when it cannot seek back to fill it in. */
const SIZE_UNKNOWN = 0xffffffff;
const SAVE_AS = 'save the recording as 16-bit PCM WAV';

/** Names of the WAV formats people actually meet, for the refusal message. */
const FORMAT_NAMES = new Map([
  [2, 'Microsoft ADPCM'], [6, 'A-law'], [7, 'µ-law'], [0x11, 'IMA ADPCM'], [0x31, 'GSM 6.10'],
  [0x50, 'MPEG'], [0x55, 'MP3'], [0x161, 'Windows Media Audio'], [0x2000, 'AC-3'],
]);

/**
 * @typedef {object} WavInfo
 * @property {number} sampleRate frames per second
 * @property {number} channels
 * @property {number} bitsPerSample 8, 16, 24 or 32 (PCM); 32 or 64 (float)
 * @property {1|3} format 1 = integer PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE resolved to its sub-format)
 * @property {number} frames samples per channel the file holds (what the header says; a streamed
 *   file's, whose header does not say, counts the bytes present)
 * @property {number} seconds frames / sampleRate
 */

/**
 * @typedef {object} DecodedAudio
 * @property {Float32Array} samples mono: the mean of the channels, in [-1, 1) for integer formats
 * @property {number} sampleRate
 * @property {number} channels of the file (the samples are always mono)
 * @property {number} seconds
 */

/**
 * @typedef {object} Header
 * @property {WavInfo} info
 * @property {number} dataStart byte offset of the first sample
 * @property {number} dataBytes the data chunk's length
 */

/**
 * Read a WAV file's header: format, rate, channels and length, without touching the samples.
 * @param {ArrayBuffer|ArrayBufferView} bytes the whole file, or at least its first bytes through the data chunk's header
 * @returns {WavInfo}
 * @throws {VitrineError} code "bad-input" when it is not a WAV file this runtime can decode
 */
export function wavInfo(bytes) {
  return readHeader(asView(bytes, 'wavInfo')).info;
}

/**
 * Decode a WAV file to mono float samples, as `scipy.io.wavfile.read` reads it (scaled to [-1, 1)).
 * @param {ArrayBuffer|ArrayBufferView} bytes the whole file
 * @returns {DecodedAudio}
 * @throws {VitrineError} code "bad-input" when it is not a WAV file this runtime can decode, or is cut short
 */
export function decodeWav(bytes) {
  const view = asView(bytes, 'decodeWav');
  const { info, dataStart, dataBytes } = readHeader(view);
  const present = view.byteLength - dataStart;
  if (dataBytes > present) {
    throw badInput(`This WAV file's data is cut short: the header says ${dataBytes} bytes, the file has ${present}. ` +
      'It was probably not downloaded or saved completely; try the file again.');
  }
  const samples = mixToMono(view, dataStart, info);
  return { samples, sampleRate: info.sampleRate, channels: info.channels, seconds: info.seconds };
}

/**
 * @param {string} message
 * @returns {VitrineError}
 */
function badInput(message) {
  return new VitrineError(ERROR_CODE.badInput, message);
}

/**
 * @param {unknown} bytes
 * @param {string} caller
 * @returns {DataView}
 */
function asView(bytes, caller) {
  if (bytes instanceof ArrayBuffer) return new DataView(bytes);
  if (ArrayBuffer.isView(bytes)) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new TypeError(`${caller}() takes the file's bytes as an ArrayBuffer or Uint8Array (e.g. await file.arrayBuffer()).`);
}

/**
 * @param {DataView} view
 * @param {number} offset
 * @returns {string} the four ASCII characters there
 */
function fourCC(view, offset) {
  let s = '';
  for (let i = 0; i < 4; i++) s += String.fromCharCode(view.getUint8(offset + i));
  return s;
}

/**
 * Walk the RIFF chunks (each word-aligned: an odd size is followed by a pad byte) up to `data`,
 * reading `fmt ` on the way.
 * @param {DataView} view
 * @returns {Header}
 */
function readHeader(view) {
  if (view.byteLength < 12 || fourCC(view, 8) !== 'WAVE' || !['RIFF', 'RF64', 'RIFX'].includes(fourCC(view, 0))) {
    throw badInput('This file is not a WAV file (it does not start with RIFF…WAVE). Choose a .wav recording, or ' +
      `convert the audio and ${SAVE_AS}.`);
  }
  if (fourCC(view, 0) !== 'RIFF') {
    const kind = fourCC(view, 0) === 'RF64' ? 'an RF64 (over 4 GB)' : 'a big-endian (RIFX)';
    throw badInput(`This is ${kind} WAV file, which is not supported; ${SAVE_AS}.`);
  }
  /** @type {Omit<WavInfo, 'frames'|'seconds'>|null} */
  let fmt = null;
  let offset = 12;
  while (offset + 8 <= view.byteLength) {
    const id = fourCC(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = readFmt(view, body, size);
    } else if (id === 'data') {
      if (!fmt) throw badInput('This WAV file has its data before its format (fmt) chunk, so it cannot be read; ' + `${SAVE_AS}.`);
      return withLength(fmt, body, dataSize(view, body, size));
    }
    offset = body + size + (size % 2);
  }
  if (!fmt) throw badInput(`This WAV file has no format (fmt) chunk, so its sample format is unknown; ${SAVE_AS}.`);
  throw badInput('This WAV file has no data chunk: it holds no audio, or it is cut short before the audio starts.');
}

/**
 * The data chunk's length. A writer that streams (and cannot seek back) leaves 0xFFFFFFFF, or 0
 * with the samples following anyway: then the data runs to the end of the file.
 * @param {DataView} view
 * @param {number} body
 * @param {number} size
 * @returns {number}
 */
function dataSize(view, body, size) {
  const present = view.byteLength - body;
  if (size === SIZE_UNKNOWN || (size === 0 && present > 0)) return present;
  return size;
}

/**
 * @param {Omit<WavInfo, 'frames'|'seconds'>} fmt
 * @param {number} dataStart
 * @param {number} dataBytes
 * @returns {Header}
 */
function withLength(fmt, dataStart, dataBytes) {
  const blockAlign = fmt.channels * (fmt.bitsPerSample / 8);
  const frames = Math.floor(dataBytes / blockAlign);
  return { info: { ...fmt, frames, seconds: frames / fmt.sampleRate }, dataStart, dataBytes };
}

/**
 * Parse and check the `fmt ` chunk: only what decodeWav can turn into samples passes.
 * @param {DataView} view
 * @param {number} body
 * @param {number} size
 * @returns {Omit<WavInfo, 'frames'|'seconds'>}
 */
function readFmt(view, body, size) {
  if (size < 16 || body + 16 > view.byteLength) {
    throw badInput(`This WAV file's format (fmt) chunk is too short (${size} bytes, at least 16 expected); the file is damaged.`);
  }
  let format = view.getUint16(body, true);
  const channels = view.getUint16(body + 2, true);
  const sampleRate = view.getUint32(body + 4, true);
  const blockAlign = view.getUint16(body + 12, true);
  const bitsPerSample = view.getUint16(body + 14, true);
  if (format === FORMAT_EXTENSIBLE) format = subFormat(view, body, size);
  if (format !== FORMAT_PCM && format !== FORMAT_FLOAT) {
    const name = FORMAT_NAMES.get(format);
    throw badInput(`WAV format ${format}${name ? ` (${name})` : ''} is not supported; ${SAVE_AS}.`);
  }
  if (channels === 0) throw badInput('This WAV file\'s header says it has 0 channels; the file is damaged.');
  if (sampleRate === 0) throw badInput('This WAV file\'s header says its sample rate is 0 Hz; the file is damaged.');
  checkBits(format, bitsPerSample);
  const expectedAlign = channels * (bitsPerSample / 8);
  if (blockAlign !== expectedAlign) {
    throw badInput(`This WAV file's header is inconsistent: ${channels} channel(s) of ${bitsPerSample}-bit samples take ` +
      `${expectedAlign} bytes per frame, but it says ${blockAlign}; the file is damaged.`);
  }
  return { sampleRate, channels, bitsPerSample, format };
}

/**
 * WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID
 * ({XXXXXXXX-0000-0010-8000-00AA00389B71}), 24 bytes into the extension.
 * @param {DataView} view
 * @param {number} body
 * @param {number} size
 * @returns {number}
 */
function subFormat(view, body, size) {
  if (size < 40 || body + 26 > view.byteLength || view.getUint16(body + 16, true) < 22) {
    throw badInput('This WAV file says it is WAVE_FORMAT_EXTENSIBLE but its format chunk is too short to say which ' +
      `format; the file is damaged, or ${SAVE_AS}.`);
  }
  return view.getUint16(body + 24, true);
}

/**
 * @param {1|3} format
 * @param {number} bits
 */
function checkBits(format, bits) {
  if (format === FORMAT_PCM && ![8, 16, 24, 32].includes(bits)) {
    throw badInput(`${bits}-bit PCM WAV is not supported (8, 16, 24 and 32-bit are); ${SAVE_AS}.`);
  }
  if (format === FORMAT_FLOAT && bits !== 32 && bits !== 64) {
    throw badInput(`${bits}-bit floating-point WAV is not supported (32 and 64-bit are); ${SAVE_AS}.`);
  }
}

/**
 * A reader for one sample of this format, scaled as scipy's integer values divided by their range.
 * @param {WavInfo} info
 * @returns {(view: DataView, at: number) => number}
 */
function sampleReader({ format, bitsPerSample }) {
  if (format === FORMAT_FLOAT) {
    return bitsPerSample === 32 ? (v, at) => v.getFloat32(at, true) : (v, at) => v.getFloat64(at, true);
  }
  switch (bitsPerSample) {
    case 8: return (v, at) => (v.getUint8(at) - 128) / 128;
    case 16: return (v, at) => v.getInt16(at, true) / 32768;
    case 24: return (v, at) => (((v.getUint8(at + 2) << 24) >> 8) | v.getUint16(at, true)) / 8388608;
    default: return (v, at) => v.getInt32(at, true) / 2147483648;
  }
}

/**
 * The channels' mean per frame, summed in float64 (as numpy's mean(axis=1) of the scaled values).
 * @param {DataView} view
 * @param {number} dataStart
 * @param {WavInfo} info
 * @returns {Float32Array}
 */
function mixToMono(view, dataStart, info) {
  const { channels, frames } = info;
  const read = sampleReader(info);
  const bytes = info.bitsPerSample / 8;
  const out = new Float32Array(frames);
  let at = dataStart;
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++, at += bytes) sum += read(view, at);
    out[f] = sum / channels;
  }
  return out;
}
