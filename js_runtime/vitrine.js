// The public JS API (window.vitrine). The demos use exactly this, never the worker directly.
// Importing this module does no work: the manifest, capabilities and worker are fetched/started
// on first use, so pages without demos stay cheap.
import { TIERS, planBackends, withProblem } from './backends.js';
import { detectCapabilities } from './capabilities.js';
import { SITE_ROOT, findModel, loadManifest, manifestUrl } from './manifest.js';
import { chooseVariant } from './variants.js';
import { Model, taskSpec } from './model.js';
import { Sessions } from './sessions.js';
import { StaticModel } from './static_model.js';
import { WorkerClient } from './worker_client.js';
import { abortable, checkFunction, checkOptions, checkSignal, checkString } from './options.js';
import { ERROR_CODE } from '../worker/protocol.js';
import { hasWasm, hasWasmSimd, hasWasmThreads } from '../worker/wasm_features.js';

/** @typedef {import('./manifest.js').Manifest} Manifest */
/** @typedef {import('./capabilities.js').Capabilities} Capabilities */
/** @typedef {import('./backends.js').BackendPlan} BackendPlan */
/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').Variant} Variant */

/**
 * @typedef {object} LoadOptions The options of load().
 * @property {string} [variant] a variant name, or "auto" (the manifest's default_variant)
 * @property {string} [backend] "auto" (default), "webgpu", "wasm", "wasm-nosimd" or "static"; the
 *   page's ?backend= parameter overrides it. A named tier that cannot run here falls to the next.
 * @property {(p: {loaded: number, total: number}) => void} [onProgress] model download progress
 * @property {AbortSignal} [signal] aborting it rejects the load at once with an AbortError (a download
 *   other loads share goes on; a model that arrives after the abort is released)
 */

/** The options load() takes, for its messages. */
const LOAD_OPTIONS = ['variant', 'backend', 'onProgress', 'signal'];

const WORKER_URL = new URL('../worker/worker.js', import.meta.url);

/** @type {{draft: Promise<Manifest>, checked: Promise<Manifest>} | null} */
let manifestLoad = null;
/** @type {Promise<Capabilities> | null} */
let capabilitiesPromise = null;
/**
 * One worker (one onnxruntime-web build) per runtime tier in use: normally a single one per page,
 * shared by every demo. A load that asks for another tier gets that tier's own worker; the first
 * one keeps serving the models it holds.
 * @type {Map<string, Sessions>}
 */
const runtimes = new Map();
/**
 * What failed to start on this page, with why, so later loads skip it at once: a tier whose runtime
 * could not load (key: the tier), or one that could not create a model's session (key: "tier model").
 * @type {Map<string, string>}
 */
const failedTiers = new Map();

/**
 * The model loads under way on this page (load() and the demos' preloads), each until it settles.
 * @type {Set<Promise<void>>}
 */
const loadsUnderWay = new Set();

/** @param {Promise<unknown>} loading */
function underWay(loading) {
  /** @type {Promise<void>} */
  const settled = loading.then(() => {}, () => {}).finally(() => loadsUnderWay.delete(settled));
  loadsUnderWay.add(settled);
}

/** How often pageWorkSettled looks again at what the workers are doing (ms). */
const WORK_POLL_MS = 100;

/**
 * Resolves at the first moment when no model load is under way on this page and no worker is busy
 * with a request (the first prediction that follows a load included). main.js makes the service
 * worker's registration wait for it: its install copies the runtime's files into its cache, work that
 * would otherwise take the cores from the first load and prediction.
 * @returns {Promise<void>}
 * @internal
 */
export async function pageWorkSettled() {
  for (;;) {
    while (loadsUnderWay.size) await Promise.all(loadsUnderWay);
    // a prediction follows its load within a task or two
    await new Promise((resolve) => setTimeout(resolve, WORK_POLL_MS));
    if (!loadsUnderWay.size && [...runtimes.values()].every((sessions) => sessions.client.pending.size === 0)) return;
  }
}

/**
 * The site's model manifest (fetched once; a failed fetch is retried on the next call).
 * @returns {Promise<Manifest>}
 */
export function manifest() {
  return manifestStages().checked;
}

