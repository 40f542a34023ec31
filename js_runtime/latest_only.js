// "Latest input wins" for demo widgets, without DOM: debounce the inputs, keep at most one task in
// flight, cancel a superseded one with its AbortSignal, and never report the answer (or error) of a
// task whose input has been superseded. The demo shell (demo_shell.js) runs every model call through it.
//
// Sequence numbers, not value comparisons, decide what is stale: every submit() or now() makes a new
// input, and only the task started for the newest one reports.

/**
 * @template I, R
 * @typedef {object} LatestOnlyOptions
 * @property {number} [delay] debounce of submit() in ms (0: on the next macrotask)
 * @property {(result: R, input: I) => void} onResult the newest input's result
 * @property {(error: unknown, input: I) => void} onError the newest input's failure (cancellations are
 *   never reported)
 * @property {{setTimeout: (fn: () => void, ms: number) => unknown, clearTimeout: (handle: any) => void}} [timers]
 *   for tests; the global ones by default
 */

/**
 * @template I
 * @typedef {object} LatestOnly
 * @property {(input: I) => void} submit the newest input, run after `delay` ms without a newer one; a task
 *   still in flight then is cancelled (its answer would be for older input)
 * @property {(input: I) => void} now the newest input, run at once (cancelling a task in flight)
 * @property {() => void} cancel drop the pending input and cancel the task in flight; nothing reports
 *   until the next submit() or now()
 * @property {() => boolean} busy whether an input is waiting or a task is in flight
 * @property {() => Promise<void>} idle resolves once nothing waits and nothing is in flight
 */

/**
 * @template I, R
 * @param {(input: I, signal: AbortSignal) => Promise<R>} task
 * @param {LatestOnlyOptions<I, R>} options
 * @returns {LatestOnly<I>}
 */
export function latestOnly(task, options) {
  const delay = options.delay ?? 0;
  const timers = options.timers ?? {
    setTimeout: (/** @type {() => void} */ fn, /** @type {number} */ ms) => setTimeout(fn, ms),
    clearTimeout: (/** @type {any} */ handle) => clearTimeout(handle),
  };
  /** Sequence number of the newest input. */
  let newest = 0;
  /** The newest input, not started yet. @type {{seq: number, input: I} | null} */
  let pending = null;
  /** The task in flight. @type {{seq: number, controller: AbortController} | null} */
  let current = null;
  /** @type {unknown} */
  let timer = null;
  /** @type {(() => void)[]} */
  let waiters = [];

  function stopTimer() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function settleWaiters() {
    if (pending || current || timer !== null) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  /** Start the pending input now, or make room for it by cancelling the task in flight. */
  function kick() {
    stopTimer();
    if (!pending) return settleWaiters();
    if (current) {
      current.controller.abort(); // the loop starts the pending input once this task has settled
      return;
    }
    loop();
  }

  async function loop() {
    while (pending) {
      const { seq, input } = pending;
      pending = null;
      stopTimer(); // a debounced input started early (its predecessor went stale) needs no timer
      const controller = new AbortController();
      current = { seq, controller };
      /** @type {{ok: true, result: R} | {ok: false, error: unknown}} */
      let outcome;
      try {
        outcome = { ok: true, result: await task(input, controller.signal) };
      } catch (error) {
        outcome = { ok: false, error };
      } finally {
        current = null;
      }
      if (seq !== newest || controller.signal.aborted) continue; // superseded: its answer is for older input
      if (outcome.ok) {
        try {
          options.onResult(outcome.result, input);
        } catch (error) {
          outcome = { ok: false, error }; // a result the widget cannot show is that input's failure
        }
      }
      if (!outcome.ok) {
        try {
          options.onError(outcome.error, input);
        } catch (e) {
          console.error('[vitrine] a demo could not report an error:', e, outcome.error); // later input still runs
        }
      }
    }
    settleWaiters();
  }

  return {
    submit(input) {
      pending = { seq: ++newest, input };
      stopTimer();
      timer = timers.setTimeout(() => {
        timer = null;
        kick();
      }, delay);
    },
    now(input) {
      pending = { seq: ++newest, input };
      kick();
    },
    cancel() {
      newest++;
      pending = null;
      stopTimer();
      current?.controller.abort();
      settleWaiters();
    },
    busy: () => pending !== null || current !== null,
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settleWaiters();
      });
    },
  };
}
