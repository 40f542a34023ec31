// Chart.js is large and only needed once a demo is on screen: load its UMD build on demand, once. The
// other vendored library that ships only as a UMD build (Papa Parse, for the drift check) loads the
// same way (scriptGlobal).

/** @typedef {typeof import('chart.js').Chart} ChartConstructor */

const CHART_URL = new URL('../vendor/chart.js/chart.umd.min.js', import.meta.url);

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

/** @type {Map<string, Promise<unknown>>} */
const loading = new Map();

/**
 * The global `name` that the script at `url` defines, loading the script on first use (a failed load
 * is forgotten, so a later call tries again).
 * @param {URL} url
 * @param {string} name
 * @param {string} what for messages
 * @returns {Promise<unknown>}
 */
export function scriptGlobal(url, name, what) {
  let promise = loading.get(url.href);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const read = () => /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[name];
      if (read()) return resolve(read());
      const script = document.createElement('script');
      script.src = url.href;
      script.async = true;
      script.onload = () => (read() ? resolve(read()) : reject(new Error(`${url} did not define window.${name}`)));
      script.onerror = () => {
        loading.delete(url.href);
        reject(new Error(`${what} could not be loaded from ${url}`));
      };
      document.head.append(script);
    });
    loading.set(url.href, promise);
  }
  return promise;
}

/** @returns {Promise<ChartConstructor>} */
export async function loadChart() {
  return /** @type {ChartConstructor} */ (await scriptGlobal(CHART_URL, 'Chart', 'Chart.js'));
}
