// The demo widget for time-series forecasting (task "time-series-forecasting"), on the demo shell. Input: where
// the forecast starts (a slider over the back-test period and the end of the data) and how many steps ahead
// (the horizon slider), with the build's example origins as buttons. Output: one sentence with the last
// step's forecast and interval, a Chart.js plot (the recent history, the forecast and its interval band, and
// what really happened where the data knows), and a table with the same numbers for screen readers.
//
// Contract of the model call (the public API): `await m.predict(values, {horizon, signal})` → {forecast, low,
// high, level} (js_runtime/series.js), from the last `window` values of `values`, oldest first.
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./series.js').Forecast} Forecast */
/** @typedef {{dates: string[], values: number[], filled: string[]}} SeriesData */
/** @typedef {{origin: number, horizon: number}} Ask where the forecast starts (an index into the series) and how far */

/** Periods of history the plot shows before the forecast. */
export const HISTORY = 48;

/**
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant
 */
export function mountForecast(root, info, api, variant) {
  const pre = /** @type {{window: number}} */ (/** @type {unknown} */ (info.preprocessing));
  const post = /** @type {{horizon: number, interval: {level: number}}} */ (/** @type {unknown} */ (info.postprocessing));
  const data = /** @type {{label: string, unit: string, test_start: string, end: string}} */ (/** @type {unknown} */ (info.dataset));
  const examples = /** @type {{origin: string, output: Forecast}[]} */ (/** @type {unknown} */ (info.examples));
  const unit = data.unit ? ` ${data.unit}` : '';
  /** @param {number} v a value as the table shows it (its caption names the unit): two decimals at most */
  const number = (v) => String(Number(v.toFixed(2)));
  /** @param {number} v */
  const format = (v) => `${number(v)}${unit}`;
  const seriesUrl = (info.artifacts ?? []).find((a) => String(a.kind) === 'series')?.url;
  /** @type {Promise<SeriesData>} */
  const series = seriesUrl ? fetchSeries(seriesUrl) : Promise.reject(new Error('the build stored no series for this model'));
  series.catch(() => {}); // reported by the first run

  /** @type {import('./demo_shell.js').Shell<Ask>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    inputsLabel: `Forecast settings for ${info.title}`,
    predict: async (model, ask, signal) => {
      const { values } = await series;
      return /** @type {Promise<Forecast>} */ (/** @type {{predict: Function}} */ (model).predict(values.slice(0, ask.origin), { horizon: ask.horizon, signal }));
    },
    onResult: (forecast, ask, run) => show(forecast, ask, run.live ? 'live' : 'precomputed'),
    onVisible: () => { ready.then(() => shell.runNow(current())); },
    onLoading: startChart,
  });
  const uid = shell.uid;

  // ---- inputs ----
  const originLabel = h('output', { id: `${uid}-origin-value`, class: 'vitrine-forecast-origin' }, '–');
  const origin = h('input', { type: 'range', id: `${uid}-origin`, min: 0, max: 0, step: 1, value: 0, disabled: true, 'aria-describedby': `${uid}-origin-value` });
  const horizonLabel = h('output', { id: `${uid}-horizon-value` }, String(post.horizon));
  const horizon = h('input', { type: 'range', id: `${uid}-horizon`, min: 1, max: post.horizon, step: 1, value: post.horizon, 'aria-describedby': `${uid}-horizon-value` });
  const exampleButtons = h('div', { class: 'vitrine-actions', role: 'group', 'aria-label': 'Example forecasts' });
  shell.inputs.append(
    h('div', { class: 'vitrine-forecast-field' }, h('label', { for: origin.id }, 'Forecast from: '), originLabel, origin),
    h('div', { class: 'vitrine-forecast-field' }, h('label', { for: horizon.id }, 'Steps ahead: '), horizonLabel, horizon),
    exampleButtons);

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' });
  const headline = h('p', { class: 'vitrine-label-line', 'aria-live': 'polite' });
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-chart vitrine-forecast-chart', 'aria-hidden': 'true' }, canvas);
  const tbody = h('tbody');
  const table = h('table', { class: 'vitrine-probabilities vitrine-forecast-table' },
    h('caption', {}, `${data.label}${unit ? ` (${data.unit})` : ''}: forecast, ${Math.round(post.interval.level * 100)}% interval and what happened`),
    h('thead', {}, h('tr', {}, ...['Period', 'Forecast', 'Interval', 'Actual'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  shell.output.append(source, headline, chartBox, h('div', { class: 'vitrine-table-scroll' }, table));

  /** @type {SeriesData | null} */
  let loaded = null;
  /** @type {{forecast: Forecast, ask: Ask} | null} */
  let shown = null;
  /** @type {import('chart.js').Chart<'line', (number | null)[], string> | null} */
  let chart = null;

  /** @returns {Ask} */
  function current() {
    return { origin: Number(origin.value), horizon: Number(horizon.value) };
  }

  /** @param {number} i @returns {string} the period an index of the series (or just past it) starts */
  function period(i) {
    const dates = /** @type {SeriesData} */ (loaded).dates;
    if (i < dates.length) return dates[i];
    const [y, m] = dates[dates.length - 1].split('-').map(Number);
    const k = m - 1 + 1 + (i - dates.length);
    return `${y + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  }

  function describeOrigin() {
    const i = Number(origin.value);
    const n = /** @type {SeriesData} */ (loaded).values.length;
    originLabel.textContent = i >= n ? `${period(i)}, after the data` : `${period(i)} (back-test: the model sees only what came before)`;
    horizonLabel.textContent = `${horizon.value} (to ${period(i + Number(horizon.value) - 1)})`;
  }

  /**
   * @param {Forecast} forecast
   * @param {Ask} ask
   * @param {'live'|'precomputed'} kind
   */
  function show(forecast, ask, kind) {
    shown = { forecast, ask };
    root.dataset.source = kind;
    source.textContent = kind === 'live' ? 'Live forecast, calculated in your browser.' : 'Precomputed forecast, calculated when the site was built.';
    const last = forecast.forecast.length - 1;
    const level = `${Math.round(forecast.level * 100)}%`;
    headline.textContent = `${data.label} in ${period(ask.origin + last)}: ${format(forecast.forecast[last])} ` +
      `(${level} interval ${format(forecast.low[last])} to ${format(forecast.high[last])}).`;
    const values = loaded?.values ?? [];
    tbody.replaceChildren(...forecast.forecast.map((v, k) => {
      const actual = values[ask.origin + k];
      return h('tr', {}, h('th', { scope: 'row' }, period(ask.origin + k)), h('td', {}, number(v)),
        h('td', {}, `${number(forecast.low[k])} – ${number(forecast.high[k])}`), h('td', {}, actual === undefined ? '–' : number(actual)));
    }));
    draw();
  }

  function draw() {
    if (!chart || !shown || !loaded) return;
    const { forecast, ask } = shown;
    const colors = cssColors(root, { primary: ['--md-primary-fg-color', '#4051b5'], band: ['--md-accent-fg-color--transparent', 'rgba(68, 138, 255, 0.2)'] });
    const start = Math.max(0, ask.origin - HISTORY);
    const end = ask.origin + forecast.forecast.length;
    const labels = Array.from({ length: end - start }, (_, i) => period(start + i));
    const at = (/** @type {number} */ i) => i - start;
    const joined = ask.origin - 1 >= start ? loaded.values[ask.origin - 1] : null; // the lines meet at the last known value
    /** @param {(k: number) => number | null} value @returns {(number | null)[]} */
    const ahead = (value) => labels.map((_, i) => (start + i >= ask.origin ? value(start + i - ask.origin) : start + i === ask.origin - 1 ? joined : null));
    const history = labels.map((_, i) => (start + i < ask.origin ? loaded?.values[start + i] ?? null : null));
    // the forecast line starts at the last known value, so the two lines join
    if (ask.origin - 1 >= start) history[at(ask.origin - 1)] = loaded.values[ask.origin - 1];
    const actual = labels.map((_, i) => (start + i >= ask.origin - 1 ? loaded?.values[start + i] ?? null : null));
    chart.data.labels = labels;
    chart.data.datasets = [
      { label: 'history', data: history, borderColor: colors.text, pointRadius: 0, borderWidth: 1.5 },
      { label: 'what happened', data: actual, borderColor: colors.text, borderDash: [4, 3], pointRadius: 0, borderWidth: 1 },
      { label: 'low', data: ahead((k) => forecast.low[k]), borderColor: 'transparent', pointRadius: 0, fill: false },
      { label: 'interval', data: ahead((k) => forecast.high[k]), borderColor: 'transparent', backgroundColor: colors.band, pointRadius: 0, fill: '-1' },
      { label: 'forecast', data: ahead((k) => forecast.forecast[k]), borderColor: colors.primary, pointRadius: 2, borderWidth: 2 },
    ];
    chart.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { ticks: { color: colors.text, maxTicksLimit: 8 }, grid: { color: colors.grid } },
        y: { title: { display: true, text: `${data.label}${unit ? ` (${data.unit})` : ''}`, color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
      },
      plugins: { legend: { display: false } },
    };
    chart.update();
  }

  function startChart() {
    loadChart().then((Chart) => {
      chart ??= new Chart(canvas, { type: 'line', data: { labels: [], datasets: [] }, options: {} });
      draw();
    }).catch((e) => console.warn('[vitrine] No chart (the table shows the forecast):', e));
  }

  // mkdocs-material switches light/dark by these attributes on <body>: redraw with the new palette.
  new MutationObserver(draw).observe(document.body, { attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'] });

  const ready = series.then((s) => {
    loaded = s;
    const n = s.values.length;
    const first = Math.max(pre.window, s.dates.indexOf(data.test_start));
    Object.assign(origin, { min: String(first), max: String(n), value: String(n), disabled: false });
    describeOrigin();
    examples.forEach((ex, i) => {
      const at = ex.origin === period(n) ? n : s.dates.indexOf(ex.origin);
      if (at < 0) return;
      const button = h('button', { type: 'button', class: 'md-button', 'data-origin': ex.origin },
        at === n ? `After the data (${ex.origin})` : `From ${ex.origin}`);
      button.addEventListener('click', () => {
        origin.value = String(at);
        horizon.value = String(post.horizon);
        describeOrigin();
        shell.runNow(current());
      });
      exampleButtons.append(button);
      if (i === 0) show(ex.output, { origin: at, horizon: post.horizon }, 'precomputed');
    });
  }, (e) => {
    shell.showError(new Error('The series could not be loaded, so there is no forecast. Reload the page to try again.'));
    console.warn('[vitrine] No series:', e);
  });

  for (const control of [origin, horizon]) {
    control.addEventListener('input', () => {
      if (!loaded) return;
      describeOrigin();
      shell.run(current());
    });
  }
}

/**
 * @param {string} url
 * @returns {Promise<SeriesData>}
 */
async function fetchSeries(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const data = /** @type {SeriesData} */ (await response.json());
  if (!Array.isArray(data?.values) || !Array.isArray(data?.dates) || data.values.length !== data.dates.length) {
    throw new Error(`${url} is not a series`);
  }
  return data;
}
