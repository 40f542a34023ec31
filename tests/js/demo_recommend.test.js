// The recommendation widget (js_runtime/demo_recommend.js): its pure parts (words, scores, the answer
// check, examples), then the whole widget mounted on the demo shell in a small fake DOM (fake_dom.js),
// with a fake API whose model answers when the test says so. The real DOM, the real model and the layout
// run in Chromium (tests/browser).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import {
  becauseText, exampleAnswer, exampleFor, formatScore, itemWords, mountRecommend, plural, readRecommendations,
  recommendExamples,
} from '../../js_runtime/demo_recommend.js';
import { abortError } from '../../js_runtime/worker_client.js';
import { FakeElement, FakeEvent, fakeDocument, tick } from './fake_dom.js';

// ---- a manifest entry as the contract describes it ----
const HTML_LABEL = '<b>Bold</b> & <img src=x onerror="globalThis.__xss=1">';
const LABELS = ['Breakfast Sandwich', 'Eggs', 'Bananas', 'Coffee', 'Green Salad', 'Hot Tea', HTML_LABEL, 'Egg Roll', 'Yogurt'];
/** @param {string} item @param {number} score @param {string | null} because */
const rec = (item, score, because) => ({ item, index: LABELS.indexOf(item), score, because });
const INFO = {
  id: 'food-recommender',
  title: 'Food recommender',
  task: 'recommendation',
  labels: LABELS,
  default_variant: 'fp32',
  variants: [],
  preprocessing: { kind: 'items', input: 'picked', count: LABELS.length },
  postprocessing: { kind: 'recommendation', scores_output: 'scores', because_output: 'because', support_output: 'support', top_k: 3 },
  dataset: { name: 'FFQ', item_noun: 'food', verb: 'eat', person: 'reader' },
  examples: [
    {
      name: 'Held-out reader 3',
      input: ['Eggs', 'Bananas'],
      expected: ['Coffee', 'Yogurt'],
      output: { recommendations: [rec('Coffee', 0.61, 'Eggs'), rec(HTML_LABEL, 0.3, null), rec('Yogurt', -0.02, 'Bananas')] },
    },
    {
      name: 'Held-out reader 7',
      input: ['Hot Tea'],
      output: { recommendations: [rec('Green Salad', 0.4, 'Hot Tea'), rec('Coffee', 0.2, 'Hot Tea'), rec('Eggs', 0.1, null)] },
    },
  ],
};

describe('words and numbers', () => {
  it('names items and what readers do with them from the manifest, with defaults', () => {
    assert.deepEqual(itemWords('food', 'eat'), { noun: 'food', nouns: 'foods', verb: 'eat', verbs: 'eats' });
    assert.deepEqual(itemWords(undefined, ''), { noun: 'item', nouns: 'items', verb: 'like', verbs: 'likes' });
    assert.deepEqual(['dish', 'berry', 'watch', 'day', 'film'].map(plural), ['dishes', 'berries', 'watches', 'days', 'films']);
  });

  it('says why an item is recommended, and when no pick stands out', () => {
    assert.equal(becauseText('Eggs', 'eat'), 'because you eat Eggs');
    assert.equal(becauseText(null, 'eat'), 'no single pick stands out');
  });

  it('formats scores with three decimals and a real minus sign', () => {
    assert.equal(formatScore(0.6123), '0.612');
    assert.equal(formatScore(-0.02), '−0.020');
    assert.equal(formatScore(-0.0001), '0.000');
  });
});

