// Chart.js is large and only needed once a demo is on screen: load its UMD build on demand, once.

/** @typedef {typeof import('chart.js').Chart} ChartConstructor */

const CHART_URL = new URL('../vendor/chart.js/chart.umd.min.js', import.meta.url);

/** @type {Promise<ChartConstructor> | null} */
let loading = null;

/** @returns {ChartConstructor | undefined} */
function globalChart() {
  return /** @type {{Chart?: ChartConstructor}} */ (/** @type {unknown} */ (window)).Chart;
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
