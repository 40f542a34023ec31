// The text-generation widget (js_runtime/demo_generate.js): its pure parts (settings, limits, prompt
// checks, the answer check, the status sentences), then the whole widget mounted on the demo shell in a
// small fake DOM (fake_dom.js), with a fake API whose model streams tokens when the test says so. The
// real DOM, the real model and the layout run in Chromium (tests/browser/test_demo_generate_widget.py).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import {
  checkPrompt, describeSettings, doneText, failedText, generationExamples, generationLimits, liveRate, mountGenerate,
  plural, precomputedText, progressText, readAnswer, readSettings, settingSpecs, stoppedText,
} from '../../js_runtime/demo_generate.js';
import { abortError } from '../../js_runtime/worker_client.js';
import { FakeElement, FakeEvent, fakeDocument, tick } from './fake_dom.js';

// ---- a manifest entry as the contract describes it ----
const HTML_ANSWER = '<img src=x onerror="globalThis.__xss=1"><b>bold</b> & <script>globalThis.__xss=2</script>';
const INFO = {
  id: 'python-helper',
  title: 'Python helper',
  task: 'text-generation',
  labels: [],
  default_variant: 'int8',
  variants: [{ name: 'int8', bytes: 143_500_000 }],
  preprocessing: {
    kind: 'text', tokenizer: 'tokenizer.json', max_tokens: 1024, inputs: ['input_ids', 'attention_mask', 'position_ids'],
    chat_template: { format: 'chatml', system: 'You are a helpful AI assistant named SmolLM, trained by Hugging Face' },
  },
  postprocessing: {
    kind: 'text-generation', logits_output: 'logits', eos_token_ids: [2], context: 2048, max_new_tokens: 512,
    cache: { layers: 30, kv_heads: 3, head_dim: 64, past: 'past_key_values.{layer}.{kind}', present: 'present.{layer}.{kind}' },
    defaults: { max_new_tokens: 96, temperature: 0, top_k: 50, top_p: 0.95, seed: 0 },
  },
  examples: [
    { text: 'What is the capital of France?', output: { text: 'The capital of France is Paris.', tokens: [504, 3575, 282, 4649, 314, 7042, 30], prompt_tokens: 37, finish_reason: 'eos' } },
    { text: 'Write a poem about the sea.', output: { text: 'The sea, the sea', tokens: [504, 3426, 28, 260, 3426], prompt_tokens: 41, finish_reason: 'length' } },
    { text: 'Repeat: <b>hi</b>', output: { text: HTML_ANSWER, tokens: [1, 2, 3], prompt_tokens: 30, finish_reason: 'eos' } },
  ],
  artifacts: [],
};
const LIMITS = generationLimits(/** @type {any} */ (INFO));

// ---- pure parts ----

describe('generationLimits', () => {
  it('reads the limits and the defaults from the manifest', () => {
    assert.equal(LIMITS.maxTokens, 1024);
    assert.equal(LIMITS.maxChars, 1024 * 16);
    assert.equal(LIMITS.context, 2048);
    assert.equal(LIMITS.maxNewTokens, 512);
    assert.deepEqual(LIMITS.defaults, { maxNewTokens: 96, temperature: 0, topK: 50, topP: 0.95, seed: 0 });
    assert.equal(LIMITS.system, INFO.preprocessing.chat_template.system);
  });

  it('falls back to the contract, and never takes a default outside the limits', () => {
    const bare = generationLimits(/** @type {any} */ ({ preprocessing: { kind: 'text' }, postprocessing: { kind: 'text-generation' } }));
    assert.deepEqual([bare.maxTokens, bare.context, bare.maxNewTokens], [1024, 2048, 512]);
    assert.deepEqual(bare.defaults, { maxNewTokens: 128, temperature: 0, topK: 50, topP: 0.95, seed: 0 });
    const odd = generationLimits(/** @type {any} */ ({
      preprocessing: { max_tokens: 64 },
      postprocessing: { context: 100, max_new_tokens: 40, defaults: { max_new_tokens: 80, temperature: 3, top_k: -1, top_p: 0, seed: 1.5 } },
    }));
    assert.equal(odd.maxNewTokens, 40);
    assert.deepEqual(odd.defaults, { maxNewTokens: 40, temperature: 0, topK: 50, topP: 0.95, seed: 0 });
  });
});