describe('the answer and the examples', () => {
  it('keeps the contract fields and the time', () => {
    const answer = { recommendations: [{ ...rec('Coffee', 0.5, 'Eggs'), extra: 1 }], ms: 2 };
    assert.deepEqual(readRecommendations(answer), { recommendations: [rec('Coffee', 0.5, 'Eggs')], ms: 2 });
  });

  it('refuses what is not the contract, with a sentence for visitors', () => {
    const error = mock.method(console, 'error', () => {});
    for (const bad of [null, {}, [], { recommendations: [{ item: 1, index: 0, score: 0, because: null }] },
      { recommendations: [{ item: 'a', index: 0, score: NaN, because: null }] },
      { recommendations: [{ item: 'a', index: 0.5, score: 1, because: null }] },
      { recommendations: [{ item: 'a', index: 0, score: 1, because: 3 }] }]) {
      assert.throws(() => readRecommendations(bad), /The model returned an answer this page cannot show/);
    }
    error.mock.restore();
  });

  it('reads the examples, finds one by its picks in any order, and cuts its answer to top k', () => {
    const info = /** @type {any} */ ({ examples: [...INFO.examples, { name: 'x', input: 'Eggs', output: { recommendations: [] } }, null] });
    const examples = recommendExamples(info);
    assert.deepEqual(examples.map((e) => e.name), ['Held-out reader 3', 'Held-out reader 7']);
    assert.equal(exampleFor(['Bananas', 'Eggs', 'Eggs'], examples)?.name, 'Held-out reader 3');
    assert.equal(exampleFor(['Bananas'], examples), undefined);
    assert.deepEqual(exampleAnswer(examples[0], 2).recommendations.map((r) => r.item), ['Coffee', HTML_LABEL]);
  });
});

// ---- the fake API: load() when the test releases it; predict() answers when the test says ----

/**
 * @typedef {object} Call
 * @property {string[]} items
 * @property {Record<string, any>} options
 * @property {(answer: any) => void} answer
 * @property {(error: unknown) => void} fail
 */

/** @param {{backend?: string, hold?: boolean}} [options] */
function fakeApi({ backend = 'wasm', hold = false } = {}) {
  /** @type {Call[]} */
  const calls = [];
  /** @type {() => void} */
  let release = () => {};
  const held = hold ? new Promise((resolve) => { release = () => resolve(undefined); }) : Promise.resolve();
  const model = {
    backend,
    backendLabel: backend === 'static' ? 'precomputed examples only' : 'WASM-SIMD',
    backendReason: 'auto',
    threads: backend === 'static' ? 0 : 4,
    info: INFO,
    ...(backend === 'static' ? { notice: 'Live predictions are turned off (?backend=static); only the precomputed examples are shown.' } : {}),
    /** @param {string[]} items @param {Record<string, any>} options */
    predict(items, options) {
      if (backend === 'static') return Promise.reject(new Error('predict() does not support task "recommendation" yet; use run().'));
      return new Promise((resolve, reject) => {
        let settled = false;
        calls.push({
          items, options,
          answer(a) { settled = true; resolve({ ...a, ms: 1.5 }); },
          fail(e) { settled = true; reject(e); },
        });
        options.signal?.addEventListener('abort', () => { if (!settled) reject(abortError()); });
      });
    },
    dispose() {},
  };
  const api = {
    loads: 0,
    release: () => release(),
    async load() {
      api.loads++;
      await held;
      return model;
    },
  };
  return { api, calls };
}

const DEBOUNCED = 200; // past the shell's 150 ms debounce

/** @param {{backend?: string, hold?: boolean, info?: any}} [options] */
async function mount(options = {}) {
  const { api, calls } = fakeApi(options);
  const root = new FakeElement('div');
  root.setAttribute('class', 'vitrine-demo');
  root.dataset.model = INFO.id;
  mountRecommend(/** @type {any} */ (root), options.info ?? INFO, /** @type {any} */ (api), 'auto');
  await tick();
  const q = (/** @type {string} */ s) => /** @type {FakeElement} */ (root.querySelector(s));
  const all = (/** @type {string} */ s) => root.querySelectorAll(s);
  return {
    root, api, calls,
    filter: q('input.vitrine-rec-filter'),
    topK: q('select.vitrine-rec-topk'),
    count: q('.vitrine-rec-count'),
    clear: q('button.vitrine-rec-clear'),
    hint: q('.vitrine-rec-hint'),
    hits: q('.vitrine-rec-hits'),
    headline: q('.vitrine-rec-headline'),
    source: q('.vitrine-source'),
    noMatch: q('.vitrine-rec-no-match'),
    /** @param {string} label */
    box: (label) => /** @type {FakeElement} */ (all('input.vitrine-rec-check').find((b) => b.value === label)),
    checked: () => all('input.vitrine-rec-check').filter((b) => b.checked).map((b) => b.value),
    shownOptions: () => all('.vitrine-rec-option').filter((o) => !o.hidden).map((o) => o.textContent),
    /** @param {string} name */
    example: (name) => all('button.vitrine-rec-example').find((b) => b.textContent === name),
    rows: () => all('tr.vitrine-rec-row').map((tr) => tr.children.map((c) => c.textContent)),
    hitRows: () => all('tr.vitrine-rec-row[data-hit="true"]').map((tr) => tr.dataset.item),
    errorText: () => (q('.vitrine-error').hidden ? null : q('.vitrine-error').textContent),
  };
}

