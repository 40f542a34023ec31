// Model download: Cache API first, then a streaming network fetch with progress, bounded retries
// and a SHA-256 check. Runs in the worker so the model bytes never cross threads; also importable
// in Node for tests.
//
// Caching design (one writer per file kind, so nothing is stored twice and nothing fights):
// - Model files are content-addressed (models/<id>/<variant>.<sha256[:16]>.onnx), so a URL never
//   changes meaning and the cache needs no invalidation. THIS module is the only writer of the
//   MODEL_CACHE: it stores a file only after its bytes matched the manifest's sha256, with that digest in
//   a header of its own (VERIFIED_HEADER). The write runs in the background: the session does not wait
//   for it, and a failed write (quota) is only logged.
// - Reading: an entry whose VERIFIED_HEADER equals the sha256 the manifest expects now, and whose size
//   is the manifest's, is used without hashing its bytes again. That is safe because such an entry can
//   only have come from this module after the check: Cache.put stores a response whole or not at all
//   (a failed or interrupted write leaves no entry, never part of one), the key is the content-addressed
//   URL, and nothing else writes this cache (the service worker only reads it; a page script that forged
//   the header could as well change the page's own scripts, which are cached unhashed). What the hash
//   catches — a wrong file from the server, a proxy or the HTTP cache — was caught before the write.
//   Any other entry (without the header, an older build's, another size) is hashed as before, and a bad
//   one is deleted and downloaded again.
// - The service worker (worker/service_worker.js, served as <site>/vitrine-sw.js) only READS
//   MODEL_CACHE (cache-first for .onnx, e.g. when this module could not use the Cache API itself);
//   it never writes model files, because it does not know their expected sha256. It keeps its own
//   caches for the runtime files and pages.
// - Without a Cache API (insecure origin, some private modes) or when opening/writing it fails
//   (quota), models load uncached: the demo works, the next visit downloads again.
//
// Hostile or damaged manifests (defence in depth: js_runtime/manifest.js already confines file URLs
// to the models folder): a URL outside this site's models/ folder, or on another origin, is refused
// before any request is made (checkSiteUrl).
//
// Integrity failures and the HTTP cache: a wrong file (sha256 or size mismatch) may have come from the
// browser's HTTP cache (GitHub Pages sends `Cache-Control: max-age=600`), which would hand the same
// bad bytes to every retry and reload until it expires, although the server may be fixed already.
// So a mismatch is fetched once more with `cache: 'reload'` (straight from the server, and the HTTP
// cache entry is replaced) before it is reported; a bad file is never put in the Cache API.
import { ERROR_CODE, VitrineError } from './protocol.js';

/** Send at most one progress message per this many ms (plus the final one). */
const PROGRESS_INTERVAL_MS = 100;
/**
 * Cache API cache for verified, content-addressed model files. The service worker reads the same cache:
 * builder/assets.py copies this name into it at build time, so keep this line's form.
 */
export const MODEL_CACHE = 'vitrine-models-v1';
/** The response header a MODEL_CACHE entry carries once its bytes matched this sha256 (lowercase hex). */
export const VERIFIED_HEADER = 'X-Vitrine-Sha256';
/** Network attempts per download (the first try plus retries). */
export const ATTEMPTS = 3;
/** Retry n waits BACKOFF_MS * 2^(n-1): 0.5 s, 1 s. */
export const BACKOFF_MS = 500;

/**
 * @typedef {object} SiteScope where the files this worker may fetch live
 * @property {string} origin every URL must have this origin
 * @property {string} root the site root (ends with "/")
 * @property {string} models model files must lie under this folder URL (ends with "/")
 * @property {string} vendor the runtime's files (onnxruntime-web's .wasm) lie under this folder URL
 */

/**
 * This site's scope, seen from `moduleUrl` (this file is served at <site>/vitrine/worker/, and model
 * files at <site>/models/, see builder/assets.py MODELS and RUNTIME). Null where the module is not
 * served over http(s) (Node tests read file:// URLs): there is no site to confine to.
 * @param {string} [moduleUrl]
 * @returns {SiteScope | null}
 */
