// Checks on what callers pass to the public API's option bags, so a wrong option fails with a sentence
// that names it instead of a TypeError from deep inside ("Cannot read properties of null"). Pure: no DOM.
import { abortError } from './worker_client.js';

/**
 * `options` as an object whose keys are all in `allowed`; undefined gives {}.
 * @param {unknown} options
 * @param {readonly string[]} allowed
 * @param {string} call e.g. "vitrine.load()", for messages
 * @returns {Record<string, unknown>}
 */
export function checkOptions(options, allowed, call) {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${call}: options must be an object (or left out), got ${describeValue(options)}.`);
  }
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new TypeError(`${call}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(', ')}; ` +
      `the options are: ${allowed.join(', ')}.`);
  }
  return /** @type {Record<string, unknown>} */ (options);
}

/**
 * @param {unknown} signal
 * @param {string} call
 * @returns {AbortSignal | undefined}
 */
export function checkSignal(signal, call) {
  if (signal === undefined) return undefined;
  if (typeof AbortSignal === 'function' && signal instanceof AbortSignal) return signal;
  throw new TypeError(`${call}: options.signal must be an AbortSignal (new AbortController().signal), ` +
    `got ${describeValue(signal)}.`);
}

/**
 * @param {unknown} value
 * @param {string} name option name
 * @param {string} call
 * @returns {string | undefined}
 */
export function checkString(value, name, call) {
  if (value === undefined || typeof value === 'string') return value;
  throw new TypeError(`${call}: options.${name} must be a string, got ${describeValue(value)}.`);
}

/**
 * @template {Function} F
 * @param {unknown} value
 * @param {string} name option name
 * @param {string} call
 * @returns {F | undefined}
 */
export function checkFunction(value, name, call) {
  if (value === undefined || typeof value === 'function') return /** @type {F | undefined} */ (value);
  throw new TypeError(`${call}: options.${name} must be a function, got ${describeValue(value)}.`);
}

/**
 * Settle like `promise`, or reject with an AbortError as soon as `signal` aborts; a value that
 * arrives after the abort is handed to `discard` (to release what it holds).
 * @template T
 * @param {Promise<T>} promise
 * @param {AbortSignal | undefined} signal
 * @param {(value: T) => void} discard
 * @param {string} message the AbortError's message
 * @returns {Promise<T>}
 */
export function abortable(promise, signal, discard, message) {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.then(discard, () => {});
    return Promise.reject(abortError(message));
  }
  return new Promise((resolve, reject) => {
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      reject(abortError(message));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => {
      signal.removeEventListener('abort', onAbort);
      if (aborted) discard(value);
      else resolve(value);
    }, (error) => {
      signal.removeEventListener('abort', onAbort);
      if (!aborted) reject(error);
    });
  });
}

/**
 * A short description of a value for messages: null, "x" (quoted strings), 3, an array, a function, an object.
 * @param {unknown} v
 */
export function describeValue(v) {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'bigint') return `${v}n`;
  return String(v);
}
