// The demo widget for text generation (task "text-generation"), on the demo shell (demo_shell.js:
// loading, status, errors, cancellation). Input: a labelled prompt box, the card's example prompts as
// buttons, the generation settings (max new tokens, temperature, top-k, top-p, seed; defaults and
// limits from the manifest) and Generate / Stop buttons (Ctrl+Enter or ⌘+Enter generates, Escape stops).
// Output: the prompt the answer is for, the answer streaming in token by token, and a status line in
// words ("Generating… 23 tokens, 9.8 tokens/s", "Stopped after 12 tokens.", "Done: 40 tokens in 3.1 s.").
//
// Runs go through the shell's runner: one generation at a time; a new Generate cancels the one in
// flight (its signal aborts, the worker stops its loop) before the new one starts; Stop cancels it. The
// polite live region announces a run's start and end, never each token. Before the runtime is loaded,
// and on the static tier, an example prompt shows the build's greedy answer (the manifest's examples),
// marked as precomputed; nothing is generated until the visitor asks (the model is about 137 MB).
//
// Contract of the model call (the public API, js_runtime/model.js):
//   await m.predict(prompt, {maxNewTokens, temperature, topK, topP, seed, signal, onToken})
//     → {text, tokens, promptTokens, finishReason: "eos"|"length", ms, firstTokenMs, tokensPerSecond};
//   onToken({index, token, text}) once per generated token, `text` the new part of the answer (may be "").
// Model and visitor text only ever goes into the page as text nodes.
import { h } from './dom.js';
import { formatBytes, formatMs, mountShell } from './demo_shell.js';
import { exampleButtons } from './demo_text.js';
import { cutPassage } from './demo_search.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./demo_shell.js').Model} Model */

/**
 * The generation settings, as the model call takes them.
 * @typedef {object} Settings
 * @property {number} maxNewTokens whole number, 1..limits.maxNewTokens
 * @property {number} temperature 0..2; 0 = greedy
 * @property {number} topK whole number ≥ 0; 0 = off
 * @property {number} topP above 0, at most 1
 * @property {number} seed whole number, 0..2^32 − 1
 */

/** @typedef {keyof Settings} SettingKey */

/**
 * What the widget reads from the manifest entry: the prompt and answer limits and the defaults.
 * @typedef {object} Limits
 * @property {number} maxTokens the templated prompt may have at most this many tokens
 * @property {number} maxChars prompts longer than this are refused before tokenizing
 * @property {number} context prompt tokens + generated tokens at most
 * @property {number} maxNewTokens the most one request may ask for
 * @property {Settings} defaults
 * @property {string} system the chat template's system message ('' if none)
 */

/**
 * One streamed token.
 * @typedef {object} Chunk
 * @property {number} index
 * @property {number} token
 * @property {string} text the new part of the answer
 */

/**
 * A finished answer, checked against the contract.
 * @typedef {object} Answer
 * @property {string} text
 * @property {number[]} tokens
 * @property {number} promptTokens
 * @property {'eos'|'length'} finishReason
 * @property {number | null} ms session time in the worker
 * @property {number | null} firstTokenMs
 * @property {number | null} tokensPerSecond over the decode steps
 */

/**
 * A precomputed example: the card's prompt and the build's greedy answer.
 * @typedef {object} GenerationExample
 * @property {string} text the prompt
 * @property {{text: string, tokens: number[], prompt_tokens: number, finish_reason: 'eos'|'length'}} output
 */

/**
 * @typedef {{predict(prompt: string, options: Settings & {signal: AbortSignal, onToken: (chunk: Chunk) => void}):
 *   Promise<unknown>}} GenerationModel
 */

/**
 * A setting's form field: its label, the number box's attributes, the hint under it and the check.
 * @typedef {object} SettingSpec
 * @property {SettingKey} key
 * @property {string} name the form control's name
 * @property {string} label
 * @property {string} hint
 * @property {{min: number, max?: number, step: string, inputmode: string}} attrs
 * @property {(value: number) => boolean} ok
 * @property {string} message what is wrong, as visitors read it
 */

