// Registers the site's service worker (worker/service_worker.js, served as <site root>/vitrine-sw.js),
// or removes it when mkdocs.yml turned it off. See that file for what it does.
//
// No reload: the first page view that installs it stays as it is (not cross-origin isolated: its demo
// runs WASM on one thread); the next page view is isolated and gets threads. Reloading for isolation
// would show the page twice and start every download again, for threads the first prediction of a
// small model does not need. Registration waits until the page has loaded and the browser is idle, and
// then until the models being loaded have arrived and answered their first predictions, so installing
// the worker (it copies the runtime's files into its cache) never competes with the page's own start.
import { SITE_ROOT } from './manifest.js';
import { SITE_CONFIG } from './site_config.js';

export const SERVICE_WORKER_URL = new URL('vitrine-sw.js', SITE_ROOT);
/** The longest registration waits for an idle moment after the page's load event. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * @typedef {'unsupported'|'disabled'|'isolated'|'registered'} ServiceWorkerState
 * isolated: this page view already is (a registered worker, or a host that sends the headers itself);
 * registered: the next page view will be
 */

/**
 * @param {() => Promise<unknown>} [pageStarted] what the page does first (its demos' runtimes, and, once
 *   the page has settled, the models under way and their predictions): registration waits for it, so the
 *   new worker's install can copy those files from the HTTP cache and does not slow their start
 * @returns {Promise<ServiceWorkerState>}
 */
export async function setUpServiceWorker(pageStarted = async () => {}) {
  const container = navigator.serviceWorker;
  if (!container || !window.isSecureContext) return 'unsupported';
  if (!SITE_CONFIG.serviceWorker) {
    // Turned off in mkdocs.yml: remove ours if an earlier build installed it.
    for (const registration of await container.getRegistrations()) {
      const script = registration.active ?? registration.waiting ?? registration.installing;
      if (script?.scriptURL === SERVICE_WORKER_URL.href) await registration.unregister();
    }
    return 'disabled';
  }
  await pageSettled();
  await pageStarted();
  const registration = await container.register(SERVICE_WORKER_URL, { scope: SITE_ROOT.pathname });
  if (!container.controller) {
    // This view is not the worker's: let it copy what the view loaded (from the HTTP cache), so the
    // next view finds it there.
    (registration.installing ?? registration.waiting ?? registration.active)?.postMessage({ type: 'adopt', urls: loadedUrls() });
  }
  return globalThis.crossOriginIsolated ? 'isolated' : 'registered';
}

/** This page and the files it loaded, of this site. @returns {string[]} */
function loadedUrls() {
  const urls = new Set([location.href.split('#')[0]]);
  for (const entry of performance.getEntriesByType('resource')) {
    if (entry.name.startsWith(SITE_ROOT.href)) urls.add(entry.name);
  }
  return [...urls];
}

/** Resolves after the page's load event, at an idle moment (or after IDLE_TIMEOUT_MS). */
function pageSettled() {
  return new Promise((resolve) => {
    const idle = () => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(undefined), { timeout: IDLE_TIMEOUT_MS });
      else setTimeout(resolve, 0);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}
