// The model page's explanation charts (the "Explanations" section of a tabular model with stored SHAP
// values; builder/templates/_tabular_explanations.md.j2 emits a `.vitrine-shap` element naming the
// explanations file). Progressive enhancement: the page's tables hold every number without script;
// this adds, for the class a select picks,
//   - global importance: a horizontal bar per feature, its mean |SHAP value| over the held-out rows
//     (the artifact's `importance`), most important first;
//   - a beeswarm of the held-out rows' SHAP values: a row of dots per feature, x = the value's effect
//     on the class's probability, y jittered deterministically so dots do not hide each other, colour =
//     the feature's value in that row (low → high for numeric features, a colour per category).
// Both charts are Chart.js (chart_loader.js) and hidden from screen readers, which read a sentence per
// chart and a table of the held-out values instead. Every text from the artifact or the manifest is set
// as text, never as HTML. Colours come from CSS (vitrine.css), redrawn on a light/dark switch.
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';
import { findModel } from './manifest.js';
import { featureValue, formatPoints } from './explanation_view.js';

/** @typedef {import('./manifest.js').Feature} Feature */
/** @typedef {import('./manifest.js').Manifest} Manifest */
/** @typedef {Record<string, number|string>} Row */

/**
 * The parts of the explanations artifact (builder/explain.py) the charts use.
 * @typedef {object} Explanations
 * @property {string[]} features column names, in the order of every values array
 * @property {string[]} outputs the classes
 * @property {Record<string, string[]>} [categories] the categories of each categorical feature
 * @property {number[][]} importance [class][feature]: mean |SHAP value| over the held-out rows
 * @property {{rows: Row[], values: number[][][]}} held_out values[row][class][feature]
 */

/**
 * @typedef {object} SummaryOptions
 * @property {() => Promise<Manifest>} [manifest] the site's manifest, for the features' labels and units
 *   (without it, or if it fails, the column names are shown)
 */

/** The beeswarm's bins along x: dots in the same bin are spread vertically. */
const BINS = 48;
/** Half the height of a feature's band in the beeswarm (1 = the distance between two features). */
const BAND = 0.38;
/** Okabe–Ito: distinguishable with the common colour-vision deficiencies, on light and dark backgrounds
 * (its orange and blue last, as they are near the numeric ramp's ends). */
const CATEGORY_COLORS = ['#009E73', '#CC79A7', '#56B4E9', '#F0E442', '#999999', '#E69F00', '#0072B2', '#D55E00'];

let mounted = 0;

/**
 * Fetch the explanations file named by `root.dataset.explanations` and draw the charts in `root`.
 * Never rejects: on failure `root` says why (the page's tables still hold the numbers).
 * @param {HTMLElement} root the template's `.vitrine-shap` element
 * @param {SummaryOptions} [options]
 * @returns {Promise<void>}
 */
export async function mountSummary(root, options = {}) {
  const uid = `vitrine-shap-${++mounted}`;
  root.dataset.state = 'loading';
  try {
    const url = root.dataset.explanations;
    if (!url) throw new Error('no explanations file named (data-explanations)');
    const [x, specs] = await Promise.all([fetchExplanations(url), featureSpecs(root.dataset.model, options.manifest)]);
    render(root, uid, x, specs);
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'error';
    console.warn('[vitrine] No explanation charts (the tables show the values):', error);
    root.replaceChildren(h('p', { class: 'vitrine-shap-note' },
      'The explanation charts could not be drawn; the tables show the same numbers.'));
  }
}

/**
 * @param {string} url
 * @returns {Promise<Explanations>}
 */
async function fetchExplanations(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return checkExplanations(await response.json());
}

/**
 * The artifact's shapes, checked before anything is drawn from it.
 * @param {unknown} data
 * @returns {Explanations}
 */
export function checkExplanations(data) {
  const x = /** @type {Partial<Explanations>} */ (data ?? {});
  const nF = Array.isArray(x.features) ? x.features.length : 0;
  const nK = Array.isArray(x.outputs) ? x.outputs.length : 0;
  /** @param {unknown} v @param {number} n */
  const numbers = (v, n) => Array.isArray(v) && v.length === n && v.every((a) => typeof a === 'number' && Number.isFinite(a));
  const ok = nF > 0 && nK > 0 && Array.isArray(x.importance) && x.importance.length === nK &&
    x.importance.every((r) => numbers(r, nF)) && Array.isArray(x.held_out?.rows) && Array.isArray(x.held_out?.values) &&
    x.held_out.values.length === x.held_out.rows.length &&
    x.held_out.values.every((v) => Array.isArray(v) && v.length === nK && v.every((r) => numbers(r, nF)));
  if (!ok) throw new Error('the explanations file does not have the expected shape (features, outputs, importance, held_out)');
  return /** @type {Explanations} */ (x);
}