/** Prompts longer than max_tokens × this many characters are refused before tokenizing (the contract). */
export const CHARS_PER_TOKEN = 16;
/** The largest seed (the sampler's PRNG takes 32 bits). */
export const MAX_SEED = 4294967295;
/** The highest temperature the API accepts. */
export const MAX_TEMPERATURE = 2;
/** The prompt shown above the answer is cut (at a word) after this many characters; the box has it all. */
export const ECHO_CHARS = 400;
/** The contract's values, used where a manifest lacks one (or has one outside the limits). */
const CONTRACT = { maxTokens: 1024, context: 2048, maxNewTokens: 512 };
const CONTRACT_DEFAULTS = /** @type {Settings} */ ({ maxNewTokens: 128, temperature: 0, topK: 50, topP: 0.95, seed: 0 });

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the text-generation widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto"
 */
export function mountGenerate(root, info, api, variant) {
  const examples = generationExamples(info);
  const limits = generationLimits(info);
  const specs = settingSpecs(limits);

  /**
   * What the runner runs: the prompt, its settings and the run whose output is on screen.
   * @typedef {{prompt: string, settings: Settings, run: Run}} Request
   */
  /**
   * @typedef {{kind: 'live', answer: Answer, ms: number} | {kind: 'precomputed', example: GenerationExample}} Outcome
   */

  /** @type {import('./demo_shell.js').Shell<Request>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    debounceMs: 0,
    inputsLabel: `Prompt for ${info.title}`,
    async predict(model, { prompt, settings, run }, signal) {
      if (model.backend === 'static') {
        const example = examples.find((e) => e.text === prompt);
        if (!example) throw new Error(notAnExample(model));
        return /** @type {Outcome} */ ({ kind: 'precomputed', example });
      }
      return /** @type {Outcome} */ ({ kind: 'live', ...await generateLive(/** @type {GenerationModel} */ (/** @type {unknown} */ (model)), prompt, settings, run, signal) });
    },
    onResult(outcome, { run }) {
      if (outcome.kind === 'precomputed') {
        endRun(run, 'superseded');
        showPrecomputed(outcome.example);
      } else {
        finishRun(run, outcome.answer, outcome.ms);
      }
    },
    onError(_error, { run }) {
      endRun(run, 'failed');
    },
  });
  const { uid } = shell;
  root.classList.add('vitrine-demo--generate');

  // ---- input: prompt, examples, settings, actions ----
  const promptId = `${uid}-prompt`;
  const hintId = `${uid}-prompt-hint`;
  const textarea = h('textarea', {
    id: promptId, name: 'prompt', class: 'vitrine-textarea', rows: 4, spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': hintId,
  });
  const promptField = h('div', { class: 'vitrine-text-field' },
    h('label', { for: promptId }, 'Prompt'),
    textarea,
    h('small', { class: 'vitrine-hint', id: hintId },
      'Ctrl+Enter (⌘+Enter on a Mac) generates; Escape stops. The model reads your prompt as one chat message; it stays in your browser.'));

  /** @type {Map<SettingKey, {input: HTMLInputElement, setError: (message: string | null) => void}>} */
  const fields = new Map();
  const settingsBox = h('div', { class: 'vitrine-gen-settings-grid' });
  for (const spec of specs) {
    const id = `${uid}-${spec.name}`;
    const input = h('input', {
      type: 'number', id, name: spec.name, ...spec.attrs, value: String(limits.defaults[spec.key]),
      'aria-describedby': `${id}-hint`,
    });
    const errorBox = h('small', { class: 'vitrine-field-error', id: `${id}-error`, hidden: true });
    const el = h('div', { class: 'vitrine-gen-setting' },
      h('label', { for: id }, spec.label), input, h('small', { class: 'vitrine-hint', id: `${id}-hint` }, spec.hint), errorBox);
    /** @param {string | null} message */
    const setError = (message) => {
      errorBox.textContent = message ?? '';
      errorBox.hidden = message === null;
      el.classList.toggle('vitrine-invalid', message !== null);
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', message === null ? `${id}-hint` : `${id}-hint ${id}-error`);
    };
    // A field marked wrong is checked again as it changes, so the mark goes as soon as it is right.
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') !== 'true') return;
      const checked = readSetting(spec, input.value);
      if (!checked.ok) return;
      setError(null);
      if (settingsProblem && [...fields.values()].every((f) => f.input.getAttribute('aria-invalid') !== 'true')) showProblem(null);
    });
    fields.set(spec.key, { input, setError });
    settingsBox.append(el);
  }
  const settings = h('fieldset', { class: 'vitrine-gen-settings' },
    h('legend', {}, 'Settings'),
    settingsBox,
    h('p', { class: 'vitrine-hint vitrine-gen-settings-note' },
      'Top-k, top-p and the seed apply only when the temperature is above 0; the same seed and settings give the same answer.'));

  const generateButton = h('button', { type: 'submit', class: 'vitrine-generate md-button md-button--primary' }, 'Generate');
  const stopButton = h('button', { type: 'button', class: 'vitrine-stop md-button', disabled: true }, 'Stop');
  const variantInfo = info.variants?.find((v) => v.name === (variant === 'auto' ? info.default_variant : variant));
  const downloadNote = h('p', { class: 'vitrine-gen-download' },
    `The model${variantInfo ? ` (${formatBytes(variantInfo.bytes)})` : ''} is downloaded once; your browser keeps it for your next visit.`);
  // What is wrong with the prompt or the settings, next to the buttons (the shell's error box, at the foot
  // of the demo, is for what went wrong while running).
  const problem = h('p', { class: 'vitrine-gen-problem', role: 'alert', hidden: true });
  const form = h('form', { class: 'vitrine-gen-form', novalidate: true },
    promptField,
    ...optional(exampleButtons(examples, `${uid}-examples`, 'Example prompts', (example) => pickExample(example))),
    settings,
    h('div', { class: 'vitrine-actions' }, generateButton, stopButton),
    problem,
    downloadNote);
  shell.inputs.append(form, shell.staticNote);

  // ---- output: the prompt, the answer, the status ----
  const source = h('p', { class: 'vitrine-source' });
  const promptTitle = h('p', { class: 'vitrine-gen-role', id: `${uid}-echo-title` }, 'Prompt');
  const echo = h('p', { class: 'vitrine-gen-prompt' });
  const answerTitle = h('p', { class: 'vitrine-gen-role', id: `${uid}-answer-title` }, 'Answer');
  const answer = h('div', { class: 'vitrine-gen-answer' });
  const status = h('p', { class: 'vitrine-gen-status' });
  shell.output.append(h('div', { class: 'vitrine-panel vitrine-gen-result' },
    source, promptTitle, echo, answerTitle, answer, status));
  root.dataset.source = 'none';

  // ---- state ----
  /**
   * One generation, from Generate to its end. Its tokens go into its own text node, and only while it
   * has not ended: a stopped or superseded run's late tokens are dropped.
   * @typedef {object} Run
   * @property {Text} node
   * @property {number} count tokens received
   * @property {string} text what the deltas add up to
   * @property {number} startedAt when the model call started (performance.now(); 0 before)
   * @property {number} firstAt when the first token came (0 before)
   * @property {boolean} ended
   * @property {Settings} settings
   */
  /** @type {Run | null} */
  let active = null;
  /** Whether the problem shown is about the settings (it goes once they are all right). */
  let settingsProblem = false;

  /**
   * @param {string} prompt
   * @param {Settings} chosen
   * @returns {Run}
   */
  function beginRun(prompt, chosen) {
    const node = document.createTextNode('');
    const run = { node, count: 0, text: '', startedAt: 0, firstAt: 0, ended: false, settings: chosen };
    active = run;
    root.dataset.source = 'live';
    root.dataset.generating = 'true';
    source.textContent = `Live answer, generated in your browser: ${describeSettings(chosen)}.`;
    echo.textContent = cutPassage(prompt, ECHO_CHARS);
    answer.replaceChildren(node);
    answer.setAttribute('aria-busy', 'true');
    delete answer.dataset.finish;
    answer.dataset.tokens = '0';
    const model = shell.model();
    status.textContent = model ? 'Reading the prompt…' : 'Waiting for the model to download (only the first time)…';
    stopButton.disabled = false;
    shell.announce('Generating an answer.');
    return run;
  }

  /**
   * The model call of one run, its tokens streamed into the answer.
   * @param {GenerationModel} model
   * @param {string} prompt
   * @param {Settings} chosen
   * @param {Run} run
   * @param {AbortSignal} signal
   * @returns {Promise<{answer: Answer, ms: number}>}
   */
  async function generateLive(model, prompt, chosen, run, signal) {
    if (!run.ended) status.textContent = 'Reading the prompt…';
    run.startedAt = performance.now();
    const raw = await model.predict(prompt, {
      ...chosen,
      signal,
      onToken(chunk) {
        if (run.ended || signal.aborted) return;
        const now = performance.now();
        if (run.count === 0) run.firstAt = now;
        run.count += 1;
        const delta = typeof chunk?.text === 'string' ? chunk.text : '';
        if (delta) {
          run.node.appendData(delta);
          run.text += delta;
        }
        answer.dataset.tokens = String(run.count);
        status.textContent = progressText(run.count, liveRate(run.count, now - run.firstAt));
      },
    });
    return { answer: readAnswer(raw), ms: performance.now() - run.startedAt };
  }

  /**
   * A run that ended without an answer: stopped, failed, or replaced by a newer one.
   * @param {Run} run
   * @param {'stopped'|'failed'|'superseded'} how
   */
  function endRun(run, how) {
    if (run.ended) return;
    run.ended = true;
    if (active !== run) return;
    active = null;
    settle();
    if (how === 'superseded') return;
    answer.dataset.finish = how;
    status.textContent = how === 'stopped' ? stoppedText(run.count) : failedText(run.count);
    if (how === 'stopped') shell.announce(status.textContent);
  }

  /**
   * @param {Run} run
   * @param {Answer} result
   * @param {number} ms the call's time on the page
   */
  function finishRun(run, result, ms) {
    if (run.ended || active !== run) return;
    run.ended = true;
    active = null;
    settle();
    // The deltas add up to the final text; should one have gone missing, the final text is what counts.
    if (run.text !== result.text) run.node.data = result.text;
    const count = result.tokens.length;
    answer.dataset.finish = result.finishReason;
    answer.dataset.tokens = String(count);
    const rate = result.tokensPerSecond ?? liveRate(count, run.firstAt ? performance.now() - run.firstAt : 0);
    status.textContent = doneText({
      count, ms, rate, finishReason: result.finishReason, requested: run.settings.maxNewTokens, context: limits.context,
    });
    shell.setTime(rate ? `last answer ${formatMs(1000 / rate)} per token` : '');
    shell.announce(`Answer ready: ${plural(count, 'token')}.`);
  }

  /** No run on screen any more: Stop is off (its focus, if it had it, moves to Generate). */
  function settle() {
    delete root.dataset.generating;
    answer.removeAttribute('aria-busy');
    if (document.activeElement === stopButton) generateButton.focus();
    stopButton.disabled = true;
  }

  /** @param {GenerationExample} example */
  function showPrecomputed(example) {
    root.dataset.source = 'precomputed';
    delete root.dataset.generating;
    source.textContent = 'Precomputed when the site was built (Python onnxruntime, greedy: temperature 0).' +
      (shell.isStatic() ? '' : ' Press Generate to run the model in your browser.');
    echo.textContent = cutPassage(example.text, ECHO_CHARS);
    answer.replaceChildren(document.createTextNode(example.output.text));
    answer.removeAttribute('aria-busy');
    answer.dataset.finish = example.output.finish_reason;
    answer.dataset.tokens = String(example.output.tokens.length);
    status.textContent = precomputedText(example.output.tokens.length, example.output.finish_reason);
  }

  function clearAnswer() {
    root.dataset.source = 'none';
    source.textContent = 'Type a prompt and press Generate, or pick an example.';
    echo.textContent = '';
    answer.replaceChildren();
    delete answer.dataset.finish;
    delete answer.dataset.tokens;
    status.textContent = '';
  }

  // ---- actions ----
  /**
   * The settings in the form, or null after marking what is wrong (the error box names the first problem).
   * @returns {Settings | null}
   */
  function readForm() {
    /** @type {Record<string, string>} */
    const values = {};
    for (const [key, field] of fields) values[key] = field.input.value;
    const checked = readSettings(values, limits);
    for (const [key, field] of fields) field.setError(checked.ok ? null : checked.errors[key] ?? null);
    if (checked.ok) return checked.settings;
    const first = specs.find((s) => !checked.ok && checked.errors[s.key]);
    if (first) {
      showProblem(`Check the settings: ${checked.errors[first.key]}`);
      settingsProblem = true;
      fields.get(first.key)?.input.focus();
    }
    return null;
  }

  /** @param {string | null} message */
  function showProblem(message) {
    settingsProblem = false;
    problem.textContent = message ?? '';
    problem.hidden = message === null;
  }

  function generate() {
    shell.clearError();
    showProblem(null);
    const prompt = textarea.value;
    const wrong = checkPrompt(prompt, limits);
    if (wrong) {
      showProblem(wrong);
      textarea.focus();
      return;
    }
    const chosen = readForm();
    if (!chosen) return;
    const model = shell.model();
    if (model?.backend === 'static') {
      stopRun();
      const example = examples.find((e) => e.text === prompt);
      if (example) showPrecomputed(example);
      else shell.showError(new Error(notAnExample(model)));
      return;
    }
    if (active) endRun(active, 'superseded'); // the runner cancels its call before it starts this one
    shell.runNow({ prompt, settings: chosen, run: beginRun(prompt, chosen) });
  }

  /** Stop the run in flight (or waiting for the model), if any. */
  function stopRun() {
    if (!active) return;
    shell.cancel();
    endRun(active, 'stopped');
  }

  /** @param {GenerationExample} example */
  function pickExample(example) {
    textarea.value = example.text;
    const model = shell.model();
    if (model && model.backend !== 'static') {
      generate(); // the live model is here: run it, with the settings in the form
      return;
    }
    // Before the runtime is here (or where it cannot run): the build's answer at once.
    if (active) {
      shell.cancel();
      endRun(active, 'superseded');
    }
    shell.clearError();
    showProblem(null);
    showPrecomputed(example);
    shell.announce(`Precomputed answer: ${plural(example.output.tokens.length, 'token')}.`);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    generate();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      generate();
    }
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && active) {
      event.preventDefault();
      stopRun();
    }
  });
  stopButton.addEventListener('click', () => stopRun());

  // ---- first paint: the first example, precomputed ----
  const first = examples[0];
  if (first) {
    textarea.value = first.text;
    showPrecomputed(first);
  } else {
    clearAnswer();
  }
}

