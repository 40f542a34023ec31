// What the tabular widget (demo_tabular.js) shows of an answer: a classifier's label, probability bars and
// table; a regressor's value, its prediction interval on the scale of the training targets, and a table
// with the same numbers; an anomaly detector's verdict, score and threshold. The form, the runs and the
// notices are the widget's; a view only draws.
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';
import { formatValue } from './form_checks.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./tabular.js').Prediction} Prediction */
/** @typedef {import('./tabular.js').RegressionPrediction} RegressionPrediction */
/** @typedef {import('./tabular.js').AnomalyPrediction} AnomalyPrediction */
/** @typedef {Prediction | RegressionPrediction | AnomalyPrediction} Answer */

/**
 * @typedef {object} AnswerView
 * @property {HTMLElement[]} els what goes into the output column, after the source line
 * @property {HTMLElement[]} summary the one-line copy on phones (demo_tabular.js), after "Prediction: "
 * @property {(answer: Answer | null) => void} show draw an answer, or none (the inputs are invalid)
 * @property {() => void} startChart load Chart.js and draw the chart (the table stands in until then)
 * @property {() => void} redraw the colour scheme changed
 */

/**
 * The view for a model's task.
 * @param {ModelEntry} info
 * @param {HTMLElement} root the demo (its CSS colours are read at draw time)
 * @returns {AnswerView}
 */
export function answerView(info, root) {
  if (info.task === 'tabular-regression') return valueView(info, root);
  return info.task === 'anomaly-detection' ? scoreView() : classView(info, root);
}

/**
 * A precomputed example's output as predict() answers it.
 * @param {ModelEntry} info
 * @param {import('./manifest.js').Example} example
 * @returns {Answer}
 */
export function exampleAnswer(info, example) {
  if (info.task !== 'tabular-classification') return /** @type {RegressionPrediction | AnomalyPrediction} */ ({ ...example.output });
  const { label, probabilities } = example.output;
  return { label, labelIndex: info.labels.indexOf(label), probabilities: Object.fromEntries(info.labels.map((name, i) => [name, probabilities[i]])) };
}

/**
 * A classifier: the predicted label, a bar per class and the probability table (what screen readers get).
 * @param {ModelEntry} info
 * @param {HTMLElement} root
 * @returns {AnswerView}
 */
function classView(info, root) {
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
  const summaryLabel = h('strong', { class: 'vitrine-summary-label' }, '–');
  const summaryShare = h('span', { class: 'vitrine-summary-share' });
  /** @type {Prediction | null} */
  let shown = null;
  /** @type {import('chart.js').Chart<'bar', number[], string> | null} */
  let chart = null;

  function update() {
    if (!chart) return;
    if (!shown) {
      chart.data.datasets[0].data = [];
      chart.update();
      return;
    }
    const { probabilities, label: predicted } = shown;
    const colors = themeColors(root);
    chart.data.labels = [...info.labels];
    chart.data.datasets[0].data = info.labels.map((name) => probabilities[name] * 100);
    chart.data.datasets[0].backgroundColor = info.labels.map((name) => (name === predicted ? colors.primary : colors.muted));
    chart.options = barOptions(colors);
    chart.update();
  }

  return {
    els: [h('p', { class: 'vitrine-label-line', 'aria-live': 'polite' }, 'Prediction: ', label), chartBox, table],
    summary: [summaryLabel, summaryShare],
    show(answer) {
      shown = /** @type {Prediction | null} */ (answer);
      label.textContent = summaryLabel.textContent = shown ? shown.label : '–';
      summaryShare.textContent = shown ? formatPercent(shown.probabilities[shown.label]) : '';
      for (const [name, { tr, td }] of rows) {
        const p = shown?.probabilities[name];
        td.textContent = p === undefined ? '–' : formatPercent(p);
        if (p === undefined) delete tr.dataset.probability;
        else tr.dataset.probability = String(p);
        tr.classList.toggle('vitrine-predicted', name === shown?.label);
      }
      update();
    },
    startChart() {
      loadChart().then((Chart) => {
        chart ??= new Chart(canvas, { type: 'bar', data: { labels: [], datasets: [{ data: [], borderRadius: 3 }] }, options: barOptions(themeColors(root)) });
        update();
      }).catch((e) => console.warn('[vitrine] No chart (the table shows the probabilities):', e));
    },
    redraw: update,
  };
}

