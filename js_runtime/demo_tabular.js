// The demo widget for tabular models (preprocessing kind "tabular"): a form generated from the
// manifest's preprocessing spec, the answer (tabular_answer.js: a classifier's label, bar chart and
// probability table; a regressor's value and prediction interval), and (live, when the build stored
// explanations) "Why this prediction" (explanation_view.js).
// It runs on the demo shell (demo_shell.js: loading, status, errors, debounce, cancellation), which
// talks to the model only through the public API (vitrine.load → predict).
//
// The form and the shown prediction never disagree: an empty or non-numeric box marks that field
// invalid and clears the prediction (no model run); a prediction that failed for edited inputs is
// marked as being for the previous ones; inputs outside the training data get a notice.
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';
import { checkNumber, formatValue, outOfRange, outOfRangeNotice, sameInputs, sliderRange } from './form_checks.js';
import { classExplanation, mountExplanation } from './explanation_view.js';
import { completeRow } from './tabular.js';
import { answerView, exampleAnswer } from './tabular_answer.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').NumericFeature} NumericFeature */
/** @typedef {import('./manifest.js').CategoricalFeature} CategoricalFeature */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./manifest.js').Example} Example */
/** @typedef {{ok: true, value: number|string} | {ok: false, message: string}} FieldValue */
/**
 * @typedef {object} Field
 * @property {HTMLElement} el
 * @property {() => FieldValue} read
 * @property {(value: number|string) => void} write
 * @property {(message: string | null) => void} setError shows (or, with null, clears) the field's message
 */
/** @typedef {Record<string, number|string>} Row */
/** @typedef {{ok: true, row: Row} | {ok: false, messages: string[]}} FormValue */
/** @typedef {import('./tabular.js').Prediction} Prediction */
/** @typedef {import('./tabular_answer.js').Answer} TabularAnswer */
/** @typedef {import('./model.js').TimedExplanation} Explanation */
/** @typedef {{explanation: Explanation} | {error: unknown}} ExplainOutcome */
/**
 * The explanation of a run's row, asked for beside its prediction (live, where the build stored
 * explanations): `controller` cancels it; `outcome` never rejects.
 * @typedef {{controller: AbortController, outcome: Promise<ExplainOutcome>}} Explaining
 */
/**
 * One run of the widget: the prediction, and the explanation of the same row on its way (or null).
 * @typedef {object} Answer
 * @property {TabularAnswer} prediction
 * @property {Explaining | null} explaining
 * @property {ExplainOutcome | null} [explained] the explanation's outcome, when it came within TOGETHER_MS
 *   of the prediction (then both are drawn at once)
 * @property {number} [ms] the prediction's model time (the shell's status line shows it)
 */

/**
 * How long a prediction waits for its explanation, so that both change in the same task (one frame),
 * once an explanation is on screen. An exact explanation of the penguins model comes about 20 ms after
 * the prediction; a slower one is drawn when it comes, beside the prediction already shown.
 */
export const TOGETHER_MS = 250;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with a live widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto" (the page's data-variant)
 */
