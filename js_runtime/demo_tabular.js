// The demo widget for tabular-classification models: a form generated from the manifest's
// preprocessing spec, the predicted label, a bar chart and an accessible probability table.
// It talks to the model only through the public API (vitrine.load → predict).
import { loadChart } from './chart_loader.js';
import { clearError, h, showError } from './dom.js';
import { isAbortError } from './worker_client.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').NumericFeature} NumericFeature */
/** @typedef {import('./manifest.js').CategoricalFeature} CategoricalFeature */
/** @typedef {import('./model.js').Model | import('./static_model.js').StaticModel} Model */
/** @typedef {{load: typeof import('./vitrine.js').load}} Api */
/** @typedef {{el: HTMLElement, read(): number|string, write(value: number|string): void}} Field */

/** Wait this long after the last edit before predicting, so dragging a slider does not flood the worker. */
const DEBOUNCE_MS = 150;
/** Start loading a little before the demo scrolls into view. */
const PRELOAD_MARGIN = '200px';

let widgets = 0;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with a live widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto" (the page's data-variant)
 */
export function mountTabular(root, info, api, variant) {
  const uid = `vitrine-${++widgets}`;
  const features = info.preprocessing.features;
  const example = info.examples[0];
  /** @type {Record<string, number|string>} */
  const initial = Object.fromEntries(features.map((f) => [f.name, example?.input[f.name] ?? f.default]));

  // ---- form ----
  /** @type {Map<string, Field>} */
  const fields = new Map();
  const form = h('form', { class: 'vitrine-form', novalidate: true, 'aria-label': `Inputs for ${info.title}` });
  features.forEach((f, i) => {
    const field = f.type === 'numeric' ? numericField(f, `${uid}-f${i}`) : categoricalField(f, `${uid}-f${i}`);
    field.write(initial[f.name]);
    fields.set(f.name, field);
    form.append(field.el);
  });
  const resetButton = h('button', { type: 'button', class: 'vitrine-reset md-button' }, 'Reset');
  // Shown on the static tier: the form stays usable for the precomputed examples, and says why no more.
  const staticNote = h('p', { class: 'vitrine-static-note', role: 'note', hidden: true });
  form.append(staticNote);
  form.append(h('div', { class: 'vitrine-actions' },
    h('button', { type: 'submit', class: 'vitrine-predict md-button md-button--primary' }, 'Predict'), resetButton));

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' });
  const label = h('strong', { class: 'vitrine-label' }, '–');
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-chart', 'aria-hidden': 'true' }, canvas);
  chartBox.style.height = `${info.labels.length * 32 + 40}px`;
  const tbody = h('tbody');
  /** @type {Map<string, {tr: HTMLTableRowElement, td: HTMLTableCellElement}>} */
  const rows = new Map();
  for (const name of info.labels) {
    const td = h('td', {}, '–');
    const tr = h('tr', { 'data-label': name }, h('th', { scope: 'row' }, name), td);
    rows.set(name, { tr, td });
    tbody.append(tr);
  }
  const table = h('table', { class: 'vitrine-probabilities' },
    h('caption', {}, 'Class probabilities'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col' }, 'Probability'))),
    tbody);
  const output = h('div', { class: 'vitrine-output' },
    source, h('p', { class: 'vitrine-label-line', 'aria-live': 'polite' }, 'Prediction: ', label), chartBox, table);

  // ---- status ----
  const backend = h('span', { class: 'vitrine-backend' }, 'Runs in your browser; the model is not loaded yet');
  const reason = h('span', { class: 'vitrine-reason' });
  const time = h('span', { class: 'vitrine-time' });
  const progress = h('progress'); // indeterminate until the first progress report
  const progressText = h('span', { class: 'vitrine-progress-text' });
  const progressBox = h('div', { class: 'vitrine-progress', hidden: true }, progress, progressText);

  root.replaceChildren(
    h('div', { class: 'vitrine-body' }, form, output),
    h('p', { class: 'vitrine-status' }, backend, reason, time),
    progressBox,
    h('div', { class: 'vitrine-error', role: 'alert', hidden: true }),
  );
  root.dataset.state = 'idle';

  // ---- rendering ----
  /** @type {Record<string, number> | null} */
  let shown = null;
  /** @type {import('chart.js').Chart<'bar', number[], string> | null} */
  let chart = null;

  /**
   * @param {string} predicted
   * @param {Record<string, number>} probabilities
   * @param {'precomputed'|'live'} kind
   */
  function show(predicted, probabilities, kind) {
    shown = probabilities;
    label.textContent = predicted;
    for (const [name, { tr, td }] of rows) {
      const p = probabilities[name];
      td.textContent = formatPercent(p);
      tr.dataset.probability = String(p);
      tr.classList.toggle('vitrine-predicted', name === predicted);
    }
    root.dataset.source = kind;
    source.textContent = kind === 'live' ? 'Live prediction, calculated in your browser.'
      : staticNote.hidden ? 'Precomputed example, calculated when the site was built. Edit the inputs to run the model in your browser.'
        : 'Precomputed example, calculated when the site was built.';
    updateChart();
  }

  function updateChart() {
    if (!chart || !shown) return;
    const probabilities = shown;
    const colors = themeColors(root);
    const predicted = label.textContent;
    chart.data.labels = [...info.labels];
    chart.data.datasets[0].data = info.labels.map((name) => probabilities[name] * 100);
    chart.data.datasets[0].backgroundColor = info.labels.map((name) => (name === predicted ? colors.primary : colors.muted));
    chart.options = chartOptions(colors);
    chart.update();
  }

  function startChart() {
    loadChart().then((Chart) => {
      chart ??= new Chart(canvas, { type: 'bar', data: { labels: [], datasets: [{ data: [], borderRadius: 3 }] }, options: chartOptions(themeColors(root)) });
      updateChart();
    }).catch((e) => console.warn('[vitrine] No chart (the table shows the probabilities):', e));
  }

  // mkdocs-material switches light/dark by these attributes on <body>: redraw with the new palette.
  new MutationObserver(updateChart).observe(document.body, {
    attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'],
  });

  if (example) {
    show(example.output.label,
      Object.fromEntries(info.labels.map((name, i) => [name, example.output.probabilities[i]])), 'precomputed');
  } else {
    source.textContent = 'Edit the inputs or press Predict to run the model in your browser.';
  }

  // ---- model ----
  /** @type {Promise<Model> | null} */
  let modelPromise = null;

  function ensureModel() {
    modelPromise ??= loadModel();
    return modelPromise;
  }

  /** @returns {Promise<Model>} */
  async function loadModel() {
    root.dataset.state = 'loading';
    backend.textContent = 'Downloading the model…';
    progressBox.hidden = false;
    startChart();
    try {
      const model = await api.load(info.id, {
        variant,
        onProgress({ loaded, total }) {
          progress.max = total;
          progress.value = loaded;
          progressText.textContent = `${formatBytes(loaded)} of ${formatBytes(total)} (${Math.round((100 * loaded) / total)}%)`;
        },
      });
      root.dataset.state = 'ready';
      root.dataset.backend = model.backend;
      backend.textContent = model.threads ? `${model.backendLabel}, ${model.threads} thread${model.threads === 1 ? '' : 's'}` : model.backendLabel;
      reason.textContent = `(${model.backendReason})`;
      if ('notice' in model) {
        staticNote.textContent = model.notice;
        staticNote.hidden = false;
      }
      return model;
    } catch (e) {
      modelPromise = null; // the next edit or click tries again
      root.dataset.state = 'error';
      backend.textContent = 'The model is not loaded';
      throw e;
    } finally {
      progressBox.hidden = true;
    }
  }

  // ---- predicting: at most one run in flight; edits during a run trigger one more run with the newest values ----
  let busy = false;
  let again = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** Cancels the in-flight run when newer values supersede it. @type {AbortController | null} */
  let inFlight = null;

  async function predictNow() {
    clearTimeout(timer);
    if (busy) {
      again = true;
      inFlight?.abort();
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        const row = Object.fromEntries([...fields].map(([name, field]) => [name, field.read()]));
        try {
          const model = await ensureModel();
          inFlight = new AbortController();
          const result = await model.predict(row, { signal: inFlight.signal });
          if (again) continue; // newer values are waiting; this result is already stale
          const live = model.backend !== 'static';
          show(result.label, result.probabilities, live ? 'live' : 'precomputed');
          time.textContent = live ? `last run ${formatMs(result.ms)}` : '';
          clearError(root);
        } catch (e) {
          if (!isAbortError(e)) showError(root, e); // a superseded run is not an error
        } finally {
          inFlight = null;
        }
      } while (again);
    } finally {
      busy = false;
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(predictNow, DEBOUNCE_MS);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    predictNow();
  });
  resetButton.addEventListener('click', () => {
    for (const [name, field] of fields) field.write(initial[name]);
    predictNow();
  });

  // Load when the demo comes into view or is first touched, whichever happens first.
  const startLoading = () => {
    ensureModel().catch((e) => showError(root, e));
  };
  form.addEventListener('focusin', startLoading, { once: true });
  form.addEventListener('pointerdown', startLoading, { once: true });
  if (typeof IntersectionObserver === 'function') {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      predictNow();
    }, { rootMargin: PRELOAD_MARGIN });
    observer.observe(root);
  } else {
    predictNow();
  }
}

