// fetch_model.js on the start-up path (issue 18): the verified copy is written in the background (the
// session does not wait for it, a failed write is only logged, nothing half-written is ever cached), and
// a cached copy this module wrote after checking it is read once and not hashed again.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it, mock } from 'node:test';
import { MODEL_CACHE, VERIFIED_HEADER, cacheWritesSettled, fetchModel } from '../../worker/fetch_model.js';

const bytes = crypto.randomBytes(50_000);
const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
const url = 'https://h/models/m/fp32.0123.onnx';

/** An in-memory CacheStorage that keeps headers, whose puts can be held back (`hold`) or fail. */
function headerCaches({ putThrows = false } = {}) {
  /** @type {Map<string, {body: Uint8Array, headers: [string, string][]}>} */
  const store = new Map();
  /** @type {(() => void)[]} */
  const held = [];
  let holding = false;
  const cache = {
    async match(/** @type {any} */ key) {
      const entry = store.get(String(key));
      return entry ? new Response(entry.body.slice(), { headers: entry.headers }) : undefined;
    },
    async put(/** @type {any} */ key, /** @type {Response} */ response) {
      const body = new Uint8Array(await response.arrayBuffer());
      if (holding) await new Promise((resolve) => held.push(() => resolve(undefined)));
      if (putThrows) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      store.set(String(key), { body, headers: [...response.headers] });
    },
    async delete(/** @type {any} */ key) { return store.delete(String(key)); },
  };
  return {
    store,
    async open(/** @type {string} */ name) {
      assert.equal(name, MODEL_CACHE);
      return cache;
    },
    hold() { holding = true; },
    release() { holding = false; held.splice(0).forEach((f) => f()); },
  };
}

/** @param {Uint8Array} body */
function serve(body) {
  const f = async () => {
    f.calls++;
    return new Response(body.slice(), { headers: { 'Content-Length': String(body.byteLength) } });
  };
  f.calls = 0;
  return f;
}

/** Counts SHA-256 digests (crypto.subtle.digest) while `fn` runs. */
async function countDigests(/** @type {() => Promise<unknown>} */ fn) {
  const digest = mock.method(crypto.subtle, 'digest');
  try {
    await fn();
    return digest.mock.callCount();
  } finally {
    digest.mock.restore();
  }
}

describe('fetchModel: the Cache API write', () => {
  it('runs in the background: the bytes come back before the write is done, and the entry appears whole afterwards', async () => {
    const caches = headerCaches();
    caches.hold();
    const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage: /** @type {any} */ (caches), warn: () => {} });
    assert.equal(Buffer.compare(Buffer.from(data), bytes), 0);
    assert.equal(caches.store.size, 0, 'not written yet, and nothing half-written');
    caches.release();
    await cacheWritesSettled();
    const entry = caches.store.get(url);
    assert.ok(entry);
    assert.equal(Buffer.compare(Buffer.from(entry.body), bytes), 0);
    assert.deepEqual(entry.headers.find(([k]) => k === VERIFIED_HEADER.toLowerCase()), [VERIFIED_HEADER.toLowerCase(), sha256]);
  });

  it('the caller may reuse its bytes at once: the entry holds the file as verified, not what was done to the array after', async () => {
    const caches = headerCaches();
    caches.hold();
    const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage: /** @type {any} */ (caches), warn: () => {} });
    data.fill(0); // e.g. the runtime took it over
    caches.release();
    await cacheWritesSettled();
    assert.equal(Buffer.compare(Buffer.from(/** @type {any} */ (caches.store.get(url)).body), bytes), 0);
  });

  it('a failed write (quota) is logged when it fails and leaves no entry; the load has succeeded', async () => {
    const caches = headerCaches({ putThrows: true });
    /** @type {string[]} */
    const warnings = [];
    const data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage: /** @type {any} */ (caches), warn: (m) => warnings.push(m) });
    assert.equal(data.byteLength, bytes.length);
    await cacheWritesSettled();
    assert.equal(caches.store.size, 0);
    assert.ok(warnings.some((w) => /QuotaExceededError/.test(w) && /downloaded again next time/.test(w)), warnings.join());
  });
});