export function mountTabular(root, info, api, variant) {
  const features = info.preprocessing.features;
  const example = info.examples[0];
  /** @type {Record<string, number|string>} */
  const initial = Object.fromEntries(features.map((f) => [f.name, example?.input[f.name] ?? f.default]));

  /** @type {import('./demo_shell.js').Shell<Row>} */
  const shell = mountShell(root, info, api, {
    variant,
    predict: predictAndExplain,
    onResult({ prediction, explaining, explained }, row, run) {
      show(prediction, run.live ? 'live' : 'precomputed', row);
      // in the same task as the prediction when it came with it, so both change in one frame
      if (explaining && explained) showExplanation(explaining, explained, /** @type {Prediction} */ (prediction), row);
      else explainLater(explaining, /** @type {Prediction} */ (prediction), row);
    },
    onError(_error, row) {
      if (shownRow && !sameInputs(features, shownRow, row)) markStale();
    },
    forVisitors,
    onVisible: predictNow, // the example's inputs, live, as soon as the demo is in view
    onLoading: () => view.startChart(),
  });
  const uid = shell.uid;

  // ---- form ----
  /** @type {Map<string, Field>} */
  const fields = new Map();
  const form = h('form', { class: 'vitrine-form', novalidate: true, 'aria-label': `Inputs for ${info.title}` });
  /** Engineered features (manifest `derive`): computed from the inputs, each with a toggle. @type {Map<string, Derived>} */
  const derivedFields = new Map();
  features.forEach((f, i) => {
    if (f.type === 'numeric' && f.derive) {
      const d = derivedField({ ...f, derive: f.derive }, `${uid}-f${i}`, features);
      derivedFields.set(f.name, d);
      form.append(d.el);
      return;
    }
    const field = f.type === 'numeric' ? numericField(f, `${uid}-f${i}`, info.examples) : categoricalField(f, `${uid}-f${i}`);
    field.write(initial[f.name]);
    fields.set(f.name, field);
    form.append(field.el);
  });
  const resetButton = h('button', { type: 'button', class: 'vitrine-reset md-button' }, 'Reset');
  // Fill the form with a held-out (test) row: from the explanations file where the build stored one, else
  // (a regressor, an anomaly detector) from the default variant's parity fixtures, which hold every held-out row.
  const testRowsUrl = explanationsUrl(info) ?? (info.task !== 'tabular-classification'
    ? info.variants.find((v) => v.name === info.default_variant)?.fixtures ?? null : null);
  const randomButton = testRowsUrl
    ? h('button', { type: 'button', class: 'vitrine-random md-button' }, 'Random test row') : null;
  // Shown on the static tier: the form stays usable for the precomputed examples, and says why no more.
  const staticNote = shell.staticNote;
  form.append(staticNote);
  form.append(h('div', { class: 'vitrine-actions' },
    h('button', { type: 'submit', class: 'vitrine-predict md-button md-button--primary' }, 'Predict'), resetButton,
    ...(randomButton ? [randomButton] : [])));
  shell.inputs.append(form);

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' });
  const view = answerView(info, root);
  // Beside the prediction: which inputs lie outside the training data (updated with every prediction).
  const rangeNotice = h('div', { class: 'vitrine-range-notice', role: 'status', hidden: true });
  // "Why this prediction": live only, for models whose build stored explanations (the background rows).
  const explains = Boolean(/** @type {{explain?: unknown}} */ (/** @type {unknown} */ (info)).explain);
  const why = mountExplanation(uid, features.length);
  const [labelLine, ...shapes] = view.els;
  shell.output.append(source, labelLine, rangeNotice, ...shapes, why.el);
  // On phones the form is long: a one-line copy of the prediction stays at the bottom of the screen while
  // the inputs scroll by (sticky below 44em, hidden where the result panel sits beside the inputs).
  // aria-hidden: the label line above is what screen readers hear.
  shell.inputs.after(h('div', { class: 'vitrine-summary', 'aria-hidden': 'true' }, 'Prediction: ', ...view.summary));

  // ---- rendering ----
  /** @type {TabularAnswer | null} */
  let shown = null;
  /** The inputs the shown prediction is for. @type {Row | null} */
  let shownRow = null;

  /**
   * @param {TabularAnswer} answer
   * @param {'precomputed'|'live'} kind
   * @param {Row} row the inputs this prediction is for
   */
  function show(answer, kind, row) {
    shown = answer;
    shownRow = row;
    view.show(answer);
    root.dataset.source = kind;
    delete root.dataset.stale;
    source.textContent = kind === 'live' ? 'Live prediction, calculated in your browser.'
      : staticNote.hidden ? 'Precomputed example, calculated when the site was built. Edit the inputs to run the model in your browser.'
        : 'Precomputed example, calculated when the site was built.';
    showRangeNotice(row);
  }

  /** @param {Row} row */
  function showRangeNotice(row) {
    const notice = outOfRangeNotice(outOfRange(features, row));
    rangeNotice.hidden = notice === null;
    // A live region: rewrite it only when its text changes, so screen readers do not repeat it per prediction.
    const text = notice === null ? '' : [notice.lead, ...notice.items].join('\n');
    if (rangeNotice.dataset.text === text) return;
    rangeNotice.dataset.text = text;
    rangeNotice.replaceChildren(...(notice === null ? [] : [
      h('p', {}, notice.lead),
      ...(notice.items.length ? [h('ul', {}, ...notice.items.map((text) => h('li', {}, text)))] : []),
    ]));
  }

  /**
   * The inputs are not valid: no prediction is shown (a stale one would read as an answer for them).
   * @param {string[]} messages what to fix, one sentence per field
   */
  function showInvalid(messages) {
    shown = null;
    shownRow = null;
    view.show(null);
    root.dataset.source = 'invalid';
    delete root.dataset.stale;
    source.textContent = `No prediction: ${messages.join(' ')}`;
    why.clear();
    showRangeNotice({});
    shell.setTime('');
  }

  /** A prediction for other inputs stays on screen (the model could not run for these): say so. */
  function markStale() {
    if (!shown) return;
    root.dataset.stale = 'true';
    source.textContent = root.dataset.source === 'live'
      ? 'Prediction for the previous inputs, not the ones in the form.'
      : "Precomputed example, for the example's inputs, not the ones in the form.";
  }

  // mkdocs-material switches light/dark by these attributes on <body>: redraw with the new palette.
  new MutationObserver(() => { view.redraw(); why.redraw(); }).observe(document.body, {
    attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'],
  });

  if (example) {
    show(exampleAnswer(info, example), 'precomputed', example.input);
  } else {
    source.textContent = 'Edit the inputs or press Predict to run the model in your browser.';
  }

  /** The explanation in flight, if any: the one for the newest run. @type {AbortController | null} */
  let explainRun = null;

  /** The row changed, or its prediction will not be shown: the explanation in flight is dropped. */
  function stopExplaining() {
    explainRun?.abort();
    explainRun = null;
  }

  /**
   * The shell's model call: the prediction and, on a live tier, the explanation of the same row. Both
   * are posted at once (the worker answers in order, so the prediction is not delayed) and the shell's
   * signal cancels both; the prediction is shown as soon as it is back, its explanation when that is
   * (explainLater). A failed explanation never fails the run.
   * @param {import('./demo_shell.js').Model} model
   * @param {Row} row
   * @param {AbortSignal} signal
   * @returns {Promise<Answer>}
   */
  async function predictAndExplain(model, row, signal) {
    stopExplaining();
    const predicting = /** @type {Promise<Prediction>} */ (model.predict(row, { signal }));
    /** @type {Explaining | null} */
    let explaining = null;
    if (explains && 'explain' in model) {
      const controller = new AbortController();
      explainRun = controller;
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      explaining = {
        controller,
        outcome: model.explain(row, { signal: controller.signal }).then(
          (explanation) => ({ explanation }), (/** @type {unknown} */ error) => ({ error })),
      };
    }
    try {
      const prediction = await predicting;
      const ms = /** @type {{ms?: unknown}} */ (prediction).ms;
      /** @type {ExplainOutcome | null} */
      let explained = null;
      // Once an explanation is on screen, the next one changes with its prediction; the first prediction
      // is not held back (the first explanation also waits for the explanations file).
      if (explaining && !why.el.hidden) {
        let timer;
        const late = new Promise((resolve) => { timer = setTimeout(resolve, TOGETHER_MS, null); });
        explained = await Promise.race([explaining.outcome, late]);
        clearTimeout(timer);
      }
      return { prediction, explaining, explained, ...(typeof ms === 'number' ? { ms } : {}) };
    } catch (error) {
      explaining?.controller.abort();
      throw error;
    }
  }

  /**
   * The prediction for `row` is on screen: hide the previous row's explanation (keeping its place),
   * and show this row's when it arrives, unless the row has changed by then.
   * @param {Explaining | null} explaining
   * @param {Prediction} prediction
   * @param {Row} row
   */
  function explainLater(explaining, prediction, row) {
    if (!explaining) {
      why.clear();
      return;
    }
    why.pending();
    explaining.outcome.then((outcome) => showExplanation(explaining, outcome, prediction, row));
  }

  /**
   * Draw an explanation that has come, unless a newer run superseded it.
   * @param {Explaining} explaining
   * @param {ExplainOutcome} outcome
   * @param {Prediction} prediction
   * @param {Row} row
   */
  function showExplanation(explaining, outcome, prediction, row) {
    if (explaining.controller !== explainRun || explaining.controller.signal.aborted) return; // superseded
    explainRun = null;
    if ('error' in outcome) {
      console.warn('[vitrine] No explanation for this prediction:', outcome.error);
      why.clear('The explanation of this prediction could not be computed.');
      return;
    }
    const e = classExplanation(outcome.explanation, prediction.label, features, row);
    if (e) why.show(e, prediction.probabilities[prediction.label]);
    else why.clear();
  }

  // ---- predicting: the shell keeps one run in flight and cancels it when newer values supersede it ----

  /**
   * Read every field, marking the invalid ones (and clearing the marks of valid ones).
   * @returns {FormValue}
   */
  function readForm() {
    /** @type {Row} */
    const row = {};
    /** @type {string[]} */
    const messages = [];
    for (const [name, field] of fields) {
      const value = field.read();
      field.setError(value.ok ? null : value.message);
      if (value.ok) row[name] = value.value;
      else messages.push(value.message);
    }
    // An engineered feature turned off gets its training mean; one turned on is computed (completeRow).
    for (const [name, d] of derivedFields) if (!d.on()) row[name] = d.mean;
    if (messages.length) return { ok: false, messages };
    let full;
    try {
      full = /** @type {Row} */ (completeRow(row, info.preprocessing));
    } catch (e) {
      for (const d of derivedFields.values()) d.show(null);
      return { ok: false, messages: [e instanceof Error ? e.message : String(e)] };
    }
    for (const [name, d] of derivedFields) d.show(/** @type {number} */ (full[name]));
    return { ok: true, row: full };
  }

  /**
   * Invalid inputs: drop any run in flight (its result would be for other values) and say what to fix.
   * @param {string[]} messages
   */
  function rejectInputs(messages) {
    shell.cancel();
    stopExplaining();
    showInvalid(messages);
    shell.clearError();
  }

  function predictNow() {
    const check = readForm();
    if (check.ok) shell.runNow(check.row);
    else rejectInputs(check.messages);
  }

  form.addEventListener('input', () => {
    // Check at once, so an emptied box never leaves the old prediction looking current.
    const check = readForm();
    if (check.ok && !(shownRow && sameInputs(features, shownRow, check.row))) stopExplaining();
    if (check.ok) shell.run(check.row);
    else rejectInputs(check.messages);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    predictNow();
  });
  resetButton.addEventListener('click', () => {
    for (const [name, field] of fields) field.write(initial[name]);
    for (const d of derivedFields.values()) d.reset();
    predictNow();
  });

  /** The explanations file's held-out rows (fetched on the first click; a failure is retried on the next). @type {Promise<Row[]> | null} */
  let testRows = null;
  randomButton?.addEventListener('click', async () => {
    testRows ??= fetchTestRows(String(testRowsUrl)).catch((e) => {
      testRows = null;
      throw e;
    });
    let rowsNow;
    try {
      rowsNow = await testRows;
    } catch (e) {
      console.warn('[vitrine] No test rows:', e);
      shell.showError(new Error('The test rows could not be loaded. Try again, or edit the inputs.'));
      return;
    }
    // A row other than the one in the form, when there is one.
    const current = readForm();
    const others = rowsNow.filter((r) => !(current.ok && sameInputs(features, current.row, r)));
    const pool = others.length ? others : rowsNow;
    const row = pool[Math.floor(Math.random() * pool.length)];
    if (!row) return;
    for (const [name, field] of fields) {
      if (row[name] !== undefined) field.write(row[name]);
    }
    for (const d of derivedFields.values()) d.reset();
    randomButton.dataset.row = String(rowsNow.indexOf(row));
    predictNow();
  });
}