describe('readSettings', () => {
  const good = { maxNewTokens: '96', temperature: '0.7', topK: '40', topP: '0.9', seed: '7' };

  it('turns the boxes into the call\'s options', () => {
    assert.deepEqual(readSettings(good, LIMITS), { ok: true, settings: { maxNewTokens: 96, temperature: 0.7, topK: 40, topP: 0.9, seed: 7 } });
    assert.deepEqual(readSettings({ ...good, temperature: ' 0 ', topK: '0', topP: '1', seed: '4294967295', maxNewTokens: '512' }, LIMITS),
      { ok: true, settings: { maxNewTokens: 512, temperature: 0, topK: 0, topP: 1, seed: 4294967295 } });
  });

  it('names every setting outside the contract\'s limits, in words', () => {
    const cases = /** @type {[string, string, RegExp][]} */ ([
      ['maxNewTokens', '0', /^Max new tokens must be a whole number from 1 to 512\.$/],
      ['maxNewTokens', '513', /from 1 to 512/],
      ['maxNewTokens', '1.5', /whole number/],
      ['temperature', '-0.1', /^Temperature must be a number from 0 to 2 \(0 = greedy\)\.$/],
      ['temperature', '2.01', /from 0 to 2/],
      ['topK', '-1', /^Top-k must be a whole number, 0 or more \(0 = off\)\.$/],
      ['topK', '3.5', /whole number/],
      ['topP', '0', /^Top-p must be a number above 0 and at most 1\.$/],
      ['topP', '1.01', /at most 1/],
      ['seed', '-1', /^Seed must be a whole number from 0 to 4294967295\.$/],
      ['seed', '4294967296', /4294967295/],
      ['seed', '', /whole number/],
      ['temperature', 'abc', /Temperature/],
      ['topK', '0x10', /Top-k/],
      ['temperature', 'Infinity', /Temperature/],
    ]);
    for (const [key, value, message] of cases) {
      const read = readSettings({ ...good, [key]: value }, LIMITS);
      assert.equal(read.ok, false, `${key}=${value}`);
      assert.match(/** @type {any} */ (read).errors[key], message);
      assert.deepEqual(Object.keys(/** @type {any} */ (read).errors), [key], 'only the wrong one is named');
    }
    assert.equal(readSettings({ ...good, temperature: '1e-1' }, LIMITS).ok, true);
  });

  it('gives the number boxes the same limits', () => {
    const byKey = Object.fromEntries(settingSpecs(LIMITS).map((s) => [s.key, s.attrs]));
    assert.deepEqual(byKey.maxNewTokens, { min: 1, max: 512, step: '1', inputmode: 'numeric' });
    assert.deepEqual(byKey.temperature, { min: 0, max: 2, step: '0.1', inputmode: 'decimal' });
    assert.deepEqual(byKey.seed, { min: 0, max: 4294967295, step: '1', inputmode: 'numeric' });
  });
});

describe('checkPrompt', () => {
  it('refuses an empty prompt and one too long to tokenize, before anything runs', () => {
    assert.equal(checkPrompt('', LIMITS), 'Type a prompt.');
    assert.equal(checkPrompt(' \n\t ', LIMITS), 'Type a prompt.');
    assert.equal(checkPrompt('Hi', LIMITS), null);
    assert.equal(checkPrompt('x'.repeat(16384), LIMITS), null);
    assert.equal(checkPrompt('x'.repeat(1 << 20), LIMITS),
      'The prompt is too long: 1,048,576 characters, and this model reads at most about 16,384 characters (1,024 tokens). Shorten it.');
  });
});

