// Cancellation (`cancel {id}`): the dispatcher drops queued runs, the client rejects at once with an
// AbortError, and results of cancelled runs never reach the caller. A fake engine keeps it fast.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDispatcher } from '../../worker/dispatch.js';
import { WorkerClient, isAbortError } from '../../js_runtime/worker_client.js';

/** An engine whose runs take `ms` each and record which feeds they ran. */
function fakeEngine(ms = 30) {
  const ran = /** @type {number[]} */ ([]);
  let running = 0;
  let maxConcurrent = 0;
  return {
    ran,
    get maxConcurrent() { return maxConcurrent; },
    async init() { return { backend: 'wasm', threads: 1, features: { wasmSimd: true, crossOriginIsolated: false } }; },
    async load() { return { inputs: ['x'], outputs: ['y'] }; },
    async dispose() {},
    /** @param {{feeds: any}} request */
    async run({ feeds }) {
      running++;
      maxConcurrent = Math.max(maxConcurrent, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      ran.push(feeds.x.data[0]);
      return { outputs: { y: { type: 'float32', dims: [1], data: new Float32Array([feeds.x.data[0]]) } }, ms };
    },
  };
}

/** A worker whose other side is the real dispatcher over a structured-clone boundary. */
function fakeWorker(engine) {
  const worker = new EventTarget();
  const posted = /** @type {any[]} */ ([]);
  const dispatch = createDispatcher(/** @type {any} */ (engine), (reply, transfer = []) => {
    const data = structuredClone(reply, { transfer });
    setImmediate(() => worker.dispatchEvent(Object.assign(new Event('message'), { data })));
  }, 'file:///ort/');
  return Object.assign(worker, {
    posted,
    /** @param {any} message */
    postMessage(message) {
      const data = structuredClone(message);
      posted.push(data);
      setImmediate(() => dispatch(data));
    },
    terminate() {},
  });
}

const feeds = (/** @type {number} */ v) => ({ x: { type: 'float32', dims: [1], data: new Float32Array([v]) } });

describe('cancel', () => {
  it('drops queued runs, rejects them with an AbortError and keeps the newest', async () => {
    const engine = fakeEngine();
    /** @type {any} */
    let worker;
    const client = new WorkerClient(() => (worker = fakeWorker(engine)), { numThreads: 1 });
    await client.start();
    const controllers = [1, 2, 3, 4].map(() => new AbortController());
    const calls = [1, 2, 3, 4].map((v, i) => client.run('m/fp32', /** @type {any} */ (feeds(v)), [], undefined, controllers[i].signal));
    await new Promise((r) => setTimeout(r, 5)); // all four reached the worker; the first is running
    for (const c of controllers.slice(0, 3)) c.abort(); // 2 and 3 are queued, 1 is running
    const results = await Promise.allSettled(calls);
    for (const r of results.slice(0, 3)) {
      assert.equal(r.status, 'rejected');
      assert.ok(isAbortError(/** @type {PromiseRejectedResult} */ (r).reason));
      assert.equal(/** @type {any} */ (r).reason.code, 'aborted');
    }
    assert.equal(/** @type {any} */ (results[3]).value.outputs.y.data[0], 4);
    assert.deepEqual(engine.ran, [1, 4], 'the queued runs 2 and 3 never ran');
    assert.equal(engine.maxConcurrent, 1, 'runs of one model stay serialised');
    assert.deepEqual(worker.posted.filter((m) => m.type === 'cancel').map((m) => m.id).length, 3);
  });

  it('an already aborted signal sends nothing; cancelling a finished request is harmless', async () => {
    const engine = fakeEngine(1);
    /** @type {any} */
    let worker;
    const client = new WorkerClient(() => (worker = fakeWorker(engine)), { numThreads: 1 });
    await client.start();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(client.run('m/fp32', /** @type {any} */ (feeds(1)), [], undefined, controller.signal), isAbortError);
    assert.equal(worker.posted.filter((m) => m.type === 'run').length, 0);
    const late = new AbortController();
    const reply = await client.run('m/fp32', /** @type {any} */ (feeds(2)), [], undefined, late.signal);
    late.abort();
    assert.equal(reply.outputs.y.data[0], 2);
    assert.equal(worker.posted.filter((m) => m.type === 'cancel').length, 0, 'nothing pending, nothing to cancel');
    assert.equal(client.pending.size, 0);
  });

  it('a cancel for an unknown id gets no reply and does not disturb other requests', async () => {
    const engine = fakeEngine(1);
    /** @type {any} */
    let worker;
    const client = new WorkerClient(() => (worker = fakeWorker(engine)), { numThreads: 1 });
    await client.start();
    worker.postMessage({ id: 999, type: 'cancel' });
    const reply = await client.run('m/fp32', /** @type {any} */ (feeds(5)), []);
    assert.equal(reply.outputs.y.data[0], 5);
  });
});
