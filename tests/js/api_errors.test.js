// The public API's errors say what is wrong in a developer's words: option bags, disposed handles,
// feature values that do not fit the model's dtype, and outputs that are no prediction.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from '../../js_runtime/vitrine.js';
import { Model } from '../../js_runtime/model.js';
import { handlerFor } from '../../worker/predict.js';
import { checkPrediction } from '../../js_runtime/tabular.js';
import { StaticModel } from '../../js_runtime/static_model.js';
import { abortable } from '../../js_runtime/options.js';
import { resolveManifest } from '../../js_runtime/manifest.js';
import { manifestFiles, readJson, tabularManifest } from './helpers.js';

const info = resolveManifest(tabularManifest(), 'https://h/models/manifest.json').models[0];
const variant = info.variants[0];
const row = info.examples[0].input;
const key = `${info.id}/${variant.name}`;
const plan = { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test', problems: [], source: 'test' };

/**
 * A Model over a fake worker that answers every run with `outputs` and records what it was sent.
 * @param {Record<string, any>} [outputs]
 */
function fakeModel(outputs) {
  /** @type {any[]} */
  const sent = [];
  const sessions = /** @type {any} */ ({
    ensure: async () => ({ generation: 1 }),
    release: async () => {},
    client: {
      run: async (/** @type {string} */ _key, /** @type {any} */ feeds) => {
        sent.push(feeds);
        return { outputs: outputs ?? {}, ms: 1 };
      },
      // The worker's real predict handler (worker/predict.js) around the canned outputs.
      predict: async (/** @type {string} */ _key, /** @type {any} */ spec, /** @type {unknown} */ input) => {
        const handler = handlerFor(spec);
        const prepared = await handler.prepare(input, spec, { fetchImpl: fetch });
        sent.push(prepared.feeds);
        return { output: handler.finish(outputs ?? {}, spec, {}, prepared), ms: 1 };
      },
    },
  });
  return { model: new Model({ info, variant, plan, threads: 1, sessions }), sent };
}

/** Outputs with these probabilities (class 0 as the label). @param {number[]} probabilities */
const outputsWith = (probabilities) => ({
  label: { type: 'int64', dims: [1], data: BigInt64Array.of(0n) },
  probabilities: { type: 'float32', dims: [1, probabilities.length], data: Float32Array.from(probabilities) },
});

describe('vitrine.load() options', () => {
  const cases = [
    [null, 'vitrine.load(): options must be an object (or left out), got null.'],
    ['fp32', 'vitrine.load(): options must be an object (or left out), got "fp32".'],
    [[], 'vitrine.load(): options must be an object (or left out), got an array.'],
    [{ signal: 'x' }, 'vitrine.load(): options.signal must be an AbortSignal (new AbortController().signal), got "x".'],
    [{ signal: {} }, 'vitrine.load(): options.signal must be an AbortSignal (new AbortController().signal), got an object (Object).'],
    [{ varient: 'fp32' }, 'vitrine.load(): unknown option "varient"; the options are: variant, backend, onProgress, signal.'],
    [{ variant: 3 }, 'vitrine.load(): options.variant must be a string, got 3.'],
    [{ backend: null }, 'vitrine.load(): options.backend must be a string, got null.'],
    [{ onProgress: 'log' }, 'vitrine.load(): options.onProgress must be a function, got "log".'],
  ];
  for (const [options, message] of cases) {
    it(`${JSON.stringify(options)} → ${message}`, async () => {
      await assert.rejects(load('penguins-species', /** @type {any} */ (options)), { name: 'TypeError', message });
    });
  }

  it('an aborted signal rejects with an AbortError', async () => {
    await assert.rejects(load('penguins-species', { signal: AbortSignal.abort() }),
      { name: 'AbortError', code: 'aborted', message: 'Loading model "penguins-species" was cancelled.' });
  });

  it('abortable: a value that arrives after the abort is released, not leaked', async () => {
    const controller = new AbortController();
    /** @type {(v: string) => void} */
    let finish = () => {};
    /** @type {string[]} */
    const released = [];
    const pending = abortable(new Promise((resolve) => { finish = resolve; }), controller.signal, (v) => released.push(v), 'cancelled');
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError', message: 'cancelled' });
    finish('model');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(released, ['model']);
  });
});

describe('run() and predict() options and disposed handles', () => {
  it('a disposed model says so, not "Missing input"', async () => {
    const { model, sent } = fakeModel();
    model.dispose();
    const message = `Model "${key}" was disposed; load it again to run it.`;
    await assert.rejects(model.run({}), { message });
    await assert.rejects(model.predict({}), { message });
    await assert.rejects(model.predict(row), { message });
    assert.equal(sent.length, 0);
  });

  it('the static tier too', async () => {
    const model = new StaticModel({ info, variant, plan: { ...plan, name: 'static' } });
    model.dispose();
    await assert.rejects(model.predict(row), { message: `Model "${key}" was disposed; load it again to run it.` });
  });

  for (const method of /** @type {const} */ (['run', 'predict'])) {
    it(`${method}(): options and signal are checked`, async () => {
      const { model, sent } = fakeModel();
      await assert.rejects(model[method](/** @type {any} */ ({}), /** @type {any} */ (null)),
        { name: 'TypeError', message: `${method}(): options must be an object (or left out), got null.` });
      await assert.rejects(model[method](/** @type {any} */ ({}), /** @type {any} */ ({ signal: 'x' })),
        { name: 'TypeError', message: `${method}(): options.signal must be an AbortSignal (new AbortController().signal), got "x".` });
      await assert.rejects(model[method](/** @type {any} */ ({}), /** @type {any} */ ({ timeout: 5 })),
        { name: 'TypeError', message: `${method}(): unknown option "timeout"; the options are: signal.` });
      assert.equal(sent.length, 0);
    });
  }
});

describe('predict(): values that do not fit the model, outputs that are no prediction', () => {
  for (const value of [1e39, -1e39, 1e308]) {
    it(`refuses body_mass_g = ${value} (Infinity as float32), naming the feature; nothing is run`, async () => {
      const { model, sent } = fakeModel(outputsWith([0.5, 0.25, 0.25]));
      await assert.rejects(model.predict({ ...row, body_mass_g: value }),
        { message: `Feature "body_mass_g" is ${value}, which does not fit in the model's float32 input (largest magnitude 3.4028234663852886e+38).` });
      assert.equal(sent.length, 0);
    });
  }

  it('the static tier refuses it with the same message', async () => {
    const model = new StaticModel({ info, variant, plan: { ...plan, name: 'static' } });
    await assert.rejects(model.predict({ ...row, body_mass_g: 1e39 }), /^Error: Feature "body_mass_g" is 1e\+39, which does not fit/);
  });

  it('the largest float32 still runs', async () => {
    const { model, sent } = fakeModel(outputsWith([0.5, 0.25, 0.25]));
    const p = await model.predict({ ...row, body_mass_g: 3.4028234663852886e38 });
    assert.equal(p.label, info.labels[0]);
    assert.equal(sent.length, 1);
  });

  it('run() with raw tensors refuses 1e39 and Infinity, naming the input', async () => {
    const { model, sent } = fakeModel();
    const feeds = Object.fromEntries(info.inputs.map((s) => [s.name, { dims: [1, 1], data: [row[s.name]] }]));
    await assert.rejects(model.run({ ...feeds, body_mass_g: { dims: [1, 1], data: [1e39] } }),
      { message: 'Input "body_mass_g": element 0 is 1e+39, which does not fit in float32 (largest magnitude 3.4028234663852886e+38).' });
    await assert.rejects(model.run({ ...feeds, body_mass_g: { dims: [1, 1], data: Float32Array.of(Infinity) } }),
      { message: 'Input "body_mass_g": element 0 is Infinity; float32 inputs must be finite numbers.' });
    await assert.rejects(model.run({ ...feeds, body_mass_g: { dims: [1, 1], data: new Array(1) } }),
      /Input "body_mass_g": element 0 is missing \(data is a sparse array/);
    assert.equal(sent.length, 0);
  });

  it('NaN probabilities from the model are never returned as a prediction', async () => {
    const { model } = fakeModel(outputsWith([NaN, NaN, NaN]));
    await assert.rejects(model.predict(row),
      { message: `The model returned invalid probabilities (${info.labels.map((l) => `${l}: NaN`).join(', ')}) for these inputs, so there is no prediction.` });
  });

  it('checkPrediction passes real probabilities and refuses Infinity and out-of-range ones', () => {
    const labels = info.labels;
    /** @param {number[]} ps */
    const prediction = (ps) => ({ label: labels[0], labelIndex: 0, probabilities: Object.fromEntries(labels.map((l, i) => [l, ps[i]])) });
    assert.ok(checkPrediction(prediction([1, 0, 0]), info));
    assert.throws(() => checkPrediction(prediction([Infinity, 0, 0]), info), /invalid probabilities \(Adelie: Infinity\)/);
    assert.throws(() => checkPrediction(prediction([1.5, 0, 0]), info), /invalid probabilities \(Adelie: 1\.5\)/);
  });
});
