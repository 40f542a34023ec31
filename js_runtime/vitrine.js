// The public JS API (window.vitrine). The demos use exactly this, never the worker directly.
// Importing this module does no work: the manifest, capabilities and worker are fetched/started
// on first use, so pages without demos stay cheap.
import { chooseBackend } from './backends.js';
import { detectCapabilities } from './capabilities.js';
import { fetchManifest, findModel, findVariant, manifestUrl } from './manifest.js';
import { Model } from './model.js';
import { Sessions } from './sessions.js';
import { WorkerClient } from './worker_client.js';

/** @typedef {import('./manifest.js').Manifest} Manifest */
/** @typedef {import('./capabilities.js').Capabilities} Capabilities */

/**
 * @typedef {object} LoadOptions
 * @property {string} [variant] a variant name, or "auto" (the manifest's default_variant)
 * @property {string} [backend] "auto" or "wasm"; the page's ?backend= parameter overrides it
 * @property {(p: {loaded: number, total: number}) => void} [onProgress] model download progress
 */

// This file is served at <site root>/vitrine/js_runtime/; the site may live under a sub-path.
const SITE_ROOT = new URL('../../', import.meta.url);
const WORKER_URL = new URL('../worker/worker.js', import.meta.url);

/** @type {Promise<Manifest> | null} */
let manifestPromise = null;
/** @type {Promise<Capabilities> | null} */
let capabilitiesPromise = null;
/** @type {Sessions | null} */
let sessions = null;

/**
 * The site's model manifest (fetched once; a failed fetch is retried on the next call).
 * @returns {Promise<Manifest>}
 */
export function manifest() {
  manifestPromise ??= fetchManifest(manifestUrl(SITE_ROOT)).catch((e) => {
    manifestPromise = null;
    throw e;
  });
  return manifestPromise;
}

/** @returns {Promise<string[]>} the ids of the models in the manifest */
export async function models() {
  return (await manifest()).models.map((m) => m.id);
}

/** @returns {Promise<Capabilities>} */
export function capabilities() {
  capabilitiesPromise ??= detectCapabilities();
  return capabilitiesPromise;
}

/**
 * Load a model and return a handle to run it.
 * @param {unknown} source a gallery model id
 * @param {LoadOptions} [options]
 * @returns {Promise<Model>}
 */
export async function load(source, { variant = 'auto', backend = 'auto', onProgress } = {}) {
  // Model ids never contain "/", ":" or "." (schema: ^[a-z0-9][a-z0-9-]*$); URLs do.
  if (typeof source !== 'string' || /[/:.]/.test(source)) {
    throw new Error(`vitrine.load(): ${describeSource(source)} sources are not supported yet; ` +
      'pass the id of a model in the gallery (see vitrine.models()).');
  }
  const [m, caps] = await Promise.all([manifest(), capabilities()]);
  const info = findModel(m, source);
  const variantEntry = findVariant(info, variant);
  const plan = chooseBackend(backend, new URLSearchParams(location.search).get('backend'), caps);
  // The first plan fixes the worker's thread count; there is one WASM runtime per page.
  sessions ??= new Sessions(new WorkerClient(
    () => new Worker(WORKER_URL, { type: 'module' }),
    { numThreads: plan.threads },
  ));
  const key = `${info.id}/${variantEntry.name}`;
  const entry = await sessions.acquire(key, variantEntry, onProgress);
  // A manifest that disagrees with its model is a build bug; say so instead of failing at run time.
  const { inputs } = await entry.loaded;
  const absent = info.inputs.map((s) => s.name).filter((name) => !inputs.includes(name));
  if (absent.length) {
    await sessions.release(key);
    throw new Error(`The manifest lists inputs that model "${key}" does not have (${absent.join(', ')}); ` +
      `the model has: ${inputs.join(', ')}. Rebuild the site.`);
  }
  const { ready } = await sessions.client.start();
  return new Model({ info, variant: variantEntry, plan, threads: ready.threads, sessions });
}

/** @param {unknown} source a source that is not a gallery id */
function describeSource(source) {
  if (typeof source === 'string' || source instanceof URL) return 'URL';
  if (typeof File === 'function' && source instanceof File) return 'File';
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return 'ArrayBuffer';
  return source === null ? 'null' : typeof source;
}
