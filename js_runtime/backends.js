// Which inference tier runs a model. Pure: takes the capabilities and the request, returns a plan.
// Tiers are tried in order for "auto". Later issues add, in this order: "webgpu" (before wasm,
// needs capabilities.webgpu), "wasm-nosimd" (onnxruntime-web 1.18 plain WASM) and "static"
// (precomputed outputs only) after it.

/** @typedef {import('./capabilities.js').Capabilities} Capabilities */

/**
 * @typedef {object} Tier
 * @property {string} name the value of `backend` / `?backend=`
 * @property {string} label shown to visitors
 * @property {(caps: Capabilities) => string | null} unusable why this browser cannot use it, or null
 */

/** @type {Tier[]} */
export const TIERS = [
  {
    name: 'wasm',
    label: 'WASM-SIMD',
    unusable: (caps) => (caps.wasmSimd ? null
      : 'this browser lacks WebAssembly SIMD, which the WASM backend needs (a plain-WASM fallback is planned)'),
  },
];

/**
 * @typedef {object} BackendPlan
 * @property {string} name
 * @property {string} label
 * @property {number} threads WASM threads to ask for
 * @property {string} reason why this tier, for the status line and debugging
 */

/**
 * @param {string} requested the `backend` option ("auto" or a tier name)
 * @param {string | null} forced the page's `?backend=` parameter, which wins (tests and curious users)
 * @param {Capabilities} caps
 * @returns {BackendPlan}
 */
export function chooseBackend(requested, forced, caps) {
  const wanted = forced ?? requested;
  const source = forced != null ? `forced by ?backend=${forced}` : requested === 'auto' ? 'auto' : `requested backend "${requested}"`;
  const threads = caps.threads ? Math.min(4, caps.hardwareConcurrency) : 1;
  if (wanted === 'auto') {
    /** @type {string[]} */
    const reasons = [];
    for (const tier of TIERS) {
      const why = tier.unusable(caps);
      if (!why) return { name: tier.name, label: tier.label, threads, reason: `${source}: best tier this browser supports` };
      reasons.push(`${tier.label}: ${why}`);
    }
    throw new Error(`No inference backend can run here: ${reasons.join('; ')}.`);
  }
  const tier = TIERS.find((t) => t.name === wanted);
  if (!tier) {
    throw new Error(`Backend "${wanted}" is not available yet; available: auto, ${TIERS.map((t) => t.name).join(', ')}.`);
  }
  const why = tier.unusable(caps);
  if (why) throw new Error(`Backend "${wanted}" (${source}) cannot run: ${why}.`);
  return { name: tier.name, label: tier.label, threads, reason: source };
}
