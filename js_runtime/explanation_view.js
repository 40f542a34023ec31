// "Why this prediction": the tabular demo's live explanation of its newest prediction. It shows the
// exact Shapley values m.explain(row) computes (worker/shapley.js) for the predicted class as a
// waterfall (Chart.js floating bars, lazy-loaded like the probability chart): the first bar starts at the
// class's average over the background, each feature's bar moves the probability by its value (largest
// first), and the last one ends at this row's probability; the same two numbers in words; and a table with the same
// numbers (feature, its value in the row, contribution in percentage points), which screen readers
// read instead of the chart. The view only renders: the widget decides when (demo_tabular.js asks for
// the explanation in the same cancellable run as the prediction, so both are for the same row).
// Every text from the manifest or the model is set as text, never as HTML.
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';
import { formatValue } from './form_checks.js';

/** @typedef {import('./manifest.js').Feature} Feature */
/** @typedef {import('./model.js').TimedExplanation} Explanation */
/** @typedef {Record<string, number|string>} Row */

/**
 * One feature's share of the predicted class's probability.
 * @typedef {object} Contribution
 * @property {string} name the feature's column name
 * @property {string} label what the page calls it
 * @property {string} value its value in the row, as shown ("181 mm", "Torgersen")
 * @property {number} points its Shapley value, in probability points (signed, 0.12 = +12 percentage points)
 */

/**
 * The explanation of one class, contributions sorted by size (largest |value| first; ties keep the
 * feature order).
 * @typedef {object} ClassExplanation
 * @property {string} label the class
 * @property {number} base its mean probability over the background rows
 * @property {number} prediction its probability for the row (base + Σ points)
 * @property {Contribution[]} contributions
 */

/**
 * Pick the class `label` out of an explanation. Null when the explanation does not have it.
 * @param {Pick<Explanation, 'features'|'outputs'|'base'|'values'|'prediction'>} explanation
 * @param {string} label
 * @param {Feature[]} features the manifest's feature specs (labels, units, steps)
 * @param {Row} row the inputs explained
 * @returns {ClassExplanation | null}
 */
export function classExplanation(explanation, label, features, row) {
  const k = explanation.outputs.indexOf(label);
  if (k < 0 || !explanation.values[k]) return null;
  const specs = new Map(features.map((f) => [f.name, f]));
  const contributions = explanation.features.map((name, i) => {
    const f = specs.get(name);
    return { name, label: f?.label ?? name, value: featureValue(f, row[name]), points: explanation.values[k][i] };
  });
  contributions.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { label, base: explanation.base[k], prediction: explanation.prediction[k], contributions };
}

/**
 * A feature's value as the form shows it, with its unit: "181 mm", "39.1", "Torgersen".
 * @param {Feature | undefined} f
 * @param {number|string|undefined} value
 * @returns {string}
 */
export function featureValue(f, value) {
  if (value === undefined) return '–';
  if (f?.type !== 'numeric') return String(value);
  const text = formatValue(Number(value), f.step);
  return f.unit ? `${text} ${f.unit}` : text;
}

/**
 * Probability points as signed percentage points with one decimal: "+12.3", "−4.0" (a real minus
 * sign), "0.0" for what rounds to zero.
 * @param {number} points
 * @returns {string}
 */
export function formatPoints(points) {
  const text = Math.abs(points * 100).toFixed(1);
  if (Number(text) === 0) return '0.0';
  return `${points > 0 ? '+' : '\u2212'}${text}`;
}

/** @param {number} p */
export function formatPercent(p) {
  return Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : '–';
}

/**
 * One sentence for screen readers: the largest effects, at most three.
 * @param {ClassExplanation} e
 * @returns {string}
 */
export function describeExplanation(e) {
  const top = e.contributions.slice(0, 3).map((c) => `${c.label} ${c.value}: ${formatPoints(c.points)} points`);
  return `Contributions to the probability of ${e.label}, largest first: ${top.join('; ')}.`;
}

/**
 * @typedef {object} ExplanationView
 * @property {HTMLElement} el the view (hidden until show())
 * @property {(e: ClassExplanation, probability: number) => void} show `probability`: the class's
 *   probability as the prediction shows it (the table above)
 * @property {() => void} pending the prediction changed and its explanation is on its way: hide the shown
 *   one (an older row's), keeping its place so the page does not jump
 * @property {(note?: string) => void} clear hide the explanation; with `note`, say instead why there is none
 * @property {() => void} redraw redraw the chart with the current palette (light/dark switch)
 */

/**
 * @param {string} uid page-unique id prefix
 * @param {number} featureCount bars to make room for
 * @returns {ExplanationView}
 */
