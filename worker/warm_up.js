// Starting onnxruntime-web early. The runtime fetches, compiles and instantiates its WebAssembly
// (14 MB for WASM-SIMD) and starts its threads only when the first session is created; there is no
// public call that does it alone. So the worker creates a throw-away session on this tiny model as
// soon as the runtime is imported (engine.js, on `init`): the WASM then loads while the model file
// downloads and its sha256 is checked, instead of after them.
//
// The model: one Identity node, float32 x[1] → y[1], IR version 7, opset 13 — within what both
// runtime builds read (onnxruntime-web 1.30, and 1.18 on the plain-WASM tier). Made with
// `onnx.helper` (make_graph / make_model(..., ir_version=7)) and checked with onnx.checker and
// Python onnxruntime; tests/js/warm_up.test.js runs it in onnxruntime-web.

/** The serialized ONNX model (67 bytes). */
export const WARM_UP_MODEL = Uint8Array.of(
  8, 7, 18, 0, 58, 55, 10, 16, 10, 1, 120, 18, 1, 121, 34, 8, 73, 100, 101, 110, 116, 105, 116, 121, 18, 1, 119,
  90, 15, 10, 1, 120, 18, 10, 10, 8, 8, 1, 18, 4, 10, 2, 8, 1, 98, 15, 10, 1, 121, 18, 10, 10, 8, 8, 1, 18, 4, 10,
  2, 8, 1, 66, 4, 10, 0, 16, 13,
);

/**
 * Create and release a session on WARM_UP_MODEL, so `ort` has its WebAssembly (and threads, and the
 * execution provider) ready before the first real session. Never rejects: a runtime that cannot start
 * fails again, with its own message, when the real session is created.
 * @param {typeof import('onnxruntime-web')} ort
 * @param {string[]} executionProviders the tier's, as the real sessions use them
 * @returns {Promise<unknown>} settles when the runtime is ready (null) or has failed to start (the error)
 */
export async function warmUp(ort, executionProviders) {
  try {
    // A copy: onnxruntime-web may transfer or keep what it is given.
    const session = await ort.InferenceSession.create(WARM_UP_MODEL.slice(), { executionProviders });
    await session.release();
    return null;
  } catch (e) {
    return e;
  }
}

/** What start() did for each runtime module: the first call's outcome, kept. @type {WeakMap<object, {warm: Promise<unknown>}>} */
const started = new WeakMap();

/**
 * Configure `ort` for this tier and, with `warm`, begin its warm-up — once per runtime module: a later
 * call returns what the first did and changes nothing (onnxruntime-web reads its settings when its
 * WebAssembly starts, so they could not change anyway). worker.js calls it as soon as the runtime is
 * imported when its URL names the thread count; otherwise the engine does, on `init`.
 * @param {typeof import('onnxruntime-web')} ort
 * @param {import('./runtimes.js').Runtime} runtime
 * @param {{wasmPaths: string, numThreads: number}} settings
 * @param {boolean} warm whether to create the warm-up session
 * @returns {{warm: Promise<unknown>}} warm settles when the warm-up is done (at once without one)
 */
export function startRuntime(ort, runtime, { wasmPaths, numThreads }, warm) {
  let done = started.get(ort);
  if (!done) {
    ort.env.wasm.wasmPaths = wasmPaths;
    ort.env.wasm.numThreads = numThreads;
    Object.assign(ort.env.wasm, runtime.wasmEnv);
    done = { warm: warm ? warmUp(ort, runtime.executionProviders) : Promise.resolve(null) };
    started.set(ort, done);
  }
  return done;
}
