// Registers the site's service worker (worker/service_worker.js, served as <site root>/vitrine-sw.js),
// or removes it when mkdocs.yml turned it off. See that file for what it does.
import { SITE_ROOT } from './manifest.js';
import { SITE_CONFIG } from './site_config.js';

export const SERVICE_WORKER_URL = new URL('vitrine-sw.js', SITE_ROOT);
/** sessionStorage key: set just before the one reload that turns isolation on. */
const RELOADED = 'vitrine-sw-reloaded';

/**
 * @typedef {'unsupported'|'disabled'|'isolated'|'registered'|'reloading'|'no-isolation'} ServiceWorkerState
 */

/**
 * @param {{needIsolation: boolean}} options needIsolation: the page has a demo that profits from
 *   threads, so reload it once when the newly installed service worker can make it isolated
 * @returns {Promise<ServiceWorkerState>}
 */
export async function setUpServiceWorker({ needIsolation }) {
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
  await container.register(SERVICE_WORKER_URL, { scope: SITE_ROOT.pathname });
  if (globalThis.crossOriginIsolated) {
    safeSession((s) => s.removeItem(RELOADED));
    return 'isolated';
  }
  if (!needIsolation) return 'registered'; // the next page view is isolated
  await container.ready;
  if (!container.controller) {
    await new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
  }
  // Reload once; if the page is still not isolated after that (an engine that ignores the
  // headers), stay on one thread rather than reloading forever.
  if (safeSession((s) => s.getItem(RELOADED)) !== null) return 'no-isolation';
  if (!safeSession((s) => { s.setItem(RELOADED, '1'); return true; })) return 'no-isolation';
  location.reload();
  return 'reloading';
}

/**
 * sessionStorage can throw (storage disabled); then there is no reload guard, and no reload.
 * @template T
 * @param {(storage: Storage) => T} fn
 * @returns {T | null}
 */
function safeSession(fn) {
  try {
    return fn(window.sessionStorage);
  } catch {
    return null;
  }
}
