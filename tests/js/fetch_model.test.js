import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { fetchModel, sha256Hex } from '../../worker/fetch_model.js';

const bytes = crypto.randomBytes(100_000);
const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
const url = 'https://h/models/m/fp32.0123.onnx';

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

describe('fetchModel', () => {
  it('returns the bytes when the sha256 matches and reports progress up to the total', async () => {
    /** @type {[number, number][]} */
    const seen = [];
    const data = await fetchModel(url, {
      sha256, bytes: 1, onProgress: (l, t) => seen.push([l, t]),
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
    await fetchModel(url, { sha256, bytes: bytes.length, onProgress: (_, t) => totals.push(t), fetchImpl: serve(bytes) });
    assert.equal(totals[0], bytes.length);
    totals.length = 0;
    await fetchModel(url, {
      sha256, bytes: bytes.length, onProgress: (_, t) => totals.push(t),
      fetchImpl: serve(bytes, { headers: { 'Content-Length': '9000', 'Content-Encoding': 'gzip' } }),
    });
    assert.equal(totals[0], bytes.length, 'gzip Content-Length counts encoded bytes');
  });

  it('fails with code integrity when the bytes differ', async () => {
    const tampered = Buffer.from(bytes);
    tampered[500] ^= 1;
    await assert.rejects(fetchModel(url, { sha256, bytes: bytes.length, fetchImpl: serve(tampered) }),
      (e) => e.code === 'integrity' && e.message.includes(url) && e.message.includes(sha256) && /not used/.test(e.message));
  });

  it('fails with code download on HTTP errors, network errors and broken streams', async () => {
    await assert.rejects(fetchModel(url, { sha256, bytes: 1, fetchImpl: serve(bytes, { status: 404 }) }),
      { code: 'download', message: `The model file could not be downloaded (${url}): HTTP 404.` });
    await assert.rejects(fetchModel(url, { sha256, bytes: 1, fetchImpl: async () => { throw new TypeError('Failed to fetch'); } }),
      { code: 'download', message: `The model file could not be downloaded (${url}): network error: Failed to fetch.` });
    const broken = async () => new Response(new ReadableStream({
      start(c) { c.enqueue(new Uint8Array(10)); },
      pull(c) { c.error(new Error('connection reset')); },
    }));
    await assert.rejects(fetchModel(url, { sha256, bytes: 1, fetchImpl: broken }),
      { code: 'download', message: `The model file download was interrupted (${url}) after 10 bytes: connection reset.` });
  });

  it('sha256Hex matches node:crypto', async () => {
    assert.equal(await sha256Hex(new Uint8Array(bytes)), sha256);
  });
});
