// The runtime end to end in Node: WorkerClient ⇄ (structured-clone boundary) ⇄ dispatcher ⇄ Engine
// ⇄ real onnxruntime-web WASM, on the dev model and, when built, the builder's exported models.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it, mock } from 'node:test';
import { WorkerClient } from '../../js_runtime/worker_client.js';
import { Sessions } from '../../js_runtime/sessions.js';
import { Model } from '../../js_runtime/model.js';
import { normalizeFeeds } from '../../js_runtime/tensors.js';
import { findVariant, resolveManifest } from '../../js_runtime/manifest.js';
import { fileFetch, fileUrl, manifestFiles, readJson, TABULAR_ID } from './helpers.js';
import { InProcessWorker } from './in_process_worker.js';

const TOLERANCE = 1e-5;

/** A client whose workers fetch through `fetchImpl`; `workers` lists every worker it spawned. */
function makeClient(fetchImpl = fileFetch()) {
  /** @type {InProcessWorker[]} */
  const workers = [];
  const client = new WorkerClient(() => {
    const w = new InProcessWorker(fetchImpl);
    workers.push(w);
    return /** @type {any} */ (w);
  }, { numThreads: 1 });
  return { client, workers, sessions: new Sessions(client) };
}

/** @param {string} file */
function loadManifest(file) {
  return resolveManifest(readJson(file), fileUrl(file));
}

/** @param {ArrayLike<number>} a @param {ArrayLike<number>} b */
function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

