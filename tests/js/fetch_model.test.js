import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { MODEL_CACHE, SITE, cacheWritesSettled, checkSiteUrl, fetchModel, sha256Hex, siteScope } from '../../worker/fetch_model.js';

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

/** Answers with each of `responders` in turn (the last one repeats), counts calls and records each call's `cache` mode. */
function sequence(...responders) {
  const f = async (/** @type {any[]} */ ...args) => {
    f.calls++;
    f.modes.push(args[1]?.cache ?? 'default');
    return responders[Math.min(f.calls, responders.length) - 1](...args);
  };
  f.calls = 0;
  /** @type {string[]} */
  f.modes = [];
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
      // bytes 0: a size the manifest does not state, so the total can only come from Content-Length
      ...quiet, sha256, bytes: 0, onProgress: (l, t) => seen.push([l, t]),
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

  it('fails with code integrity when the bytes differ, after one fetch that bypasses the HTTP cache, never caching', async () => {
    const tampered = Buffer.from(bytes);
    tampered[500] ^= 1;
    const caches = memoryCaches();
    const fetchImpl = sequence(serve(tampered));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches }),
      (e) => e.code === 'integrity' && e.message.includes(url) && e.message.includes(sha256) && /not used/.test(e.message));
    assert.deepEqual(fetchImpl.modes, ['default', 'reload'], 'no retry into the same result: only one refetch, from the server itself');
    assert.equal(caches.stores.get(MODEL_CACHE)?.size ?? 0, 0, 'a bad file is never cached');
  });

  it('a bad copy from the HTTP cache does not outlive its fix: the cache-bypassing refetch gets the fixed file', async () => {
    // The browser's HTTP cache (max-age=600) answers the default fetch with the old, corrupted bytes;
    // only a request with cache: 'reload' reaches the (fixed) server.
    const tampered = Buffer.from(bytes);
    tampered[500] ^= 1;
    for (const stale of [tampered, bytes.subarray(0, 60_000)]) {
      const caches = memoryCaches();
      /** @type {string[]} */
      const warnings = [];
      const calls = /** @type {string[]} */ ([]);
      const fetchImpl = async (/** @type {any} */ input, /** @type {RequestInit | undefined} */ init) => {
        calls.push(init?.cache ?? 'default');
        const body = init?.cache === 'reload' || init?.cache === 'no-store' ? bytes : stale;
        return serve(body, { headers: { 'Content-Length': String(body.length) } })();
      };
      const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches, backoffMs: 1, warn: (m) => warnings.push(m) });
      assert.equal(Buffer.compare(Buffer.from(data), bytes), 0);
      assert.deepEqual(calls, ['default', 'reload']);
      await cacheWritesSettled(); // the write runs in the background
      assert.equal(Buffer.compare(Buffer.from(caches.stores.get(MODEL_CACHE).get(url)), bytes), 0, 'the fixed file is cached');
      assert.ok(warnings.some((w) => /bypassing the HTTP cache/.test(w)), warnings.join());
    }
  });

  it('a complete file of another size is "a different file", not "cut short": no retries, never cached', async () => {
    for (const other of [bytes.subarray(0, 60_000), Buffer.concat([bytes, bytes.subarray(0, 10)])]) {
      const caches = memoryCaches();
      const fetchImpl = sequence(serve(other, { headers: { 'Content-Length': String(other.length) } }));
      await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches }), (e) => {
        assert.equal(e.code, 'integrity');
        assert.match(e.message, new RegExp(`sent a different file than the manifest names .*\\(${other.length} bytes, expected ${bytes.length}\\)`));
        assert.match(e.message, /half-deployed/);
        assert.doesNotMatch(e.message, /cut short|connection/);
        return true;
      });
      assert.deepEqual(fetchImpl.modes, ['default', 'reload'], 'not retried into the same result');
      assert.equal(caches.stores.get(MODEL_CACHE)?.size ?? 0, 0, 'a wrong file is never cached');
    }
    // Longer than the manifest says, without a Content-Length: cannot be a cut-short download either.
    const longer = sequence(serve(Buffer.concat([bytes, bytes.subarray(0, 10)])));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl: longer }),
      (e) => e.code === 'integrity' && /different file/.test(e.message));
    assert.equal(longer.calls, 2);
  });

  it('a body shorter than its Content-Length is cut short: retried, then reported as a connection problem', async () => {
    const short = () => serve(bytes.subarray(0, 5000), { headers: { 'Content-Length': String(bytes.length) } })();
    const recovers = sequence(short, serve(bytes, { headers: { 'Content-Length': String(bytes.length) } }));
    const data = await fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl: recovers });
    assert.equal(data.byteLength, bytes.length);
    assert.equal(recovers.calls, 2);
    const fetchImpl = sequence(short);
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl }),
      (e) => e.code === 'download' && e.message.includes(`cut short (${url}): got 5000 of ${bytes.length} bytes`) && /check your connection/.test(e.message));
    assert.equal(fetchImpl.calls, 3);
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

  it('by default tries 3 times, waiting 0.5 s then 1 s (the documented defaults)', async (t) => {
    // Record the waits fetchModel asks for and run them at once, so the defaults are checked exactly
    // without the test sleeping 1.5 s.
    /** @type {number[]} */
    const delays = [];
    const realSetTimeout = globalThis.setTimeout;
    t.mock.method(globalThis, 'setTimeout', (/** @type {() => void} */ fn, /** @type {number} */ ms) => {
      delays.push(ms);
      return realSetTimeout(fn, 0);
    });
    const fetchImpl = sequence(serve(bytes, { status: 503 }));
    await assert.rejects(fetchModel(url, { warn: () => {}, sha256, bytes: 1, fetchImpl }),
      (e) => e.code === 'download' && /Tried 3 times/.test(e.message));
    assert.equal(fetchImpl.calls, 3, 'attempts');
    assert.deepEqual(delays, [500, 1000], 'back-off before each retry');

    delays.length = 0;
    const recovers = sequence(serve(bytes, { status: 503 }), serve(bytes, { status: 503 }), serve(bytes));
    const data = await fetchModel(url, { warn: () => {}, sha256, bytes: bytes.length, fetchImpl: recovers });
    assert.equal(data.byteLength, bytes.length, 'the third (last default) attempt is still made');
    assert.deepEqual(delays, [500, 1000]);
  });

  it('retries 408 and 429 like 5xx, but not other client errors', async () => {
    for (const status of [408, 429]) {
      const fetchImpl = sequence(serve(bytes, { status }), serve(bytes));
      const data = await fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl });
      assert.equal(data.byteLength, bytes.length, `HTTP ${status}`);
      assert.equal(fetchImpl.calls, 2, `HTTP ${status} is retried`);
    }
    for (const status of [400, 403]) {
      const fetchImpl = sequence(serve(bytes, { status }), serve(bytes));
      await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl }),
        (e) => e.code === 'download' && e.message.includes(`HTTP ${status}`));
      assert.equal(fetchImpl.calls, 1, `HTTP ${status} is not retried`);
    }
  });

  it('an already aborted signal requests nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchImpl = sequence(serve(bytes));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl, signal: controller.signal }),
      (e) => e.name === 'AbortError' && e.code === 'aborted');
    assert.equal(fetchImpl.calls, 0);
  });

  it('aborting during the download rejects at once and is not retried', async () => {
    const controller = new AbortController();
    const stalled = async () => new Response(new ReadableStream({
      start(c) { c.enqueue(new Uint8Array(10)); setTimeout(() => { controller.abort(); c.error(new DOMException('aborted', 'AbortError')); }, 10); },
    }));
    const fetchImpl = sequence(stalled, serve(bytes));
    await assert.rejects(fetchModel(url, { ...quiet, sha256, bytes: bytes.length, fetchImpl, signal: controller.signal }),
      (e) => e.name === 'AbortError' && e.code === 'aborted');
    assert.equal(fetchImpl.calls, 1);
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
    await cacheWritesSettled(); // the write runs in the background
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
    await cacheWritesSettled(); // the write runs in the background
    assert.equal(Buffer.compare(Buffer.from(caches.stores.get(MODEL_CACHE).get(url)), bytes), 0, 'replaced by the good file');
    assert.ok(warnings.some((w) => /damaged/.test(w)));
  });

  it('degrades to uncached loading when the Cache API is missing or over quota', async () => {
    for (const cacheStorage of [null, memoryCaches({ openThrows: true }), memoryCaches({ putThrows: true })]) {
      /** @type {string[]} */
      const warnings = [];
      const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage, warn: (m) => warnings.push(m) });
      assert.equal(data.byteLength, bytes.length);
      await cacheWritesSettled(); // a failed write is logged when it fails, after the bytes were returned
      if (cacheStorage) assert.ok(warnings.some((w) => /Quota|quota|cach/.test(w)), warnings.join());
    }
  });

  it('refuses a URL that is not in the site\'s models folder, before any request', async () => {
    const site = siteScope('https://user.github.io/site/vitrine/worker/fetch_model.js');
    assert.deepEqual(site, {
      origin: 'https://user.github.io', root: 'https://user.github.io/site/',
      models: 'https://user.github.io/site/models/', vendor: 'https://user.github.io/site/vitrine/vendor/',
    });
    assert.equal(SITE, null, 'in Node (file:// modules) there is no site to confine to');
    for (const bad of [
      'http://evil.example/x.onnx',
      'https://evil.example/site/models/m/fp32.onnx',
      'http://user.github.io/site/models/m/fp32.onnx', // another origin: the scheme differs
      'https://user.github.io/other-site/models/m/fp32.onnx',
      'https://user.github.io/site/models/../secret.onnx',
      'https://user.github.io/site/models/%2e%2e/secret.onnx',
      'https://user:pw@user.github.io/site/models/m/fp32.onnx',
      'data:application/octet-stream;base64,AAAA',
      'models/m/fp32.onnx',
    ]) {
      const caches = memoryCaches();
      const fetchImpl = sequence(serve(bytes));
      await assert.rejects(fetchModel(bad, { ...quiet, sha256, bytes: bytes.length, fetchImpl, cacheStorage: caches, site }),
        (e) => e.code === 'download' && /not requested/.test(e.message), bad);
      assert.equal(fetchImpl.calls, 0, `${bad} was requested`);
      assert.equal(caches.stores.size, 0, `${bad}: the cache was consulted`);
    }
    assert.throws(() => checkSiteUrl('http://evil.example/x.onnx', site), /not on this site \(https:\/\/user\.github\.io\)/);
    const good = 'https://user.github.io/site/models/m/fp32.0123.onnx';
    const data = await fetchModel(good, { ...quiet, sha256, bytes: bytes.length, fetchImpl: serve(bytes), site });
    assert.equal(data.byteLength, bytes.length);
  });

  it('sha256Hex matches node:crypto', async () => {
    assert.equal(await sha256Hex(new Uint8Array(bytes)), sha256);
  });
});