/**
 * The URL of a model's explanations file (its manifest `explain` entry, resolved as fetchManifest made
 * its artifacts absolute), or null when the build stored none.
 * @param {ModelEntry} info
 * @returns {string | null}
 */
function explanationsUrl(info) {
  const entry = /** @type {{explain?: {explanations?: unknown}}} */ (/** @type {unknown} */ (info)).explain;
  const ref = entry?.explanations;
  if (typeof ref !== 'string') return null;
  const found = (info.artifacts ?? []).find((a) => String(a.kind) === 'explanations' && (a.url === ref || a.url.endsWith(`/${ref}`)));
  return found ? found.url : null;
}

/**
 * The held-out rows of an explanations file (builder/explain.py: `held_out.rows`) or of parity fixtures (`rows`).
 * @param {string} url
 * @returns {Promise<Row[]>}
 */
async function fetchTestRows(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const data = /** @type {{held_out?: {rows?: unknown}, rows?: unknown}} */ (await response.json());
  const rows = data?.held_out?.rows ?? data?.rows;
  if (!Array.isArray(rows) || !rows.length || !rows.every((r) => r && typeof r === 'object')) {
    throw new Error(`${url} has no held-out rows`);
  }
  return /** @type {Row[]} */ (rows);
}

/**
 * @typedef {object} Derived An engineered feature in the playground.
 * @property {HTMLElement} el
 * @property {() => boolean} on whether the model gets its computed value (else its training mean)
 * @property {number} mean
 * @property {(value: number | null) => void} show the value the model gets (null: none, the inputs are invalid)
 * @property {() => void} reset turn it back on
 */

