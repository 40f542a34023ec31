import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTopK, itemsToFeeds, readRecommendations } from '../../js_runtime/recommend.js';
import { HANDLERS } from '../../worker/predict.js';

// a small food recommender's specs, as the build writes them
const spec = {
  labels: ['Breakfast Sandwich', 'Eggs', 'Coffee', 'Bananas', 'Tofu'],
  preprocessing: { kind: 'items', input: 'picked', count: 5 },
  postprocessing: { scores_output: 'scores', because_output: 'because', support_output: 'support', top_k: 3 },
  dataset: { item_noun: 'food' },
};

/**
 * The model's outputs for one row.
 * @param {number[]} scores
 * @param {number[]} because
 * @param {number[]} support
 * @returns {Record<string, import('../../worker/protocol.js').OutputTensor>}
 */
function outputs(scores, because, support) {
  const dims = [1, scores.length];
  return {
    scores: { type: 'float32', dims, data: Float32Array.from(scores) },
    because: { type: 'int64', dims, data: BigInt64Array.from(because, BigInt) },
    support: { type: 'float32', dims, data: Float32Array.from(support) },
  };
}

describe('itemsToFeeds', () => {
  it('feeds 1 for each picked name, in label order, as [1, count] float32; order and duplicates do not matter', () => {
    const feeds = itemsToFeeds(['Coffee', 'Eggs'], spec);
    assert.deepEqual(Object.keys(feeds), ['picked']);
    assert.equal(feeds.picked.type, 'float32');
    assert.deepEqual(feeds.picked.dims, [1, 5]);
    assert.ok(feeds.picked.data instanceof Float32Array);
    assert.deepEqual([...feeds.picked.data], [0, 1, 1, 0, 0]);
    assert.deepEqual(itemsToFeeds(['Eggs', 'Coffee', 'Eggs', 'Coffee'], spec), feeds);
  });

  it('refuses what is not an array of names, saying what to give instead', () => {
    for (const bad of ['Eggs', undefined, null, { Eggs: 1 }, new Set(['Eggs'])]) {
      assert.throws(() => itemsToFeeds(bad, spec), {
        name: 'TypeError',
        message: 'predict() takes the items picked for this model: an array of names from info.labels, e.g. ["Breakfast Sandwich", "Eggs"]',
      });
    }
  });

  it('asks for at least one item, with the dataset\'s noun (or "item")', () => {
    assert.throws(() => itemsToFeeds([], spec), { name: 'Error', message: 'Pick at least one food: the model recommends from what you pick.' });
    const { dataset, ...plain } = spec;
    assert.throws(() => itemsToFeeds([], plain), { message: 'Pick at least one item: the model recommends from what you pick.' });
  });

  it('names an unknown item and suggests the closest label: same but for case, a prefix, a typo, else the first', () => {
    const unknown = (/** @type {string} */ name, /** @type {string} */ like) =>
      `Unknown food ${JSON.stringify(name)}: the names are m.info.labels (e.g. ${JSON.stringify(like)}).`;
    assert.throws(() => itemsToFeeds(['Eggs', 'Egs'], spec), { name: 'Error', message: unknown('Egs', 'Eggs') });
    assert.throws(() => itemsToFeeds(['coffee'], spec), { message: unknown('coffee', 'Coffee') });
    assert.throws(() => itemsToFeeds(['ban'], spec), { message: unknown('ban', 'Bananas') });
    assert.throws(() => itemsToFeeds(['Tofu '], spec), { message: unknown('Tofu ', 'Tofu') });
    assert.throws(() => itemsToFeeds(['Caviar'], spec), { message: unknown('Caviar', 'Breakfast Sandwich') });
    assert.throws(() => itemsToFeeds([''], spec), { message: unknown('', 'Breakfast Sandwich') });
  });

  it('names a non-string item by position', () => {
    assert.throws(() => itemsToFeeds(['Eggs', 3], spec), {
      name: 'Error', message: 'Food 2 is 3, not a name: the names are m.info.labels (e.g. "Breakfast Sandwich").',
    });
    assert.throws(() => itemsToFeeds([null], spec), { message: /^Food 1 is null, not a name: / });
    assert.throws(() => itemsToFeeds([['Eggs']], spec), { message: /^Food 1 is an array, not a name: / });
    assert.throws(() => itemsToFeeds([1n], spec), { message: /^Food 1 is 1n, not a name: / });
  });
});

describe('checkTopK', () => {
  it('takes a whole number from 1 to the number of items; left out, the manifest\'s top_k', () => {
    assert.equal(checkTopK(undefined, spec), 3);
    assert.equal(checkTopK(1, spec), 1);
    assert.equal(checkTopK(5, spec), 5);
    for (const [bad, shown] of [[0, '0'], [6, '6'], [2.5, '2.5'], ['3', '"3"'], [null, 'null'], [NaN, 'NaN'], [3n, '3n']]) {
      assert.throws(() => checkTopK(bad, spec), { name: 'TypeError', message: `predict(): topK must be a whole number from 1 to 5, got ${shown}.` });
    }
  });
});

