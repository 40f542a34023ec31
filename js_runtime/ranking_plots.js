// A recommender's ranking quality by the length of its list, on its model page: precision@K and NDCG@K for
// K = 1 … 20, the model's beside the popularity baseline's, drawn with Chart.js from the manifest's
// `metrics.curves` and `metrics.baseline.curves`. The table below the plot has the same numbers, for screen
// readers and visitors without JavaScript, so the plot is aria-hidden.
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';

/** @typedef {{precision: number[], ndcg: number[]}} Curves */

/**
 * Draw the plot into `root` (`.vitrine-ranking-plots` with data-model and data-variant).
 * @param {HTMLElement} root
 * @param {{manifest: () => Promise<import('./manifest.js').Manifest>}} options
 */
export async function mountRankingPlots(root, options) {
  root.dataset.state = 'loading';
  try {
    // found here, not with manifest.js's findModel: importing that would split it out of main.js into a chunk of its own
    const info = (await options.manifest()).models.find((m) => m.id === root.dataset.model);
    if (!info) throw new Error(`no model "${root.dataset.model}" in the manifest`);
    const variant = info.variants.find((v) => v.name === root.dataset.variant) ?? info.variants[0];
    const metrics = /** @type {{curves?: Curves, baseline?: {kind: string, curves?: Curves}}} */ (/** @type {unknown} */ (variant.metrics));
    const model = metrics.curves;
    const base = metrics.baseline?.curves;
    if (!model?.ndcg?.length || !base?.ndcg?.length) throw new Error('no ranking curves in the manifest');
    const Chart = await loadChart();
    const colors = cssColors(root, { primary: ['--md-primary-fg-color', '#4051b5'] });
    const ks = model.ndcg.map((_, i) => i + 1);
    const canvas = h('canvas');
    const baseline = metrics.baseline?.kind ?? 'baseline';
    /** @param {string} label @param {number[]} data @param {string} color @param {boolean} dashed */
    const line = (label, data, color, dashed) => ({ label, data, borderColor: color, backgroundColor: color, borderDash: dashed ? [5, 4] : [], pointRadius: 2, borderWidth: 2 });
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: ks,
        datasets: [
          line('NDCG@K, model', model.ndcg, colors.primary, false),
          line(`NDCG@K, ${baseline}`, base.ndcg, colors.primary, true),
          line('precision@K, model', model.precision, colors.muted, false),
          line(`precision@K, ${baseline}`, base.precision, colors.muted, true),
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { title: { display: true, text: 'K: recommendations shown', color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
          y: { min: 0, max: 1, ticks: { color: colors.text }, grid: { color: colors.grid } },
        },
        plugins: { legend: { labels: { color: colors.text } } },
      },
    });
    root.replaceChildren(h('figure', { class: 'vitrine-ranking-plot' }, h('div', { class: 'vitrine-plot-box' }, canvas),
      h('figcaption', {}, `Held-out inputs: solid, the model; dashed, the ${baseline} baseline`)));
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'error';
    console.warn('[vitrine] No ranking plot (the table has the values):', error);
    root.replaceChildren(h('p', {}, 'The plot could not be drawn; the table below has the same numbers.'));
  }
}
