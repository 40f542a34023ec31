import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { MODEL_CACHE, fetchModel, sha256Hex } from '../../worker/fetch_model.js';

const bytes = crypto.randomBytes(100_000);
const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
const url = 'https://h/models/m/fp32.0123.onnx';
const quiet = { warn: () => {}, backoffMs: 1 };

/** A fetch that streams `body` in chunks, with optional headers. */
function serve(body, { chunk = 10_000, status = 200, headers = {} } = {}) {
  return async () => {
    let offset = 0;
    const stream = new ReadableStream({
      pull(c) {
        if (offset >= body.length) return c.close();
        c.enqueue(new Uint8Array(body.subarray(offset, offset + chunk)));
        offset += chunk;
      },
    });
    return new Response(status === 200 ? stream : 'err', { status, headers });
  };
}

/** Answers with each of `responders` in turn (the last one repeats) and counts calls. */
function sequence(...responders) {
  const f = async (/** @type {any[]} */ ...args) => {
    f.calls++;
    return responders[Math.min(f.calls, responders.length) - 1](...args);
  };
  f.calls = 0;
  return f;
}

/** A minimal in-memory CacheStorage with optional failures. */
function memoryCaches({ openThrows = false, putThrows = false } = {}) {
  /** @type {Map<string, Map<string, Uint8Array>>} */
  const stores = new Map();
  return {
    stores,
    async open(name) {
      if (openThrows) throw new DOMException('quota', 'QuotaExceededError');
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name);
      return {
        async match(key) {
          const data = store.get(String(key));
          return data ? new Response(data) : undefined;
        },
        async put(key, response) {
          if (putThrows) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          store.set(String(key), new Uint8Array(await response.arrayBuffer()));
        },
        async delete(key) {
          return store.delete(String(key));
        },
      };
    },
  };
}