/**
 * @param {string | undefined} id
 * @param {(() => Promise<Manifest>) | undefined} manifest
 * @returns {Promise<Feature[]>}
 */
async function featureSpecs(id, manifest) {
  if (!id || !manifest) return [];
  try {
    return findModel(await manifest(), id).preprocessing?.features ?? [];
  } catch (error) {
    console.warn('[vitrine] The explanation charts show column names (no manifest):', error);
    return [];
  }
}

/**
 * One feature of the charts.
 * @typedef {object} FeatureInfo
 * @property {number} index its column in the artifact's arrays
 * @property {string} name
 * @property {string} label what the page calls it
 * @property {Feature | undefined} spec
 * @property {string[] | null} categories null: numeric
 * @property {number} lo numeric: the smallest held-out value
 * @property {number} hi numeric: the largest
 */

/**
 * @param {Explanations} x
 * @param {Feature[]} specs
 * @returns {FeatureInfo[]}
 */
function featureInfo(x, specs) {
  const byName = new Map(specs.map((f) => [f.name, f]));
  return x.features.map((name, index) => {
    const spec = byName.get(name);
    const values = x.held_out.rows.map((r) => r[name]);
    const numeric = spec ? spec.type === 'numeric' : values.every((v) => typeof v === 'number');
    const categories = numeric ? null
      : (spec?.type === 'categorical' ? spec.categories : x.categories?.[name]) ?? [...new Set(values.map(String))].sort();
    const numbers = numeric ? values.map(Number).filter(Number.isFinite) : [];
    return {
      index, name, label: spec?.label ?? name, spec, categories,
      lo: numbers.length ? Math.min(...numbers) : 0, hi: numbers.length ? Math.max(...numbers) : 0,
    };
  });
}

/**
 * The features in order of importance for class `k`: largest mean |SHAP| first (ties keep the order).
 * @param {Explanations} x
 * @param {FeatureInfo[]} features
 * @param {number} k
 * @returns {FeatureInfo[]}
 */
export function byImportance(x, features, k) {
  return [...features].sort((a, b) => x.importance[k][b.index] - x.importance[k][a.index]);
}

/**
 * Deterministic beeswarm offsets: the values are put in BINS bins over [lo, hi]; the dots of a bin are
 * spread around the centre line (0, +1, −1, +2, −2, … steps, in row order), the step shrinking so the
 * fullest bin fits the band. Same values → same picture.
 * @param {number[]} xs
 * @param {number} lo
 * @param {number} hi
 * @returns {number[]} an offset per value, within ±BAND
 */
export function swarmOffsets(xs, lo, hi) {
  const width = hi - lo || 1;
  const bins = xs.map((v) => Math.min(BINS - 1, Math.max(0, Math.floor(((v - lo) / width) * BINS))));
  /** @type {number[]} */
  const counts = new Array(BINS).fill(0);
  for (const b of bins) counts[b] += 1;
  const fullest = Math.max(1, ...counts);
  const step = Math.min(0.12, BAND / Math.max(1, Math.ceil((fullest - 1) / 2)));
  const seen = new Array(BINS).fill(0);
  return bins.map((b) => {
    const n = seen[b]++;
    const slot = Math.ceil(n / 2) * (n % 2 === 1 ? 1 : -1);
    return slot * step;
  });
}

/**
 * `a` → `b` by t in [0, 1] (hex colours "#rrggbb").
 * @param {string} a
 * @param {string} b
 * @param {number} t
 */