describe('readAnswer', () => {
  it('keeps the contract\'s fields; missing timings are null', () => {
    const answer = readAnswer({ text: 'Paris.', tokens: [1, 2], promptTokens: 37, finishReason: 'eos', ms: 812.5, firstTokenMs: 400, tokensPerSecond: 9.5 });
    assert.deepEqual(answer, { text: 'Paris.', tokens: [1, 2], promptTokens: 37, finishReason: 'eos', ms: 812.5, firstTokenMs: 400, tokensPerSecond: 9.5 });
    assert.equal(readAnswer({ text: '', tokens: [], finishReason: 'length', tokensPerSecond: 0 }).tokensPerSecond, null);
  });

  it('refuses what is not the contract, with a sentence for visitors', () => {
    const error = mock.method(console, 'error', () => {});
    try {
      for (const bad of [null, [], { text: 1, tokens: [], finishReason: 'eos' }, { text: '', tokens: [0.5], finishReason: 'eos' },
        { text: '', tokens: [], finishReason: 'stop' }, { text: '', finishReason: 'eos' }]) {
        assert.throws(() => readAnswer(bad), /^Error: The model returned an answer this page cannot show\./);
      }
    } finally {
      error.mock.restore();
    }
  });
});

describe('the sentences', () => {
  it('say what happens in plain words', () => {
    assert.equal(progressText(1, null), 'Generating… 1 token');
    assert.equal(progressText(23, 9.81), 'Generating… 23 tokens, 9.8 tokens/s');
    assert.equal(stoppedText(12), 'Stopped after 12 tokens.');
    assert.equal(stoppedText(1), 'Stopped after 1 token.');
    assert.equal(stoppedText(0), 'Stopped before the first token.');
    assert.equal(failedText(3), 'Stopped by an error after 3 tokens.');
    assert.equal(failedText(0), 'No answer: see the error below.');
    assert.equal(plural(1234, 'token'), '1,234 tokens');
    const base = { count: 40, ms: 3149, rate: 12.94, requested: 96, context: 2048 };
    assert.equal(doneText({ ...base, finishReason: 'eos' }), 'Done: 40 tokens in 3.1 s, 12.9 tokens/s.');
    assert.equal(doneText({ ...base, rate: null, finishReason: 'eos' }), 'Done: 40 tokens in 3.1 s.');
    assert.equal(doneText({ ...base, count: 96, finishReason: 'length' }),
      'Done: 96 tokens in 3.1 s, 12.9 tokens/s. The answer was cut at the limit of 96 new tokens.');
    assert.equal(doneText({ ...base, count: 50, finishReason: 'length' }),
      'Done: 50 tokens in 3.1 s, 12.9 tokens/s. The answer was cut where the model\'s context of 2,048 tokens ends.');
    assert.equal(precomputedText(7, 'eos'), 'Precomputed answer: 7 tokens, ended by the model.');
    assert.equal(describeSettings({ maxNewTokens: 9, temperature: 0, topK: 50, topP: 0.95, seed: 0 }), 'greedy (temperature 0)');
    assert.equal(describeSettings({ maxNewTokens: 9, temperature: 0.7, topK: 0, topP: 0.9, seed: 7 }),
      'sampled at temperature 0.7, top-k off, top-p 0.9, seed 7');
  });

  it('measure the rate over the steps after the first token', () => {
    assert.equal(liveRate(1, 0), null);
    assert.equal(liveRate(2, 0), null);
    assert.equal(liveRate(11, 1000), 10);
  });

  it('keep only well-formed examples', () => {
    const info = { examples: [...INFO.examples, { text: 'x', output: [{ label: 'a', score: 1 }] }, { text: 'y', output: { text: 'z', tokens: [], finish_reason: 'stop' } }, null] };
    assert.deepEqual(generationExamples(/** @type {any} */ (info)).map((e) => e.text), INFO.examples.map((e) => e.text));
  });
});

// ---- the fake API: load() when the test releases it; predict() streams when the test says ----

