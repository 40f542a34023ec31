// worker/audio_decode.js: WAV files built here, byte by byte, for each sample format and each refusal,
// and a real recording against scipy.io.wavfile.read (values stored by tests/fixtures/make_resample_fixture.py).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeWav, wavInfo } from '../../worker/audio_decode.js';
import { VitrineError } from '../../worker/protocol.js';
import { REPO, readJson } from './helpers.js';

const FIXTURE = readJson(path.join(REPO, 'tests/fixtures/resample_scipy.json'));
const BECKETT = path.join(REPO, '.venv/lib/python3.11/site-packages/moonshine_onnx/assets/beckett.wav');
const SAVE_AS = 'save the recording as 16-bit PCM WAV.';

/**
 * @param {string} id four ASCII characters
 * @param {Uint8Array} body
 * @param {number} [size] what the chunk header claims (default: body.length)
 * @returns {Uint8Array} the chunk, padded to an even length
 */
function chunk(id, body, size = body.length) {
  const out = new Uint8Array(8 + body.length + (body.length % 2));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  view.setUint32(4, size, true);
  out.set(body, 8);
  return out;
}

/**
 * @param {{format?: number, channels?: number, sampleRate?: number, bits?: number, blockAlign?: number, subFormat?: number}} opts
 *   subFormat: write WAVE_FORMAT_EXTENSIBLE (0xFFFE) with this sub-format GUID
 * @returns {Uint8Array}
 */
function fmtChunk({ format = 1, channels = 1, sampleRate = 16000, bits = 16, blockAlign, subFormat }) {
  const align = blockAlign ?? channels * (bits / 8);
  const body = new Uint8Array(subFormat === undefined ? 16 : 40);
  const view = new DataView(body.buffer);
  view.setUint16(0, subFormat === undefined ? format : 0xfffe, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, sampleRate, true);
  view.setUint32(8, sampleRate * align, true);
  view.setUint16(12, align, true);
  view.setUint16(14, bits, true);
  if (subFormat !== undefined) {
    view.setUint16(16, 22, true); // cbSize
    view.setUint16(18, bits, true); // valid bits
    view.setUint32(20, channels === 2 ? 3 : 4, true); // channel mask
    body.set([0, 0, 0, 0, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 24);
    view.setUint16(24, subFormat, true);
  }
  return chunk('fmt ', body);
}

/**
 * @param {Uint8Array[]} chunks
 * @returns {Uint8Array} RIFF/WAVE around them
 */
function riff(chunks) {
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(12 + length);
  const view = new DataView(out.buffer);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
  view.setUint32(4, 4 + length, true);
  out.set([...'WAVE'].map((c) => c.charCodeAt(0)), 8);
  let at = 12;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/**
 * Little-endian sample bytes.
 * @param {'u8'|'i16'|'i24'|'i32'|'f32'|'f64'} type
 * @param {number[]} values raw integers (or floats)
 * @returns {Uint8Array}
 */
function samples(type, values) {
  const width = { u8: 1, i16: 2, i24: 3, i32: 4, f32: 4, f64: 8 }[type];
  const out = new Uint8Array(values.length * width);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    const at = i * width;
    if (type === 'u8') view.setUint8(at, v);
    else if (type === 'i16') view.setInt16(at, v, true);
    else if (type === 'i24') { view.setUint16(at, v & 0xffff, true); view.setInt8(at + 2, v >> 16); }
    else if (type === 'i32') view.setInt32(at, v, true);
    else if (type === 'f32') view.setFloat32(at, v, true);
    else view.setFloat64(at, v, true);
  });
  return out;
}

/**
 * A mono WAV file of these samples.
 * @param {Parameters<typeof fmtChunk>[0]} fmt
 * @param {Uint8Array} data
 */
function wav(fmt, data) {
  return riff([fmtChunk(fmt), chunk('data', data)]);
}

/**
 * @param {number[]} values
 * @param {number} scale
 * @param {number} [offset]
 */
function scaled(values, scale, offset = 0) {
  return Float32Array.from(values, (v) => (v - offset) / scale);
}

/**
 * @param {() => unknown} fn
 * @param {string|RegExp} message
 */
