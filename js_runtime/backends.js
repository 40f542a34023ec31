// Which inference tier runs a model. Pure: takes the request and the capabilities, returns the tiers
// to try in order (the first one that starts wins; vitrine.load falls to the next when a tier fails
// at session creation).
//
//   webgpu       onnxruntime-web 1.30 `ort.webgpu.min.mjs` (ops the WebGPU EP lacks run on its CPU EP)
//   wasm         onnxruntime-web 1.30 `ort.wasm.min.mjs`, WASM SIMD, threads when cross-origin isolated
//   wasm-nosimd  onnxruntime-web 1.18.0 (its last release with non-SIMD binaries), one thread
//   static       no runtime: the manifest's precomputed example outputs only

/** @typedef {import('./capabilities.js').Capabilities} Capabilities */
/**
 * @typedef {object} VariantNeeds what a tier must support to run a variant (a manifest variant fits)
 * @property {import('./manifest.js').Variant['precision']} precision
 * @property {Record<string, number>} [opsets] operator set per domain
 */
/** @typedef {'webgpu'|'wasm'|'wasm-nosimd'|'static'} TierName */

/**
 * @typedef {object} Tier
 * @property {TierName} name the value of `backend` / `?backend=`
 * @property {string} label shown to visitors
 * @property {(caps: Capabilities, needs: VariantNeeds) => string | null} unusable why it cannot run
 *   this variant in this browser, or null
 * @property {(caps: Capabilities) => number} threads WASM threads to ask for (0: no runtime)
 */

/** @param {Capabilities} caps */
const wasmThreads = (caps) => (caps.threads ? Math.min(4, caps.hardwareConcurrency) : 1);

/** @type {Tier[]} */
export const TIERS = [
  {
    name: 'webgpu',
    label: 'WebGPU',
    unusable: (caps, { precision, opsets = {} }) => {
      if (!caps.webgpu) return 'no WebGPU adapter (navigator.gpu is missing or requestAdapter() returned none)';
      if (precision === 'fp16' && !caps.shaderF16) return 'the GPU lacks the shader-f16 feature this fp16 variant needs';
      // Seen: "No Op registered for OneHotEncoder". Skipping up front saves a 27 MB runtime download.
      if ('ai.onnx.ml' in opsets) return 'its runtime build has no ai.onnx.ml (classic ML) operators, which this model uses';
      return caps.wasmSimd ? null : 'the WebGPU runtime also needs WebAssembly SIMD, which this browser lacks';
    },
    threads: wasmThreads,
  },
  {
    name: 'wasm',
    label: 'WASM-SIMD',
    unusable: (caps) => (caps.wasmSimd ? null : 'this browser lacks WebAssembly SIMD'),
    threads: wasmThreads,
  },
  {
    name: 'wasm-nosimd',
    label: 'plain WASM',
    unusable: (caps) => (caps.wasm ? null : 'this browser has no WebAssembly'),
    // onnxruntime-web 1.18's threaded build needs pthread worker scripts it does not ship as ES modules.
    threads: () => 1,
  },
  {
    name: 'static',
    label: 'precomputed examples only',
    unusable: () => null,
    threads: () => 0,
  },
];

/** Every value `backend` / `?backend=` accepts. */
export const BACKEND_NAMES = ['auto', ...TIERS.map((t) => t.name)];

/**
 * @typedef {object} BackendPlan {@internal} The tier load() chose, and why: a handle's backend,
 *   backendLabel and backendReason come from it. (A typedef takes its TypeDoc modifiers inline.)
 * @property {TierName} name
 * @property {string} label
 * @property {number} threads WASM threads to ask for (0 for static)
 * @property {string} source "auto", "forced by ?backend=…" or "requested backend …"
 * @property {string[]} problems why better tiers were not used (unusable here, or failed to start)
 * @property {string} reason why this tier, for the status line and debugging: source + problems
 */

/**
 * The tiers to try, best first: for "auto" every tier this browser can use; for a named tier that
 * one and then the usable tiers after it (so a forced tier that cannot run still falls back, and
 * says why). Never empty: "static" always qualifies.
 * @param {string} requested the `backend` option ("auto" or a tier name)
 * @param {string | null} forced the page's `?backend=` parameter, which wins (tests and curious users)
 * @param {Capabilities} caps
 * @param {VariantNeeds} [needs] of the variant to run
 * @returns {BackendPlan[]}
 */
export function planBackends(requested, forced, caps, needs = { precision: 'fp32' }) {
  const wanted = forced ?? requested;
  const source = forced != null ? `forced by ?backend=${forced}` : requested === 'auto' ? 'auto' : `requested backend "${requested}"`;
  const start = wanted === 'auto' ? 0 : TIERS.findIndex((t) => t.name === wanted);
  if (start < 0) {
    throw new Error(`Unknown backend "${wanted}" (${source}); choose one of: ${BACKEND_NAMES.join(', ')}.`);
  }
  /** @type {string[]} */
  const skipped = [];
  /** @type {BackendPlan[]} */
  const plans = [];
  for (const tier of TIERS.slice(start)) {
    const why = tier.unusable(caps, needs);
    if (why) {
      skipped.push(`${tier.label} unavailable: ${why}`);
      continue;
    }
    plans.push(describe({ name: tier.name, label: tier.label, threads: tier.threads(caps), source, problems: [...skipped] }));
  }
  return plans;
}

/**
 * `plan` with one more problem (e.g. a better tier that failed to start), its reason updated.
 * @param {BackendPlan} plan
 * @param {string} problem
 * @returns {BackendPlan}
 */
export function withProblem(plan, problem) {
  return describe({ ...plan, problems: [...plan.problems, problem] });
}

/**
 * @param {Omit<BackendPlan, 'reason'>} plan
 * @returns {BackendPlan}
 */
function describe(plan) {
  const reason = plan.problems.length ? `${plan.source}; ${plan.problems.join('; ')}`
    : plan.source === 'auto' ? 'auto: best tier this browser supports' : plan.source;
  return { ...plan, reason };
}