export function mix(a, b, t) {
  const pa = rgb(a);
  const pb = rgb(b);
  if (!pa || !pb) return t < 0.5 ? a : b;
  const c = pa.map((v, i) => Math.round(v + (pb[i] - v) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** @param {string} color */
function rgb(color) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
}

/**
 * The charts' colours, read at draw time from CSS (vitrine.css sets them per light/dark scheme).
 * @param {HTMLElement} el
 */
function palette(el) {
  return cssColors(el, {
    bar: ['--vitrine-shap-bar', '#4051b5'], low: ['--vitrine-shap-low', '#3b4cc0'], high: ['--vitrine-shap-high', '#e6550d'],
  });
}

/**
 * A dot's colour: its feature's value, low → high, or its category's colour.
 * @param {FeatureInfo} f
 * @param {number|string|undefined} value
 * @param {ReturnType<typeof palette>} colors
 */
function valueColor(f, value, colors) {
  if (f.categories) {
    const i = f.categories.indexOf(String(value));
    return i < 0 ? colors.muted : CATEGORY_COLORS[i % CATEGORY_COLORS.length];
  }
  const v = Number(value);
  if (!Number.isFinite(v)) return colors.muted;
  return mix(colors.low, colors.high, f.hi > f.lo ? (v - f.lo) / (f.hi - f.lo) : 0.5);
}

/** @param {number} points probability points */
function pointsText(points) {
  return `${formatPoints(points)} points`;
}

/**
 * The importance chart's sentence for screen readers.
 * @param {Explanations} x
 * @param {FeatureInfo[]} order
 * @param {number} k
 */
export function describeImportance(x, order, k) {
  const items = order.map((f) => `${f.label} ${(x.importance[k][f.index] * 100).toFixed(1)}`);
  return `Mean absolute SHAP value for the probability of ${x.outputs[k]} over ${x.held_out.rows.length} held-out rows, ` +
    `in percentage points, largest first: ${items.join('; ')}.`;
}

/**
 * How a feature's SHAP values follow its value: for a numeric feature the sign of their correlation,
 * for a categorical one the mean value per category.
 * @param {Explanations} x
 * @param {FeatureInfo} f
 * @param {number} k
 * @returns {string}
 */
export function describeFeature(x, f, k) {
  const shap = x.held_out.values.map((v) => v[k][f.index]);
  const range = `from ${pointsText(Math.min(...shap))} to ${pointsText(Math.max(...shap))}`;
  if (f.categories) {
    const parts = f.categories.flatMap((c) => {
      const mine = shap.filter((_, i) => String(x.held_out.rows[i][f.name]) === c);
      return mine.length ? [`${c} ${formatPoints(mine.reduce((s, v) => s + v, 0) / mine.length)}`] : [];
    });
    return `${f.label}: ${range}; on average ${parts.join(', ')}.`;
  }
  const values = x.held_out.rows.map((r) => Number(r[f.name]));
  const r = correlation(values, shap);
  const trend = r >= 0.3 ? 'higher values raise it' : r <= -0.3 ? 'higher values lower it' : 'no simple trend with the value';
  return `${f.label}: ${range}; ${trend}.`;
}

/**
 * Pearson correlation (0 when either side is constant).
 * @param {number[]} a
 * @param {number[]} b
 */
function correlation(a, b) {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * @param {HTMLElement} root
 * @param {string} uid
 * @param {Explanations} x
 * @param {Feature[]} specs
 */
function render(root, uid, x, specs) {
  const features = featureInfo(x, specs);
  const n = x.held_out.rows.length;

  // ---- the class ----
  const select = h('select', { id: `${uid}-class`, class: 'vitrine-shap-class' },
    ...x.outputs.map((label, k) => h('option', { value: String(k) }, label)));
  const controls = h('div', { class: 'vitrine-shap-controls' },
    h('label', { for: select.id }, 'Class'), select,
    h('p', { class: 'vitrine-shap-hint' },
      'The charts are for one class at a time: a SHAP value moves that class\u2019s probability, and summed over ' +
      'the classes the values cancel out (the probabilities always add up to 100%). They start with the first class.'));

  // ---- global importance ----
  const importanceCanvas = h('canvas');
  const importanceBox = h('div', { class: 'vitrine-shap-chart vitrine-shap-importance-chart', 'aria-hidden': 'true' }, importanceCanvas);
  importanceBox.style.height = `${features.length * 30 + 56}px`;
  const importanceTitle = h('figcaption', { class: 'vitrine-shap-title', id: `${uid}-importance` });
  const importanceDesc = h('p', { class: 'vitrine-sr-only', id: `${uid}-importance-desc` });
  const importance = h('figure', {
    class: 'vitrine-shap-figure vitrine-shap-importance',
    'aria-labelledby': importanceTitle.id, 'aria-describedby': importanceDesc.id,
  }, importanceTitle, importanceBox, importanceDesc);

  // ---- beeswarm ----
  const swarmCanvas = h('canvas');
  const swarmBox = h('div', { class: 'vitrine-shap-chart vitrine-shap-beeswarm-chart', 'aria-hidden': 'true' }, swarmCanvas);
  swarmBox.style.height = `${features.length * 46 + 64}px`;
  const swarmTitle = h('figcaption', { class: 'vitrine-shap-title', id: `${uid}-beeswarm` });
  const legend = h('div', { class: 'vitrine-shap-legend', 'aria-hidden': 'true' });
  const swarmDesc = h('div', { class: 'vitrine-sr-only', id: `${uid}-beeswarm-desc` });
  const caption = h('caption', {});
  const thead = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'),
    ...features.map((f) => h('th', { scope: 'col' }, f.label))));
  const tbody = h('tbody');
  const table = h('table', { class: 'vitrine-shap-table' }, caption, thead, tbody);
  const details = h('details', { class: 'vitrine-explain-details vitrine-shap-details' },
    h('summary', {}, `The ${n} held-out rows: each feature\u2019s value and its SHAP value (points)`),
    h('div', { class: 'vitrine-table-scroll' }, table));
  const beeswarm = h('figure', {
    class: 'vitrine-shap-figure vitrine-shap-beeswarm',
    'aria-labelledby': swarmTitle.id, 'aria-describedby': swarmDesc.id,
  }, swarmTitle, swarmBox, legend, swarmDesc, details);

  root.replaceChildren(controls, importance, beeswarm);

  /** @type {import('chart.js').Chart<'bar', number[], string> | null} */
  let barChart = null;
  /** @type {import('chart.js').Chart<'scatter', {x: number, y: number}[], unknown> | null} */
  let swarmChart = null;
  let chartFailed = false;

  function classIndex() {
    const k = Number(select.value);
    return Number.isInteger(k) && k >= 0 && k < x.outputs.length ? k : 0;
  }

  /** The texts and the table: everything but the canvases. */
  function update() {
    const k = classIndex();
    const cls = x.outputs[k];
    root.dataset.class = cls;
    const order = byImportance(x, features, k);
    importanceTitle.textContent = `Global importance for ${cls}: mean |SHAP value| over ${n} held-out rows (percentage points)`;
    importanceDesc.textContent = describeImportance(x, order, k);
    swarmTitle.textContent = `Every held-out row\u2019s SHAP values for ${cls}: a dot per row and feature, coloured by the feature\u2019s value`;
    swarmDesc.replaceChildren(
      h('p', {}, `SHAP values of the probability of ${cls} for the ${n} held-out rows, per feature, most important first.`),
      h('ul', {}, ...order.map((f) => h('li', {}, describeFeature(x, f, k)))));
    caption.textContent = `The held-out rows: each feature\u2019s value, and in brackets its SHAP value for ${cls} (percentage points)`;
    tbody.replaceChildren(...x.held_out.rows.map((row, i) => h('tr', {},
      h('th', { scope: 'row' }, String(i + 1)),
      ...features.map((f) => h('td', {}, `${featureValue(f.spec, row[f.name])} (${formatPoints(x.held_out.values[i][k][f.index])})`)))));
    renderLegend();
    draw();
  }

  function renderLegend() {
    const colors = palette(root);
    const numeric = features.filter((f) => !f.categories);
    const categorical = features.filter((f) => f.categories);
    const items = [];
    if (numeric.length) {
      const ramp = h('span', { class: 'vitrine-shap-ramp' });
      ramp.style.background = `linear-gradient(to right, ${colors.low}, ${colors.high})`;
      items.push(h('span', { class: 'vitrine-shap-legend-item' }, 'Numeric value: low ', ramp, ' high'));
    }
    for (const f of categorical) {
      items.push(h('span', { class: 'vitrine-shap-legend-item' }, `${f.label}:`,
        ...(f.categories ?? []).map((c, i) => {
          const dot = h('span', { class: 'vitrine-shap-dot' });
          dot.style.background = CATEGORY_COLORS[i % CATEGORY_COLORS.length];
          return h('span', { class: 'vitrine-shap-category' }, dot, c);
        })));
    }
    legend.replaceChildren(...items);
  }

  function draw() {
    if (chartFailed) return;
    if (!barChart || !swarmChart) {
      loadChart().then((Chart) => {
        const colors = palette(root);
        barChart ??= new Chart(importanceCanvas, { type: 'bar', data: { labels: [], datasets: [{ data: [], borderRadius: 2 }] }, options: barOptions(colors) });
        swarmChart ??= new Chart(swarmCanvas, { type: 'scatter', data: { datasets: [] }, options: swarmOptions(colors, [], classIndex()) });
        draw();
      }).catch((error) => {
        chartFailed = true;
        details.open = true; // no chart: the tables are the explanation
        root.dataset.charts = 'failed';
        console.warn('[vitrine] No explanation charts (the tables show the values):', error);
      });
      return;
    }
    const colors = palette(root);
    const k = classIndex();
    const order = byImportance(x, features, k);

    barChart.data.labels = order.map((f) => f.label);
    barChart.data.datasets[0].data = order.map((f) => x.importance[k][f.index] * 100);
    barChart.data.datasets[0].backgroundColor = colors.bar;
    barChart.options = barOptions(colors);
    barChart.update();

    const all = x.held_out.values.flatMap((v) => v[k].map((s) => s * 100));
    const lo = Math.min(0, ...all);
    const hi = Math.max(0, ...all);
    swarmChart.data.datasets = order.map((f, row) => {
      const xs = x.held_out.values.map((v) => v[k][f.index] * 100);
      const offsets = swarmOffsets(xs, lo, hi);
      return {
        label: f.name,
        data: xs.map((v, i) => ({ x: v, y: row + offsets[i] })),
        pointBackgroundColor: x.held_out.rows.map((r) => valueColor(f, r[f.name], colors)),
        pointBorderWidth: 0,
        pointRadius: 3.2,
        pointHoverRadius: 5,
      };
    });
    swarmChart.options = swarmOptions(colors, order, k);
    swarmChart.update();
    root.dataset.drawn = x.outputs[k];
  }

  /**
   * @param {ReturnType<typeof palette>} colors
   * @returns {import('chart.js').ChartOptions<'bar'>}
   */
  function barOptions(colors) {
    return {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 150 },
      scales: {
        x: {
          beginAtZero: true,
          grace: '5%',
          ticks: { color: colors.text },
          grid: { color: colors.grid },
          title: { display: true, text: 'mean |SHAP value|, percentage points', color: colors.text },
        },
        y: { ticks: { color: colors.text, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${(item.parsed.x ?? 0).toFixed(1)} points on average` } },
      },
    };
  }

  /**
   * @param {ReturnType<typeof palette>} colors
   * @param {FeatureInfo[]} order the features top to bottom
   * @param {number} k the class
   * @returns {import('chart.js').ChartOptions<'scatter'>}
   */
  function swarmOptions(colors, order, k) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          type: 'linear',
          grace: '3%',
          ticks: { color: colors.text, callback: (v) => (Number(v) > 0 ? `+${v}` : String(v).replace('-', '\u2212')) },
          grid: { color: (ctx) => (ctx.tick?.value === 0 ? colors.muted : colors.grid) },
          title: { display: true, text: `SHAP value for ${x.outputs[k]}, percentage points`, color: colors.text },
        },
        y: {
          type: 'linear',
          reverse: true,
          min: -0.5,
          max: Math.max(0, order.length - 0.5),
          afterBuildTicks: (axis) => { axis.ticks = order.map((_, i) => ({ value: i })); },
          ticks: { color: colors.text, autoSkip: false, callback: (v) => order[Number(v)]?.label ?? '' },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const f = order[item.datasetIndex];
              if (!f) return '';
              const value = featureValue(f.spec, x.held_out.rows[item.dataIndex]?.[f.name]);
              return `${f.label} ${value}: ${pointsText((item.parsed.x ?? 0) / 100)}`;
            },
          },
        },
      },
    };
  }

  select.addEventListener('change', update);
  // mkdocs-material switches light/dark by these attributes on <body>: redraw with the new palette.
  new MutationObserver(() => { renderLegend(); draw(); }).observe(document.body, {
    attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'],
  });
  update();
}