/**
 * A slider and a number box that mirror each other; the number box carries the name.
 * @param {NumericFeature} f
 * @param {string} id
 * @returns {Field}
 */
function numericField(f, id) {
  const range = { min: f.min, max: f.max, step: f.step };
  const number = h('input', { type: 'number', id, name: f.name, ...range, inputmode: 'decimal' });
  const slider = h('input', { type: 'range', ...range, 'data-slider-for': f.name, 'aria-label': `${f.label} slider` });
  slider.addEventListener('input', () => { number.value = slider.value; });
  number.addEventListener('input', () => {
    if (number.value !== '') slider.value = number.value;
  });
  const labelChildren = [f.label, ...(f.unit ? [h('span', { class: 'vitrine-unit' }, ` (${f.unit})`)] : [])];
  return {
    el: h('div', { class: 'vitrine-field vitrine-numeric' },
      h('label', { for: id }, ...labelChildren), slider, number, ...hint(f.description, number, id)),
    // An empty box reads as NaN, which predict() reports by feature name.
    read: () => (number.value === '' ? NaN : Number(number.value)),
    write(value) {
      number.value = slider.value = roundToStep(Number(value), f.step);
    },
  };
}

/**
 * Show a value with as many decimals as the step has: manifests carry float32 round-trips
 * (46.900002), which would otherwise fill the box.
 * @param {number} value
 * @param {number} step
 * @returns {string}
 */