/**
 * @typedef {object} Call
 * @property {string} prompt
 * @property {Record<string, any>} options
 * @property {AbortSignal} signal
 * @property {(text: string) => void} token stream one token whose delta is `text`
 * @property {(extra?: Record<string, any>) => void} finish resolve with the streamed text as the answer
 * @property {(error: unknown) => void} fail
 * @property {boolean} settled
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
    /** @param {string} prompt @param {Record<string, any>} options */
    predict(prompt, options) {
      return new Promise((resolve, reject) => {
        /** @type {number[]} */
        const tokens = [];
        let text = '';
        /** @type {Call} */
        const call = {
          prompt, options, signal: options.signal, settled: false,
          token(delta) {
            tokens.push(tokens.length + 10);
            text += delta;
            options.onToken({ index: tokens.length - 1, token: tokens[tokens.length - 1], text: delta });
          },
          finish(extra = {}) {
            call.settled = true;
            resolve({ text, tokens: [...tokens], promptTokens: 30, finishReason: 'eos', ms: 50, firstTokenMs: 20, tokensPerSecond: 12.5, ...extra });
          },
          fail(error) { call.settled = true; reject(error); },
        };
        options.signal?.addEventListener('abort', () => { if (!call.settled) call.fail(abortError()); });
        calls.push(call);
      });
    },
    dispose() {},
  };
  const api = {
    loads: 0,
    release,
    /** @param {string} _id @param {{onProgress?: (p: {loaded: number, total: number}) => void}} options */
    async load(_id, { onProgress }) {
      api.loads++;
      onProgress?.({ loaded: 5e6, total: 1.435e8 });
      await held;
      onProgress?.({ loaded: 1.435e8, total: 1.435e8 });
      return model;
    },
  };
  return { api, calls, model };
}

const ANNOUNCE_WAIT = 70; // the shell sets the live region's text 50 ms after clearing it

/** @param {{backend?: string, hold?: boolean, info?: any}} [options] */
async function mount(options = {}) {
  const { api, calls } = fakeApi(options);
  const root = new FakeElement('div');
  root.setAttribute('class', 'vitrine-demo');
  root.dataset.model = INFO.id;
  mountGenerate(/** @type {any} */ (root), options.info ?? INFO, /** @type {any} */ (api), 'auto');
  await tick();
  const q = (/** @type {string} */ s) => /** @type {FakeElement} */ (root.querySelector(s));
  const w = {
    root, api, calls,
    textarea: q('textarea'),
    generate: q('button.vitrine-generate'),
    stop: q('button.vitrine-stop'),
    answer: q('.vitrine-gen-answer'),
    echo: q('.vitrine-gen-prompt'),
    status: q('.vitrine-gen-status'),
    source: q('.vitrine-source'),
    error: q('.vitrine-error'),
    announcer: q('.vitrine-announce'),
    form: q('form'),
    /** @param {string} name */
    field: (name) => q(`input[name="${name}"]`),
    errorText: () => (q('.vitrine-error').hidden ? null : q('.vitrine-error').textContent),
    problemText: () => (q('.vitrine-gen-problem').hidden ? null : q('.vitrine-gen-problem').textContent),
    /** @param {string} text */
    example: (text) => root.querySelectorAll('button.vitrine-text-example').find((b) => b.textContent === text),
    /** @param {string} key @param {Record<string, any>} [init] */
    key(key, init = {}) {
      const target = /** @type {FakeElement} */ (fakeDocument.activeElement ?? root);
      target.dispatchEvent(new FakeEvent('keydown', { key, ctrlKey: false, metaKey: false, ...init }));
    },
  };
  return w;
}

