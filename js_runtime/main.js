// Entry point, loaded on every page of the site. Defines window.vitrine; mounts a demo on each
// `.vitrine-demo` element. Pages without demos fetch nothing and start no worker.
//
// On a page with a demo, the first thing it does is start the work a live prediction waits for, in
// parallel: the inference worker with its runtime (onnxruntime-web and its WebAssembly) and the
// manifest at once; the model's download as soon as the demo is near the viewport and the manifest
// names the variant (the same moment the widget would load it). Widget code and Chart.js come after,
// beside them, and the demo's own load() joins what is already under way.
import { findModel } from './manifest.js';
import { readBatch } from './drift_input.js';
import { showError } from './dom.js';
import { whenNear } from './demo_shell.js';
import { setUpServiceWorker } from './service_worker_client.js';
import * as api from './vitrine.js';

const demos = [...document.querySelectorAll('.vitrine-demo')].filter((el) => el instanceof HTMLElement);
/** @type {Promise<void>[]} */
const runtimesStarting = [];
if (demos.length) {
  for (const root of demos) runtimesStarting.push(api.startRuntime('auto', { model: root.dataset.model ?? '', variant: root.dataset.variant ?? 'auto' }));
  api.manifest().catch(() => {}); // fetched now; the demos report a failure
  for (const root of demos) {
    whenNear(root, () => api.preload(root.dataset.model ?? '', root.dataset.variant ?? 'auto'));
  }
}

const vitrine = Object.freeze({
  models: api.models,
  manifest: api.manifest,
  capabilities: api.capabilities,
  load: api.load,
});
Object.assign(window, { vitrine });

/**
 * A widget's mount function: replaces the demo's static content with the live widget (or throws,
 * leaving it, with a message for visitors).
 * @typedef {(root: HTMLElement, info: import('./manifest.js').ModelEntry, api: import('./demo_shell.js').Api,
 *   variant: string) => void} MountWidget
 */

/**
 * Demo widget modules, loaded on demand; each is built on the demo shell (demo_shell.js). A model gets
 * the widget for its task where there is one, else the one for its input kind (the manifest's
 * `preprocessing.kind`); image tasks differ in what they show, so they have no fallback by kind.
 * @type {Record<string, () => Promise<MountWidget>>}
 */
const WIDGETS_BY_TASK = {
  'image-classification': async () => (await import('./demo_image.js')).mountImage,
  'object-detection': async () => (await import('./demo_detection.js')).mountDetection,
  'text-classification': async () => (await import('./demo_text.js')).mountText,
  'semantic-search': async () => (await import('./demo_search.js')).mountSearch,
  'text-generation': async () => (await import('./demo_generate.js')).mountGenerate,
  'time-series-forecasting': async () => (await import('./demo_forecast.js')).mountForecast,
  'voice-activity-detection': async () => (await import('./demo_audio.js')).mountAudio,
  'recommendation': async () => (await import('./demo_recommend.js')).mountRecommend,
};
/** @type {Record<string, () => Promise<MountWidget>>} */
const WIDGETS_BY_KIND = {
  tabular: async () => (await import('./demo_tabular.js')).mountTabular,
};

/**
 * The widget for a model, or undefined.
 * @param {string} task
 * @param {unknown} kind
 */
function widgetFor(task, kind) {
  if (Object.hasOwn(WIDGETS_BY_TASK, task)) return WIDGETS_BY_TASK[task];
  if (typeof kind === 'string' && Object.hasOwn(WIDGETS_BY_KIND, kind)) return WIDGETS_BY_KIND[kind];
  return undefined;
}

/** @param {HTMLElement} root */
async function mountDemo(root) {
  try {
    const info = findModel(await vitrine.manifest(), root.dataset.model ?? '');
    const kind = /** @type {{kind?: unknown} | undefined} */ (info.preprocessing)?.kind;
    const widget = widgetFor(String(info.task), kind);
    if (!widget) {
      throw new Error(`There is no live demo for ${typeof kind === 'string' ? `${kind} inputs` : 'this model\'s inputs'} ` +
        `(task "${info.task}") yet; the page shows what the build precomputed.`);
    }
    (await widget())(root, info, vitrine, root.dataset.variant ?? 'auto');
  } catch (e) {
    // Keep the page's static (precomputed) content and say why the live demo is missing.
    root.dataset.state = 'error';
    showError(root, e);
  }
}

for (const root of demos) mountDemo(root);

// The model page's explanation charts (explanation_summary.js): the module and Chart.js load only
// when such an element is on the page, once it nears the viewport.
for (const el of document.querySelectorAll('.vitrine-shap')) {
  if (!(el instanceof HTMLElement)) continue;
  whenNear(el, () => {
    import('./explanation_summary.js').then((m) => m.mountSummary(el, { manifest: vitrine.manifest }))
      .catch((e) => console.warn('[vitrine] No explanation charts (the tables show the values):', e));
  });
}

// A regressor's held-out predictions as plots (regression_plots.js), on its model page, when near the viewport.
for (const el of document.querySelectorAll('.vitrine-regression-plots')) {
  if (!(el instanceof HTMLElement)) continue;
  whenNear(el, () => {
    import('./regression_plots.js').then((m) => m.mountRegressionPlots(el, { manifest: vitrine.manifest }))
      .catch((e) => console.warn('[vitrine] No regression plots (the table has the values):', e));
  });
}

// A recommender's precision and NDCG by the length of its list (ranking_plots.js), on its model page, when near the viewport.
for (const el of document.querySelectorAll('.vitrine-ranking-plots')) {
  if (!(el instanceof HTMLElement)) continue;
  whenNear(el, () => {
    import('./ranking_plots.js').then((m) => m.mountRankingPlots(el, { manifest: vitrine.manifest }))
      .catch((e) => console.warn('[vitrine] No ranking plot (the table has the values):', e));
  });
}

// An anomaly detector's threshold explorer and file scoring (anomaly_lab.js), on its model page, when near the viewport.
for (const el of document.querySelectorAll('.vitrine-anomaly-lab')) {
  if (!(el instanceof HTMLElement)) continue;
  whenNear(el, () => {
    import('./anomaly_lab.js').then((m) => m.mountAnomalyLab(el, { manifest: vitrine.manifest, load: (id) => vitrine.load(id), readBatch }))
      .catch((e) => console.warn('[vitrine] No threshold explorer:', e));
  });
}

// The drift check (drift_view.js) on tabular model pages: mounted when near the viewport; the model
// loads only when the visitor checks a file.
for (const el of document.querySelectorAll('.vitrine-drift')) {
  if (!(el instanceof HTMLElement)) continue;
  whenNear(el, () => {
    import('./drift_view.js').then((m) => m.mountDrift(el, { load: (id) => vitrine.load(id) }))
      .catch((e) => console.warn('[vitrine] No drift check:', e));
  });
}

// The gallery's task filter.
for (const el of document.querySelectorAll('.vitrine-gallery-filter')) {
  if (!(el instanceof HTMLElement)) continue;
  import('./gallery_filter.js').then((m) => m.mountGalleryFilter(el))
    .catch((e) => console.warn('[vitrine] No gallery filter (every model is shown):', e));
}

// Isolation (WASM threads on hosts that cannot send headers) from the next page view, caching and
// offline use. Never fatal: without it the demos run on one thread and load from the network.
// It registers after the demos' runtimes have loaded, so that its install finds them in the HTTP cache.
setUpServiceWorker(() => Promise.allSettled([...runtimesStarting, api.pageWorkSettled()])).catch((e) => console.warn('[vitrine] The service worker is not available:', e));