/** @template T @param {T | null} x @returns {T[]} */
function optional(x) {
  return x === null ? [] : [x];
}

/**
 * @param {Model} model a static-tier handle
 */
function notAnExample(model) {
  const why = 'notice' in model && typeof model.notice === 'string' ? ` ${model.notice}` : '';
  return `This prompt is not one of the examples, and the model cannot run here.${why}`;
}

// ---- pure parts (tests/js/demo_generate.test.js) ----

/**
 * The manifest's examples of a generation model ({text, output: {text, tokens, prompt_tokens,
 * finish_reason}}), skipping anything else.
 * @param {ModelEntry} info
 * @returns {GenerationExample[]}
 */
export function generationExamples(info) {
  const list = /** @type {unknown[]} */ (Array.isArray(info.examples) ? info.examples : []);
  return /** @type {GenerationExample[]} */ (list.filter((e) => {
    const x = /** @type {Record<string, any> | null} */ (e);
    const out = x?.output;
    return x !== null && typeof x === 'object' && typeof x.text === 'string' && out !== null && typeof out === 'object' &&
      typeof out.text === 'string' && Array.isArray(out.tokens) && (out.finish_reason === 'eos' || out.finish_reason === 'length');
  }));
}

/**
 * The limits and defaults of a generation model, from its manifest entry (the contract's values where
 * the entry lacks one; a default outside the limits is replaced by the contract's).
 * @param {ModelEntry} info
 * @returns {Limits}
 */
