// Chart.js is large and only needed once a demo is on screen: load its UMD build on demand, once.

/** @typedef {typeof import('chart.js').Chart} ChartConstructor */

const CHART_URL = new URL('../vendor/chart.js/chart.umd.min.js', import.meta.url);

/** @type {Promise<ChartConstructor> | null} */
let loading = null;

/** @returns {ChartConstructor | undefined} */
function globalChart() {
  return /** @type {{Chart?: ChartConstructor}} */ (/** @type {unknown} */ (window)).Chart;
}

/**
 * A chart's colours, read from CSS at draw time so mkdocs-material's light and dark schemes (and
 * vitrine.css's colours per scheme) both apply: the scheme's text, grid and muted colours, and each of
 * `own` ({key: [custom property, fallback]}).
 * @template {string} K
 * @param {Element} el
 * @param {Record<K, [string, string]>} own
 * @returns {{text: string, grid: string, muted: string} & Record<K, string>}
 */
export function cssColors(el, own) {
  const style = getComputedStyle(el);
  /** @param {[string, string]} property */
  const get = ([name, fallback]) => style.getPropertyValue(name).trim() || fallback;
  const colors = /** @type {Record<K, string>} */ ({});
  for (const key of /** @type {K[]} */ (Object.keys(own))) colors[key] = get(own[key]);
  return {
    text: get(['--md-default-fg-color--light', 'rgba(0, 0, 0, 0.54)']),
    grid: get(['--md-default-fg-color--lightest', 'rgba(0, 0, 0, 0.07)']),
    muted: get(['--md-default-fg-color--lighter', 'rgba(0, 0, 0, 0.32)']),
    ...colors,
  };
}

/** @returns {Promise<ChartConstructor>} */
export function loadChart() {
  loading ??= new Promise((resolve, reject) => {
    const existing = globalChart();
    if (existing) return resolve(existing);
    const script = document.createElement('script');
    script.src = CHART_URL.href;
    script.async = true;
    script.onload = () => {
      const Chart = globalChart();
      if (Chart) resolve(Chart);
      else reject(new Error(`${CHART_URL} did not define window.Chart`));
    };
    script.onerror = () => {
      loading = null; // allow a later retry
      reject(new Error(`Chart.js could not be loaded from ${CHART_URL}`));
    };
    document.head.append(script);
  });
  return loading;
}