/** The manifest's fetch, in its two stages (loadManifest); a failed one is started again on the next call. */
function manifestStages() {
  if (!manifestLoad) {
    const started = loadManifest(manifestUrl(SITE_ROOT));
    started.checked.catch(() => {
      if (manifestLoad === started) manifestLoad = null;
    });
    manifestLoad = started;
  }
  return manifestLoad;
}

/**
 * The ids of the site's models, in the manifest's order: what load() accepts.
 * @returns {Promise<string[]>}
 */
export async function models() {
  return (await manifest()).models.map((m) => m.id);
}

/**
 * What this browser can do, by feature tests (detected once per page): load() picks the backend tier from it.
 * @returns {Promise<Capabilities>}
 */
export function capabilities() {
  capabilitiesPromise ??= detectCapabilities();
  return capabilitiesPromise;
}

/**
 * Start, now, the runtime a demo on this page will most likely run on, so its worker, onnxruntime-web
 * and its WebAssembly load while the page does (the manifest, the widget, the model download). Called
 * by main.js on pages with a demo, and by load(). Cheap: no manifest. The tier is the one this model
 * ran on in this browser last time (remembered, so nothing is awaited), else the best one the
 * capabilities give; where that depends on the model (a WebGPU adapter is there: the variant's
 * precision and operators decide), it waits for preload()/load(). A ?backend= parameter is followed.
 * A worker started for a tier that the model then does not use stays idle; a runtime that fails to
 * start is remembered, so load() goes on to the next tier at once.
 * @param {string} [backend] the `backend` a coming load() asks for ("auto": the demos)
 * @param {{model: string, variant: string}} [hint] the model a coming load() asks for
 * @returns {Promise<void>} never rejects
 * @internal
 */
export async function startRuntime(backend = 'auto', hint) {
  try {
    const remembered = backend === 'auto' && forcedBackend() === null && hint ? recalledPlan(hint) : null;
    // A tier named below WebGPU is planned from what is known at once; only "auto" and "webgpu" wait for an adapter.
    const wanted = forcedBackend() ?? backend;
    const plan = remembered ?? planBackends(backend, forcedBackend(),
      wanted === 'auto' || wanted === 'webgpu' ? await capabilities() : instantCapabilities())[0];
    if ((plan.name === 'webgpu' && !remembered) || plan.name === 'static' || failedTiers.has(plan.name)) return;
    await runtimeOf(plan).client.start().catch((e) => {
      if (/** @type {{code?: string}} */ (e).code !== ERROR_CODE.runtime || failedTiers.has(plan.name)) return;
      const problem = `${plan.label} failed: ${e instanceof Error ? e.message : e}`;
      console.warn(`[vitrine] ${problem}; trying the next backend.`);
      failedTiers.set(plan.name, problem);
    });
  } catch {
    // an unknown ?backend=, a worker that cannot be created: load() reports it
  }
}

/** localStorage key prefix: the tier an automatic load of "<id>/<variant>" ran on in this browser. */
const TIER_MEMORY = 'vitrine-tier:';

/**
 * The plan of the tier `hint` ran on last time here, if that tier still looks usable by what can be
 * checked at once (WebAssembly features; for WebGPU, navigator.gpu): only a guess for startRuntime,
 * load() plans from the real capabilities.
 * @param {{model: string, variant: string}} hint
 * @returns {BackendPlan | null}
 */
function recalledPlan({ model, variant }) {
  let name;
  try {
    name = localStorage.getItem(`${TIER_MEMORY}${model}/${variant}`);
  } catch {
    return null;
  }
  const tier = TIERS.find((t) => t.name === name);
  if (!tier) return null;
  const caps = instantCapabilities();
  if (tier.unusable(caps, { precision: 'fp32' })) return null;
  return { name: tier.name, label: tier.label, threads: tier.threads(caps), source: 'auto', problems: [], reason: 'remembered' };
}

/**
 * The capabilities that can be checked at once, without waiting for a WebGPU adapter (the request
 * starts the browser's GPU process): exact for the WASM tiers; WebGPU counts as there when navigator.gpu is.
 * @returns {Capabilities}
 */
function instantCapabilities() {
  return {
    webgpu: 'gpu' in navigator, shaderF16: true, wasm: hasWasm(), wasmSimd: hasWasmSimd(), threads: hasWasmThreads(),
    crossOriginIsolated: Boolean(globalThis.crossOriginIsolated), hardwareConcurrency: navigator.hardwareConcurrency || 1,
  };
}

