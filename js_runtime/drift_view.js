// The drift check on a tabular model's page: the visitor drops (or picks) a CSV, the worker predicts
// its rows and compares each feature with the training rows (m.drift, worker/drift.js), and this view
// shows the verdicts as a table, the chosen feature's bins beside the training's as a chart, and a
// sentence for screen readers. Nothing leaves the browser. Cell text from the file is only ever text.
import { h, showError, clearError, takeDrops } from './dom.js';
import { cssColors, loadChart } from './chart_loader.js';
import { formatMs } from './demo_shell.js';

/** @typedef {import('../worker/drift.js').DriftReport} DriftReport */
/** @typedef {import('../worker/drift.js').FeatureDrift} FeatureDrift */
/**
 * What the view needs of the page's API: load a model by id (window.vitrine.load).
 * @typedef {{load: (id: string) => Promise<any>}} DriftApi
 */

let mounted = 0;

/**
 * Replace the static note in `root` (a `.vitrine-drift` element: data-model, data-test-rows, the URL of
 * the held-out rows as CSV) with the drift check.
 * @param {HTMLElement} root
 * @param {DriftApi} api
 */
export function mountDrift(root, api) {
  const uid = `vitrine-drift-${++mounted}`;
  const id = root.dataset.model ?? '';
  /** @type {Record<string, string>} */
  let labels = {};
  /** @type {AbortController | null} */
  let running = null;
  /** @type {import('chart.js').Chart | null} */
  let chart = null;

  const hintId = `${uid}-hint`;
  const fileInput = h('input', { type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/plain', hidden: true, tabindex: -1 });
  const dropZone = h('button', { type: 'button', class: 'vitrine-dropzone vitrine-drift-drop', 'aria-describedby': hintId },
    h('span', { class: 'vitrine-dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('span', { class: 'vitrine-dropzone-text' }, 'Choose a CSV file'),
    h('small', { class: 'vitrine-dropzone-hint', id: hintId }, 'or drop one here: one column per feature, named as in the training data'));
  const tryButton = h('button', { type: 'button', class: 'md-button vitrine-drift-try' }, 'Check the held-out rows');
  const status = h('p', { class: 'vitrine-drift-status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'vitrine-drift-results', hidden: true });
  root.replaceChildren(
    h('div', { class: 'vitrine-drift-inputs' }, dropZone, tryButton, fileInput),
    status, results);
  root.dataset.state = 'ready';

  dropZone.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // the same file again is a new check
    if (file) check(file, `“${file.name}”`);
  });
  tryButton.addEventListener('click', async () => {
    const url = root.dataset.testRows;
    if (!url) return;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The held-out rows could not be downloaded (HTTP ${response.status}).`);
      check(await response.text(), 'the held-out rows');
    } catch (e) {
      fail(e);
    }
  });
  takeDrops(root, (event, data) => {
    const file = data.files?.[0];
    if (!file) return;
    event.preventDefault();
    check(file, `“${file.name}”`);
  });

  /** @param {unknown} error */
  function fail(error) {
    root.dataset.state = 'error';
    status.textContent = '';
    results.hidden = true; // an earlier file's figures must not read as this one's
    showError(root, error);
  }

  /**
   * @param {File | string} batch
   * @param {string} name for the status line
   */
  async function check(batch, name) {
    running?.abort();
    const mine = new AbortController();
    running = mine;
    clearError(root);
    root.dataset.state = 'running';
    status.textContent = `Checking ${name}…`;
    try {
      const model = await api.load(id);
      if (!('drift' in model)) {
        throw new Error('The drift check runs the model in the browser, and this browser could not start it (the page shows precomputed results only).');
      }
      labels = Object.fromEntries(model.info.preprocessing.features.map((/** @type {{name: string, label?: string}} */ f) => [f.name, f.label ?? f.name]));
      /** @type {DriftReport & {ms: number}} */
      const report = await model.drift(batch, { signal: mine.signal });
      if (running !== mine) return;
      await show(report, name);
      root.dataset.state = 'done';
    } catch (e) {
      if (running !== mine || (e instanceof Error && e.name === 'AbortError')) return;
      fail(e);
    }
  }

  /**
   * @param {DriftReport & {ms: number}} report
   * @param {string} name
   */
  async function show(report, name) {
    const label = (/** @type {string} */ n) => labels[n] ?? n;
    const drifted = report.drifted.map(label);
    const verdict = drifted.length
      ? `${drifted.length} of ${report.features.length} features drifted: ${drifted.join(', ')}.`
      : `No feature drifted (of ${report.features.length}).`;
    const predictions = report.predictions.drifted
      ? ` The predicted labels shifted too (PSI ${report.predictions.psi.toFixed(2)}).`
      : ' The predicted labels did not shift.';
    status.textContent = `${name}: ${report.rows.toLocaleString('en')} rows checked against ${report.referenceRows.toLocaleString('en')} training rows in ${formatMs(report.ms)} of model time. ${verdict}${predictions}`;

    const select = h('select', { id: `${uid}-feature` },
      ...report.features.map((f) => h('option', { value: f.name, selected: f.name === (report.drifted[0] ?? report.features[0].name) }, label(f.name))));
    const canvas = h('canvas', { role: 'img', 'aria-label': '' });
    const line = (/** @type {string} */ name, /** @type {{test: import('../worker/drift.js').Test, psi: number, drifted: boolean}} */ f) =>
      h('tr', { class: f.drifted ? 'vitrine-drift-flag' : '' },
        h('th', { scope: 'row' }, name),
        h('td', { class: 'vitrine-drift-verdict' }, f.drifted ? 'Drifted' : 'Stable'), // second: in view on a phone
        h('td', {}, f.psi.toFixed(3)),
        h('td', {}, `${f.test.kind === 'ks' ? 'KS' : 'χ²'} ${Number.isFinite(f.test.statistic) ? f.test.statistic.toFixed(3) : '∞'}`),
        h('td', {}, pValue(f.test.pValue)));
    const rows = [...report.features.map((f) => line(label(f.name), f)), line('Predicted label', report.predictions)];
    const notes = [
      'KS: two-sample Kolmogorov–Smirnov test against the training values; χ²: goodness of fit to the training ' +
        `shares; PSI: population stability index over the bins charted below. Drifted: p < ${report.thresholds.p} and PSI ≥ ${report.thresholds.psi}.`,
      report.caution,
      report.ignored.length ? `Columns not used (not features): ${report.ignored.join(', ')}.` : null,
    ].filter((n) => n !== null);
    results.replaceChildren(
      // no class on the table: mkdocs-material styles only `table:not([class])`
      h('div', { class: 'vitrine-table-scroll vitrine-drift-table' }, h('table', {},
        h('caption', {}, `Drift, ${report.rows.toLocaleString('en')} rows`),
        h('thead', {}, h('tr', {}, ...['Feature', 'Verdict', 'PSI', 'Test', 'p-value'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...rows))),
      ...notes.map((n) => h('p', { class: 'vitrine-drift-note' }, n)),
      h('div', { class: 'vitrine-shap-controls' }, h('label', { for: select.id }, 'Bins of'), select), // the explanation charts' controls
      h('div', { class: 'vitrine-drift-chart' }, canvas));
    results.hidden = false;
    const draw = async () => {
      const feature = /** @type {FeatureDrift} */ (report.features.find((f) => f.name === select.value));
      canvas.setAttribute('aria-label', `${label(feature.name)}: share of rows per bin, training vs this file. ` +
        feature.bins.map((b, i) => `${b}: ${percent(feature.reference[i])} vs ${percent(feature.batch[i])}`).join('; '));
      const Chart = await loadChart();
      const colors = cssColors(root, { reference: ['--vitrine-muted-bar', '#9e9e9e'], batch: ['--vitrine-accent', '#3f51b5'] });
      chart?.destroy();
      chart = new Chart(canvas, {
        type: 'bar',
        data: {
          labels: feature.bins,
          datasets: [
            { label: 'Training rows', data: feature.reference, backgroundColor: colors.reference },
            { label: 'This file', data: feature.batch, backgroundColor: colors.batch },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { ticks: { color: colors.text }, grid: { color: colors.grid } },
            y: { ticks: { color: colors.text, callback: (v) => percent(Number(v)) }, grid: { color: colors.grid }, beginAtZero: true },
          },
          plugins: {
            legend: { labels: { color: colors.text } },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${percent(Number(c.raw))}` } },
          },
        },
      });
    };
    select.addEventListener('change', () => draw().catch((e) => console.warn('[vitrine] No drift chart (the table has the figures):', e)));
    await draw().catch((e) => console.warn('[vitrine] No drift chart (the table has the figures):', e));
  }
}

/** @param {number} p */
function pValue(p) {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** @param {number} x */
function percent(x) {
  return `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
}
