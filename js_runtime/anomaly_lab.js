// An anomaly detector's threshold and the visitor's own rows, on its model page. The held-out rows (the
// default variant's parity fixtures: their features, labels and scores) drive a threshold slider with live
// precision and recall and a scatter plot of two features with the flagged rows and the true anomalies
// marked; a table counts the same. A CSV the visitor picks is parsed with Papa Parse (drift_input.js),
// checked against the model's features (every bad cell is named by row and column) and scored in the
// browser with one batched run. Nothing leaves the browser; cell text is only ever text.
import { h } from './dom.js';
import { cssColors, loadChart } from './chart_loader.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').NumericFeature} NumericFeature */
/**
 * What the explorer needs of the page (main.js passes it, so that this module imports nothing the page's own
 * bundle has: esbuild would split such modules out of main.js into chunks of their own).
 * @typedef {{manifest: () => Promise<import('./manifest.js').Manifest>, load: (id: string) => Promise<any>,
 *   readBatch: typeof import('./drift_input.js').readBatch}} LabApi
 */
/** @typedef {{features: Record<string, number | string>[], truth: boolean[], scores: number[]}} HeldOut */

/** The most problems a file's check lists (it counts them all). */
export const LISTED_PROBLEMS = 8;
/** The most flagged rows of a visitor's file the table lists, most unusual first. */
export const LISTED_ROWS = 20;
/** Rows per model run when scoring a file. */
const BATCH = 4096;

let mounted = 0;

/**
 * @param {HTMLElement} root `.vitrine-anomaly-lab` with data-model and data-variant
 * @param {LabApi} api
 */
export async function mountAnomalyLab(root, api) {
  const uid = `vitrine-lab-${++mounted}`;
  root.dataset.state = 'loading';
  try {
    const info = (await api.manifest()).models.find((m) => m.id === root.dataset.model);
    if (!info) throw new Error(`no model "${root.dataset.model}" in the manifest`);
    const variant = info.variants.find((v) => v.name === root.dataset.variant) ?? info.variants[0];
    const held = await heldOut(info, variant.fixtures);
    build(root, uid, info, held, api);
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'error';
    console.warn('[vitrine] No threshold explorer:', error);
    root.replaceChildren(h('p', {}, 'The threshold explorer could not be loaded; the tables above have the measured numbers.'));
  }
}

/**
 * The held-out rows, their labels and their scores (−decision_function) from the parity fixtures.
 * @param {ModelEntry} info
 * @param {string} url
 * @returns {Promise<HeldOut>}
 */
async function heldOut(info, url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const data = /** @type {{rows: Record<string, number | string>[], expected: string[], outputs: Record<string, {data: number[]}>}} */ (await response.json());
  const post = /** @type {{score_output: string}} */ (/** @type {unknown} */ (info.postprocessing));
  const raw = data.outputs?.[post.score_output]?.data;
  if (!Array.isArray(data.rows) || !Array.isArray(raw) || raw.length !== data.rows.length) throw new Error(`${url} has no held-out scores`);
  return { features: data.rows, truth: data.expected.map((label) => label === 'anomaly'), scores: raw.map((v) => -v) };
}

/**
 * Precision and recall of flagging the scores above `threshold`.
 * @param {number[]} scores
 * @param {boolean[]} truth
 * @param {number} threshold
 */
export function precisionRecall(scores, truth, threshold) {
  let flagged = 0;
  let hits = 0;
  let anomalies = 0;
  scores.forEach((s, i) => {
    if (truth[i]) anomalies += 1;
    if (s > threshold) {
      flagged += 1;
      if (truth[i]) hits += 1;
    }
  });
  return { flagged, hits, anomalies, precision: flagged ? hits / flagged : 0, recall: anomalies ? hits / anomalies : 0 };
}

/**
 * @param {HTMLElement} root
 * @param {string} uid
 * @param {ModelEntry} info
 * @param {HeldOut} held
 * @param {LabApi} api
 */