function refuses(fn, message) {
  assert.throws(fn, (/** @type {any} */ e) => {
    assert.ok(e instanceof VitrineError, `expected a VitrineError, got ${e}`);
    assert.equal(e.code, 'bad-input');
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}

describe('decodeWav: sample formats, scaled as scipy.io.wavfile.read values', () => {
  it('reads 8-bit unsigned PCM as (v − 128) / 128', () => {
    const raw = [0, 1, 127, 128, 129, 255];
    const audio = decodeWav(wav({ bits: 8, sampleRate: 8000 }, samples('u8', raw)));
    assert.deepEqual(audio, { samples: scaled(raw, 128, 128), sampleRate: 8000, channels: 1, seconds: 6 / 8000 });
  });

  it('reads 16-bit PCM as v / 32768', () => {
    const raw = [0, 1, -1, 12345, 32767, -32768];
    const audio = decodeWav(wav({ bits: 16 }, samples('i16', raw)));
    assert.deepEqual(audio.samples, scaled(raw, 32768));
    assert.equal(audio.seconds, 6 / 16000);
  });

  it('reads 24-bit PCM as v / 2^23, sign-extended', () => {
    const raw = [0, 1, -1, 0x123456, -0x123456, 8388607, -8388608, 255, 256, -256];
    assert.deepEqual(decodeWav(wav({ bits: 24 }, samples('i24', raw))).samples, scaled(raw, 8388608));
  });

  it('reads 32-bit PCM as v / 2^31', () => {
    const raw = [0, 1, -1, 123456789, 2147483647, -2147483648];
    assert.deepEqual(decodeWav(wav({ bits: 32 }, samples('i32', raw))).samples, scaled(raw, 2147483648));
  });

  it('reads 32 and 64-bit IEEE float as they are (outside [-1, 1] too)', () => {
    const f32 = [0.25, -1.5, 3e-8, 0.1];
    assert.deepEqual(decodeWav(wav({ format: 3, bits: 32 }, samples('f32', f32))).samples, Float32Array.from(f32));
    const f64 = [0.1, -2, 1e-300, 0.333333333333];
    assert.deepEqual(decodeWav(wav({ format: 3, bits: 64 }, samples('f64', f64))).samples, Float32Array.from(f64));
  });

  it('reads WAVE_FORMAT_EXTENSIBLE by its sub-format GUID (PCM and float)', () => {
    const raw = [0, 0x7fffff, -0x800000, 42];
    const pcm = decodeWav(riff([fmtChunk({ bits: 24, subFormat: 1 }), chunk('data', samples('i24', raw))]));
    assert.deepEqual(pcm.samples, scaled(raw, 8388608));
    const float = decodeWav(riff([fmtChunk({ bits: 32, subFormat: 3 }), chunk('data', samples('f32', [0.5, -0.25]))]));
    assert.deepEqual(float.samples, Float32Array.of(0.5, -0.25));
    assert.equal(wavInfo(riff([fmtChunk({ bits: 32, subFormat: 3 }), chunk('data', new Uint8Array(8))])).format, 3);
  });

  it('mixes stereo to mono: the mean of the scaled channels, in float64', () => {
    const raw = [100, 301, -32768, 32767, 1, 2, -5, -5];
    const audio = decodeWav(wav({ channels: 2, sampleRate: 44100 }, samples('i16', raw)));
    assert.equal(audio.channels, 2);
    assert.equal(audio.sampleRate, 44100);
    assert.equal(audio.seconds, 4 / 44100);
    const expected = [0, 2, 4, 6].map((i) => Math.fround((raw[i] / 32768 + raw[i + 1] / 32768) / 2));
    assert.deepEqual(audio.samples, Float32Array.from(expected));
    const three = decodeWav(wav({ channels: 3, format: 3, bits: 64 }, samples('f64', [0.1, 0.2, 0.4])));
    assert.deepEqual(three.samples, Float32Array.of((0.1 + 0.2 + 0.4) / 3));
  });

  it('skips other chunks, odd-sized ones padded to a word, before and after the data', () => {
    const raw = [1, -2, 3];
    const file = riff([
      chunk('JUNK', new Uint8Array(3)),
      fmtChunk({}),
      chunk('LIST', new TextEncoder().encode('INFOISFT')), // 8 bytes
      chunk('bext', new Uint8Array([1, 2, 3, 4, 5])), // odd: one pad byte follows
      chunk('data', samples('i16', raw)),
      chunk('id3 ', new Uint8Array(7)),
    ]);
    assert.deepEqual(decodeWav(file).samples, scaled(raw, 32768));
  });

  it('takes a Uint8Array that views part of a larger buffer, and an ArrayBuffer', () => {
    const file = wav({}, samples('i16', [16384, -16384]));
    const big = new Uint8Array(file.length + 10);
    big.set(file, 5);
    assert.deepEqual(decodeWav(big.subarray(5, 5 + file.length)).samples, Float32Array.of(0.5, -0.5));
    assert.deepEqual(decodeWav(file.slice().buffer).samples, Float32Array.of(0.5, -0.5));
  });

  it('reads a streamed file (data size 0xFFFFFFFF, or 0 with samples after it) to the end, whole frames only', () => {
    const raw = samples('i16', [100, 200, 300, 400]);
    for (const size of [0xffffffff, 0]) {
      const file = riff([fmtChunk({ channels: 2 }), chunk('data', raw, size), new Uint8Array([7, 7, 7])]);
      // 8 sample bytes + 3 stray bytes: two whole stereo frames and the start of a third
      assert.deepEqual(decodeWav(file).samples, Float32Array.of(150 / 32768, 350 / 32768));
      assert.equal(wavInfo(file).frames, 2);
    }
    assert.deepEqual(decodeWav(riff([fmtChunk({}), chunk('data', new Uint8Array(0))])).samples, new Float32Array(0));
  });
});

describe('decodeWav and wavInfo refuse what they cannot read, saying why and what to do', () => {
  const good = wav({}, samples('i16', [1, 2]));

  it('refuses a file that is not RIFF/WAVE', () => {
    const message = 'This file is not a WAV file (it does not start with RIFF…WAVE). Choose a .wav recording, or ' +
      `convert the audio and ${SAVE_AS}`;
    const notWave = good.slice();
    notWave.set([...'AVI '].map((c) => c.charCodeAt(0)), 8);
    for (const bytes of [new TextEncoder().encode('ID3\u0003 an mp3 file'), new Uint8Array(0), good.subarray(0, 11), notWave]) {
      refuses(() => decodeWav(bytes), message);
      refuses(() => wavInfo(bytes), message);
    }
    const rf64 = good.slice();
    rf64.set([...'RF64'].map((c) => c.charCodeAt(0)), 0);
    refuses(() => wavInfo(rf64), `This is an RF64 (over 4 GB) WAV file, which is not supported; ${SAVE_AS}`);
  });

  it('refuses a file without a data chunk, or without a fmt chunk before it', () => {
    const noData = 'This WAV file has no data chunk: it holds no audio, or it is cut short before the audio starts.';
    refuses(() => decodeWav(riff([fmtChunk({}), chunk('LIST', new Uint8Array(4))])), noData);
    refuses(() => wavInfo(good.subarray(0, 12 + 24 + 4)), noData); // cut inside the data chunk's header
    refuses(() => decodeWav(riff([chunk('LIST', new Uint8Array(4))])),
      `This WAV file has no format (fmt) chunk, so its sample format is unknown; ${SAVE_AS}`);
    refuses(() => decodeWav(riff([chunk('data', new Uint8Array(4)), fmtChunk({})])),
      `This WAV file has its data before its format (fmt) chunk, so it cannot be read; ${SAVE_AS}`);
  });

  it('refuses data cut shorter than its header says (a truncated download), rather than decoding part of it', () => {
    const file = riff([fmtChunk({}), chunk('data', new Uint8Array(1024), 320000)]);
    refuses(() => decodeWav(file), 'This WAV file\'s data is cut short: the header says 320000 bytes, the file has 1024. ' +
      'It was probably not downloaded or saved completely; try the file again.');
    assert.equal(wavInfo(file).frames, 160000); // the header alone is fine
    refuses(() => decodeWav(good.subarray(0, good.length - 1)), /the header says 4 bytes, the file has 3\./);
  });

  it('names the unsupported format: compressed WAV, odd bit depths', () => {
    refuses(() => decodeWav(wav({ format: 6, bits: 8 }, new Uint8Array(4))), `WAV format 6 (A-law) is not supported; ${SAVE_AS}`);
    refuses(() => decodeWav(wav({ format: 7, bits: 8 }, new Uint8Array(4))), `WAV format 7 (µ-law) is not supported; ${SAVE_AS}`);
    refuses(() => wavInfo(wav({ format: 0x55, bits: 0, blockAlign: 1 }, new Uint8Array(4))), `WAV format 85 (MP3) is not supported; ${SAVE_AS}`);
    refuses(() => wavInfo(wav({ format: 0x1234 }, new Uint8Array(4))), `WAV format 4660 is not supported; ${SAVE_AS}`);
    refuses(() => wavInfo(riff([fmtChunk({ bits: 8, subFormat: 7 }), chunk('data', new Uint8Array(4))])),
      `WAV format 7 (µ-law) is not supported; ${SAVE_AS}`);
    refuses(() => decodeWav(wav({ bits: 12, blockAlign: 2 }, new Uint8Array(4))),
      `12-bit PCM WAV is not supported (8, 16, 24 and 32-bit are); ${SAVE_AS}`);
    refuses(() => decodeWav(wav({ format: 3, bits: 16 }, new Uint8Array(4))),
      `16-bit floating-point WAV is not supported (32 and 64-bit are); ${SAVE_AS}`);
  });

  it('refuses a damaged header: no channels, no sample rate, inconsistent block size, short fmt', () => {
    refuses(() => decodeWav(wav({ channels: 0, blockAlign: 0 }, new Uint8Array(4))),
      'This WAV file\'s header says it has 0 channels; the file is damaged.');
    refuses(() => wavInfo(wav({ sampleRate: 0 }, new Uint8Array(4))),
      'This WAV file\'s header says its sample rate is 0 Hz; the file is damaged.');
    refuses(() => decodeWav(wav({ channels: 2, blockAlign: 2 }, new Uint8Array(4))),
      'This WAV file\'s header is inconsistent: 2 channel(s) of 16-bit samples take 4 bytes per frame, but it says 2; the file is damaged.');
    refuses(() => decodeWav(riff([chunk('fmt ', new Uint8Array(14)), chunk('data', new Uint8Array(4))])),
      'This WAV file\'s format (fmt) chunk is too short (14 bytes, at least 16 expected); the file is damaged.');
    const shortExtensible = fmtChunk({ bits: 16, subFormat: 1 }).subarray(0, 8 + 18);
    new DataView(shortExtensible.buffer).setUint32(4, 18, true);
    refuses(() => decodeWav(riff([shortExtensible, chunk('data', new Uint8Array(4))])), /^This WAV file says it is WAVE_FORMAT_EXTENSIBLE but/);
  });

  it('throws a TypeError for something that is not bytes (a page bug, not the visitor\'s file)', () => {
    assert.throws(() => decodeWav(/** @type {any} */ ('RIFF')), { name: 'TypeError', message: /^decodeWav\(\) takes the file's bytes/ });
    assert.throws(() => wavInfo(/** @type {any} */ (null)), { name: 'TypeError', message: /^wavInfo\(\) takes the file's bytes/ });
  });
});

describe('wavInfo', () => {
  it('reports a 2-hour recording from its header alone (no samples in the bytes)', () => {
    const dataBytes = 2 * 3600 * 44100 * 4;
    const header = riff([fmtChunk({ channels: 2, sampleRate: 44100 }), chunk('data', new Uint8Array(0), dataBytes)]);
    assert.equal(header.length, 44);
    assert.deepEqual(wavInfo(header), {
      sampleRate: 44100, channels: 2, bitsPerSample: 16, format: 1, frames: 2 * 3600 * 44100, seconds: 7200,
    });
    refuses(() => decodeWav(header), /^This WAV file's data is cut short: the header says 1270080000 bytes, the file has 0\./);
  });

  it('agrees with decodeWav on a whole file', () => {
    const file = wav({ bits: 24, sampleRate: 48000 }, samples('i24', [1, 2, 3, 4, 5]));
    assert.deepEqual(wavInfo(file), { sampleRate: 48000, channels: 1, bitsPerSample: 24, format: 1, frames: 5, seconds: 5 / 48000 });
    assert.equal(decodeWav(file).seconds, wavInfo(file).seconds);
  });
});

describe('a real recording (moonshine_onnx assets/beckett.wav) against scipy.io.wavfile.read', () => {
  const present = fs.existsSync(BECKETT) && FIXTURE.beckett;
  it('decodes as scipy reads it, divided by 32768', { skip: present ? false : 'beckett.wav or its fixture values are not here' }, () => {
    const ref = FIXTURE.beckett;
    const audio = decodeWav(fs.readFileSync(BECKETT));
    assert.equal(audio.sampleRate, ref.sampleRate);
    assert.equal(audio.channels, 1);
    assert.equal(audio.samples.length, ref.frames);
    assert.ok(Math.abs(audio.seconds - 9.963375) < 1e-9);
    ref.positions.forEach((/** @type {number} */ at, /** @type {number} */ i) => {
      assert.equal(audio.samples[at], Math.fround(ref.values[i]), `sample ${at}`);
    });
    assert.deepEqual(wavInfo(fs.readFileSync(BECKETT).subarray(0, 64)), {
      sampleRate: 16000, channels: 1, bitsPerSample: 16, format: 1, frames: ref.frames, seconds: audio.seconds,
    });
  });
});
