// The onnxruntime-web build each runtime tier imports (one tier, so one runtime, per worker). The
// plugin copies these files to <site>/vitrine/vendor/<package>/ (builder/assets.py VENDOR); each
// bundle fetches its .wasm (and .mjs glue) from that folder, so a tier's files load only on that tier.

/** @typedef {'webgpu'|'wasm'|'wasm-nosimd'} RuntimeTier the tiers that run a model (all but "static") */

/**
 * @typedef {object} Runtime
 * @property {RuntimeTier} tier
 * @property {string} vendor folder under vendor/: the npm package (or alias) it comes from
 * @property {string} bundle the ES module to import from that folder
 * @property {string[]} executionProviders for InferenceSession.create
 * @property {{simd?: boolean}} wasmEnv extra ort.env.wasm settings
 */

/** @type {Record<RuntimeTier, Runtime>} */
export const RUNTIMES = {
  // The asyncify WebGPU build (ort-wasm-simd-threaded.asyncify.*): unlike the JSEP build it also runs
  // Convs exported without explicit attributes. Ops the WebGPU EP lacks fall back to its CPU EP.
  webgpu: { tier: 'webgpu', vendor: 'onnxruntime-web', bundle: 'ort.webgpu.min.mjs', executionProviders: ['webgpu'], wasmEnv: {} },
  // ort-wasm-simd-threaded.{mjs,wasm}
  wasm: { tier: 'wasm', vendor: 'onnxruntime-web', bundle: 'ort.wasm.min.mjs', executionProviders: ['wasm'], wasmEnv: {} },
  // onnxruntime-web 1.18.0 (npm alias onnxruntime-web-legacy): its last release with non-SIMD binaries.
  // Its ES module bundle (dist/esm/ort.wasm.min.js) embeds the Emscripten glue; with `simd: false`
  // and one thread it fetches ort-wasm.wasm even where SIMD exists (a forced tier stays that tier).
  'wasm-nosimd': {
    tier: 'wasm-nosimd', vendor: 'onnxruntime-web-legacy', bundle: 'ort.wasm.min.js', executionProviders: ['wasm'], wasmEnv: { simd: false },
  },
};

/**
 * @param {string | null} name the worker URL's ?tier= parameter
 * @returns {Runtime}
 */
export function runtimeFor(name) {
  const tier = name ?? 'wasm';
  if (!Object.hasOwn(RUNTIMES, tier)) throw new Error(`The inference worker has no runtime tier "${name}"; it knows: ${Object.keys(RUNTIMES).join(', ')}.`);
  return RUNTIMES[/** @type {RuntimeTier} */ (tier)];
}