function build(root, uid, info, held, api) {
  const post = /** @type {{threshold: number}} */ (/** @type {unknown} */ (info.postprocessing));
  const features = info.preprocessing.features;
  const [fx, fy] = /** @type {NumericFeature[]} */ (features.filter((f) => f.type === 'numeric'));
  const sorted = [...held.scores].sort((a, b) => a - b);
  const step = Math.max((sorted[sorted.length - 1] - sorted[0]) / 400, 1e-4);
  const slider = h('input', { type: 'range', id: `${uid}-threshold`, min: sorted[0].toFixed(4), max: sorted[sorted.length - 1].toFixed(4), step: step.toFixed(5), value: String(post.threshold) });
  const value = h('output', { for: slider.id }, '');
  const reset = h('button', { type: 'button', class: 'md-button' }, "The model's threshold");
  const summary = h('p', { class: 'vitrine-lab-summary', 'aria-live': 'polite' });
  const counts = h('tbody');
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-lab-chart', 'aria-hidden': 'true' }, canvas);
  /** @type {import('chart.js').Chart<'scatter'> | null} */
  let chart = null;

  const fileInput = h('input', { type: 'file', id: `${uid}-file`, accept: '.csv,.tsv,.txt,text/csv,text/plain' });
  const example = h('button', { type: 'button', class: 'md-button' }, 'Score an example file');
  const fileStatus = h('div', { class: 'vitrine-lab-file', role: 'status', 'aria-live': 'polite' });
  const fileResult = h('div', { class: 'vitrine-lab-result' });

  root.replaceChildren(
    h('div', { class: 'vitrine-forecast-field' }, h('label', { for: slider.id }, 'Threshold: '), value, slider),
    h('div', { class: 'vitrine-actions' }, reset),
    summary,
    h('div', { class: 'vitrine-table-scroll' }, h('table', { class: 'vitrine-data vitrine-lab-counts' },
      h('caption', {}, `The ${held.scores.length} held-out rows at this threshold`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, 'Flagged'), h('th', { scope: 'col' }, 'Not flagged'))),
      counts)),
    chartBox,
    h('h3', {}, 'Score your own readings'),
    h('p', {}, `A CSV file with a header line and the columns ${features.map((f) => f.name).join(', ')} (other columns are ignored). It is read and scored in your browser.`),
    h('div', { class: 'vitrine-lab-inputs vitrine-actions' }, h('label', { for: fileInput.id }, 'CSV file: '), fileInput, example),
    fileStatus, fileResult);

  function update() {
    const t = Number(slider.value);
    const r = precisionRecall(held.scores, held.truth, t);
    value.textContent = t.toFixed(3) + (Math.abs(t - post.threshold) < step / 2 ? " (the model's)" : '');
    summary.textContent = `At ${t.toFixed(3)}: ${r.flagged} of ${held.scores.length} held-out rows flagged; ` +
      `precision ${(100 * r.precision).toFixed(1)}% (flagged rows that are anomalies), recall ${(100 * r.recall).toFixed(1)}% (anomalies flagged, of ${r.anomalies}).`;
    counts.replaceChildren(
      h('tr', {}, h('th', { scope: 'row' }, 'Labelled anomaly'), h('td', {}, String(r.hits)), h('td', {}, String(r.anomalies - r.hits))),
      h('tr', {}, h('th', { scope: 'row' }, 'Labelled normal'), h('td', {}, String(r.flagged - r.hits)), h('td', {}, String(held.scores.length - r.anomalies - (r.flagged - r.hits)))));
    draw(t);
  }

  /** @param {number} t */
  function draw(t) {
    if (!chart) return;
    const colors = cssColors(root, { primary: ['--md-primary-fg-color', '#4051b5'], bad: ['--vitrine-danger', '#c62828'] });
    /** @param {(i: number) => boolean} keep */
    const points = (keep) => held.features.flatMap((row, i) => (keep(i) ? [{ x: Number(row[fx.name]), y: Number(row[fy.name]) }] : []));
    chart.data.datasets = [
      { label: 'normal, not flagged', data: points((i) => !held.truth[i] && held.scores[i] <= t), backgroundColor: colors.muted, pointRadius: 1.5 },
      { label: 'normal, flagged', data: points((i) => !held.truth[i] && held.scores[i] > t), backgroundColor: colors.primary, pointRadius: 3, pointStyle: 'triangle' },
      { label: 'anomaly, missed', data: points((i) => held.truth[i] && held.scores[i] <= t), borderColor: colors.bad, backgroundColor: 'transparent', pointRadius: 4, borderWidth: 1.5 },
      { label: 'anomaly, flagged', data: points((i) => held.truth[i] && held.scores[i] > t), backgroundColor: colors.bad, pointRadius: 4 },
    ];
    chart.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { title: { display: true, text: `${fx.label}${fx.unit ? ` (${fx.unit})` : ''}`, color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
        y: { title: { display: true, text: `${fy.label}${fy.unit ? ` (${fy.unit})` : ''}`, color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
      },
      plugins: { legend: { labels: { color: colors.text } } },
    };
    chart.update();
  }

  slider.addEventListener('input', update);
  reset.addEventListener('click', () => {
    slider.value = String(post.threshold);
    update();
  });
  update();
  if (fx && fy) {
    loadChart().then((Chart) => {
      chart = new Chart(canvas, { type: 'scatter', data: { datasets: [] }, options: {} });
      draw(Number(slider.value));
    }).catch((e) => console.warn('[vitrine] No scatter plot (the table counts the rows):', e));
  } else {
    chartBox.hidden = true;
  }
  new MutationObserver(() => draw(Number(slider.value))).observe(document.body, { attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'] });

  /** @param {string | Blob} input @param {string} what */
  async function score(input, what) {
    fileResult.replaceChildren();
    fileStatus.textContent = `Reading ${what}…`;
    try {
      const table = await api.readBatch(input);
      const { feeds, problems, n } = columnsToFeeds(table, info);
      if (problems.length) {
        fileStatus.replaceChildren(
          h('p', {}, `${what} cannot be scored: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}${problems.length > LISTED_PROBLEMS ? ` (the first ${LISTED_PROBLEMS})` : ''}.`),
          h('ul', {}, ...problems.slice(0, LISTED_PROBLEMS).map((p) => h('li', {}, p))));
        return;
      }
      fileStatus.textContent = `Scoring ${n} rows of ${what}…`;
      const model = await api.load(info.id);
      const post2 = /** @type {{score_output: string, threshold: number}} */ (/** @type {unknown} */ (info.postprocessing));
      /** @type {number[]} */
      const scores = [];
      for (let start = 0; start < n; start += BATCH) {
        const part = Object.fromEntries(features.map((f) => {
          const data = feeds[f.input].slice(start, start + BATCH);
          return [f.input, f.type === 'numeric'
            ? { type: 'float32', dims: [data.length, 1], data: Float32Array.from(/** @type {number[]} */ (data)) }
            : { type: 'string', dims: [data.length, 1], data: data.map(String) }];
        }));
        const out = await model.run(part);
        for (const v of out[post2.score_output].data) scores.push(-Number(v));
      }
      const threshold = Number(slider.value);
      const flagged = scores.map((s, i) => ({ s, i })).filter((r) => r.s > threshold).sort((a, b) => b.s - a.s);
      fileStatus.textContent = `${what}: ${n} rows scored in your browser; ${flagged.length} above the threshold ${threshold.toFixed(3)}.`;
      if (!flagged.length) return;
      fileResult.replaceChildren(h('div', { class: 'vitrine-table-scroll' }, h('table', { class: 'vitrine-data' },
        h('caption', {}, `The most unusual rows of ${what}${flagged.length > LISTED_ROWS ? ` (${LISTED_ROWS} of ${flagged.length})` : ''}`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), ...features.map((f) => h('th', { scope: 'col' }, f.label)), h('th', { scope: 'col' }, 'Score'))),
        h('tbody', {}, ...flagged.slice(0, LISTED_ROWS).map(({ s, i }) => h('tr', {}, h('th', { scope: 'row' }, String(i + 1)),
          ...features.map((f) => h('td', {}, String(feeds[f.input][i]))), h('td', {}, s.toFixed(3))))))));
    } catch (e) {
      fileStatus.textContent = `${what} could not be scored: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) score(file, `“${file.name}”`);
  });
  example.addEventListener('click', () => {
    // the held-out rows as a visitor's file would have them: the model's columns, one row per line
    const lines = [features.map((f) => f.name).join(','), ...held.features.map((row) => features.map((f) => row[f.name]).join(','))];
    score(lines.join('\n'), 'the example file (the held-out rows)');
  });
}

/**
 * A parsed CSV's columns → one column per feature input (numbers, or a categorical feature's text), or the
 * problems, each naming its row (data rows count from 1, under the header) and column.
 * @param {{columns: string[], rows: unknown[][]}} table
 * @param {ModelEntry} info
 * @returns {{feeds: Record<string, (number | string)[]>, problems: string[], n: number}}
 */
export function columnsToFeeds(table, info) {
  const features = info.preprocessing.features;
  const missing = features.filter((f) => !table.columns.includes(f.name)).map((f) => f.name);
  if (missing.length) {
    return { feeds: {}, n: 0, problems: [`no column ${missing.map((m) => `"${m}"`).join(', ')} (the header has ${table.columns.map((c) => `"${c}"`).join(', ')})`] };
  }
  if (!table.rows.length) return { feeds: {}, n: 0, problems: ['the file has a header but no rows'] };
  /** @type {string[]} */
  const problems = [];
  /** @type {Record<string, (number | string)[]>} */
  const feeds = {};
  for (const f of features) {
    const at = table.columns.indexOf(f.name);
    feeds[f.input] = table.rows.map((row, r) => {
      const cell = String(row[at] ?? '').trim();
      const v = cell === '' ? NaN : Number(cell);
      if (f.type !== 'numeric') {
        if (!f.categories.includes(cell)) problems.push(`row ${r + 1}, column "${f.name}": "${cell}" is not one of ${f.categories.join(', ')}`);
        return cell;
      }
      if (!Number.isFinite(v) || Math.abs(v) > 3.4e38) problems.push(`row ${r + 1}, column "${f.name}": ${cell === '' ? 'empty' : `"${cell}" is not a number`}`);
      return v;
    });
  }
  return { feeds, problems, n: table.rows.length };
}
