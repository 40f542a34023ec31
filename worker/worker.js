// Inference worker entry: wires the protocol dispatcher to the worker global. Started by
// js_runtime/vitrine.js (through worker_client.js) as a module worker, one per runtime tier in use —
// normally one per page. The worker URL's ?tier= (webgpu | wasm | wasm-nosimd; default wasm) picks
// the onnxruntime-web build it imports, lazily, on `init`.
import { createDispatcher } from './dispatch.js';
import { Engine } from './engine.js';
import { runtimeFor } from './runtimes.js';

/** @typedef {import('./protocol.js').Request} Request */

const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const runtime = runtimeFor(new URL(import.meta.url).searchParams.get('tier'));
/** Where the site puts this runtime's dist files (see the site layout the plugin writes). */
const VENDOR = new URL(`../vendor/${runtime.vendor}/`, import.meta.url);

const engine = new Engine(() => import(new URL(runtime.bundle, VENDOR).href), undefined, runtime);
const dispatch = createDispatcher(engine, (reply, transfer = []) => scope.postMessage(reply, transfer), VENDOR.href);

scope.addEventListener('message', (event) => {
  dispatch(/** @type {Request} */ (event.data));
});