/**
 * An engineered feature: the value computed from the inputs it names, shown, not typed, and a toggle
 * that leaves it out, giving the model the feature's training mean instead (what the model makes of
 * the row without that engineering).
 * @param {NumericFeature & {derive: {ratio?: [string, string], log?: string}}} f
 * @param {string} id
 * @param {(NumericFeature | CategoricalFeature)[]} features
 * @returns {Derived}
 */
function derivedField(f, id, features) {
  const label = (/** @type {string} */ name) => features.find((g) => g.name === name)?.label ?? name;
  const formula = f.derive.ratio ? `${label(f.derive.ratio[0])} ÷ ${label(f.derive.ratio[1])}` : `log ${label(/** @type {string} */ (f.derive.log))}`;
  const mean = Number(f.mean ?? f.default);
  const unit = f.unit ? ` ${f.unit}` : '';
  const toggle = h('input', { type: 'checkbox', id, 'data-derived': f.name, checked: true, 'aria-describedby': `${id}-hint` });
  const value = h('output', { class: 'vitrine-derived-value', id: `${id}-value`, 'data-feature': f.name }, '–');
  const el = h('div', { class: 'vitrine-field vitrine-derived' },
    h('label', { for: id }, toggle, ' ', f.label, ...(f.unit ? [h('span', { class: 'vitrine-unit' }, ` (${f.unit})`)] : [])),
    value,
    h('small', { class: 'vitrine-hint', id: `${id}-hint` },
      `Engineered: ${formula}. Off: the model gets the training mean, ${formatValue(mean, f.step)}${unit}.`));
  return {
    el,
    on: () => toggle.checked,
    mean,
    show(v) {
      value.textContent = v === null ? '–' : `${formatValue(v, 0.001)}${unit}${toggle.checked ? '' : ' (mean)'}`;
    },
    reset() {
      toggle.checked = true;
    },
  };
}

