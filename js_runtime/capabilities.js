// What this browser can do, by feature tests (never user-agent sniffing).
import { hasWasm, hasWasmSimd, hasWasmThreads } from '../worker/wasm_features.js';

/**
 * @typedef {object} Capabilities What this browser can run, as capabilities() detects it.
 * @property {boolean} webgpu navigator.gpu exists AND requestAdapter() returned an adapter
 * @property {boolean} shaderF16 that adapter has the "shader-f16" feature (fp16 variants need it)
 * @property {boolean} wasm WebAssembly runs at all
 * @property {boolean} wasmSimd
 * @property {boolean} threads WASM threads usable (cross-origin isolated with SharedArrayBuffer)
 * @property {boolean} crossOriginIsolated
 * @property {number} hardwareConcurrency
 */

/** @returns {Promise<Capabilities>} */
export async function detectCapabilities() {
  const adapter = await webGpuAdapter();
  return {
    webgpu: adapter != null,
    shaderF16: adapter?.features.has('shader-f16') ?? false,
    wasm: hasWasm(),
    wasmSimd: hasWasmSimd(),
    threads: hasWasmThreads(),
    crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
  };
}

/**
 * `navigator.gpu` alone is not enough: Chromium exposes it and then returns a null adapter when
 * WebGPU is blocked or unsupported.
 * @returns {Promise<{features: {has(name: string): boolean}} | null>}
 */
async function webGpuAdapter() {
  const gpu = /** @type {{gpu?: {requestAdapter(): Promise<{features: Set<string>} | null>}}} */ (
    /** @type {unknown} */ (navigator)).gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter();
  } catch {
    return null;
  }
}
