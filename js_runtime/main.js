// Entry point, loaded on every page of the site. Defines window.vitrine; mounts a demo on each
// `.vitrine-demo` element. Pages without demos fetch nothing and start no worker.
import { findModel } from './manifest.js';
import { showError } from './dom.js';
import { setUpServiceWorker } from './service_worker_client.js';
import * as api from './vitrine.js';

const vitrine = Object.freeze({
  models: api.models,
  manifest: api.manifest,
  capabilities: api.capabilities,
  load: api.load,
});
Object.assign(window, { vitrine });

/** Demo widget modules by manifest task; each exports a mount function. */
const WIDGETS = {
  'tabular-classification': async () => (await import('./demo_tabular.js')).mountTabular,
};

/** @param {HTMLElement} root */
async function mountDemo(root) {
  try {
    const info = findModel(await vitrine.manifest(), root.dataset.model ?? '');
    const widget = WIDGETS[info.task];
    if (!widget) throw new Error(`There is no demo widget for task "${info.task}" yet.`);
    (await widget())(root, info, vitrine, root.dataset.variant ?? 'auto');
  } catch (e) {
    // Keep the page's static (precomputed) content and say why the live demo is missing.
    root.dataset.state = 'error';
    showError(root, e);
  }
}

for (const root of document.querySelectorAll('.vitrine-demo')) {
  if (root instanceof HTMLElement) mountDemo(root);
}

// Isolation (WASM threads on hosts that cannot send headers), caching and offline use. Never fatal:
// without it the demos run on one thread and load from the network.
setUpServiceWorker({ needIsolation: document.querySelector('.vitrine-demo') !== null })
  .catch((e) => console.warn('[vitrine] The service worker is not available:', e));
