// Model download: Cache API first, then a streaming network fetch with progress, bounded retries
// and a SHA-256 check. Runs in the worker so the model bytes never cross threads; also importable
// in Node for tests.
//
// Caching design (one writer per file kind, so nothing is stored twice and nothing fights):
// - Model files are content-addressed (models/<id>/<variant>.<sha256[:16]>.onnx), so a URL never
//   changes meaning and the cache needs no invalidation. THIS module is the only writer of the
//   MODEL_CACHE: it stores a file only after its bytes matched the manifest's sha256, and it checks
//   cached bytes again on every read (a bad entry is deleted and downloaded again).
// - The service worker (worker/service_worker.js, served as <site>/vitrine-sw.js) only READS
//   MODEL_CACHE (cache-first for .onnx, e.g. when this module could not use the Cache API itself);
//   it never writes model files, because it does not know their expected sha256. It keeps its own
//   caches for the runtime files and pages.
// - Without a Cache API (insecure origin, some private modes) or when opening/writing it fails
//   (quota), models load uncached: the demo works, the next visit downloads again.
import { ERROR_CODE, VitrineError } from './protocol.js';

/** Send at most one progress message per this many ms (plus the final one). */
const PROGRESS_INTERVAL_MS = 100;
/** Cache API cache for verified, content-addressed model files. Shared by name with the service worker. */
export const MODEL_CACHE = 'vitrine-models-v1';
/** Network attempts per download (the first try plus retries). */
export const ATTEMPTS = 3;
/** Retry n waits BACKOFF_MS * 2^(n-1): 0.5 s, 1 s. */
export const BACKOFF_MS = 500;

/**
 * @typedef {object} FetchModelOptions
 * @property {string} sha256 expected hex digest
 * @property {number} bytes expected size (manifest): the progress total when Content-Length is unusable,
 *   and how a truncated download is recognised
 * @property {(loaded: number, total: number) => void} [onProgress]
 * @property {typeof fetch} [fetchImpl] for tests
 * @property {CacheStorage | null} [cacheStorage] defaults to globalThis.caches; null disables caching
 * @property {AbortSignal} [signal] stops the download and any retry wait
 * @property {number} [attempts]
 * @property {number} [backoffMs]
 * @property {(message: string) => void} [warn] where degraded-mode notes go (console.warn)
 */

/**
 * Return the bytes of `url` only if they match `sha256`: from the Cache API when a verified copy is
 * there, otherwise downloaded (with retries) and then cached.
 * @param {string} url
 * @param {FetchModelOptions} options
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export async function fetchModel(url, options) {
  const { sha256, onProgress, warn = (m) => console.warn(`[vitrine] ${m}`) } = options;
  const expected = sha256.toLowerCase();
  const cache = await openCache(options.cacheStorage === undefined ? globalThis.caches : options.cacheStorage, warn);

  if (cache) {
    const cached = await readCached(cache, url, expected, warn);
    if (cached) {
      onProgress?.(cached.byteLength, cached.byteLength);
      return cached;
    }
  }

  const data = await download(url, options);
  const actual = await sha256Hex(data);
  if (actual !== expected) {
    // Never cached, never retried: the same server (or proxy) would most likely send the same bytes.
    throw new VitrineError(ERROR_CODE.integrity,
      `The model file ${url} failed its integrity check (sha256 ${actual}, the manifest expects ${sha256}), ` +
      'so it was not used. The site may be mid-deploy or a proxy altered the file; reload the page to retry.');
  }
  if (cache) {
    try {
      await cache.put(url, new Response(data, {
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.byteLength) },
      }));
    } catch (e) {
      warn(`Could not cache ${url} (${describe(e)}); it will be downloaded again next time.`);
    }
  }
  return data;
}

/**
 * @param {CacheStorage | null | undefined} storage
 * @param {(message: string) => void} warn
 * @returns {Promise<Cache | null>}
 */
async function openCache(storage, warn) {
  if (!storage) return null;
  try {
    return await storage.open(MODEL_CACHE);
  } catch (e) {
    warn(`The Cache API is unavailable (${describe(e)}); models load without caching.`);
    return null;
  }
}

