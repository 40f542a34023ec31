// Inference worker entry: wires the protocol dispatcher to the worker global. Started by
// js_runtime/vitrine.js (through worker_client.js) as a module worker, one per runtime tier in use —
// normally one per page. The worker URL's ?tier= (webgpu | wasm | wasm-nosimd; default wasm) picks
// the onnxruntime-web build it imports; its ?threads= (the `numThreads` the page's `init` will send)
// lets the runtime start before `init` arrives.
//
// Start-up runs in parallel: the runtime's import begins the moment this module runs, before the
// worker's own modules (the dispatcher, the engine and the task code, imported below) have loaded and
// before `init` arrives; once imported, the runtime is configured and its WebAssembly started
// (warm_up.js) while those modules load and the model downloads. Messages that arrive meanwhile wait
// here, in order.
import { runtimeFor } from './runtimes.js';
import { startRuntime } from './warm_up.js';

/** @typedef {import('./protocol.js').Request} Request */

const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const params = new URL(import.meta.url).searchParams;
const runtime = runtimeFor(params.get('tier'));
/** Where the site puts this runtime's dist files (see the site layout the plugin writes). */
const VENDOR = new URL(`../vendor/${runtime.vendor}/`, import.meta.url);
const threads = Number(params.get('threads'));

/** The runtime's import, started now; a failure is reported by `init` (code runtime). */
const ort = import(new URL(runtime.bundle, VENDOR).href);
ort.then((module) => {
  if (Number.isInteger(threads) && threads > 0) startRuntime(module, runtime, { wasmPaths: VENDOR.href, numThreads: threads }, true);
}, () => {});

/** @type {Request[]} */
const waiting = [];
/** @type {((request: Request) => Promise<void>) | null} */
let dispatch = null;
scope.addEventListener('message', (event) => {
  const request = /** @type {Request} */ (event.data);
  if (dispatch) dispatch(request);
  else waiting.push(request);
});

Promise.all([import('./dispatch.js'), import('./engine.js')]).then(([{ createDispatcher }, { Engine }]) => {
  const engine = new Engine(() => ort, undefined, runtime, undefined, { warmUp: true });
  const ready = createDispatcher(engine, (reply, transfer = []) => scope.postMessage(reply, transfer), VENDOR.href);
  dispatch = ready;
  for (const request of waiting.splice(0)) ready(request);
}, (e) => {
  // The worker cannot serve anything: fail as a script that did not load does (the page's client sees
  // the worker's `error` event, rejects what is pending and starts a fresh worker on the next request).
  setTimeout(() => {
    throw e;
  });
});