export function siteScope(moduleUrl = import.meta.url) {
  const url = new URL(moduleUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const root = new URL('../../', url);
  return { origin: url.origin, root: root.href, models: new URL('models/', root).href, vendor: new URL('vitrine/vendor/', root).href };
}

/** The scope of the site this worker was loaded from (null in Node). */
export const SITE = siteScope();

/**
 * Refuse a URL this worker must not request: not absolute, not http(s), with credentials, on another
 * origin than the site, or (when `folder` is given) outside that folder of the site. Throws a
 * VitrineError (code download) that says so; nothing has been requested. Returns the normalised URL.
 * `..` and percent-encoded dots are resolved by the URL parser before the folder check.
 * @param {string} url
 * @param {SiteScope | null} site null: no check (Node tests)
 * @param {{folder?: string | null, what?: string}} [options] folder defaults to the site's models/
 * @returns {string}
 */
export function checkSiteUrl(url, site, { folder = site?.models, what = 'model file' } = {}) {
  if (!site) return url;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw refused(`The ${what} URL "${url}" is not a valid absolute URL, so it was not requested.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw refused(`The ${what} URL ${parsed.href} is not an http(s) URL of this site (${site.origin}), so it was not requested.`);
  }
  if (parsed.origin !== site.origin || parsed.username || parsed.password) {
    throw refused(`The ${what} ${parsed.href} is not on this site (${site.origin}), so it was not requested: ` +
      'the model manifest may be damaged or tampered with. Every file of a demo must come from the site itself.');
  }
  if (folder && !parsed.href.startsWith(folder)) {
    throw refused(`The ${what} ${parsed.href} is outside this site's folder ${folder}, so it was not requested: ` +
      'the model manifest may be damaged or tampered with.');
  }
  return parsed.href;
}

/** @param {string} message */
function refused(message) {
  return new VitrineError(ERROR_CODE.download, message);
}

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
 * @property {SiteScope | null} [site] where `url` must lie; defaults to SITE (null: no check)
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
  url = checkSiteUrl(url, options.site === undefined ? SITE : options.site);
  const expected = sha256.toLowerCase();
  const cache = await openCache(options.cacheStorage === undefined ? globalThis.caches : options.cacheStorage, warn);

  if (cache) {
    const cached = await readCached(cache, url, expected, options.bytes, warn);
    if (cached) {
      onProgress?.(cached.byteLength, cached.byteLength);
      return cached;
    }
  }

  let data = await download(url, options, 'default');
  let problem = await mismatch(url, data, expected, options.bytes);
  if (problem) {
    // The bad copy may be the browser's HTTP cache (max-age) rather than the server, which may be
    // fixed by now: ask the server itself, once, before giving up.
    warn(`${problem.message} Fetching it again from the server, bypassing the HTTP cache.`);
    data = await download(url, options, 'reload');
    problem = await mismatch(url, data, expected, options.bytes);
    // Never cached: a wrong file must not outlive its fix.
    if (problem) throw problem;
  }
  if (cache) storeVerified(cache, url, data, expected, warn);
  return data;
}

/** Cache writes still under way (cacheWritesSettled). @type {Set<Promise<void>>} */
const writes = new Set();

/**
 * Resolves once every Cache API write begun so far has finished or failed (they run in the background).
 * @returns {Promise<void>}
 */
export async function cacheWritesSettled() {
  while (writes.size) await Promise.all(writes);
}

/**
 * Store verified bytes in the background. The Response copies `data` when it is made, so the caller may
 * hand `data` on at once; Cache.put then stores the whole file or, failing (quota), nothing.
 * @param {Cache} cache
 * @param {string} url
 * @param {Uint8Array<ArrayBuffer>} data bytes whose sha256 is `sha256`
 * @param {string} sha256 lowercase hex
 * @param {(message: string) => void} warn
 */
function storeVerified(cache, url, data, sha256, warn) {
  /** @type {Promise<void>} */
  let write;
  try {
    const response = new Response(data, {
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.byteLength), [VERIFIED_HEADER]: sha256 },
    });
    write = cache.put(url, response);
  } catch (e) {
    write = Promise.reject(e);
  }
  const tracked = write.catch((e) => {
    warn(`Could not cache ${url} (${describe(e)}); it will be downloaded again next time.`);
  }).finally(() => writes.delete(tracked));
  writes.add(tracked);
}

/**
 * Why `data` is not the file the manifest names (a VitrineError with code integrity), or null.
 * `data` is a complete response (a cut-short one was retried in `download`), so a size other than the
 * manifest's means the server sent another file.
 * @param {string} url
 * @param {Uint8Array<ArrayBuffer>} data
 * @param {string} expected lowercase sha256
 * @param {number} bytes the manifest's size (0 or less: unknown)
 * @returns {Promise<VitrineError | null>}
 */