/**
 * The cached bytes of `url` if present and intact; a corrupt entry is deleted.
 * @param {Cache} cache
 * @param {string} url
 * @param {string} expected
 * @param {(message: string) => void} warn
 * @returns {Promise<Uint8Array<ArrayBuffer> | null>}
 */
async function readCached(cache, url, expected, warn) {
  try {
    const response = await cache.match(url);
    if (!response) return null;
    const data = new Uint8Array(await response.arrayBuffer());
    if (await sha256Hex(data) === expected) return data;
    warn(`The cached copy of ${url} is damaged; downloading it again.`);
    await cache.delete(url);
  } catch (e) {
    warn(`Could not read ${url} from the cache (${describe(e)}); downloading it.`);
  }
  return null;
}

/**
 * Download with bounded retries: network errors, interrupted or truncated bodies and 5xx/408/429
 * are retried with exponential backoff; other HTTP errors (404…) fail at once.
 * @param {string} url
 * @param {FetchModelOptions} options
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function download(url, { bytes, onProgress, fetchImpl = (i, init) => fetch(i, init), signal, attempts = ATTEMPTS, backoffMs = BACKOFF_MS }) {
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    try {
      return await downloadOnce(url, bytes, onProgress, fetchImpl, signal);
    } catch (e) {
      if (!(e instanceof RetryableError) || signal?.aborted) throw unwrap(e, signal);
      if (attempt >= attempts) {
        throw new VitrineError(ERROR_CODE.download,
          `${e.message} Tried ${attempts} times; check your connection, then edit an input or press Predict to try again.`);
      }
      await sleep(backoffMs * 2 ** (attempt - 1), signal);
    }
  }
}

/** A failure worth another attempt; its message is already readable. */
class RetryableError extends Error {}

/**
 * @param {string} url
 * @param {number} bytes
 * @param {((loaded: number, total: number) => void) | undefined} onProgress
 * @param {typeof fetch} fetchImpl
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function downloadOnce(url, bytes, onProgress, fetchImpl, signal) {
  /** @type {Response} */
  let response;
  try {
    response = await fetchImpl(url, signal ? { signal } : undefined);
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new RetryableError(`The model file could not be downloaded (${url}): network error${e instanceof Error ? `: ${e.message}` : ''}.`);
  }
  if (!response.ok) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new RetryableError(`The model file could not be downloaded (${url}): ${status}.`);
    }
    throw new VitrineError(ERROR_CODE.download,
      response.status === 404
        ? `The model file was not found on the server (${url}: ${status}). The site may be mid-deploy or incomplete; rebuild or redeploy it.`
        : `The model file could not be downloaded (${url}): ${status}.`);
  }
  const data = await readBody(response, url, expectedTotal(response, bytes), onProgress, signal);
  // The stream yields decoded bytes, which is the manifest's size whatever the Content-Encoding.
  if (bytes > 0 && data.byteLength < bytes) {
    throw new RetryableError(`The model file download was cut short (${url}): got ${data.byteLength} of ${bytes} bytes.`);
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
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function readBody(response, url, total, onProgress, signal) {
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
    if (signal?.aborted) throw e;
    throw new RetryableError(
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

/** @param {AbortSignal | undefined} signal */
function throwIfAborted(signal) {
  if (signal?.aborted) throw abortError();
}

/**
 * @param {unknown} e
 * @param {AbortSignal | undefined} signal
 */
function unwrap(e, signal) {
  if (signal?.aborted) return abortError();
  if (e instanceof RetryableError) return new VitrineError(ERROR_CODE.download, e.message);
  return e;
}

function abortError() {
  const e = new VitrineError(ERROR_CODE.aborted, 'The download was cancelled.');
  e.name = 'AbortError';
  return e;
}

/**
 * @param {number} ms
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<void>}
 */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** @param {unknown} e */
function describe(e) {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/**
 * @param {Uint8Array<ArrayBuffer>} data
 * @returns {Promise<string>} lowercase hex SHA-256
 */
export async function sha256Hex(data) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