/**
 * A slider and a number box that mirror each other; the number box carries the name. The range covers
 * the training data and every precomputed example, so an example is shown as it is.
 * @param {NumericFeature} f
 * @param {string} id
 * @param {Example[]} examples
 * @returns {Field}
 */
function numericField(f, id, examples) {
  const range = { ...sliderRange(f, examples), step: f.step };
  const number = h('input', { type: 'number', id, name: f.name, ...range, inputmode: 'decimal' });
  const slider = h('input', { type: 'range', ...range, 'data-slider-for': f.name, 'aria-label': `${f.label} slider` });
  slider.addEventListener('input', () => { number.value = slider.value; });
  number.addEventListener('input', () => {
    if (number.value !== '') slider.value = number.value;
  });
  const labelChildren = [f.label, ...(f.unit ? [h('span', { class: 'vitrine-unit' }, ` (${f.unit})`)] : [])];
  const el = h('div', { class: 'vitrine-field vitrine-numeric' },
    h('label', { for: id }, ...labelChildren), slider, number, ...hint(f.description, number, id));
  return {
    el,
    // Browsers report '' both for an empty box and for text that is not a number.
    read: () => checkNumber(number.value, f),
    write(value) {
      number.value = slider.value = formatValue(Number(value), f.step);
    },
    setError: fieldError(el, number, id),
  };
}