export function generationLimits(info) {
  const pre = /** @type {Record<string, any>} */ (info.preprocessing ?? {});
  const post = /** @type {Record<string, any>} */ (info.postprocessing ?? {});
  /** @param {unknown} v @param {number} fallback */
  const positiveInt = (v, fallback) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback);
  const maxTokens = positiveInt(pre.max_tokens, CONTRACT.maxTokens);
  const context = positiveInt(post.context, CONTRACT.context);
  const maxNewTokens = Math.max(1, Math.min(positiveInt(post.max_new_tokens, CONTRACT.maxNewTokens), context));
  const partial = { maxTokens, maxChars: maxTokens * CHARS_PER_TOKEN, context, maxNewTokens, defaults: CONTRACT_DEFAULTS, system: '' };
  const given = /** @type {Record<string, unknown>} */ (post.defaults ?? {});
  const names = /** @type {Record<SettingKey, string>} */ ({
    maxNewTokens: 'max_new_tokens', temperature: 'temperature', topK: 'top_k', topP: 'top_p', seed: 'seed',
  });
  const defaults = { ...CONTRACT_DEFAULTS, maxNewTokens: Math.min(CONTRACT_DEFAULTS.maxNewTokens, maxNewTokens) };
  for (const spec of settingSpecs(partial)) {
    const v = given[names[spec.key]];
    if (typeof v === 'number' && spec.ok(v)) defaults[spec.key] = v;
  }
  const system = pre.chat_template?.system;
  return { ...partial, defaults, system: typeof system === 'string' ? system : '' };
}

