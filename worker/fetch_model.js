// Streaming model download with progress and SHA-256 verification. Runs in the worker so the
// model bytes never cross threads; also importable in Node for tests.
import { ERROR_CODE, VitrineError } from './protocol.js';

/** Send at most one progress message per this many ms (plus the final one). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * @typedef {object} FetchModelOptions
 * @property {string} sha256 expected hex digest
 * @property {number} bytes expected size (manifest), the progress total when Content-Length is unusable
 * @property {(loaded: number, total: number) => void} [onProgress]
 * @property {typeof fetch} [fetchImpl] for tests
 */

/**
 * Download `url`, reporting progress, and return its bytes only if they match `sha256`.
 * @param {string} url
 * @param {FetchModelOptions} options
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export async function fetchModel(url, { sha256, bytes, onProgress, fetchImpl = fetch }) {
  /** @type {Response} */
  let response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new VitrineError(ERROR_CODE.download,
      `The model file could not be downloaded (${url}): network error${e instanceof Error ? `: ${e.message}` : ''}.`);
  }
  if (!response.ok) {
    throw new VitrineError(ERROR_CODE.download,
      `The model file could not be downloaded (${url}): HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  }
  const data = await readBody(response, url, expectedTotal(response, bytes), onProgress);
  const actual = await sha256Hex(data);
  if (actual !== sha256.toLowerCase()) {
    throw new VitrineError(ERROR_CODE.integrity,
      `The model file ${url} failed its integrity check (sha256 ${actual}, the manifest expects ${sha256}), ` +
      'so it was not used. The site may be mid-deploy or a proxy altered the file; reload the page to retry.');
  }
  return data;
}

/**
 * Content-Length counts encoded bytes; with gzip/br the stream yields more than that, so only trust
 * it for unencoded responses and fall back to the manifest size.
 * @param {Response} response
 * @param {number} manifestBytes
 */
function expectedTotal(response, manifestBytes) {
  const length = Number(response.headers.get('Content-Length'));
  const encoded = (response.headers.get('Content-Encoding') ?? 'identity') !== 'identity';
  return !encoded && Number.isFinite(length) && length > 0 ? length : manifestBytes;
}

/**
 * @param {Response} response
 * @param {string} url
 * @param {number} total
 * @param {((loaded: number, total: number) => void) | undefined} onProgress
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function readBody(response, url, total, onProgress) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let loaded = 0;
  let lastReport = -Infinity;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      const now = Date.now();
      if (onProgress && now - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = now;
        onProgress(loaded, Math.max(total, loaded));
      }
    }
  } catch (e) {
    throw new VitrineError(ERROR_CODE.download,
      `The model file download was interrupted (${url}) after ${loaded} bytes${e instanceof Error ? `: ${e.message}` : ''}.`);
  }
  onProgress?.(loaded, loaded);
  const data = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data;
}

/**
 * @param {Uint8Array<ArrayBuffer>} data
 * @returns {Promise<string>} lowercase hex SHA-256
 */
export async function sha256Hex(data) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
