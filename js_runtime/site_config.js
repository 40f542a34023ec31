// Site options from mkdocs.yml, for the browser. This file holds the defaults; the `vitrine` plugin
// overwrites the built site's copy (builder/assets.py: write_site_config).
export const SITE_CONFIG = Object.freeze({
  /** Register the service worker (isolation headers for WASM threads, caching, offline). */
  serviceWorker: true,
});