/**
 * The settings' form fields, in the order the form shows them.
 * @param {Pick<Limits, 'maxNewTokens'>} limits
 * @returns {SettingSpec[]}
 */
export function settingSpecs(limits) {
  const max = limits.maxNewTokens;
  return [
    {
      key: 'maxNewTokens', name: 'max_new_tokens', label: 'Max new tokens', hint: `1 to ${max}`,
      attrs: { min: 1, max, step: '1', inputmode: 'numeric' },
      ok: (v) => Number.isInteger(v) && v >= 1 && v <= max,
      message: `Max new tokens must be a whole number from 1 to ${max}.`,
    },
    {
      key: 'temperature', name: 'temperature', label: 'Temperature', hint: '0 = greedy: always the most likely token',
      attrs: { min: 0, max: MAX_TEMPERATURE, step: '0.1', inputmode: 'decimal' },
      ok: (v) => v >= 0 && v <= MAX_TEMPERATURE,
      message: `Temperature must be a number from 0 to ${MAX_TEMPERATURE} (0 = greedy).`,
    },
    {
      key: 'topK', name: 'top_k', label: 'Top-k', hint: 'the k likeliest tokens; 0 = all',
      attrs: { min: 0, step: '1', inputmode: 'numeric' },
      ok: (v) => Number.isInteger(v) && v >= 0,
      message: 'Top-k must be a whole number, 0 or more (0 = off).',
    },
    {
      key: 'topP', name: 'top_p', label: 'Top-p', hint: 'above 0, at most 1; 1 = off',
      attrs: { min: 0, max: 1, step: '0.05', inputmode: 'decimal' },
      ok: (v) => v > 0 && v <= 1,
      message: 'Top-p must be a number above 0 and at most 1.',
    },
    {
      key: 'seed', name: 'seed', label: 'Seed', hint: `0 to ${MAX_SEED}`,
      attrs: { min: 0, max: MAX_SEED, step: '1', inputmode: 'numeric' },
      ok: (v) => Number.isInteger(v) && v >= 0 && v <= MAX_SEED,
      message: `Seed must be a whole number from 0 to ${MAX_SEED}.`,
    },
  ];
}

