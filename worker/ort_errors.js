// onnxruntime-web's own error messages are written for its developers ("failed to load external data
// file", "magic word"…). Map the ones a visitor can meet to sentences that say what happened.

/** @type {Array<[RegExp, string]>} pattern in ORT's message → what to tell the visitor */
const KNOWN = [
  [/failed to load external data file/i,
    'The model file could not be downloaded. Check the connection and reload the page.'],
  [/WebAssembly SIMD is not supported/i,
    'This browser lacks WebAssembly SIMD, which the WASM backend needs.'],
  // before "no available backend found", which wraps it: a CSP without 'wasm-unsafe-eval' (see builder/csp.py)
  [/Refused to compile or instantiate WebAssembly|'(?:wasm-)?unsafe-eval'/i,
    "This site's Content Security Policy forbids compiling WebAssembly: the policy of its worker scripts needs " +
    "'wasm-unsafe-eval' in script-src."],
  [/magic word|failed to fetch dynamically imported module|no available backend found|expected magic/i,
    "The ONNX runtime's WebAssembly files could not be loaded (the site may be missing them)."],
  [/out of memory|memory access out of bounds|Aborted\(OOM\)/i,
    'The browser ran out of memory for this model. Close other tabs or try a smaller variant.'],
];

/**
 * @param {unknown} error anything ORT threw
 * @param {string} doing what we were doing, e.g. "The model could not be loaded"
 * @returns {string}
 */
export function describeOrtError(error, doing) {
  const raw = error instanceof Error ? error.message : String(error);
  for (const [pattern, text] of KNOWN) {
    if (pattern.test(raw)) return `${doing}: ${text}`;
  }
  // Unknown: keep ORT's text (it is the only clue) but lead with what failed.
  return `${doing}: ${raw}`;
}