export function mountExplanation(uid, featureCount) {
  const titleId = `${uid}-why`;
  const descId = `${uid}-why-desc`;
  const summary = h('p', { class: 'vitrine-explain-summary' });
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-chart vitrine-explain-chart', 'aria-hidden': 'true' }, canvas);
  chartBox.style.height = `${featureCount * 34 + 44}px`;
  const caption = h('caption', {});
  const tbody = h('tbody');
  const table = h('table', { class: 'vitrine-explain-table' }, caption,
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Feature'), h('th', { scope: 'col' }, 'Value'),
      h('th', { scope: 'col' }, 'Contribution (points)'))),
    tbody);
  const details = h('details', { class: 'vitrine-explain-details' }, h('summary', {}, 'The numbers'), table);
  const description = h('p', { class: 'vitrine-sr-only', id: descId });
  const note = h('p', { class: 'vitrine-explain-note', hidden: true });
  const body = h('div', { class: 'vitrine-explain-body' },
    summary, chartBox,
    h('p', { class: 'vitrine-explain-legend' },
      h('span', { class: 'vitrine-explain-key vitrine-explain-key--up' }, 'raises'), ' / ',
      h('span', { class: 'vitrine-explain-key vitrine-explain-key--down' }, 'lowers'),
      ' the probability (percentage points; exact Shapley values against training rows, computed in your browser).'),
    details, description);
  const el = h('section', { class: 'vitrine-explain', 'aria-labelledby': titleId, 'aria-describedby': descId, hidden: true },
    h('p', { class: 'vitrine-explain-title', id: titleId }, 'Why this prediction'), body, note);

  /** @type {ClassExplanation | null} */
  let shown = null;
  /** @type {import('chart.js').Chart<'bar', number[], string> | null} */
  let chart = null;
  let chartFailed = false;

  function draw() {
    const e = shown;
    if (!e || chartFailed) return;
    if (!chart) {
      loadChart().then((Chart) => {
        chart ??= new Chart(canvas, { type: 'bar', data: { labels: [], datasets: [{ data: [], borderRadius: 2 }] }, options: chartOptions(palette(el)) });
        draw();
      }).catch((error) => {
        chartFailed = true;
        details.open = true; // no chart: the table is the explanation
        console.warn('[vitrine] No explanation chart (the table shows the values):', error);
      });
      return;
    }
    const colors = palette(el);
    // Two lines per bar (name, value), so long names fit a phone's width without clipping.
    chart.data.labels = /** @type {string[]} */ (/** @type {unknown} */ (e.contributions.map((c) => [c.label, c.value])));
    chart.data.datasets[0].data = /** @type {any} */ (waterfall(e));
    chart.data.datasets[0].backgroundColor = e.contributions.map((c) => (c.points >= 0 ? colors.up : colors.down));
    chart.options = chartOptions(colors);
    chart.update();
  }

  return {
    el,
    show(e, probability) {
      shown = e;
      el.hidden = false;
      delete el.dataset.pending;
      el.removeAttribute('aria-busy');
      body.hidden = false;
      note.hidden = true;
      el.dataset.label = e.label;
      el.dataset.base = String(e.base);
      el.dataset.prediction = String(e.prediction);
      summary.replaceChildren(
        `Probability of ${e.label}: average over the background `, h('strong', {}, formatPercent(e.base)),
        ' → this row ', h('strong', {}, formatPercent(probability)));
      caption.textContent = `Contributions to the probability of ${e.label}, in percentage points`;
      tbody.replaceChildren(...e.contributions.map((c) => h('tr', { 'data-feature': c.name, 'data-points': String(c.points) },
        h('th', { scope: 'row' }, c.label), h('td', {}, c.value),
        h('td', { class: c.points >= 0 ? 'vitrine-explain-up' : 'vitrine-explain-down' }, formatPoints(c.points)))));
      description.textContent = describeExplanation(e);
      draw();
    },
    pending() {
      if (el.hidden) return; // nothing shown yet: the first explanation appears when it arrives
      el.dataset.pending = 'true';
      el.setAttribute('aria-busy', 'true');
      delete el.dataset.label;
      delete el.dataset.base;
      delete el.dataset.prediction;
      note.hidden = true;
    },
    clear(text) {
      shown = null;
      delete el.dataset.pending;
      el.removeAttribute('aria-busy');
      delete el.dataset.label;
      delete el.dataset.base;
      delete el.dataset.prediction;
      tbody.replaceChildren();
      summary.textContent = '';
      description.textContent = '';
      body.hidden = true;
      note.textContent = text ?? '';
      note.hidden = !text;
      el.hidden = !text;
      if (chart) {
        chart.data.labels = [];
        chart.data.datasets[0].data = [];
        chart.update();
      }
    },
    redraw: draw,
  };
}

/**
 * The waterfall's bars, in percent: each feature's [running total before it, after it], from the base
 * (the background average) to the base plus every value (the row's probability).
 * @param {ClassExplanation} e
 * @returns {[number, number][]}
 */
export function waterfall(e) {
  let total = e.base;
  return e.contributions.map((c) => {
    const from = total;
    total += c.points;
    return [from * 100, total * 100];
  });
}

/**
 * The view's colours, read at draw time from CSS (vitrine.css sets them per light/dark scheme).
 * @param {HTMLElement} el
 */
function palette(el) {
  return cssColors(el, { up: ['--vitrine-explain-up', '#c2185b'], down: ['--vitrine-explain-down', '#1565c0'] });
}

/**
 * @param {ReturnType<typeof palette>} colors
 * @returns {import('chart.js').ChartOptions<'bar'>}
 */
function chartOptions(colors) {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: { duration: 150 },
    scales: {
      x: {
        beginAtZero: false, // the bars float between the average and this row's probability
        grace: '10%',
        ticks: { color: colors.text, callback: (v) => `${v}%` },
        grid: { color: colors.grid },
        title: { display: true, text: 'probability (%)', color: colors.text },
      },
      y: { ticks: { color: colors.text, autoSkip: false }, grid: { display: false } },
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (item) => {
            const [from, to] = /** @type {[number, number]} */ (/** @type {unknown} */ (item.raw));
            return `${formatPoints((to - from) / 100)} points: ${from.toFixed(1)}% → ${to.toFixed(1)}%`;
          },
        },
      },
    },
  };
}