/** A plain decimal number: "3", "-0.5", ".5", "1e-3"; not "", "0x10", "1,5", "Infinity". */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * @param {SettingSpec} spec
 * @param {string} text a number box's value
 * @returns {{ok: true, value: number} | {ok: false, message: string}}
 */
export function readSetting(spec, text) {
  const trimmed = String(text).trim();
  const value = NUMBER.test(trimmed) ? Number(trimmed) : NaN;
  return Number.isFinite(value) && spec.ok(value) ? { ok: true, value } : { ok: false, message: spec.message };
}

/**
 * The form's texts → settings, or a message per setting that is wrong.
 * @param {Record<string, string>} values by SettingKey
 * @param {Pick<Limits, 'maxNewTokens'>} limits
 * @returns {{ok: true, settings: Settings} | {ok: false, errors: Partial<Record<SettingKey, string>>}}
 */
export function readSettings(values, limits) {
  /** @type {Partial<Record<SettingKey, string>>} */
  const errors = {};
  const settings = /** @type {Settings} */ ({});
  for (const spec of settingSpecs(limits)) {
    const checked = readSetting(spec, values[spec.key] ?? '');
    if (checked.ok) settings[spec.key] = checked.value;
    else errors[spec.key] = checked.message;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings };
}

/**
 * What is wrong with a prompt before anything runs (the worker checks the token count), or null.
 * @param {string} prompt
 * @param {Pick<Limits, 'maxTokens' | 'maxChars'>} limits
 * @returns {string | null}
 */
