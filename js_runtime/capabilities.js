// What this browser can do, by feature tests (never user-agent sniffing).
import { hasWasmSimd, hasWasmThreads } from '../worker/wasm_features.js';

/**
 * @typedef {object} Capabilities
 * @property {boolean} webgpu navigator.gpu exists AND requestAdapter() returned an adapter
 * @property {boolean} wasmSimd
 * @property {boolean} threads WASM threads usable (cross-origin isolated with SharedArrayBuffer)
 * @property {boolean} crossOriginIsolated
 * @property {number} hardwareConcurrency
 */

/** @returns {Promise<Capabilities>} */
export async function detectCapabilities() {
  return {
    webgpu: await hasWebGpu(),
    wasmSimd: hasWasmSimd(),
    threads: hasWasmThreads(),
    crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
  };
}

/**
 * `navigator.gpu` alone is not enough: Chromium exposes it and then returns a null adapter when
 * WebGPU is blocked or unsupported.
 * @returns {Promise<boolean>}
 */
async function hasWebGpu() {
  const gpu = /** @type {{gpu?: {requestAdapter(): Promise<unknown>}}} */ (/** @type {unknown} */ (navigator)).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}