describe('fetchModel', () => {
  it('returns the bytes when the sha256 matches and reports progress up to the total', async () => {
    /** @type {[number, number][]} */
    const seen = [];
    const data = await fetchModel(url, {
      ...quiet, sha256, bytes: 1, onProgress: (l, t) => seen.push([l, t]),
      fetchImpl: serve(bytes, { headers: { 'Content-Length': String(bytes.length) } }),
    });
    assert.equal(Buffer.compare(Buffer.from(data), bytes), 0);
    assert.ok(seen.length >= 2, 'a first and a final report');
    assert.deepEqual(seen.at(-1), [bytes.length, bytes.length]);
    assert.equal(seen[0][1], bytes.length, 'total from Content-Length, not the manifest');
    assert.ok(seen.every(([l], i) => i === 0 || l >= seen[i - 1][0]), 'monotonic');
  });

  it('falls back to the manifest size without a usable Content-Length', async () => {
    /** @type {number[]} */
    const totals = [];
    await fetchModel(url, { ...quiet, sha256, bytes: bytes.length, onProgress: (_, t) => totals.push(t), fetchImpl: serve(bytes) });
    assert.equal(totals[0], bytes.length);
    totals.length = 0;
    await fetchModel(url, {
      ...quiet, sha256, bytes: bytes.length, onProgress: (_, t) => totals.push(t),
      fetchImpl: serve(bytes, { headers: { 'Content-Length': '9000', 'Content-Encoding': 'gzip' } }),
    });
    assert.equal(totals[0], bytes.length, 'gzip Content-Length counts encoded bytes');
  });

  it('fails with code integrity when the bytes differ, without retrying or caching', async () => {
    const tampered = Buffer.from(bytes);
    tampered[500] ^= 1;
    const caches = memoryCaches();
    const fetchImpl = sequence(serve(tampered));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches }),
      (e) => e.code === 'integrity' && e.message.includes(url) && e.message.includes(sha256) && /not used/.test(e.message));
    assert.equal(fetchImpl.calls, 1);
    assert.equal(caches.stores.get(MODEL_CACHE)?.size ?? 0, 0, 'a bad file is never cached');
  });

  it('fails fast with a clear message on 404', async () => {
    const fetchImpl = sequence(serve(bytes, { status: 404 }));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: 1, fetchImpl }),
      (e) => e.code === 'download' && e.message.includes(url) && /not found/.test(e.message) && e.message.includes('HTTP 404'));
    assert.equal(fetchImpl.calls, 1, '404 is not retried');
  });

  it('retries network errors, 5xx and cut-short bodies with backoff, then succeeds', async () => {
    const broken = async () => new Response(new ReadableStream({
      start(c) { c.enqueue(new Uint8Array(10)); },
      pull(c) { c.error(new Error('connection reset')); },
    }));
    for (const first of [async () => { throw new TypeError('Failed to fetch'); }, serve(bytes, { status: 503 }), broken,
      serve(bytes.subarray(0, 5000))]) {
      const fetchImpl = sequence(first, serve(bytes));
      const data = await fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl });
      assert.equal(data.byteLength, bytes.length);
      assert.equal(fetchImpl.calls, 2);
    }
  });

  it('gives up after the bounded number of attempts with the last reason', async () => {
    const fetchImpl = sequence(serve(bytes, { status: 500 }));
    const started = Date.now();
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: 1, fetchImpl, attempts: 3, backoffMs: 20 }),
      (e) => e.code === 'download' && e.message.includes('HTTP 500') && /Tried 3 times/.test(e.message));
    assert.equal(fetchImpl.calls, 3);
    assert.ok(Date.now() - started >= 20 + 40, 'exponential backoff between attempts');
    const truncated = sequence(serve(bytes.subarray(0, 5000)));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl: truncated }),
      (e) => e.code === 'download' && e.message.includes(`got 5000 of ${bytes.length} bytes`));
  });

  it('stops retrying when aborted', async () => {
    const controller = new AbortController();
    const fetchImpl = sequence(serve(bytes, { status: 500 }));
    const pending = fetchModel(url, { ...quiet, sha256, bytes: 1, fetchImpl, backoffMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (e) => e.name === 'AbortError' && e.code === 'aborted');
    assert.equal(fetchImpl.calls, 1);
  });

  it('caches verified files by URL and serves them without the network', async () => {
    const caches = memoryCaches();
    await fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage: caches });
    assert.equal(caches.stores.get(MODEL_CACHE)?.has(url), true);
    /** @type {[number, number][]} */
    const seen = [];
    const fetchImpl = sequence(serve(bytes));
    const data = await fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches, onProgress: (l, t) => seen.push([l, t]) });
    assert.equal(Buffer.compare(Buffer.from(data), bytes), 0);
    assert.equal(fetchImpl.calls, 0);
    assert.deepEqual(seen, [[bytes.length, bytes.length]]);
  });

  it('deletes a damaged cache entry and downloads again', async () => {
    const caches = memoryCaches();
    const damaged = new Uint8Array(bytes);
    damaged[7] ^= 1;
    (await caches.open(MODEL_CACHE)); caches.stores.get(MODEL_CACHE).set(url, damaged);
    /** @type {string[]} */
    const warnings = [];
    const fetchImpl = sequence(serve(bytes));
    const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches, warn: (m) => warnings.push(m) });
    assert.equal(Buffer.compare(Buffer.from(data), bytes), 0);
    assert.equal(fetchImpl.calls, 1);
    assert.equal(Buffer.compare(Buffer.from(caches.stores.get(MODEL_CACHE).get(url)), bytes), 0, 'replaced by the good file');
    assert.ok(warnings.some((w) => /damaged/.test(w)));
  });

  it('degrades to uncached loading when the Cache API is missing or over quota', async () => {
    for (const cacheStorage of [null, memoryCaches({ openThrows: true }), memoryCaches({ putThrows: true })]) {
      /** @type {string[]} */
      const warnings = [];
      const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage, warn: (m) => warnings.push(m) });
      assert.equal(data.byteLength, bytes.length);
      if (cacheStorage) assert.ok(warnings.some((w) => /Quota|quota|cach/.test(w)), warnings.join());
    }
  });

  it('sha256Hex matches node:crypto', async () => {
    assert.equal(await sha256Hex(new Uint8Array(bytes)), sha256);
  });
});