/**
 * @param {string} model
 * @param {string} variant as load() was asked ("auto" or a name)
 * @param {string} tier
 */
function rememberTier(model, variant, tier) {
  try {
    localStorage.setItem(`${TIER_MEMORY}${model}/${variant}`, tier);
  } catch {
    // storage disabled or full: the next visit waits for the capabilities
  }
}

/**
 * Start downloading a gallery model into the runtime load() will choose for it, without waiting and
 * without a handle: the demo's own load() (a widget mounting) shares the download, and gets its
 * outcome, a failure included. main.js calls it when a demo comes near the viewport, which is also when
 * the demo would load it; so the download no longer waits for the widget's code.
 * @param {string} source a gallery model id
 * @param {string} [variant] a variant name, or "auto" (the default)
 * @returns {Promise<void>} never rejects (load() reports what went wrong)
 */
export async function preload(source, variant = 'auto') {
  const starting = startDownload(source, variant, 'auto');
  underWay(starting);
  await starting;
}

/**
 * Start the download that load(source, {variant, backend}) will take over, as soon as the manifest has
 * arrived: from its draft (loadManifest), so the download does not wait for the schema check, which
 * load() still waits for before it hands out a model. Does nothing when the tier it would use has
 * failed, or is the static one; never rejects.
 * @param {string} source
 * @param {string} variant
 * @param {string} backend
 */
async function startDownload(source, variant, backend) {
  try {
    const [m, caps] = await Promise.all([manifestStages().draft, capabilities()]);
    const info = findModel(m, source);
    const variantEntry = chooseVariant(info, variant, caps);
    const key = `${info.id}/${variantEntry.name}`;
    for (const plan of planBackends(backend, forcedBackend(), caps, variantEntry)) {
      if (plan.name === 'static') return;
      if (failedTiers.has(plan.name) || failedTiers.has(`${plan.name} ${key}`)) continue;
      const sessions = runtimeOf(plan);
      sessions.prefetch(key, variantEntry, sideFiles(info));
      const entry = sessions.entries.get(key);
      if (entry) underWay(entry.loaded);
      return;
    }
  } catch {
    // a manifest or model problem: load() reports it
  }
}

/**
 * The task spec of a model whose predictions need files besides the model (text models: the tokenizer,
 * a search corpus), sent with `load` so the worker fetches them during the model download rather than
 * at the first prediction; undefined for other models (and for a damaged entry, which predict() reports).
 * @param {ModelEntry} info
 */
function sideFiles(info) {
  if (/** @type {{kind?: unknown}} */ (info.preprocessing).kind !== 'text') return undefined;
  try {
    return taskSpec(info);
  } catch {
    return undefined;
  }
}

/** The page's ?backend= parameter (tests and curious users), which wins over the `backend` option. */
function forcedBackend() {
  return new URLSearchParams(location.search).get('backend');
}

/**
 * The sessions (and worker) of `plan`'s tier, created on first use.
 * @param {BackendPlan} plan a runtime tier (not "static")
 * @returns {Sessions}
 */
function runtimeOf(plan) {
  let sessions = runtimes.get(plan.name);
  if (!sessions) {
    const url = new URL(WORKER_URL);
    url.searchParams.set('tier', plan.name);
    // The worker starts its runtime with these threads as soon as it is imported, before `init` (which says the same).
    url.searchParams.set('threads', String(plan.threads));
    sessions = new Sessions(new WorkerClient(() => new Worker(url, { type: 'module' }), { numThreads: plan.threads }));
    runtimes.set(plan.name, sessions);
  }
  return sessions;
}

/**
 * Load a model and return a handle to run it.
 * @param {unknown} source a gallery model id
 * @param {LoadOptions} [options]
 * @returns {Promise<Model | StaticModel>}
 */
