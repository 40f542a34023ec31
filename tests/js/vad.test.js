import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { frameBlocks, frameCount, speechTimestamps, toSeconds } from '../../worker/vad.js';

// Python's answers: tests/fixtures/make_vad_fixture.py (silero_vad's own functions)
const fixture = JSON.parse(readFileSync(new URL('../fixtures/vad_segments.json', import.meta.url), 'utf8'));

/** Python keyword arguments → speechTimestamps options. */
const OPTION_NAMES = {
  sampling_rate: 'sampleRate',
  threshold: 'threshold',
  neg_threshold: 'negThreshold',
  min_speech_duration_ms: 'minSpeechMs',
  min_silence_duration_ms: 'minSilenceMs',
  speech_pad_ms: 'speechPadMs',
  max_speech_duration_s: 'maxSpeechSeconds',
  min_silence_at_max_speech: 'minSilenceAtMaxSpeechMs',
  use_max_poss_sil_at_max_speech: 'useMaxPossibleSilenceAtMaxSpeech',
  audio_length_samples: 'audioLengthSamples',
};

/**
 * @param {Record<string, unknown>} run
 */
function optionsOf(run) {
  /** @type {Record<string, unknown>} */
  const options = {};
  for (const [key, value] of Object.entries(run)) {
    if (key === 'segments') continue;
    assert.ok(key in OPTION_NAMES, `fixture parameter ${key} has no option`);
    options[OPTION_NAMES[key]] = value === 'inf' ? Infinity : value;
  }
  return options;
}

describe('speechTimestamps', () => {
  const runs = fixture.sequences.flatMap((/** @type {any} */ c) => c.runs.map((/** @type {any} */ run) => ({ name: c.name, probs: c.probs, run })));

  it('covers the fixture: dozens of sequences, hundreds of parameter sets', () => {
    assert.ok(fixture.sequences.length >= 30);
    assert.ok(runs.length >= 300);
    assert.ok(runs.some((r) => r.run.segments.length > 10));
  });

  it('gives the samples silero_vad gives, on every fixture sequence and parameter set', () => {
    for (const { name, probs, run } of runs) {
      assert.deepEqual(speechTimestamps(probs, optionsOf(run)), run.segments, `${name} ${JSON.stringify(optionsOf(run))}`);
    }
  });

  it('reads typed arrays as arrays', () => {
    const { probs, runs: [run] } = fixture.sequences.find((/** @type {any} */ c) => c.name === 'walk 0');
    assert.deepEqual(speechTimestamps(Float64Array.from(probs), optionsOf(run)), run.segments);
  });

  it('pads by half the gap, floored, when segments are closer than twice the padding', () => {
    const probs = [...Array(10).fill(1), 0, ...Array(10).fill(1)];
    // segments [0, 5120) and [5632, 10752): gap 512 < 2·1600, so each side takes 256
    assert.deepEqual(speechTimestamps(probs, { minSilenceMs: 0, speechPadMs: 100 }), [
      { start: 0, end: 5376 }, { start: 5376, end: 10752 },
    ]);
    // a fractional pad is truncated, as Python's int() does
    assert.deepEqual(speechTimestamps([0, 0, ...Array(10).fill(1)], { speechPadMs: 30.03 }), [{ start: 543, end: 6144 }]);
  });

  it('refuses probabilities that are not numbers in [0, 1], naming the first, and thresholds outside (0, 1)', () => {
    for (const [bad, shown] of [[NaN, 'NaN'], [1.5, '1.5'], [-0.1, '-0.1'], [Infinity, 'Infinity'], ['0.5', '"0.5"'], [null, 'null']]) {
      assert.throws(() => speechTimestamps([0.1, 0.2, bad, NaN]), {
        name: 'RangeError',
        message: `speechTimestamps(): probability 2 is ${shown}; each must be a finite number from 0 to 1.`,
      });
    }
    assert.throws(() => speechTimestamps('0.5'), TypeError);
    assert.throws(() => speechTimestamps(/** @type {any} */ (undefined)), TypeError);
    for (const threshold of [0, 1, -0.5, 2, NaN, '0.5']) {
      assert.throws(() => speechTimestamps([0.5], { threshold: /** @type {any} */ (threshold) }), {
        name: 'RangeError', message: /^speechTimestamps\(\): threshold must be a number between 0 and 1 \(exclusive\), got /,
      });
    }
    assert.deepEqual(speechTimestamps([0, 1]), []);
  });
});

describe('toSeconds', () => {
  it('divides by the sample rate, without rounding', () => {
    assert.deepEqual(toSeconds([{ start: 480, end: 16032 }]), [{ start: 0.03, end: 1.002 }]);
    assert.deepEqual(toSeconds([{ start: 1000, end: 3001 }], 8000), [{ start: 0.125, end: 3001 / 8000 }]);
    assert.deepEqual(toSeconds([]), []);
  });
});

describe('frameBlocks', () => {
  it('builds the blocks sequence_vad.frame_blocks builds', () => {
    for (const c of fixture.framing) {
      const got = [...frameBlocks(c.samples, { frameSamples: c.frame_samples, contextSamples: c.context_samples, maxFrames: c.max_frames })];
      const label = `${c.samples.length} samples, ${c.frame_samples}/${c.context_samples}, max ${c.max_frames}`;
      assert.equal(got.length, c.blocks.length, label);
      got.forEach((block, b) => {
        assert.ok(block.data instanceof Float32Array);
        assert.deepEqual(block.dims, c.blocks[b].dims, label);
        assert.equal(block.data.length, c.blocks[b].data.length, label);
        block.data.forEach((v, i) => assert.ok(Math.abs(v - c.blocks[b].data[i]) <= 1e-7, `${label}: block ${b} value ${i}`));
      });
    }
  });

  it('uses 512-sample frames with 64 of context and 512 frames a block by default', () => {
    const samples = Float32Array.from({ length: 600 * 512 }, (_, i) => (i % 1000) / 1000);
    const blocks = [...frameBlocks(samples)];
    assert.deepEqual(blocks.map((b) => b.dims), [[512, 576], [88, 576]]);
    // the second block's first frame is prefixed by the first block's last 64 samples
    assert.deepEqual([...blocks[1].data.subarray(0, 64)], [...samples.subarray(512 * 512 - 64, 512 * 512)]);
  });

  it('refuses what it cannot frame, before the first block is asked for', () => {
    assert.throws(() => frameBlocks(/** @type {any} */ (42)), TypeError);
    assert.throws(() => frameBlocks([], { maxFrames: 0 }), { name: 'RangeError', message: 'frameBlocks(): maxFrames must be a whole number at least 1, got 0.' });
    assert.throws(() => frameBlocks([], { contextSamples: 600 }), { message: 'frameBlocks(): contextSamples must be a whole number from 1 to 512, got 600.' });
    assert.throws(() => frameBlocks([], { frameSamples: 2.5 }), RangeError);
  });
});

describe('frameCount', () => {
  it('counts frames, the last one padded', () => {
    assert.equal(frameCount(0), 0);
    assert.equal(frameCount(1), 1);
    assert.equal(frameCount(512), 1);
    assert.equal(frameCount(513), 2);
    assert.equal(frameCount(1500), 3);
    assert.equal(frameCount(700, 256), 3);
    assert.throws(() => frameCount(-1), RangeError);
    assert.throws(() => frameCount(10, 0), RangeError);
  });
});
