// WebAssembly feature tests shared by the page (capabilities) and the worker (ready.features).
// Feature-test, never sniff user agents.

// The smallest valid module: magic + version.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

// The smallest module that uses a SIMD instruction: (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)
// — the same probe wasm-feature-detect uses. Engines without SIMD128 fail validation.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/**
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @returns {boolean}
 */
function validates(bytes) {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/** @returns {boolean} whether this engine runs WebAssembly at all (it may be missing or disabled by policy) */
export function hasWasm() {
  return validates(EMPTY_MODULE);
}

/** @returns {boolean} whether this engine validates WebAssembly SIMD128 code */
export function hasWasmSimd() {
  return validates(SIMD_PROBE);
}

/**
 * Threads need SharedArrayBuffer, which browsers expose only to cross-origin isolated pages
 * (WebKitGTK is isolated yet has no global SharedArrayBuffer, hence both checks).
 * @returns {boolean}
 */
export function hasWasmThreads() {
  if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer !== 'function') return false;
  try {
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}