/**
 * @param {CategoricalFeature} f
 * @param {string} id
 * @returns {Field}
 */
function categoricalField(f, id) {
  const select = h('select', { id, name: f.name }, ...f.categories.map((c) => h('option', { value: c }, c)));
  const el = h('div', { class: 'vitrine-field vitrine-categorical' },
    h('label', { for: id }, f.label), select, ...hint(f.description, select, id));
  return {
    el,
    read: () => (f.categories.includes(select.value)
      ? { ok: true, value: select.value }
      : { ok: false, message: `Choose a value for ${f.label}.` }),
    write(value) {
      select.value = String(value);
    },
    setError: fieldError(el, select, id),
  };
}

/**
 * A field's error message, next to its control: aria-invalid on the control, the message in its
 * description (after any hint), shown only while there is one.
 * @param {HTMLElement} el the field
 * @param {HTMLElement} control
 * @param {string} id the control's id
 * @returns {(message: string | null) => void}
 */
function fieldError(el, control, id) {
  const errorId = `${id}-error`;
  const box = h('small', { class: 'vitrine-field-error', id: errorId, hidden: true });
  el.append(box);
  return (message) => {
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== errorId);
    if (message === null) {
      if (box.hidden) return;
      box.hidden = true;
      box.textContent = '';
      control.removeAttribute('aria-invalid');
      el.classList.remove('vitrine-invalid');
    } else {
      box.textContent = message;
      box.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      el.classList.add('vitrine-invalid');
      ids.push(errorId);
    }
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  };
}

/**
 * Errors a visitor reads. The runtime's own errors (download, integrity, worker, static tier) are
 * written for visitors; anything else is a page or model bug whose text (feature names, "NaN",
 * function names) means nothing to them: log it, and show a plain sentence.
 * @param {unknown} error
 * @returns {unknown}
 */
function forVisitors(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!/\bNaN\b|\w\(\)|^Feature "|^Missing feature|^Unknown feature|^The model returned|^Output "/.test(message)) return error;
  console.error('[vitrine] prediction failed:', error);
  return new Error('The model could not make a prediction for these inputs. The browser console has the technical details.');
}

/**
 * @param {string | undefined} text
 * @param {HTMLElement} control described by the hint
 * @param {string} id
 * @returns {HTMLElement[]}
 */
function hint(text, control, id) {
  if (!text) return [];
  control.setAttribute('aria-describedby', `${id}-hint`);
  return [h('small', { class: 'vitrine-hint', id: `${id}-hint` }, text)];
}
