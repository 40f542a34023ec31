// A regressor's held-out predictions on its model page: predicted against true values (with the line where
// they are equal) and residuals against predicted values (with the zero line), drawn with Chart.js from the
// manifest's `metrics.held_out`. The page's table below the plots has the same numbers, for screen readers
// and for visitors without JavaScript, so the plots are aria-hidden.
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';

/** @typedef {{actual: number[], predicted: number[]}} HeldOut */

/**
 * Draw the plots into `root` (`.vitrine-regression-plots` with data-model and data-variant).
 * @param {HTMLElement} root
 * @param {{manifest: () => Promise<import('./manifest.js').Manifest>}} options
 */
export async function mountRegressionPlots(root, options) {
  root.dataset.state = 'loading';
  try {
    // found here, not with manifest.js's findModel: importing that would split it out of main.js into a chunk of its own
    const info = (await options.manifest()).models.find((m) => m.id === root.dataset.model);
    if (!info) throw new Error(`no model "${root.dataset.model}" in the manifest`);
    const variant = info.variants.find((v) => v.name === root.dataset.variant) ?? info.variants[0];
    const held = /** @type {{held_out?: HeldOut}} */ (/** @type {unknown} */ (variant.metrics)).held_out;
    if (!held || held.actual.length !== held.predicted.length || !held.actual.length) throw new Error('no held-out predictions in the manifest');
    const target = String(/** @type {{target_label?: unknown}} */ (info.dataset).target_label ?? 'value');
    const Chart = await loadChart();
    const colors = cssColors(root, { primary: ['--md-primary-fg-color', '#4051b5'] });
    const residuals = held.actual.map((a, i) => a - held.predicted[i]);
    const low = Math.min(...held.actual, ...held.predicted);
    const high = Math.max(...held.actual, ...held.predicted);
    const span = Math.max(...residuals.map(Math.abs));
    /** @type {[string, string, {x: number, y: number}[], {x: number, y: number}[], string, string][]} */
    const plots = [
      [`${target}: predicted against true values (dashed: equal)`, 'equal', held.actual.map((a, i) => ({ x: a, y: held.predicted[i] })),
        [{ x: low, y: low }, { x: high, y: high }], 'True value', 'Predicted value'],
      [`${target}: residuals (true − predicted) against predicted values`, 'zero', held.predicted.map((p, i) => ({ x: p, y: residuals[i] })),
        [{ x: Math.min(...held.predicted), y: 0 }, { x: Math.max(...held.predicted), y: 0 }], 'Predicted value', 'Residual'],
    ];
    const figures = plots.map(([title, lineName, points, line, xTitle, yTitle]) => {
      const canvas = h('canvas');
      const figure = h('figure', { class: 'vitrine-regression-plot' }, h('div', { class: 'vitrine-plot-box' }, canvas), h('figcaption', {}, title));
      new Chart(canvas, {
        type: 'scatter',
        data: {
          datasets: [
            { label: 'held-out rows', data: points, backgroundColor: colors.primary, pointRadius: 3 },
            { label: lineName, data: line, type: 'line', borderColor: colors.muted, borderDash: [4, 4], pointRadius: 0, borderWidth: 1 },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { title: { display: true, text: xTitle, color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
            y: {
              title: { display: true, text: yTitle, color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid },
              ...(lineName === 'zero' ? { suggestedMin: -span, suggestedMax: span } : {}),
            },
          },
          plugins: { legend: { display: false } },
        },
      });
      return figure;
    });
    root.replaceChildren(...figures);
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'error';
    console.warn('[vitrine] No regression plots (the table has the values):', error);
    root.replaceChildren(h('p', {}, 'The plots could not be drawn; the table below has the same numbers.'));
  }
}