export async function load(source, options) {
  const call = 'vitrine.load()';
  const given = checkOptions(options, LOAD_OPTIONS, call);
  const variant = checkString(given.variant, 'variant', call) ?? 'auto';
  const backend = checkString(given.backend, 'backend', call) ?? 'auto';
  /** @type {LoadOptions['onProgress']} */
  const onProgress = checkFunction(given.onProgress, 'onProgress', call);
  const signal = checkSignal(given.signal, call);
  // Model ids never contain "/", ":" or "." (schema: ^[a-z0-9][a-z0-9-]*$); URLs do.
  if (typeof source !== 'string' || /[/:.]/.test(source)) {
    throw new Error(`vitrine.load(): ${describeSource(source)} sources are not supported yet; ` +
      'pass the id of a model in the gallery (see vitrine.models()).');
  }
  // The likely runtime starts while the manifest is fetched (a no-op when it runs already), and the
  // model's download as soon as the manifest is in.
  startRuntime(backend, { model: source, variant });
  startDownload(source, variant, backend);
  const message = `Loading model "${source}" was cancelled.`;
  const loading = loadModel(source, variant, backend, onProgress);
  underWay(loading);
  return abortable(loading, signal, (model) => model.dispose(), message);
}

/**
 * @param {string} source a gallery model id
 * @param {string} variant
 * @param {string} backend
 * @param {LoadOptions['onProgress']} onProgress
 * @returns {Promise<Model | StaticModel>}
 */
async function loadModel(source, variant, backend, onProgress) {
  const [m, caps] = await Promise.all([manifest(), capabilities()]);
  const info = findModel(m, source);
  const variantEntry = chooseVariant(info, variant, caps);
  const plans = planBackends(backend, forcedBackend(), caps, variantEntry);
  // What an automatic choice settled on is the next page view's first guess (startRuntime).
  const remember = backend === 'auto' && forcedBackend() === null;
  const key = `${info.id}/${variantEntry.name}`;
  /** @type {string[]} */
  const failures = [];
  for (const planned of plans) {
    const plan = failures.reduce(withProblem, planned);
    if (plan.name === 'static') {
      if (remember) rememberTier(source, variant, plan.name);
      return new StaticModel({ info, variant: variantEntry, plan });
    }
    const failed = failedTiers.get(plan.name) ?? failedTiers.get(`${plan.name} ${key}`);
    if (failed) {
      failures.push(failed);
      continue;
    }
    try {
      const model = await loadOn(plan, info, variantEntry, onProgress);
      if (remember) rememberTier(source, variant, plan.name);
      return model;
    } catch (e) {
      // Only a tier that could not start (runtime import, session creation) falls to the next one;
      // a download or integrity failure would fail on every tier.
      const code = /** @type {{code?: string}} */ (e).code;
      if (code !== ERROR_CODE.runtime && code !== ERROR_CODE.session) throw e;
      const problem = `${plan.label} failed: ${e instanceof Error ? e.message : e}`;
      console.warn(`[vitrine] ${problem}; trying the next backend.`);
      failedTiers.set(code === ERROR_CODE.runtime ? plan.name : `${plan.name} ${key}`, problem);
      failures.push(problem);
    }
  }
  throw new Error('unreachable: the static tier always qualifies'); // planBackends ends with "static"
}

/**
 * Load `variant` into the worker of `plan`'s tier (started on first use).
 * @param {BackendPlan} plan a runtime tier (not "static")
 * @param {ModelEntry} info
 * @param {Variant} variant
 * @param {LoadOptions['onProgress']} onProgress
 * @returns {Promise<Model>}
 */
async function loadOn(plan, info, variant, onProgress) {
  const sessions = runtimeOf(plan);
  const key = `${info.id}/${variant.name}`;
  const entry = await sessions.acquire(key, variant, onProgress, sideFiles(info));
  // A manifest that disagrees with its model is a build bug; say so instead of failing at run time.
  const { inputs } = await entry.loaded;
  const absent = info.inputs.map((s) => s.name).filter((name) => !inputs.includes(name));
  if (absent.length) {
    await sessions.release(key);
    throw new Error(`The manifest lists inputs that model "${key}" does not have (${absent.join(', ')}); ` +
      `the model has: ${inputs.join(', ')}. Rebuild the site.`);
  }
  const { ready } = await sessions.client.start();
  return new Model({ info, variant, plan, threads: ready.threads, sessions });
}

/** @param {unknown} source a source that is not a gallery id */
function describeSource(source) {
  if (typeof source === 'string' || source instanceof URL) return 'URL';
  if (typeof File === 'function' && source instanceof File) return 'File';
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return 'ArrayBuffer';
  return source === null ? 'null' : typeof source;
}