function roundToStep(value, step) {
  const text = String(step);
  const decimals = text.includes('e') ? Math.ceil(-Math.log10(step)) : (text.split('.')[1] ?? '').length;
  return String(Number(value.toFixed(Math.min(Math.max(decimals, 0), 20))));
}

/**
 * @param {CategoricalFeature} f
 * @param {string} id
 * @returns {Field}
 */
function categoricalField(f, id) {
  const select = h('select', { id, name: f.name }, ...f.categories.map((c) => h('option', { value: c }, c)));
  return {
    el: h('div', { class: 'vitrine-field vitrine-categorical' },
      h('label', { for: id }, f.label), select, ...hint(f.description, select, id)),
    read: () => select.value,
    write(value) {
      select.value = String(value);
    },
  };
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

/**
 * mkdocs-material's palette, read at draw time so light and dark schemes both work.
 * @param {HTMLElement} el
 */
function themeColors(el) {
  const style = getComputedStyle(el);
  /** @param {string} name @param {string} fallback */
  const get = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    primary: get('--md-primary-fg-color', '#4051b5'),
    muted: get('--md-default-fg-color--lighter', 'rgba(0, 0, 0, 0.32)'),
    text: get('--md-default-fg-color--light', 'rgba(0, 0, 0, 0.54)'),
    grid: get('--md-default-fg-color--lightest', 'rgba(0, 0, 0, 0.07)'),
  };
}

/**
 * @param {ReturnType<typeof themeColors>} colors
 * @returns {import('chart.js').ChartOptions<'bar'>}
 */
function chartOptions(colors) {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: { duration: 150 },
    scales: {
      x: { min: 0, max: 100, ticks: { color: colors.text, callback: (v) => `${v}%` }, grid: { color: colors.grid } },
      y: { ticks: { color: colors.text }, grid: { display: false } },
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (item) => `${(item.parsed.x ?? 0).toFixed(1)}%` } },
    },
  };
}

/** @param {number | undefined} p */
function formatPercent(p) {
  return typeof p === 'number' && Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : '–';
}

/** @param {number} bytes */
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** @param {number} ms */
function formatMs(ms) {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}