for (const { label, file } of manifestFiles()) {
  describe(`${label}: every variant runs in onnxruntime-web WASM and matches Python onnxruntime`, () => {
    const manifest = loadManifest(file);
    for (const info of manifest.models) {
      for (const variant of info.variants) {
        const key = `${info.id}/${variant.name}`;

        it(`${key}: parity fixtures (run) within the variant's tolerance (${variant.tolerance})`, async () => {
          const { client, sessions } = makeClient();
          /** @type {{loaded: number, total: number}[]} */
          const progress = [];
          await sessions.acquire(key, variant, (p) => progress.push(p));
          assert.deepEqual(progress.at(-1), { loaded: variant.bytes, total: variant.bytes });
          const model = new Model({ info, variant, plan: { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' }, threads: 1, sessions });
          const parity = readJson(new URL(variant.fixtures).pathname);
          const outputs = await model.run(parity.inputs);
          assert.deepEqual(Object.keys(outputs).sort(), Object.keys(parity.outputs).sort());
          const first = info.outputs[0].name;
          for (const [name, want] of Object.entries(parity.outputs)) {
            assert.deepEqual(outputs[name].dims, want.dims, name);
            const got = [...outputs[name].data].map(Number);
            const diff = want.type === 'int64' ? 0 : maxAbsDiff(got, want.data);
            // Class indices (labels, top-k) are exact; the first output (scores) within the tolerance the
            // build recorded; maps derived from int8 feature maps (CAMs) within 5 % of their range.
            if (want.type === 'int64') assert.deepEqual(got, want.data, name);
            else if (name === first || variant.precision !== 'int8') assert.ok(diff <= variant.tolerance * (name === first ? 1 : 10), `${name}: max |Δ| ${diff}`);
            else assert.ok(diff <= 0.05 * Math.max(...want.data.map(Math.abs)), `${name}: max |Δ| ${diff}`);
          }
          model.dispose();
          client.running?.worker.terminate();
        });
      }

      if (info.task === 'voice-activity-detection') {
        const variant = findVariant(info, 'auto');
        const key = `${info.id}/${variant.name}`;
        it(`${key}: predict() on each example recording (WAV bytes) gives Python's frame scores and segments`, async () => {
          const { client, sessions } = makeClient();
          await sessions.acquire(key, variant);
          const model = new Model({ info, variant, plan: { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' }, threads: 1, sessions });
          const parity = readJson(new URL(variant.fixtures).pathname);
          for (const example of parity.examples) {
            const artifact = /** @type {{url: string}} */ (info.artifacts.find((a) => a.url.endsWith(`/${example.url}`)));
            const p = await model.predict(readFileSync(new URL(artifact.url)));
            assert.ok(maxAbsDiff(p.probabilities, example.probabilities.data) <= variant.tolerance, example.name);
            assert.deepEqual(p.segments, example.segments.map((/** @type {{start: number, end: number}} */ s) => ({ start: s.start / 16000, end: s.end / 16000 })), example.name);
            assert.ok(p.ms > 0 && p.frameSeconds === 0.032 && p.threshold === info.postprocessing.threshold);
          }
          client.running?.worker.terminate();
        });
      }
      if (info.task === 'recommendation') {
        const variant = findVariant(info, 'auto');
        const key = `${info.id}/${variant.name}`;
        it(`${key}: predict() on every held-out input gives Python's recommendations, in Python's order, with its reasons`, async () => {
          const { client, sessions } = makeClient();
          await sessions.acquire(key, variant);
          const model = new Model({ info, variant, plan: { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' }, threads: 1, sessions });
          const parity = readJson(new URL(variant.fixtures).pathname);
          assert.equal(parity.picked.length, parity.answers.length);
          for (const [i, picked] of parity.picked.entries()) {
            const p = await model.predict(picked);
            /** @param {{item: string, index: number, because: string | null}} r */
            const named = (r) => [r.item, r.index, r.because];
            const want = parity.answers[i].recommendations;
            assert.deepEqual(p.recommendations.map(named), want.map(named), `input ${i}`);
            assert.ok(maxAbsDiff(p.recommendations.map((/** @type {{score: number}} */ r) => r.score), want.map((/** @type {{score: number}} */ r) => r.score)) <= variant.tolerance);
            assert.ok(p.ms >= 0);
          }
          client.running?.worker.terminate();
        });
      }
      if (info.preprocessing.kind !== 'tabular') continue; // images are decoded by the browser: tests/browser/test_image_model.py
      const variant = findVariant(info, 'auto');
      const key = `${info.id}/${variant.name}`;
      it(`${key}: predict() on the manifest examples gives the precomputed outputs`, async () => {
        const { client, sessions } = makeClient();
        await sessions.acquire(key, variant);
        const model = new Model({ info, variant, plan: { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' }, threads: 1, sessions });
        for (const example of info.examples) {
          const p = await model.predict(example.input);
          if (info.task === 'tabular-regression') {
            // a value of ~150 in float32: within the variant's tolerance, and the interval around it as stored
            for (const k of ['value', 'low', 'high']) assert.ok(Math.abs(p[k] - example.output[k]) <= variant.tolerance, `${k}: ${p[k]} vs ${example.output[k]}`);
            assert.equal(p.level, example.output.level);
          } else if (info.task === 'anomaly-detection') {
            assert.ok(Math.abs(p.score - example.output.score) <= variant.tolerance, `score: ${p.score} vs ${example.output.score}`);
            assert.deepEqual([p.anomaly, p.threshold], [example.output.anomaly, example.output.threshold]);
          } else {
            assert.equal(p.label, example.output.label);
            assert.ok(maxAbsDiff(info.labels.map((l) => p.probabilities[l]), example.output.probabilities) <= TOLERANCE);
          }
          assert.ok(p.ms >= 0);
        }
        client.running?.worker.terminate();
      });
    }
  });
}

describe('worker client, sessions and engine behaviour', () => {
  const manifest = loadManifest(manifestFiles()[0].file);
  const info = /** @type {import('../../js_runtime/manifest.js').ModelEntry} */ (manifest.models.find((m) => m.id === TABULAR_ID));
  const variant = findVariant(info, 'auto');
  const key = `${info.id}/${variant.name}`;
  const plan = { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' };
  const row = info.examples[0].input;
  const warn = mock.method(console, 'warn', () => {});
  after(() => warn.mock.restore());

  it('reports ready with the backend and threads', async () => {
    const { client } = makeClient();
    const { ready, generation } = await client.start();
    assert.equal(ready.backend, 'wasm');
    assert.equal(ready.threads, 1);
    assert.equal(ready.features.wasmSimd, true);
    assert.equal(generation, 1);
  });

  it('loading one model twice downloads it once and shares the session', async () => {
    let fetches = 0;
    const base = fileFetch();
    const { sessions, workers } = makeClient(async (u) => { fetches++; return base(u); });
    await Promise.all([sessions.acquire(key, variant), sessions.acquire(key, variant)]);
    await sessions.acquire(key, variant);
    assert.equal(fetches, 1);
    assert.equal(workers[0].requests.filter((r) => r.type === 'load').length, 1);
    assert.equal(sessions.entries.get(key)?.refs, 3);
  });

  it('a bad checksum fails with code integrity and a later good load still works', async () => {
    const { sessions } = makeClient();
    const bad = { ...variant, sha256: '0'.repeat(64) };
    await assert.rejects(sessions.acquire(key, bad), (e) => e.code === 'integrity' && /failed its integrity check/.test(e.message));
    assert.equal(sessions.entries.has(key), false);
    await sessions.acquire(key, variant);
  });

  it('a missing model file fails with code download, in words', async () => {
    const { sessions } = makeClient();
    await assert.rejects(sessions.acquire(key, { ...variant, url: variant.url.replace('.onnx', '.missing.onnx') }),
      (e) => e.code === 'download' && /not found on the server .*HTTP 404/.test(e.message));
  });

  it('bytes that are not a model fail with code session, and the worker keeps serving', async () => {
    const { sessions, client } = makeClient(async () => new Response(new Uint8Array([1, 2, 3])));
    const junk = { ...variant, sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81', bytes: 3 };
    await assert.rejects(sessions.acquire(key, junk), (e) => e.code === 'session' && e.message.startsWith('The model could not be loaded: '));
    assert.equal((await client.start()).generation, 1);
  });

  it('run and dispose of a model the worker does not hold fail with not-loaded; unknown requests with bad-request', async () => {
    const { client } = makeClient();
    await assert.rejects(client.run('nope/fp32', {}, []), { code: 'not-loaded', message: 'Model "nope/fp32" is not loaded in the worker.' });
    await assert.rejects(client.dispose('nope/fp32'), { code: 'not-loaded' });
    await assert.rejects(client.request(/** @type {any} */ ({ type: 'explode' })), { code: 'bad-request', message: 'Unknown request type "explode".' });
  });

  it('run feeds are transferred as buffers, never detaching the caller\'s arrays', async () => {
    const { sessions, workers } = makeClient();
    await sessions.acquire(key, variant);
    const model = new Model({ info, variant, plan, threads: 1, sessions });
    const data = Float32Array.of(row.bill_length_mm);
    const feeds = Object.fromEntries(info.inputs.map((s) => [s.name, { dims: [1, 1], data: [row[s.name]] }]));
    feeds.bill_length_mm = { type: 'float32', dims: [1, 1], data };
    const out = await model.run(feeds);
    assert.equal(data.length, 1, 'caller array intact');
    assert.ok(out.probabilities.data instanceof Float32Array);
    assert.ok(out.label.data instanceof BigInt64Array);
    assert.ok(workers[0].requests.some((r) => r.type === 'run' && r.feeds.bill_length_mm.data instanceof Float32Array));
  });

  it('invalid feeds are rejected before anything is sent to the worker', async () => {
    const { sessions, workers } = makeClient();
    await sessions.acquire(key, variant);
    const model = new Model({ info, variant, plan, threads: 1, sessions });
    await assert.rejects(model.run({ island: { dims: [1, 1], data: ['Biscoe'] } }), /Missing input "bill_length_mm"/);
    await assert.rejects(model.predict({ ...row, island: 'Atlantis' }), /Feature "island" has unknown category "Atlantis"/);
    assert.equal(workers[0].requests.filter((r) => r.type === 'run').length, 0);
  });

  it('a crashed worker rejects every pending request with a clear error and says so', async () => {
    const { client, workers } = makeClient(() => new Promise(() => {})); // downloads never finish
    await client.start();
    const loads = [client.load({ model: 'a/fp32', url: 'file:///a', sha256: '0', bytes: 1 }),
      client.load({ model: 'b/fp32', url: 'file:///b', sha256: '0', bytes: 1 })];
    await new Promise((r) => setTimeout(r, 10));
    warn.mock.resetCalls();
    workers[0].crash('out of memory');
    for (const load of loads) {
      await assert.rejects(load, { code: 'worker-died', message: 'The inference worker stopped (it crashed: out of memory). It restarts on the next request.' });
    }
    assert.equal(client.pending.size, 0);
    assert.ok(workers[0].terminated);
    assert.equal(warn.mock.calls.length, 1);
    assert.match(String(warn.mock.calls[0].arguments[0]), /inference worker stopped/);
  });

  it('after a crash the next request starts a fresh worker and the session loads again', async () => {
    const { sessions, workers, client } = makeClient();
    await sessions.acquire(key, variant);
    const model = new Model({ info, variant, plan, threads: 1, sessions });
    const first = await model.predict(row);
    const pending = model.predict(row);
    workers[0].crash('out of memory');
    await assert.rejects(pending, { code: 'worker-died' });
    const again = await model.predict(row);
    assert.equal(workers.length, 2);
    assert.equal(client.liveGeneration, 2);
    assert.deepEqual(again.probabilities, first.probabilities);
    assert.ok(workers[1].requests.some((r) => r.type === 'load'), 'the session was loaded again in the new worker');
  });

  it('a worker that fails to start rejects with a clear error and the next request tries a fresh one', async () => {
    let spawned = 0;
    const client = new WorkerClient(() => {
      spawned++;
      const w = new InProcessWorker(fileFetch());
      if (spawned === 1) setImmediate(() => w.crash(''));
      return /** @type {any} */ (w);
    }, { numThreads: 1 });
    await assert.rejects(client.start(), { message: 'The inference worker stopped (it could not start: its script failed to load). It restarts on the next request.' });
    assert.equal((await client.start()).generation, 2);
  });

  it('dispose is reference-counted and a disposed handle refuses to run', async () => {
    const { sessions, workers } = makeClient();
    await sessions.acquire(key, variant);
    await sessions.acquire(key, variant);
    const a = new Model({ info, variant, plan, threads: 1, sessions });
    const b = new Model({ info, variant, plan, threads: 1, sessions });
    a.dispose();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(workers[0].requests.filter((r) => r.type === 'dispose').length, 0);
    await b.predict(row);
    b.dispose();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(workers[0].requests.filter((r) => r.type === 'dispose').length, 1);
    await assert.rejects(b.predict(row), { message: `Model "${key}" was disposed; load it again to run it.` });
  });
});
