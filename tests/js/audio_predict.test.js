import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finishAudio, formatDuration, prepareAudio, readRecording, waveform } from '../../worker/audio_predict.js';

// the voice activity card's specs, as the build writes them, with blocks of 4 frames so a short input spans several
const spec = {
  preprocessing: { kind: 'audio', input: 'input', state: { h: 'hn', c: 'cn' }, sample_rate: 16000, frame: 512, context: 64, block_frames: 4, max_seconds: 600 },
  postprocessing: { kind: 'voice-activity-detection', probability_output: 'speech_probs', threshold: 0.5, min_speech_ms: 250, min_silence_ms: 100, speech_pad_ms: 30 },
};

/**
 * A stand-in model: each frame's "probability" is 0.9 where its samples are loud, and the state it returns
 * counts the runs, so the test sees the state carried from block to block.
 * @param {Record<string, {data: Float32Array, dims: number[]}>} feeds
 */
function fakeRun(feeds) {
  const { data, dims } = feeds.input;
  const [frames, width] = dims;
  const probs = Float32Array.from({ length: frames }, (_, f) => (Math.abs(data[f * width + width - 1]) > 0.1 ? 0.9 : 0.05));
  const next = Float32Array.from(feeds.h.data, (v) => v + 1);
  return { outputs: { speech_probs: { type: 'float32', dims: [frames], data: probs }, hn: { type: 'float32', dims: [1, 1, 128], data: next }, cn: { type: 'float32', dims: [1, 1, 128], data: next } }, ms: 2 };
}

describe('prepareAudio and finishAudio', () => {
  it('run every block with the state carried, and cut the segments from all of their frames', async () => {
    // 2 s at 16 kHz: silence, one second of a loud tone, silence → 63 frames in 16 blocks of 4
    const samples = Float32Array.from({ length: 32000 }, (_, i) => (i >= 8000 && i < 24000 ? 0.5 : 0));
    const prepared = await prepareAudio({ samples, sampleRate: 16000 }, spec);
    assert.deepEqual(prepared.feeds.input.dims, [4, 576]);
    assert.equal(prepared.notice, undefined);
    /** @type {number[]} */
    const states = [];
    const env = { fetchImpl: fetch, run: async (/** @type {any} */ feeds) => { states.push(feeds.h.data[0]); return fakeRun(feeds); } };
    const first = fakeRun(/** @type {any} */ (prepared.feeds));
    const answer = await finishAudio(first.outputs, spec, {}, prepared, env);
    assert.equal(answer.probabilities.length, 63);
    assert.deepEqual(states, Array.from({ length: 15 }, (_, i) => i + 1)); // blocks 2…16 each got the state the one before left
    assert.equal(prepared.extraMs, 30);
    assert.equal(answer.segments.length, 1);
    const [{ start, end }] = answer.segments;
    assert.ok(Math.abs(start - 0.5) < 0.05 && Math.abs(end - 1.5) < 0.07, JSON.stringify(answer.segments));
    assert.deepEqual([answer.duration, answer.frameSeconds, answer.threshold], [2, 0.032, 0.5]);
    // another threshold, and a waveform of 4 stretches (silence, tone, tone, silence)
    const strict = await finishAudio(first.outputs, spec, { threshold: 0.95, waveform: 4 }, await prepareAudio({ samples, sampleRate: 16000 }, spec), env);
    assert.deepEqual(strict.segments, []);
    assert.deepEqual([...(strict.waveform?.max ?? [])], [0, 0.5, 0.5, 0]);
  });

  it('resample other rates to 16 kHz and say when a recording is silent', async () => {
    const prepared = await prepareAudio({ samples: new Float32Array(44100), sampleRate: 44100 }, spec);
    assert.equal(prepared.context.audio.length, 16000);
    assert.equal(prepared.notice, 'This recording is silent: every sample is 0, so there is no speech in it.');
  });

  it('refuse what it cannot read, saying why', async () => {
    const refuses = (/** @type {unknown} */ input, /** @type {RegExp} */ message) => assert.rejects(prepareAudio(input, spec), { code: 'bad-input', message });
    await refuses({ samples: new Float32Array(0), sampleRate: 16000 }, /^This recording is empty/);
    await refuses({ samples: new Float32Array(16000 * 601), sampleRate: 16000 }, /^This recording is 10 min 1 s long; the detector reads at most 10 min\. Cut it into shorter pieces\.$/);
    await refuses({ samples: Float32Array.of(0, Infinity), sampleRate: 16000 }, /^Sample 2 of the recording is Infinity/);
    await refuses({ samples: new Float32Array(10), sampleRate: 16000.5 }, /^The sample rate must be a whole number/);
    await refuses({ samples: new Float32Array(10), sampleRate: 44101 }, /^A sample rate of 44,101 Hz cannot be resampled to 16,000 Hz exactly/);
    await refuses([0.1, 0.2], /^A recording is WAV bytes or \{samples: Float32Array, sampleRate\}/);
    await assert.rejects(readRecording(new Uint8Array(8), 600), { code: 'bad-input' });
    assert.throws(() => waveform(new Float32Array(4), 0), { code: 'bad-request' });
  });

  it('write durations as people read them', () => {
    assert.deepEqual([9.46, 600, 601, 3599.6, 7200, 7500, 7529].map(formatDuration), ['9.5 s', '10 min', '10 min 1 s', '1 h', '2 h', '2 h 5 min', '2 h 5 min']);
  });
});