describe('the widget, with a fake model', () => {
  /** @type {any} */
  let errorLog;
  /** @type {any} */
  let warnLog;
  beforeEach(() => {
    Object.assign(globalThis, {
      document: fakeDocument,
      HTMLElement: FakeElement,
      MutationObserver: class { observe() {} },
    });
    fakeDocument.activeElement = null;
    errorLog = mock.method(console, 'error', () => {}); // the error box logs what it shows
    warnLog = mock.method(console, 'warn', () => {}); // no Chart.js here: the table stands alone
  });
  afterEach(() => {
    errorLog.mock.restore();
    warnLog.mock.restore();
    for (const name of ['document', 'HTMLElement', 'MutationObserver']) delete (/** @type {any} */ (globalThis))[name];
  });

  it('lists every label as a checkbox with its label, in a fieldset with a legend', async () => {
    const w = await mount({ hold: true });
    const boxes = w.root.querySelectorAll('fieldset.vitrine-rec-picks input[type="checkbox"]');
    assert.deepEqual(boxes.map((b) => b.value), LABELS);
    for (const box of boxes) {
      assert.equal(w.root.querySelector(`label[for="${box.id}"]`)?.textContent, box.value);
    }
    assert.equal(new Set(boxes.map((b) => b.id)).size, LABELS.length);
    assert.equal(w.root.querySelector('fieldset.vitrine-rec-picks legend')?.textContent, 'Foods you eat often');
    assert.equal(w.root.querySelector(`label[for="${w.filter.id}"]`)?.textContent, 'Filter foods');
    assert.equal(w.topK.value, '3');
    assert.deepEqual(w.topK.querySelectorAll('option').map((o) => o.textContent), ['3', '5']); // 10 and 20 > 9 labels
  });

  it('first shows the first example, precomputed, then runs it live once in view', async () => {
    const w = await mount({ hold: true });
    assert.deepEqual(w.checked(), ['Eggs', 'Bananas']);
    assert.equal(w.count.textContent, '2 picked');
    assert.equal(w.root.dataset.source, 'precomputed');
    assert.match(w.source.textContent, /^Precomputed for Held-out reader 3 when the site was built/);
    assert.equal(w.rows().length, 3);
    assert.equal(w.calls.length, 0);
    assert.equal(w.api.loads, 1, 'coming into view loads the model');
    w.api.release();
    await tick();
    assert.equal(w.calls.length, 1);
    assert.deepEqual(w.calls[0].items, ['Eggs', 'Bananas']);
    assert.equal(w.calls[0].options.topK, 3);
    assert.ok(w.calls[0].options.signal instanceof AbortSignal);
    w.calls[0].answer(INFO.examples[0].output);
    await tick();
    assert.equal(w.root.dataset.source, 'live');
    assert.equal(w.source.textContent, 'Live recommendations, calculated in your browser.');
  });

  it('filters the list, case-insensitively, and says when nothing matches; picks stay picked', async () => {
    const w = await mount();
    w.filter.value = 'EGG';
    w.filter.dispatchEvent(new FakeEvent('input'));
    assert.deepEqual(w.shownOptions(), ['Eggs', 'Egg Roll']);
    assert.equal(w.noMatch.hidden, true);
    w.filter.value = 'zzz';
    w.filter.dispatchEvent(new FakeEvent('input'));
    assert.deepEqual(w.shownOptions(), []);
    assert.equal(w.noMatch.hidden, false);
    assert.equal(w.noMatch.textContent, 'No food matches “zzz”.');
    assert.deepEqual(w.checked(), ['Eggs', 'Bananas']);
    w.filter.value = '';
    w.filter.dispatchEvent(new FakeEvent('input'));
    assert.equal(w.shownOptions().length, LABELS.length);
  });

  it('an example button checks its picks and predicts them with the chosen top k', async () => {
    const w = await mount();
    w.calls[0].answer(INFO.examples[0].output);
    await tick();
    w.topK.value = '5';
    w.example('Held-out reader 7')?.click();
    await tick();
    assert.deepEqual(w.checked(), ['Hot Tea']);
    assert.equal(w.count.textContent, '1 picked');
    const call = w.calls[w.calls.length - 1];
    assert.deepEqual(call.items, ['Hot Tea']);
    assert.equal(call.options.topK, 5);
    call.answer(INFO.examples[1].output);
    await tick();
    assert.deepEqual(w.rows()[0], ['1', 'Green Salad', 'because you eat Hot Tea', '0.400']);
    assert.equal(w.hits.hidden, true, 'this example has no hidden items');
    assert.deepEqual(w.hitRows(), []);
  });

  it('reruns after the debounce when a pick changes; with no picks it shows the hint and predicts nothing', async () => {
    const w = await mount();
    w.calls[0].answer(INFO.examples[0].output);
    await tick();
    w.box('Coffee').click();
    assert.equal(w.count.textContent, '3 picked');
    await new Promise((r) => setTimeout(r, DEBOUNCED));
    await tick();
    assert.equal(w.calls.length, 2);
    assert.deepEqual(w.calls[1].items, ['Eggs', 'Bananas', 'Coffee']);
    w.calls[1].answer({ recommendations: [rec('Yogurt', 0.2, 'Coffee')] });
    await tick();
    assert.equal(w.hits.hidden, true, 'no longer the example\'s picks');

    w.clear.click();
    assert.deepEqual(w.checked(), []);
    assert.equal(w.count.textContent, '0 picked');
    assert.equal(w.clear.disabled, true);
    assert.equal(w.hint.hidden, false);
    assert.match(w.hint.textContent, /^Pick a few foods you eat/);
    assert.equal(w.root.dataset.source, 'none');
    assert.deepEqual(w.rows(), []);
    await new Promise((r) => setTimeout(r, DEBOUNCED));
    await tick();
    assert.equal(w.calls.length, 2, 'no predict() with nothing picked');
    assert.equal(w.errorText(), null);
  });

  it('shows item names as text, never as markup, and says why each is recommended', async () => {
    const w = await mount();
    w.calls[0].answer(INFO.examples[0].output);
    await tick();
    const rows = w.rows();
    assert.deepEqual(rows[1], ['2', HTML_LABEL, 'no single pick stands out', '0.300']);
    assert.deepEqual(rows[2].slice(2), ['because you eat Bananas', '−0.020']);
    assert.equal(w.root.querySelectorAll('b').length, 0);
    assert.equal(w.root.querySelectorAll('img').length, 0);
    assert.equal(/** @type {any} */ (globalThis).__xss, undefined);
    assert.equal(w.headline.textContent, 'Top pick: Coffee, because you eat Eggs.');
  });

  it('marks the example reader\'s hidden items and counts them', async () => {
    const w = await mount();
    w.calls[0].answer(INFO.examples[0].output);
    await tick();
    assert.deepEqual(w.hitRows(), ['Coffee', 'Yogurt']);
    assert.equal(w.rows()[0][1], 'Coffee ✓ eats it');
    assert.equal(w.hits.hidden, false);
    assert.equal(w.hits.textContent, '2 of 3 were foods this reader eats, hidden from the model.');
  });

  it('on the static tier, answers the examples from the build and says other picks cannot run', async () => {
    const w = await mount({ backend: 'static' });
    assert.equal(w.root.dataset.source, 'precomputed');
    assert.equal(w.errorText(), null);
    w.example('Held-out reader 7')?.click();
    await tick();
    assert.deepEqual(w.rows().map((r) => r[1]), ['Green Salad', 'Coffee', 'Eggs']);
    w.box('Coffee').click();
    await new Promise((r) => setTimeout(r, DEBOUNCED));
    await tick();
    assert.match(w.errorText() ?? '', /^These picks are not one of the examples, and the model cannot run here\. Live predictions are turned off/);
    assert.equal(w.root.dataset.stale, 'true');
    assert.equal(w.calls.length, 0);
  });
});