export function checkPrompt(prompt, limits) {
  if (!prompt.trim()) return 'Type a prompt.';
  if (prompt.length > limits.maxChars) {
    return `The prompt is too long: ${prompt.length.toLocaleString('en')} characters, and this model reads at most about ` +
      `${limits.maxChars.toLocaleString('en')} characters (${limits.maxTokens.toLocaleString('en')} tokens). Shorten it.`;
  }
  return null;
}

/**
 * The model's final answer checked against the contract (a mismatch fails with a sentence).
 * @param {unknown} raw
 * @returns {Answer}
 */
export function readAnswer(raw) {
  const x = /** @type {Record<string, any> | null} */ (raw !== null && typeof raw === 'object' ? raw : null);
  const number = (/** @type {unknown} */ v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  if (!x || typeof x.text !== 'string' || !Array.isArray(x.tokens) || !x.tokens.every((t) => Number.isInteger(t)) ||
      (x.finishReason !== 'eos' && x.finishReason !== 'length')) {
    console.error('[vitrine] predict() answered, for a prompt, something other than {text, tokens, promptTokens, finishReason}:', raw);
    throw new Error('The model returned an answer this page cannot show. The browser console has the technical details.');
  }
  const rate = number(x.tokensPerSecond);
  return {
    text: x.text,
    tokens: x.tokens,
    promptTokens: Number.isInteger(x.promptTokens) ? x.promptTokens : 0,
    finishReason: x.finishReason,
    ms: number(x.ms),
    firstTokenMs: number(x.firstTokenMs),
    tokensPerSecond: rate && rate > 0 ? rate : null,
  };
}

/**
 * The settings in words, for the answer's source line: "greedy (temperature 0)", "sampled at
 * temperature 0.7, top-k 50, top-p 0.95, seed 0".
 * @param {Settings} s
 */
export function describeSettings(s) {
  if (s.temperature <= 0) return 'greedy (temperature 0)';
  return `sampled at temperature ${s.temperature}, top-k ${s.topK === 0 ? 'off' : s.topK}, top-p ${s.topP}, seed ${s.seed}`;
}

/**
 * @param {number} n
 * @param {string} word
 */
export function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** @param {number} ms */
export function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** @param {number} perSecond */
export function formatRate(perSecond) {
  return `${perSecond.toFixed(1)} tokens/s`;
}

/**
 * Tokens per second after the first token (the decode steps), or null before there are two.
 * @param {number} count tokens so far
 * @param {number} sinceFirstMs time since the first token
 * @returns {number | null}
 */
export function liveRate(count, sinceFirstMs) {
  return count >= 2 && sinceFirstMs > 0 ? ((count - 1) * 1000) / sinceFirstMs : null;
}

/**
 * The status while tokens stream in: "Generating… 23 tokens, 9.8 tokens/s".
 * @param {number} count
 * @param {number | null} rate
 */
export function progressText(count, rate) {
  return `Generating… ${plural(count, 'token')}${rate ? `, ${formatRate(rate)}` : ''}`;
}

/**
 * The status of a finished answer: "Done: 40 tokens in 3.1 s, 12.9 tokens/s." and, when it was cut,
 * where.
 * @param {{count: number, ms: number, rate: number | null, finishReason: 'eos'|'length', requested: number, context: number}} r
 */
export function doneText({ count, ms, rate, finishReason, requested, context }) {
  const done = `Done: ${plural(count, 'token')} in ${formatSeconds(ms)}${rate ? `, ${formatRate(rate)}` : ''}.`;
  if (finishReason === 'eos') return done;
  return count >= requested
    ? `${done} The answer was cut at the limit of ${plural(requested, 'new token')}.`
    : `${done} The answer was cut where the model's context of ${plural(context, 'token')} ends.`;
}

/** @param {number} count */
export function stoppedText(count) {
  return count ? `Stopped after ${plural(count, 'token')}.` : 'Stopped before the first token.';
}

/** @param {number} count */
export function failedText(count) {
  return count ? `Stopped by an error after ${plural(count, 'token')}.` : 'No answer: see the error below.';
}

/**
 * @param {number} count
 * @param {'eos'|'length'} finishReason
 */
export function precomputedText(count, finishReason) {
  return `Precomputed answer: ${plural(count, 'token')}, ${finishReason === 'eos' ? 'ended by the model' : 'cut at the limit of new tokens'}.`;
}