/**
 * A regressor: the value, its prediction interval in words, a chart that puts the interval on the scale
 * of the training targets (their range and mean), and a table with the same numbers.
 * @param {ModelEntry} info
 * @param {HTMLElement} root
 * @returns {AnswerView}
 */
function valueView(info, root) {
  const data = /** @type {{target_label: string, target_unit?: string, target_stats: {min: number, max: number, mean: number, step: number}}} */ (
    /** @type {unknown} */ (info.dataset));
  const stats = data.target_stats;
  const unit = data.target_unit ? ` ${data.target_unit}` : '';
  // one decimal more than the data's own: the model's values fall between the data's steps
  const step = stats.step / 10;
  /** @param {number} v */
  const format = (v) => `${formatValue(v, step)}${unit}`;
  const value = h('strong', { class: 'vitrine-label vitrine-value' }, '–');
  const range = h('span', { class: 'vitrine-interval' });
  const cells = { value: h('td', {}, '–'), low: h('span', {}, '–'), high: h('span', {}, '–') };
  const levelCell = h('th', { scope: 'row' }, 'Interval');
  const table = h('table', { class: 'vitrine-probabilities vitrine-regression' },
    h('caption', {}, data.target_label),
    h('tbody', {},
      h('tr', { class: 'vitrine-predicted' }, h('th', { scope: 'row' }, 'Prediction'), cells.value),
      h('tr', {}, levelCell, h('td', {}, cells.low, ' – ', cells.high)),
      h('tr', {}, h('th', { scope: 'row' }, 'Training data'), h('td', {}, `${format(stats.min)} – ${format(stats.max)}, mean ${format(stats.mean)}`))));
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-chart', 'aria-hidden': 'true' }, canvas);
  chartBox.style.height = '112px';
  const summaryValue = h('strong', { class: 'vitrine-summary-label' }, '–');
  const summaryRange = h('span', { class: 'vitrine-summary-share' });
  /** @type {RegressionPrediction | null} */
  let shown = null;
  /** @type {import('chart.js').Chart<'bar', [number, number][], string> | null} */
  let chart = null;
  const rowNames = ['This row', 'Training data'];

  function update() {
    if (!chart) return;
    const colors = themeColors(root);
    // One bar per row on the same axis: the interval with a tick at the value; the training range with a tick at the mean.
    const tick = (stats.max - stats.min) / 150;
    const [band, mark] = chart.data.datasets;
    band.data = [shown ? [shown.low, shown.high] : [0, 0], [stats.min, stats.max]];
    band.backgroundColor = [colors.band, colors.muted];
    mark.data = [shown ? [shown.value - tick, shown.value + tick] : [0, 0], [stats.mean - tick, stats.mean + tick]];
    mark.backgroundColor = [colors.primary, colors.text];
    chart.data.labels = rowNames;
    chart.options = rangeOptions(colors, format);
    chart.update();
  }

  return {
    els: [h('p', { class: 'vitrine-label-line', 'aria-live': 'polite' }, `${data.target_label}: `, value, ' ', range), chartBox, table],
    summary: [summaryValue, summaryRange],
    show(answer) {
      shown = /** @type {RegressionPrediction | null} */ (answer);
      value.textContent = summaryValue.textContent = cells.value.textContent = shown ? format(shown.value) : '–';
      const level = shown ? `${Math.round(shown.level * 100)}%` : '';
      range.textContent = shown ? `(${level} interval: ${format(shown.low)} to ${format(shown.high)})` : '';
      summaryRange.textContent = shown ? `${format(shown.low)} – ${format(shown.high)}` : '';
      levelCell.textContent = shown ? `${level} interval` : 'Interval';
      cells.low.textContent = shown ? format(shown.low) : '–';
      cells.high.textContent = shown ? format(shown.high) : '–';
      update();
    },
    startChart() {
      loadChart().then((Chart) => {
        const bar = { data: [], borderRadius: 2, grouped: false, barPercentage: 0.7 };
        chart ??= new Chart(canvas, { type: 'bar', data: { labels: [], datasets: [{ ...bar }, { ...bar, barPercentage: 0.95 }] }, options: rangeOptions(themeColors(root), format) });
        update();
      }).catch((e) => console.warn('[vitrine] No chart (the table shows the prediction):', e));
    },
    redraw: update,
  };
}

