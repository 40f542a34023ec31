// Inference worker entry: wires the protocol dispatcher to the worker global. Started by
// js_runtime/worker_client.js as a module worker; one per page.
import { createDispatcher } from './dispatch.js';
import { Engine } from './engine.js';

/** @typedef {import('./protocol.js').Request} Request */

const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** Where the site puts onnxruntime-web's dist files (see the site layout the plugin writes). */
const VENDOR_ORT = new URL('../vendor/onnxruntime-web/', import.meta.url);

const engine = new Engine(() => import(new URL('ort.wasm.min.mjs', VENDOR_ORT).href));
const dispatch = createDispatcher(engine, (reply, transfer = []) => scope.postMessage(reply, transfer), VENDOR_ORT.href);

scope.addEventListener('message', (event) => {
  dispatch(/** @type {Request} */ (event.data));
});