async function mismatch(url, data, expected, bytes) {
  if (bytes > 0 && data.byteLength !== bytes) {
    return new VitrineError(ERROR_CODE.integrity,
      `The server sent a different file than the manifest names for ${url} (${data.byteLength} bytes, expected ${bytes}), ` +
      'so it was not used: the site may be half-deployed; reload the page later.');
  }
  const actual = await sha256Hex(data);
  if (actual === expected) return null;
  return new VitrineError(ERROR_CODE.integrity,
    `The model file ${url} failed its integrity check (sha256 ${actual}, the manifest expects ${expected}), ` +
    'so it was not used. The site may be mid-deploy or a proxy altered the file; reload the page later to retry.');
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
 * The cached bytes of `url` if present and intact; a corrupt entry is deleted. The bytes are read once;
 * they are hashed unless the entry is one this module wrote after checking them (see the top of this file).
 * @param {Cache} cache
 * @param {string} url
 * @param {string} expected
 * @param {number} bytes the manifest's size (0 or less: unknown)
 * @param {(message: string) => void} warn
 * @returns {Promise<Uint8Array<ArrayBuffer> | null>}
 */
async function readCached(cache, url, expected, bytes, warn) {
  try {
    const response = await cache.match(url);
    if (!response) return null;
    const verified = response.headers.get(VERIFIED_HEADER)?.toLowerCase() === expected;
    const data = new Uint8Array(await response.arrayBuffer());
    if (verified && (bytes <= 0 || data.byteLength === bytes)) return data;
    if (await sha256Hex(data) === expected) return data;
    warn(`The cached copy of ${url} is damaged; downloading it again.`);
    await cache.delete(url);
  } catch (e) {
    warn(`Could not read ${url} from the cache (${describe(e)}); downloading it.`);
  }
  return null;
}

/**
 * Download with bounded retries: network errors, interrupted or cut-short bodies and 5xx/408/429
 * are retried with exponential backoff; other HTTP errors (404…) fail at once. A complete response
 * of the wrong size is returned as it is (the caller reports it: retrying would get the same file).
 * @param {string} url
 * @param {FetchModelOptions} options
 * @param {RequestCache} cacheMode 'default', or 'reload' to bypass the HTTP cache
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function download(url, { bytes, onProgress, fetchImpl = (i, init) => fetch(i, init), signal, attempts = ATTEMPTS, backoffMs = BACKOFF_MS }, cacheMode) {
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    try {
      return await downloadOnce(url, bytes, onProgress, fetchImpl, signal, cacheMode);
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
 * @param {RequestCache} cacheMode
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function downloadOnce(url, bytes, onProgress, fetchImpl, signal, cacheMode) {
  /** @type {RequestInit} */
  const init = {};
  if (signal) init.signal = signal;
  if (cacheMode !== 'default') init.cache = cacheMode;
  /** @type {Response} */
  let response;
  try {
    response = await fetchImpl(url, Object.keys(init).length ? init : undefined);
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
  const length = contentLength(response);
  const data = await readBody(response, url, length || bytes, bytes > 0 ? bytes : length ?? 0, onProgress, signal);
  // A body shorter than its Content-Length: the connection dropped (browsers usually fail the read
  // instead, which readBody reports as interrupted). Retry.
  if (length !== null && data.byteLength < length) {
    throw new RetryableError(`The model file download was cut short (${url}): got ${data.byteLength} of ${length} bytes.`);
  }
  // Without a Content-Length nothing says the body is complete: fewer bytes than the manifest's is
  // most likely a dropped connection too. With one that matches, the response is complete, and a size
  // other than the manifest's is another file (the caller's size check says so; no retry).
  // The stream yields decoded bytes, which is the manifest's size whatever the Content-Encoding.
  if (length === null && bytes > 0 && data.byteLength < bytes) {
    throw new RetryableError(`The model file download was cut short (${url}): got ${data.byteLength} of ${bytes} bytes.`);
  }
  return data;
}

/**
 * The size of the body as it will be read, from Content-Length; null when unknown. Content-Length
 * counts encoded bytes: with gzip/br the stream yields more than that, so it says nothing then.
 * @param {Response} response
 * @returns {number | null}
 */
function contentLength(response) {
  const header = response.headers.get('Content-Length');
  const length = Number(header);
  const encoded = (response.headers.get('Content-Encoding') ?? 'identity') !== 'identity';
  return !encoded && header !== null && header.trim() !== '' && Number.isInteger(length) && length >= 0 ? length : null;
}

/**
 * Read the body into one buffer, allocated up front at the size it should have (the manifest's), so
 * the file is not held twice (chunks, then their concatenation); a longer body grows it.
 * @param {Response} response
 * @param {string} url
 * @param {number} total the progress total
 * @param {number} capacity the expected size (0: unknown)
 * @param {((loaded: number, total: number) => void) | undefined} onProgress
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function readBody(response, url, total, capacity, onProgress, signal) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  let data = new Uint8Array(capacity);
  let loaded = 0;
  let lastReport = -Infinity;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (loaded + value.byteLength > data.byteLength) {
        const grown = new Uint8Array(Math.max(loaded + value.byteLength, 2 * data.byteLength));
        grown.set(data.subarray(0, loaded));
        data = grown;
      }
      data.set(value, loaded);
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
  return loaded === data.byteLength ? data : data.slice(0, loaded);
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