/**
 * An anomaly detector: the verdict, and the score against the threshold in a table. The page's threshold
 * section (anomaly_lab.js) has the plots: one row's score needs none.
 * @returns {AnswerView}
 */
function scoreView() {
  const verdict = h('strong', { class: 'vitrine-label vitrine-verdict' }, '–');
  const score = h('td', {}, '–');
  const threshold = h('td', {}, '–');
  const table = h('table', { class: 'vitrine-probabilities vitrine-anomaly' },
    h('caption', {}, 'Anomaly score'),
    h('tbody', {},
      h('tr', { class: 'vitrine-predicted' }, h('th', { scope: 'row' }, 'Score'), score),
      h('tr', {}, h('th', { scope: 'row' }, 'Threshold'), threshold)));
  const summaryVerdict = h('strong', { class: 'vitrine-summary-label' }, '–');
  const summaryScore = h('span', { class: 'vitrine-summary-share' });
  return {
    els: [h('p', { class: 'vitrine-label-line', 'aria-live': 'polite' }, 'Verdict: ', verdict), table],
    summary: [summaryVerdict, summaryScore],
    show(answer) {
      const a = /** @type {AnomalyPrediction | null} */ (answer);
      verdict.textContent = summaryVerdict.textContent = a ? (a.anomaly ? 'anomaly' : 'normal') : '–';
      verdict.dataset.anomaly = String(Boolean(a?.anomaly));
      score.textContent = a ? a.score.toFixed(3) : '–';
      summaryScore.textContent = a ? `score ${a.score.toFixed(3)}` : '';
      threshold.textContent = a ? `${a.threshold.toFixed(3)} (above it: an anomaly)` : '–';
    },
    startChart() {},
    redraw() {},
  };
}

/**
 * mkdocs-material's palette, read at draw time so light and dark schemes both work.
 * @param {HTMLElement} el
 */
function themeColors(el) {
  return cssColors(el, { primary: ['--md-primary-fg-color', '#4051b5'], band: ['--md-accent-fg-color--transparent', 'rgba(68, 138, 255, 0.25)'] });
}

/**
 * A classifier's probability bars, 0 to 100%.
 * @param {ReturnType<typeof themeColors>} colors
 * @returns {import('chart.js').ChartOptions<'bar'>}
 */
function barOptions(colors) {
  return horizontalBars(colors, { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } },
    (item) => `${(item.parsed.x ?? 0).toFixed(1)}%`);
}

/**
 * Floating bars on the target's scale (Chart.js picks round bounds that hold both bars).
 * @param {ReturnType<typeof themeColors>} colors
 * @param {(v: number) => string} format
 * @returns {import('chart.js').ChartOptions<'bar'>}
 */
function rangeOptions(colors, format) {
  return horizontalBars(colors, { beginAtZero: false }, (item) => {
    const [a, b] = /** @type {[number, number]} */ (item.raw);
    return item.datasetIndex === 0 ? `${format(a)} – ${format(b)}` : format((a + b) / 2);
  });
}

/**
 * What both views' charts share: horizontal bars in the scheme's colours, no legend; `x` sets the value axis.
 * @param {ReturnType<typeof themeColors>} colors
 * @param {{min?: number, max?: number, beginAtZero?: boolean, ticks?: {callback?: (v: string | number) => string}}} x
 * @param {(item: import('chart.js').TooltipItem<'bar'>) => string} label the tooltip's text
 * @returns {import('chart.js').ChartOptions<'bar'>}
 */
function horizontalBars(colors, x, label) {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: { duration: 150 },
    scales: {
      x: { ...x, ticks: { color: colors.text, ...x.ticks }, grid: { color: colors.grid } },
      y: { ticks: { color: colors.text }, grid: { display: false } },
    },
    plugins: { legend: { display: false }, tooltip: { callbacks: { label } } },
  };
}

/** @param {number | undefined} p */
function formatPercent(p) {
  return typeof p === 'number' && Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : '–';
}