describe('the widget, with a fake model', () => {
  /** @type {any} */
  let errorLog;
  beforeEach(() => {
    Object.assign(globalThis, { document: fakeDocument, HTMLElement: FakeElement });
    fakeDocument.activeElement = null;
    errorLog = mock.method(console, 'error', () => {}); // the error box logs what it shows
  });
  afterEach(() => {
    errorLog.mock.restore();
    delete (/** @type {any} */ (globalThis)).document;
    delete (/** @type {any} */ (globalThis)).HTMLElement;
  });

  it('first shows the first example\'s precomputed answer, and generates nothing by itself', async () => {
    const w = await mount({ hold: true });
    const [first] = INFO.examples;
    assert.equal(w.textarea.value, first.text);
    assert.equal(w.root.dataset.source, 'precomputed');
    assert.equal(w.answer.textContent, first.output.text);
    assert.equal(w.echo.textContent, first.text);
    assert.equal(w.answer.dataset.finish, 'eos');
    assert.equal(w.status.textContent, 'Precomputed answer: 7 tokens, ended by the model.');
    assert.match(w.source.textContent, /^Precomputed when the site was built \(Python onnxruntime, greedy: temperature 0\)\. Press Generate/);
    // The model loads when the demo comes into view (the shell); the note says it is kept.
    assert.equal(w.api.loads, 1);
    assert.equal(w.root.dataset.state, 'loading');
    assert.equal(w.root.querySelector('.vitrine-gen-download')?.textContent,
      'The model (136.9 MB) is downloaded once; your browser keeps it for your next visit.');
    w.api.release();
    await tick();
    assert.equal(w.root.dataset.state, 'ready');
    assert.equal(w.calls.length, 0);
    assert.equal(w.stop.disabled, true);
    // The settings start at the manifest's defaults, with the contract's limits.
    assert.deepEqual(['max_new_tokens', 'temperature', 'top_k', 'top_p', 'seed'].map((n) => w.field(n).value), ['96', '0', '50', '0.95', '0']);
    assert.equal(w.field('max_new_tokens').getAttribute('max'), '512');
    assert.equal(w.root.querySelector('label[for="' + w.field('temperature').id + '"]')?.textContent, 'Temperature');
    assert.match(w.root.querySelector('#' + w.field('temperature').id + '-hint')?.textContent ?? '', /^0 = greedy/);
  });

  it('streams the answer token by token, then says how it went', async () => {
    const w = await mount();
    w.textarea.value = 'Name three fruits.';
    w.generate.click();
    await tick();
    assert.equal(w.calls.length, 1);
    const [call] = w.calls;
    assert.equal(call.prompt, 'Name three fruits.');
    assert.deepEqual(Object.keys(call.options).sort(), ['maxNewTokens', 'onToken', 'seed', 'signal', 'temperature', 'topK', 'topP']);
    assert.deepEqual({ ...call.options, signal: undefined, onToken: undefined },
      { maxNewTokens: 96, temperature: 0, topK: 50, topP: 0.95, seed: 0, signal: undefined, onToken: undefined });
    assert.equal(w.root.dataset.source, 'live');
    assert.equal(w.root.dataset.generating, 'true');
    assert.equal(w.stop.disabled, false);
    assert.equal(w.answer.textContent, '');
    assert.equal(w.echo.textContent, 'Name three fruits.');
    assert.equal(w.source.textContent, 'Live answer, generated in your browser: greedy (temperature 0).');
    assert.equal(w.status.textContent, 'Reading the prompt…');
    await new Promise((r) => setTimeout(r, ANNOUNCE_WAIT));
    assert.equal(w.announcer.textContent, 'Generating an answer.');
    call.token('Apple');
    assert.equal(w.answer.textContent, 'Apple');
    assert.equal(w.status.textContent, 'Generating… 1 token');
    await new Promise((r) => setTimeout(r, 5));
    call.token('');  // an incomplete character held back by the worker: nothing to add yet
    call.token(', banana');
    assert.equal(w.answer.textContent, 'Apple, banana');
    assert.match(w.status.textContent, /^Generating… 3 tokens, \d+\.\d tokens\/s$/);
    assert.equal(w.answer.dataset.tokens, '3');
    assert.equal(w.announcer.textContent, 'Generating an answer.', 'tokens are not announced');
    call.token(' and cherry.');
    call.finish();
    await tick();
    assert.equal(w.answer.textContent, 'Apple, banana and cherry.');
    assert.equal(w.answer.childNodes.length, 1, 'one text node, appended to');
    assert.equal(w.answer.dataset.finish, 'eos');
    assert.match(w.status.textContent, /^Done: 4 tokens in \d+\.\d s, 12\.5 tokens\/s\.$/);
    assert.equal(w.root.dataset.generating, undefined);
    assert.equal(w.stop.disabled, true);
    assert.equal(w.root.querySelector('.vitrine-time')?.textContent, 'last answer 80.0 ms per token');
    await new Promise((r) => setTimeout(r, ANNOUNCE_WAIT));
    assert.equal(w.announcer.textContent, 'Answer ready: 4 tokens.');
  });

  it('the final text wins over the deltas, and an answer cut at the limit says so', async () => {
    const w = await mount();
    w.field('max_new_tokens').value = '2';
    w.generate.click();
    await tick();
    w.calls[0].token('ab');
    w.calls[0].token('c');
    w.calls[0].finish({ text: 'abc!', finishReason: 'length' });
    await tick();
    assert.equal(w.calls[0].options.maxNewTokens, 2);
    assert.equal(w.answer.textContent, 'abc!');
    assert.match(w.status.textContent, /The answer was cut at the limit of 2 new tokens\.$/);
  });

  it('Stop stops the run, drops its late tokens, and a new run then works', async () => {
    const w = await mount();
    w.generate.click();
    await tick();
    const [first] = w.calls;
    first.token('The capital');
    w.stop.focus();
    w.stop.click();
    await tick();
    assert.equal(first.signal.aborted, true);
    assert.equal(w.status.textContent, 'Stopped after 1 token.');
    assert.equal(w.answer.dataset.finish, 'stopped');
    assert.equal(w.stop.disabled, true);
    assert.equal(fakeDocument.activeElement, w.generate, 'focus leaves the disabled Stop button for Generate');
    assert.equal(w.errorText(), null, 'stopping is not an error');
    first.options.onToken({ index: 1, token: 5, text: ' of France' }); // a token already on its way
    assert.equal(w.answer.textContent, 'The capital');
    await new Promise((r) => setTimeout(r, ANNOUNCE_WAIT));
    assert.equal(w.announcer.textContent, 'Stopped after 1 token.');
    w.generate.click();
    await tick();
    assert.equal(w.calls.length, 2);
    w.calls[1].token('Paris.');
    w.calls[1].finish();
    await tick();
    assert.equal(w.answer.textContent, 'Paris.');
    assert.match(w.status.textContent, /^Done: 1 token in /);
  });

  it('Escape stops; Ctrl+Enter and ⌘+Enter generate', async () => {
    const w = await mount();
    w.textarea.focus();
    w.key('Enter', { ctrlKey: true });
    await tick();
    assert.equal(w.calls.length, 1);
    w.calls[0].token('x');
    w.key('Escape');
    await tick();
    assert.equal(w.calls[0].signal.aborted, true);
    assert.equal(w.status.textContent, 'Stopped after 1 token.');
    w.key('Escape'); // nothing running: nothing happens
    assert.equal(w.status.textContent, 'Stopped after 1 token.');
    w.field('seed').focus();
    w.key('Enter', { metaKey: true });
    await tick();
    assert.equal(w.calls.length, 2);
    w.textarea.focus();
    w.key('Enter'); // plain Enter in the textarea is a new line, not a run
    await tick();
    assert.equal(w.calls.length, 2);
  });

  it('a new Generate while one runs stops the old one first', async () => {
    const w = await mount();
    w.textarea.value = 'first prompt';
    w.generate.click();
    await tick();
    w.calls[0].token('old answer');
    w.textarea.value = 'second prompt';
    w.generate.click();
    await tick();
    assert.equal(w.calls[0].signal.aborted, true);
    assert.equal(w.calls.length, 2, 'the new run starts once the old one has settled');
    assert.equal(w.calls[1].prompt, 'second prompt');
    assert.equal(w.answer.textContent, '');
    assert.equal(w.echo.textContent, 'second prompt');
    w.calls[0].options.onToken({ index: 1, token: 3, text: ' LATE' });
    w.calls[1].token('new');
    assert.equal(w.answer.textContent, 'new');
    assert.equal(w.status.textContent, 'Generating… 1 token');
    w.calls[1].finish();
    await tick();
    assert.equal(w.answer.textContent, 'new');
    assert.equal(w.answer.dataset.finish, 'eos');
  });

  it('refuses an empty or too long prompt and wrong settings before anything runs', async () => {
    const w = await mount();
    w.textarea.value = '   ';
    w.generate.click();
    await tick();
    // Said next to the buttons (an alert), not in the error box at the foot of the demo.
    assert.equal(w.problemText(), 'Type a prompt.');
    assert.equal(w.root.querySelector('.vitrine-gen-problem')?.getAttribute('role'), 'alert');
    assert.equal(w.errorText(), null);
    assert.equal(fakeDocument.activeElement, w.textarea);
    w.textarea.value = 'x'.repeat(20_000);
    w.generate.click();
    assert.match(w.problemText() ?? '', /^The prompt is too long: 20,000 characters, and this model reads at most about 16,384 characters/);
    w.textarea.value = 'Hello';
    w.field('temperature').value = '3';
    w.field('top_p').value = '0';
    w.generate.click();
    await tick();
    assert.equal(w.problemText(), 'Check the settings: Temperature must be a number from 0 to 2 (0 = greedy).');
    const temperature = w.field('temperature');
    assert.equal(temperature.getAttribute('aria-invalid'), 'true');
    assert.equal(w.field('top_p').getAttribute('aria-invalid'), 'true');
    assert.equal(fakeDocument.activeElement, temperature, 'focus goes to the first wrong setting');
    const errorId = `${temperature.id}-error`;
    assert.equal(temperature.getAttribute('aria-describedby'), `${temperature.id}-hint ${errorId}`);
    assert.equal(w.root.querySelector(`#${errorId}`)?.textContent, 'Temperature must be a number from 0 to 2 (0 = greedy).');
    assert.equal(w.calls.length, 0);
    // Put right, the mark goes as the visitor types.
    temperature.value = '0.7';
    temperature.dispatchEvent(new FakeEvent('input'));
    assert.equal(temperature.getAttribute('aria-invalid'), null);
    assert.equal(w.root.querySelector(`#${errorId}`)?.hidden, true);
    assert.equal(w.problemText(), 'Check the settings: Temperature must be a number from 0 to 2 (0 = greedy).', 'top-p is still wrong');
    w.field('top_p').value = '0.9';
    w.field('top_p').dispatchEvent(new FakeEvent('input'));
    assert.equal(w.problemText(), null, 'all right now: the message goes');
    w.generate.click();
    await tick();
    assert.equal(w.problemText(), null);
    assert.equal(w.calls.length, 1);
    assert.deepEqual([w.calls[0].options.temperature, w.calls[0].options.topP], [0.7, 0.9]);
    assert.equal(w.source.textContent, 'Live answer, generated in your browser: sampled at temperature 0.7, top-k 50, top-p 0.9, seed 0.');
  });

  it('shows a failure in the alert box, with what streamed before it', async () => {
    const w = await mount();
    w.generate.click();
    await tick();
    w.calls[0].token('Half');
    w.calls[0].fail(new Error('The model stopped working (the worker crashed); reload the page.'));
    await tick();
    assert.equal(w.errorText(), 'The model stopped working (the worker crashed); reload the page.');
    assert.equal(w.answer.textContent, 'Half');
    assert.equal(w.answer.dataset.finish, 'failed');
    assert.equal(w.status.textContent, 'Stopped by an error after 1 token.');
    assert.equal(w.stop.disabled, true);
    // A token-count error from the worker, then an answer that breaks the contract.
    w.generate.click();
    await tick();
    assert.equal(w.errorText(), null, 'a new run clears the old error');
    w.calls[1].fail(new Error('The prompt is 1100 tokens long; this model reads at most 1024. Shorten it.'));
    await tick();
    assert.equal(w.errorText(), 'The prompt is 1100 tokens long; this model reads at most 1024. Shorten it.');
    assert.equal(w.status.textContent, 'No answer: see the error below.');
    w.generate.click();
    await tick();
    w.calls[2].finish({ finishReason: 'maybe' });
    await tick();
    assert.match(w.errorText() ?? '', /^The model returned an answer this page cannot show\./);
  });

  it('an example shows its precomputed answer before the model is here, and runs live once it is', async () => {
    const w = await mount({ hold: true });
    const poem = INFO.examples[1];
    w.example(poem.text)?.click();
    await tick();
    assert.equal(w.textarea.value, poem.text);
    assert.equal(w.root.dataset.source, 'precomputed');
    assert.equal(w.answer.textContent, poem.output.text);
    assert.equal(w.status.textContent, 'Precomputed answer: 5 tokens, cut at the limit of new tokens.');
    assert.equal(w.calls.length, 0);
    await new Promise((r) => setTimeout(r, ANNOUNCE_WAIT));
    assert.equal(w.announcer.textContent, 'Precomputed answer: 5 tokens.');
    // Generate while the model downloads: the run waits for it, and says so.
    w.generate.click();
    await tick();
    assert.equal(w.status.textContent, 'Waiting for the model to download (only the first time)…');
    assert.equal(w.root.dataset.generating, 'true');
    assert.equal(w.stop.disabled, false);
    w.api.release();
    await tick();
    assert.equal(w.calls.length, 1);
    assert.equal(w.status.textContent, 'Reading the prompt…');
    w.calls[0].finish();
    await tick();
    // With the model here, an example runs live.
    const france = INFO.examples[0];
    w.example(france.text)?.click();
    await tick();
    assert.equal(w.calls.length, 2);
    assert.equal(w.calls[1].prompt, france.text);
    assert.equal(w.root.dataset.source, 'live');
    for (const part of ['The capital', ' of France', ' is Paris.']) w.calls[1].token(part);
    w.calls[1].finish();
    await tick();
    assert.equal(w.answer.textContent, france.output.text);
  });

  it('Stop while the model downloads cancels the waiting run', async () => {
    const w = await mount({ hold: true });
    w.generate.click();
    await tick();
    w.stop.click();
    await tick();
    assert.equal(w.status.textContent, 'Stopped before the first token.');
    w.api.release();
    await tick();
    assert.equal(w.calls.length, 0);
  });

  it('on the static tier, answers the examples and says why nothing else', async () => {
    const w = await mount({ backend: 'static' });
    const poem = INFO.examples[1];
    w.example(poem.text)?.click();
    await tick();
    assert.equal(w.answer.textContent, poem.output.text);
    assert.equal(w.source.textContent, 'Precomputed when the site was built (Python onnxruntime, greedy: temperature 0).');
    w.generate.click();
    await tick();
    assert.equal(w.answer.textContent, poem.output.text);
    assert.equal(w.errorText(), null);
    w.textarea.value = 'Something else';
    w.generate.click();
    await tick();
    assert.equal(w.errorText(),
      'This prompt is not one of the examples, and the model cannot run here. Live predictions are turned off (?backend=static); only the precomputed examples are shown.');
    assert.equal(w.calls.length, 0);
  });

  it('keeps HTML in prompts and answers as text', async () => {
    const w = await mount({ hold: true });
    const html = INFO.examples[2];
    w.example(html.text)?.click();
    assert.equal(w.answer.textContent, HTML_ANSWER);
    assert.equal(w.echo.textContent, html.text);
    w.api.release();
    await tick();
    w.textarea.value = '<img src=x onerror="globalThis.__xss=3">Say <b>hi</b>';
    w.generate.click();
    await tick();
    for (const part of ['<b>', 'bold</b> ', '<script>globalThis.__xss=2</script>']) w.calls[0].token(part);
    w.calls[0].finish();
    await tick();
    assert.equal(w.echo.textContent, '<img src=x onerror="globalThis.__xss=3">Say <b>hi</b>');
    assert.equal(w.answer.textContent, '<b>bold</b> <script>globalThis.__xss=2</script>');
    assert.equal(w.answer.children.length, 0, 'only text nodes in the answer');
    assert.equal(w.echo.children.length, 0, 'only text nodes in the prompt');
    for (const tag of ['b', 'img', 'script']) assert.deepEqual(w.root.querySelectorAll(tag), [], tag);
    assert.equal(/** @type {any} */ (globalThis).__xss, undefined);
  });
});