describe('fetchModel: reading the cache', () => {
  it('an entry this module wrote (its sha256 header, the manifest\'s size) is used without hashing it again', async () => {
    const caches = headerCaches();
    await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(bytes), cacheStorage: /** @type {any} */ (caches), warn: () => {} });
    await cacheWritesSettled();
    const fetchImpl = serve(bytes);
    /** @type {Uint8Array | undefined} */
    let data;
    const digests = await countDigests(async () => {
      data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl, cacheStorage: /** @type {any} */ (caches), warn: () => {} });
    });
    assert.equal(digests, 0);
    assert.equal(fetchImpl.calls, 0);
    assert.equal(Buffer.compare(Buffer.from(/** @type {Uint8Array} */ (data)), bytes), 0);
  });

  it('an entry without the header, with another sha256 in it, or of another size is hashed; a damaged one is replaced', async () => {
    const damaged = new Uint8Array(bytes);
    damaged[9] ^= 1;
    const cases = [
      { label: 'no header, intact', body: bytes, headers: [], downloads: 0 },
      { label: 'no header, damaged', body: damaged, headers: [], downloads: 1 },
      { label: 'another digest in the header', body: damaged, headers: [[VERIFIED_HEADER, '0'.repeat(64)]], downloads: 1 },
      { label: 'right digest, wrong size', body: bytes.subarray(0, 1000), headers: [[VERIFIED_HEADER, sha256]], downloads: 1 },
    ];
    for (const { label, body, headers, downloads } of cases) {
      const caches = headerCaches();
      caches.store.set(url, { body: new Uint8Array(body), headers: /** @type {[string, string][]} */ (headers) });
      const fetchImpl = serve(bytes);
      /** @type {Uint8Array | undefined} */
      let data;
      const digests = await countDigests(async () => {
        data = await fetchModel(url, { sha256, bytes: bytes.length, fetchImpl, cacheStorage: /** @type {any} */ (caches), warn: () => {} });
      });
      assert.ok(digests >= 1, `${label}: hashed`);
      assert.equal(fetchImpl.calls, downloads, label);
      assert.equal(Buffer.compare(Buffer.from(/** @type {Uint8Array} */ (data)), bytes), 0, label);
      await cacheWritesSettled();
      const entry = /** @type {any} */ (caches.store.get(url));
      assert.equal(Buffer.compare(Buffer.from(entry.body), bytes), 0, `${label}: the cache holds the good file`);
    }
  });
});

describe('fetchModel: reading the body', () => {
  it('gives exactly the bytes that came, whatever the manifest\'s size says (smaller, larger, unknown)', async () => {
    for (const declared of [bytes.length, 10, 0, bytes.length * 3]) {
      const chunked = async () => {
        let offset = 0;
        return new Response(new ReadableStream({
          pull(c) {
            if (offset >= bytes.length) return c.close();
            c.enqueue(new Uint8Array(bytes.subarray(offset, offset + 7_000)));
            offset += 7_000;
          },
        }), { headers: { 'Content-Length': String(bytes.length) } });
      };
      const run = fetchModel(url, { sha256, bytes: declared, fetchImpl: chunked, cacheStorage: null, warn: () => {}, backoffMs: 1 });
      if (declared === bytes.length || declared <= 0) {
        const data = await run;
        assert.equal(data.byteLength, bytes.length, `declared ${declared}`);
        assert.equal(data.buffer.byteLength, bytes.length, `declared ${declared}: no spare room kept`);
        assert.equal(Buffer.compare(Buffer.from(data), bytes), 0);
      } else {
        await assert.rejects(run, { code: 'integrity', message: /different file/ }, `declared ${declared}`);
      }
    }
  });
});