describe('readRecommendations', () => {
  it('ranks the items not picked by score, equal scores by index, as Python answer() does', () => {
    const out = outputs([0.5, 0.25, 0.75, 0.25, 0.5], [1, 1, 1, 1, 2], [0.5, 0.25, 0.75, 0.25, 0.5]);
    assert.deepEqual(readRecommendations(out, spec, [], 5), {
      recommendations: [
        { item: 'Coffee', index: 2, score: 0.75, because: 'Eggs' },
        { item: 'Breakfast Sandwich', index: 0, score: 0.5, because: 'Eggs' },
        { item: 'Tofu', index: 4, score: 0.5, because: 'Coffee' },
        { item: 'Eggs', index: 1, score: 0.25, because: 'Eggs' },
        { item: 'Bananas', index: 3, score: 0.25, because: 'Eggs' },
      ],
    });
  });

  it('leaves out the picked items, keeps topK (by default the manifest\'s), and has no `because` without support', () => {
    const out = outputs([0.1, 0.9, 0.3, -0.2, 0.3], [0, 2, 1, 1, 1], [0, 0.4, 0.3, -0.2, 1e-3]);
    assert.deepEqual(readRecommendations(out, spec, new Set([1, 0])), {
      recommendations: [
        { item: 'Coffee', index: 2, score: Math.fround(0.3), because: 'Eggs' },
        { item: 'Tofu', index: 4, score: Math.fround(0.3), because: 'Eggs' },
        { item: 'Bananas', index: 3, score: Math.fround(-0.2), because: null },
      ],
    });
    assert.deepEqual(readRecommendations(out, spec, [1], 1).recommendations.map((r) => r.item), ['Coffee']);
    // support exactly 0: no picked item speaks for it
    const none = outputs([0, 0, 0.5, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0]);
    assert.equal(readRecommendations(none, spec, [1]).recommendations[0].because, null);
  });

  it('reads `because` as plain numbers too, and only the first row of a batch', () => {
    const out = outputs([0.2, 0.1, 0.3, 0, 0, 9, 9, 9, 9, 9], [1, 2, 1, 0, 0, 3, 3, 3, 3, 3], [1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
    out.because = { type: 'int32', dims: [2, 5], data: Int32Array.from([1, 2, 1, 0, 0, 3, 3, 3, 3, 3]) };
    assert.deepEqual(readRecommendations(out, spec, [1], 2).recommendations,
      [{ item: 'Coffee', index: 2, score: Math.fround(0.3), because: 'Eggs' }, { item: 'Breakfast Sandwich', index: 0, score: Math.fround(0.2), because: 'Eggs' }]);
  });

  it('answers fewer than topK when few items are left, and none when all are picked', () => {
    const out = outputs([1, 2, 3, 4, 5], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]);
    assert.deepEqual(readRecommendations(out, spec, [0, 1, 2], 5).recommendations.map((r) => r.index), [4, 3]);
    assert.deepEqual(readRecommendations(out, spec, [0, 1, 2, 3, 4], 5), { recommendations: [] });
  });

  it('refuses outputs the manifest does not name, too few or non-finite scores, and a `because` out of range', () => {
    const out = outputs([1, 2, 3, 4, 5], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]);
    const { support, ...missing } = out;
    assert.throws(() => readRecommendations(missing, spec, [0]), { message: 'The model returned outputs scores, because, but the manifest expects "support".' });
    const short = { ...out, scores: { type: 'float32', dims: [1, 4], data: Float32Array.of(1, 2, 3, 4) } };
    assert.throws(() => readRecommendations(short, spec, [0]), { message: 'The model\'s output "scores" holds no finite value for each of its 5 items.' });
    const nan = { ...out, scores: { type: 'float32', dims: [1, 5], data: Float32Array.of(1, NaN, 3, 4, 5) } };
    assert.throws(() => readRecommendations(nan, spec, [0]), { message: 'The model\'s output "scores" holds no finite value for each of its 5 items.' });
    const stray = outputs([1, 2, 3, 4, 5], [0, 0, 0, 0, 7], [1, 1, 1, 1, 1]);
    assert.throws(() => readRecommendations(stray, spec, [0]), { message: 'The model\'s output "because" names no item for "Tofu".' });
  });
});

describe('the worker\'s recommendation handler', () => {
  const taskSpec = /** @type {any} */ ({ ...spec, task: 'recommendation', postprocessing: { ...spec.postprocessing, kind: 'recommendation' },
    inputs: [{ name: 'picked', dtype: 'float32', shape: ['N', 5] }] });
  const handler = HANDLERS.recommendation;
  const env = /** @type {any} */ ({});

  it('feeds the picked names and leaves them out of the answer, with the request\'s topK', async () => {
    const prepared = await handler.prepare(['Tofu', 'Eggs', 'Tofu'], taskSpec, env);
    assert.deepEqual([...prepared.feeds.picked.data], [0, 1, 0, 0, 1]);
    assert.deepEqual(prepared.feeds.picked.dims, [1, 5]);
    const out = outputs([0.3, 0.9, 0.1, 0.2, 0.8], [1, 4, 1, 4, 1], [0.1, 0.1, 0.1, 0.1, 0.1]);
    assert.deepEqual(await handler.finish(out, taskSpec, { topK: 2 }, prepared, env), {
      recommendations: [{ item: 'Breakfast Sandwich', index: 0, score: Math.fround(0.3), because: 'Eggs' },
        { item: 'Bananas', index: 3, score: Math.fround(0.2), because: 'Tofu' }],
    });
    assert.equal(/** @type {any} */ (await handler.finish(out, taskSpec, {}, prepared, env)).recommendations.length, 3);
  });

  it('refuses bad items as bad input and a bad topK as a bad request', async () => {
    await assert.rejects(handler.prepare([], taskSpec, env), { code: 'bad-input', message: 'Pick at least one food: the model recommends from what you pick.' });
    await assert.rejects(handler.prepare(['Egs'], taskSpec, env), { code: 'bad-input', message: /^Unknown food "Egs"/ });
    const prepared = await handler.prepare(['Eggs'], taskSpec, env);
    const out = outputs([1, 2, 3, 4, 5], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]);
    assert.throws(() => handler.finish(out, taskSpec, { topK: 9 }, prepared, env), { code: 'bad-request', message: 'predict(): topK must be a whole number from 1 to 5, got 9.' });
  });
});
