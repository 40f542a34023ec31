// Defence in depth: the inference worker (real dispatcher + Engine) never requests a URL outside the
// site it was loaded from, whatever a `load` or `init` request names. js_runtime/manifest.js refuses
// such manifest URLs first; this checks the worker side on its own.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { createDispatcher } from '../../worker/dispatch.js';
import { Engine } from '../../worker/engine.js';
import { siteScope } from '../../worker/fetch_model.js';
import { RUNTIMES } from '../../worker/runtimes.js';

const SITE = siteScope('https://user.github.io/site/vitrine/worker/fetch_model.js');
const bytes = crypto.randomBytes(64);
const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');

/** A fake onnxruntime-web: records settings and sessions, fetches nothing itself. */
function fakeOrt() {
  const ort = {
    env: { wasm: /** @type {Record<string, unknown>} */ ({}) },
    created: /** @type {Uint8Array[]} */ ([]),
    InferenceSession: {
      async create(/** @type {Uint8Array} */ data) {
        ort.created.push(data);
        return { inputNames: ['x'], outputNames: ['y'], async release() {} };
      },
    },
  };
  return ort;
}

/** The real dispatcher and Engine (scoped to SITE), with a fetch and an ORT import that record calls. */
function worker() {
  const requested = /** @type {string[]} */ ([]);
  const ort = fakeOrt();
  let imports = 0;
  const fetchImpl = /** @type {typeof fetch} */ (async (input) => {
    requested.push(String(input));
    return new Response(bytes, { headers: { 'Content-Length': String(bytes.length) } });
  });
  const engine = new Engine(async () => { imports++; return /** @type {any} */ (ort); }, fetchImpl, RUNTIMES.wasm, SITE);
  const replies = /** @type {any[]} */ ([]);
  const dispatch = createDispatcher(engine, (reply) => replies.push(reply), `${SITE?.vendor}onnxruntime-web/`);
  return { dispatch, replies, requested, ort, get imports() { return imports; } };
}

describe('the inference worker only fetches from its own site', () => {
  it('refuses a load whose URL is on another host or outside models/, with a clear error and no request', async () => {
    const w = worker();
    await w.dispatch({ id: 1, type: 'init', numThreads: 1 });
    assert.equal(w.replies.at(-1).type, 'ready');
    const bad = [
      'http://evil.example/x.onnx',
      'https://evil.example/site/models/penguins/fp32.onnx',
      'https://user.github.io/site/vitrine/worker/worker.js',
      'https://user.github.io/site/models/../x.onnx',
      '//evil.example/x.onnx',
    ];
    for (const [i, url] of bad.entries()) {
      await w.dispatch({ id: 10 + i, type: 'load', model: `m${i}/fp32`, url, sha256, bytes: bytes.length });
      const reply = w.replies.at(-1);
      assert.equal(reply.id, 10 + i);
      assert.equal(reply.type, 'error', url);
      assert.equal(reply.code, 'download', url);
      assert.match(reply.message, /not requested/, url);
    }
    assert.match(w.replies.find((r) => r.id === 10).message,
      /http:\/\/evil\.example\/x\.onnx is not on this site \(https:\/\/user\.github\.io\), so it was not requested/);
    assert.deepEqual(w.requested, [], 'the worker requested a URL it was told to');
    assert.equal(w.ort.created.length, 0);

    // The site's own model file still loads (and a refused load did not poison the session key).
    const good = 'https://user.github.io/site/models/penguins/fp32.0123456789abcdef.onnx';
    await w.dispatch({ id: 20, type: 'load', model: 'm0/fp32', url: good, sha256, bytes: bytes.length });
    assert.deepEqual(w.replies.at(-1), { id: 20, type: 'loaded', inputs: ['x'], outputs: ['y'] });
    assert.deepEqual(w.requested, [good]);
  });

  it('refuses an init whose wasmPaths point away from the site\'s runtime folder, before importing the runtime', async () => {
    for (const wasmPaths of ['https://cdn.example/ort/', 'https://user.github.io/elsewhere/']) {
      const w = worker();
      await w.dispatch({ id: 1, type: 'init', numThreads: 1, wasmPaths });
      const reply = w.replies.at(-1);
      assert.equal(reply.type, 'error', wasmPaths);
      assert.match(reply.message, /runtime folder .* not requested/, wasmPaths);
      assert.equal(w.imports, 0);
      assert.equal(w.ort.env.wasm.wasmPaths, undefined);
    }
    const w = worker();
    await w.dispatch({ id: 1, type: 'init', numThreads: 1 });
    assert.equal(w.replies.at(-1).type, 'ready');
    assert.equal(w.ort.env.wasm.wasmPaths, 'https://user.github.io/site/vitrine/vendor/onnxruntime-web/');
  });
});
