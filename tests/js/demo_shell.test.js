// The demo shell's running logic (js_runtime/latest_only.js): debounce, one task in flight, a superseded
// task cancelled through its AbortSignal, stale answers and errors never reported. The shell's DOM part
// is tested in Chromium (tests/browser/test_demo_image_widget.py and the tabular demo tests).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latestOnly } from '../../js_runtime/latest_only.js';

/** Timers the test fires by hand. */
function manualTimers() {
  /** @type {Map<number, () => void>} */
  const pending = new Map();
  let next = 0;
  return {
    setTimeout: (/** @type {() => void} */ fn) => { pending.set(++next, fn); return next; },
    clearTimeout: (/** @type {number} */ id) => { pending.delete(id); },
    get count() { return pending.size; },
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

/**
 * A task whose calls the test settles by hand; each call records its input and whether its signal was
 * aborted. With `honourAbort`, an abort rejects the call at once with an AbortError (like Model.predict).
 * @param {{honourAbort?: boolean}} [options]
 */
function controlledTask({ honourAbort = true } = {}) {
  /** @type {{input: any, signal: AbortSignal, resolve: (v: any) => void, reject: (e: any) => void}[]} */
  const calls = [];
  let running = 0;
  let maxRunning = 0;
  return {
    calls,
    get maxRunning() { return maxRunning; },
    /** @param {any} input @param {AbortSignal} signal */
    task(input, signal) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      return new Promise((resolve, reject) => {
        calls.push({ input, signal, resolve, reject });
        if (honourAbort) {
          signal.addEventListener('abort', () => {
            const e = new Error('cancelled');
            e.name = 'AbortError';
            reject(e);
          });
        }
      }).finally(() => { running--; });
    },
  };
}

function recorder() {
  /** @type {any[]} */
  const results = [];
  /** @type {any[]} */
  const errors = [];
  return {
    results,
    errors,
    onResult: (/** @type {any} */ r, /** @type {any} */ input) => results.push([input, r]),
    onError: (/** @type {any} */ e, /** @type {any} */ input) => errors.push([input, e instanceof Error ? e.message : e]),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('latestOnly', () => {
  it('debounces submit(): only the last of a burst runs, after the delay', async () => {
    const timers = manualTimers();
    const t = controlledTask();
    const rec = recorder();
    const runner = latestOnly(t.task, { delay: 150, timers, ...rec });
    runner.submit(1);
    runner.submit(2);
    runner.submit(3);
    await tick();
    assert.equal(t.calls.length, 0);
    assert.equal(timers.count, 1, 'one timer for the burst');
    assert.equal(runner.busy(), true);
    timers.fire();
    assert.deepEqual(t.calls.map((c) => c.input), [3]);
    t.calls[0].resolve('r3');
    await runner.idle();
    assert.deepEqual(rec.results, [[3, 'r3']]);
    assert.deepEqual(rec.errors, []);
    assert.equal(runner.busy(), false);
  });

  it('now() runs at once and replaces a debounced input', async () => {
    const timers = manualTimers();
    const t = controlledTask();
    const rec = recorder();
    const runner = latestOnly(t.task, { delay: 150, timers, ...rec });
    runner.submit('typed');
    runner.now('submitted');
    assert.equal(timers.count, 0);
    assert.deepEqual(t.calls.map((c) => c.input), ['submitted']);
    t.calls[0].resolve('ok');
    await runner.idle();
    assert.deepEqual(rec.results, [['submitted', 'ok']]);
  });

  it('cancels the task in flight when a newer input starts, and reports only the newer one', async () => {
    const t = controlledTask();
    const rec = recorder();
    const runner = latestOnly(t.task, { ...rec });
    runner.now('a');
    runner.now('b');
    assert.equal(t.calls[0].signal.aborted, true, 'the superseded call is cancelled');
    await tick();
    assert.deepEqual(t.calls.map((c) => c.input), ['a', 'b']);
    assert.equal(t.calls[1].signal.aborted, false);
    t.calls[1].resolve('rb');
    await runner.idle();
    assert.deepEqual(rec.results, [['b', 'rb']]);
    assert.deepEqual(rec.errors, [], 'a cancellation is not an error');
    assert.equal(t.maxRunning, 1);
  });

  it('drops the late answer of a task that ignores its signal, and keeps one task in flight', async () => {
    const t = controlledTask({ honourAbort: false });
    const rec = recorder();
    const runner = latestOnly(t.task, { ...rec });
    runner.now('a');
    runner.now('b');
    runner.now('c');
    await tick();
    assert.deepEqual(t.calls.map((c) => c.input), ['a'], 'b and c wait for a to settle; b is never run');
    t.calls[0].resolve('ra');
    await tick();
    assert.deepEqual(t.calls.map((c) => c.input), ['a', 'c']);
    t.calls[1].resolve('rc');
    await runner.idle();
    assert.deepEqual(rec.results, [['c', 'rc']]);
    assert.equal(t.maxRunning, 1);
  });

  it('an answer that went stale while a newer input waits on the debounce starts that input at once', async () => {
    const timers = manualTimers();
    const t = controlledTask({ honourAbort: false });
    const rec = recorder();
    const runner = latestOnly(t.task, { delay: 150, timers, ...rec });
    runner.now('a');
    runner.submit('b'); // still debouncing when a's answer arrives
    t.calls[0].resolve('ra');
    await tick();
    assert.deepEqual(t.calls.map((c) => c.input), ['a', 'b']);
    assert.equal(timers.count, 0, 'the debounce timer is dropped');
    t.calls[1].resolve('rb');
    await runner.idle();
    assert.deepEqual(rec.results, [['b', 'rb']]);
  });

  it('reports the newest input\'s error, never a superseded one\'s', async () => {
    const t = controlledTask({ honourAbort: false });
    const rec = recorder();
    const runner = latestOnly(t.task, { ...rec });
    runner.now('a');
    runner.now('b');
    t.calls[0].reject(new Error('a failed'));
    await tick();
    t.calls[1].reject(new Error('b failed'));
    await runner.idle();
    assert.deepEqual(rec.errors, [['b', 'b failed']]);
    assert.deepEqual(rec.results, []);
    // And it goes on working.
    runner.now('c');
    t.calls[2].resolve('rc');
    await runner.idle();
    assert.deepEqual(rec.results, [['c', 'rc']]);
  });

  it('cancel() aborts the task in flight, drops the pending input and reports nothing', async () => {
    const timers = manualTimers();
    const t = controlledTask();
    const rec = recorder();
    const runner = latestOnly(t.task, { delay: 150, timers, ...rec });
    runner.now('a');
    runner.submit('b');
    runner.cancel();
    assert.equal(t.calls[0].signal.aborted, true);
    assert.equal(timers.count, 0);
    await runner.idle();
    assert.deepEqual(t.calls.map((c) => c.input), ['a']);
    assert.deepEqual(rec.results, []);
    assert.deepEqual(rec.errors, []);
    assert.equal(runner.busy(), false);
  });

  it('a result the widget cannot show is reported as that input\'s error', async () => {
    const t = controlledTask();
    /** @type {any[]} */
    const errors = [];
    const runner = latestOnly(t.task, {
      onResult: () => { throw new Error('cannot draw'); },
      onError: (e, input) => errors.push([input, /** @type {Error} */ (e).message]),
    });
    runner.now('x');
    t.calls[0].resolve('weird');
    await runner.idle();
    assert.deepEqual(errors, [['x', 'cannot draw']]);
  });

  it('uses real timers by default', async () => {
    const rec = recorder();
    const runner = latestOnly(async (/** @type {number} */ n) => n * 2, { delay: 5, ...rec });
    runner.submit(1);
    runner.submit(2);
    await new Promise((r) => setTimeout(r, 30));
    await runner.idle();
    assert.deepEqual(rec.results, [[2, 4]]);
  });
});
